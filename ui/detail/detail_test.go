package detail

import (
	"fmt"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"alpacon-tui/keymap"
	"alpacon-tui/ui/theme"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

func newDetail(n int) Model {
	m := New(keymap.DefaultKeyMap(), theme.DefaultStyles().Detail)
	fields := make([]Field, n)
	for i := range fields {
		fields[i] = Field{Key: fmt.Sprintf("key%02d", i), Value: fmt.Sprintf("value %d", i)}
	}
	m.SetContent("thing", fields)
	m.SetSize(40, 6)
	return m
}

func TestScroll(t *testing.T) {
	tests := []struct {
		name     string
		keys     []tea.KeyMsg
		wantLine string
	}{
		{"start", nil, "key00"},
		{"down", []tea.KeyMsg{{Type: tea.KeyDown}}, "key01"},
		{"bottom", []tea.KeyMsg{{Type: tea.KeyEnd}}, "key15"},
		{"bottom then up past top", []tea.KeyMsg{{Type: tea.KeyEnd}, {Type: tea.KeyHome},
			{Type: tea.KeyUp}}, "key00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newDetail(20)
			for _, k := range tt.keys {
				m, _ = m.Update(k)
			}
			lines := strings.Split(m.View(), "\n")
			if len(lines) != 6 {
				t.Fatalf("%d lines", len(lines))
			}
			if !strings.HasPrefix(lines[1], tt.wantLine) {
				t.Fatalf("first body line %q, want %s", lines[1], tt.wantLine)
			}
		})
	}
}

func TestMultilineAndInert(t *testing.T) {
	m := New(keymap.DefaultKeyMap(), theme.DefaultStyles().Detail)
	m.SetContent("x\x1b[2J", []Field{{Key: "description", Value: "one\n\x1b]0;t\x07two"}})
	m.SetSize(50, 5)
	v := m.View()
	if strings.ContainsAny(v, "\x1b\x07") {
		t.Fatalf("escape reached the view: %q", v)
	}
	if !strings.Contains(v, "description  one") || !strings.Contains(v, "             ^[]0;t^Gtwo") {
		t.Fatalf("unexpected view:\n%s", v)
	}
}

func TestTinySize(t *testing.T) {
	m := newDetail(3)
	m.SetSize(0, 0)
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
	if m.View() != "" {
		t.Fatal("0x0 should draw nothing")
	}
	m.SetSize(1, 1)
	_ = m.View()
}

func TestNoticeTakesALineUnderTheTitle(t *testing.T) {
	m := newDetail(20)
	m.SetNotice("could not load the full record\x1b[2J")
	lines := strings.Split(m.View(), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[1], "could not load the full record^[[2J") ||
		!strings.HasPrefix(lines[2], "key00") {
		t.Fatalf("view:\n%s", m.View())
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyEnd})
	if lines := strings.Split(m.View(), "\n"); !strings.HasPrefix(lines[5], "key19") {
		t.Fatalf("the last field is hidden under the notice:\n%s", m.View())
	}
	m.SetNotice("")
	if lines := strings.Split(m.View(), "\n"); strings.HasPrefix(lines[1], "could") {
		t.Fatalf("notice kept:\n%s", m.View())
	}
	m.SetNotice("partial")
	m.SetSize(10, 1)
	if got := m.View(); strings.Count(got, "\n") != 0 {
		t.Fatalf("1-line view %q", got)
	}
}
