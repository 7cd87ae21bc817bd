package websh

import (
	"errors"
	"fmt"
	"testing"

	"alpacon-tui/client"
)

func TestDescribeEnd(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"client close error", &client.CloseError{Code: 1011, Reason: "agent gone"}, "1011 agent gone"},
		{"wrapped, no reason", fmt.Errorf("recv: %w", &client.CloseError{Code: 1006}), "1006"},
		{"close-code method", &closeError{code: 4403, reason: "denied"}, "4403 denied"},
		{"plain error", errors.New("read tcp: reset"), "read tcp: reset"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := describeEnd(c.err); got != c.want {
				t.Errorf("describeEnd = %q, want %q", got, c.want)
			}
		})
	}
}

func TestFitNote(t *testing.T) {
	long := "connection lost: 1006 a very long reason from the server side"
	cases := []struct {
		width int
		want  string
	}{
		{200, long + returnHint},
		{40, "connection lost…" + returnHint},
		{12, "connection …"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.width), func(t *testing.T) {
			if got := fitNote(long, returnHint, c.width); got != c.want {
				t.Errorf("fitNote = %q, want %q", got, c.want)
			}
		})
	}
}
