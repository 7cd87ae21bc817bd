//go:build unix

package shell

import (
	"fmt"
	"os"
	"syscall"

	"github.com/creack/pty"
)

// openPTY returns a pollable PTY master and the slave.
//
// creack/pty's ioctls call File.Fd(), which switches the master into blocking mode; a
// blocked Read on such a file survives Close and would pin the reader goroutine forever
// when a background job keeps the slave open. So the master is re-created from a
// duplicate descriptor in non-blocking mode (Go then uses its poller and Close wakes the
// reader), and every later ioctl (Setsize) goes through the slave, never the master.
func openPTY() (master, tty *os.File, err error) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("shell: open pty: %w", err)
	}
	defer func() { _ = ptmx.Close() }()

	fd, _, errno := syscall.Syscall(syscall.SYS_FCNTL, ptmx.Fd(), syscall.F_DUPFD_CLOEXEC, 0)
	if errno != 0 {
		_ = tty.Close()
		return nil, nil, fmt.Errorf("shell: dup pty: %w", errno)
	}
	if err := syscall.SetNonblock(int(fd), true); err != nil {
		_ = syscall.Close(int(fd))
		_ = tty.Close()
		return nil, nil, fmt.Errorf("shell: pty nonblock: %w", err)
	}

	return os.NewFile(fd, "/dev/ptmx"), tty, nil
}

// procAttr makes the shell a session leader with the PTY slave (its stdin) as
// controlling terminal, so job control works and the whole group can be signalled.
func procAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
}

// signalGroup sends sig to the process group led by pid (the shell and its foreground
// jobs). Errors (the group is already gone) do not matter to the caller.
func signalGroup(pid int, sig syscall.Signal) {
	_ = syscall.Kill(-pid, sig)
}

// kill is the signal Close sends.
const kill = syscall.SIGKILL
