package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolveOrder(t *testing.T) {
	dir := t.TempDir()
	p := Paths{Own: filepath.Join(dir, "own", "config.json"), CLI: filepath.Join(dir, "cli.json")}

	got, err := Resolve("", "", p)
	if err != nil || got.Usable() {
		t.Fatalf("no files: got %+v, %v; want zero credentials", got, err)
	}

	if err := Save(p.Own, Credentials{WorkspaceURL: "https://own.example", Token: "o"}); err != nil {
		t.Fatal(err)
	}
	got, _ = Resolve("", "", p)
	if got.WorkspaceURL != "https://own.example" || got.Token != "o" {
		t.Fatalf("own file: got %+v", got)
	}

	cli := `{"workspace_url": "https://ws.ap1.alpacon.io", "workspace_name": "ws", "token": "c"}`
	if err := os.WriteFile(p.CLI, []byte(cli), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _ = Resolve("", "", p)
	if got.WorkspaceURL != "https://ws.ap1.alpacon.io" || got.Token != "c" {
		t.Fatalf("CLI file should win over own: got %+v", got)
	}

	got, _ = Resolve("http://127.0.0.1:9", "f", p)
	if got.WorkspaceURL != "http://127.0.0.1:9" || got.Token != "f" || got.Source != "flags" {
		t.Fatalf("flags should win: got %+v", got)
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
