//go:build unix

package shell

import (
	"context"
	"errors"
	"fmt"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// floodLines is how many lines the flood tests print: about 2.4 MB through the PTY,
// hundreds of frames, far beyond DefaultQueueLen for a client slower than the shell.
const floodLines = 300000

// flood is the command the flood tests type; end-15 marks that all of it was printed.
var flood = fmt.Sprintf("seq 1 %d; echo end-$((3*5))\r", floodLines)

// seqOutput is what the terminal shows for flood: every line, in order, none missing.
func seqOutput(n int) string {
	var sb strings.Builder
	sb.WriteString("\r") // after the bracketed-paste switch of bash
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "%d\r\n", i)
	}
	sb.WriteString("end-15")

	return sb.String()
}

// socketBuffer is the kernel buffer size of the flood tests' sockets.
const socketBuffer = 64 << 10

// smallSendBuffer keeps the kernel from hiding a slow client behind megabytes of socket
// buffer, so that the client's pace reaches the bridge within kilobytes.
func smallSendBuffer(c *websocket.Conn) {
	_ = c.NetConn().(*net.TCPConn).SetWriteBuffer(socketBuffer)
}

// smallDialer is a client with a small receive buffer (see smallSendBuffer).
var smallDialer = &websocket.Dialer{NetDialContext: func(ctx context.Context,
	network, addr string) (net.Conn, error) {
	conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
	if err == nil {
		_ = conn.(*net.TCPConn).SetReadBuffer(socketBuffer)
	}
	return conn, err
}}

// TestSlowWritableConnGetsBackpressure: a writable conn slower than the shell holds the
// shell back, as a real terminal does, instead of being dropped.
func TestSlowWritableConnGetsBackpressure(t *testing.T) {
	tests := []struct {
		name string
		opts AttachOptions
	}{
		{"master", AttachOptions{Master: true}},
		{"shared writable", AttachOptions{}},
	}
	want := seqOutput(floodLines)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startShell(t, Options{})
			b := newBridge(t, s)
			b.setup = smallSendBuffer
			c := b.dialRaw(tt.opts, smallDialer)
			go c.readPaced(2, time.Millisecond)
			c.waitFor(prompt)

			c.send(websocket.TextMessage, flood)
			c.waitFor("end-15")
			if !c.has(want) {
				t.Errorf("output lost lines of seq; it ends:\n%q", c.tail(300))
			}
			c.send(websocket.TextMessage, "echo ok-$((6*7))\r")
			c.waitFor("ok-42")

			select {
			case err := <-b.results:
				t.Errorf("Attach ended: %v", err)
			case <-s.Done():
				t.Error("the session ended")
			default:
			}
			c.mu.Lock()
			t.Logf("%d frames, %d bytes", c.frames, c.out.Len())
			c.mu.Unlock()
		})
	}
}

// TestSlowConnWithoutBackpressureIsDropped: a conn that does not hold the shell back is
// dropped when it falls behind, with a close code it can read, while the master goes on.
func TestSlowConnWithoutBackpressureIsDropped(t *testing.T) {
	tests := []struct {
		name string
		opts AttachOptions
	}{
		{"read-only watcher", AttachOptions{ReadOnly: true, QueueLen: 4}},
		{"writable, drop policy", AttachOptions{Overflow: OverflowDrop, QueueLen: 4}},
	}
	want := seqOutput(floodLines)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startShell(t, Options{})
			b := newBridge(t, s)
			b.setup = smallSendBuffer
			master := b.dialRaw(AttachOptions{Master: true}, smallDialer)
			go master.readAll()
			master.waitFor(prompt)
			slow := b.dialRaw(tt.opts, smallDialer)
			go slow.readPaced(1, 5*time.Millisecond)
			waitPeers(t, s, 2)

			master.send(websocket.TextMessage, flood)
			if err := b.result(); !errors.Is(err, ErrSlowConsumer) {
				t.Errorf("slow Attach = %v, want ErrSlowConsumer", err)
			}
			if code := slow.closeCode(); code != CloseQueueOverflow {
				t.Errorf("slow client saw close code %d, want %d", code, CloseQueueOverflow)
			}

			master.waitFor("end-15")
			if !master.has(want) {
				t.Errorf("master lost lines of seq; it ends:\n%q", master.tail(300))
			}
			master.send(websocket.TextMessage, "echo ok-$((6*7))\r")
			master.waitFor("ok-42")
		})
	}
}

// TestLeavingConnReleasesTheShell: a conn with backpressure that stops reading holds
// the shell (and so everyone) back until it goes away, then output flows again.
func TestLeavingConnReleasesTheShell(t *testing.T) {
	s := startShell(t, Options{})
	b := newBridge(t, s)
	b.setup = smallSendBuffer
	master := b.dialRaw(AttachOptions{Master: true}, smallDialer)
	go master.readAll()
	master.waitFor(prompt)
	typist := b.dialRaw(AttachOptions{}, smallDialer) // writable, reads nothing
	waitPeers(t, s, 2)

	master.send(websocket.TextMessage, flood)
	waitFull(t, s, false)
	if master.has("end-15") {
		t.Fatal("the shell ran ahead of a stalled conn with backpressure")
	}

	_ = typist.conn.Close()
	_ = b.result() // any reason will do (reset or EOF); it must return at all
	master.waitFor("end-15")
	if !master.has(seqOutput(floodLines)) {
		t.Errorf("master lost lines of seq; it ends:\n%q", master.tail(300))
	}
	master.send(websocket.TextMessage, "echo ok-$((6*7))\r")
	master.waitFor("ok-42")
}

// TestCloseWhileReaderWaits: Close ends a session whose PTY reader waits for a stalled
// master, promptly, without a leaked goroutine, and the master still gets code 4000.
func TestCloseWhileReaderWaits(t *testing.T) {
	before := runtime.NumGoroutine()

	s := startShell(t, Options{})
	b := newBridge(t, s)
	b.setup = smallSendBuffer
	c := b.dialRaw(AttachOptions{Master: true}, smallDialer) // reads nothing yet
	waitPeers(t, s, 1)

	c.send(websocket.TextMessage, flood)
	waitFull(t, s, true)
	// Close reports an error when the session is not done within closeWait.
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	waitDone(t, s)

	go c.readAll()
	if code := c.closeCode(); code != CloseSessionEnded {
		t.Errorf("close code %d, want %d", code, CloseSessionEnded)
	}
	if err := b.result(); err != nil {
		t.Errorf("Attach = %v, want nil", err)
	}

	b.srv.Close()
	waitGoroutines(t, before)
}

// waitPeers waits until n conns are attached (Attach registers after the handshake the
// client's dial returns from).
func waitPeers(t *testing.T, s *Session, n int) {
	t.Helper()

	poll(t, fmt.Sprintf("%d attached conns", n), func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()

		return len(s.peers) == n
	})
}

// waitFull waits until the queue of a conn with backpressure (the master or not) is
// full, so that the PTY reader waits for it.
func waitFull(t *testing.T, s *Session, master bool) {
	t.Helper()

	poll(t, "a full queue", func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()

		for p := range s.peers {
			full := p.queued.Load() >= waitQueueBytes || len(p.out) == cap(p.out)
			if p.waits && p.opts.Master == master && full {
				return true
			}
		}
		return false
	})
}

// poll checks cond until it holds (bounded).
func poll(t *testing.T, what string, cond func() bool) {
	t.Helper()

	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
