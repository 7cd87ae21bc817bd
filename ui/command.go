package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/ui/safetext"
)

// updateCommand edits the : prompt; enter runs it, esc drops it.
func (m *Model) updateCommand(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back):
		m.cmdMode = false
		m.cmdInput.Blur()
		return nil
	case key.Matches(k, m.keys.Accept):
		m.cmdMode = false
		m.cmdInput.Blur()
		return m.runCommand(m.cmdInput.Value())
	}
	var cmd tea.Cmd
	m.cmdInput, cmd = m.cmdInput.Update(k)
	return cmd
}

// runCommand runs one : command: a view name, or q to quit.
func (m *Model) runCommand(line string) tea.Cmd {
	word := strings.ToLower(strings.TrimSpace(line))
	switch word {
	case "":
		return nil
	case "q", "q!", "quit", "exit":
		return m.quit()
	}
	v, err := ParseView(word)
	if err != nil {
		m.setError(safetext.Line("unknown command :" + word +
			" (try :servers :users :groups :sessions :q)"))
		return nil
	}
	return m.switchView(v)
}
