package ui

import (
	"alpacon-tui/model"
	"alpacon-tui/ui/detail"
	"alpacon-tui/ui/resources"
	"alpacon-tui/ui/safetext"
)

// fresh ends a list request and reports whether its reply is the latest.
func (m *Model) fresh(v View, req int) bool {
	m.done(req)
	return req == m.reqs[v]
}

func (m *Model) listFailed(v View, err error) {
	m.tables[v].SetEmptyText("could not load " + v.String())
	m.setError(m.errorText(v.String(), err))
}

func (m *Model) onMe(msg meMsg) {
	m.done(msg.req)
	if msg.err != nil {
		m.setError(m.errorText("signed-in user", msg.err))
		return
	}
	m.me = safetext.Line(msg.user.Username)
}

func (m *Model) onServers(msg serversMsg) {
	if !m.fresh(ViewServers, msg.req) {
		return
	}
	if msg.err != nil {
		m.listFailed(ViewServers, msg.err)
		return
	}
	m.servers, m.loaded[ViewServers] = msg.items, true
	m.tables[ViewServers].SetEmptyText("no servers")
	m.tables[ViewServers].SetRows(resources.ServerRows(msg.items))
}

func (m *Model) onUsers(msg usersMsg) {
	if !m.fresh(ViewUsers, msg.req) {
		return
	}
	if msg.err != nil {
		m.listFailed(ViewUsers, msg.err)
		return
	}
	m.users, m.loaded[ViewUsers] = msg.items, true
	m.tables[ViewUsers].SetEmptyText("no users")
	m.tables[ViewUsers].SetRows(resources.UserRows(msg.items))
}

func (m *Model) onGroups(msg groupsMsg) {
	if !m.fresh(ViewGroups, msg.req) {
		return
	}
	if msg.err != nil {
		m.listFailed(ViewGroups, msg.err)
		return
	}
	m.groups, m.loaded[ViewGroups] = msg.items, true
	m.tables[ViewGroups].SetEmptyText("no groups")
	m.tables[ViewGroups].SetRows(resources.GroupRows(msg.items))
}

func (m *Model) onSessions(msg sessionsMsg) {
	if !m.fresh(ViewSessions, msg.req) {
		return
	}
	if msg.err != nil {
		m.listFailed(ViewSessions, msg.err)
		return
	}
	m.sessions, m.loaded[ViewSessions] = msg.items, true
	m.tables[ViewSessions].SetEmptyText("no websh sessions")
	m.tables[ViewSessions].SetRows(resources.SessionRows(msg.items))
}

// selected returns the object under the cursor of v's list, or nil.
func (m *Model) selected(v View) any {
	i := m.tables[v].SelectedIndex()
	if i < 0 {
		return nil
	}
	switch v {
	case ViewServers:
		return m.servers[i]
	case ViewUsers:
		return m.users[i]
	case ViewGroups:
		return m.groups[i]
	}
	return m.sessions[i]
}

// showDetail fills the detail view from obj, titled and keyed by it.
func (m *Model) showDetail(v View, obj any) {
	var title, id string
	var fields []detail.Field
	switch o := obj.(type) {
	case model.Server:
		title, id, fields = "Server "+o.Name, o.ID, resources.ServerFields(o)
	case model.User:
		title, id, fields = "User "+o.Username, o.ID, resources.UserFields(o)
	case model.Group:
		title, id, fields = "Group "+o.Name, o.ID, resources.GroupFields(o)
	case model.Session:
		title = "Session on " + o.Server.Label(o.ServerName)
		id, fields = o.ID, resources.SessionFields(o)
	}
	if m.detailID != id || m.detailView != v {
		m.detail = detail.New(m.keys, m.styles.Detail)
		bw, bh := m.bodySize()
		m.detail.SetSize(bw, bh)
	}
	m.detailView, m.detailID, m.detailObj = v, id, obj
	m.detail.SetContent(title, fields)
}

func (m *Model) onUsersChanged() {
	m.tables[ViewUsers].SetRows(resources.UserRows(m.users))
}
