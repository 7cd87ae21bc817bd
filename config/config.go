package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Credentials are what a client needs to talk to one workspace.
type Credentials struct {
	WorkspaceURL string     `json:"workspace_url"`
	Token        string     `json:"token,omitempty"`
	AccessToken  string     `json:"access_token,omitempty"`
	ExpiresAt    *time.Time `json:"expires_at,omitempty"`
	Insecure     bool       `json:"insecure,omitempty"`
	// Source says where the credentials came from, for messages and `info`.
	Source string `json:"-"`
}

// Usable reports whether the credentials hold a workspace and a secret.
func (c Credentials) Usable() bool {
	return c.WorkspaceURL != "" && (c.Token != "" || c.AccessToken != "")
}

// Paths are the files the TUI reads and writes.
type Paths struct {
	Own string // alpacon-tui's config file
	CLI string // the official CLI's config file
	Log string // the debug log
}

// DefaultPaths resolves the files from the environment: XDG_CONFIG_HOME
// (else ~/.config), XDG_STATE_HOME (else ~/.local/state) and the home folder.
func DefaultPaths() (Paths, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return Paths{}, fmt.Errorf("config: no home folder: %w", err)
	}
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" || !filepath.IsAbs(cfg) {
		cfg = filepath.Join(home, ".config")
	}
	state := os.Getenv("XDG_STATE_HOME")
	if state == "" || !filepath.IsAbs(state) {
		state = filepath.Join(home, ".local", "state")
	}
	return Paths{
		Own: filepath.Join(cfg, "alpacon-tui", "config.json"),
		CLI: filepath.Join(home, ".alpacon", "config.json"),
		Log: filepath.Join(state, "alpacon-tui", "debug.log"),
	}, nil
}

// LoadCLI reads the official CLI's config. A missing file is not an error:
// it returns zero credentials.
func LoadCLI(path string) (Credentials, error) {
	return load(path, "alpacon CLI config "+path)
}

// LoadOwn reads alpacon-tui's own config; a missing file gives zero credentials.
func LoadOwn(path string) (Credentials, error) {
	return load(path, path)
}

func load(path, source string) (Credentials, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Credentials{}, nil
	}
	if err != nil {
		return Credentials{}, fmt.Errorf("config: %w", err)
	}
	var c Credentials
	if err := json.Unmarshal(b, &c); err != nil {
		return Credentials{}, fmt.Errorf("config: %s is not valid JSON: %w", path, err)
	}
	c.Source = source
	return c, nil
}

// Save writes c to path with mode 0600 in a 0700 folder. It writes a
// temporary file and renames it, so a crash never leaves half a token.
func Save(path string, c Credentials) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	b, err := json.MarshalIndent(c, "", "    ")
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".config-*.json")
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("config: %w", err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("config: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}
