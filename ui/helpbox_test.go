package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
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
			for _, col := range h.m.boxKeys().FullHelp() {
				for _, b := range col {
					if !strings.Contains(v, b.Help().Desc) {
						t.Errorf("help lacks %q:\n%s", b.Help().Desc, v)
					}
				}
			}
		})
	}
}

// helpShows reports whether the help box v shows b: its key, then the
// start of its description (a cramped box cuts descriptions).
func helpShows(v string, b key.Binding) bool {
	d := []rune(b.Help().Desc)
	re := `(^|\s)` + regexp.QuoteMeta(b.Help().Key) + `\s+` +
		regexp.QuoteMeta(string(d[:min(len(d), minDesc-1)]))
	return regexp.MustCompile(re).MatchString(v)
}

func TestHelpBoxStaysBoxedWhenCramped(t *testing.T) {
	srv := startDemo(t)
	tests := []struct {
		name  string
		setup []string
		w, h  int
		all   bool // every key fits
	}{
		{"servers", nil, 40, 20, true},
		{"servers", nil, 60, 14, true},
		{"servers", nil, 100, 12, true},
		{"servers", nil, 30, 12, false},
		{"servers", nil, 24, 10, false},
		{"user detail", []string{"2", "enter"}, 40, 20, true},
		{"user detail", []string{"2", "enter"}, 40, 12, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%dx%d", tt.name, tt.w, tt.h), func(t *testing.T) {
			h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
			h.idle()
			h.keys(tt.setup...)
			h.idle()
			h.handle(teaSize(tt.w, tt.h))
			h.keys("?")
			v := h.m.View()
			for _, l := range strings.Split(v, "\n") {
				if lw := lipgloss.Width(l); lw > tt.w {
					t.Fatalf("line %q is %d wide at %d columns", l, lw, tt.w)
				}
			}
			if strings.Count(v, "╭") != 1 || strings.Count(v, "╯") != 1 {
				t.Fatalf("box corners cut:\n%s", v)
			}
			shown, missing := 0, 0
			for _, col := range h.m.boxKeys().FullHelp() {
				for _, b := range col {
					if helpShows(v, b) {
						shown++
					} else {
						missing++
					}
				}
			}
			more := strings.Contains(v, "… more")
			if tt.all != (missing == 0) || more != (missing > 0) || shown == 0 {
				t.Fatalf("%d keys shown, %d missing, more line %v:\n%s", shown, missing, more, v)
			}
		})
	}
}
