package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/model"
)

// handleKey routes a key. A focused websh pane takes every key (ctrl+c
// included: it belongs to the remote shell); otherwise modal inputs come
// first, then global keys, then the screen's own keys.
func (m *Model) handleKey(k tea.KeyMsg) tea.Cmd {
	if m.screen == screenWebsh {
		if p := m.activePane(); p != nil {
			_, cmd := p.pane.Update(k)
			return cmd
		}
		m.screen = screenList
	}
	if k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste {
		return m.eachRune(k)
	}
	m.status = status{}
	if key.Matches(k, m.keys.ForceQuit) {
		return m.quit()
	}
	switch {
	case m.cmdMode:
		return m.updateCommand(k)
	case m.showHelp:
		if key.Matches(k, m.keys.Help, m.keys.Back, m.keys.Quit) {
			m.showHelp = false
		}
		return nil
	case m.screen == screenForm:
		var cmd tea.Cmd
		m.form, cmd = m.form.Update(k)
		return cmd
	case m.screen == screenList && m.tables[m.view].Filtering():
		var cmd tea.Cmd
		m.tables[m.view], cmd = m.tables[m.view].Update(k)
		return cmd
	}
	if cmd, ok := m.globalKey(k); ok {
		return cmd
	}
	if m.screen == screenDetail {
		return m.detailKey(k)
	}
	return m.listKey(k)
}

// eachRune handles a burst of typed runes one key at a time. Bubble Tea v1
// delivers runes that arrive in one read (fast typing, key repeat, tmux
// send-keys) as a single KeyMsg, which no single-key binding would match.
// Each rune may change the mode (":" opens the command line), so each goes
// through handleKey again.
func (m *Model) eachRune(k tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range k.Runes {
		one := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt}
		if r == ' ' {
			one.Type = tea.KeySpace
		}
		cmds = append(cmds, m.handleKey(one))
		m.noteMoves()
	}
	return tea.Batch(cmds...)
}

// globalKey handles the keys that act the same on lists and detail views.
func (m *Model) globalKey(k tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.keys.Back) && len(m.opens) > 0:
		m.cancelOpens()
	case key.Matches(k, m.keys.Quit):
		return m.quit(), true
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
	case key.Matches(k, m.keys.Command):
		m.cmdMode = true
		m.cmdInput.SetValue("")
		return m.cmdInput.Focus(), true
	case key.Matches(k, m.keys.ViewServers):
		return m.switchView(ViewServers), true
	case key.Matches(k, m.keys.ViewUsers):
		return m.switchView(ViewUsers), true
	case key.Matches(k, m.keys.ViewGroups):
		return m.switchView(ViewGroups), true
	case key.Matches(k, m.keys.ViewSessions):
		return m.switchView(ViewSessions), true
	case key.Matches(k, m.keys.NextTab):
		return m.cycleTab(1), true
	case key.Matches(k, m.keys.PrevTab):
		return m.cycleTab(-1), true
	case key.Matches(k, m.keys.NextPane):
		return m.cyclePane(1), true
	case key.Matches(k, m.keys.PrevPane):
		return m.cyclePane(-1), true
	default:
		return nil, false
	}
	return nil, true
}

// listKey handles keys on a resource list.
func (m *Model) listKey(k tea.KeyMsg) tea.Cmd {
	obj := m.selected(m.view)
	switch {
	case key.Matches(k, m.keys.Refresh):
		return tea.Batch(m.fetchList(m.view), m.retryMe())
	case key.Matches(k, m.keys.Open) && obj != nil:
		m.showDetail(m.view, obj)
		m.detailFull = false
		m.detail.SetNotice(msgLoadingRecord)
		m.screen = screenDetail
		return m.fetchDetail(m.view, m.detailID, false)
	case key.Matches(k, m.keys.Edit) && m.view == ViewUsers && obj != nil:
		return m.fetchDetail(ViewUsers, obj.(model.User).ID, true)
	case key.Matches(k, m.keys.Websh) && obj != nil:
		return m.webshFor(obj)
	}
	var cmd tea.Cmd
	m.tables[m.view], cmd = m.tables[m.view].Update(k)
	return cmd
}

// detailKey handles keys on a detail view.
func (m *Model) detailKey(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenList
		return nil
	case key.Matches(k, m.keys.Refresh):
		if !m.detailFull {
			m.detail.SetNotice(msgLoadingRecord)
		}
		return tea.Batch(m.fetchDetail(m.detailView, m.detailID, false), m.retryMe())
	case key.Matches(k, m.keys.Edit):
		u, ok := m.detailObj.(model.User)
		switch {
		case !ok:
			return nil
		case !m.detailFull: // a list row lacks fields the form would send empty
			return m.fetchDetail(ViewUsers, u.ID, true)
		}
		m.openForm(u, screenDetail)
		return nil
	case key.Matches(k, m.keys.Websh):
		return m.webshFor(m.detailObj)
	}
	var cmd tea.Cmd
	m.detail, cmd = m.detail.Update(k)
	return cmd
}

// switchView shows list v, loading it on first visit and when stale (a
// load in flight may predate what made it stale, so it is superseded).
func (m *Model) switchView(v View) tea.Cmd {
	m.view, m.screen = v, screenList
	if !m.stale[v] && (m.loaded[v] || m.reqs[v] != 0 && m.pending[m.reqs[v]]) {
		return nil
	}
	return m.fetchList(v)
}

// cycleTab walks the ring of header tabs, the four lists then each websh
// pane, from the tab the user is at (see ringPos).
func (m *Model) cycleTab(delta int) tea.Cmd {
	n := int(viewCount) + len(m.panes)
	pos := ((m.ringPos()+delta)%n + n) % n
	if pos < int(viewCount) {
		return m.switchView(View(pos))
	}
	return m.focusPane(pos - int(viewCount))
}

// quit cancels the opens in flight, closes every pane (non-blocking) and
// ends the program.
func (m *Model) quit() tea.Cmd {
	for _, o := range m.opens {
		o.cancel()
	}
	for _, p := range m.panes {
		p.pane.Close()
	}
	return tea.Quit
}
