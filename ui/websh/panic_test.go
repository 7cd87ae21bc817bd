package websh

import (
	"strings"
	"sync/atomic"
	"testing"
)

// panicky wraps a real websocket connection to a real shell and panics on
// the second Recv, standing in for a bug on the reader goroutine.
type panicky struct {
	Conn
	calls atomic.Int32
}

func (c *panicky) Recv() ([]byte, error) {
	if c.calls.Add(1) > 1 {
		panic("boom in the reader")
	}
	return c.Conn.Recv()
}

func TestReaderPanicEndsOnlyThePane(t *testing.T) {
	_, real := startShell(t, 10, 98, bashScript)
	conn := &panicky{Conn: real}
	p := New(Options{Conn: conn, Title: "web-01", Width: 100, Height: 12})
	d := &driver{t: t, p: p, next: p.Init()}
	t.Cleanup(func() { closePane(t, p) })

	d.until("the pane to end", p.Ended)
	view := p.View()
	if !strings.Contains(view, "terminal emulator failed: boom in the reader") {
		t.Fatalf("the pane should say why it ended:\n%s", view)
	}
}
