package ui

// ringPos is the position of the user in the tab ring: the focused pane,
// the pane just left with the leave key while the user stays where that
// left them (so tab goes on to the next pane), else the list's view.
func (m *Model) ringPos() int {
	if m.screen == screenWebsh && m.activePane() != nil {
		return int(viewCount) + m.active
	}
	if m.leftID != 0 && m.where() == m.leftAt {
		if i := m.paneIndex(m.leftID); i >= 0 {
			return int(viewCount) + i
		}
	}
	return int(m.view)
}

// noteLeft remembers the pane the user left with the leave key, and where
// that left them.
func (m *Model) noteLeft(id int) {
	m.leftID, m.leftAt = id, m.where()
}
