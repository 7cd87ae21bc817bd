package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"alpacon-tui/ui/layout"
	"alpacon-tui/ui/safetext"
)

// Scroll marks of a tab strip wider than the terminal.
const (
	moreLeft  = "‹"
	moreRight = "›"
)

// headerTabs shows the four lists and every websh pane; the active tab is
// bracketed so it reads without colour too. Panes are numbered, as two on
// one server have the same name, and the strip scrolls to keep the active
// tab in sight.
func (m *Model) headerTabs() string {
	h := m.styles.Header
	segs := make([]string, 0, int(viewCount)+len(m.panes))
	active := int(m.view)
	for v := range viewCount {
		label := fmt.Sprintf("%d %s", int(v)+1, v)
		if v == m.view && m.screen != screenWebsh {
			segs = append(segs, h.ActiveTab.Render("["+label+"]"))
		} else {
			segs = append(segs, h.Tab.Render(" "+label+" "))
		}
	}
	for i, p := range m.panes {
		label := fmt.Sprintf("▸ %d:%s", i+1, safetext.Line(p.server.Name))
		if p.pane.Ended() {
			label += " (closed)"
		}
		sep := ""
		if i == 0 {
			sep = " │"
		}
		if i == m.active && m.screen == screenWebsh {
			segs = append(segs, sep+h.ActivePaneTab.Render("["+label+"]"))
			active = len(segs) - 1
		} else {
			segs = append(segs, sep+h.PaneTab.Render(" "+label+" "))
		}
	}
	return tabStrip(segs, active, m.width)
}

// tabStrip lays segs out in w cells. When they do not all fit, it shows a
// run of them that includes active, marked at the cut ends.
func tabStrip(segs []string, active, w int) string {
	widths := make([]int, len(segs))
	total := 0
	for i, s := range segs {
		widths[i] = ansi.StringWidth(s)
		total += widths[i]
	}
	if total <= w || len(segs) == 0 {
		return layout.Fit(strings.Join(segs, ""), w)
	}
	active = min(max(active, 0), len(segs)-1)
	span := func(from, to int) int { // cells of segs[from:to] with marks
		n := 0
		for _, x := range widths[from:to] {
			n += x
		}
		if from > 0 {
			n++
		}
		if to < len(segs) {
			n++
		}
		return n
	}
	start := 0
	for start < active && span(start, active+1) > w {
		start++
	}
	end := active + 1
	for end < len(segs) && span(start, end+1) <= w {
		end++
	}
	s := strings.Join(segs[start:end], "")
	if start > 0 {
		s = moreLeft + s
	}
	if end == len(segs) {
		return layout.Fit(s, w)
	}
	if w < 2 {
		return layout.Fit(moreRight, w)
	}
	return layout.Fit(s, w-1) + moreRight
}
