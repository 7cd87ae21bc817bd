// Package layout holds the small cell-width helpers every view draws with.
package layout

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit truncates (with an ellipsis) or pads s, which may carry SGR styling,
// to exactly w terminal cells; w ≤ 0 gives "".
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}
