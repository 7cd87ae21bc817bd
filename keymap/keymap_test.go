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
	for c := ContextServers; c <= ContextHelpBox; c++ {
		h := Help{Keys: DefaultKeyMap(), Context: c}
		if len(h.ShortHelp()) == 0 || len(h.FullHelp()) == 0 {
			t.Errorf("context %v has no help", c)
		}
	}
}

// helpKeys returns the keys that the help line and the full help of a
// context show.
func helpKeys(h Help) map[string]bool {
	shown := map[string]bool{}
	for _, b := range h.ShortHelp() {
		shown[b.Help().Key] = true
	}
	for _, col := range h.FullHelp() {
		for _, b := range col {
			shown[b.Help().Key] = true
		}
	}
	return shown
}

func TestHelpShowsTheKeysOfItsContext(t *testing.T) {
	tests := []struct {
		ctx        Context
		esc        string
		show, hide []string
	}{
		{ContextServers, "", []string{"w", "enter", "/", "2", "tab", "]"}, []string{"e", "1", "esc"}},
		{ContextServerDetail, "", []string{"w", "esc", "1", "4", "tab", "[", "]"}, []string{"e"}},
		{ContextUsers, "", []string{"e", "enter", "1"}, []string{"w", "2"}},
		{ContextUserDetail, "", []string{"e", "esc", "2"}, []string{"w", "/"}},
		{ContextGroups, "clear filter", []string{"esc", "4"}, []string{"w", "e", "3"}},
		{ContextSessions, "", []string{"w", "enter"}, []string{"e", "4"}},
		{ContextSessionDetail, "", []string{"w", "4"}, []string{"e"}},
		{ContextForm, "", []string{"ctrl+s", "esc", "enter"}, []string{"q", "w", "tab"}},
		{ContextWebsh, "", []string{DefaultLeaveKey}, []string{"q", "?", "tab"}},
		{ContextFilter, "", []string{"enter", "esc"}, []string{"q", "/"}},
		{ContextHelpBox, "", []string{"?", "esc", "q"}, []string{"enter", "w", "tab"}},
	}
	for _, tt := range tests {
		t.Run(tt.ctx.String(), func(t *testing.T) {
			shown := helpKeys(Help{Keys: DefaultKeyMap(), Context: tt.ctx, Esc: tt.esc})
			for _, k := range tt.show {
				if !shown[k] {
					t.Errorf("help lacks %q: %v", k, shown)
				}
			}
			for _, k := range tt.hide {
				if shown[k] {
					t.Errorf("help shows %q, which does nothing there", k)
				}
			}
		})
	}
}

func TestHelpLeavesOutDisabledKeys(t *testing.T) {
	k := DefaultKeyMap()
	if !helpKeys(Help{Keys: k, Context: ContextForm})["space"] {
		t.Fatal("an enabled toggle should be shown")
	}
	k.Toggle.SetEnabled(false)
	if helpKeys(Help{Keys: k, Context: ContextForm})["space"] {
		t.Fatal("a disabled toggle is shown")
	}
}
