package ui

import (
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/ui/userform"
	"alpacon-tui/ui/websh"
)

// Update routes one message: size and loading replies are handled here,
// keys go through handleKey, websh messages to their pane. Every change of
// place it makes counts as a navigation (see stayed).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.noteMoves()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if _, ok := websh.MsgPaneID(msg); ok {
		return m.routePane(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m.handleKey(msg)
	case spinner.TickMsg:
		if !m.loading() {
			return nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return cmd
	case meMsg:
		m.onMe(msg)
	case serversMsg:
		m.onServers(msg)
	case usersMsg:
		m.onUsers(msg)
	case groupsMsg:
		m.onGroups(msg)
	case sessionsMsg:
		m.onSessions(msg)
	case detailMsg:
		return m.onDetail(msg)
	case userform.SubmitMsg:
		return m.saveUser(msg.UserID, msg.Changes)
	case userform.CancelMsg:
		m.screen = m.formBack
	case userSavedMsg:
		m.onSaved(msg)
	case webshOpenedMsg:
		return m.onWebshOpened(msg)
	case sessionDroppedMsg:
		m.done(msg.req)
	}
	return nil
}

// resize lays every child out for a new terminal size. Sizes are clamped
// at zero, so a 0x0 or 1x1 terminal draws little but never breaks.
func (m *Model) resize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	bw, bh := m.bodySize()
	for v := range viewCount {
		m.tables[v].SetSize(bw, bh)
	}
	m.detail.SetSize(bw, bh)
	m.form.SetSize(bw, bh)
	m.help.Width = bw
	cmds := make([]tea.Cmd, 0, len(m.panes))
	for _, p := range m.panes {
		cmds = append(cmds, p.pane.SetSize(bw, bh))
	}
	return tea.Batch(cmds...)
}

// Header (2 lines), status bar and help line surround the body.
const chromeLines = 4

func (m *Model) bodySize() (int, int) {
	return m.width, max(m.height-chromeLines, 0)
}

// setInfo and setError write the status bar.
func (m *Model) setInfo(s string)  { m.status = status{text: s} }
func (m *Model) setError(s string) { m.status = status{text: s, isErr: true} }
