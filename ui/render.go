package ui

import (
	"strings"

	"alpacon-tui/keymap"
	"alpacon-tui/ui/layout"
	"alpacon-tui/ui/safetext"
)

// View draws header, body, status bar and help line, exactly the terminal
// size; the full help overlays the body.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	bw, bh := m.bodySize()
	parts := []string{m.headerTitle(), m.headerTabs()}
	if bh > 0 {
		// The help overlay replaces the body, so the body (a websh pane
		// perhaps) is only drawn when it shows.
		if m.showHelp {
			parts = append(parts, m.helpOverlay(bw, bh))
		} else {
			parts = append(parts, m.body())
		}
	}
	parts = append(parts, m.statusLine(), m.helpLine())
	lines := strings.Split(strings.Join(parts, "\n"), "\n")
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	return strings.Join(lines, "\n")
}

func (m *Model) body() string {
	switch m.screen {
	case screenDetail:
		return m.detail.View()
	case screenForm:
		return m.form.View()
	case screenWebsh:
		if p := m.activePane(); p != nil {
			return p.pane.View()
		}
	}
	return m.tables[m.view].View()
}

func (m *Model) headerTitle() string {
	h := m.styles.Header
	s := h.Title.Render("alpacon") + " " + h.Workspace.Render(safetext.Line(m.c.BaseURL()))
	if m.me != "" {
		s += "  " + h.User.Render("signed in as "+m.me)
	}
	if m.opts.Version != "" {
		s += "  " + h.User.Render(safetext.Line(m.opts.Version))
	}
	return layout.Fit(s, m.width)
}

func (m *Model) statusLine() string {
	st := m.styles.Status
	if m.cmdMode {
		return layout.Fit(st.Command.Render(m.cmdInput.View()), m.width)
	}
	s := ""
	if m.loading() {
		s = m.spin.View() + " "
	}
	switch {
	case m.status.isErr:
		s += st.Error.Render("✗ " + m.status.text)
	case m.status.text != "":
		s += st.Info.Render(m.status.text)
	case len(m.opens) > 0:
		s += st.Info.Render(m.openingText())
	case m.loading():
		s += st.Info.Render("loading…")
	}
	return layout.Fit(s, m.width)
}

func (m *Model) helpLine() string {
	return layout.Fit(m.help.ShortHelpView(m.helpKeys().ShortHelp()), m.width)
}

// helpKeys is the key set that acts now: the ? box's own keys while it is
// open, else those of the focused screen (boxKeys).
func (m *Model) helpKeys() keymap.Help {
	if m.showHelp && !m.cmdMode && m.screen != screenWebsh {
		return keymap.Help{Keys: m.keys, Context: keymap.ContextHelpBox}
	}
	return m.boxKeys()
}

// boxKeys is the key set of the focused screen, which the ? box lists,
// with what esc does there now (globalKey, detailKey and the table decide
// it in that order).
func (m *Model) boxKeys() keymap.Help {
	keys := m.keys // a copy: disabling a key here only hides its help
	keys.Toggle.SetEnabled(m.screen == screenForm && m.form.OnToggle())
	h := keymap.Help{Keys: keys, Context: m.helpContext()}
	switch {
	case len(m.opens) > 0:
		h.Esc = "cancel websh"
	case m.screen == screenDetail:
		h.Esc = "back"
	case m.tables[m.view].FilterText() != "":
		h.Esc = "clear filter"
	}
	return h
}

// helpContext is the place whose keys act now, as handleKey routes them.
func (m *Model) helpContext() keymap.Context {
	switch {
	case m.screen == screenWebsh:
		return keymap.ContextWebsh
	case m.cmdMode:
		return keymap.ContextCommand
	case m.screen == screenForm:
		return keymap.ContextForm
	case m.screen == screenDetail:
		return keymap.DetailContext(int(m.detailView))
	case m.tables[m.view].Filtering():
		return keymap.ContextFilter
	}
	return keymap.ListContext(int(m.view))
}
