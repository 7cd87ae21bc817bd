package ui

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/client"
	"alpacon-tui/model"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/websh"
)

// opening is a websh open in flight: esc cancels it (the dial; a session
// created meanwhile is closed), and moves tells whether the user is still
// where they pressed w when it completes.
type opening struct {
	server model.Server
	cancel context.CancelFunc
	moves  int
}

// webshOpenedMsg is the result of creating a session and dialling it.
type webshOpenedMsg struct {
	req     int
	server  model.Server
	session *model.Session
	stream  *client.Stream
	err     error
}

// sessionDroppedMsg ends the closing of a session nobody wants any more.
type sessionDroppedMsg struct{ req int }

// openWebsh creates a session sized to the body and dials its stream. A
// second w on a server whose open is in flight does nothing.
func (m *Model) openWebsh(s model.Server) tea.Cmd {
	name := safetext.Line(s.Name)
	for _, o := range m.opens {
		if o.server.ID == s.ID {
			m.setInfo("already opening websh on " + name + "…")
			return nil
		}
	}
	req, tick := m.newReq()
	ctx, cancel := context.WithTimeout(context.Background(), requestTimeout)
	m.opens[req] = &opening{server: s, cancel: cancel, moves: m.moves}
	rows, cols := paneInnerSize(m.bodySize())
	c, textFrames := m.c, m.opts.TextFrames
	return tea.Batch(tick, func() tea.Msg {
		defer cancel()
		// esc does not cut the create request short: the server may
		// create the session all the same, and only its answer names the
		// session, so that it can be closed.
		cctx, ccancel := withTimeout()
		sreq := model.SessionRequest{Server: s.ID, Rows: rows, Cols: cols}
		sess, err := c.CreateSession(cctx, sreq)
		ccancel()
		if err == nil && ctx.Err() != nil {
			dropSession(c, sess.ID, nil)
			err = ctx.Err()
		}
		if err != nil {
			return webshOpenedMsg{req: req, server: s, err: err}
		}
		opts := client.StreamOptions{TextFrames: textFrames}
		st, err := c.DialWebsh(ctx, sess.WebsocketURL, opts)
		if err == nil && ctx.Err() != nil {
			err = ctx.Err() // cancelled as the dial succeeded
		}
		if err != nil {
			dropSession(c, sess.ID, st)
			return webshOpenedMsg{req: req, server: s, err: err}
		}
		return webshOpenedMsg{req: req, server: s, session: sess, stream: st}
	})
}

// dropSession closes a session that will get no pane, best effort: left
// open, it would run on the server unseen.
func dropSession(c *client.Client, id string, st *client.Stream) {
	if st != nil {
		_ = st.Close()
	}
	ctx, cancel := withTimeout()
	defer cancel()
	_ = c.CloseSession(ctx, id)
}

// cancelOpens cancels every websh open in flight (esc). Their replies
// still come, and a session created just before the cancel is closed then.
func (m *Model) cancelOpens() {
	names := make([]string, 0, len(m.opens))
	for _, req := range slices.Sorted(maps.Keys(m.opens)) {
		m.opens[req].cancel()
		m.hush(req) // its reply still comes, but nobody waits for it
		names = append(names, safetext.Line(m.opens[req].server.Name))
		delete(m.opens, req)
	}
	m.setInfo("websh on " + strings.Join(names, ", ") + " cancelled")
}

// openingText is the status of the opens in flight, "" when none.
func (m *Model) openingText() string {
	if len(m.opens) == 0 {
		return ""
	}
	names := make([]string, 0, len(m.opens))
	for _, req := range slices.Sorted(maps.Keys(m.opens)) {
		names = append(names, safetext.Line(m.opens[req].server.Name))
	}
	s := "opening websh on " + strings.Join(names, ", ") + "…"
	if m.screen == screenList || m.screen == screenDetail {
		s += " (esc cancels)"
	}
	return s
}

// onWebshOpened adds the pane. It takes the focus only if the user is
// still where they pressed w; otherwise it waits as a background tab, so
// keys typed elsewhere never reach a remote shell.
func (m *Model) onWebshOpened(msg webshOpenedMsg) tea.Cmd {
	m.done(msg.req)
	o, ok := m.opens[msg.req]
	delete(m.opens, msg.req)
	if !ok {
		if msg.stream != nil {
			return m.dropOpened(msg)
		}
		return nil
	}
	name := safetext.Line(msg.server.Name)
	if msg.err != nil {
		if !errors.Is(msg.err, context.Canceled) {
			m.setError(m.errorText("websh "+msg.server.Name, msg.err))
		}
		return nil
	}
	p := m.newPane(msg)
	cmds := []tea.Cmd{p.Init()}
	if m.stayed(o.moves) {
		m.setInfo("")
		cmds = append(cmds, m.focusPane(len(m.panes)-1))
	} else {
		p.Blur()
		m.unseen = p.ID()
		m.setInfo("websh on " + name + " ready — " + m.keys.NextPane.Help().Key + " to open")
	}
	if m.loaded[ViewSessions] {
		cmds = append(cmds, m.fetchList(ViewSessions))
	}
	return tea.Batch(cmds...)
}

// dropOpened closes a session whose open was cancelled too late to stop it.
func (m *Model) dropOpened(msg webshOpenedMsg) tea.Cmd {
	req := m.newQuietReq()
	c, id, st := m.c, msg.session.ID, msg.stream
	return func() tea.Msg {
		dropSession(c, id, st)
		return sessionDroppedMsg{req}
	}
}

// newPane makes the pane of an opened session and adds its tab.
func (m *Model) newPane(msg webshOpenedMsg) *websh.Pane {
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
	return p
}
