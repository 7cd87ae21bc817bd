//go:build unix

package shell

import (
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestStalledInputDoesNotPinAttach(t *testing.T) {
	s := startShell(t, Options{})
	b := newBridge(t, s)
	typist := b.dial(AttachOptions{})
	typist.waitFor(prompt)

	// sleep does not read stdin, so in raw mode (canonical mode would discard the
	// overflow instead) the terminal's input buffer fills up and writes block.
	typist.send(websocket.TextMessage, "stty raw -echo; echo raw-$((7*7)); sleep 30\r")
	typist.waitFor("raw-49")
	typist.send(websocket.BinaryMessage, strings.Repeat("y", maxInputFrame/2))
	_ = typist.conn.WriteControl(websocket.CloseMessage,
		websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""),
		time.Now().Add(waitLimit))

	if err := b.result(); err != nil {
		t.Errorf("Attach = %v, want nil after a normal close", err)
	}
	select {
	case <-s.Done():
		t.Error("a shared conn leaving ended the session")
	default:
	}
}

func TestExitKillsLeftoverJobs(t *testing.T) {
	s := startShell(t, Options{})
	c := newBridge(t, s).dial(AttachOptions{Master: true})
	c.waitFor(prompt)

	c.send(websocket.TextMessage, "nohup sleep 1000 >/dev/null 2>&1 & echo job=$!.\r")
	job := pidAfter(t, c, "job=")
	c.send(websocket.TextMessage, "exit\r")

	if code := c.closeCode(); code != CloseSessionEnded {
		t.Errorf("close code %d, want %d", code, CloseSessionEnded)
	}
	waitDone(t, s)
	if got := s.ExitCode(); got != 0 {
		t.Errorf("ExitCode() = %d, want 0", got)
	}
	waitGone(t, "nohup job", job)
}

func TestDropWithoutConns(t *testing.T) {
	s := startShell(t, Options{})
	if n := s.Drop(DropAbrupt); n != 0 {
		t.Errorf("Drop on a session without conns dropped %d", n)
	}
}
