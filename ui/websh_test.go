package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"alpacon-tui/client"
)

// selectServer filters the servers list down to name.
func selectServer(t *testing.T, h *harness, name string) {
	t.Helper()
	h.keys("esc", "/", name, "enter")
	row, ok := h.m.tables[ViewServers].SelectedRow()
	if !ok || row.Cells[0] != name {
		t.Fatalf("could not select %s", name)
	}
}

func sessionCount(t *testing.T, c *client.Client) int {
	t.Helper()
	all, err := client.Walk(context.Background(), c.ListSessions, client.ListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

// openPane presses w on name and waits for the shell prompt.
func openPane(t *testing.T, h *harness, name string) *paneTab {
	t.Helper()
	selectServer(t, h, name)
	n := len(h.m.panes)
	h.keys("w")
	h.waitFor("the pane", func() bool { return len(h.m.panes) > n })
	h.waitView("demo$ ")
	return h.m.panes[len(h.m.panes)-1]
}

func TestWebshRefusedWithoutCallingTheServer(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{}), 100, 30)
	h.idle()
	before := sessionCount(t, c)
	tests := []struct{ server, want string }{
		{"db-03", "db-03: server is not connected"},
		{"new-01", "new-01: server is not commissioned yet"},
	}
	for _, tt := range tests {
		t.Run(tt.server, func(t *testing.T) {
			selectServer(t, h, tt.server)
			req := h.m.nextReq
			h.keys("w")
			if h.m.nextReq != req || !h.m.status.isErr || !strings.Contains(h.m.View(), tt.want) {
				t.Fatalf("status %q, want %q", h.m.status.text, tt.want)
			}
		})
	}
	if after := sessionCount(t, c); after != before {
		t.Fatalf("sessions went from %d to %d", before, after)
	}
}

func TestWebshPane(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{}), 100, 30)
	h.idle()
	p := openPane(t, h, "web-01")

	t.Run("session has the pane's inner size", func(t *testing.T) {
		sess, err := c.GetSession(context.Background(), p.session.ID)
		if err != nil {
			t.Fatal(err)
		}
		rows, cols := p.pane.InnerSize()
		if sess.Rows != rows || sess.Cols != cols || rows != 24 || cols != 98 {
			t.Fatalf("session %dx%d, pane %dx%d, want 24x98", sess.Rows, sess.Cols, rows, cols)
		}
	})
	t.Run("echo", func(t *testing.T) {
		h.keys("echo hi-$((6*7))", "enter")
		h.waitView("hi-42")
		h.waitFor("the next prompt", func() bool {
			return strings.Count(h.m.View(), "demo$ ") == 2
		})
		golden.RequireEqual(t, screenText(h.m))
	})
	t.Run("ctrl+c goes to the remote", func(t *testing.T) {
		// The ^C waits for output of the sleeping process itself: sent
		// before the child owns the terminal, it would reach bash only.
		h.keys("sh -c 'echo up-$((2+2)); exec sleep 30'", "enter")
		h.waitView("up-4")
		h.keys("ctrl+c")
		h.waitFor("the prompt after ^C", func() bool {
			return strings.Count(h.m.View(), "demo$ ") == 3
		})
		if h.quit || h.m.screen != screenWebsh {
			t.Fatal("ctrl+c in a pane must not quit the TUI")
		}
	})
	t.Run("leave keeps the session", func(t *testing.T) {
		h.keys("ctrl+]")
		h.waitFor("the list", func() bool { return h.m.screen == screenList })
		if len(h.m.panes) != 1 || p.pane.Ended() || !strings.Contains(h.m.View(), "▸ 1:web-01") {
			t.Fatalf("pane lost after leaving:\n%s", h.m.View())
		}
	})
	t.Run("] reopens it", func(t *testing.T) {
		h.keys("]")
		if h.m.screen != screenWebsh || h.activePaneID() != p.pane.ID() {
			t.Fatal("] did not reopen the pane")
		}
		h.waitView("hi-42")
	})
	t.Run("exit closes and enter discards", func(t *testing.T) {
		h.keys("exit", "enter")
		h.waitView("session closed")
		h.keys("enter")
		h.waitFor("the list", func() bool { return h.m.screen == screenList })
		if len(h.m.panes) != 0 || strings.Contains(h.m.View(), "▸ 1:web-01") {
			t.Fatalf("closed pane kept:\n%s", h.m.View())
		}
	})
}

func TestTwoPanesAndTabs(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{}), 100, 30)
	h.idle()
	a := openPane(t, h, "web-01")
	h.keys("ctrl+]")
	h.waitFor("the list", func() bool { return h.m.screen == screenList })
	b := openPane(t, h, "web-02")
	h.keys("ctrl+]")
	h.waitFor("the list", func() bool { return h.m.screen == screenList })
	tests := []struct {
		name string
		keys []string
		want int
	}{
		{"] goes forward, wrapping to the first", []string{"]"}, a.pane.ID()},
		{"] again goes to the next", []string{"]"}, b.pane.ID()},
		{"[ goes back", []string{"["}, a.pane.ID()},
		{"[ wraps to the last", []string{"["}, b.pane.ID()},
		{"tab from sessions list", []string{"4", "tab"}, a.pane.ID()},
		{"shift+tab from servers", []string{"1", "shift+tab"}, b.pane.ID()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.keys(tt.keys...)
			h.waitFor("the pane", func() bool { return h.m.screen == screenWebsh })
			if h.activePaneID() != tt.want {
				t.Fatalf("pane %d, want %d", h.activePaneID(), tt.want)
			}
			h.keys("ctrl+]")
			h.waitFor("the list", func() bool { return h.m.screen == screenList })
		})
	}
}

func TestTinyWindowWebshSize(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {1, 1}} {
		t.Run("", func(t *testing.T) {
			srv := startDemo(t)
			c := newClient(t, srv.URL(), srv.Token())
			h := newHarness(t, New(c, Options{}), 100, 30)
			h.idle()
			selectServer(t, h, "web-01")
			h.handle(teaSize(size[0], size[1]))
			h.keys("w")
			h.waitFor("the pane", func() bool { return len(h.m.panes) == 1 })
			_ = h.m.View()
			p := h.m.panes[0]
			sess, err := c.GetSession(context.Background(), p.session.ID)
			if err != nil {
				t.Fatal(err)
			}
			rows, cols := p.pane.InnerSize()
			if sess.Rows < 1 || sess.Cols < 1 || sess.Rows != rows || sess.Cols != cols {
				t.Fatalf("session %dx%d, pane %dx%d", sess.Rows, sess.Cols, rows, cols)
			}
		})
	}
}

func TestWebshResizeFollowsTheWindow(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{}), 100, 30)
	h.idle()
	p := openPane(t, h, "web-01")
	h.handle(teaSize(80, 24))
	rows, cols := p.pane.InnerSize()
	if rows != 18 || cols != 78 {
		t.Fatalf("pane inner size %dx%d, want 18x78", rows, cols)
	}
	h.waitFor("the server to record 18x78", func() bool {
		s, err := c.GetSession(context.Background(), p.session.ID)
		return err == nil && s.Rows == rows && s.Cols == cols
	})
	h.keys("stty size", "enter")
	h.waitView("18 78")
}
