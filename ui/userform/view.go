package userform

import (
	"strings"

	"alpacon-tui/ui/layout"
)

const (
	gutter     = 3
	labelWidth = 12
)

// View renders the form; when it is taller than the height, the window
// follows the focused field.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines, focusLine := m.lines()
	off := 0
	if len(lines) > m.height {
		off = min(max(focusLine-m.height/2, 0), len(lines)-m.height)
	}
	end := min(off+m.height, len(lines))
	out := make([]string, 0, m.height)
	for _, l := range lines[off:end] {
		out = append(out, layout.Fit(l, m.width))
	}
	for len(out) < m.height {
		out = append(out, strings.Repeat(" ", m.width))
	}
	return strings.Join(out, "\n")
}

func (m Model) lines() ([]string, int) {
	s := m.styles
	title := "Edit user " + m.user.Username
	out := []string{s.Title.Render(title)}
	if len(m.errs.NonField) > 0 {
		box := s.NonField.Width(max(m.width-2, 1)).Render(strings.Join(m.errs.NonField, "\n"))
		out = append(out, strings.Split(box, "\n")...)
	}
	if m.errs.Message != "" {
		out = append(out, s.ErrorText.Render("✗ "+m.errs.Message))
	}
	if m.notice != "" {
		out = append(out, s.Notice.Render(m.notice))
	}
	out = append(out, "")
	focusLine := 0
	for i, f := range m.fields {
		if i == m.focus {
			focusLine = len(out)
		}
		out = append(out, m.fieldLine(i, f))
		for _, e := range m.errs.Fields[f.key] {
			pad := strings.Repeat(" ", gutter+labelWidth+1)
			out = append(out, pad+s.ErrorText.Render("✗ "+e))
		}
	}
	out = append(out, "")
	if m.focus == len(m.fields) {
		focusLine = len(out)
	}
	out = append(out, m.buttonLine())
	return out, focusLine
}

func (m Model) fieldLine(i int, f field) string {
	s := m.styles
	mark := []byte("   ")
	label := s.Label
	if i == m.focus {
		mark[0], label = '>', s.FocusedLabel
	}
	if len(m.errs.Fields[f.key]) > 0 {
		mark[1], label = '!', s.ErrorLabel
	}
	head := string(mark) + label.Render(layout.Fit(f.label, labelWidth)) + " "
	if f.toggle {
		box := "[ ]"
		if f.on {
			box = "[x]"
		}
		return head + box
	}
	return head + f.input.View()
}

func (m Model) buttonLine() string {
	s := m.styles
	b := s.Button.Render("[ Save ]")
	if m.focus == len(m.fields) {
		b = s.FocusedButton.Render("[ Save ]")
	}
	return strings.Repeat(" ", gutter) + b
}
