package layout

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFit(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"abc", 5, "abc  "},
		{"abcdef", 4, "abc…"},
		{"한글자", 4, "한… "},
		{"\x1b[31mred\x1b[m", 5, "\x1b[31mred\x1b[m  "},
		{"abc", 0, ""},
		{"abc", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Fit(tt.in, tt.w)
			if got != tt.want {
				t.Errorf("Fit(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
			}
			if tt.w > 0 && ansi.StringWidth(got) != tt.w {
				t.Errorf("width %d, want %d", ansi.StringWidth(got), tt.w)
			}
		})
	}
}
