package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/model"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/websh"
)

// paneTab is one open websh session and its pane.
type paneTab struct {
	pane    *websh.Pane
	server  model.Server
	session model.Session
}

// paneInnerSize is the terminal size a pane of the body's size will have:
// websh.Pane.InnerSize for a pane of outer size w x h. The session is
// created with it so the remote shell starts at the size it is drawn at.
func paneInnerSize(w, h int) (rows, cols int) {
	return max(h-2, 1), max(w-2, 1)
}

// webshFor opens a session on a server, or reopens a session's pane.
func (m *Model) webshFor(obj any) tea.Cmd {
	switch o := obj.(type) {
	case model.Server:
		if err := o.WebshReady(); err != nil {
			m.setError(safetext.Line(o.Name) + ": " + err.Error())
			return nil
		}
		return m.openWebsh(o)
	case model.Session:
		for i, p := range m.panes {
			if p.session.ID == o.ID {
				return m.focusPane(i)
			}
		}
		m.setError("this session has no pane here; open one with w on a server")
	}
	return nil
}

// activePane returns the focused pane, or nil.
func (m *Model) activePane() *paneTab {
	if m.active < 0 || m.active >= len(m.panes) {
		return nil
	}
	return m.panes[m.active]
}

// focusPane shows pane i; the list or detail underneath is kept.
func (m *Model) focusPane(i int) tea.Cmd {
	if i < 0 || i >= len(m.panes) {
		return nil
	}
	if m.screen != screenWebsh {
		m.back = m.screen
	}
	for j, p := range m.panes {
		if j == i {
			p.pane.Focus()
		} else {
			p.pane.Blur()
		}
	}
	m.active, m.screen = i, screenWebsh
	if m.panes[i].pane.ID() == m.unseen {
		m.unseen = 0
	}
	return nil
}

// cyclePane opens a pane from a list or detail view (inside a pane the
// keys belong to the remote): ] the one after the last used, [ the one
// before it. A pane that opened in the background comes first for ].
func (m *Model) cyclePane(delta int) tea.Cmd {
	n := len(m.panes)
	if n == 0 {
		m.setInfo("no websh sessions open — press w on a connected server")
		return nil
	}
	if i := m.paneIndex(m.unseen); delta > 0 && i >= 0 {
		return m.focusPane(i)
	}
	i := min(m.active, n-1)
	return m.focusPane(((i+delta)%n + n) % n)
}

// routePane hands a websh message to its pane; leave and closed are the
// root's business.
func (m *Model) routePane(msg tea.Msg) tea.Cmd {
	id, _ := websh.MsgPaneID(msg)
	i := m.paneIndex(id)
	if i < 0 {
		return nil
	}
	switch msg.(type) {
	case websh.LeaveMsg:
		m.leavePane()
		m.noteLeft(id)
		return nil
	case websh.ClosedMsg:
		m.discardPane(i)
		return nil
	}
	_, cmd := m.panes[i].pane.Update(msg)
	return cmd
}

func (m *Model) paneIndex(id int) int {
	for i, p := range m.panes {
		if p.pane.ID() == id {
			return i
		}
	}
	return -1
}

// leavePane returns to the screen under the pane; the session keeps running.
func (m *Model) leavePane() {
	if p := m.activePane(); p != nil {
		p.pane.Blur()
	}
	m.screen = m.back
	if m.screen == screenWebsh || m.screen == screenForm {
		m.screen = screenList
	}
}

// discardPane closes pane i for good and returns to the list.
func (m *Model) discardPane(i int) {
	m.panes[i].pane.Close()
	m.panes = append(m.panes[:i], m.panes[i+1:]...)
	if m.screen == screenWebsh {
		m.leavePane()
	}
	m.active = min(m.active, len(m.panes)-1)
	m.active = max(m.active, 0)
}
