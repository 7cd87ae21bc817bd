package shell

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Default and maximum terminal sizes. 32767 is the largest size the websh API accepts.
const (
	DefaultRows = 24
	DefaultCols = 80
	maxSize     = 32767
)

// defaultPath is used when the parent process has no PATH.
const defaultPath = "/usr/local/bin:/usr/bin:/bin"

// bashPrompt is a short, readable prompt; bash reads PS1 from the environment even with
// --norc. Override it with Options.Env ("PS1=...").
const bashPrompt = `\u@demo:\w\$ `

// Options configure one shell Session.
type Options struct {
	// Shell is the program to run, optionally followed by its arguments separated by
	// spaces. Empty means $SHELL, else /bin/sh. Without arguments, known shells get
	// flags that skip the user's rc files (bash: --norc --noprofile -i; zsh: -f -i;
	// sh, dash, ksh and fish: -i); other programs get none.
	Shell string
	// Rows and Cols are the initial PTY size; 0 or negative means 24x80.
	Rows, Cols int
	// Home is the shell's HOME and working directory. Empty means a fresh temporary
	// directory that is removed when the shell has exited.
	Home string
	// Env holds extra "KEY=value" entries; they override the minimal environment
	// (PATH, HOME, TERM=xterm-256color, LANG=C.UTF-8, SHELL, and PS1 for bash).
	Env []string
	// Greeting, when not empty, is the first output frame every attached conn receives.
	Greeting string
}

// command resolves Options.Shell into a program path and its arguments.
func command(spec string) (string, []string, error) {
	if strings.TrimSpace(spec) == "" {
		spec = os.Getenv("SHELL")
	}
	if strings.TrimSpace(spec) == "" {
		spec = "/bin/sh"
	}

	fields := strings.Fields(spec)
	prog, err := exec.LookPath(fields[0])
	if err != nil {
		return "", nil, fmt.Errorf("shell: %w", err)
	}
	if len(fields) > 1 {
		return prog, fields[1:], nil
	}

	return prog, defaultArgs(filepath.Base(prog)), nil
}

// defaultArgs keeps rc files out (so the demo looks the same everywhere) and forces an
// interactive shell even though stdin is not a terminal the shell opened itself.
func defaultArgs(name string) []string {
	switch name {
	case "bash":
		return []string{"--norc", "--noprofile", "-i"}
	case "zsh":
		return []string{"-f", "-i"}
	case "sh", "dash", "ash", "ksh", "mksh", "fish":
		return []string{"-i"}
	default:
		return nil
	}
}

// environment builds the shell's environment from scratch so that no secret of the
// parent process (tokens, cloud keys) leaks into a demo shell. Only PATH is inherited.
func environment(prog, home string, extra []string) []string {
	path := os.Getenv("PATH")
	if path == "" {
		path = defaultPath
	}

	keys := []string{"PATH", "HOME", "TERM", "LANG", "SHELL"}
	vals := map[string]string{
		"PATH": path, "HOME": home, "TERM": "xterm-256color",
		"LANG": "C.UTF-8", "SHELL": prog,
	}
	if filepath.Base(prog) == "bash" {
		keys = append(keys, "PS1")
		vals["PS1"] = bashPrompt
	}

	for _, kv := range extra {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			continue
		}
		if _, seen := vals[k]; !seen {
			keys = append(keys, k)
		}
		vals[k] = v
	}

	env := make([]string, 0, len(keys))
	for _, k := range keys {
		env = append(env, k+"="+vals[k])
	}

	return env
}

// sanitize turns a requested size into one the kernel accepts: non-positive values fall
// back to def, large ones are clipped.
func sanitize(n, def int) int {
	switch {
	case n <= 0:
		return def
	case n > maxSize:
		return maxSize
	default:
		return n
	}
}
