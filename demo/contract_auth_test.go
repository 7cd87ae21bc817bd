package demo

import (
	"net/http"
	"strings"
	"testing"
)

const noCreds = "Authentication credentials were not provided."
const noPerm = "You do not have permission to perform this action."

func authCases() []tc {
	login := func(user, pw string) map[string]any {
		return map[string]any{"workspace_url": "x", "username": user, "password": pw}
	}
	return []tc{
		{name: "env is public and not auth0", method: "GET", path: "/api/auth/env/?client=cli",
			status: 200, want: map[string]any{"auth0.method": "password", "language": "en"}},
		{name: "login", method: "POST", path: "/api/auth/login/",
			body: login("dave", SeedPassword), status: 200,
			want: map[string]any{"token": length(64), "expires_at": present{}}},
		{name: "login wrong password is 403", method: "POST", path: "/api/auth/login/",
			body: login("dave", "nope"), status: 403,
			want: map[string]any{"non_field_errors": msgs("Login credentials are incorrect.")}},
		{name: "login inactive user", method: "POST", path: "/api/auth/login/",
			body: login("zoe", SeedPassword), status: 403,
			want: map[string]any{"non_field_errors": msgs("Login credentials are incorrect.")}},
		{name: "login missing fields", method: "POST", path: "/api/auth/login/",
			body: map[string]any{}, status: 403,
			want: map[string]any{"username": msgs("This field is required."),
				"password": msgs("This field is required.")}},
		{name: "login while logged in", as: "dave", method: "POST", path: "/api/auth/login/",
			body: login("dave", SeedPassword), status: 200,
			want: map[string]any{"code": "already-logged-in"}},
		{name: "is_authenticated anonymous is 401", method: "GET",
			path: "/api/auth/is_authenticated/", status: 401,
			want: map[string]any{"authenticated": false}},
		{name: "is_authenticated", as: "dave", method: "GET", path: "/api/auth/is_authenticated/",
			status: 200, want: map[string]any{"authenticated": true}},
		{name: "status anonymous is 401", method: "GET", path: "/api/status/", status: 401,
			want: map[string]any{"detail": noCreds}},
		{name: "status", as: "dave", method: "GET", path: "/api/status/", status: 200,
			want: map[string]any{"status": "Good"}},
		{name: "token without quotes", as: "dave", auth: "token=%s", method: "GET",
			path: "/api/status/", status: 200},
		{name: "token with colon", as: "dave", auth: "token: %s", method: "GET",
			path: "/api/status/", status: 200},
		{name: "bearer", as: "dave", auth: "Bearer %s", method: "GET", path: "/api/status/",
			status: 200},
		{name: "unknown token is anonymous", as: "dave", auth: `token="x%snope"`, method: "GET",
			path: "/api/status/", status: 401, want: map[string]any{"detail": noCreds}},
		{name: "whoami user", as: "dave", method: "GET", path: "/api/auth/whoami/", status: 200,
			want: map[string]any{"principal_type": "user", "user.username": "dave",
				"user.role": "user", "auth.method": "token"}},
		{name: "whoami superuser", as: "alice", method: "GET", path: "/api/auth/whoami/",
			status: 200, want: map[string]any{"user.role": "superuser"}},
		{name: "whoami staff", as: "bob", method: "GET", path: "/api/auth/whoami/",
			status: 200, want: map[string]any{"user.role": "staff"}},
		{name: "change password wrong current", as: "victor", method: "POST",
			path:   "/api/auth/change_password/",
			body:   map[string]any{"password": "bad", "new_password": "Correct-Horse-9"},
			status: 400, want: map[string]any{"password": msgs("Current password does not match.")}},
		{name: "change password validators together", as: "victor", method: "POST",
			path:   "/api/auth/change_password/",
			body:   map[string]any{"password": SeedPassword, "new_password": "1234"},
			status: 400, want: map[string]any{"new_password": msgs(
				"This password is too short. It must contain at least 8 characters.",
				"This password is entirely numeric.")}},
		{name: "change password common and numeric", as: "victor", method: "POST",
			path:   "/api/auth/change_password/",
			body:   map[string]any{"password": SeedPassword, "new_password": "12345678"},
			status: 400, want: map[string]any{"new_password": msgs(
				"This password is too common.", "This password is entirely numeric.")}},
		{name: "change password similar to email", as: "victor", method: "POST",
			path:   "/api/auth/change_password/",
			body:   map[string]any{"password": SeedPassword, "new_password": "victor@example.co"},
			status: 400, want: map[string]any{"new_password": msgs(
				"The password is too similar to the email address.")}},
		{name: "change password", as: "victor", method: "POST",
			path:   "/api/auth/change_password/",
			body:   map[string]any{"password": SeedPassword, "new_password": "Correct-Horse-9"},
			status: 200,
			want:   map[string]any{"detail": "Your password has been changed successfully."}},
		{name: "login with the new password", method: "POST", path: "/api/auth/login/",
			body: login("victor", "Correct-Horse-9"), status: 200},
		{name: "logout ends the token", as: "trent", method: "POST", path: "/api/auth/logout/",
			body: "null", status: 200, want: map[string]any{"detail": "Logged out."},
			check: func(t *testing.T, srv *Server, a answer) {
				// TokenFor hands out a new token once the old one is gone, so
				// use the one that was logged out directly.
				srv.mu.Lock()
				key := srv.tokens["trent"]
				srv.mu.Unlock()
				req, _ := http.NewRequest("GET", srv.URL()+"/api/status/", nil)
				req.Header.Set("Authorization", `token="`+key+`"`)
				if got := do(t, req); got.status != 401 {
					t.Errorf("logged-out token: status %d, want 401", got.status)
				}
			}},
		{name: "logout anonymous", method: "POST", path: "/api/auth/logout/", status: 401},
	}
}

func tokenCases() []tc {
	return []tc{
		{name: "list empty", as: "alice", method: "GET", path: "/api/auth/tokens/", status: 200,
			want: map[string]any{"count": 0, "results": length(0)}},
		{name: "create", as: "alice", method: "POST", path: "/api/auth/tokens/",
			body: map[string]any{"name": "ci", "expires_at": nil}, status: 201,
			want: map[string]any{"name": "ci", "enabled": true, "key": prefix("alpat-"),
				"expires_at": absent{}, "scopes": msgs("*")},
			check: func(t *testing.T, srv *Server, a answer) {
				key, _ := get(a.body, "key").(string)
				req, _ := http.NewRequest("GET", srv.URL()+"/api/auth/tokens/", nil)
				req.Header.Set("Authorization", `token="`+key+`"`)
				if got := do(t, req); got.status != 403 || get(got.body, "detail") != noPerm {
					t.Errorf("token list via API token: %d %s, want 403", got.status, got.raw)
				}
				req, _ = http.NewRequest("GET", srv.URL()+"/api/iam/users/-/", nil)
				req.Header.Set("Authorization", `token="`+key+`"`)
				if got := do(t, req); got.status != 200 || get(got.body, "username") != "alice" {
					t.Errorf("API token elsewhere: %d %s, want 200 alice", got.status, got.raw)
				}
			}},
		{name: "duplicate name is a bare array", as: "alice", method: "POST",
			path: "/api/auth/tokens/", body: map[string]any{"name": "ci"}, status: 400,
			want: map[string]any{"": msgs("API token with this user and name already exists.")}},
		{name: "past expiry", as: "alice", method: "POST", path: "/api/auth/tokens/",
			body: map[string]any{"name": "old", "expires_at": "2020-01-01T00:00:00Z"}, status: 400,
			check: func(t *testing.T, _ *Server, a answer) {
				m, _ := get(a.body, "expires_at.0").(string)
				if !strings.HasSuffix(m, " must be a future time.") {
					t.Errorf("expires_at message %q", m)
				}
			}},
		{name: "bad datetime", as: "alice", method: "POST", path: "/api/auth/tokens/",
			body: map[string]any{"name": "x", "expires_at": "tomorrow"}, status: 400,
			want: map[string]any{"expires_at.0": prefix("Datetime has wrong format.")}},
		{name: "name required", as: "alice", method: "POST", path: "/api/auth/tokens/",
			body: map[string]any{}, status: 400,
			want: map[string]any{"name": msgs("This field is required.")}},
		{name: "list own", as: "alice", method: "GET", path: "/api/auth/tokens/?name=ci",
			status: 200, want: map[string]any{"count": 1, "results.0.key": absent{}}},
		{name: "others do not see it", as: "bob", method: "GET", path: "/api/auth/tokens/",
			status: 200, want: map[string]any{"count": 0}},
		{name: "delete", as: "alice", method: "GET", path: "/api/auth/tokens/", status: 200,
			check: func(t *testing.T, srv *Server, a answer) {
				id, _ := get(a.body, "results.0.id").(string)
				if got := call(t, srv, "bob", "DELETE", "/api/auth/tokens/"+id+"/", nil); got.status != 404 {
					t.Errorf("delete by another user: %d, want 404", got.status)
				}
				if got := call(t, srv, "alice", "DELETE", "/api/auth/tokens/"+id+"/", nil); got.status != 204 {
					t.Errorf("delete: %d %s, want 204", got.status, got.raw)
				}
			}},
	}
}
