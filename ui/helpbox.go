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

// helpOverlay is the full help, centred in a w x h body. Its columns wrap
// onto more rows when the width is short; when even one column does not
// fit the box, the box goes and the lines are cut at the edge.
func (m *Model) helpOverlay(w, h int) string {
	cols := m.helpKeys().FullHelp()
	blocks := make([]string, 0, len(cols))
	for _, c := range cols {
		blocks = append(blocks, m.helpColumn(c))
	}
	frame := m.styles.Overlay.GetHorizontalFrameSize()
	box := m.styles.Overlay.Render("Keys\n\n" + packColumns(blocks, w-frame))
	if lipgloss.Width(box) > w || lipgloss.Height(box) > h {
		box = lipgloss.JoinVertical(lipgloss.Left, "Keys", "", packColumns(blocks, w))
	}
	lines := strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n")
	lines = lines[:min(len(lines), h)]
	for i, l := range lines {
		lines[i] = layout.Fit(ansi.Truncate(l, w, ""), w) // a cut, not an ellipsis
	}
	return strings.Join(lines, "\n")
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
