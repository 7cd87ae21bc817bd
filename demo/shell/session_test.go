//go:build unix

package shell

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gorilla/websocket"
)

// prompt is part of the bash prompt this package sets (root or not).
const prompt = "@demo:"

func TestStartSize(t *testing.T) {
	tests := []struct {
		name       string
		rows, cols int
		want       string
	}{
		{"defaults", 0, 0, "size=24 80"},
		{"requested", 40, 120, "size=40 120"},
		{"negative rows", -5, 100, "size=24 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startShell(t, Options{Rows: tt.rows, Cols: tt.cols})
			c := newBridge(t, s).dial(AttachOptions{Master: true})
			c.waitFor(prompt)

			c.send(websocket.TextMessage, "echo size=$(stty size)\r")
			c.waitFor(tt.want)
		})
	}
}

func TestResize(t *testing.T) {
	s := startShell(t, Options{Rows: 30, Cols: 90})
	c := newBridge(t, s).dial(AttachOptions{Master: true})
	c.waitFor(prompt)

	steps := []struct {
		name       string
		rows, cols int
		want       string
	}{
		{"grow", 50, 160, "50 160"},
		{"keep rows", 0, 100, "50 100"},
		{"keep both", -1, -1, "50 100"},
		{"clip", 20, 99999, "20 32767"},
	}
	for i, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := s.Resize(st.rows, st.cols); err != nil {
				t.Fatalf("Resize: %v", err)
			}
			if r, cl := s.Size(); fmt.Sprintf("%d %d", r, cl) != st.want {
				t.Errorf("Size() = %d %d, want %s", r, cl, st.want)
			}

			// The step number keeps an earlier answer from satisfying this wait.
			c.send(websocket.BinaryMessage, fmt.Sprintf("echo step%d=$(stty size)\r", i))
			c.waitFor(fmt.Sprintf("step%d=%s", i, st.want))
		})
	}
}

func TestEnvironmentIsClean(t *testing.T) {
	t.Setenv("ALPACON_TEST_SECRET", "do-not-leak")
	s := startShell(t, Options{Env: []string{"EXTRA=yes", "LANG=C"}})
	c := newBridge(t, s).dial(AttachOptions{Master: true})
	c.waitFor(prompt)

	c.send(websocket.TextMessage,
		"echo env=[$ALPACON_TEST_SECRET][$TERM][$LANG][$EXTRA][$HOME]; pwd\r")
	c.waitFor(fmt.Sprintf("env=[][xterm-256color][C][yes][%s]", s.Home()))
	c.waitFor(s.Home() + "\r\n")

	home := s.Home()
	if _, err := os.Stat(home); err != nil {
		t.Fatalf("temporary home missing while running: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := os.Stat(home); !os.IsNotExist(err) {
		t.Errorf("temporary home %s not removed after Close: %v", home, err)
	}
}

func TestGivenHomeIsKept(t *testing.T) {
	home := t.TempDir()
	s := startShell(t, Options{Home: home, Env: []string{"LANG=C.UTF-8"}})
	c := newBridge(t, s).dial(AttachOptions{Master: true})
	c.waitFor(prompt)

	c.send(websocket.TextMessage, "touch made-here; echo home=$HOME lang=$LANG\r")
	c.waitFor("home=" + home + " lang=C.UTF-8")
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := os.Stat(filepath.Join(home, "made-here")); err != nil {
		t.Errorf("given home was not kept: %v", err)
	}
}

func TestCommand(t *testing.T) {
	tests := []struct {
		name     string
		spec     string
		envShell string
		wantBase string
		wantArgs []string
		wantErr  bool
	}{
		{"bash skips rc files", "bash", "", "bash", []string{"--norc", "--noprofile", "-i"}, false},
		{"explicit args win", "bash -x", "", "bash", []string{"-x"}, false},
		{"from SHELL", "", "/bin/sh", "sh", []string{"-i"}, false},
		{"fallback sh", "", "", "sh", []string{"-i"}, false},
		{"unknown program", "cat", "", "cat", nil, false},
		{"missing", "no-such-shell-here", "", "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SHELL", tt.envShell)
			prog, args, err := command(tt.spec)
			if (err != nil) != tt.wantErr {
				t.Fatalf("command(%q) error = %v, want error %v", tt.spec, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if filepath.Base(prog) != tt.wantBase {
				t.Errorf("program = %s, want %s", prog, tt.wantBase)
			}
			if fmt.Sprint(args) != fmt.Sprint(tt.wantArgs) {
				t.Errorf("args = %v, want %v", args, tt.wantArgs)
			}
		})
	}
}
