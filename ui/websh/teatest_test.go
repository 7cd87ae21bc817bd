package websh

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// host is the smallest root: it sizes the pane from the window and quits
// when the pane asks to leave.
type host struct {
	pane *Pane
	left bool
}

func (h *host) Init() tea.Cmd { return h.pane.Init() }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return h, h.pane.SetSize(msg.Width, msg.Height)
	case LeaveMsg:
		h.left = msg.ID == h.pane.ID()
		return h, tea.Quit
	}
	var cmd tea.Cmd
	h.pane, cmd = h.pane.Update(msg)
	return h, cmd
}

func (h *host) View() string { return h.pane.View() }

func TestInRealProgram(t *testing.T) {
	_, conn := startShell(t, 30, 100, bashScript)
	p := New(Options{Conn: conn, Title: "web-01", Width: 102, Height: 32})
	defer closePane(t, p)
	tm := teatest.NewTestModel(t, &host{pane: p}, teatest.WithInitialTermSize(102, 32))
	wait := func(s string) {
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(waitTimeout), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("$")
	tm.Type("stty size; echo hi-$((6*7))")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("hi-42")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlCloseBracket})
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(waitTimeout)).(*host)
	if !fm.left {
		t.Fatal("ctrl+] did not reach the host as LeaveMsg")
	}
	if s := fm.pane.term.text(); !strings.Contains(s, "30 100") {
		t.Errorf("stty size inside a real program: %q", s)
	}
}
