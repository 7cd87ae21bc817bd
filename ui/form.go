package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/model"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/userform"
)

// onDetail shows a fetched object, or opens the form when the fetch was
// for an edit.
func (m *Model) onDetail(msg detailMsg) tea.Cmd {
	m.done(msg.req)
	if msg.req != m.detailReq {
		return nil
	}
	if msg.err != nil {
		m.setError(m.errorText(msg.view.String(), msg.err))
		return nil
	}
	obj := deref(msg.obj)
	if msg.forEdit {
		if u, ok := obj.(model.User); ok {
			m.openForm(u, m.screen)
		}
		return nil
	}
	if m.screen == screenDetail && m.detailView == msg.view {
		m.showDetail(msg.view, obj)
	}
	return nil
}

// deref turns the client's pointer answers into the values lists hold.
func deref(obj any) any {
	switch o := obj.(type) {
	case *model.Server:
		return *o
	case *model.User:
		return *o
	case *model.Group:
		return *o
	case *model.Session:
		return *o
	}
	return obj
}

// openForm starts editing u; esc or a save returns to back.
func (m *Model) openForm(u model.User, back screen) {
	m.form = userform.New(u, m.keys, m.styles.Form)
	bw, bh := m.bodySize()
	m.form.SetSize(bw, bh)
	m.formBack = back
	m.screen = screenForm
}

// onSaved ends a save: the detail view shows the new values, or the form
// shows what the server refused.
func (m *Model) onSaved(msg userSavedMsg) {
	m.done(msg.req)
	if msg.req != m.formReq || m.screen != screenForm {
		return
	}
	if msg.err != nil {
		m.form.ShowErrors(m.formErrors(msg.err))
		return
	}
	u := *msg.user
	m.replaceUser(u)
	m.showDetail(ViewUsers, u)
	m.screen = screenDetail
	m.setInfo("saved " + safetext.Line(u.Username))
}

// replaceUser puts a saved user into the loaded list.
func (m *Model) replaceUser(u model.User) {
	for i := range m.users {
		if m.users[i].ID == u.ID {
			m.users[i] = u
		}
	}
	m.onUsersChanged()
}
