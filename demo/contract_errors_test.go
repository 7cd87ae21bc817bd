package demo

import "testing"

func errorCases() []tc {
	return []tc{
		{name: "415 for text/plain", as: "bob", method: "POST", path: "/api/iam/users/",
			body: "hello", ctype: "text/plain", status: 415,
			want: map[string]any{"detail": `Unsupported media type "text/plain" in request.`}},
		{name: "malformed JSON", as: "bob", method: "POST", path: "/api/iam/users/",
			body: `{"username":`, status: 400,
			want: map[string]any{"detail": prefix("JSON parse error - ")}},
		{name: "not an object", as: "bob", method: "POST", path: "/api/iam/users/",
			body: `["a"]`, status: 400, want: map[string]any{
				"non_field_errors": msgs("Invalid data. Expected a dictionary, but got list.")}},
		{name: "405 with Allow", as: "bob", method: "PUT", path: "/api/iam/users/",
			body: "{}", status: 405, want: map[string]any{"detail": `Method "PUT" not allowed.`},
			check: wantAllow("GET, POST, HEAD, OPTIONS")},
		{name: "authentication comes before 405", method: "DELETE", path: "/api/iam/users/",
			status: 401, want: map[string]any{"detail": noCreds}},
		{name: "permission comes before parsing", as: "dave", method: "POST",
			path: "/api/iam/users/", body: `{"username":`, status: 403},
		{name: "Allow on success", as: "dave", method: "GET", path: "/api/iam/users/-/",
			status: 200, check: wantAllow("GET, PUT, PATCH, DELETE, HEAD, OPTIONS")},
		{name: "OPTIONS", as: "dave", method: "OPTIONS", path: "/api/servers/servers/",
			status: 200, check: wantAllow("GET, HEAD, OPTIONS")},
		{name: "HEAD", as: "dave", method: "HEAD", path: "/api/servers/servers/", status: 200},
		{name: "no trailing slash on POST", method: "POST", path: "/api/auth/login",
			body: map[string]any{"username": "alice", "password": SeedPassword}, status: 200},
		{name: "unknown API URL is HTML", as: "dave", method: "GET", path: "/api/iam/nothing/",
			status: 404, html: true},
		{name: "unknown URL is HTML", method: "GET", path: "/admin/", status: 404, html: true},
	}
}

// wantAllow checks the Allow header.
func wantAllow(want string) func(*testing.T, *Server, answer) {
	return func(t *testing.T, _ *Server, a answer) {
		if got := a.header.Get("Allow"); got != want {
			t.Errorf("Allow %q, want %q", got, want)
		}
	}
}
