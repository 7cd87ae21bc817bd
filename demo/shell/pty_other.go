//go:build !unix

package shell

import (
	"errors"
	"os"
	"syscall"
)

// Limitation: demo shells need a Unix PTY; on other systems Start fails (remove when a
// ConPTY backend exists).
func openPTY() (master, tty *os.File, err error) {
	return nil, nil, errors.ErrUnsupported
}

func procAttr() *syscall.SysProcAttr { return nil }

func signalGroup(pid int, sig syscall.Signal) {}

// kill is the signal Close sends.
const kill = syscall.SIGKILL
