package shell

import (
	"errors"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Close codes this package sends.
const (
	// CloseSessionEnded tells every conn that the shell has exited (the code alpamon
	// and the 2026 websocket proxy use).
	CloseSessionEnded = 4000
	// CloseQueueOverflow drops a conn that fell too far behind the shell's output.
	CloseQueueOverflow = websocket.ClosePolicyViolation
	// DropAbrupt as a drop code closes the TCP connection without any close frame.
	DropAbrupt = 0
)

// Errors returned by Attach.
var (
	// ErrDropped means the conn was dropped on purpose (DropAfter or Session.Drop).
	ErrDropped = errors.New("shell: conn dropped by fault injection")
	// ErrSlowConsumer means the conn's output queue overflowed and the conn was dropped.
	ErrSlowConsumer = errors.New("shell: conn too slow, output queue overflowed")
)

// Tunables of one conn.
const (
	// DefaultQueueLen is how many output frames may wait for one slow conn.
	DefaultQueueLen = 256
	// maxInputFrame bounds one input frame (a large paste is still far below it).
	maxInputFrame = 1 << 20
	// writeTimeout bounds one frame write, so a dead peer cannot pin its writer, nor,
	// through backpressure, the shell.
	writeTimeout = 10 * time.Second
	// maxBacklog bounds the output kept while no conn is attached.
	maxBacklog = 64 * 1024
	// closeTimeout bounds the close handshake.
	closeTimeout = time.Second
)

// AttachOptions say what one attached conn may do and how it may fail.
type AttachOptions struct {
	// ReadOnly conns see all output but their input frames are discarded.
	ReadOnly bool
	// Master marks the session owner's conn: when it goes away, for any reason, the
	// session is closed (the shell is killed). Non-master conns end only themselves.
	Master bool
	// DropAfter, when positive, drops the conn that long after Attach (fault
	// injection, so clients can be tested against a lost websocket).
	DropAfter time.Duration
	// DropCode is how DropAfter drops: DropAbrupt (0) closes the TCP connection without
	// a close frame (the client sees 1006); any other value is sent as the close code
	// first, e.g. websocket.CloseInternalServerErr (1011).
	DropCode int
	// QueueLen is the conn's output queue in frames; 0 means DefaultQueueLen.
	QueueLen int
	// Overflow says what happens when the queue is full: by default (OverflowAuto) the
	// master and writable conns get backpressure, read-only conns are dropped.
	Overflow Overflow
}

// peer is one attached conn.
type peer struct {
	conn     *websocket.Conn
	opts     AttachOptions
	waits    bool          // backpressure: the PTY reader waits for room in out
	out      chan []byte   // output frames; closed when the session ends
	queued   atomic.Int64  // bytes in out
	room     chan struct{} // the writer took a frame from out (capacity 1)
	gone     chan struct{} // closed when the writer has stopped taking frames
	overflow chan struct{} // closed by broadcast when out was full and p does not wait
	drop     chan int      // a drop request (Session.Drop)
	readDone chan struct{} // the conn's reader has stopped
	readErr  error         // why; written before readDone is closed
}

// Attach serves conn until it ends and returns why: nil when the shell exited (conn got
// close code 4000) or the client closed normally (1000/1001/1005), ErrDropped,
// ErrSlowConsumer, or the read/write error otherwise. Attach owns conn and closes it.
// The greeting, if any, is the first frame, then the backlog of output nobody has seen
// yet, then live output, all as binary frames. Text and binary input frames both go to
// the shell unless opts.ReadOnly. If opts.Master, the session is closed before Attach
// returns. Attaching to a finished session just sends code 4000.
func (s *Session) Attach(conn *websocket.Conn, opts AttachOptions) error {
	p := newPeer(conn, opts)
	s.register(p)

	finished := make(chan struct{})
	watched := make(chan struct{})
	go p.readLoop(s)
	go p.watchOverflow(finished, watched)
	err := p.writeLoop(s.greeting)
	s.unregister(p)
	close(p.gone) // a PTY reader waiting for room in p.out stops waiting

	close(finished)
	<-watched // an overflow close handshake finishes before the conn goes
	_ = conn.Close()
	<-p.readDone
	switch {
	case p.overflowed():
		err = ErrSlowConsumer
	case errors.As(err, new(writeError)) && p.readErr != nil && clientEnd(p.readErr) == nil:
		err = nil // the client closed normally while output was still being written
	}

	if opts.Master {
		_ = s.Close()
	}

	return err
}

// Drop drops every attached conn now (fault injection) and reports how many: code
// DropAbrupt closes them without a close frame, anything else sends that close code.
// Their Attach calls return ErrDropped; dropping a master conn closes the session.
func (s *Session) Drop(code int) int {
	s.mu.Lock()
	defer s.mu.Unlock()

	for p := range s.peers {
		select {
		case p.drop <- code:
		default: // a drop is already pending
		}
	}

	return len(s.peers)
}

func newPeer(conn *websocket.Conn, opts AttachOptions) *peer {
	n := opts.QueueLen
	if n <= 0 {
		n = DefaultQueueLen
	}

	return &peer{
		conn: conn, opts: opts, waits: opts.waits(), out: make(chan []byte, n),
		room: make(chan struct{}, 1), gone: make(chan struct{}),
		overflow: make(chan struct{}), drop: make(chan int, 1),
		readDone: make(chan struct{}),
	}
}

// register adds p to the broadcast set and hands it the backlog; on a finished session
// p's queue is closed at once so that its writer sends the end-of-session close.
func (s *Session) register(p *peer) {
	s.mu.Lock()
	defer s.mu.Unlock()

	if len(s.backlog) > 0 {
		p.queued.Add(int64(len(s.backlog)))
		p.out <- s.backlog // the queue is new and empty, so this cannot block
		s.backlog = nil
	}
	if s.ended {
		close(p.out)
		return
	}
	s.peers[p] = struct{}{}
}

// unregister removes p if it is still in the broadcast set.
func (s *Session) unregister(p *peer) {
	s.mu.Lock()
	defer s.mu.Unlock()

	delete(s.peers, p)
}

// end closes every queue: writers drain what is left and then send close code 4000.
func (s *Session) end() {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.ended = true
	for p := range s.peers {
		close(p.out)
		delete(s.peers, p)
	}
}

// readLoop forwards input frames to the shell until the conn fails or closes.
func (p *peer) readLoop(s *Session) {
	defer close(p.readDone)

	p.conn.SetReadLimit(maxInputFrame)
	for {
		kind, data, err := p.conn.ReadMessage()
		if err != nil {
			p.readErr = err
			return
		}
		if p.opts.ReadOnly || len(data) == 0 {
			continue
		}
		if kind == websocket.TextMessage || kind == websocket.BinaryMessage {
			// Input racing the shell's exit is lost, as on a real terminal.
			_ = s.input(data)
		}
	}
}

// writeLoop is the conn's only writer (gorilla allows one): greeting, output, and the
// final close frame.
func (p *peer) writeLoop(greeting []byte) error {
	var dropAfter <-chan time.Time
	if p.opts.DropAfter > 0 {
		t := time.NewTimer(p.opts.DropAfter)
		defer t.Stop()
		dropAfter = t.C
	}

	if len(greeting) > 0 {
		if err := p.write(greeting); err != nil {
			return err
		}
	}

	for {
		// An overflowed conn writes nothing more, so that the close frame gets the
		// connection's write lock as soon as the frame in flight is out.
		if p.overflowed() {
			return ErrSlowConsumer // watchOverflow sends the close frame
		}
		select {
		case b, ok := <-p.out:
			if !ok {
				p.closeHandshake(CloseSessionEnded, "session closed")
				return nil
			}
			p.took(b)
			if p.overflowed() {
				return ErrSlowConsumer
			}
			if err := p.write(b); err != nil {
				return err
			}
		case <-p.readDone:
			return clientEnd(p.readErr)
		case <-p.overflow:
			return ErrSlowConsumer
		case code := <-p.drop:
			p.dropNow(code)
			return ErrDropped
		case <-dropAfter:
			p.dropNow(p.opts.DropCode)
			return ErrDropped
		}
	}
}

// watchOverflow drops the conn as soon as its queue overflows. It runs beside the
// writer because the writer itself may be stuck in a write to the slow client. The
// close frame is best effort: it needs the conn's write lock, which the writer frees
// when its frame in flight is out, and room in the socket, both within closeTimeout;
// otherwise the conn is cut without it and the client sees 1006.
func (p *peer) watchOverflow(finished <-chan struct{}, watched chan<- struct{}) {
	defer close(watched)

	select {
	case <-p.overflow:
		p.closeHandshake(CloseQueueOverflow, "output queue overflow")
		_ = p.conn.Close()
	case <-finished:
	}
}

// overflowed reports whether broadcast gave up on this conn.
func (p *peer) overflowed() bool {
	select {
	case <-p.overflow:
		return true
	default:
		return false
	}
}

// writeError marks an error of writing output, as opposed to one of reading input.
type writeError struct{ err error }

func (e writeError) Error() string { return "shell: write to conn: " + e.err.Error() }
func (e writeError) Unwrap() error { return e.err }

func (p *peer) write(b []byte) error {
	_ = p.conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	if err := p.conn.WriteMessage(websocket.BinaryMessage, b); err != nil {
		return writeError{err}
	}

	return nil
}

// closeHandshake sends a close frame and waits (bounded) for the client's reply, so the
// client reads the code instead of a reset connection. gorilla allows WriteControl
// beside a running writer.
func (p *peer) closeHandshake(code int, reason string) {
	msg := websocket.FormatCloseMessage(code, reason)
	if err := p.conn.WriteControl(websocket.CloseMessage, msg,
		time.Now().Add(closeTimeout)); err != nil {
		return
	}

	select {
	case <-p.readDone:
	case <-time.After(closeTimeout):
	}
}

// dropNow ends the conn without a handshake.
func (p *peer) dropNow(code int) {
	if code != DropAbrupt {
		msg := websocket.FormatCloseMessage(code, "dropped")
		_ = p.conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(closeTimeout))
	}
	_ = p.conn.Close()
}

// clientEnd maps the reader's error to Attach's result: a normal close is no error.
func clientEnd(err error) error {
	if websocket.IsCloseError(err, websocket.CloseNormalClosure,
		websocket.CloseGoingAway, websocket.CloseNoStatusReceived) {
		return nil
	}

	return err
}
