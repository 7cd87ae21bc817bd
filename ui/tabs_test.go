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
