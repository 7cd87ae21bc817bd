// Package detail shows every field of one object as a scrollable list of
// key/value lines.
package detail

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"alpacon-tui/keymap"
	"alpacon-tui/ui/layout"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/theme"
)

// Field is one key/value pair; Value may span several lines.
type Field struct {
	Key, Value string
}

// Model is a scrollable key/value view with a title line.
type Model struct {
	title  string
	notice string
	fields []Field
	lines  []string
	offset int

	width, height int
	keys          keymap.KeyMap
	styles        theme.DetailStyles
}

// New returns an empty detail view.
func New(keys keymap.KeyMap, styles theme.DetailStyles) Model {
	return Model{keys: keys, styles: styles}
}

// SetContent replaces title and fields; all text is made inert here. The
// scroll position is kept when the same object is refreshed.
func (m *Model) SetContent(title string, fields []Field) {
	m.title = safetext.Line(title)
	m.fields = make([]Field, len(fields))
	for i, f := range fields {
		m.fields[i] = Field{Key: safetext.Line(f.Key), Value: safetext.Lines(f.Value)}
	}
	m.rebuild()
}

// SetNotice sets the line under the title that qualifies the fields (a
// record only partly loaded); "" removes it. The text is made inert here.
func (m *Model) SetNotice(s string) {
	m.notice = safetext.Line(s)
	m.clamp()
}

// Notice returns the line under the title, "" when there is none.
func (m Model) Notice() string { return m.notice }

// Title returns the title line's text.
func (m Model) Title() string { return m.title }

// Fields returns the shown fields.
func (m Model) Fields() []Field { return m.fields }

// SetSize sets the outer size, title line included.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.rebuild()
}

// Update scrolls.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	page := max(m.bodyHeight(), 1)
	switch {
	case key.Matches(k, m.keys.Up):
		m.offset--
	case key.Matches(k, m.keys.Down):
		m.offset++
	case key.Matches(k, m.keys.PageUp):
		m.offset -= page
	case key.Matches(k, m.keys.PageDown):
		m.offset += page
	case key.Matches(k, m.keys.Top):
		m.offset = 0
	case key.Matches(k, m.keys.Bottom):
		m.offset = len(m.lines)
	}
	m.clamp()
	return m, nil
}

// View renders exactly height lines.
func (m Model) View() string {
	if m.height <= 0 || m.width <= 0 {
		return ""
	}
	out := make([]string, 0, m.height)
	out = append(out, m.styles.Title.Render(layout.Fit(m.title+m.position(), m.width)))
	if m.notice != "" && m.height > 1 {
		out = append(out, m.styles.Notice.Render(layout.Fit(m.notice, m.width)))
	}
	for i := 0; i < m.bodyHeight(); i++ {
		l := ""
		if j := m.offset + i; j < len(m.lines) {
			l = m.lines[j]
		}
		out = append(out, layout.Fit(l, m.width))
	}
	return strings.Join(out, "\n")
}

func (m Model) position() string {
	if len(m.lines) <= m.bodyHeight() {
		return ""
	}
	return fmt.Sprintf("  (%d-%d of %d)", m.offset+1,
		min(m.offset+m.bodyHeight(), len(m.lines)), len(m.lines))
}

// rebuild lays the fields out as lines: the key column is as wide as the
// longest key, continuation lines are indented under the value.
func (m *Model) rebuild() {
	kw := 0
	for _, f := range m.fields {
		kw = max(kw, ansi.StringWidth(f.Key))
	}
	kw = min(kw, 24)
	m.lines = m.lines[:0]
	for _, f := range m.fields {
		key := m.styles.Key.Render(layout.Fit(f.Key, kw))
		for i, v := range strings.Split(f.Value, "\n") {
			if i > 0 {
				key = strings.Repeat(" ", kw)
			}
			m.lines = append(m.lines, key+"  "+m.styles.Value.Render(v))
		}
	}
	m.clamp()
}

func (m *Model) clamp() {
	m.offset = min(max(m.offset, 0), max(len(m.lines)-m.bodyHeight(), 0))
}

// bodyHeight is the height left for fields under the title and notice.
func (m Model) bodyHeight() int {
	if m.notice != "" {
		return max(m.height-2, 0)
	}
	return m.height - 1
}
