package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"alpacon-tui/client"
	"alpacon-tui/model"
)

const (
	aliceID  = "5b1c3c9e-2f39-4d38-9c1a-0d3f6b2a7e11"
	jiwooID  = "0f0e9a5d-6b0c-4c55-8d1f-6d9b2b0c9a22"
	web01ID  = "9d1f5e7a-3b2c-4a1d-8e6f-112233445566"
	alpGroup = "7a7a7a7a-1111-4222-8333-444455556666"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestListUsersBothEras(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		next      model.PageNum
		prev      model.PageNum
		joined    string
		auth0ID   string
		wantCount int
	}{
		{"2024 integer next", "users_2024.json", 2, 0,
			"2024-04-12T07:56:30.123456Z", "", 17},
		{"2026 URL next", "users_2026.json", 3, 1, "2026-01-05T09:00:00Z", "auth0|64f0c0ffee", 31},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := fakeServer(t, map[string]reply{"GET /api/iam/users/": {file: tt.file}})
			page, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if page.Count != tt.wantCount || page.Next != tt.next || page.Previous != tt.prev {
				t.Errorf("count/next/prev = %d/%d/%d, want %d/%d/%d", page.Count, page.Next,
					page.Previous, tt.wantCount, tt.next, tt.prev)
			}
			a := page.Results[0]
			if a.ID != aliceID || a.Username != "alice" || !a.IsSuperuser || a.Auth0ID != tt.auth0ID {
				t.Errorf("first user = %+v", a)
			}
			if a.DateJoined == nil || !a.DateJoined.Equal(mustTime(t, tt.joined)) {
				t.Errorf("date_joined = %v, want %s", a.DateJoined, tt.joined)
			}
		})
	}
}

func TestUserNullableAndHangul(t *testing.T) {
	srv, _ := fakeServer(t, map[string]reply{"GET /api/iam/users/": {file: "users_2024.json"}})
	page, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	j := page.Results[1]
	if j.ID != jiwooID || j.FirstName != "지우" || j.UID != nil || j.IsActive || !j.IsLDAPUser {
		t.Errorf("second user = %+v", j)
	}
	if j.FullName() != "지우" {
		t.Errorf("FullName = %q", j.FullName())
	}
}

func TestServersBothEras(t *testing.T) {
	t.Run("2024 bare owner UUID with owner_name", func(t *testing.T) {
		srv, _ := fakeServer(t, map[string]reply{
			"GET /api/servers/servers/": {file: "servers_2024.json"}})
		page, err := newClient(t, srv).ListServers(context.Background(), client.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		web, fresh := page.Results[0], page.Results[1]
		if web.Owner.ID != aliceID || web.OwnerLabel() != "Alice Kim" || web.OS() != "ubuntu 22.04" {
			t.Errorf("web-01 owner/os = %+v %q %q", web.Owner, web.OwnerLabel(), web.OS())
		}
		if len(web.Groups) != 1 || web.Groups[0].ID != alpGroup || web.Status.Code != "ok" {
			t.Errorf("web-01 groups/status = %+v %+v", web.Groups, web.Status)
		}
		if !fresh.Owner.IsZero() || fresh.Status != nil || fresh.Load != nil || fresh.IP() != "" {
			t.Errorf("new-01 nullable fields = %+v", fresh)
		}
		if !errors.Is(fresh.WebshReady(), model.ErrNotCommissioned) {
			t.Errorf("new-01 WebshReady = %v", fresh.WebshReady())
		}
	})
	t.Run("2026 nested owner summary", func(t *testing.T) {
		srv, _ := fakeServer(t, map[string]reply{
			"GET /api/servers/servers/": {file: "servers_2026.json"}})
		page, err := newClient(t, srv).ListServers(context.Background(), client.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		web := page.Results[0]
		if web.Owner.ID != aliceID || web.Owner.Email != "alice@example.com" ||
			web.OwnerLabel() != "Alice Kim" || web.Description != "front door" {
			t.Errorf("web-01 = %+v", web)
		}
		want := mustTime(t, "2026-02-01T12:30:45.5Z")
		if web.BootTime == nil || !web.BootTime.Equal(want) || web.WebshReady() != nil {
			t.Errorf("boot_time = %v, ready = %v", web.BootTime, web.WebshReady())
		}
	})
}

func TestMembershipsBothShapes(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		wantIDs   []string
		wantLabel string
	}{
		{"2024 bare array", "memberships_2024.json", []string{aliceID, jiwooID}, "Alice Kim"},
		{"2026 page envelope, user object", "memberships_2026.json", []string{aliceID}, "Alice Kim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, rec := fakeServer(t, map[string]reply{"GET /api/iam/memberships/": {file: tt.file}})
			f := client.MembershipFilter{Group: alpGroup}
			ms, err := newClient(t, srv).ListMemberships(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			if got := rec.last(t).URL.Query().Get("group"); got != alpGroup {
				t.Errorf("group filter sent = %q", got)
			}
			if len(ms) != len(tt.wantIDs) {
				t.Fatalf("got %d memberships, want %d", len(ms), len(tt.wantIDs))
			}
			for i, id := range tt.wantIDs {
				if ms[i].User.ID != id || ms[i].Group.ID != alpGroup {
					t.Errorf("membership %d = %+v", i, ms[i])
				}
			}
			if l := ms[0].User.Label(ms[0].UserName); l != tt.wantLabel {
				t.Errorf("user label = %q, want %q", l, tt.wantLabel)
			}
		})
	}
}

func TestCreateSessionBothEras(t *testing.T) {
	tests := []struct {
		name, file, wantServer, wantWS string
	}{
		{"2024 bare server UUID", "session_2024.json", web01ID, "ws://localhost:8000/ws/websh/"},
		{"2026 server summary", "session_2026.json", "web-01", "wss://acme.ap1.alpacon.io/ws/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, rec := fakeServer(t, map[string]reply{
				"POST /api/websh/sessions/": {status: 201, file: tt.file}})
			req := model.SessionRequest{Server: web01ID, Rows: 24, Cols: 80}
			s, err := newClient(t, srv).CreateSession(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if s.Server.Label(s.ServerName) != tt.wantServer || s.User.ID != aliceID {
				t.Errorf("session server/user = %+v / %+v", s.Server, s.User)
			}
			if !strings.HasPrefix(s.WebsocketURL, tt.wantWS) || !s.IsOpen() {
				t.Errorf("websocket_url = %q, open = %v", s.WebsocketURL, s.IsOpen())
			}
			if ct := rec.last(t).Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type sent = %q", ct)
			}
		})
	}
}

func TestNotesBothEras(t *testing.T) {
	for _, file := range []string{"notes_2024.json", "notes_2026.json"} {
		t.Run(file, func(t *testing.T) {
			srv, _ := fakeServer(t, map[string]reply{"GET /api/servers/notes/": {file: file}})
			page, err := newClient(t, srv).ListNotes(context.Background(), client.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			n := page.Results[0]
			if n.Server.Label(n.ServerName) != "web-01" || n.Author.Label(n.AuthorName) != "Alice Kim" ||
				n.Author.ID != aliceID || n.UpdatedAt == nil {
				t.Errorf("note = %+v", n)
			}
		})
	}
}

func TestCodedAndUncodedDenials(t *testing.T) {
	tests := []struct {
		name                 string
		status               int
		file                 string
		unauth, forbidden    bool
		code, source, inText string
	}{
		{"2024 403 without credentials", 403, "err_403_nocreds_2024.json", true, false,
			"", "", "Authentication credentials were not provided."},
		{"2026 401 mfa without detail", 401, "err_401_mfa_2026.json", true, false,
			"auth_mfa_required", "websh", "auth_mfa_required"},
		{"2026 403 token ACL", 403, "err_403_acl_2026.json", false, true,
			"api_token_acl_not_allowed", "", "api_token_acl_not_allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := fakeServer(t, map[string]reply{
				"GET /api/iam/users/-/": {status: tt.status, file: tt.file}})
			_, err := newClient(t, srv).Me(context.Background())
			var ae *client.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %T %v, want *APIError", err, err)
			}
			if ae.Status != tt.status || ae.Code != tt.code || ae.Source != tt.source {
				t.Errorf("APIError = %+v", ae)
			}
			if errors.Is(err, client.ErrUnauthenticated) != tt.unauth ||
				errors.Is(err, client.ErrForbidden) != tt.forbidden {
				t.Errorf("Is unauth/forbidden = %v/%v, want %v/%v",
					errors.Is(err, client.ErrUnauthenticated),
					errors.Is(err, client.ErrForbidden), tt.unauth, tt.forbidden)
			}
			if !strings.Contains(err.Error(), tt.inText) {
				t.Errorf("Error() = %q, want it to mention %q", err.Error(), tt.inText)
			}
		})
	}
}

func TestWhoAmIBothEras(t *testing.T) {
	t.Run("2026 whoami", func(t *testing.T) {
		srv, _ := fakeServer(t, map[string]reply{"GET /api/auth/whoami/": {file: "whoami_2026.json"}})
		w, err := newClient(t, srv).WhoAmI(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if w.PrincipalType != "user" || w.Auth.Method != "service_token" || w.User.Role != "owner" {
			t.Errorf("whoami = %+v", w)
		}
	})
	t.Run("2024 falls back to users/-", func(t *testing.T) {
		srv, rec := fakeServer(t, map[string]reply{"GET /api/iam/users/-/": {file: "me_2024.json"}})
		w, err := newClient(t, srv).WhoAmI(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if w.PrincipalType != "user" || w.User.ID != aliceID || w.User.Username != "alice" ||
			w.User.Role != "superuser" {
			t.Errorf("whoami = %+v", w)
		}
		if p := rec.last(t).URL.Path; p != "/api/iam/users/-/" {
			t.Errorf("fallback asked %q", p)
		}
	})
}
