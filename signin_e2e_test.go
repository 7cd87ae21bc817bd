package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"alpacon-tui/demo"
)

// standalone starts `alpacon-tui demo-server` as its own process, as a user
// would for curl or another client, and returns the two lines it printed.
func standalone(t *testing.T) (url, token string) {
	t.Helper()
	cmd := exec.Command(binary, "demo-server", "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(out)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "url: http://127.0.0.1:") ||
		!strings.HasPrefix(lines[1], "token: ") {
		t.Fatalf("demo-server printed %q, want the url and token lines", lines)
	}
	return strings.TrimPrefix(lines[0], "url: "), strings.TrimPrefix(lines[1], "token: ")
}

func TestE2EURLAndTokenFlags(t *testing.T) {
	url, token := standalone(t)
	tm := startTTY(t, e2eCols, e2eRows, "--url", url, "--token", token)
	tm.waitFor("web-01", "signed in as alice")
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
}

func TestE2EReadsTheCLIConfig(t *testing.T) {
	url, token := standalone(t)
	home := t.TempDir()
	cfg := map[string]any{"workspace_url": url, "workspace_name": "demo", "token": token}
	writeJSON(t, filepath.Join(home, ".alpacon", "config.json"), cfg)
	tm := startTTYHome(t, home, e2eCols, e2eRows)
	tm.waitFor("web-01", "signed in as alice")
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
}

func TestE2ESignInFormKeepsTheToken(t *testing.T) {
	url, _ := standalone(t)
	home := t.TempDir()
	tm := startTTYHome(t, home, e2eCols, e2eRows)
	tm.waitFor("Sign in to Alpacon", "URL", "Username", "Password")
	tm.send(url)
	tm.keys("\t")
	tm.send("alice")
	tm.keys("\t")
	tm.send("wrong-password")
	tm.keys("\r")
	tm.waitFor("Login credentials are incorrect.")

	tm.keys("\x15") // ctrl+u clears the password field
	tm.send(demo.SeedPassword)
	tm.keys("\r")
	tm.waitFor("web-01", "signed in as alice")
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(home, ".config", "alpacon-tui", "config.json")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("the sign-in should keep the token in %s: %v", path, err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("config mode %v, want 0600", fi.Mode().Perm())
	}
	var saved struct {
		WorkspaceURL string `json:"workspace_url"`
		Token        string `json:"token"`
	}
	b, _ := os.ReadFile(path)
	if err := json.Unmarshal(b, &saved); err != nil || saved.WorkspaceURL != url ||
		len(saved.Token) < 32 {
		t.Fatalf("saved config %s: %+v, %v", b, saved, err)
	}

	// The next start signs in from that file without the form.
	again := startTTYHome(t, home, e2eCols, e2eRows)
	again.waitFor("web-01", "signed in as alice")
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestE2EUnreachableServerSaysSo(t *testing.T) {
	tm := startTTY(t, e2eCols, e2eRows, "--url", "http://127.0.0.1:1", "--token", "x")
	tm.waitFor("cannot reach 127.0.0.1:1")
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
}

func TestE2EWrongTokenFlagIsAnError(t *testing.T) {
	url, _ := standalone(t)
	tm := startTTY(t, e2eCols, e2eRows, "--url", url, "--token", "not-a-token")
	if err := tm.wait(); err == nil {
		t.Fatal("a refused --token should end with a non-zero exit code")
	}
	tm.waitFor("refused the token given with --token")
}

func TestE2ERefusedSavedTokenOpensSignIn(t *testing.T) {
	url, _ := standalone(t)
	home := t.TempDir()
	own := map[string]any{"workspace_url": url, "token": "stale"}
	writeJSON(t, filepath.Join(home, ".config", "alpacon-tui", "config.json"), own)
	tm := startTTYHome(t, home, e2eCols, e2eRows)
	tm.waitFor("Sign in to Alpacon", "was refused", url)
	tm.keys("\x03")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
}

func TestE2ERefusedCLITokenFallsBackToOwn(t *testing.T) {
	url, token := standalone(t)
	home := t.TempDir()
	writeJSON(t, filepath.Join(home, ".alpacon", "config.json"),
		map[string]any{"workspace_url": url, "token": "stale"})
	writeJSON(t, filepath.Join(home, ".config", "alpacon-tui", "config.json"),
		map[string]any{"workspace_url": url, "token": token})
	tm := startTTYHome(t, home, e2eCols, e2eRows)
	tm.waitFor("web-01", "signed in as alice")
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
}

func TestE2EFlagConflictsAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--faults", "latency=1s"},
		{"--token", "x"},
		{"--demo", "--url", "http://127.0.0.1:1"},
		{"stray"},
		{"--demo", "--faults", "html500=2"},
		{"info", "extra"},
		{"demo-server", "--bogus"},
		{"demo-server", "extra"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, err := exec.Command(binary, args...).CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Fatalf("exit %v, want code 2; output:\n%s", err, out)
			}
		})
	}
}
