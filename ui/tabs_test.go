package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestTabStripKeepsTheActiveTabInSight(t *testing.T) {
	segs := make([]string, 12)
	for i := range segs {
		segs[i] = fmt.Sprintf(" tab-%02d ", i)
	}
	for _, w := range []int{200, 40, 20, 9, 3, 1} {
		for active := range segs {
			t.Run(fmt.Sprintf("w%d/active%d", w, active), func(t *testing.T) {
				got := tabStrip(segs, active, w)
				if ansi.StringWidth(got) != w {
					t.Fatalf("strip %q is %d wide, want %d", got, ansi.StringWidth(got), w)
				}
				if w >= 10 && !strings.Contains(got, segs[active]) {
					t.Fatalf("strip %q lacks the active %q", got, segs[active])
				}
				if w < 96 && w >= 10 && !strings.ContainsAny(got, moreLeft+moreRight) {
					t.Fatalf("cut strip %q has no scroll mark", got)
				}
			})
		}
	}
}

func TestPaneTabsAreNumbered(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	openPane(t, h, "web-01")
	h.keys("ctrl+]")
	h.waitFor("the list", func() bool { return h.m.screen == screenList })
	openPane(t, h, "web-01")
	tabs := h.m.headerTabs()
	if !strings.Contains(tabs, "▸ 1:web-01") || !strings.Contains(tabs, "[▸ 2:web-01]") {
		t.Fatalf("tabs %q", tabs)
	}
	tests := []struct {
		width int
		want  string
	}{
		{60, "[▸ 2:web-01]"}, {40, "[▸ 2:web-01]"}, {20, "[▸ 2:web-01]"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.width), func(t *testing.T) {
			h.handle(teaSize(tt.width, 20))
			tabs := h.m.headerTabs()
			if !strings.Contains(tabs, tt.want) || !strings.HasPrefix(tabs, moreLeft) {
				t.Fatalf("at %d columns the tabs are %q", tt.width, tabs)
			}
		})
	}
}

// tab and shift+tab walk one ring, Servers … Sessions, pane 1, pane 2, and
// a pane left with ctrl+] is where the next step starts from.
func TestTabRingGoesOnFromTheLeftPane(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	a := openPane(t, h, "web-01")
	h.keys("ctrl+]")
	h.waitFor("the list", func() bool { return h.m.screen == screenList })
	b := openPane(t, h, "web-02")
	h.keys("ctrl+]")
	h.waitFor("the list", func() bool { return h.m.screen == screenList })
	h.keys("4")
	pane := func(p *paneTab) string { return fmt.Sprintf("pane %d", p.pane.ID()) }
	tests := []struct {
		name string
		keys []string
		want string // "pane N" or a view
	}{
		{"tab from sessions", []string{"tab"}, pane(a)},
		{"tab after leaving pane 1", []string{"ctrl+]", "tab"}, pane(b)},
		{"tab after the last pane wraps", []string{"ctrl+]", "tab"}, "Servers"},
		{"shift+tab from servers", []string{"shift+tab"}, pane(b)},
		{"shift+tab after leaving pane 2", []string{"ctrl+]", "shift+tab"}, pane(a)},
		{"shift+tab after pane 1", []string{"ctrl+]", "shift+tab"}, "Sessions"},
		{"a move forgets the left pane", []string{"tab", "ctrl+]", "1", "tab"}, "Users"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range tt.keys {
				h.keys(k)
				if k == "ctrl+]" {
					h.waitFor("the pane to be left", func() bool {
						return h.m.screen != screenWebsh
					})
				}
			}
			got := h.m.view.String()
			if h.m.screen == screenWebsh {
				got = fmt.Sprintf("pane %d", h.activePaneID())
			}
			if got != tt.want {
				t.Fatalf("at %s, want %s:\n%s", got, tt.want, h.m.View())
			}
		})
	}
}
