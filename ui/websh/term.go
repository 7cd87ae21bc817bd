package websh

import (
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// scrollbackLines bounds the main screen's scrollback. x/vt keeps 10,000
// lines of 112-byte cells by default, which costs over 100 MiB per pane.
const scrollbackLines = 2000

// terminal wraps the x/vt emulator with the workarounds for x/vt v0.1.0
// (libs.md §2a.5). Only one goroutine (the pane's reader) may call write;
// snapshot, resize and the accessors are safe from any goroutine.
type terminal struct {
	emu *vt.SafeEmulator

	// Modes the remote toggles; read by the UI goroutine to encode keys.
	appCursor atomic.Bool
	bracketed atomic.Bool

	titleMu sync.Mutex
	title   string

	// Owned by the writing goroutine: the wide-char margin workaround.
	autowrap bool
	atEdge   bool
	state    byte
	carry    []byte

	// Owned by the rendering goroutine.
	frame uv.ScreenBuffer
}

// newTerminal returns an emulator of cols x rows (each at least 1).
func newTerminal(cols, rows int) *terminal {
	t := &terminal{emu: vt.NewSafeEmulator(max(cols, 1), max(rows, 1)), autowrap: true}
	t.emu.SetScrollbackSize(scrollbackLines)
	t.emu.SetCallbacks(vt.Callbacks{
		Title:       t.setTitle,
		EnableMode:  func(m ansi.Mode) { t.setMode(m, true) },
		DisableMode: func(m ansi.Mode) { t.setMode(m, false) },
	})
	t.registerWorkarounds()
	return t
}

// registerWorkarounds installs handlers for what x/vt v0.1.0 gets wrong.
// Handlers run inside Write, where SafeEmulator already holds its lock, so
// they use the inner emulator.
func (t *terminal) registerWorkarounds() {
	inner := t.emu.Emulator

	// Limitation: x/vt v0.1.0 lacks CSI u (SCORC); map it to DECRC
	// (remove when TestWorkaroundCSIu reports that x/vt restores on its own).
	inner.RegisterCsiHandler('u', func(ansi.Params) bool {
		_, _ = inner.WriteString("\x1b8")
		return true
	})

	// Limitation: x/vt v0.1.0 blanks the visible screen on ED 3; xterm only
	// drops the scrollback (remove when TestWorkaroundED3 sees x/vt keep it).
	inner.RegisterCsiHandler('J', func(p ansi.Params) bool {
		if n, _, _ := p.Param(0, 0); n != 3 {
			return false
		}
		if !inner.IsAltScreen() {
			inner.ClearScrollback()
		}
		return true
	})
}

// setMode tracks the modes that change how keys and wide chars are handled.
func (t *terminal) setMode(m ansi.Mode, on bool) {
	switch m {
	case ansi.ModeCursorKeys:
		t.appCursor.Store(on)
	case ansi.ModeBracketedPaste:
		t.bracketed.Store(on)
	case ansi.ModeAutoWrap:
		t.autowrap = on
	}
}

func (t *terminal) setTitle(s string) {
	t.titleMu.Lock()
	t.title = s
	t.titleMu.Unlock()
}

// Title is the last window title the remote set (raw, not yet sanitised).
func (t *terminal) Title() string {
	t.titleMu.Lock()
	defer t.titleMu.Unlock()
	return t.title
}

// reader is the emulator's reply side: answers to DA/DSR queries and the
// like. It must be drained at all times or Write blocks (pitfall 1).
func (t *terminal) reader() io.Reader { return t.emu }

// closeReplies ends the reply pipe so the draining goroutine returns. The
// pipe is closed directly because Emulator.Close writes an unguarded flag
// that Read checks, which the race detector rightly reports.
func (t *terminal) closeReplies() {
	if c, ok := t.emu.InputPipe().(io.Closer); ok {
		_ = c.Close()
	}
}

// resize sets the emulator to cols x rows, clamped to at least 1x1.
func (t *terminal) resize(cols, rows int) {
	t.emu.Resize(max(cols, 1), max(rows, 1))
}

// flush writes out bytes held back by write (an incomplete UTF-8 tail).
func (t *terminal) flush() {
	if len(t.carry) > 0 {
		_, _ = t.emu.Write(t.carry)
		t.carry = nil
	}
}

// write feeds remote output to the emulator.
//
// Limitation: x/vt v0.1.0 drops a wide char that starts in the last column
// and lets the next char clobber one that ends there; write breaks the line
// itself around such chars (remove when TestWorkaroundWideMargin sees x/vt
// wrap correctly on its own).
func (t *terminal) write(p []byte) {
	if len(t.carry) > 0 {
		p = append(t.carry, p...)
		t.carry = nil
	}
	p, t.carry = splitIncompleteRune(p)
	if !t.atEdge && !hasWideLead(p) {
		_, _ = t.emu.Write(p)
		return
	}
	t.writeWide(p)
}

// writeWide is the slow path of write: it walks the chunk one sequence or
// grapheme at a time and wraps wide graphemes by hand.
func (t *terminal) writeWide(p []byte) {
	start := 0
	out := func(end int) {
		if end > start {
			_, _ = t.emu.Write(p[start:end])
		}
		start = end
	}
	for i := 0; i < len(p); {
		seq, width, n, ns := ansi.DecodeSequenceWc(p[i:], t.state, nil)
		if n <= 0 {
			// The decoder returns 0 on an invalid sequence resumed from
			// the previous chunk; skip one byte so the loop always ends.
			n, ns = 1, ansi.NormalState
		}
		t.state = ns
		switch {
		case width >= 2 || width > 0 && t.atEdge:
			// Flush first: the bytes before may change the modes.
			out(i)
			if t.atEdge && t.autowrap {
				_, _ = t.emu.Write([]byte("\r\n"))
			}
			t.atEdge = false
			if width >= 2 && t.autowrap {
				t.writeWideGrapheme(seq, width)
				start = i + n
			}
		case width == 0 && t.atEdge && !isSGR(seq):
			// Any control but SGR cancels the pending wrap.
			t.atEdge = false
		}
		i += n
	}
	out(len(p))
}

// writeWideGrapheme writes one wide grapheme, wrapping first if it does not
// fit, and notes whether it filled the line.
func (t *terminal) writeWideGrapheme(seq []byte, width int) {
	w := t.emu.Width()
	if t.emu.CursorPosition().X+width > w {
		_, _ = t.emu.Write([]byte("\r\n"))
	}
	x0 := t.emu.CursorPosition().X
	_, _ = t.emu.Write(seq)
	t.atEdge = x0+width == w
}

// hasWideLead reports whether p may hold a wide char: every code point of
// East Asian width W starts at U+1100 or above, so its lead byte is >= 0xE1.
func hasWideLead(p []byte) bool {
	for _, b := range p {
		if b >= 0xE1 {
			return true
		}
	}
	return false
}

// isSGR reports whether seq is a CSI ... m sequence.
func isSGR(seq []byte) bool {
	return len(seq) > 2 && seq[len(seq)-1] == 'm' && ansi.HasCsiPrefix(seq)
}

// splitIncompleteRune cuts a UTF-8 sequence that the chunk ends in the middle
// of, so the scanner sees whole runes.
func splitIncompleteRune(p []byte) (whole, tail []byte) {
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax; i-- {
		if !utf8.RuneStart(p[i]) {
			continue
		}
		if p[i] >= 0xC0 && !utf8.FullRune(p[i:]) {
			return p[:i], append([]byte(nil), p[i:]...)
		}
		break
	}
	return p, nil
}

// size reports the emulator's columns and rows.
func (t *terminal) size() (cols, rows int) { return t.emu.Width(), t.emu.Height() }

// snapshot renders the screen as one SGR-styled string per row, each exactly
// the emulator's width wide. With cursor set, the cursor cell is drawn in
// reverse video when the remote has not hidden it. Only one goroutine (the
// UI's View) may call it: it reuses one frame buffer.
func (t *terminal) snapshot(cursor bool) []string {
	cols, rows := t.size()
	if t.frame.RenderBuffer == nil || t.frame.Width() != cols || t.frame.Height() != rows {
		t.frame = uv.NewScreenBuffer(cols, rows)
	}
	t.emu.Draw(t.frame, t.frame.Bounds())
	if cursor && !t.emu.CursorHidden() {
		t.markCursor(t.emu.CursorPosition())
	}
	lines := make([]string, rows)
	for y := range rows {
		line := t.frame.Line(y)
		s := line.Render()
		lines[y] = s + spaces(cols-ansi.StringWidthWc(s))
	}
	return lines
}

// markCursor flips reverse video on the cell under the cursor.
func (t *terminal) markCursor(pos uv.Position) {
	x, y := pos.X, pos.Y
	c := t.frame.CellAt(x, y)
	if c != nil && c.IsZero() && x > 0 {
		// The right half of a wide char: mark the char itself.
		x--
		c = t.frame.CellAt(x, y)
	}
	if c == nil {
		return
	}
	mc := c.Clone()
	if mc.Content == "" {
		mc.Content, mc.Width = " ", 1
	}
	mc.Style.Attrs ^= uv.AttrReverse
	t.frame.SetCell(x, y, mc)
}

// spaces returns n blanks (none for n <= 0).
func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// text is the screen as plain text with trailing blanks trimmed. It draws
// through the locked Draw: SafeEmulator leaves String unguarded.
func (t *terminal) text() string {
	cols, rows := t.size()
	buf := uv.NewScreenBuffer(cols, rows)
	t.emu.Draw(buf, buf.Bounds())
	return strings.TrimRight(uv.TrimSpace(buf.String()), "\n")
}
