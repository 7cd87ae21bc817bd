package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"alpacon-tui/ui/layout"
)

// helpGap separates two columns of the full help.
const helpGap = "    "

// helpOverlay is the full help, centred in a w x h body, in a box. Its
// groups of keys wrap onto more rows when the width is short; when they
// do not fit, every key flows into narrower columns (compactHelp). Only
// below the box's minimum size does the box go and the lines are cut at
// the edge.
func (m *Model) helpOverlay(w, h int) string {
	box := m.helpBox(w, h)
	lines := strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n")
	lines = lines[:min(len(lines), h)]
	for i, l := range lines {
		lines[i] = layout.Fit(ansi.Truncate(l, w, ""), w) // a cut, not an ellipsis
	}
	return strings.Join(lines, "\n")
}

// helpTitle heads the full help, a blank line under it.
const helpTitle = "Keys\n\n"

func (m *Model) helpBox(w, h int) string {
	cols := m.boxKeys().FullHelp()
	blocks := make([]string, 0, len(cols))
	var all []key.Binding
	for _, c := range cols {
		blocks = append(blocks, m.helpColumn(c))
		all = append(all, c...)
	}
	st := m.styles.Overlay
	fw, fh := st.GetHorizontalFrameSize(), st.GetVerticalFrameSize()
	fits := func(box string) bool { return lipgloss.Width(box) <= w && lipgloss.Height(box) <= h }
	if box := st.Render(helpTitle + packColumns(blocks, w-fw)); fits(box) {
		return box
	}
	// Cramped, the title gives up its blank line to one more row of keys.
	if body, ok := m.compactHelp(all, w-fw, h-fh-1); ok {
		if box := st.Render("Keys\n" + body); fits(box) {
			return box
		}
	}
	return lipgloss.JoinVertical(lipgloss.Left, "Keys", "", packColumns(blocks, w))
}

// helpColumn renders one column of bindings: keys aligned, then what they do.
func (m *Model) helpColumn(bs []key.Binding) string {
	kw := 0
	for _, b := range bs {
		kw = max(kw, ansi.StringWidth(b.Help().Key))
	}
	lines := make([]string, 0, len(bs))
	for _, b := range bs {
		k := m.help.Styles.FullKey.Render(layout.Fit(b.Help().Key, kw))
		lines = append(lines, k+" "+m.help.Styles.FullDesc.Render(b.Help().Desc))
	}
	return strings.Join(lines, "\n")
}

// packColumns puts blocks side by side, starting a new row (after a blank
// line) when the next would pass w cells.
func packColumns(blocks []string, w int) string {
	var rows, row []string
	used := 0
	for _, b := range blocks {
		bw := lipgloss.Width(b)
		if len(row) > 0 && used+len(helpGap)+bw > w {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		if len(row) > 0 {
			row, used = append(row, helpGap), used+len(helpGap)
		}
		row, used = append(row, b), used+bw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n\n")
}
