package table

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"alpacon-tui/ui/layout"
)

const (
	cursorMark = "› "
	gap        = 1
)

// relayout picks the columns that fit the width, dropping the lowest
// priorities first, and hands the spare width to growing columns. The
// first column names the row, so it is always kept, cut to the width if
// need be: a row without its name cannot be told from the others.
func (m *Model) relayout() {
	avail := max(m.width-ansi.StringWidth(cursorMark), 0)
	m.layout, m.widths = m.layout[:0], m.widths[:0]
	if len(m.cols) == 0 {
		return
	}
	order := make([]int, 0, len(m.cols)-1)
	for i := 1; i < len(m.cols); i++ {
		order = append(order, i)
	}
	sort.SliceStable(order, func(a, b int) bool {
		return m.cols[order[a]].Priority > m.cols[order[b]].Priority
	})
	keep := make([]bool, len(m.cols))
	keep[0] = true
	first := min(m.cols[0].Width, avail)
	used := first
	for _, i := range order {
		w := m.cols[i].Width + gap
		if used+w > avail {
			continue
		}
		keep[i], used = true, used+w
	}
	for i, k := range keep {
		if k {
			m.layout = append(m.layout, i)
			m.widths = append(m.widths, m.cols[i].Width)
		}
	}
	m.widths[0] = first
	m.spread(avail - used)
}

func (m *Model) spread(spare int) {
	if spare <= 0 || len(m.layout) == 0 {
		return
	}
	var grow []int
	for j, i := range m.layout {
		if m.cols[i].Grow {
			grow = append(grow, j)
		}
	}
	if len(grow) == 0 {
		grow = []int{len(m.layout) - 1}
	}
	for n, j := range grow {
		share := spare / len(grow)
		if n < spare%len(grow) {
			share++
		}
		m.widths[j] += share
	}
}

// Hidden returns how many columns do not fit the current width.
func (m Model) Hidden() int { return len(m.cols) - len(m.layout) }

// View renders the header, the visible window of rows and a footer line,
// exactly height lines tall.
func (m Model) View() string {
	if m.height <= 0 || m.width <= 0 {
		return ""
	}
	var b strings.Builder
	b.Grow((m.width + 1) * m.height)
	b.WriteString(m.styles.Header.Render(m.line("  ", m.titles())))
	body := m.bodyHeight()
	for i := 0; i < body; i++ {
		b.WriteByte('\n')
		b.WriteString(m.rowLine(m.offset + i))
	}
	if m.height > 1 {
		b.WriteByte('\n')
		b.WriteString(m.footer())
	}
	return b.String()
}

func (m Model) rowLine(pos int) string {
	if pos >= len(m.view) {
		if pos == 0 {
			return layout.Fit("  "+m.empty, m.width)
		}
		return strings.Repeat(" ", m.width)
	}
	cells := m.rows[m.view[pos]].Cells
	if pos == m.cursor {
		return m.styles.Selected.Render(m.line(cursorMark, cells))
	}
	return m.line("  ", cells)
}

func (m Model) titles() []string {
	t := make([]string, len(m.cols))
	for i, c := range m.cols {
		t[i] = c.Title
	}
	return t
}

// line lays the chosen columns of cells out to the full width.
func (m Model) line(mark string, cells []string) string {
	var b strings.Builder
	b.WriteString(mark)
	for j, i := range m.layout {
		if j > 0 {
			b.WriteByte(' ')
		}
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		b.WriteString(layout.Fit(c, m.widths[j]))
	}
	return layout.Fit(b.String(), m.width)
}

func (m Model) footer() string {
	if m.filtering {
		return layout.Fit(m.filter.View(), m.width)
	}
	pos := 0
	if len(m.view) > 0 {
		pos = m.cursor + 1
	}
	s := fmt.Sprintf("%d/%d", pos, len(m.view))
	if f := m.filter.Value(); f != "" {
		s += fmt.Sprintf(" of %d · filter %q", len(m.rows), f)
	}
	if h := m.Hidden(); h > 0 {
		s += fmt.Sprintf(" · +%d columns hidden", h)
	}
	return m.styles.Footer.Render(layout.Fit(s, m.width))
}
