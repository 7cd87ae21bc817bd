package websh

import "sync"

// maxQueued bounds the bytes waiting for Conn.Send. Keys and query replies
// are tiny; the bound only matters when the remote stops reading.
const maxQueued = 1 << 20

// sendQueue collects bytes for the remote (keys and the emulator's query
// replies) without ever blocking the producer, so neither Update nor the
// emulator's lock can wait on the network.
type sendQueue struct {
	mu      sync.Mutex
	buf     []byte
	dropped int
	ready   chan struct{}
}

func newSendQueue() *sendQueue {
	return &sendQueue{ready: make(chan struct{}, 1)}
}

// push appends p and wakes the writer. Bytes beyond maxQueued are dropped
// (counted) rather than blocking.
func (q *sendQueue) push(p []byte) {
	if len(p) == 0 {
		return
	}
	q.mu.Lock()
	if len(q.buf)+len(p) > maxQueued {
		q.dropped += len(p)
	} else {
		q.buf = append(q.buf, p...)
	}
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// take removes and returns everything queued (nil when empty).
func (q *sendQueue) take() []byte {
	q.mu.Lock()
	defer q.mu.Unlock()
	b := q.buf
	q.buf = nil
	return b
}
