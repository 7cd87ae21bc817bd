// Package table is a windowed table: rows are kept as data and only the
// visible window is rendered, so a cursor move costs the same at 10 or
// 10,000 rows. Columns carry priorities and drop when the terminal is narrow.
package table

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/keymap"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/theme"
)

// Column describes one column of the table.
type Column struct {
	// Title is the header text.
	Title string
	// Width is the minimum width in cells.
	Width int
	// Priority orders columns for dropping: the lowest drops first when the
	// table is too narrow for all of them.
	Priority int
	// Grow makes the column take the width left over.
	Grow bool
}

// Row is one row: Key identifies it across reloads, Cells hold the text of
// each column in column order.
type Row struct {
	Key   string
	Cells []string
}

// Model is the table state.
type Model struct {
	cols   []Column
	rows   []Row
	hay    []string
	view   []int
	cursor int
	offset int

	width, height int
	layout        []int
	widths        []int

	filter    textinput.Model
	filtering bool
	empty     string

	keys   keymap.KeyMap
	styles theme.TableStyles
}

// New returns an empty table with the given columns.
func New(cols []Column, keys keymap.KeyMap, styles theme.TableStyles) Model {
	f := textinput.New()
	f.Prompt = "/"
	f.Placeholder = "filter"
	m := Model{cols: cols, keys: keys, styles: styles, filter: f, empty: "no rows"}
	m.relayout()
	return m
}

// SetEmptyText sets what the table says when it has no rows to show.
func (m *Model) SetEmptyText(s string) { m.empty = s }

// SetSize sets the outer size, header and footer lines included.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.relayout()
	m.clamp()
}

// SetRows replaces the rows. Every cell is made inert here, once, so the
// render path never sees raw server text. The cursor stays on the row with
// the same key when it still exists, else it is clamped.
func (m *Model) SetRows(rows []Row) {
	prev, hadPrev := m.SelectedRow()
	m.rows = make([]Row, len(rows))
	m.hay = make([]string, len(rows))
	for i, r := range rows {
		cells := make([]string, len(r.Cells))
		for j, c := range r.Cells {
			cells[j] = safetext.Line(c)
		}
		m.rows[i] = Row{Key: r.Key, Cells: cells}
		m.hay[i] = haystack(cells)
	}
	m.refilter()
	if hadPrev {
		m.selectKey(prev.Key)
	}
	m.clamp()
}

// Len returns the number of rows shown under the current filter.
func (m Model) Len() int { return len(m.view) }

// Cursor returns the cursor position among the shown rows.
func (m Model) Cursor() int { return m.cursor }

// SelectedRow returns the row under the cursor, if any.
func (m Model) SelectedRow() (Row, bool) {
	if m.cursor < 0 || m.cursor >= len(m.view) {
		return Row{}, false
	}
	return m.rows[m.view[m.cursor]], true
}

// SelectedIndex returns the index into the rows given to SetRows of the
// row under the cursor, or -1.
func (m Model) SelectedIndex() int {
	if m.cursor < 0 || m.cursor >= len(m.view) {
		return -1
	}
	return m.view[m.cursor]
}

// Filtering reports whether the filter input has the keyboard.
func (m Model) Filtering() bool { return m.filtering }

// FilterText returns the active filter.
func (m Model) FilterText() string { return m.filter.Value() }

// Update moves the cursor or edits the filter.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.filtering {
		return m.updateFilter(k)
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.move(-1)
	case key.Matches(k, m.keys.Down):
		m.move(1)
	case key.Matches(k, m.keys.PageUp):
		m.move(-max(m.bodyHeight(), 1))
	case key.Matches(k, m.keys.PageDown):
		m.move(max(m.bodyHeight(), 1))
	case key.Matches(k, m.keys.Top):
		m.move(-len(m.view))
	case key.Matches(k, m.keys.Bottom):
		m.move(len(m.view))
	case key.Matches(k, m.keys.Filter):
		m.filtering = true
		return m, m.filter.Focus()
	case key.Matches(k, m.keys.Back) && m.filter.Value() != "":
		m.setFilter("")
	}
	return m, nil
}

func (m Model) updateFilter(k tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Back):
		m.filtering = false
		m.filter.Blur()
		m.setFilter("")
		return m, nil
	case key.Matches(k, m.keys.Accept):
		m.filtering = false
		m.filter.Blur()
		return m, nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(k)
	m.refilter()
	m.clamp()
	return m, cmd
}

func (m *Model) setFilter(s string) {
	m.filter.SetValue(s)
	m.refilter()
	m.clamp()
}

func (m *Model) move(delta int) {
	m.cursor += delta
	m.clamp()
}

// clamp keeps cursor and window valid whatever happened to the rows.
func (m *Model) clamp() {
	n := len(m.view)
	m.cursor = min(max(m.cursor, 0), max(n-1, 0))
	h := max(m.bodyHeight(), 1)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = min(max(m.offset, 0), max(n-h, 0))
}

func (m *Model) selectKey(k string) {
	for i, idx := range m.view {
		if m.rows[idx].Key == k {
			m.cursor = i
			return
		}
	}
}

func (m Model) bodyHeight() int { return m.height - 2 }
