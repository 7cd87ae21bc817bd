//go:build unix

package shell

import (
	"errors"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestInputFrameKinds(t *testing.T) {
	tests := []struct {
		name string
		kind int
	}{
		{"text", websocket.TextMessage},
		{"binary", websocket.BinaryMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startShell(t, Options{})
			c := newBridge(t, s).dial(AttachOptions{Master: true})
			c.waitFor(prompt)

			c.send(tt.kind, "echo hi-$((6*7))\r")
			c.waitFor("hi-42")

			c.mu.Lock()
			defer c.mu.Unlock()
			if c.text != 0 {
				t.Errorf("%d output frames were text, want binary only", c.text)
			}
		})
	}
}

func TestGreetingComesFirst(t *testing.T) {
	greeting := "Websh for [web-01] became ready.\r\n"
	s := startShell(t, Options{Greeting: greeting})
	b := newBridge(t, s)

	for _, name := range []string{"master", "shared"} {
		t.Run(name, func(t *testing.T) {
			c := b.dial(AttachOptions{Master: name == "master"})
			c.waitFor(greeting)
			if out := c.output(); !strings.HasPrefix(out, greeting) {
				t.Errorf("output does not start with the greeting: %q", out)
			}
		})
	}
}

func TestMultibyteInputAndOutput(t *testing.T) {
	s := startShell(t, Options{})
	c := newBridge(t, s).dial(AttachOptions{Master: true})
	c.waitFor(prompt)

	t.Run("input split inside runes", func(t *testing.T) {
		line := []byte("echo in=한글😀-$((1+1))\r")
		// Cut inside 한 (3 bytes) and inside 😀 (4 bytes).
		cuts := []int{len("echo in=") + 1, len("echo in=한글") + 2, len(line)}
		start := 0
		for _, end := range cuts {
			c.send(websocket.BinaryMessage, string(line[start:end]))
			start = end
		}
		c.waitFor("in=한글😀-2")
	})

	t.Run("output written in halves", func(t *testing.T) {
		// printf writes 한 in two parts with a pause, so the PTY reader sees the first
		// two bytes alone; the bridge must not send them as a frame of their own.
		c.send(websocket.TextMessage,
			`printf 'out=\355\225'; sleep 0.2; printf '\234\352\270\200\360\237\230\200\n'`+"\r")
		c.waitFor("out=한글😀")
	})

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.invalid != 0 {
		t.Errorf("%d of %d frames were not valid UTF-8 on their own", c.invalid, c.frames)
	}
}

func TestExitClosesEveryConn(t *testing.T) {
	s := startShell(t, Options{})
	b := newBridge(t, s)
	master := b.dial(AttachOptions{Master: true})
	master.waitFor(prompt) // the first conn gets the backlog with the first prompt
	shared := b.dial(AttachOptions{ReadOnly: true})

	master.send(websocket.TextMessage, "exit 3\r")

	for name, c := range map[string]*client{"master": master, "shared": shared} {
		if code := c.closeCode(); code != CloseSessionEnded {
			t.Errorf("%s: close code %d, want %d", name, code, CloseSessionEnded)
		}
	}
	for range 2 {
		if err := b.result(); err != nil {
			t.Errorf("Attach = %v, want nil after the shell exited", err)
		}
	}
	waitDone(t, s)
	if got := s.ExitCode(); got != 3 {
		t.Errorf("ExitCode() = %d, want 3", got)
	}
	if err := s.Resize(10, 10); !errors.Is(err, ErrClosed) {
		t.Errorf("Resize after exit = %v, want ErrClosed", err)
	}

	t.Run("attach after exit", func(t *testing.T) {
		late := b.dial(AttachOptions{})
		if code := late.closeCode(); code != CloseSessionEnded {
			t.Errorf("close code %d, want %d", code, CloseSessionEnded)
		}
	})
}

func TestReadOnlyInputIgnored(t *testing.T) {
	s := startShell(t, Options{})
	b := newBridge(t, s)
	master := b.dial(AttachOptions{Master: true})
	master.waitFor(prompt)
	viewer := b.dial(AttachOptions{ReadOnly: true})

	// The pong proves the server has read (and dropped) the viewer's frame before the
	// master types, because one conn's frames are handled in order.
	pong := make(chan struct{}, 1)
	viewer.conn.SetPongHandler(func(string) error { pong <- struct{}{}; return nil })
	viewer.send(websocket.TextMessage, "echo ro-$((1+1))\r")
	deadline := time.Now().Add(waitLimit)
	if err := viewer.conn.WriteControl(websocket.PingMessage, nil, deadline); err != nil {
		t.Fatalf("ping: %v", err)
	}
	select {
	case <-pong:
	case <-time.After(waitLimit):
		t.Fatal("no pong from the server")
	}

	master.send(websocket.TextMessage, "echo rw-$((2+2))\r")
	for name, c := range map[string]*client{"master": master, "viewer": viewer} {
		c.waitFor("rw-4")
		if out := c.output(); strings.Contains(out, "ro-") {
			t.Errorf("%s saw read-only input reach the shell: %q", name, out)
		}
	}
}

func TestDropFault(t *testing.T) {
	tests := []struct {
		name     string
		opts     AttachOptions
		drop     int  // >= 0: call Session.Drop(drop) after attaching
		wantCode int  // what the client sees
		endsAll  bool // the session ends too (master conn)
	}{
		{"after delay abrupt", AttachOptions{DropAfter: 50 * time.Millisecond}, -1,
			websocket.CloseAbnormalClosure, false},
		{"after delay 1011", AttachOptions{DropAfter: 50 * time.Millisecond,
			DropCode: websocket.CloseInternalServerErr}, -1,
			websocket.CloseInternalServerErr, false},
		{"now abrupt", AttachOptions{}, DropAbrupt, websocket.CloseAbnormalClosure, false},
		{"now 1011", AttachOptions{}, websocket.CloseInternalServerErr,
			websocket.CloseInternalServerErr, false},
		{"master dropped", AttachOptions{Master: true}, DropAbrupt,
			websocket.CloseAbnormalClosure, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startShell(t, Options{})
			b := newBridge(t, s)
			c := b.dial(tt.opts)
			c.waitFor(prompt)

			if tt.drop >= 0 {
				if n := s.Drop(tt.drop); n != 1 {
					t.Fatalf("Drop dropped %d conns, want 1", n)
				}
			}
			if code := c.closeCode(); code != tt.wantCode {
				t.Errorf("client saw close code %d, want %d", code, tt.wantCode)
			}
			if err := b.result(); !errors.Is(err, ErrDropped) {
				t.Errorf("Attach = %v, want ErrDropped", err)
			}

			if tt.endsAll {
				waitDone(t, s)
				return
			}
			// The shell lives on for the next conn.
			again := b.dial(AttachOptions{Master: true})
			again.send(websocket.TextMessage, "echo alive-$((3*3))\r")
			again.waitFor("alive-9")
		})
	}
}

func TestCloseKillsShell(t *testing.T) {
	before := runtime.NumGoroutine()

	s := startShell(t, Options{})
	b := newBridge(t, s)
	master := b.dial(AttachOptions{Master: true})
	master.waitFor(prompt)
	shared := b.dial(AttachOptions{})

	// A background job in its own process group keeps the PTY slave open.
	master.send(websocket.TextMessage, "sleep 1000 & echo bg=$!.\r")
	bg := pidAfter(t, master, "bg=")

	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	waitDone(t, s)
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}

	for name, c := range map[string]*client{"master": master, "shared": shared} {
		if code := c.closeCode(); code != CloseSessionEnded {
			t.Errorf("%s: close code %d, want %d", name, code, CloseSessionEnded)
		}
	}
	for range 2 {
		if err := b.result(); err != nil {
			t.Errorf("Attach = %v, want nil", err)
		}
	}

	for name, pid := range map[string]int{"shell": s.Pid(), "background job": bg} {
		waitGone(t, name, pid)
	}

	b.srv.Close()
	waitGoroutines(t, before)
}

// pidAfter waits for "<marker><digits>." in the output and returns the number.
func pidAfter(t *testing.T, c *client, marker string) int {
	t.Helper()

	re := regexp.MustCompile(regexp.QuoteMeta(marker) + `([0-9]+)\.`)
	deadline := time.After(waitLimit)
	for {
		if m := re.FindStringSubmatch(c.output()); m != nil {
			pid, _ := strconv.Atoi(m[1])
			return pid
		}
		select {
		case <-c.notify:
		case <-deadline:
			t.Fatalf("no %s<pid> in %q", marker, c.output())
		}
	}
}

// waitDone waits (bounded) for the session to finish.
func waitDone(t *testing.T, s *Session) {
	t.Helper()

	select {
	case <-s.Done():
	case <-time.After(waitLimit):
		t.Fatal("session not done")
	}
}

// waitGone polls until pid no longer runs (a zombie counts as gone: it runs nothing).
func waitGone(t *testing.T, name string, pid int) {
	t.Helper()

	deadline := time.Now().Add(waitLimit)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("%s (pid %d) still running", name, pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// The state follows the parenthesised command name.
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))

	return len(fields) > 0 && fields[0] != "Z"
}

// waitGoroutines polls until no goroutine is left over from the test.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()

	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left (had %d):\n%s", runtime.NumGoroutine(), before,
				buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
