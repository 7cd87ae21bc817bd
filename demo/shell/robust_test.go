//go:build unix

package shell

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestSlowConnIsDroppedNotTheShell(t *testing.T) {
	s := startShell(t, Options{})
	b := newBridge(t, s)
	// Tiny socket buffers make a client that does not read back up within kilobytes.
	b.setup = func(c *websocket.Conn) { _ = c.NetConn().(*net.TCPConn).SetWriteBuffer(4096) }
	slowDialer := &websocket.Dialer{NetDialContext: func(ctx context.Context,
		network, addr string) (net.Conn, error) {
		conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			_ = conn.(*net.TCPConn).SetReadBuffer(4096)
		}
		return conn, err
	}}

	fast := b.dial(AttachOptions{Master: true})
	fast.waitFor(prompt)
	slow := b.dialRaw(AttachOptions{QueueLen: 4}, slowDialer)

	fast.send(websocket.TextMessage,
		"head -c 400000 /dev/zero | tr '\\0' x; echo; echo flood-done-$((5*5))\r")
	fast.waitFor("flood-done-25")

	if err := b.result(); !errors.Is(err, ErrSlowConsumer) {
		t.Errorf("slow Attach = %v, want ErrSlowConsumer", err)
	}
	go slow.readAll()
	if err := slow.closeErr(); err == nil || websocket.IsCloseError(err, CloseSessionEnded) {
		t.Errorf("slow client ended with %v, want an error close", err)
	}

	// The shell and the fast conn carry on.
	fast.send(websocket.TextMessage, "echo still-$((4*4))\r")
	fast.waitFor("still-16")
}

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
