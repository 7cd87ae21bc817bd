package errtext

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
	"time"
)

func TestUnreachableAndCause(t *testing.T) {
	// A port nothing listens on: bind one, then close it.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, refused := http.Get("http://" + addr + "/")

	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()

	tests := []struct {
		name   string
		err    error
		unrch  bool
		reason string
	}{
		{"refused", refused, true, "connect: connection refused"},
		{"deadline", ctx.Err(), true, "timed out"},
		{"other", errors.New("HTTP 500"), false, "HTTP 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Unreachable(tt.err); got != tt.unrch {
				t.Errorf("Unreachable = %v, want %v (%v)", got, tt.unrch, tt.err)
			}
			if got := Cause(tt.err); got != tt.reason {
				t.Errorf("Cause = %q, want %q", got, tt.reason)
			}
		})
	}
}

func TestHost(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:8000":     "127.0.0.1:8000",
		"https://ws.ap1.alpacon.io": "ws.ap1.alpacon.io",
		"localhost:8000":            "localhost:8000",
	} {
		if got := Host(in); got != want {
			t.Errorf("Host(%q) = %q, want %q", in, got, want)
		}
	}
}
