// Package keymap holds every key binding of alpacon-tui as a key.Binding, so
// one table feeds both key dispatch and the generated help.
package keymap

import "github.com/charmbracelet/bubbles/key"

// DefaultLeaveKey is the key that leaves a websh pane; telnet uses it too,
// and shells give it no meaning.
const DefaultLeaveKey = "ctrl+]"

// KeyMap lists every binding of the TUI, grouped by where it acts.
type KeyMap struct {
	// Movement in lists and detail views.
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding

	// Actions on the selected row; Accept ends a typed input (a filter,
	// a : command, a form field).
	Open, Back, Edit, Websh, Refresh, Filter, Command, Accept key.Binding

	// Tabs and views.
	NextTab, PrevTab, NextPane, PrevPane                    key.Binding
	ViewServers, ViewUsers, ViewGroups, ViewSessions, Leave key.Binding

	// Forms.
	Save, NextField, PrevField, Toggle, Cancel key.Binding

	// Global.
	Help, Quit, ForceQuit key.Binding
}

// DefaultKeyMap returns the bindings k9s and lazygit users expect.
// View switching uses 1-4 because g is already "top" in every list.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       bind("up/k", "up", "up", "k"),
		Down:     bind("down/j", "down", "down", "j"),
		Top:      bind("g/home", "top", "g", "home"),
		Bottom:   bind("G/end", "bottom", "G", "end"),
		PageUp:   bind("pgup", "page up", "pgup", "ctrl+u"),
		PageDown: bind("pgdn", "page down", "pgdown", "ctrl+d"),

		Open:    bind("enter", "open", "enter"),
		Back:    bind("esc", "back", "esc"),
		Edit:    bind("e", "edit", "e"),
		Websh:   bind("w", "websh", "w"),
		Refresh: bind("r", "refresh", "r"),
		Filter:  bind("/", "filter", "/"),
		Command: bind(":", "command", ":"),
		Accept:  bind("enter", "accept", "enter"),

		NextTab:      bind("tab", "next tab", "tab"),
		PrevTab:      bind("shift+tab", "prev tab", "shift+tab"),
		NextPane:     bind("]", "next websh", "]"),
		PrevPane:     bind("[", "previous websh", "["),
		ViewServers:  bind("1", "servers", "1"),
		ViewUsers:    bind("2", "users", "2"),
		ViewGroups:   bind("3", "groups", "3"),
		ViewSessions: bind("4", "sessions", "4"),
		Leave:        bind(DefaultLeaveKey, "leave websh", DefaultLeaveKey),

		Save:      bind("ctrl+s", "save", "ctrl+s"),
		NextField: bind("tab/↓", "next field", "tab", "down"),
		PrevField: bind("shift+tab/↑", "prev field", "shift+tab", "up"),
		Toggle:    bind("space", "toggle", " "),
		Cancel:    bind("esc", "cancel", "esc"),

		Help:      bind("?", "help", "?"),
		Quit:      bind("q", "quit", "q"),
		ForceQuit: bind("ctrl+c", "quit", "ctrl+c"),
	}
}

// WithLeaveKey returns a copy of k whose websh leave binding is keyName; an
// empty name keeps the default.
func (k KeyMap) WithLeaveKey(keyName string) KeyMap {
	if keyName == "" {
		return k
	}
	k.Leave = bind(keyName, "leave websh", keyName)
	return k
}

func bind(helpKey, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}
