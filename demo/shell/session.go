package shell

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"time"

	"github.com/creack/pty"
)

// ErrClosed is returned by Resize once the shell has exited.
var ErrClosed = errors.New("shell: session closed")

// Timings of the shutdown path. They bound waits; nothing sleeps for them.
const (
	// drainGrace is how long output may still drain after the shell exited without
	// any of it reaching the conns before the master is closed (a background job may
	// keep the slave open forever, a conn with backpressure may have stalled).
	drainGrace = time.Second
	// drainLimit bounds the drain even while output still flows (a process that left
	// the shell's session may write to the slave forever).
	drainLimit = 10 * time.Second
	// inputTimeout is how long one input frame may wait for the shell to take it; the
	// rest of a frame the shell does not read in time is dropped.
	inputTimeout = 2 * time.Second
	// closeWait bounds how long Close waits for the session to finish.
	closeWait = 5 * time.Second
)

// Session is one shell running on its own PTY. Its methods are safe for concurrent use.
type Session struct {
	cmd      *exec.Cmd
	master   *os.File // pollable PTY master: output is read and input written here
	home     string
	ownHome  bool
	greeting []byte

	inMu sync.Mutex // one input frame at a time, so frames of two conns never interleave

	mu         sync.Mutex
	tty        *os.File // our slave handle, for Setsize; nil once the shell exited
	rows, cols int
	peers      map[*peer]struct{}
	backlog    []byte // output nobody was attached to see; goes to the next conn
	ended      bool

	exitCode   int           // written before exited is closed
	exited     chan struct{} // the shell process has been reaped
	readerDone chan struct{} // the PTY reader has stopped
	done       chan struct{} // everything finished; peers told, home removed
	delivered  atomic.Int64  // output bytes the reader has handed to the conns
	halting    chan struct{} // the reader must not wait for any conn (see halt)
	haltOnce   sync.Once

	closeOnce sync.Once
	closeErr  error
}

// Start spawns the shell of opts on a new PTY. The caller must eventually call Close
// (closing an already finished session is cheap).
func Start(opts Options) (*Session, error) {
	prog, args, err := command(opts.Shell)
	if err != nil {
		return nil, err
	}

	home, own, err := makeHome(opts.Home)
	if err != nil {
		return nil, err
	}

	s, err := spawn(prog, args, home, opts)
	if err != nil {
		if own {
			_ = os.RemoveAll(home)
		}
		return nil, err
	}
	s.ownHome = own

	go s.readLoop()
	go s.waitLoop()

	return s, nil
}

// makeHome returns the given home, or a new temporary one that the session owns.
func makeHome(home string) (string, bool, error) {
	if home != "" {
		return home, false, nil
	}

	dir, err := os.MkdirTemp("", "alpacon-demo-home-")
	if err != nil {
		return "", false, fmt.Errorf("shell: home: %w", err)
	}

	return dir, true, nil
}

// spawn opens the PTY, sizes it and starts the process on it.
func spawn(prog string, args []string, home string, opts Options) (*Session, error) {
	master, tty, err := openPTY()
	if err != nil {
		return nil, err
	}

	rows, cols := sanitize(opts.Rows, DefaultRows), sanitize(opts.Cols, DefaultCols)
	ws := &pty.Winsize{Rows: uint16(rows), Cols: uint16(cols)}
	if err := pty.Setsize(tty, ws); err != nil {
		_, _ = master.Close(), tty.Close()
		return nil, fmt.Errorf("shell: set size: %w", err)
	}

	cmd := exec.Command(prog, args...)
	cmd.Env = environment(prog, home, opts.Env)
	cmd.Dir = home
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = procAttr()
	if err := cmd.Start(); err != nil {
		_, _ = master.Close(), tty.Close()
		return nil, fmt.Errorf("shell: start %s: %w", prog, err)
	}

	return &Session{
		cmd: cmd, master: master, home: home, greeting: []byte(opts.Greeting),
		tty: tty, rows: rows, cols: cols, peers: map[*peer]struct{}{},
		exitCode: -1, exited: make(chan struct{}), readerDone: make(chan struct{}),
		done: make(chan struct{}), halting: make(chan struct{}),
	}, nil
}

// Pid is the process id of the shell (also its process group and session id).
func (s *Session) Pid() int {
	return s.cmd.Process.Pid
}

// Home is the shell's HOME directory.
func (s *Session) Home() string {
	return s.home
}

// Size reports the current PTY size.
func (s *Session) Size() (rows, cols int) {
	s.mu.Lock()
	defer s.mu.Unlock()

	return s.rows, s.cols
}

// Resize sets the PTY size, which sends SIGWINCH to the shell's foreground job. A
// non-positive rows or cols keeps that dimension as it is; values above 32767 are
// clipped. It returns ErrClosed once the shell has exited.
func (s *Session) Resize(rows, cols int) error {
	s.mu.Lock()
	defer s.mu.Unlock()

	if s.tty == nil {
		return ErrClosed
	}

	rows, cols = sanitize(rows, s.rows), sanitize(cols, s.cols)
	ws := &pty.Winsize{Rows: uint16(rows), Cols: uint16(cols)}
	if err := pty.Setsize(s.tty, ws); err != nil {
		return fmt.Errorf("shell: resize: %w", err)
	}
	s.rows, s.cols = rows, cols

	return nil
}

// Done is closed when the shell has exited, its output has been delivered to the
// attached conns' queues, and the PTY and temporary home have been released.
func (s *Session) Done() <-chan struct{} {
	return s.done
}

// ExitCode is the shell's exit status once it has exited: -1 while it runs or when it
// was ended by a signal (as after Close).
func (s *Session) ExitCode() int {
	select {
	case <-s.exited:
		return s.exitCode
	default:
		return -1
	}
}

// Close kills the shell's process group (SIGKILL) and, once the shell is gone, every
// other process left in its session (Linux). It waits (bounded) until the session is
// done, so the PTY is freed and every attached conn has been sent close code 4000.
// Close is idempotent; later calls return the first result.
func (s *Session) Close() error {
	s.closeOnce.Do(func() {
		select {
		case <-s.done:
			return
		default:
		}

		// Output of a killed shell is not worth waiting for a slow conn.
		s.halt()

		// SIGKILL at once: bash can miss a SIGHUP that lands between two commands and
		// then sleep in read(2); the jobs it would have hung up are killed with the
		// rest of the session by waitLoop.
		pid := s.Pid()
		signalGroup(pid, kill)

		select {
		case <-s.done:
		case <-time.After(closeWait):
			s.closeErr = fmt.Errorf("shell: pid %d still running after close", pid)
		}
	})

	return s.closeErr
}

// input writes one frame of keystrokes to the shell.
func (s *Session) input(p []byte) error {
	s.inMu.Lock()
	defer s.inMu.Unlock()

	// A foreground program that never reads stdin would otherwise pin this conn's reader
	// (and so its Attach) once the terminal's input buffer is full.
	_ = s.master.SetWriteDeadline(time.Now().Add(inputTimeout))
	_, err := s.master.Write(p)

	return err
}

// readLoop copies PTY output to every attached conn. It waits for conns with
// backpressure (the shell then blocks in write, as on a real terminal) and never for
// the others. It stops early when the session halts while it waits.
func (s *Session) readLoop() {
	defer close(s.readerDone)

	buf := make([]byte, 32*1024)
	var carry utf8Carry
	for {
		n, err := s.master.Read(buf)
		if n > 0 {
			b := carry.push(buf[:n])
			if !s.broadcast(b) {
				return
			}
			s.delivered.Add(int64(len(b)))
		}
		if err != nil {
			s.broadcast(carry.flush())
			return
		}
	}
}

// waitLoop reaps the shell, kills what it left running, lets the last output drain,
// then ends the session.
func (s *Session) waitLoop() {
	_ = s.cmd.Wait() // the exit status is read from ProcessState
	s.exitCode = s.cmd.ProcessState.ExitCode()
	close(s.exited)

	// Jobs the shell left behind (background, nohup) would outlive the session and keep
	// the PTY open; a demo server must not accumulate them.
	killSession(s.Pid())

	// Dropping our slave handle lets the reader see EOF once the shell's side is gone.
	s.mu.Lock()
	_ = s.tty.Close()
	s.tty = nil
	s.mu.Unlock()

	s.drain()
	s.halt()             // wakes the reader if it waits for a stalled conn
	_ = s.master.Close() // wakes it if a background job still holds the slave
	<-s.readerDone

	s.end()
	if s.ownHome {
		_ = os.RemoveAll(s.home)
	}
	close(s.done)
}

// drain waits for the reader to deliver the shell's last output: until it reaches the
// end, delivers nothing for drainGrace, the session halts, or drainLimit passes.
func (s *Session) drain() {
	tick := time.NewTicker(drainGrace)
	defer tick.Stop()
	limit := time.NewTimer(drainLimit)
	defer limit.Stop()

	last := s.delivered.Load()
	for {
		select {
		case <-s.readerDone:
			return
		case <-s.halting:
			return
		case <-limit.C:
			return
		case <-tick.C:
		}

		n := s.delivered.Load()
		if n == last {
			return
		}
		last = n
	}
}
