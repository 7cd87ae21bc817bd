package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Bubble Tea v1 hands runes that arrive in one read to Update as a single
// KeyMsg; the root must act on each of them.
func TestRuneBurstActsKeyByKey(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()

	burst := func(s string) { h.handle(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }
	burst("jjj")
	if got := h.m.tables[ViewServers].Cursor(); got != 3 {
		t.Fatalf("cursor after a burst of three j = %d, want 3", got)
	}
	burst(":users")
	h.keys("enter")
	h.idle()
	if h.m.view != ViewUsers {
		t.Fatalf("a burst of \":users\" then enter left the view at %v", h.m.view)
	}
	h.handle(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj"), Paste: true})
	if got := h.m.tables[ViewUsers].Cursor(); got != 0 {
		t.Fatalf("pasted text moved the cursor to %d; a paste is not keys", got)
	}
}
