package ui

// place is where the user is: what the body shows and which modal input,
// if any, has the keyboard. Any change of place is a navigation.
type place struct {
	screen           screen
	view, detailView View
	detailID         string
	pane             int
	cmd, help, typed bool
}

func (m *Model) where() place {
	p := place{screen: m.screen, view: m.view, cmd: m.cmdMode, help: m.showHelp,
		typed: m.tables[m.view].Filtering()}
	switch m.screen {
	case screenDetail, screenForm:
		p.detailView, p.detailID = m.detailView, m.detailID
	case screenWebsh:
		p.pane = m.active
	}
	return p
}

// stayed reports whether the user has not moved since the navigation count
// was moves. Replies that would change the screen (a websh pane, an edit
// form) take it only then: otherwise they would steal keys typed elsewhere.
func (m *Model) stayed(moves int) bool { return m.moves == moves }

// noteMoves counts a navigation if the place changed since the last call.
// It runs after every message, and after each key of a burst: "1w" typed
// in one read switches view before the w, not after it.
func (m *Model) noteMoves() {
	if p := m.where(); p != m.last {
		m.moves, m.last = m.moves+1, p
	}
}
