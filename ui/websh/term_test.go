package websh

import (
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// feed writes chunks through the pane's emulator path.
func feed(t *testing.T, cols, rows int, chunks ...string) *terminal {
	t.Helper()
	tm := newTerminal(cols, rows)
	go drain(tm)
	t.Cleanup(tm.closeReplies)
	for _, c := range chunks {
		tm.write([]byte(c))
	}
	tm.flush()
	return tm
}

// rawText is what plain x/vt v0.1.0 shows for the same input.
func rawText(cols, rows int, chunks ...string) string {
	e := vt.NewEmulator(cols, rows)
	go func() {
		b := make([]byte, 256)
		for {
			if _, err := e.Read(b); err != nil {
				return
			}
		}
	}()
	defer e.InputPipe().(interface{ Close() error }).Close()
	for _, c := range chunks {
		_, _ = e.Write([]byte(c))
	}
	return strings.TrimRight(e.String(), "\n")
}

// workaroundCase is an input that plain x/vt gets wrong.
type workaroundCase struct {
	name   string
	chunks []string
	want   string // screen text, as tmux and xterm show it
	rawBad bool   // plain x/vt v0.1.0 is known to differ from want
}

// checkWorkaround asserts the fixed path and that x/vt still needs it, so a
// fixed upgrade is noticed and the workaround can go.
func checkWorkaround(t *testing.T, cases []workaroundCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := feed(t, 10, 3, c.chunks...).text()
			if got != c.want {
				t.Errorf("pane shows %q, want %q", got, c.want)
			}
			raw := rawText(10, 3, c.chunks...)
			if c.rawBad && raw == c.want {
				t.Errorf("x/vt now gets %q right by itself: remove the workaround", c.name)
			}
		})
	}
}

func TestWorkaroundWideMargin(t *testing.T) {
	checkWorkaround(t, []workaroundCase{
		{"wide starts in last column", []string{"123456789中x"}, "123456789\n中x", true},
		{"wide ends in last column", []string{"12345678中x"}, "12345678中\nx", true},
		{"hangul at margin", []string{"abcdefghi한글"}, "abcdefghi\n한글", true},
		{"SGR keeps the pending wrap", []string{"12345678中\x1b[31mx"}, "12345678中\nx", true},
		{"rune split across frames", []string{"12345678\xe4\xb8", "\xadx"}, "12345678中\nx", true},
		{"wide after wide at edge", []string{"12345678中文"}, "12345678中\n文", true},
		{"CR cancels the pending wrap", []string{"12345678中\rX"}, "X2345678中", false},
		// Without DECAWM, x overwrites the last column and blanks the orphaned half (xterm).
		{"no wrap without DECAWM", []string{"\x1b[?7l12345678中x"}, "12345678 x", false},
		{"narrow only", []string{"abc\x1b[1;31mdef\x1b[m"}, "abcdef", false},
	})
}

func TestWorkaroundCSIu(t *testing.T) {
	checkWorkaround(t, []workaroundCase{
		{"CSI s then CSI u", []string{"abc\x1b[s\x1b[2;5HX\x1b[uY"}, "abcY\n    X", true},
		{"split CSI u", []string{"ab\x1b[s\x1b[3;1HZ\x1b[", "uQ"}, "abQ\n\nZ", true},
	})
}

func TestWorkaroundED3(t *testing.T) {
	checkWorkaround(t, []workaroundCase{
		{"ED 3 keeps the screen", []string{"hello\r\nworld\x1b[3J"}, "hello\nworld", true},
		{"ED 2 still clears", []string{"hello\x1b[2J"}, "", false},
	})

	tm := feed(t, 10, 2, "1\r\n2\r\n3\r\n4\r\n")
	if tm.emu.ScrollbackLen() == 0 {
		t.Fatal("no scrollback to clear")
	}
	tm.write([]byte("\x1b[3J"))
	if n := tm.emu.ScrollbackLen(); n != 0 {
		t.Errorf("ED 3 left %d scrollback lines", n)
	}
}

func TestSplitIncompleteRune(t *testing.T) {
	cases := []struct{ in, whole, tail string }{
		{"abc", "abc", ""},
		{"a\xe4\xb8", "a", "\xe4\xb8"},
		{"a\xe4", "a", "\xe4"},
		{"a中", "a中", ""},
		{"\xf0\x9f\x98", "", "\xf0\x9f\x98"},
		{"x\x80", "x\x80", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			w, tail := splitIncompleteRune([]byte(c.in))
			if string(w) != c.whole || string(tail) != c.tail {
				t.Errorf("got %q + %q, want %q + %q", w, tail, c.whole, c.tail)
			}
		})
	}
}

func TestSnapshotRowsExact(t *testing.T) {
	tm := feed(t, 12, 4, "\x1b[31mred\x1b[m 中文\r\n\x1b[48;5;21m  \x1b[m\r\n한국어")
	rows := tm.snapshot(true)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	for i, r := range rows {
		if w := ansi.StringWidthWc(r); w != 12 {
			t.Errorf("row %d is %d cells wide: %q", i, w, r)
		}
	}
	if !strings.Contains(rows[0], "\x1b[31m") || !strings.Contains(rows[1], "48;5;21") {
		t.Errorf("colours lost: %q", rows[:2])
	}
	// The cursor sits after 한국어 on row 2, drawn reversed.
	if c := tm.frame.CellAt(6, 2); c == nil || c.Style.Attrs&uv.AttrReverse == 0 {
		t.Errorf("cursor cell not reversed: %+v", c)
	}
	tm.write([]byte("\x1b[?25l"))
	tm.snapshot(true)
	if c := tm.frame.CellAt(6, 2); c.Style.Attrs&uv.AttrReverse != 0 {
		t.Error("hidden cursor still drawn")
	}
}

// Titles follow safetext.Line, as every other server text does: SGR is
// dropped, other controls and bidi overrides are shown, not obeyed.
func TestInert(t *testing.T) {
	cases := []struct{ in, want string }{
		{"web-01", "web-01"},
		{"a\x1b[31mb\x1b[0m", "ab"},
		{"x\x07y\tz\r\n", "x^Gy z"},
		{"\u202eevil\u202c", "<U+202E>evil<U+202C>"},
		{"c1\u009bX", "c1<U+009B>X"},
		{"서버", "서버"},
		{strings.Repeat("w", 200), strings.Repeat("w", maxTitle) + "…"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := inert(c.in); got != c.want {
				t.Errorf("inert(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
