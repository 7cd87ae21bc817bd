package ui

import (
	"strings"
	"testing"
)

// The signed-in user request counts as a request like any other, so
// waiting for idle also waits for the header.
func TestIdleWaitsForTheSignedInUser(t *testing.T) {
	srv := startDemo(t)
	h := newHarness(t, New(newClient(t, srv.URL(), srv.Token()), Options{}), 100, 30)
	if len(h.m.pending) != 2 {
		t.Fatalf("%d requests pending at start, want the list and the user", len(h.m.pending))
	}
	h.idle()
	if !strings.Contains(h.m.View(), "signed in as alice") {
		t.Fatalf("idle before the user was known:\n%s", h.m.View())
	}
}

// A failed signed-in user request leaves the header without the user; r
// asks again, wherever it is pressed.
func TestRefreshRetriesTheSignedInUser(t *testing.T) {
	tests := []struct {
		name string
		keys []string
	}{
		{"r on the list", []string{"r"}},
		{"r on a detail view", []string{"enter", "r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startDemo(t)
			c, faults := faultyClient(t, srv)
			faults.setRule(pathIs("/api/iam/users/-/"))
			h := newHarness(t, New(c, Options{}), 100, 30)
			h.idle()
			if h.m.me != "" || !h.m.loaded[ViewServers] {
				t.Fatalf("want the list without the user, got me=%q", h.m.me)
			}
			faults.setRule(nil)
			h.keys(tt.keys...)
			h.idle()
			if !strings.Contains(h.m.View(), "signed in as alice") {
				t.Fatalf("r did not bring the user back:\n%s", h.m.View())
			}
		})
	}
}
