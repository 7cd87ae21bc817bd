package websh

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// checkGolden compares got with testdata/<test name>.golden.
func checkGolden(t *testing.T, got string) {
	t.Helper()
	path := filepath.Join("testdata", strings.ReplaceAll(t.Name(), "/", "_")+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("View differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestViewGolden(t *testing.T) {
	prev := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(prev) })

	d, _, _ := openPane(t, 40, 8, bashScript)
	d.untilScreen("$")
	d.typeLine("echo golden")
	d.until("the second prompt", func() bool { return d.screen() == "$ echo golden\ngolden\n$" })
	checkGolden(t, d.p.View())

	d.p.Blur()
	t.Run("blurred", func(t *testing.T) { checkGolden(t, d.p.View()) })
}
