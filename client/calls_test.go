package client_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
	"time"

	"alpacon-tui/client"
	"alpacon-tui/model"
)

// sent is one request as the fake server saw it.
type sent struct {
	method, path, query string
	body                any
	auth, ctype, ua     string
}

// echoServer records each request and answers with the reply for it.
func echoServer(t *testing.T, rp reply) (*httptest.Server, func() sent) {
	t.Helper()
	var mu sync.Mutex
	var last sent
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s := sent{method: r.Method, path: r.URL.Path, query: r.URL.RawQuery,
			auth: r.Header.Get("Authorization"), ctype: r.Header.Get("Content-Type"),
			ua: r.Header.Get("User-Agent")}
		if len(b) > 0 {
			if err := json.Unmarshal(b, &s.body); err != nil {
				t.Errorf("request body is not JSON: %q", b)
			}
		}
		mu.Lock()
		last = s
		mu.Unlock()
		writeReply(t, w, rp)
	}))
	t.Cleanup(srv.Close)
	return srv, func() sent { mu.Lock(); defer mu.Unlock(); return last }
}

func TestCallsSendWhatTheAPIExpects(t *testing.T) {
	ctx := context.Background()
	exp := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name            string
		do              func(c *client.Client) error
		method, path, q string
		body            string // JSON, "" for none
	}{
		{"logout", func(c *client.Client) error { return c.Logout(ctx) },
			"POST", "/api/auth/logout/", "", ""},
		{"change password", func(c *client.Client) error {
			return c.ChangePassword(ctx, "old", "n3w-Secret")
		}, "POST", "/api/auth/change_password/", "",
			`{"password": "old", "new_password": "n3w-Secret"}`},
		{"list tokens", func(c *client.Client) error { _, err := c.ListTokens(ctx); return err },
			"GET", "/api/auth/tokens/", "", ""},
		{"create token", func(c *client.Client) error {
			_, err := c.CreateToken(ctx, "ci", &exp)
			return err
		}, "POST", "/api/auth/tokens/", "",
			`{"name": "ci", "enabled": true, "expires_at": "2030-01-02T03:04:05Z"}`},
		{"delete token", func(c *client.Client) error { return c.DeleteToken(ctx, "t1") },
			"DELETE", "/api/auth/tokens/t1/", "", ""},
		{"create user", func(c *client.Client) error {
			_, err := c.CreateUser(ctx, model.UserCreate{Username: "dan", Password: "pw",
				IsActive: true})
			return err
		}, "POST", "/api/iam/users/", "", `{"username": "dan", "password": "pw",
			"first_name": "", "last_name": "", "email": "", "phone": "", "tags": "",
			"description": "", "is_active": true, "is_staff": false, "is_superuser": false,
			"is_ldap_user": false}`},
		{"patch user", func(c *client.Client) error {
			_, err := c.PatchUser(ctx, "u1", map[string]any{"email": "a@b.c"})
			return err
		}, "PATCH", "/api/iam/users/u1/", "", `{"email": "a@b.c"}`},
		{"delete user", func(c *client.Client) error { return c.DeleteUser(ctx, "u1") },
			"DELETE", "/api/iam/users/u1/", "", ""},
		{"list groups", func(c *client.Client) error {
			_, err := c.ListGroups(ctx, client.ListOptions{Search: "ops"})
			return err
		}, "GET", "/api/iam/groups/", "search=ops", ""},
		{"get group", func(c *client.Client) error { _, err := c.GetGroup(ctx, "g1"); return err },
			"GET", "/api/iam/groups/g1/", "", ""},
		{"create group", func(c *client.Client) error {
			_, err := c.CreateGroup(ctx, map[string]any{"name": "ops", "display_name": "Ops"})
			return err
		}, "POST", "/api/iam/groups/", "", `{"name": "ops", "display_name": "Ops"}`},
		{"patch group", func(c *client.Client) error {
			_, err := c.PatchGroup(ctx, "g1", map[string]any{"tags": "#x"})
			return err
		}, "PATCH", "/api/iam/groups/g1/", "", `{"tags": "#x"}`},
		{"delete group", func(c *client.Client) error { return c.DeleteGroup(ctx, "g1") },
			"DELETE", "/api/iam/groups/g1/", "", ""},
		{"list memberships", func(c *client.Client) error {
			_, err := c.ListMemberships(ctx, client.MembershipFilter{User: "u1", Role: "owner"})
			return err
		}, "GET", "/api/iam/memberships/", "role=owner&user=u1", ""},
		{"add membership", func(c *client.Client) error {
			_, err := c.AddMembership(ctx, "g1", "u1", model.RoleManager)
			return err
		}, "POST", "/api/iam/memberships/", "", `{"group": "g1", "user": "u1", "role": "manager"}`},
		{"change role", func(c *client.Client) error {
			_, err := c.ChangeRole(ctx, "m1", model.RoleOwner)
			return err
		}, "PATCH", "/api/iam/memberships/m1/", "", `{"role": "owner"}`},
		{"remove membership", func(c *client.Client) error { return c.RemoveMembership(ctx, "m1") },
			"DELETE", "/api/iam/memberships/m1/", "", ""},
		{"get server", func(c *client.Client) error { _, err := c.GetServer(ctx, "s1"); return err },
			"GET", "/api/servers/servers/s1/", "", ""},
		{"patch server", func(c *client.Client) error {
			_, err := c.PatchServer(ctx, "s1", map[string]any{"description": "db"})
			return err
		}, "PATCH", "/api/servers/servers/s1/", "", `{"description": "db"}`},
		{"delete server", func(c *client.Client) error { return c.DeleteServer(ctx, "s1") },
			"DELETE", "/api/servers/servers/s1/", "", ""},
		{"create note", func(c *client.Client) error {
			_, err := c.CreateNote(ctx, "s1", "hello", true, false)
			return err
		}, "POST", "/api/servers/notes/", "",
			`{"server": "s1", "content": "hello", "private": true, "pinned": false}`},
		{"get session", func(c *client.Client) error { _, err := c.GetSession(ctx, "w1"); return err },
			"GET", "/api/websh/sessions/w1/", "", ""},
		{"resize session", func(c *client.Client) error {
			return c.ResizeSession(ctx, "w1", 40, 120)
		}, "PATCH", "/api/websh/sessions/w1/", "", `{"rows": 40, "cols": 120}`},
		{"close session", func(c *client.Client) error { return c.CloseSession(ctx, "w1") },
			"POST", "/api/websh/sessions/w1/close/", "", ""},
		{"share session", func(c *client.Client) error {
			_, err := c.ShareSession(ctx, "w1", true)
			return err
		}, "POST", "/api/websh/sessions/w1/share/", "", `{"read_only": true}`},
		{"join channel", func(c *client.Client) error {
			_, err := c.JoinChannel(ctx, "ch1", "pw")
			return err
		}, "POST", "/api/websh/user-channels/ch1/join/", "", `{"password": "pw"}`},
		{"watch session", func(c *client.Client) error {
			_, err := c.WatchSession(ctx, "w1")
			return err
		}, "POST", "/api/websh/user-channels/", "",
			`{"session": "w1", "is_master": false, "read_only": true}`},
		{"id is escaped", func(c *client.Client) error { _, err := c.GetUser(ctx, "a/b?c"); return err },
			"GET", "/api/iam/users/a/b?c/", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, last := echoServer(t, reply{body: "{}"})
			c := newClient(t, srv)
			if err := tt.do(c); err != nil {
				t.Fatal(err)
			}
			got := last()
			if got.method != tt.method || got.path != tt.path || got.query != tt.q {
				t.Errorf("sent %s %s?%s, want %s %s?%s", got.method, got.path, got.query,
					tt.method, tt.path, tt.q)
			}
			checkBody(t, got, tt.body)
			if got.auth != `token="test-key"` || got.ua != "alpacon-tui/"+client.Version {
				t.Errorf("Authorization %q, User-Agent %q", got.auth, got.ua)
			}
		})
	}
}

func checkBody(t *testing.T, got sent, want string) {
	t.Helper()
	if want == "" {
		if got.body != nil || got.ctype != "" {
			t.Errorf("sent body %v with Content-Type %q, want none", got.body, got.ctype)
		}
		return
	}
	var w any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.body, w) || got.ctype != "application/json" {
		t.Errorf("sent body %v (%q), want %v", got.body, got.ctype, w)
	}
}

func TestInvalidIDsAreRefused(t *testing.T) {
	srv, last := echoServer(t, reply{body: "{}"})
	c := newClient(t, srv)
	for _, id := range []string{"", ".", ".."} {
		if _, err := c.GetUser(context.Background(), id); err == nil {
			t.Errorf("GetUser(%q) succeeded", id)
		}
	}
	if got := last(); got.method != "" {
		t.Errorf("a request went out: %+v", got)
	}
}
