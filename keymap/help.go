package keymap

import "github.com/charmbracelet/bubbles/key"

// Help adapts a KeyMap to bubbles/help for one context: both the help line
// and the full help list only keys that act there.
type Help struct {
	Keys    KeyMap
	Context Context
	// Esc is what esc does now on a list or detail view ("clear filter",
	// "cancel websh", ...), as it depends on state; "" leaves esc out of a
	// list's help, and means "back" on a detail view.
	Esc string
}

// ShortHelp returns the bindings of the one-line help; a disabled
// binding (SetEnabled) is left out, as it does nothing now.
func (h Help) ShortHelp() []key.Binding { return enabled(h.short()) }

// FullHelp returns every enabled binding that acts in the context, in
// columns.
func (h Help) FullHelp() [][]key.Binding {
	cols := h.full()
	out := make([][]key.Binding, 0, len(cols))
	for _, c := range cols {
		if c = enabled(c); len(c) > 0 {
			out = append(out, c)
		}
	}
	return out
}

func enabled(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

func (h Help) short() []key.Binding {
	k := h.Keys
	switch h.Context {
	case ContextForm:
		return []key.Binding{k.NextField, k.PrevField, k.Toggle, k.Save, k.Cancel}
	case ContextWebsh:
		return []key.Binding{k.Leave}
	case ContextFilter:
		return []key.Binding{as(k.Accept, "apply filter"), as(k.Back, "clear filter")}
	case ContextCommand:
		return []key.Binding{as(k.Accept, "run"), as(k.Back, "cancel")}
	case ContextHelpBox:
		return []key.Binding{as(k.Help, "close help"), as(k.Back, "close"), as(k.Quit, "close")}
	}
	var bs []key.Binding
	if h.Context.IsList() {
		bs = append(append(append(bs, k.Open), h.actions()...), k.Filter)
	} else {
		bs = append(append(bs, h.actions()...), k.Refresh)
	}
	bs = append(bs, h.esc()...)
	return append(bs, k.Command, k.NextTab, k.Help, k.Quit)
}

func (h Help) full() [][]key.Binding {
	k := h.Keys
	switch h.Context {
	case ContextForm:
		return [][]key.Binding{{
			k.NextField, k.PrevField, as(k.Accept, "next field/save"),
			k.Toggle, k.Save, k.Cancel, k.ForceQuit,
		}}
	case ContextWebsh:
		return [][]key.Binding{{k.Leave}}
	case ContextFilter, ContextCommand, ContextHelpBox:
		return [][]key.Binding{append(h.short(), k.ForceQuit)}
	}
	move := []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
	var acts []key.Binding
	if h.Context.IsList() {
		acts = append(acts, k.Open)
	}
	acts = append(acts, h.actions()...)
	if h.Context.IsList() {
		acts = append(acts, k.Filter)
	}
	acts = append(append(acts, k.Refresh), h.esc()...)
	global := []key.Binding{k.Command, k.Help, k.Quit, k.ForceQuit}
	return [][]key.Binding{move, acts, h.views(), global}
}

// actions are the keys that act on the selected resource of one kind.
func (h Help) actions() []key.Binding {
	k := h.Keys
	switch h.Context {
	case ContextServers, ContextServerDetail:
		return []key.Binding{k.Websh}
	case ContextSessions, ContextSessionDetail:
		return []key.Binding{as(k.Websh, "go to pane")}
	case ContextUsers, ContextUserDetail:
		return []key.Binding{k.Edit}
	}
	return nil
}

// esc is esc with its present meaning, or nothing.
func (h Help) esc() []key.Binding {
	switch {
	case h.Esc != "":
		return []key.Binding{as(h.Keys.Back, h.Esc)}
	case h.Context.IsDetail():
		return []key.Binding{h.Keys.Back}
	}
	return nil
}

// views are the keys that change view; a list leaves out its own number,
// which would go where the user already is.
func (h Help) views() []key.Binding {
	k := h.Keys
	digits := []key.Binding{k.ViewServers, k.ViewUsers, k.ViewGroups, k.ViewSessions}
	bs := make([]key.Binding, 0, len(digits)+4)
	for i, d := range digits {
		if !h.Context.IsList() || ListContext(i) != h.Context {
			bs = append(bs, d)
		}
	}
	return append(bs, k.NextTab, k.PrevTab, k.NextPane, k.PrevPane)
}

// as returns b described as desc, for a key whose effect depends on where
// it is pressed.
func as(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// All returns every binding of k, for checks that each one has help text.
func (k KeyMap) All() []key.Binding {
	return []key.Binding{
		k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown,
		k.Open, k.Back, k.Edit, k.Websh, k.Refresh, k.Filter, k.Command, k.Accept,
		k.NextTab, k.PrevTab, k.NextPane, k.PrevPane,
		k.ViewServers, k.ViewUsers, k.ViewGroups, k.ViewSessions, k.Leave,
		k.Save, k.NextField, k.PrevField, k.Toggle, k.Cancel,
		k.Help, k.Quit, k.ForceQuit,
	}
}
