package safetext

import (
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ascii unchanged", "alice", "alice"},
		{"hangul unchanged", "김민준", "김민준"},
		{"csi colour", "bob\x1b[31mred", "bob^[[31mred"},
		{"osc title", "x\x1b]0;pwned\x07y", "x^[]0;pwned^Gy"},
		{"clear screen", "\x1b[2J\x1b[H", "^[[2J^[[H"},
		{"c1 csi", "a\u009b31mb", "a<U+009B>31mb"},
		{"bidi override", "abc\u202edef", "abc<U+202E>def"},
		{"newline and tab", "a\nb\tc\r", "a b c "},
		{"del and nul", "a\x7fb\x00", "a^?b^@"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Line(tt.in)
			if got != tt.want {
				t.Fatalf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(got, "\x1b\x07\x00\u009b") {
				t.Fatalf("output %q still holds a control", got)
			}
		})
	}
}

func TestLinesKeepsNewlines(t *testing.T) {
	got := Lines("one\n\x1b[1mtwo")
	if got != "one\n^[[1mtwo" {
		t.Fatalf("got %q", got)
	}
}

func BenchmarkLineInert(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Line("web-01 ubuntu 22.04 10.0.0.1")
	}
}
