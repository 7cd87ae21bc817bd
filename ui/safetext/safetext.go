// Package safetext makes text from the server inert before it is drawn: a
// user name or server description carrying ESC, CSI or OSC sequences must
// not move the cursor, retitle the terminal or change colours.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Line returns s safe to draw on one line. C0 controls, DEL and ESC show in
// caret notation (ESC becomes "^["), C1 controls and bidi overrides as
// <U+XXXX>, invalid UTF-8 as U+FFFD; tabs and newlines become spaces.
func Line(s string) string { return clean(s, false) }

// Lines is Line but keeps newlines, for multi-line values such as notes.
func Lines(s string) string { return clean(s, true) }

func clean(s string, keepNL bool) string {
	if isInert(s, keepNL) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		writeRune(&b, r, keepNL)
		i += n
	}
	return b.String()
}

func writeRune(b *strings.Builder, r rune, keepNL bool) {
	switch {
	case r == '\n' && keepNL:
		b.WriteByte('\n')
	case r == '\t' || r == '\n' || r == '\r':
		b.WriteByte(' ')
	case r < 0x20:
		b.WriteByte('^')
		b.WriteByte(byte(r) + '@')
	case r == 0x7f:
		b.WriteString("^?")
	case unsafeRune(r):
		fmt.Fprintf(b, "<U+%04X>", r)
	default:
		b.WriteRune(r)
	}
}

// isInert is the fast path: most server strings need no change.
func isInert(s string, keepNL bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && !(keepNL && c == '\n') || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			return inertTail(s[i:])
		}
	}
	return true
}

func inertTail(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError || unsafeRune(r) {
			return false
		}
	}
	return true
}

// unsafeRune reports C1 controls (0x9b is a one-byte CSI on some terminals)
// and the bidi controls that can make text read differently than it is.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
