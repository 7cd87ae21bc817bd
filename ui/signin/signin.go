// Package signin is the sign-in form shown when no credentials are found:
// workspace URL, username and password, sent to /api/auth/login/.
package signin

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"alpacon-tui/client"
	"alpacon-tui/ui/errtext"
	"alpacon-tui/ui/safetext"
)

// Result is what a successful sign-in yields.
type Result struct {
	URL       string
	Token     string
	ExpiresAt *time.Time
}

// Login signs in; main passes one that builds a client for the typed URL.
type Login func(ctx context.Context, url, username, password string) (Result, error)

// Model is the sign-in form. Done reports whether it ended, and Result what
// it got; a cancelled form has Done true and an empty token.
type Model struct {
	inputs []textinput.Model
	focus  int
	login  Login
	busy   bool
	err    string
	fields map[int]string
	result Result
	done   bool
	width  int
	notice string
}

const (
	fieldURL = iota
	fieldUser
	fieldPass
)

type loginMsg struct {
	res Result
	err error
}

// New builds the form, with url prefilled when known.
func New(url string, login Login) Model {
	labels := []string{"https://workspace.example.com", "username", "password"}
	m := Model{login: login, fields: map[int]string{}}
	for i, ph := range labels {
		ti := textinput.New()
		ti.Placeholder = ph
		ti.Prompt = ""
		ti.CharLimit = 256
		if i == fieldPass {
			ti.EchoMode = textinput.EchoPassword
			ti.EchoCharacter = '•'
		}
		m.inputs = append(m.inputs, ti)
	}
	m.inputs[fieldURL].SetValue(url)
	if url != "" {
		m.focus = fieldUser
	}
	m.inputs[m.focus].Focus()
	return m
}

// WithNotice returns the form with a line above the fields saying why it is
// shown, e.g. that a saved token was refused.
func (m Model) WithNotice(s string) Model {
	m.notice = s
	return m
}

// Result returns the outcome once Done.
func (m Model) Result() Result { return m.result }

// Done reports whether the form has finished, signed in or cancelled.
func (m Model) Done() bool { return m.done }

// Init starts the cursor blinking.
func (m Model) Init() tea.Cmd { return textinput.Blink }

// Update handles keys and the login answer.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width = msg.Width
		for i := range m.inputs {
			m.inputs[i].Width = max(m.textWidth()-11, 8)
		}
		return m, nil
	case loginMsg:
		m.busy = false
		if msg.err != nil {
			m.showError(msg.err)
			return m, nil
		}
		m.result, m.done = msg.res, true
		return m, tea.Quit
	case tea.KeyMsg:
		return m.key(msg)
	}
	var cmd tea.Cmd
	m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
	return m, cmd
}

func (m Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "ctrl+c", "esc":
		m.done = true
		return m, tea.Quit
	case "tab", "down":
		return m.move(1), nil
	case "shift+tab", "up":
		return m.move(-1), nil
	case "enter":
		if m.focus < fieldPass {
			return m.move(1), nil
		}
		return m.submit()
	}
	var cmd tea.Cmd
	m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
	return m, cmd
}

func (m Model) move(d int) Model {
	m.inputs[m.focus].Blur()
	m.focus = (m.focus + d + len(m.inputs)) % len(m.inputs)
	m.inputs[m.focus].Focus()
	return m
}

func (m Model) submit() (tea.Model, tea.Cmd) {
	if m.busy {
		return m, nil
	}
	m.err, m.fields = "", map[int]string{}
	url := strings.TrimSpace(m.inputs[fieldURL].Value())
	user := strings.TrimSpace(m.inputs[fieldUser].Value())
	pass := m.inputs[fieldPass].Value()
	for i, v := range []string{url, user, pass} {
		if v == "" {
			m.fields[i] = "This field is required."
		}
	}
	if len(m.fields) > 0 {
		return m, nil
	}
	m.busy = true
	login := m.login
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		res, err := login(ctx, url, user, pass)
		return loginMsg{res: res, err: err}
	}
}

// showError maps a login failure onto the form: DRF field errors under their
// field, everything else at the top.
func (m *Model) showError(err error) {
	var apiErr *client.APIError
	if errtext.Unreachable(err) {
		url := strings.TrimSpace(m.inputs[fieldURL].Value())
		m.err = "cannot reach " + errtext.Host(url) + ": " + errtext.Cause(err)
		return
	}
	if !errors.As(err, &apiErr) {
		m.err = strings.TrimPrefix(err.Error(), "client: ")
		return
	}
	for key, i := range map[string]int{"username": fieldUser, "password": fieldPass} {
		if msgs := apiErr.Fields[key]; len(msgs) > 0 {
			m.fields[i] = strings.Join(msgs, " ")
		}
	}
	if len(apiErr.NonField) > 0 {
		m.err = strings.Join(apiErr.NonField, " ")
	} else if len(m.fields) == 0 {
		m.err = apiErr.Error()
	}
}

var (
	titleStyle  = lipgloss.NewStyle().Bold(true)
	noticeStyle = lipgloss.NewStyle().Foreground(lipgloss.Color("11"))
	labelStyle  = lipgloss.NewStyle().Width(10)
	errStyle    = lipgloss.NewStyle().Foreground(lipgloss.Color("9"))
	hintStyle   = lipgloss.NewStyle().Faint(true)
	boxStyle    = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(1, 2)
)

// View draws the form.
func (m Model) View() string {
	var b strings.Builder
	// Messages wrap inside the box, which never grows past the window.
	w := m.textWidth()
	b.WriteString(titleStyle.Render("Sign in to Alpacon") + "\n\n")
	if m.notice != "" {
		b.WriteString(noticeStyle.Width(w).Render(safetext.Line(m.notice)) + "\n\n")
	}
	if m.err != "" {
		b.WriteString(errStyle.Width(w).Render(safetext.Line(m.err)) + "\n\n")
	}
	for i, label := range []string{"URL", "Username", "Password"} {
		b.WriteString(labelStyle.Render(label) + m.inputs[i].View() + "\n")
		if e := m.fields[i]; e != "" {
			msg := errStyle.Width(max(w-10, 10)).Render(safetext.Line(e))
			b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, labelStyle.Render(""), msg) + "\n")
		}
	}
	hint := "enter next/sign in · tab move · esc cancel"
	if m.busy {
		hint = "signing in…"
	}
	b.WriteString("\n" + hintStyle.Width(w).Render(hint))
	return boxStyle.Render(b.String())
}

// textWidth is the width of the box's content: the window less the border
// and padding, at most 72 columns so lines stay readable.
func (m Model) textWidth() int {
	if m.width <= 0 {
		return 72
	}
	return max(min(m.width-6, 72), 20)
}
