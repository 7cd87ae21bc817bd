package ui

import tea "github.com/charmbracelet/bubbletea"

// newReq registers a request, so the spinner runs until its reply.
func (m *Model) newReq() (int, tea.Cmd) {
	wasIdle := !m.loading()
	m.nextReq++
	m.pending[m.nextReq] = true
	if wasIdle {
		return m.nextReq, m.spin.Tick
	}
	return m.nextReq, nil
}

// newQuietReq registers a request nobody waits for (closing a session
// whose open was cancelled): tracked until its reply, never shown as
// loading.
func (m *Model) newQuietReq() int {
	m.nextReq++
	m.pending[m.nextReq] = true
	m.quiet[m.nextReq] = true
	return m.nextReq
}

// hush keeps a pending request tracked but stops showing it as loading.
func (m *Model) hush(req int) {
	if m.pending[req] {
		m.quiet[req] = true
	}
}

// done ends a request.
func (m *Model) done(req int) {
	delete(m.pending, req)
	delete(m.quiet, req)
}

// loading reports whether a request the user waits for is in flight.
func (m *Model) loading() bool { return len(m.pending) > len(m.quiet) }
