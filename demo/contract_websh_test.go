package demo

import (
	"net/http"
	"strings"
	"testing"
)

const msgNoAccess = "Username or groupname is not registered or you do not have permission."

func webshCases() []tc {
	w := func(name, as, method, path string, body any, status int, want map[string]any) tc {
		return tc{name: name, as: as, method: method, path: "/api/websh/sessions/" + path,
			body: body, status: status, want: want}
	}
	open := func(server, username, groupname string) map[string]any {
		return map[string]any{"server": "{server:" + server + "}", "rows": 30, "cols": 100,
			"username": username, "groupname": groupname}
	}
	refused := func(name, as, server, username, groupname, msg string) tc {
		return w(name, as, "POST", "", open(server, username, groupname), 400,
			map[string]any{"non_field_errors": msgs(msg)})
	}
	return []tc{
		w("history", "alice", "GET", "", nil, 200, map[string]any{"count": 3,
			"results.0.closed_at": present{}, "results.0.server.name": "web-01",
			"results.0.user.name": "Alice Kim", "results.0.username": "root"}),
		w("open", "dave", "POST", "", open("web-01", "", ""), 201, map[string]any{
			"username": "dave", "groupname": "alpacon", "rows": 30, "cols": 100,
			"server.name": "web-01", "server.is_connected": true, "user.name": "Dave Park",
			"websocket_url": prefix("ws://127.0.0.1:"), "userchannel_id": present{},
			"closed_at": nil}),
		w("group owner opens root", "dave", "POST", "", open("web-01", "root", ""), 201,
			map[string]any{"username": "root", "groupname": "root"}),
		refused("member cannot open root", "frank", "web-01", "root", "", msgNoAccess),
		refused("nobody uses another user's account", "frank", "web-01", "dave", "", msgNoAccess),
		refused("not even staff", "bob", "web-01", "dave", "", msgNoAccess),
		refused("unknown account", "alice", "web-01", "nosuchuser", "", msgNoAccess),
		refused("unknown group", "alice", "web-01", "", "nosuchgroup", msgNoAccess),
		refused("group the member is not in", "frank", "web-01", "", "operators", msgNoAccess),
		w("staff opens root anywhere", "bob", "POST", "", open("db-01", "root", ""), 201,
			map[string]any{"username": "root"}),
		w("member opens own", "frank", "POST", "", open("web-01", "", "developers"), 201,
			map[string]any{"username": "frank", "groupname": "developers"}),
		refused("not connected", "alice", "db-03", "", "",
			"Requested server is not connected. Please check the server status first."),
		refused("not commissioned", "alice", "new-01", "", "",
			"Requested server is not commissioned yet. Please finish the installation steps first."),
		w("invisible server", "dave", "POST", "", open("db-01", "", ""), 400,
			map[string]any{"server.0": prefix(`Invalid pk "`)}),
		w("server required", "dave", "POST", "", map[string]any{"rows": 1}, 400,
			map[string]any{"server": msgs("This field is required.")}),
		w("size bounds", "dave", "POST", "", map[string]any{"server": "{server:web-01}",
			"rows": 40000, "cols": "wide"}, 400, map[string]any{
			"rows": msgs("Ensure this value is less than or equal to 32767."),
			"cols": msgs("A valid integer is required.")}),
		w("connectable", "dave", "GET", "?is_connectable=true", nil, 200,
			map[string]any{"count": 3}),
		w("staff see all", "alice", "GET", "?is_connectable=true", nil, 200,
			map[string]any{"count": 4}),
		w("retrieve", "dave", "GET", "{session:frank}/", nil, 200,
			map[string]any{"rows": 30, "cols": 100, "closed_at": nil, "username": "frank"}),
		w("invisible session", "frank", "GET", "{session:bob}/", nil, 404,
			map[string]any{"detail": "Not found."}),
		w("resize", "frank", "PATCH", "{session:frank}/", map[string]any{"rows": 50, "cols": 200},
			200, map[string]any{"rows": 50, "cols": 200, "": map[string]any{"rows": 50.0,
				"cols": 200.0}}),
		w("resize by another is 404", "alice", "PATCH", "{session:frank}/",
			map[string]any{"rows": 1}, 404, map[string]any{"detail": "Not found."}),
		w("resize bounds", "frank", "PATCH", "{session:frank}/", map[string]any{"rows": -1}, 400,
			map[string]any{"rows": msgs("Ensure this value is greater than or equal to 0.")}),
		{name: "no delete", as: "frank", method: "DELETE", path: "/api/websh/sessions/{session:frank}/",
			status: 405, want: map[string]any{"detail": `Method "DELETE" not allowed.`},
			check: func(t *testing.T, _ *Server, a answer) {
				if got := a.header.Get("Allow"); got != "GET, PUT, PATCH, HEAD, OPTIONS" {
					t.Errorf("Allow %q", got)
				}
			}},
		w("share needs read_only", "frank", "POST", "{session:frank}/share/", map[string]any{},
			400, map[string]any{"read_only": msgs("This field is required.")}),
		w("share by another is 404", "dave", "POST", "{session:frank}/share/",
			map[string]any{"read_only": true}, 404, nil),
		{name: "share and join", as: "frank", method: "POST",
			path: "/api/websh/sessions/{session:frank}/share/", body: map[string]any{"read_only": true},
			status: 201, want: map[string]any{"password": length(16), "read_only": true,
				"expiration": present{}, "shared_url": present{}},
			check: checkJoin},
		{name: "watch needs staff", as: "frank", method: "POST", path: "/api/websh/user-channels/",
			body:   map[string]any{"session": "{session:dave}", "is_master": false, "read_only": true},
			status: 403, want: map[string]any{"detail": noPerm}},
		{name: "staff watch", as: "bob", method: "POST", path: "/api/websh/user-channels/",
			body:   map[string]any{"session": "{session:dave}", "is_master": false, "read_only": true},
			status: 201, want: map[string]any{"read_only": true, "is_master": false,
				"websocket_url": prefix("ws://"), "server.name": "web-01"}},
		{name: "staff cannot type into another's session", as: "bob", method: "POST",
			path:   "/api/websh/user-channels/",
			body:   map[string]any{"session": "{session:dave}", "read_only": false},
			status: 403, want: map[string]any{"detail": noPerm}},
		{name: "close", as: "frank", method: "POST", path: "/api/websh/sessions/{session:frank}/close/",
			body: "null", status: 200, want: map[string]any{"closed_at": present{}},
			check: checkClosed},
	}
}

// checkJoin joins the shared channel of a share answer, wrong and right.
func checkJoin(t *testing.T, srv *Server, a answer) {
	pw, _ := get(a.body, "password").(string)
	shared, _ := get(a.body, "shared_url").(string)
	_, ch, ok := strings.Cut(shared, "?channel=")
	if !ok {
		t.Fatalf("shared_url %q has no channel", shared)
	}
	join := "/api/websh/user-channels/" + ch + "/join/"
	bad := call(t, srv, "", "POST", join, map[string]any{"password": "x"})
	if bad.status != 400 || get(bad.body, "non_field_errors.0") !=
		"Password does not match or session has expired." {
		t.Errorf("wrong password: %d %s", bad.status, bad.raw)
	}
	null := call(t, srv, "", "POST", join, map[string]any{"password": nil})
	if get(null.body, "password.0") != "This field may not be null." {
		t.Errorf("null password: %d %s", null.status, null.raw)
	}
	good := call(t, srv, "", "POST", join, map[string]any{"password": pw})
	if good.status != 201 || get(good.body, "read_only") != true ||
		get(good.body, "websocket_url") == nil {
		t.Errorf("join: %d %s", good.status, good.raw)
	}
}

// checkClosed checks what a closed session refuses; a is the close answer.
func checkClosed(t *testing.T, srv *Server, a answer) {
	id, _ := get(a.body, "id").(string)
	base := "/api/websh/sessions/" + id + "/"
	for _, c := range []struct{ method, path string }{{"PATCH", base}, {"POST", base + "share/"}} {
		got := call(t, srv, "frank", c.method, c.path, map[string]any{"rows": 2, "read_only": true})
		if got.status != 400 ||
			get(got.body, "non_field_errors.0") != "Closed sessions cannot be updated." {
			t.Errorf("%s %s on a closed session: %d %s", c.method, c.path, got.status, got.raw)
		}
	}
	if again := call(t, srv, "frank", "POST", base+"close/", nil); again.status != http.StatusOK {
		t.Errorf("close twice: %d, want 200", again.status)
	}
}
