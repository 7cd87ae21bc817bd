package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/model"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/userform"
)

// Notices of a detail view that shows a list row, not the full record.
const (
	msgLoadingRecord = "loading the full record…"
	msgPartialRecord = "could not load the full record — r retries: "
)

// onDetail shows a fetched object, or opens the form when the fetch was
// for an edit. A failure leaves the list row on screen, marked as such: it
// lacks detail-only fields, and an edit form is never filled from it.
func (m *Model) onDetail(msg detailMsg) tea.Cmd {
	m.done(msg.req)
	if msg.req != m.detailReq {
		return nil
	}
	here := m.screen == screenDetail && m.detailView == msg.view && m.detailID == msg.id
	if msg.err != nil {
		what := msg.view.String()
		if msg.forEdit {
			what = "edit form not opened"
		}
		text := m.errorText(what, msg.err)
		m.setError(text)
		if here && !m.detailFull {
			m.detail.SetNotice(msgPartialRecord + text)
		}
		return nil
	}
	obj := deref(msg.obj)
	if here {
		m.showDetail(msg.view, obj)
		m.detailFull = true
		m.detail.SetNotice("")
	}
	u, ok := obj.(model.User)
	switch {
	case !msg.forEdit || !ok:
	case m.stayed(m.editMoves):
		m.openForm(u, m.screen)
	default:
		m.setInfo("edit form of " + safetext.Line(u.Username) + " not opened: you moved on")
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
	for v := range viewCount {
		// Servers name their owner, groups and sessions their users.
		m.stale[v] = v != ViewUsers && (m.loaded[v] || m.pending[m.reqs[v]])
	}
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
