package ui

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/demo"
	"alpacon-tui/keymap"
)

// helpContexts are the places of the UI, each with the keys (settled in
// between) that take a fresh model there, cursor or scroll mid-way so
// that every movement key can act. The window is 100x8, so that every
// detail view scrolls, but 100x30 for a form (tall: its notices show).
var helpContexts = []struct {
	ctx   keymap.Context
	steps [][]string
	tall  bool
}{
	{keymap.ContextServers, [][]string{{"j"}}, false},
	{keymap.ContextServers, [][]string{{"/", "web", "enter", "j"}}, false}, // esc clears it
	{keymap.ContextUsers, [][]string{{"2"}, {"j"}}, false},
	{keymap.ContextGroups, [][]string{{"3"}, {"j"}}, false},
	{keymap.ContextSessions, [][]string{{"4"}, {"j"}}, false},
	{keymap.ContextServerDetail, [][]string{{"j", "enter"}, {"j"}}, false},
	{keymap.ContextUserDetail, [][]string{{"2"}, {"j", "enter"}, {"j"}}, false},
	{keymap.ContextGroupDetail, [][]string{{"3"}, {"j", "enter"}, {"j"}}, false},
	{keymap.ContextSessionDetail, [][]string{{"4"}, {"j", "enter"}, {"j"}}, false},
	{keymap.ContextFilter, [][]string{{"/"}}, false},
	{keymap.ContextCommand, [][]string{{":"}}, false},
	{keymap.ContextForm, [][]string{{"2"}, {"j", "e"}, {"tab"}}, true},
	{keymap.ContextForm, [][]string{{"2"}, {"j", "e"}, {"tab", "tab", "tab", "tab", "tab", "tab"}},
		true}, // on a toggle
	{keymap.ContextWebsh, nil, false}, // see helpAt
	{keymap.ContextHelpBox, [][]string{{"?"}}, false},
}

// shownBindings returns the bindings the help line and the ? box show,
// once per key.
func shownBindings(h keymap.Help) []key.Binding {
	seen := map[string]bool{}
	var out []key.Binding
	add := func(bs []key.Binding) {
		for _, b := range bs {
			if !seen[b.Help().Key] {
				seen[b.Help().Key] = true
				out = append(out, b)
			}
		}
	}
	add(h.ShortHelp())
	for _, col := range h.FullHelp() {
		add(col)
	}
	return out
}

// helpAt starts a model on srv and takes it to context i of helpContexts.
func helpAt(t *testing.T, srv *demo.Server, i int) *harness {
	t.Helper()
	c := helpContexts[i]
	height := 8
	if c.tall {
		height = 30
	}
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, height)
	h.idle()
	if c.ctx == keymap.ContextWebsh {
		openPane(t, h, "web-01")
	}
	for _, keys := range c.steps {
		h.keys(keys...)
		h.idle()
	}
	if got := h.m.helpKeys().Context; got != c.ctx || h.m.status.text != "" {
		t.Fatalf("setup reached %v with status %q, want %v:\n%s",
			got, h.m.status.text, c.ctx, h.m.View())
	}
	return h
}

func keyMsg(name string) tea.KeyMsg {
	if msg, ok := namedKeys[name]; ok {
		return msg
	}
	if name == " " {
		return namedKeys["space"]
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// Every key the help shows acts where it shows it: pressed on a fresh
// model in that place, it changes the screen or quits.
func TestEveryKeyInTheHelpActs(t *testing.T) {
	srv := startDemo(t)
	for i, c := range helpContexts {
		probe := helpAt(t, srv, i)
		for _, b := range shownBindings(probe.m.helpKeys()) {
			name := b.Keys()[0]
			t.Run(c.ctx.String()+"/"+b.Help().Key+" "+b.Help().Desc, func(t *testing.T) {
				h := helpAt(t, srv, i)
				msg := keyMsg(name)
				if !key.Matches(msg, b) {
					t.Fatalf("test pressed %q, which is not %v", msg, b.Keys())
				}
				before := h.m.View()
				h.handle(msg)
				h.waitFor(name+" to act", func() bool { return h.quit || h.m.View() != before })
				h.idle()
			})
		}
	}
}
