package table

import (
	"fmt"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"alpacon-tui/keymap"
	"alpacon-tui/ui/theme"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testCols = []Column{
	{Title: "NAME", Width: 10, Priority: 10, Grow: true},
	{Title: "STATE", Width: 6, Priority: 9},
	{Title: "OS", Width: 12, Priority: 5},
	{Title: "NOTE", Width: 20, Priority: 1},
}

func newTable(n int) Model {
	m := New(testCols, keymap.DefaultKeyMap(), theme.DefaultStyles().Table)
	m.SetSize(60, 10)
	m.SetRows(makeRows(n))
	return m
}

func makeRows(n int) []Row {
	rows := make([]Row, n)
	for i := range rows {
		rows[i] = Row{Key: fmt.Sprint(i), Cells: []string{
			fmt.Sprintf("srv-%05d", i), "up", "ubuntu 22.04", "note " + fmt.Sprint(i%7),
		}}
	}
	return rows
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "pgdown":
			msg = tea.KeyMsg{Type: tea.KeyPgDown}
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		m, _ = m.Update(msg)
	}
	return m
}

func TestCursorMoves(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want int
	}{
		{"down twice", []string{"j", "down"}, 2},
		{"up at top stays", []string{"k", "up"}, 0},
		{"bottom", []string{"G"}, 49},
		{"bottom then top", []string{"G", "g"}, 0},
		{"page down is one window", []string{"pgdown"}, 8},
		{"past the end clamps", []string{"G", "j", "j"}, 49},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := press(newTable(50), tt.keys...)
			if m.Cursor() != tt.want {
				t.Fatalf("cursor %d, want %d", m.Cursor(), tt.want)
			}
			if !strings.Contains(m.View(), fmt.Sprintf("› srv-%05d", tt.want)) {
				t.Fatalf("cursor row not drawn:\n%s", m.View())
			}
		})
	}
}

func TestCursorStaysValidWhenRowsShrink(t *testing.T) {
	tests := []struct {
		name       string
		newLen     int
		wantCursor int
		wantOK     bool
	}{
		{"shrinks below cursor", 5, 4, true},
		{"becomes empty", 0, 0, false},
		{"grows again", 100, 40, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := press(newTable(50), "G")
			m = press(m, "k", "k", "k", "k", "k", "k", "k", "k", "k")
			m.SetRows(makeRows(tt.newLen))
			if m.Cursor() != tt.wantCursor {
				t.Fatalf("cursor %d, want %d", m.Cursor(), tt.wantCursor)
			}
			if _, ok := m.SelectedRow(); ok != tt.wantOK {
				t.Fatalf("selected ok = %v", ok)
			}
			out := m.View()
			if got := strings.Count(out, "\n") + 1; got != 10 {
				t.Fatalf("view is %d lines, want 10", got)
			}
			m = press(m, "j", "k", "G", "g")
			if tt.newLen == 0 && !strings.Contains(out, "no rows") {
				t.Fatalf("empty table should say so:\n%s", out)
			}
		})
	}
}

func TestSelectionFollowsKeyOnReload(t *testing.T) {
	m := press(newTable(20), "j", "j", "j")
	rows := makeRows(20)
	rows = append(rows[:1], rows[2:]...)
	m.SetRows(rows)
	r, _ := m.SelectedRow()
	if r.Key != "3" || m.Cursor() != 2 {
		t.Fatalf("selected %q at %d, want key 3 at 2", r.Key, m.Cursor())
	}
}

func TestColumnsDropByPriority(t *testing.T) {
	tests := []struct {
		width  int
		titles []string
		hidden int
	}{
		{80, []string{"NAME", "STATE", "OS", "NOTE"}, 0},
		{40, []string{"NAME", "STATE", "OS"}, 1},
		{22, []string{"NAME", "STATE"}, 2},
		{12, []string{"NAME"}, 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.width), func(t *testing.T) {
			m := newTable(3)
			m.SetSize(tt.width, 6)
			header := strings.SplitN(m.View(), "\n", 2)[0]
			if got := strings.Fields(header); strings.Join(got, " ") != strings.Join(tt.titles, " ") {
				t.Fatalf("header %q, want %v", header, tt.titles)
			}
			if m.Hidden() != tt.hidden {
				t.Fatalf("hidden %d, want %d", m.Hidden(), tt.hidden)
			}
			for _, l := range strings.Split(m.View(), "\n") {
				if w := lipgloss.Width(l); w != tt.width {
					t.Fatalf("line %q is %d wide, want %d", l, w, tt.width)
				}
			}
		})
	}
}

// The first column names the row; a narrow terminal keeps it, cut to fit,
// rather than showing only a column that happens to be narrower.
func TestFirstColumnIsAlwaysKept(t *testing.T) {
	cols := []Column{
		{Title: "NAME", Width: 14, Priority: 10, Grow: true},
		{Title: "OWNER", Width: 8, Priority: 5},
		{Title: "LOAD", Width: 4, Priority: 2},
	}
	tests := []struct {
		width int
		head  string
	}{
		{30, "NAME OWNER LOAD"}, {20, "NAME"}, {12, "NAME"}, {10, "NAME"},
		{5, "NA…"}, {3, "…"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.width), func(t *testing.T) {
			m := New(cols, keymap.DefaultKeyMap(), theme.DefaultStyles().Table)
			m.SetSize(tt.width, 5)
			m.SetRows([]Row{{Key: "a", Cells: []string{"api-01", "Bob", "0.9"}}})
			lines := strings.Split(m.View(), "\n")
			if got := strings.Join(strings.Fields(lines[0]), " "); got != tt.head {
				t.Fatalf("header %q, want %q", lines[0], tt.head)
			}
			for _, l := range lines {
				if w := lipgloss.Width(l); w != tt.width {
					t.Fatalf("line %q is %d wide, want %d", l, w, tt.width)
				}
			}
		})
	}
}

func TestFilter(t *testing.T) {
	m := press(newTable(30), "/", "-", "0", "0", "0", "0", "2")
	if !m.Filtering() || m.Len() != 1 {
		t.Fatalf("filtering=%v len=%d, want one row", m.Filtering(), m.Len())
	}
	m = press(m, "enter")
	if m.Filtering() || m.FilterText() != "-00002" || m.Len() != 1 {
		t.Fatalf("enter should keep the filter: %q %d", m.FilterText(), m.Len())
	}
	if r, _ := m.SelectedRow(); r.Key != "2" || m.SelectedIndex() != 2 {
		t.Fatalf("selected %q", r.Key)
	}
	m = press(m, "esc")
	if m.Len() != 30 {
		t.Fatalf("esc should clear the filter, len %d", m.Len())
	}
	m = press(m, "/", "z", "z", "z")
	if m.Len() != 0 || m.Cursor() != 0 {
		t.Fatalf("no match should leave an empty, valid table: %d %d", m.Len(), m.Cursor())
	}
	m = press(m, "esc")
	if m.Filtering() || m.Len() != 30 {
		t.Fatal("esc while typing should clear and leave the filter")
	}
}

func TestCellsAreInert(t *testing.T) {
	m := newTable(0)
	m.SetRows([]Row{{Key: "x", Cells: []string{"evil\x1b]0;t\x07\x1b[2J"}}})
	if v := m.View(); strings.ContainsAny(v, "\x1b\x07") {
		t.Fatalf("escape reached the view: %q", v)
	}
}

func TestTinySizes(t *testing.T) {
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {1, 2}, {3, 3}} {
		t.Run(fmt.Sprint(sz), func(t *testing.T) {
			m := newTable(5)
			m.SetSize(sz[0], sz[1])
			m = press(m, "j", "G", "pgdown")
			v := m.View()
			if v == "" {
				return
			}
			lines := strings.Split(v, "\n")
			if len(lines) > sz[1] {
				t.Errorf("%d lines in a %d-line table", len(lines), sz[1])
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > sz[0] {
					t.Errorf("line %q is wider than %d", l, sz[0])
				}
			}
			if c := m.Cursor(); c < 0 || c >= 5 {
				t.Errorf("cursor %d outside the 5 rows", c)
			}
		})
	}
}

func BenchmarkViewAndMove10k(b *testing.B) {
	m := newTable(10000)
	m.SetSize(100, 30)
	down := tea.KeyMsg{Type: tea.KeyDown}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, _ = m.Update(down)
		_ = m.View()
	}
}
