package websh

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
)

// TestViewGolden pins the whole frame: border, title, hint, the shell's
// screen and the reverse-video cursor. `go test -update` rewrites
// testdata/TestViewGolden*.golden.
func TestViewGolden(t *testing.T) {
	prev := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(prev) })

	d, _, _ := openPane(t, 40, 8, bashScript)
	d.untilScreen("$")
	d.typeLine("echo golden")
	d.until("the second prompt", func() bool { return d.screen() == "$ echo golden\ngolden\n$" })
	golden.RequireEqualEscape(t, []byte(d.p.View()), true)

	d.p.Blur()
	t.Run("blurred", func(t *testing.T) {
		golden.RequireEqualEscape(t, []byte(d.p.View()), true)
	})
}
