package table

import "strings"

// haystack is what the local filter matches against: every cell, lower
// case, joined by a separator no query can span.
func haystack(cells []string) string {
	return strings.ToLower(strings.Join(cells, "\x00"))
}

// refilter rebuilds the list of shown rows from the filter text; words of
// the query must all appear, in any column.
func (m *Model) refilter() {
	words := strings.Fields(strings.ToLower(m.filter.Value()))
	m.view = m.view[:0]
	for i, h := range m.hay {
		if matchesAll(h, words) {
			m.view = append(m.view, i)
		}
	}
}

func matchesAll(h string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(h, w) {
			return false
		}
	}
	return true
}
