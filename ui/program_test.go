package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestRunsInARealProgram drives the root through tea.Program (teatest),
// so the pointer model, Init and quitting work as main.go uses them.
func TestRunsInARealProgram(t *testing.T) {
	srv := startDemo(t)
	m := New(newClient(t, srv.URL(), srv.Token()), Options{Version: "test"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("worker-01"))
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2")})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("carol@example.com"))
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if final.view != ViewUsers || !strings.Contains(final.View(), "signed in as alice") {
		t.Fatalf("final state: view %v\n%s", final.view, final.View())
	}
}
