package websh

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// start launches the goroutines that move bytes between the Conn and the
// emulator: reader (Conn → emulator), replies (emulator → queue) and
// writer (queue → Conn). It runs at most once, and never after Close.
func (p *Pane) start() {
	p.startOnce.Do(func() {
		p.wg.Add(3)
		go p.readLoop()
		go p.replyLoop()
		go p.writeLoop()
	})
}

// writeSlice is the most output fed to the emulator under one lock.
const writeSlice = 4096

// readLoop feeds remote output to the emulator and wakes the UI. The wake
// channel holds one token, so a burst of frames costs one redraw.
func (p *Pane) readLoop() {
	defer p.wg.Done()
	defer p.recoverReader()
	for {
		b, err := p.conn.Recv()
		for len(b) > 0 {
			// Small slices keep each hold of the emulator's lock short, so
			// View and SetSize on the UI goroutine never wait long.
			n := min(len(b), writeSlice)
			p.term.write(b[:n])
			b = b[n:]
			p.notify()
		}
		if err != nil {
			p.term.flush()
			if errors.Is(err, io.EOF) {
				err = nil
			}
			p.ended <- err
			return
		}
	}
}

// recoverReader turns a panic on the reader goroutine (an emulator bug fed
// odd output, say) into the end of this pane. Bubble Tea only catches
// panics on its own goroutines; one here would kill the process with the
// terminal still in raw mode.
func (p *Pane) recoverReader() {
	r := recover()
	if r == nil {
		return
	}
	slog.Error("websh: reader panic", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	_ = p.conn.Close()
	select {
	case p.ended <- fmt.Errorf("terminal emulator failed: %v", r):
	default:
	}
}

// notify wakes the UI without ever blocking.
func (p *Pane) notify() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// replyLoop drains the emulator's reply pipe (DA/DSR answers) into the send
// queue; without it a query in the output would block the emulator.
func (p *Pane) replyLoop() {
	defer p.wg.Done()
	buf := make([]byte, 4096)
	for {
		n, err := p.term.reader().Read(buf)
		p.queue.push(buf[:n])
		if err != nil {
			return
		}
	}
}

// writeLoop is the only caller of Conn.Send. After a failed Send it keeps
// draining, so the queue stays bounded; the reader reports the end.
func (p *Pane) writeLoop() {
	defer p.wg.Done()
	for {
		select {
		case <-p.done:
			return
		case <-p.queue.ready:
		}
		if b := p.queue.take(); b != nil {
			_ = p.conn.Send(b)
		}
	}
}

// frameInterval spaces output redraws (about 60 per second), so a burst
// leaves the emulator's lock to the reader instead of to View.
const frameInterval = 16 * time.Millisecond

// waitOutput blocks until new output, the end of the stream, or Close. It
// runs in a Cmd goroutine, one at a time: Update re-arms it after each
// message.
func (p *Pane) waitOutput() tea.Msg {
	select {
	case <-p.done:
		return nil
	case err := <-p.ended:
		return endedMsg{id: p.id, err: err}
	case <-p.wake:
	}
	if d := time.Until(p.nextFrame); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-p.done:
			return nil
		case <-t.C:
		}
	}
	p.nextFrame = time.Now().Add(frameInterval)
	return outputMsg{id: p.id}
}
