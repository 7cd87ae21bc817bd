// Package websh is the live terminal pane of a websh session: remote output
// runs through an x/vt emulator off the UI goroutine, and every key except
// one reserved leave key goes to the remote as the bytes an xterm sends.
package websh

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// Conn is the websh stream the pane reads and writes; client.Stream
// satisfies it. Recv returns io.EOF on a normal end of the session.
type Conn interface {
	Send([]byte) error
	Recv() ([]byte, error)
	Close() error
}

// resizeDebounce is how long a size must hold before Options.Resize runs.
const resizeDebounce = 150 * time.Millisecond

// resizeTimeout bounds one Options.Resize call.
const resizeTimeout = 10 * time.Second

// Options configure a Pane.
type Options struct {
	// Conn is the session's stream; the pane owns it from now on.
	Conn Conn
	// Title names the session on the border, usually the server name.
	Title string
	// Width and Height are the outer size, border included.
	Width, Height int
	// LeaveKey switches back to the host; the default is ctrl+].
	LeaveKey key.Binding
	// Resize tells the server the new inner size (PATCH of the session);
	// nil skips it. It runs in a tea.Cmd, debounced.
	Resize func(ctx context.Context, rows, cols int) error
	// Styles are the looks; nil means DefaultStyles.
	Styles *Styles
}

// sessionState is where the session is in its life.
type sessionState int

const (
	stateConnecting sessionState = iota
	stateLive
	stateClosed
	stateLost
)

// String names the state for the border.
func (s sessionState) String() string {
	switch s {
	case stateConnecting:
		return "connecting"
	case stateLive:
		return "live"
	case stateClosed:
		return "closed"
	default:
		return "connection lost"
	}
}

var lastID atomic.Int64

// Pane is one websh terminal. It is a pointer model: Update mutates the
// pane and returns the same pointer, and goroutines started by Init keep a
// reference to it, so never copy a Pane.
type Pane struct {
	id       int
	opts     Options
	styles   Styles
	conn     Conn
	term     *terminal
	queue    *sendQueue
	width    int
	height   int
	focused  bool
	state    sessionState
	endNote  string
	resizeN  int
	sentRows int
	sentCols int

	wake      chan struct{}
	nextFrame time.Time // owned by the running waitOutput
	ended     chan error
	done      chan struct{}
	stopped   chan struct{}
	wg        sync.WaitGroup

	startOnce sync.Once
	closeOnce sync.Once
}

// New returns a focused pane for opts.Conn. Nothing runs until the Cmd of
// Init does; the host must eventually call Close.
func New(opts Options) *Pane {
	if len(opts.LeaveKey.Keys()) == 0 {
		opts.LeaveKey = key.NewBinding(key.WithKeys("ctrl+]"), key.WithHelp("ctrl+]", "leave"))
	}
	p := &Pane{
		id:      int(lastID.Add(1)),
		opts:    opts,
		styles:  DefaultStyles(),
		conn:    opts.Conn,
		queue:   newSendQueue(),
		focused: true,
		wake:    make(chan struct{}, 1),
		ended:   make(chan error, 1),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	if opts.Styles != nil {
		p.styles = *opts.Styles
	}
	p.width, p.height = max(opts.Width, 0), max(opts.Height, 0)
	p.sentRows, p.sentCols = p.InnerSize()
	p.term = newTerminal(p.sentCols, p.sentRows)
	return p
}

// ID identifies the pane in every message it emits.
func (p *Pane) ID() int { return p.id }

// Init returns the Cmd that starts the stream goroutines and waits for the
// first output.
func (p *Pane) Init() tea.Cmd {
	return func() tea.Msg {
		p.start()
		return p.waitOutput()
	}
}

// Update handles keys and the pane's own messages; messages of other panes
// are ignored.
func (p *Pane) Update(msg tea.Msg) (*Pane, tea.Cmd) {
	if id, ok := MsgPaneID(msg); ok && id != p.id {
		return p, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return p, p.handleKey(msg)
	case outputMsg:
		if p.state == stateConnecting {
			p.state = stateLive
		}
		return p, p.waitOutput
	case endedMsg:
		p.end(msg.err)
	case resizeTickMsg:
		return p, p.resizeNow(msg.seq)
	}
	return p, nil
}

// View draws the bordered terminal at exactly the pane's outer size; a pane
// smaller than 3x3 draws nothing.
func (p *Pane) View() string {
	if p.width < 3 || p.height < 3 {
		return ""
	}
	inner := p.term.snapshot(p.focused && !p.Ended())
	border := p.styles.Border
	if !p.focused {
		border = p.styles.BlurredBorder
	}
	top := label{text: p.titleText(), style: p.styles.Title}
	bottom := label{text: p.hintText(), style: p.styles.Hint, right: true}
	if p.Ended() {
		bottom = label{text: fitNote(p.endNote, returnHint, p.width-6), style: p.styles.Ended}
	}
	return frame(inner, p.width-2, border, top, bottom)
}

// titleText is the top border: server name, session state, remote title.
func (p *Pane) titleText() string {
	parts := []string{}
	if t := inert(p.opts.Title); t != "" {
		parts = append(parts, t)
	}
	parts = append(parts, p.state.String())
	if t := inert(p.term.Title()); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, " · ")
}

// hintText is the leave-key hint on the bottom border.
func (p *Pane) hintText() string {
	h := p.opts.LeaveKey.Help()
	if h.Key == "" {
		h.Key = strings.Join(p.opts.LeaveKey.Keys(), "/")
	}
	if h.Desc == "" {
		h.Desc = "leave"
	}
	return h.Key + " " + h.Desc
}

// SetSize sets the outer size. The emulator takes the new inner size at
// once; the server is told (Options.Resize) only once the size has held
// for resizeDebounce, through the returned Cmd.
func (p *Pane) SetSize(w, h int) tea.Cmd {
	p.width, p.height = max(w, 0), max(h, 0)
	rows, cols := p.InnerSize()
	p.term.resize(cols, rows)
	if p.opts.Resize == nil || p.Ended() {
		return nil
	}
	p.resizeN++
	id, seq := p.id, p.resizeN
	return tea.Tick(resizeDebounce, func(time.Time) tea.Msg { return resizeTickMsg{id, seq} })
}

// InnerSize is the terminal size inside the border, each at least 1: what
// the session must be created with and what Resize is called with.
func (p *Pane) InnerSize() (rows, cols int) {
	return max(p.height-2, 1), max(p.width-2, 1)
}

// Focus marks the pane as the one receiving keys (it draws the cursor).
func (p *Pane) Focus() { p.focused = true }

// Blur marks the pane as not receiving keys.
func (p *Pane) Blur() { p.focused = false }

// Focused reports whether the pane has the focus.
func (p *Pane) Focused() bool { return p.focused }

// Status names the session's state: connecting, live, closed or
// connection lost.
func (p *Pane) Status() string { return p.state.String() }

// Ended reports whether the session is over (closed or lost).
func (p *Pane) Ended() bool { return p.state == stateClosed || p.state == stateLost }

// Close ends the session: it closes the Conn and stops the pane's
// goroutines without waiting for them (see Stopped). It is idempotent.
func (p *Pane) Close() error {
	p.closeOnce.Do(func() {
		p.startOnce.Do(func() {}) // no goroutines may start after Close
		close(p.done)
		p.term.closeReplies()
		// Closing the Conn may wait on the network (a close frame to a peer
		// that stopped reading), and Close is called from Update: it runs
		// here, off the UI goroutine.
		go func() {
			if p.conn != nil {
				if err := p.conn.Close(); err != nil {
					slog.Debug("websh: close", "err", err)
				}
			}
			p.wg.Wait()
			close(p.stopped)
		}()
	})
	return nil
}

// Stopped is closed once Close was called and every goroutine of the pane
// has returned.
func (p *Pane) Stopped() <-chan struct{} { return p.stopped }

// handleKey sends k to the remote, or handles the leave and dismiss keys.
//
// Limitation: there is no scrollback viewer and mouse events are not
// forwarded; every key but the leave key belongs to the remote (remove when
// a copy/scroll mode is added on a key the remote does not need).
func (p *Pane) handleKey(k tea.KeyMsg) tea.Cmd {
	id := p.id
	if key.Matches(k, p.opts.LeaveKey) {
		return func() tea.Msg { return LeaveMsg{ID: id} }
	}
	if p.Ended() {
		switch k.String() {
		case "enter", "esc", "q":
			return func() tea.Msg { return ClosedMsg{ID: id} }
		}
		return nil
	}
	modes := keyModes{appCursor: p.term.appCursor.Load(), bracketed: p.term.bracketed.Load()}
	p.queue.push(keyBytes(k, modes))
	return nil
}

// end records how the session ended.
func (p *Pane) end(err error) {
	if err == nil {
		p.state = stateClosed
		p.endNote = "session closed"
		return
	}
	p.state = stateLost
	p.endNote = "connection lost: " + inert(describeEnd(err))
}

// returnHint follows the end notice; it is the part that must stay visible.
const returnHint = " — press enter to return"

// fitNote joins note and hint in at most width cells, cutting the note
// first so the way out stays readable.
func fitNote(note, hint string, width int) string {
	if ansi.StringWidth(note+hint) <= width {
		return note + hint
	}
	room := width - ansi.StringWidth(hint)
	if room < 8 {
		return ansi.Truncate(note+hint, max(width, 0), "…")
	}
	return ansi.Truncate(note, room, "…") + hint
}

// resizeNow returns the Cmd that tells the server the size, if seq is the
// latest resize and the size differs from the one last sent.
func (p *Pane) resizeNow(seq int) tea.Cmd {
	if seq != p.resizeN || p.opts.Resize == nil || p.Ended() {
		return nil
	}
	rows, cols := p.InnerSize()
	if rows == p.sentRows && cols == p.sentCols {
		return nil
	}
	p.sentRows, p.sentCols = rows, cols
	id, resize := p.id, p.opts.Resize
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), resizeTimeout)
		defer cancel()
		return ResizedMsg{ID: id, Rows: rows, Cols: cols, Err: resize(ctx, rows, cols)}
	}
}
