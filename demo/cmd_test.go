package demo

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestMainHelp: asking for help prints the usage to stdout and is no error (exit 0); a
// bad flag is an error with the usage on stderr.
func TestMainHelp(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantErr    bool
		wantStdout bool // the usage is on stdout, else on stderr
	}{
		{"-h", []string{"-h"}, false, true},
		{"--help", []string{"--help"}, false, true},
		{"-help after a flag", []string{"--addr", "127.0.0.1:0", "-help"}, false, true},
		{"unknown flag", []string{"--bogus"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			stop := make(chan struct{})
			close(stop) // a command that did start a server stops at once
			err := runWith(tt.args, &stdout, &stderr, stop)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}

			usage, other := stdout.String(), stderr.String()
			if !tt.wantStdout {
				usage, other = other, usage
			}
			for _, want := range []string{"Usage: alpacon-tui demo-server", "-addr", "-faults"} {
				if !strings.Contains(usage, want) {
					t.Errorf("usage lacks %q:\n%s", want, usage)
				}
			}
			if other != "" {
				t.Errorf("unexpected output on the other stream: %q", other)
			}
		})
	}
}

// TestMainUsageErrors: how the command was called is wrong, so the error
// wraps ErrUsage and no server starts.
func TestMainUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--bogus"}, {"extra"}, {"--addr"}, {"--faults", "html500=2"},
		{"--faults", "latency=abc"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			stop := make(chan struct{})
			close(stop)
			err := runWith(args, &stdout, &stderr, stop)
			if !errors.Is(err, ErrUsage) {
				t.Fatalf("error = %v, want one wrapping ErrUsage", err)
			}
			if strings.Contains(stdout.String(), "url:") {
				t.Fatalf("a server started: %q", stdout.String())
			}
		})
	}
}
