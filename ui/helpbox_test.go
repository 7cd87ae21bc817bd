package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestHelpOverlayFitsTheWidth(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	h.idle()
	tests := []struct {
		w, h  int
		whole bool // every binding shown, in an unbroken box
	}{
		{100, 30, true}, {80, 30, true}, {60, 30, true}, {40, 40, true},
		{30, 40, false}, {20, 8, false}, {10, 5, false}, {3, 3, false}, {1, 1, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			h.handle(teaSize(tt.w, tt.h))
			h.keys("?")
			defer h.keys("?")
			v := h.m.View()
			lines := strings.Split(v, "\n")
			if len(lines) != tt.h {
				t.Fatalf("%d lines, want %d", len(lines), tt.h)
			}
			for _, l := range lines {
				if lw := lipgloss.Width(l); lw > tt.w {
					t.Fatalf("line %q is %d wide at %d columns", l, lw, tt.w)
				}
			}
			if !tt.whole {
				return
			}
			if strings.Count(v, "╭") != 1 || strings.Count(v, "╯") != 1 {
				t.Fatalf("box corners cut:\n%s", v)
			}
			for _, col := range h.m.helpKeys().FullHelp() {
				for _, b := range col {
					if !strings.Contains(v, b.Help().Desc) {
						t.Errorf("help lacks %q:\n%s", b.Help().Desc, v)
					}
				}
			}
		})
	}
}
