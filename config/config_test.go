package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadBoth(t *testing.T) {
	dir := t.TempDir()
	p := Paths{Own: filepath.Join(dir, "own", "config.json"), CLI: filepath.Join(dir, "cli.json")}

	for name, load := range map[string]func(string) (Credentials, error){
		"CLI": LoadCLI, "own": LoadOwn,
	} {
		got, err := load(filepath.Join(dir, "missing.json"))
		if err != nil || got.Usable() {
			t.Fatalf("%s, missing file: got %+v, %v; want zero credentials", name, got, err)
		}
	}

	cli := `{"workspace_url": "https://ws.ap1.alpacon.io", "workspace_name": "ws", "token": "c"}`
	if err := os.WriteFile(p.CLI, []byte(cli), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := LoadCLI(p.CLI)
	if err != nil || got.WorkspaceURL != "https://ws.ap1.alpacon.io" || got.Token != "c" ||
		!got.Usable() || !strings.Contains(got.Source, p.CLI) {
		t.Fatalf("CLI file: got %+v, %v", got, err)
	}

	urlOnly := `{"workspace_url": "https://ws.ap1.alpacon.io"}`
	if err := os.WriteFile(p.CLI, []byte(urlOnly), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := LoadCLI(p.CLI); err != nil || got.Usable() {
		t.Fatalf("a file without a token must not be usable: %+v, %v", got, err)
	}
}

func TestSaveMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "config.json")
	if err := Save(path, Credentials{WorkspaceURL: "u", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v, want 0700", di.Mode().Perm())
	}
	got, err := LoadOwn(path)
	if err != nil || got.Token != "t" {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
}

func TestLoadBadJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.json")
	os.WriteFile(path, []byte("{nope"), 0o600)
	if _, err := LoadCLI(path); err == nil {
		t.Fatal("want an error for a broken file")
	}
}
