package demo

import (
	"strings"
	"testing"
)

func serverCases() []tc {
	s := func(name, as, method, path string, body any, status int, want map[string]any) tc {
		return tc{name: name, as: as, method: method, path: "/api/servers/servers/" + path,
			body: body, status: status, want: want}
	}
	return []tc{
		s("superuser sees all, by name", "alice", "GET", "", nil, 200, map[string]any{
			"count": 12, "results.0.name": "api-01", "results.11.name": "worker-01",
			"results.0.owner.name": "Bob Lee", "results.0.owner.email": "bob@example.com",
			"results.0.os_name": "debian", "results.0.status.text": "Good",
			"results.0.version": absent{}}),
		s("member sees group servers", "dave", "GET", "", nil, 200, map[string]any{"count": 7}),
		s("alpacon-only user sees the shared one", "walter", "GET", "", nil, 200,
			map[string]any{"count": 1, "results.0.name": "bastion-01", "results.0.is_root": false}),
		s("not connected", "alice", "GET", "?name=db-03", nil, 200, map[string]any{"count": 1,
			"results.0.is_connected": false, "results.0.commissioned": true,
			"results.0.status.code": "error"}),
		s("not commissioned", "alice", "GET", "?commissioned=false", nil, 200,
			map[string]any{"count": 1, "results.0.name": "new-01", "results.0.os_name": nil,
				"results.0.remote_ip": nil, "results.0.status": nil, "results.0.is_root": false}),
		s("filter group", "alice", "GET", "?groups={group:operators}", nil, 200,
			map[string]any{"count": 6}),
		s("filter owner", "alice", "GET", "?owner={user:carol}", nil, 200,
			map[string]any{"count": 4}),
		s("filter bad owner", "alice", "GET", "?owner=nope", nil, 400,
			map[string]any{"owner": msgs(msgBadChoice)}),
		s("filter starred", "alice", "GET", "?starred=true", nil, 200,
			map[string]any{"count": 2, "results.0.starred": true}),
		s("search owner name", "alice", "GET", "?search=carol", nil, 200,
			map[string]any{"count": 4}),
		s("search ip", "alice", "GET", "?search=10.0.3.", nil, 200, map[string]any{"count": 3}),
		s("ordering by load", "alice", "GET", "?ordering=-load", nil, 200,
			map[string]any{"results.0.name": "worker-01"}),
		s("detail", "dave", "GET", "{server:web-01}/", nil, 200, map[string]any{
			"name": "web-01", "is_root": true, "version": "1.4.2", "uptime": present{},
			"groups_name": msgs("Developers"), "owner.name": "Alice Kim", "added_at": present{}}),
		s("plain member has no root", "frank", "GET", "{server:web-01}/", nil, 200,
			map[string]any{"is_root": false}),
		s("invisible is 404", "dave", "GET", "{server:db-01}/", nil, 404,
			map[string]any{"detail": "Not found."}),
		s("owner edits", "dave", "PATCH", "{server:web-03}/", map[string]any{"description": "x"},
			200, map[string]any{"description": "x"}),
		s("group owner is not server owner", "dave", "PATCH", "{server:web-01}/",
			map[string]any{"description": "x"}, 403, map[string]any{"detail": noPerm}),
		s("member cannot edit", "frank", "PATCH", "{server:web-01}/",
			map[string]any{"description": "x"}, 403, map[string]any{"detail": noPerm}),
		s("bad name", "bob", "PATCH", "{server:api-01}/", map[string]any{"name": "bad name!"},
			400, map[string]any{"name": msgs(
				`Enter a valid "slug" consisting of letters, numbers, underscores or hyphens.`)}),
		s("long name", "bob", "PATCH", "{server:api-01}/",
			map[string]any{"name": "a-very-long-server"}, 400,
			map[string]any{"name": msgs("Ensure this field has no more than 16 characters.")}),
		s("taken name", "bob", "PATCH", "{server:api-01}/", map[string]any{"name": "web-02"},
			400, map[string]any{"name": msgs("server with this name already exists.")}),
		s("empty groups", "bob", "PATCH", "{server:api-01}/", map[string]any{"groups": []any{}},
			400, map[string]any{"groups": msgs("This list may not be empty.")}),
		s("staff edits", "bob", "PATCH", "{server:api-01}/", map[string]any{
			"groups": []any{"{group:operators}"}, "owner": "{user:erin}", "name": "api-11"}, 200,
			map[string]any{"groups_name": msgs("Operators"), "owner.name": "Erin Choi",
				"name": "api-11"}),
		s("put needs groups", "bob", "PUT", "{server:api-11}/", map[string]any{"name": "api-11"},
			400, map[string]any{"groups": msgs("This field is required.")}),
		s("moved out of sight", "dave", "GET", "?name=api-11", nil, 200,
			map[string]any{"count": 0}),
		s("member cannot delete", "frank", "DELETE", "{server:web-02}/", nil, 403,
			map[string]any{"detail": noPerm}),
		s("superuser deletes", "alice", "DELETE", "{server:api-02}/", nil, 204, nil),
		s("deleted", "alice", "GET", "?name=api-02", nil, 200, map[string]any{"count": 0}),
		s("star state", "alice", "GET", "{server:web-01}/star/", nil, 200,
			map[string]any{"status": true}),
		s("star twice", "alice", "POST", "{server:web-01}/star/", map[string]any{"status": true},
			400, map[string]any{"non_field_errors": msgs("You already have starred this server.")}),
		s("unstar", "alice", "POST", "{server:web-01}/star/", map[string]any{"status": false},
			200, map[string]any{"status": false}),
		s("unstar twice", "alice", "POST", "{server:web-01}/star/",
			map[string]any{"status": false}, 400, map[string]any{
				"non_field_errors": msgs("You already have unstarred this server.")}),
	}
}

func noteCases() []tc {
	n := func(name, as, method, path string, body any, status int, want map[string]any) tc {
		return tc{name: name, as: as, method: method, path: "/api/servers/notes/" + path,
			body: body, status: status, want: want}
	}
	note := func(server, content string, private, pinned bool) map[string]any {
		return map[string]any{"server": "{server:" + server + "}", "content": content,
			"private": private, "pinned": pinned}
	}
	return []tc{
		n("member sees notes of group servers", "dave", "GET", "", nil, 200,
			map[string]any{"count": 2, "results.0.pinned": true,
				"results.0.server.name": "web-01", "results.0.author.name": "Alice Kim"}),
		n("author sees own private", "alice", "GET", "", nil, 200, map[string]any{"count": 5}),
		n("others do not", "carol", "GET", "", nil, 200, map[string]any{"count": 4}),
		n("filter", "alice", "GET", "?pinned=true&server={server:db-01}", nil, 200,
			map[string]any{"count": 1}),
		n("create", "dave", "POST", "", note("web-01", "hello", false, false), 201,
			map[string]any{"content": "hello", "author.name": "Dave Park",
				"server.name": "web-01", "private": false}),
		n("invisible server", "dave", "POST", "", note("db-01", "x", false, false), 400,
			map[string]any{"server.0": prefix(`Invalid pk "`)}),
		n("content required", "dave", "POST", "", map[string]any{"server": "{server:web-01}"},
			400, map[string]any{"content": msgs("This field is required.")}),
		n("content too long", "dave", "POST", "", note("web-01", strings.Repeat("x", 513), false,
			false), 400,
			map[string]any{"content": msgs("Ensure this field has no more than 512 characters.")}),
		n("second pin", "dave", "POST", "", note("web-01", "p2", false, true), 201, nil),
		n("third pin", "dave", "POST", "", note("web-01", "p3", false, true), 201, nil),
		n("fourth pin", "dave", "POST", "", note("web-01", "p4", false, true), 400,
			map[string]any{"non_field_errors": msgs(
				"There can be at most 3 pinned notes. Please remove another one first.")}),
		{name: "private note", as: "dave", method: "POST", path: "/api/servers/notes/",
			body: note("web-01", "mine", true, false), status: 201,
			check: func(t *testing.T, srv *Server, a answer) {
				id, _ := get(a.body, "id").(string)
				if got := call(t, srv, "frank", "GET", "/api/servers/notes/"+id+"/", nil); got.status != 404 {
					t.Errorf("private note for another member: %d, want 404", got.status)
				}
				if got := call(t, srv, "bob", "DELETE", "/api/servers/notes/"+id+"/", nil); got.status != 404 {
					t.Errorf("private note deleted by staff: %d, want 404", got.status)
				}
				if got := call(t, srv, "dave", "DELETE", "/api/servers/notes/"+id+"/", nil); got.status != 204 {
					t.Errorf("author deletes: %d %s, want 204", got.status, got.raw)
				}
			}},
		{name: "member cannot delete another's note", as: "frank", method: "GET",
			path: "/api/servers/notes/?search=hello", status: 200,
			want: map[string]any{"count": 1},
			check: func(t *testing.T, srv *Server, a answer) {
				id, _ := get(a.body, "results.0.id").(string)
				got := call(t, srv, "frank", "DELETE", "/api/servers/notes/"+id+"/", nil)
				if got.status != 403 {
					t.Errorf("delete another's note: %d, want 403", got.status)
				}
			}},
	}
}
