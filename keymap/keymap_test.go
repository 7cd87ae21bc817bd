package keymap

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

func TestEveryBindingHasHelp(t *testing.T) {
	for i, b := range DefaultKeyMap().All() {
		h := b.Help()
		if h.Key == "" || h.Desc == "" || len(b.Keys()) == 0 {
			t.Errorf("binding %d has keys %q help %+v", i, b.Keys(), h)
		}
	}
}

func TestBindingsMatchKeys(t *testing.T) {
	k := DefaultKeyMap()
	tests := []struct {
		name string
		msg  tea.KeyMsg
		want key.Binding
	}{
		{"j is down", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, k.Down},
		{"arrow up", tea.KeyMsg{Type: tea.KeyUp}, k.Up},
		{"G is bottom", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")}, k.Bottom},
		{"ctrl+s saves", tea.KeyMsg{Type: tea.KeyCtrlS}, k.Save},
		{"ctrl+] leaves", tea.KeyMsg{Type: tea.KeyCtrlCloseBracket}, k.Leave},
		{"space toggles", tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}, k.Toggle},
		{"ctrl+c", tea.KeyMsg{Type: tea.KeyCtrlC}, k.ForceQuit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !key.Matches(tt.msg, tt.want) {
				t.Fatalf("%q does not match %v", tt.msg.String(), tt.want.Keys())
			}
		})
	}
}

func TestWithLeaveKey(t *testing.T) {
	k := DefaultKeyMap().WithLeaveKey("ctrl+q")
	if !key.Matches(tea.KeyMsg{Type: tea.KeyCtrlQ}, k.Leave) {
		t.Fatal("ctrl+q should leave")
	}
	if key.Matches(tea.KeyMsg{Type: tea.KeyCtrlCloseBracket}, k.Leave) {
		t.Fatal("the default leave key should be replaced")
	}
	if got := DefaultKeyMap().WithLeaveKey("").Leave.Keys(); got[0] != DefaultLeaveKey {
		t.Fatalf("empty name should keep the default, got %v", got)
	}
}

func TestHelpContexts(t *testing.T) {
	for c := ContextList; c <= ContextWebsh; c++ {
		h := Help{Keys: DefaultKeyMap(), Context: c}
		if len(h.ShortHelp()) == 0 || len(h.FullHelp()) == 0 {
			t.Errorf("context %d has no help", c)
		}
	}
}
