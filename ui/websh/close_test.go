package websh

import (
	"testing"
	"time"
)

// stuckClose wraps a real connection to a real shell; its Close blocks
// until released, like a close frame to a peer that stopped reading.
type stuckClose struct {
	Conn
	release chan struct{}
}

func (c *stuckClose) Close() error {
	<-c.release
	return c.Conn.Close()
}

// Close is called from the root's Update, so it must not wait on the Conn.
func TestCloseDoesNotWaitOnTheConn(t *testing.T) {
	_, real := startShell(t, 10, 58, bashScript)
	conn := &stuckClose{Conn: real, release: make(chan struct{})}
	p := New(Options{Conn: conn, Title: "web-01", Width: 60, Height: 12})
	d := &driver{t: t, p: p, next: p.Init()}
	d.untilScreen("$")

	returned := make(chan struct{})
	go func() { p.Close(); close(returned) }()
	select {
	case <-returned:
	case <-time.After(waitTimeout):
		t.Fatal("Close waited on a Conn whose Close blocks")
	}
	close(conn.release)
	select {
	case <-p.Stopped():
	case <-time.After(waitTimeout):
		t.Fatal("the pane's goroutines did not stop once the Conn closed")
	}
}
