package websh

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"alpacon-tui/ui/safetext"
)

// maxTitle bounds a title taken from the remote (OSC 0/2).
const maxTitle = 120

// frame draws inner (rows of exactly width cells) inside a rounded border
// of width+2 columns, with the label texts set into the top and bottom
// edges. Labels are cut to fit.
func frame(inner []string, width int, border lipgloss.Style, top, bottom label) string {
	b := lipgloss.RoundedBorder()
	var sb strings.Builder
	sb.WriteString(edge(b.TopLeft, b.Top, b.TopRight, width, border, top))
	side := border.Render(b.Left)
	rside := border.Render(b.Right)
	for _, row := range inner {
		sb.WriteByte('\n')
		sb.WriteString(side)
		sb.WriteString(row)
		sb.WriteString(rside)
	}
	sb.WriteByte('\n')
	sb.WriteString(edge(b.BottomLeft, b.Bottom, b.BottomRight, width, border, bottom))
	return sb.String()
}

// label is a text set into a border edge, with its style.
type label struct {
	text  string
	style lipgloss.Style
	right bool // sit at the right end of the edge
}

// edge draws one horizontal border line of width+2 cells. The label sits
// after one fill cell on the left, or before one on the right.
func edge(left, fill, right string, width int, border lipgloss.Style, l label) string {
	text := ""
	if l.text != "" && width >= 5 {
		text = " " + ansi.Truncate(l.text, width-4, "…") + " "
	}
	rest := max(width-ansi.StringWidth(text)-1, 0)
	if text == "" {
		return border.Render(left + strings.Repeat(fill, width) + right)
	}
	if l.right {
		return border.Render(left+strings.Repeat(fill, rest)) +
			l.style.Render(text) + border.Render(fill+right)
	}
	return border.Render(left+fill) + l.style.Render(text) +
		border.Render(strings.Repeat(fill, rest)+right)
}

// inert strips what could act on the outer terminal from text that came
// from the server (escape sequences, C0/C1 controls, bidi overrides) and
// bounds its length.
func inert(s string) string {
	s = strings.TrimSpace(safetext.Line(ansi.Strip(s)))
	if len([]rune(s)) > maxTitle {
		s = string([]rune(s)[:maxTitle]) + "…"
	}
	return s
}
