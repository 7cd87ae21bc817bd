package keymap

import "github.com/charmbracelet/bubbles/key"

// Context names the place of the UI whose keys the help line shows.
type Context int

// The places of the UI with their own key set.
const (
	ContextList Context = iota
	ContextServers
	ContextUsers
	ContextDetail
	ContextUserDetail
	ContextForm
	ContextWebsh
)

// Help adapts a KeyMap to bubbles/help for one context.
type Help struct {
	Keys    KeyMap
	Context Context
}

// ShortHelp returns the bindings of the one-line help.
func (h Help) ShortHelp() []key.Binding {
	k := h.Keys
	switch h.Context {
	case ContextServers:
		return []key.Binding{k.Open, k.Websh, k.Filter, k.Command, k.NextTab, k.Help, k.Quit}
	case ContextUsers:
		return []key.Binding{k.Open, k.Edit, k.Filter, k.Command, k.NextTab, k.Help, k.Quit}
	case ContextDetail:
		return []key.Binding{k.Up, k.Down, k.Back, k.Help, k.Quit}
	case ContextUserDetail:
		return []key.Binding{k.Up, k.Down, k.Edit, k.Back, k.Help, k.Quit}
	case ContextForm:
		return []key.Binding{k.NextField, k.PrevField, k.Toggle, k.Save, k.Cancel}
	case ContextWebsh:
		return []key.Binding{k.Leave}
	}
	return []key.Binding{k.Open, k.Filter, k.Refresh, k.Command, k.NextTab, k.Help, k.Quit}
}

// FullHelp returns every binding that acts in the context, in columns.
func (h Help) FullHelp() [][]key.Binding {
	k := h.Keys
	move := []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
	views := []key.Binding{
		k.ViewServers, k.ViewUsers, k.ViewGroups, k.ViewSessions,
		k.NextTab, k.PrevTab, k.NextPane, k.PrevPane,
	}
	global := []key.Binding{k.Command, k.Refresh, k.Help, k.Quit, k.ForceQuit}
	switch h.Context {
	case ContextForm:
		return [][]key.Binding{{k.NextField, k.PrevField, k.Toggle, k.Save, k.Cancel}}
	case ContextWebsh:
		return [][]key.Binding{{k.Leave}}
	case ContextDetail, ContextUserDetail:
		return [][]key.Binding{move, {k.Edit, k.Back}, global}
	}
	actions := []key.Binding{k.Open, k.Back, k.Edit, k.Websh, k.Filter}
	return [][]key.Binding{move, actions, views, global}
}

// All returns every binding of k, for checks that each one has help text.
func (k KeyMap) All() []key.Binding {
	return []key.Binding{
		k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown,
		k.Open, k.Back, k.Edit, k.Websh, k.Refresh, k.Filter, k.Command,
		k.NextTab, k.PrevTab, k.NextPane, k.PrevPane,
		k.ViewServers, k.ViewUsers, k.ViewGroups, k.ViewSessions, k.Leave,
		k.Save, k.NextField, k.PrevField, k.Toggle, k.Cancel,
		k.Help, k.Quit, k.ForceQuit,
	}
}
