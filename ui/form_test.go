package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"alpacon-tui/client"
	"alpacon-tui/model"
)

// editUser opens the form of username from the users list.
func editUser(t *testing.T, c *client.Client, username string) *harness {
	t.Helper()
	h := newHarness(t, New(c, Options{StartView: ViewUsers}), 100, 30)
	h.idle()
	h.keys("/", username, "enter")
	row, ok := h.m.tables[ViewUsers].SelectedRow()
	if !ok || row.Cells[0] != username {
		t.Fatalf("filter did not select %s: %+v", username, row)
	}
	h.keys("e")
	h.idle()
	if h.m.screen != screenForm {
		t.Fatalf("e did not open the form:\n%s", h.m.View())
	}
	return h
}

func findUser(t *testing.T, c *client.Client, username string) model.User {
	t.Helper()
	users, err := client.Walk(context.Background(), c.ListUsers, client.ListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Username == username {
			return u
		}
	}
	t.Fatalf("no user %s", username)
	return model.User{}
}

func TestUserFormInlineFieldError(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	before := findUser(t, c, "bob")
	h := editUser(t, c, "bob")
	h.save("tab", "tab", "ctrl+u", "not-an-email", "tab", "ctrl+s")
	v := h.m.View()
	if !strings.Contains(v, "✗ Enter a valid email address.") || !strings.Contains(v, "! Email") {
		t.Fatalf("no inline error:\n%s", v)
	}
	if h.m.form.Focused() != "email" || h.m.form.Edit().Email != "not-an-email" {
		t.Fatalf("focus %q value %q", h.m.form.Focused(), h.m.form.Edit().Email)
	}
	if after := findUser(t, c, "bob"); after.Email != before.Email {
		t.Fatalf("the server stored %q", after.Email)
	}
	golden.RequireEqual(t, screenText(h.m))
}

func TestUserFormNonFieldError(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := editUser(t, c, "alice")
	h.save("shift+tab", "shift+tab", "space", "ctrl+s")
	if !strings.Contains(h.m.View(), "There should be at least a superuser in the system.") {
		t.Fatalf("no non-field error:\n%s", h.m.View())
	}
	if !findUser(t, c, "alice").IsSuperuser {
		t.Fatal("alice lost superuser")
	}
	golden.RequireEqual(t, screenText(h.m))
}

func TestUserFormSaves(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := editUser(t, c, "carol")
	h.save("ctrl+u", "Caroline", "shift+tab", "enter")
	if h.m.screen != screenDetail || !strings.Contains(h.m.View(), "saved carol") {
		t.Fatalf("no detail after save:\n%s", h.m.View())
	}
	if !strings.Contains(h.m.View(), "Caroline") {
		t.Fatalf("detail lacks the new name:\n%s", h.m.View())
	}
	if got := findUser(t, c, "carol").FirstName; got != "Caroline" {
		t.Fatalf("server has first name %q", got)
	}
	h.keys("esc")
	if !strings.Contains(h.m.View(), "Caroline") {
		t.Fatalf("list not updated:\n%s", h.m.View())
	}
}

func TestUserFormNothingToSave(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := editUser(t, c, "bob")
	req := h.m.nextReq
	h.keys("ctrl+s")
	if h.m.nextReq != req || h.m.form.Saving() {
		t.Fatal("an unchanged form sent a request")
	}
	if !strings.Contains(h.m.View(), "nothing to save") {
		t.Fatalf("no notice:\n%s", h.m.View())
	}
	h.keys("esc")
	h.waitFor("esc to cancel", func() bool { return h.m.screen == screenList })
}

func TestUserFormPermissionDenied(t *testing.T) {
	srv := startDemo(t)
	plain := plainUser(t, srv)
	c := newClient(t, srv.URL(), srv.TokenFor(plain))
	h := editUser(t, c, "bob")
	h.save("x", "ctrl+s")
	v := h.m.View()
	if !strings.Contains(v, "permission") || h.m.screen != screenForm {
		t.Fatalf("no permission message:\n%s", v)
	}
	if h.m.form.Edit().FirstName == findUser(t, c, "bob").FirstName {
		t.Fatal("typed value lost or saved")
	}
}

// plainUser returns a seeded user that is neither staff nor superuser.
func plainUser(t *testing.T, srv interface {
	Token() string
	URL() string
}) string {
	t.Helper()
	c := newClient(t, srv.URL(), srv.Token())
	users, err := client.Walk(context.Background(), c.ListUsers, client.ListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if !u.IsStaff && !u.IsSuperuser && u.IsActive {
			return u.Username
		}
	}
	t.Fatal("no plain user seeded")
	return ""
}

// A saved name shows in the other lists (the servers' owner column) when
// they are next shown; a list nothing changed is not reloaded.
func TestSaveMarksOtherListsStale(t *testing.T) {
	srv := startDemo(t)
	c := newClient(t, srv.URL(), srv.Token())
	h := newHarness(t, New(c, Options{}), 120, 30)
	h.idle()
	if !strings.Contains(h.m.View(), "Bob Lee") {
		t.Fatalf("no owner Bob Lee:\n%s", h.m.View())
	}
	h.keys("2")
	h.idle()
	h.keys("1", "2")
	if h.m.nextReq != h.m.reqs[ViewUsers] {
		t.Fatal("switching views reloaded a list that was not stale")
	}
	h.keys("/", "bob", "enter", "e")
	h.idle()
	h.save("ctrl+u", "Robert", "ctrl+s")
	if h.m.screen != screenDetail {
		t.Fatalf("save failed:\n%s", h.m.View())
	}
	h.keys("1")
	h.idle()
	if v := h.m.View(); !strings.Contains(v, "Robert Lee") || strings.Contains(v, "Bob Lee") {
		t.Fatalf("servers list not reloaded after the save:\n%s", v)
	}
}
