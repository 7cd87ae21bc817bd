package signin

import (
	"context"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"alpacon-tui/client"
	"alpacon-tui/demo"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// loginTo signs in against a real demo server, as main.go does.
func loginTo(ctx context.Context, url, user, pass string) (Result, error) {
	c, err := client.New(url)
	if err != nil {
		return Result{}, err
	}
	res, err := c.Login(ctx, user, pass)
	if err != nil {
		return Result{}, err
	}
	return Result{URL: c.BaseURL(), Token: res.Token}, nil
}

// run feeds keys to the form and, after enter, runs the login Cmd it may
// return (other keys return cursor-blink Cmds, which only wait).
func run(m Model, keys ...tea.KeyMsg) Model {
	for _, k := range keys {
		next, cmd := m.Update(k)
		m = next.(Model)
		if cmd == nil || k.Type != tea.KeyEnter {
			continue
		}
		if msg, ok := cmd().(loginMsg); ok {
			next, _ = m.Update(msg)
			m = next.(Model)
		}
	}
	return m
}

func typed(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var enter = tea.KeyMsg{Type: tea.KeyEnter}

func TestSignIn(t *testing.T) {
	srv, err := demo.Start(demo.Options{Addr: "127.0.0.1:0", Faults: "none"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })

	t.Run("empty fields are required before any request", func(t *testing.T) {
		m := run(New(srv.URL(), loginTo), enter, enter)
		if got := strings.Count(m.View(), "This field is required."); got != 2 {
			t.Fatalf("want the two empty fields marked, got %d:\n%s", got, m.View())
		}
		if m.Done() {
			t.Fatal("the form ended without credentials")
		}
	})
	t.Run("wrong password shows the server's message and keeps the input", func(t *testing.T) {
		m := run(New(srv.URL(), loginTo), typed("alice"), enter, typed("nope"), enter)
		v := m.View()
		if !strings.Contains(v, "Login credentials are incorrect.") || m.Done() {
			t.Fatalf("no credentials error:\n%s", v)
		}
		if !strings.Contains(v, "alice") || m.inputs[fieldPass].Value() != "nope" {
			t.Fatalf("typed values lost:\n%s", v)
		}
	})
	t.Run("right password ends with a token", func(t *testing.T) {
		m := run(New("", loginTo), typed(srv.URL()), enter, typed("alice"), enter,
			typed(demo.SeedPassword), enter)
		if !m.Done() || len(m.Result().Token) < 32 || m.Result().URL != srv.URL() {
			t.Fatalf("result %+v, done %v; view:\n%s", m.Result(), m.Done(), m.View())
		}
	})
	t.Run("a bad URL is refused with the client's reason", func(t *testing.T) {
		m := run(New("ftp://x", loginTo), typed("alice"), enter, typed("pw"), enter)
		if !strings.Contains(m.View(), "ftp") || m.Done() {
			t.Fatalf("no URL error:\n%s", m.View())
		}
	})
	t.Run("the password is never drawn", func(t *testing.T) {
		m := run(New(srv.URL(), loginTo), typed("alice"), enter, typed("s3cret"))
		if strings.Contains(m.View(), "s3cret") {
			t.Fatalf("password shown:\n%s", m.View())
		}
	})
}
