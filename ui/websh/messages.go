package websh

// Every message of this package carries the ID of the pane it belongs to,
// so a root that hosts several panes can route it (see MsgPaneID).

// LeaveMsg asks the host to switch away from the pane (the leave key was
// pressed). The session keeps running; the pane can be shown again.
type LeaveMsg struct{ ID int }

// ClosedMsg tells the host the user dismissed a pane whose session ended;
// the host should Close and discard it.
type ClosedMsg struct{ ID int }

// ResizedMsg reports the result of a debounced Options.Resize call. Err is
// informational: a failed resize is best effort and changes nothing.
type ResizedMsg struct {
	ID         int
	Rows, Cols int
	Err        error
}

// outputMsg says new remote output reached the emulator.
type outputMsg struct{ id int }

// endedMsg says the stream ended; err is nil on a normal end.
type endedMsg struct {
	id  int
	err error
}

// resizeTickMsg fires when a resize has been quiet for resizeDebounce.
type resizeTickMsg struct{ id, seq int }

// MsgPaneID returns the pane a message of this package is for, and false
// for any other message.
func MsgPaneID(msg any) (int, bool) {
	switch m := msg.(type) {
	case LeaveMsg:
		return m.ID, true
	case ClosedMsg:
		return m.ID, true
	case ResizedMsg:
		return m.ID, true
	case outputMsg:
		return m.id, true
	case endedMsg:
		return m.id, true
	case resizeTickMsg:
		return m.id, true
	}
	return 0, false
}
