package shell

import "unicode/utf8"

// Overflow says what the PTY reader does when one conn's output queue is full.
type Overflow int

// Overflow policies.
const (
	// OverflowAuto waits for the master conn and every writable conn and drops
	// read-only ones: someone typing into the shell needs all of its output, a watcher
	// must not hold the shell back.
	OverflowAuto Overflow = iota
	// OverflowWait gives the conn backpressure: the PTY reader waits for room in its
	// queue, so the shell blocks in write(2) as on a real terminal, and every other conn
	// gets output at that pace too.
	OverflowWait
	// OverflowDrop drops the conn with CloseQueueOverflow; the shell never waits on it.
	OverflowDrop
)

// waitQueueBytes bounds the output queued for a conn with backpressure, on top of the
// frame count: 256 frames of 32 KiB would keep a client that prints 500 KB/s busy for
// many seconds after Ctrl-C. It costs no throughput on loopback (BenchmarkOutput).
const waitQueueBytes = 64 << 10

// waits reports whether the reader waits for this conn's queue instead of dropping it.
func (o AttachOptions) waits() bool {
	switch o.Overflow {
	case OverflowWait:
		return true
	case OverflowDrop:
		return false
	default:
		return o.Master || !o.ReadOnly
	}
}

// offer queues b for p unless its queue is full; it never blocks. Only the PTY reader
// (and register, on a fresh queue) sends on p.out, and end closes it only after the
// reader stopped, so a send can never hit a closed queue.
func (p *peer) offer(b []byte) bool {
	n := int64(len(b))
	if p.waits && p.queued.Load() >= waitQueueBytes {
		return false
	}

	p.queued.Add(n) // before the send, so that the writer never sees it negative
	select {
	case p.out <- b: // b is never modified after this, so conns share it
		return true
	default:
		p.queued.Add(-n)
		return false
	}
}

// took is the writer's receipt for a frame it dequeued: it frees the room and wakes
// the PTY reader if that waits for it.
func (p *peer) took(b []byte) {
	p.queued.Add(-int64(len(b)))
	select {
	case p.room <- struct{}{}:
	default: // a wake-up is pending already
	}
}

// broadcast queues b for every conn. A full conn with backpressure makes it wait (after
// every other conn got b); a full conn without is removed and told to drop itself. It
// returns false when it gave up waiting because the session is halting.
func (s *Session) broadcast(b []byte) bool {
	if len(b) == 0 {
		return true
	}

	full := s.offerAll(b)
	for _, p := range full {
		if !s.await(p, b) {
			return false
		}
	}

	return true
}

// offerAll queues b for every conn that has room and returns the full conns that
// wait. s.mu is not held while waiting: Resize, Attach and Drop must go on meanwhile.
func (s *Session) offerAll(b []byte) []*peer {
	s.mu.Lock()
	defer s.mu.Unlock()

	if len(s.peers) == 0 {
		s.keep(b)
		return nil
	}

	var full []*peer
	for p := range s.peers {
		switch {
		case p.offer(b):
		case p.waits:
			full = append(full, p)
		default:
			delete(s.peers, p)
			close(p.overflow)
		}
	}

	return full
}

// await waits until b fits into p's queue, p's writer has stopped (b is then not for
// p any more), or the session halts (false).
func (s *Session) await(p *peer, b []byte) bool {
	for !p.offer(b) {
		select {
		case <-p.room:
		case <-p.gone:
			return true
		case <-s.halting:
			return false
		}
	}

	return true
}

// halt makes a PTY reader that waits for a conn give up, and stop reading: the
// session is being killed, or its last output is no longer worth waiting for.
func (s *Session) halt() {
	s.haltOnce.Do(func() { close(s.halting) })
}

// keep appends b to the backlog, which holds output produced while no conn is attached
// (the first prompt, above all) for the next conn. Only the newest maxBacklog bytes are
// kept, cut at a rune boundary.
func (s *Session) keep(b []byte) {
	s.backlog = append(s.backlog, b...)
	if len(s.backlog) <= maxBacklog {
		return
	}

	cut := len(s.backlog) - maxBacklog
	for cut < len(s.backlog) && !utf8.RuneStart(s.backlog[cut]) {
		cut++
	}
	s.backlog = append([]byte(nil), s.backlog[cut:]...)
}
