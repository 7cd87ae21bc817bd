package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"alpacon-tui/client"
)

func TestServersListGolden(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.waitFor("servers and user", func() bool {
		return h.m.loaded[ViewServers] && h.m.me != "" && len(h.m.pending) == 0
	})
	v := h.m.View()
	wants := []string{"web-01", "● connected", "db-03", "○ offline", "new-01", "○ new"}
	for _, want := range wants {
		if !strings.Contains(v, want) {
			t.Errorf("servers list lacks %q", want)
		}
	}
	golden.RequireEqual(t, screenText(h.m))
}

func TestViewSwitching(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	tests := []struct {
		name string
		keys []string
		want View
		text string
	}{
		{"2 shows users", []string{"2"}, ViewUsers, "alice"},
		{"3 shows groups", []string{"3"}, ViewGroups, "DISPLAY NAME"},
		{"4 shows sessions", []string{"4"}, ViewSessions, "USERNAME"},
		{"tab wraps to servers", []string{"tab"}, ViewServers, "web-01"},
		{"shift+tab wraps back", []string{"shift+tab"}, ViewSessions, "OPENED"},
		{":users command", []string{":", "users", "enter"}, ViewUsers, "[2 Users]"},
		{":servers command", []string{":", "servers", "enter"}, ViewServers, "[1 Servers]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.keys(tt.keys...)
			h.idle()
			if h.m.view != tt.want || h.m.screen != screenList {
				t.Fatalf("view %v screen %v, want %v list", h.m.view, h.m.screen, tt.want)
			}
			h.waitView(tt.text)
		})
	}
	t.Run("unknown command", func(t *testing.T) {
		h.keys(":", "bogus", "enter")
		if !h.m.status.isErr || !strings.Contains(h.m.View(), "unknown command :bogus") {
			t.Fatalf("no error for :bogus:\n%s", h.m.View())
		}
		h.keys("j")
		if h.m.status.text != "" {
			t.Fatal("the next key should clear the status")
		}
	})
	t.Run(":q quits", func(t *testing.T) {
		h.keys(":", "q", "enter")
		h.waitFor("quit", func() bool { return h.quit })
	})
}

func TestDetailShowsEveryServerField(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{}), 100, 40)
	h.idle()
	h.keys("/", "web-01", "enter", "enter")
	h.idle()
	if h.m.screen != screenDetail {
		t.Fatalf("screen %v", h.m.screen)
	}
	want, err := c.GetServer(context.Background(), h.m.detailID)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for _, f := range h.m.detail.Fields() {
		fields[f.Key] = f.Value
	}
	checks := map[string]string{
		"name": want.Name, "id": want.ID, "remote ip": want.IP(), "os": want.OS(),
		"owner": want.OwnerLabel(), "connected": "yes",
	}
	for k, v := range checks {
		if fields[k] != v {
			t.Errorf("field %s = %q, want %q", k, fields[k], v)
		}
	}
	if len(fields) < 25 {
		t.Errorf("only %d fields shown", len(fields))
	}
	h.keys("esc")
	if h.m.screen != screenList {
		t.Fatal("esc should go back to the list")
	}
}

func TestStaleReplyIsDropped(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	old := h.m.reqs[ViewServers]
	h.keys("r")
	h.idle()
	n := h.m.tables[ViewServers].Len()
	h.m.Update(serversMsg{req: old, items: nil})
	if h.m.tables[ViewServers].Len() != n || n == 0 {
		t.Fatalf("a stale reply replaced the rows: %d -> %d", n, h.m.tables[ViewServers].Len())
	}
}

func TestErrorsReachTheStatusBar(t *testing.T) {
	srv := startDemo(t)
	closed := startDemo(t)
	deadURL := closed.URL()
	closed.Close()
	tests := []struct {
		name  string
		url   string
		token string
		want  string
	}{
		{"bad token", srv.URL(), "not-a-token", "session expired or token invalid — sign in again"},
		{"unreachable", deadURL, "x", "cannot reach " + strings.TrimPrefix(deadURL, "http://")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := client.New(tt.url, client.WithToken(tt.token))
			if err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, New(c, Options{}), 100, 30)
			h.idle()
			if !h.m.status.isErr || !strings.Contains(h.m.View(), tt.want) {
				t.Fatalf("status %q, want %q", h.m.status.text, tt.want)
			}
		})
	}
}

func TestServerTextIsInert(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{StartView: ViewUsers}), 120, 30)
	h.idle()
	row, _ := h.m.tables[ViewUsers].SelectedRow()
	evil := "Ev\x1b]0;pwned\x07\x1b[31mil"
	if _, err := c.PatchUser(context.Background(), row.Key,
		map[string]any{"first_name": evil, "last_name": "\x1b[2J"}); err != nil {
		t.Fatal(err)
	}
	h.keys("r")
	h.idle()
	for _, screen := range []string{"list", "detail"} {
		v := h.m.View()
		if strings.ContainsAny(v, "\x1b\x07") {
			t.Fatalf("%s: a control character reached the screen: %q", screen, v)
		}
		if !strings.Contains(v, "Ev^[]0;pwned^G^[[31mil") {
			t.Fatalf("%s: inert name not shown:\n%s", screen, v)
		}
		h.keys("enter")
		h.idle()
	}
}

func TestTinyWindowSizes(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 0, 0)
	h.idle()
	for _, size := range [][2]int{{0, 0}, {1, 1}, {2, 3}, {100, 30}} {
		h.handle(teaSize(size[0], size[1]))
		h.keys("j", "G", "enter", "esc", "?", "?")
		assertFits(t, h.m.View(), size[0], size[1])
	}
}

// assertFits checks that a frame has at most h lines of at most w cells.
func assertFits(t *testing.T, view string, w, h int) {
	t.Helper()
	if view == "" {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, got, l)
		}
	}
}

func TestListCursorSurvivesShrinkingReloads(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	all := h.m.servers
	h.keys("G")
	tests := []struct {
		name string
		keep int
	}{
		{"shrinks below the cursor", 3},
		{"becomes empty", 0},
		{"grows back", len(all)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.keys("r")
			req := h.m.reqs[ViewServers]
			h.handle(serversMsg{req: req, items: all[:tt.keep]})
			tbl := h.m.tables[ViewServers]
			if tt.keep == 0 && (tbl.SelectedIndex() != -1 || h.m.selected(ViewServers) != nil) {
				t.Fatal("an empty list must select nothing")
			}
			if tt.keep > 0 && (tbl.Cursor() >= tt.keep || h.m.selected(ViewServers) == nil) {
				t.Fatalf("cursor %d with %d rows", tbl.Cursor(), tt.keep)
			}
			h.keys("enter", "esc", "j", "G")
			_ = h.m.View()
		})
	}
	h.idle()
}

// Every list keeps its first (name) column on a narrow terminal.
func TestNarrowListsKeepTheNameColumn(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	tests := []struct {
		view  string
		title string
		row   string
	}{
		{"1", "NAME", "api-01"}, {"2", "USERNAME", "alice"}, {"3", "NAME", ""}, {"4", "", ""},
	}
	for _, tt := range tests {
		for _, w := range []int{20, 12, 10, 6} {
			t.Run(fmt.Sprintf("view%s/%d", tt.view, w), func(t *testing.T) {
				h.handle(teaSize(100, 30))
				h.keys(tt.view)
				h.idle()
				first := h.m.tables[h.m.view].View()
				want := strings.Fields(strings.SplitN(first, "\n", 2)[0])[0]
				h.handle(teaSize(w, 30))
				lines := strings.Split(h.m.tables[h.m.view].View(), "\n")
				head := strings.Fields(lines[0])
				if len(head) == 0 || !strings.HasPrefix(want, strings.TrimSuffix(head[0], "…")) {
					t.Fatalf("header %q at %d columns, want %q first", lines[0], w, want)
				}
				if tt.title != "" && want != tt.title {
					t.Fatalf("first column %q, want %q", want, tt.title)
				}
				cut := tt.row[:min(len(tt.row), max(w-3, 0))]
				if tt.row != "" && w >= 10 && !strings.Contains(lines[1], cut) {
					t.Fatalf("first row %q lacks %q", lines[1], tt.row)
				}
			})
		}
	}
}
