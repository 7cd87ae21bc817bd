package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/client"
	"alpacon-tui/model"
)

// requestTimeout bounds every REST call the UI makes.
const requestTimeout = 20 * time.Second

// listLimit caps how many rows a list loads.
// Limitation: lists load at most listLimit rows, with no paging past them
// (remove when lists fetch the next page as the cursor nears the end).
const listLimit = 2000

// Every reply carries the id of its request: a reply whose id is no longer
// the latest for its target is stale and dropped.
type (
	serversMsg struct {
		req   int
		items []model.Server
		err   error
	}
	usersMsg struct {
		req   int
		items []model.User
		err   error
	}
	groupsMsg struct {
		req   int
		items []model.Group
		err   error
	}
	sessionsMsg struct {
		req   int
		items []model.Session
		err   error
	}
	meMsg struct {
		req  int
		user *model.User
		err  error
	}
	// detailMsg is a fetched object for the detail view (or the form).
	detailMsg struct {
		req     int
		view    View
		id      string
		obj     any
		forEdit bool
		err     error
	}
	userSavedMsg struct {
		req  int
		user *model.User
		err  error
	}
)

func withTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), requestTimeout)
}

// fetchList reloads the list of v.
func (m *Model) fetchList(v View) tea.Cmd {
	req, tick := m.newReq()
	m.reqs[v], m.stale[v] = req, false
	c := m.c
	var cmd tea.Cmd
	switch v {
	case ViewServers:
		cmd = func() tea.Msg {
			ctx, cancel := withTimeout()
			defer cancel()
			items, err := client.Walk(ctx, c.ListServers, client.ListOptions{}, listLimit)
			return serversMsg{req, items, err}
		}
	case ViewUsers:
		cmd = func() tea.Msg {
			ctx, cancel := withTimeout()
			defer cancel()
			items, err := client.Walk(ctx, c.ListUsers, client.ListOptions{}, listLimit)
			return usersMsg{req, items, err}
		}
	case ViewGroups:
		cmd = func() tea.Msg {
			ctx, cancel := withTimeout()
			defer cancel()
			items, err := client.Walk(ctx, c.ListGroups, client.ListOptions{}, listLimit)
			return groupsMsg{req, items, err}
		}
	case ViewSessions:
		cmd = func() tea.Msg {
			ctx, cancel := withTimeout()
			defer cancel()
			items, err := client.Walk(ctx, c.ListSessions, client.ListOptions{}, listLimit)
			return sessionsMsg{req, items, err}
		}
	}
	return tea.Batch(cmd, tick)
}

// fetchMe loads the signed-in user for the header. It is a request like
// the others: the spinner runs and idle waits until it is answered.
func (m *Model) fetchMe() tea.Cmd {
	req, tick := m.newReq()
	m.meReq = req
	c := m.c
	return tea.Batch(tick, func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		u, err := c.Me(ctx)
		return meMsg{req, u, err}
	})
}

// retryMe asks for the signed-in user again when the header lacks it (the
// first request failed) and no request for it is in flight.
func (m *Model) retryMe() tea.Cmd {
	if m.me != "" || m.pending[m.meReq] {
		return nil
	}
	return m.fetchMe()
}

// fetchDetail loads the full object behind a list row: list answers omit
// detail-only fields (a user's shell, a session's rows and cols). For an
// edit, the form opens on the reply if the user has not moved since.
func (m *Model) fetchDetail(v View, id string, forEdit bool) tea.Cmd {
	req, tick := m.newReq()
	m.detailReq = req
	if forEdit {
		m.editMoves = m.moves
	}
	c := m.c
	get := func(ctx context.Context) (any, error) {
		switch v {
		case ViewServers:
			return c.GetServer(ctx, id)
		case ViewUsers:
			return c.GetUser(ctx, id)
		case ViewGroups:
			return c.GetGroup(ctx, id)
		}
		return c.GetSession(ctx, id)
	}
	return tea.Batch(tick, func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		obj, err := get(ctx)
		return detailMsg{req: req, view: v, id: id, obj: obj, forEdit: forEdit, err: err}
	})
}

// saveUser sends the form's changes.
func (m *Model) saveUser(id string, changes map[string]any) tea.Cmd {
	req, tick := m.newReq()
	m.formReq = req
	c := m.c
	return tea.Batch(tick, func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		u, err := c.PatchUser(ctx, id, changes)
		return userSavedMsg{req, u, err}
	})
}
