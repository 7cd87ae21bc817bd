package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"alpacon-tui/ui/layout"
)

const (
	// compactGap separates the columns of the compact help.
	compactGap = "  "
	// minDesc is the fewest cells a cut description keeps, "…" included.
	minDesc = 6
	// helpMore ends a compact help that could not show every key.
	helpMore = "… more (widen the window)"
)

// compactHelp flows every binding, groups dropped, into as few columns of
// at most rows lines as fit w cells, cutting the longest descriptions
// first. When not all of them fit, it shows what fits and a last line
// saying there is more. It reports false when not even one column fits.
func (m *Model) compactHelp(bs []key.Binding, w, rows int) (string, bool) {
	if w < 1 || rows < 1 || len(bs) == 0 {
		return "", false
	}
	for n := 1; n <= len(bs); n++ {
		r := (len(bs) + n - 1) / n
		if r > rows {
			continue
		}
		if s, ok := m.helpGrid(bs, r, w); ok {
			return s, true
		}
		break // more columns are no narrower
	}
	r := rows - 1
	best := ""
	for n := 1; r >= 1 && n*r < len(bs); n++ {
		s, ok := m.helpGrid(bs[:n*r], r, w)
		if !ok {
			break
		}
		best = s
	}
	if best == "" {
		return "", false
	}
	return best + "\n" + layout.Fit(helpMore, w), true
}

// helpGrid lays bs out column by column, r lines each, in w cells.
func (m *Model) helpGrid(bs []key.Binding, r, w int) (string, bool) {
	var cols [][]key.Binding
	for i := 0; i < len(bs); i += r {
		cols = append(cols, bs[i:min(i+r, len(bs))])
	}
	kws, widths := make([]int, len(cols)), make([]int, len(cols))
	total := len(compactGap) * (len(cols) - 1)
	for i, c := range cols {
		dw := 0
		for _, b := range c {
			kws[i] = max(kws[i], ansi.StringWidth(b.Help().Key))
			dw = max(dw, ansi.StringWidth(b.Help().Desc))
		}
		widths[i] = kws[i] + 1 + dw
		total += widths[i]
	}
	for ; total > w; total-- {
		i := widest(widths, kws)
		if i < 0 {
			return "", false
		}
		widths[i]--
	}
	blocks := make([]string, 0, 2*len(cols))
	for i, c := range cols {
		if i > 0 {
			blocks = append(blocks, compactGap)
		}
		blocks = append(blocks, m.compactColumn(c, kws[i], widths[i]))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, blocks...), true
}

// widest returns the widest column that can still lose a cell of its
// descriptions, or -1.
func widest(widths, kws []int) int {
	best := -1
	for i, w := range widths {
		if w > kws[i]+1+minDesc && (best < 0 || w > widths[best]) {
			best = i
		}
	}
	return best
}

// compactColumn renders bindings as keys kw wide, then descriptions cut so
// that each line is w cells.
func (m *Model) compactColumn(bs []key.Binding, kw, w int) string {
	lines := make([]string, 0, len(bs))
	for _, b := range bs {
		k := m.help.Styles.FullKey.Render(layout.Fit(b.Help().Key, kw))
		d := m.help.Styles.FullDesc.Render(layout.Fit(b.Help().Desc, w-kw-1))
		lines = append(lines, k+" "+d)
	}
	return strings.Join(lines, "\n")
}
