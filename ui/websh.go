package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/client"
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

// webshOpenedMsg is the result of creating a session and dialling it.
type webshOpenedMsg struct {
	req     int
	server  model.Server
	session *model.Session
	stream  *client.Stream
	err     error
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

// openWebsh creates a session sized to the body and dials its stream.
func (m *Model) openWebsh(s model.Server) tea.Cmd {
	req, tick := m.newReq()
	rows, cols := paneInnerSize(m.bodySize())
	c, textFrames := m.c, m.opts.TextFrames
	m.setInfo("opening websh on " + safetext.Line(s.Name) + "…")
	return tea.Batch(tick, func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		sess, err := c.CreateSession(ctx, model.SessionRequest{Server: s.ID, Rows: rows, Cols: cols})
		if err != nil {
			return webshOpenedMsg{req: req, server: s, err: err}
		}
		st, err := c.DialWebsh(ctx, sess.WebsocketURL, client.StreamOptions{TextFrames: textFrames})
		return webshOpenedMsg{req: req, server: s, session: sess, stream: st, err: err}
	})
}

// onWebshOpened adds the pane and focuses it. A session that was created
// is never dropped as stale: it would keep running unseen.
func (m *Model) onWebshOpened(msg webshOpenedMsg) tea.Cmd {
	m.done(msg.req)
	if msg.err != nil {
		m.setError(m.errorText("websh "+msg.server.Name, msg.err))
		return nil
	}
	c, id := m.c, msg.session.ID
	bw, bh := m.bodySize()
	p := websh.New(websh.Options{
		Conn: msg.stream, Title: msg.server.Name, Width: bw, Height: bh,
		LeaveKey: m.keys.Leave,
		Resize: func(ctx context.Context, rows, cols int) error {
			return c.ResizeSession(ctx, id, rows, cols)
		},
	})
	m.panes = append(m.panes, &paneTab{pane: p, server: msg.server, session: *msg.session})
	m.setInfo("")
	cmds := []tea.Cmd{p.Init(), m.focusPane(len(m.panes) - 1)}
	if m.loaded[ViewSessions] {
		cmds = append(cmds, m.fetchList(ViewSessions))
	}
	return tea.Batch(cmds...)
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
	return nil
}

// cyclePane reopens a pane from a list or detail view (inside a pane the
// keys belong to the remote): ] the last one used, [ the one before it.
func (m *Model) cyclePane(delta int) tea.Cmd {
	n := len(m.panes)
	if n == 0 {
		m.setInfo("no websh sessions open — press w on a connected server")
		return nil
	}
	i := min(m.active, n-1)
	if delta < 0 {
		i = ((i-1)%n + n) % n
	}
	return m.focusPane(i)
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
