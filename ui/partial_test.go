package ui

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"alpacon-tui/model"
)

// userDetail matches GET /api/iam/users/<id>/ but neither the list nor the
// signed-in user.
func userDetail(r *http.Request) bool {
	p := r.URL.Path
	return strings.HasPrefix(p, "/api/iam/users/") && p != "/api/iam/users/" &&
		p != "/api/iam/users/-/"
}

func detailValue(h *harness, key string) string {
	for _, f := range h.m.detail.Fields() {
		if f.Key == key {
			return f.Value
		}
	}
	return ""
}

// A detail view whose full record failed to load says so, r retries, and
// the edit form is never filled from the list row.
func TestDetailMarksAPartialRecord(t *testing.T) {
	srv := startDemo(t)
	c, faults := faultyClient(t, srv)
	h := newHarness(t, New(c, Options{StartView: ViewUsers}), 100, 30)
	h.idle()
	h.keys("/", "alice", "enter")
	row := h.m.selected(ViewUsers).(model.User)
	full, err := newClient(t, srv.URL(), srv.Token()).GetUser(context.Background(), row.ID)
	if err != nil || full.Shell == "" || row.Shell != "" {
		t.Fatalf("want a shell only in the detail answer: %v %q %q", err, full.Shell, row.Shell)
	}
	faults.setRule(userDetail)

	t.Run("e on the list opens no form", func(t *testing.T) {
		h.keys("e")
		h.idle()
		if h.m.screen != screenList || !strings.Contains(h.m.status.text, "edit form not opened") {
			t.Fatalf("screen %v status %q", h.m.screen, h.m.status.text)
		}
	})
	t.Run("the detail says it is partial", func(t *testing.T) {
		h.keys("enter")
		h.idle()
		v := h.m.View()
		if !strings.Contains(v, "could not load the full record") ||
			!strings.Contains(v, "HTTP 500") || !strings.Contains(v, "r retries") {
			t.Fatalf("no partial-record notice:\n%s", v)
		}
	})
	t.Run("e on the partial detail opens no form", func(t *testing.T) {
		h.keys("e")
		h.idle()
		if h.m.screen != screenDetail || !strings.Contains(h.m.detail.Notice(), "full record") {
			t.Fatalf("screen %v:\n%s", h.m.screen, h.m.View())
		}
	})
	faults.setRule(nil)
	t.Run("r loads the full record", func(t *testing.T) {
		h.keys("r")
		h.idle()
		if h.m.detail.Notice() != "" || detailValue(h, "shell") != full.Shell {
			t.Fatalf("notice %q shell %q:\n%s", h.m.detail.Notice(), detailValue(h, "shell"),
				h.m.View())
		}
	})
	t.Run("e now opens the form at once, shell filled", func(t *testing.T) {
		req := h.m.nextReq
		h.keys("e")
		if h.m.screen != screenForm || h.m.nextReq != req || h.m.form.Edit().Shell != full.Shell {
			t.Fatalf("screen %v shell %q", h.m.screen, h.m.form.Edit().Shell)
		}
	})
}

// An edit fetch that completes after the user moved on opens no form.
func TestEditFormWaitsForTheUserToStay(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{StartView: ViewUsers}),
		100, 30)
	h.idle()
	h.keys("e", "1")
	h.idle()
	if h.m.screen != screenList || h.m.view != ViewServers {
		t.Fatalf("the form opened over the servers list:\n%s", h.m.View())
	}
	if !strings.Contains(h.m.status.text, "not opened: you moved on") {
		t.Fatalf("status %q", h.m.status.text)
	}
}
