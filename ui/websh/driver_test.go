package websh

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// driver plays the Bubble Tea runtime for one pane: it runs the pane's
// pending Cmd in a goroutine and feeds the message back into Update.
type driver struct {
	t    *testing.T
	p    *Pane
	next tea.Cmd
}

// resizeLog records the calls of Options.Resize.
type resizeLog struct {
	mu    sync.Mutex
	calls [][2]int
}

func (l *resizeLog) add(rows, cols int) {
	l.mu.Lock()
	l.calls = append(l.calls, [2]int{rows, cols})
	l.mu.Unlock()
}

func (l *resizeLog) get() [][2]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([][2]int(nil), l.calls...)
}

// openPane starts a shell session sized to the pane's inner size (as the
// root does at session create) and a pane on it.
func openPane(t *testing.T, w, h int, script string) (*driver, *shellServer, *resizeLog) {
	t.Helper()
	rows, cols := max(h-2, 1), max(w-2, 1)
	srv, conn := startShell(t, rows, cols, script)
	log := &resizeLog{}
	p := New(Options{Conn: conn, Title: "web-01", Width: w, Height: h,
		Resize: func(ctx context.Context, rows, cols int) error {
			log.add(rows, cols)
			return srv.patch(rows, cols)
		}})
	if r, c := p.InnerSize(); r != rows || c != cols {
		t.Fatalf("InnerSize = %dx%d, want %dx%d", r, c, rows, cols)
	}
	d := &driver{t: t, p: p, next: p.Init()}
	t.Cleanup(func() { closePane(t, p) })
	return d, srv, log
}

// closePane closes p and checks that its goroutines end.
func closePane(t *testing.T, p *Pane) {
	t.Helper()
	_ = p.Close()
	select {
	case <-p.Stopped():
	case <-time.After(waitTimeout):
		t.Errorf("pane %d: goroutines still running after Close", p.ID())
	}
}

// until runs the pane until cond holds.
func (d *driver) until(what string, cond func() bool) {
	d.t.Helper()
	deadline := time.After(waitTimeout)
	for !cond() {
		if d.next == nil {
			d.t.Fatalf("waiting for %s: no more messages; screen:\n%s", what, d.screen())
		}
		ch := make(chan tea.Msg, 1)
		next := d.next
		go func() { ch <- next() }()
		select {
		case msg := <-ch:
			var cmd tea.Cmd
			d.p, cmd = d.p.Update(msg)
			d.next = cmd
		case <-deadline:
			d.t.Fatalf("waiting for %s: timed out; screen:\n%s", what, d.screen())
		}
	}
}

// untilScreen waits until the emulator's text contains every part.
func (d *driver) untilScreen(parts ...string) {
	d.t.Helper()
	d.until(strings.Join(parts, ", "), func() bool {
		s := d.screen()
		for _, p := range parts {
			if !strings.Contains(s, p) {
				return false
			}
		}
		return true
	})
}

// screen is the emulator's plain text.
func (d *driver) screen() string { return d.p.term.text() }

// key sends one key and returns the Cmd Update gave back.
func (d *driver) key(k tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	d.p, cmd = d.p.Update(k)
	return cmd
}

// typeLine types s rune by rune, then enter.
func (d *driver) typeLine(s string) {
	for _, r := range s {
		d.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	d.key(tea.KeyMsg{Type: tea.KeyEnter})
}

// keyBinding builds a binding for keys.
func keyBinding(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
