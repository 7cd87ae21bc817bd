package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// binary is the alpacon-tui binary built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "alpacon-tui-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "alpacon-tui")
	args := []string{"build", "-o", binary}
	if raceBuild {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, ".")...)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building the binary: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// tty runs the real binary in a pseudo-terminal and reads its output back
// through a terminal emulator, so assertions see what a person sees.
type tty struct {
	t    *testing.T
	cmd  *exec.Cmd
	ptmx *os.File
	emu  *vt.SafeEmulator
	mu   sync.Mutex
	raw  bytes.Buffer
	done chan struct{}
	err  error
}

// startTTY starts the binary with args in a cols×rows pseudo-terminal and a
// fresh home folder, so no config of this machine is read.
func startTTY(t *testing.T, cols, rows int, args ...string) *tty {
	t.Helper()
	return startTTYHome(t, t.TempDir(), cols, rows, args...)
}

// startTTYHome is startTTY with a home folder the test has prepared; ""
// starts the program with no home folder at all.
func startTTYHome(t *testing.T, home string, cols, rows int, args ...string) *tty {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "TERM=xterm-256color", "LANG=C.UTF-8",
		"SHELL=/bin/bash",
	}
	if home != "" {
		cmd.Env = append(cmd.Env, "HOME="+home,
			"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
			"XDG_STATE_HOME="+filepath.Join(home, ".state"))
	}
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(rows), Cols: uint16(cols)})
	if err != nil {
		t.Fatalf("starting %s: %v", binary, err)
	}
	tm := &tty{t: t, cmd: cmd, ptmx: ptmx, emu: vt.NewSafeEmulator(cols, rows),
		done: make(chan struct{})}
	go tm.pump()
	// The emulator answers terminal queries (cursor position, device
	// attributes) on its read side; they must reach the program.
	go io.Copy(ptmx, tm.emu)
	t.Cleanup(tm.kill)
	return tm
}

func (tm *tty) pump() {
	buf := make([]byte, 32*1024)
	for {
		n, err := tm.ptmx.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.raw.Write(buf[:n])
			tm.emu.Write(buf[:n])
			tm.mu.Unlock()
		}
		if err != nil {
			break
		}
	}
	tm.err = tm.cmd.Wait()
	close(tm.done)
}

func (tm *tty) kill() {
	select {
	case <-tm.done:
	default:
		tm.cmd.Process.Kill()
		<-tm.done
	}
	tm.ptmx.Close()
}

// screen returns the emulator's text. SafeEmulator does not lock String
// (x/vt v0.1.0), so every use of the emulator here holds tm.mu.
func (tm *tty) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

// altScreen reports whether the program's terminal is on the alternate screen.
func (tm *tty) altScreen() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.IsAltScreen()
}

// cursorHidden reports whether the program left the cursor hidden.
func (tm *tty) cursorHidden() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.CursorHidden()
}

// rawOutput returns every byte the program wrote so far.
func (tm *tty) rawOutput() []byte {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return append([]byte(nil), tm.raw.Bytes()...)
}

// waitFor polls the screen until it contains every want, or fails the test
// with the screen as it was.
func (tm *tty) waitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen()
		if containsAll(s, want) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", want, s)
		}
		select {
		case <-tm.done:
			if s := tm.screen(); containsAll(s, want) {
				return s
			}
			tm.t.Fatalf("program exited (%v) before showing %q; screen:\n%s",
				tm.err, want, tm.screen())
		case <-time.After(40 * time.Millisecond):
		}
	}
}

func containsAll(s string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// send types s as raw terminal bytes.
func (tm *tty) send(s string) {
	tm.t.Helper()
	if _, err := tm.ptmx.Write([]byte(s)); err != nil {
		tm.t.Fatalf("writing to the pty: %v", err)
	}
}

// keys sends each key with a short gap, as a person types; without the gap
// an ESC followed by a letter would read as alt+letter.
func (tm *tty) keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.send(k)
		time.Sleep(30 * time.Millisecond)
	}
}

// wait waits for the program to exit and returns its error.
func (tm *tty) wait() error {
	tm.t.Helper()
	select {
	case <-tm.done:
		var exit *exec.ExitError
		if errors.As(tm.err, &exit) {
			return exit
		}
		return tm.err
	case <-time.After(15 * time.Second):
		tm.t.Fatalf("program did not exit; screen:\n%s", tm.screen())
		return nil
	}
}
