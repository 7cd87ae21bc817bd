package ui

import (
	"context"
	"net/http"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/client"
)

func openSessions(t *testing.T, c *client.Client) int {
	t.Helper()
	all, err := client.Walk(context.Background(), c.ListSessions, client.ListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range all {
		if s.IsOpen() {
			n++
		}
	}
	return n
}

// A websh open that completes after the user moved on becomes a background
// tab: the keys they type where they are now must not reach a shell.
func TestWebshOpenAfterNavigationWaitsInTheBackground(t *testing.T) {
	tests := []struct {
		name   string
		after  []string
		screen screen
		focus  bool
	}{
		{"still on the list, cursor moved", []string{"j"}, screenList, true},
		{"other view", []string{"2"}, screenList, false},
		{"away and back", []string{"2", "1"}, screenList, false},
		{"detail", []string{"enter"}, screenDetail, false},
		{"command mode", []string{":"}, screenList, false},
		{"filter", []string{"/"}, screenList, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startDemo(t)
			h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
			h.idle()
			selectServer(t, h, "web-01")
			h.keys("w")
			h.keys(tt.after...)
			h.idle()
			if len(h.m.panes) != 1 {
				t.Fatalf("%d panes, want 1", len(h.m.panes))
			}
			p := h.m.panes[0]
			if tt.focus {
				if h.m.screen != screenWebsh || !p.pane.Focused() {
					t.Fatalf("the pane should take the focus:\n%s", h.m.View())
				}
				return
			}
			if h.m.screen != tt.screen || p.pane.Focused() {
				t.Fatalf("screen %v focused %v, want %v in the background",
					h.m.screen, p.pane.Focused(), tt.screen)
			}
			want := "websh on web-01 ready — ] to open"
			if h.m.status.text != want {
				t.Fatalf("status %q, want %q", h.m.status.text, want)
			}
			h.keys("esc", "]")
			if h.m.screen != screenWebsh || h.activePaneID() != p.pane.ID() {
				t.Fatalf("] did not open the background pane:\n%s", h.m.View())
			}
		})
	}
}

// The tester's report: w on a server, then into a user's detail and its
// edit form, typing. The pane must not pop up and take those keys.
func TestWebshOpenDoesNotStealTheForm(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	h.keys("2")
	h.idle()
	h.keys("1")
	selectServer(t, h, "web-01")
	h.keys("w", "2", "enter", "e", "abcdefgh")
	h.idle()
	if len(h.m.panes) != 1 || h.m.screen == screenWebsh || h.m.panes[0].pane.Focused() {
		t.Fatalf("screen %v with %d panes:\n%s", h.m.screen, len(h.m.panes), h.m.View())
	}
	p := h.m.panes[0].pane
	h.waitFor("the prompt", func() bool { return strings.Contains(p.View(), "demo$ ") })
	if strings.Contains(p.View(), "abcdefgh") {
		t.Fatalf("typed keys reached the shell:\n%s", p.View())
	}
}

func TestWebshOpenShowsAndCancels(t *testing.T) {
	tests := []struct {
		name string
		// answered: esc comes once the server has created the session
		// but before its answer reaches the client.
		answered bool
		// late: esc comes after the open's reply is on its way to Update.
		late bool
	}{
		{"esc at once", false, false},
		{"esc while the create answer travels", true, false},
		{"esc after the session exists", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startDemo(t)
			c, faults := faultyClient(t, srv)
			h := newHarness(t, New(c, Options{}), 100, 30)
			h.idle()
			selectServer(t, h, "web-01")
			before := openSessions(t, c)
			if tt.answered {
				faults.holdAnswers(func(r *http.Request) bool {
					return r.Method == http.MethodPost && r.URL.Path == "/api/websh/sessions/"
				})
			}
			h.keys("w")
			status := h.m.statusLine()
			if !strings.Contains(status, "opening websh on web-01… (esc cancels)") ||
				!strings.Contains(status, h.m.spin.View()) {
				t.Fatalf("status %q", status)
			}
			var reply tea.Msg
			switch {
			case tt.answered:
				h.waitFor("the server to create the session", func() bool {
					return len(faults.held) > 0
				})
			case tt.late:
				reply = h.holdUntil("the open's reply", func(msg tea.Msg) bool {
					r, ok := msg.(webshOpenedMsg)
					return ok && r.stream != nil
				})
			}
			h.keys("esc")
			if h.m.status.text != "websh on web-01 cancelled" {
				t.Fatalf("status %q after esc", h.m.status.text)
			}
			quietClose(t, h, tt.answered)
			if tt.answered {
				close(faults.release)
			}
			h.handle(reply)
			quietClose(t, h, tt.late)
			h.idle()
			if len(h.m.panes) != 0 || h.m.screen != screenList || h.m.status.isErr {
				t.Fatalf("screen %v, %d panes:\n%s", h.m.screen, len(h.m.panes), h.m.View())
			}
			if after := openSessions(t, c); after != before {
				t.Fatalf("open sessions went from %d to %d", before, after)
			}
		})
	}
}

func TestWebshSecondOpenOfTheSameServerWaits(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{}), 100, 30)
	h.idle()
	selectServer(t, h, "web-01")
	before := openSessions(t, c)
	h.keys("w", "w")
	if h.m.status.text != "already opening websh on web-01…" {
		t.Fatalf("status %q", h.m.status.text)
	}
	h.keys("w")
	h.idle()
	if len(h.m.panes) != 1 || openSessions(t, c) != before+1 {
		t.Fatalf("%d panes, sessions %d -> %d", len(h.m.panes), before, openSessions(t, c))
	}
}

// Keys that arrive in one read come as one message; a view switch before
// the w in it is not a move after the w.
func TestWebshOpenInABurstTakesTheFocus(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	selectServer(t, h, "web-01")
	h.keys("2")
	h.idle()
	h.handle(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1w")})
	h.idle()
	if len(h.m.panes) != 1 || h.m.screen != screenWebsh {
		t.Fatalf("the pane of a burst did not take the focus:\n%s", h.m.View())
	}
}

// quietClose checks that a cancelled open still in flight (its answer, or
// the close of the session it made) is tracked but not shown as loading;
// inFlight says the test holds one back, so it must be tracked.
func quietClose(t *testing.T, h *harness, inFlight bool) {
	t.Helper()
	if inFlight && len(h.m.pending) == 0 {
		t.Fatal("the cancelled open is no longer tracked")
	}
	line := h.m.statusLine()
	if strings.Contains(line, h.m.spin.View()) || strings.Contains(line, "loading") {
		t.Fatalf("status line %q shows a cancelled open as loading", line)
	}
}
