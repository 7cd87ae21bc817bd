package main

import (
	"bytes"
	"strings"
	"testing"
)

// The end-to-end tests run the built binary with --demo in a pseudo-terminal
// of 100×30 and read the screen back through x/vt.

const e2eCols, e2eRows = 100, 30

func TestE2EServersListAndQuitRestoresTerminal(t *testing.T) {
	tm := startTTY(t, e2eCols, e2eRows, "--demo")
	screen := tm.waitFor("web-01", "connected", "db-03", "new-01")
	for _, col := range []string{"NAME", "OS", "IP", "OWNER"} {
		if !strings.Contains(screen, col) {
			t.Errorf("servers list lacks column %q:\n%s", col, screen)
		}
	}
	if !tm.altScreen() {
		t.Error("the TUI should draw on the alternate screen")
	}
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatalf("q should exit cleanly, got %v", err)
	}
	if tm.altScreen() {
		t.Error("after quitting the terminal is still on the alternate screen")
	}
	if tm.cursorHidden() {
		t.Error("after quitting the cursor is still hidden")
	}
	raw := tm.rawOutput()
	if i, j := bytes.LastIndex(raw, []byte("\x1b[?1049h")),
		bytes.LastIndex(raw, []byte("\x1b[?1049l")); i < 0 || j < i {
		t.Errorf("alt screen entered at %d, left at %d: want a leave after the enter", i, j)
	}
}

func TestE2ECtrlCQuitsOutsideWebsh(t *testing.T) {
	tm := startTTY(t, e2eCols, e2eRows, "--demo")
	tm.waitFor("web-01")
	tm.keys("\x03")
	if err := tm.wait(); err != nil {
		t.Fatalf("ctrl+c should exit cleanly, got %v", err)
	}
}

func TestE2EUserFormShowsEmailErrorInline(t *testing.T) {
	tm := startTTY(t, e2eCols, e2eRows, "--demo")
	tm.waitFor("web-01")
	tm.keys("2")
	tm.waitFor("bob", "EMAIL")
	tm.keys("j", "e")
	tm.waitFor("Edit user bob", "Email")
	// First name → last name → email; clear it and type a bad address.
	tm.keys("\t", "\t", "\x15")
	tm.send("not-an-email")
	tm.keys("\x13") // ctrl+s saves
	screen := tm.waitFor("Enter a valid email address.")
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, "Enter a valid email address.") {
			if i == 0 || !strings.Contains(lines[i-1], "Email") ||
				!strings.Contains(lines[i-1], "not-an-email") {
				t.Errorf("the error should sit under the Email field, which keeps "+
					"the typed value; screen:\n%s", screen)
			}
		}
	}
	if !strings.Contains(screen, "Bob") || !strings.Contains(screen, "#ops") {
		t.Errorf("the other fields lost their values:\n%s", screen)
	}
}

func TestE2EWebshEchoRoundTrip(t *testing.T) {
	tm := startTTY(t, e2eCols, e2eRows, "--demo")
	tm.waitFor("api-01", "connected")
	tm.keys("w")
	tm.waitFor("became ready", "ctrl+] leave")
	tm.send("echo hello-$((6*7)); stty size\r")
	// 100×30 terminal: header 2 + border 2 + footer 2 rows, border 2 columns.
	tm.waitFor("hello-42", "24 98")

	// ctrl+c belongs to the remote shell inside the pane.
	// The echo runs in the process that then becomes sleep, so once it shows
	// the foreground job is the sleep that ctrl+c must interrupt.
	tm.send("sh -c 'echo up-$((2+2)); exec sleep 30'\r")
	tm.waitFor("up-4")
	tm.keys("\x03")
	tm.send("echo after-$((2+3))\r")
	tm.waitFor("after-5")

	tm.keys("\x1d") // ctrl+] leaves the pane; the session keeps running
	tm.waitFor("NAME", "web-01")
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatalf("quit with a session open: %v", err)
	}
}

func TestE2EDemoRunsWithoutHome(t *testing.T) {
	tm := startTTYHome(t, "", e2eCols, e2eRows, "--demo")
	tm.waitFor("web-01")
	tm.keys("q")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
}
