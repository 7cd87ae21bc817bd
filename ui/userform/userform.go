// Package userform is the edit form of one IAM user: text inputs and
// toggles for the editable fields, a PATCH of only the changed ones, and
// the server's 400 field errors shown inline under the fields they name.
package userform

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/keymap"
	"alpacon-tui/model"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/theme"
)

// SubmitMsg asks the root to PATCH the user with Changes.
type SubmitMsg struct {
	UserID  string
	Changes map[string]any
}

// CancelMsg asks the root to close the form without saving.
type CancelMsg struct{}

// Errors is what the server refused, mapped for the form: Fields by API
// field name, NonField for the top of the form, Message for a refusal
// such as a 403 that concerns the whole request.
type Errors struct {
	Fields   map[string][]string
	NonField []string
	Message  string
}

// field is one row of the form; text fields use input, toggles use on.
type field struct {
	key, label string
	toggle     bool
	input      textinput.Model
	on         bool
}

// Model is the form state.
type Model struct {
	user   model.User
	orig   model.UserEdit
	fields []field
	focus  int

	errs       Errors
	notice     string
	saving     bool
	confirming bool // esc was pressed once on a dirty form

	width, height int
	keys          keymap.KeyMap
	styles        theme.FormStyles
}

// New returns a form filled from u. Text from the server is made inert
// before it enters an input, and the diff baseline is that inert text, so
// a field the user did not touch is never sent.
//
// Limitation: a field whose server value holds control characters is edited
// as its inert form (ESC shown as "^["), and saving that field stores what
// the user sees (remove when the inputs can hold raw text and draw it inert).
func New(u model.User, keys keymap.KeyMap, styles theme.FormStyles) Model {
	orig := model.EditOf(u)
	orig.FirstName = safetext.Line(orig.FirstName)
	orig.LastName = safetext.Line(orig.LastName)
	orig.Email = safetext.Line(orig.Email)
	orig.Phone = safetext.Line(orig.Phone)
	orig.Tags = safetext.Line(orig.Tags)
	orig.Shell = safetext.Line(orig.Shell)
	m := Model{user: u, orig: orig, keys: keys, styles: styles}
	m.fields = []field{
		text("first_name", "First name", orig.FirstName),
		text("last_name", "Last name", orig.LastName),
		text("email", "Email", orig.Email),
		text("phone", "Phone", orig.Phone),
		text("tags", "Tags", orig.Tags),
		text("shell", "Shell", orig.Shell),
		{key: "is_active", label: "Active", toggle: true, on: orig.IsActive},
		{key: "is_staff", label: "Staff", toggle: true, on: orig.IsStaff},
		{key: "is_superuser", label: "Superuser", toggle: true, on: orig.IsSuperuser},
	}
	m.setFocus(0)
	return m
}

func text(k, label, value string) field {
	in := textinput.New()
	in.Prompt = ""
	in.SetValue(value)
	in.Cursor.SetMode(cursor.CursorStatic)
	return field{key: k, label: label, input: in}
}

// User returns the user the form edits.
func (m Model) User() model.User { return m.user }

// Saving reports whether a submit is waiting for the server.
func (m Model) Saving() bool { return m.saving }

// Focused returns the API name of the focused field, "save" for the button.
func (m Model) Focused() string {
	if m.focus >= len(m.fields) {
		return "save"
	}
	return m.fields[m.focus].key
}

// OnToggle reports whether the focused field is a toggle, where space acts.
func (m Model) OnToggle() bool { return m.focus < len(m.fields) && m.fields[m.focus].toggle }

// Edit returns the values as typed now.
func (m Model) Edit() model.UserEdit {
	v := func(i int) string { return m.fields[i].input.Value() }
	return model.UserEdit{
		FirstName: v(0), LastName: v(1), Email: v(2), Phone: v(3), Tags: v(4), Shell: v(5),
		IsActive: m.fields[6].on, IsStaff: m.fields[7].on, IsSuperuser: m.fields[8].on,
	}
}

// Dirty reports whether anything differs from the loaded user.
func (m Model) Dirty() bool { return len(m.Edit().Changes(m.orig)) > 0 }

// SetSize sets the outer size of the form.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	for i := range m.fields {
		m.fields[i].input.Width = max(m.width-gutter-labelWidth-2, 1)
	}
}

// Update handles navigation, toggles, typing, save and cancel.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.saving {
		return m, nil
	}
	m.notice = ""
	confirming := m.confirming
	m.confirming = false
	switch {
	case key.Matches(k, m.keys.Save):
		return m.submit()
	case key.Matches(k, m.keys.Cancel):
		return m.cancel(confirming)
	case key.Matches(k, m.keys.NextField):
		m.setFocus(m.focus + 1)
		return m, nil
	case key.Matches(k, m.keys.PrevField):
		m.setFocus(m.focus - 1)
		return m, nil
	case key.Matches(k, m.keys.Accept):
		if m.focus == len(m.fields) {
			return m.submit()
		}
		m.setFocus(m.focus + 1)
		return m, nil
	}
	return m.updateField(k)
}

func (m Model) updateField(k tea.KeyMsg) (Model, tea.Cmd) {
	if m.focus >= len(m.fields) {
		return m, nil
	}
	f := &m.fields[m.focus]
	if f.toggle {
		if key.Matches(k, m.keys.Toggle) {
			f.on = !f.on
			m.clearFieldError(f.key)
		}
		return m, nil
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(k)
	if f.input.Value() != before {
		m.clearFieldError(f.key)
	}
	return m, cmd
}

// clearFieldError drops the server's message for a field the user has
// changed since: it spoke of a value that is gone. The map is copied, as
// earlier copies of the Model share it.
func (m *Model) clearFieldError(name string) {
	if len(m.errs.Fields[name]) == 0 {
		return
	}
	fields := make(map[string][]string, len(m.errs.Fields))
	for k, v := range m.errs.Fields {
		if k != name {
			fields[k] = v
		}
	}
	m.errs.Fields = fields
}

// cancel closes the form; a dirty form asks for a second esc first.
func (m Model) cancel(confirmed bool) (Model, tea.Cmd) {
	if m.Dirty() && !confirmed {
		m.confirming = true
		m.notice = "unsaved changes — esc again to discard, ctrl+s to save"
		return m, nil
	}
	return m, func() tea.Msg { return CancelMsg{} }
}

func (m Model) submit() (Model, tea.Cmd) {
	changes := m.Edit().Changes(m.orig)
	if len(changes) == 0 {
		m.errs = Errors{} // they were about changes that are gone
		m.notice = "nothing to save"
		return m, nil
	}
	m.saving = true
	m.notice = "saving…"
	m.errs = Errors{}
	id := m.user.ID
	return m, func() tea.Msg { return SubmitMsg{UserID: id, Changes: changes} }
}

// ShowErrors ends a submit that the server refused: messages go under
// their fields, the first field with an error takes the focus, and every
// typed value stays. Errors for fields the form does not have go to the top.
func (m *Model) ShowErrors(e Errors) {
	m.saving, m.notice = false, ""
	m.errs = Errors{Fields: map[string][]string{}, Message: safetext.Line(e.Message)}
	for _, s := range e.NonField {
		m.errs.NonField = append(m.errs.NonField, safetext.Line(s))
	}
	first := -1
	for name, msgs := range e.Fields {
		i := m.index(name)
		if i < 0 {
			for _, s := range msgs {
				m.errs.NonField = append(m.errs.NonField, safetext.Line(name+": "+s))
			}
			continue
		}
		for _, s := range msgs {
			m.errs.Fields[name] = append(m.errs.Fields[name], safetext.Line(s))
		}
		if first < 0 || i < first {
			first = i
		}
	}
	if first >= 0 {
		m.setFocus(first)
	}
}

func (m Model) index(name string) int {
	for i, f := range m.fields {
		if f.key == name {
			return i
		}
	}
	return -1
}

func (m *Model) setFocus(i int) {
	n := len(m.fields) + 1
	m.focus = ((i % n) + n) % n
	for j := range m.fields {
		if m.fields[j].toggle {
			continue
		}
		if j == m.focus {
			m.fields[j].input.Focus()
		} else {
			m.fields[j].input.Blur()
		}
	}
}
