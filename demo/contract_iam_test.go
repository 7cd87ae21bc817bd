package demo

import (
	"strings"
	"testing"
	"time"
)

const (
	msgNeedSuper = "Requires superuser to assign staff or superuser privilege."
	msgLastSuper = "There should be at least a superuser in the system."
	msgUnixUser  = "Enter a valid username for UNIX environment. " +
		"This value may contain only lowercase letters, numbers, and -/_ characters."
	msgDjangoUser = "Enter a valid username. " +
		"This value may contain only letters, numbers, and @/./+/-/_ characters."
	msgTooShort    = "This password is too short. It must contain at least 8 characters."
	msgNumeric     = "This password is entirely numeric."
	msgDefaultMem  = `Memberships for default group "alpacon" cannot be changed.`
	msgOnlyOwnerOf = "This user is the only owner of the group. Add another owner to proceed."
)

// newUser is a valid create body; extra fields override.
func newUser(name string, extra map[string]any) map[string]any {
	b := map[string]any{"username": name, "password": "Sturdy-Pass-42", "first_name": "New",
		"last_name": "Person", "email": name + "@example.org", "phone": "", "tags": "",
		"description": "", "is_active": true, "is_staff": false, "is_superuser": false,
		"is_ldap_user": false}
	for k, v := range extra {
		b[k] = v
	}
	return b
}

func userCases() []tc {
	create := func(name, as string, extra map[string]any, status int, want map[string]any) tc {
		return tc{name: name, as: as, method: "POST", path: "/api/iam/users/",
			body: newUser(strings.ReplaceAll(name, " ", "-"), extra), status: status, want: want}
	}
	username := func(name string, want ...string) tc {
		c := create("username "+name, "bob", map[string]any{"username": name}, 400,
			map[string]any{"username": msgs(want...)})
		return c
	}
	return []tc{
		{name: "list default order and envelope", as: "dave", method: "GET",
			path: "/api/iam/users/", status: 200, want: map[string]any{"count": 30, "current": 1,
				"next": 2, "previous": nil, "last": 2, "results": length(15),
				"results.0.username": "alice", "results.1.username": "bob",
				"results.2.username": "carol", "results.3.username": "dave",
				"results.0.description": absent{}, "results.0.num_groups": 1}},
		{name: "page 2", as: "dave", method: "GET", path: "/api/iam/users/?page=2", status: 200,
			want: map[string]any{"current": 2, "next": nil, "previous": 1, "results": length(15)}},
		{name: "page size capped at 100", as: "dave", method: "GET",
			path: "/api/iam/users/?page_size=500", status: 200,
			want: map[string]any{"results": length(30), "last": 1}},
		{name: "bad page size falls back", as: "dave", method: "GET",
			path: "/api/iam/users/?page_size=-3", status: 200,
			want: map[string]any{"results": length(15)}},
		{name: "page out of range", as: "dave", method: "GET", path: "/api/iam/users/?page=3",
			status: 404, want: map[string]any{"detail": "Invalid page."}},
		{name: "page not a number", as: "dave", method: "GET", path: "/api/iam/users/?page=x",
			status: 404, want: map[string]any{"detail": "Invalid page."}},
		{name: "search hangul", as: "dave", method: "GET", path: "/api/iam/users/?search=민준",
			status: 200, want: map[string]any{"count": 1, "results.0.username": "minjun",
				"results.0.last_name": "김"}},
		{name: "search every term", as: "dave", method: "GET",
			path: "/api/iam/users/?search=example.com,park", status: 200,
			want: map[string]any{"count": 1, "results.0.username": "dave"}},
		{name: "search phone", as: "dave", method: "GET",
			path: "/api/iam/users/?search=%2B1%20415", status: 200,
			want: map[string]any{"count": 1, "results.0.username": "dave"}},
		{name: "filter staff", as: "dave", method: "GET", path: "/api/iam/users/?is_staff=true",
			status: 200, want: map[string]any{"count": 3}},
		{name: "filter superuser", as: "dave", method: "GET",
			path: "/api/iam/users/?is_superuser=true", status: 200,
			want: map[string]any{"count": 1, "results.0.username": "alice"}},
		{name: "filter inactive", as: "dave", method: "GET",
			path: "/api/iam/users/?is_active=false", status: 200,
			want: map[string]any{"count": 1, "results.0.username": "zoe"}},
		{name: "filter shell", as: "dave", method: "GET", path: "/api/iam/users/?shell=/bin/zsh",
			status: 200, want: map[string]any{"count": 3}},
		{name: "filter username", as: "dave", method: "GET", path: "/api/iam/users/?username=bob",
			status: 200, want: map[string]any{"count": 1}},
		{name: "filter bad boolean", as: "dave", method: "GET",
			path: "/api/iam/users/?is_staff=maybe", status: 400,
			want: map[string]any{"is_staff": present{}}},
		{name: "ordering", as: "dave", method: "GET", path: "/api/iam/users/?ordering=-uid",
			status: 200, want: map[string]any{"results.0.username": "zoe"}},
		{name: "unknown ordering is dropped", as: "dave", method: "GET",
			path: "/api/iam/users/?ordering=password", status: 200,
			want: map[string]any{"results.0.username": "alice"}},
		{name: "me", as: "dave", method: "GET", path: "/api/iam/users/-/", status: 200,
			want: map[string]any{"username": "dave", "shell": "/bin/bash",
				"home_directory": "/home/dave", "num_groups": 2, "uid": 2003, "added_at": present{}}},
		{name: "me without slash", as: "dave", method: "GET", path: "/api/iam/users/-",
			status: 200, want: map[string]any{"username": "dave"}},
		{name: "retrieve", as: "dave", method: "GET", path: "/api/iam/users/{user:minjun}/",
			status: 200, want: map[string]any{"first_name": "민준", "phone": "+82 10-3141-5926"}},
		{name: "retrieve malformed id", as: "dave", method: "GET",
			path: "/api/iam/users/not-a-uuid/", status: 404,
			want: map[string]any{"detail": "Not found."}},
		{name: "retrieve unknown id", as: "dave", method: "GET",
			path: "/api/iam/users/00000000-0000-4000-8000-000000000000/", status: 404,
			want: map[string]any{"detail": "Not found."}},
		{name: "anonymous list", method: "GET", path: "/api/iam/users/", status: 401,
			want: map[string]any{"detail": noCreds}},

		create("plain user cannot create", "dave", nil, 403, map[string]any{"detail": noPerm}),
		create("staff cannot grant staff", "bob", map[string]any{"is_staff": true}, 403,
			map[string]any{"detail": msgNeedSuper}),
		create("newbie", "bob", map[string]any{"phone": "+821012345678"}, 201,
			map[string]any{"username": "newbie", "is_staff": false, "num_groups": 1,
				"home_directory": "/home/newbie", "uid": 2030, "shell": "/bin/bash",
				"phone": "+82 10-1234-5678", "password": absent{}}),
		create("superuser forces staff", "alice",
			map[string]any{"is_superuser": true, "is_staff": false}, 201,
			map[string]any{"is_superuser": true, "is_staff": true}),
		create("required", "bob", map[string]any{"username": nil, "password": nil}, 400,
			map[string]any{"username": msgs("This field may not be null."),
				"password": msgs("This field may not be null.")}),
		username("Bad Name", msgDjangoUser),
		username("bob", "A user with that username already exists."),
		username("Bob2", msgUnixUser),
		username("2fast", msgUnixUser),
		username("root", "Please use another username as it is disallowed."),
		username("ubuntu", "Please use another username as it is disallowed."),
		username("postgres", "Please use another username as it is in use."),
		username(strings.Repeat("a", 151), "Ensure this field has no more than 150 characters."),
		create("password blank", "bob", map[string]any{"password": ""}, 400,
			map[string]any{"password": msgs("This field may not be blank.")}),
		create("password validators", "bob", map[string]any{"password": "1234"}, 400,
			map[string]any{"password": msgs(msgTooShort, msgNumeric)}),
		create("email and phone", "bob", map[string]any{"email": "not-an-email", "phone": "12345"},
			400, map[string]any{"email": msgs("Enter a valid email address."),
				"phone": msgs("The phone number entered is not valid.")}),
		create("ldap needs a server", "bob", map[string]any{"is_ldap_user": true}, 400,
			map[string]any{"is_ldap_user": msgs("Unable to connect to the LDAP server.")}),
		create("wrong types", "bob", map[string]any{"is_active": "perhaps", "first_name": []int{}},
			400, map[string]any{"is_active": msgs("Must be a valid boolean."),
				"first_name": msgs("Not a valid string.")}),

		patch("self edit", "dave", "-", map[string]any{"first_name": "David"}, 200,
			map[string]any{"first_name": "David"}),
		patch("self cannot edit others", "dave", "{user:erin}", map[string]any{"tags": "x"}, 403,
			map[string]any{"detail": noPerm}),
		patch("self cannot raise", "dave", "-", map[string]any{"is_staff": true}, 403,
			map[string]any{"detail": msgNeedSuper}),
		patch("unchanged true flag is refused too", "bob", "-", map[string]any{"is_staff": true},
			403, map[string]any{"detail": msgNeedSuper}),
		patch("false flag is fine", "dave", "-", map[string]any{"is_superuser": false}, 200, nil),
		patch("username is read-only", "dave", "-", map[string]any{"username": "dave2"}, 200,
			map[string]any{"username": "dave"}),
		patch("self password is ignored", "dave", "-", map[string]any{"password": "x"}, 200, nil),
		{name: "old password still works", method: "POST", path: "/api/auth/login/",
			body: map[string]any{"username": "dave", "password": SeedPassword}, status: 200},
		patch("staff edits a user", "bob", "{user:dave}", map[string]any{"tags": "#lead"}, 200,
			map[string]any{"tags": "#lead"}),
		patch("staff blank password keeps it", "bob", "{user:dave}",
			map[string]any{"password": ""}, 200, nil),
		patch("staff password validators", "bob", "{user:dave}",
			map[string]any{"password": "dave@example"}, 400, map[string]any{"password": msgs(
				"The password is too similar to the email address.")}),
		patch("staff cannot grant", "bob", "{user:dave}", map[string]any{"is_superuser": true},
			403, map[string]any{"detail": msgNeedSuper}),
		patch("bad email", "bob", "{user:dave}", map[string]any{"email": "a@b"}, 400,
			map[string]any{"email": msgs("Enter a valid email address.")}),
		patch("bad phone", "dave", "-", map[string]any{"phone": "+82 abc"}, 400,
			map[string]any{"phone": msgs("The phone number entered is not valid.")}),
		{name: "put needs the password", as: "bob", method: "PUT",
			path: "/api/iam/users/{user:dave}/", body: map[string]any{"first_name": "D"},
			status: 400, want: map[string]any{"password": msgs("This field is required.")}},
		patch("superuser grants staff", "alice", "{user:erin}", map[string]any{"is_staff": true},
			200, map[string]any{"is_staff": true}),
		patch("demote a superuser", "alice", "{user:superuser-forces-staff}",
			map[string]any{"is_superuser": false}, 200, map[string]any{"is_superuser": false}),
		patch("last superuser", "alice", "-", map[string]any{"is_superuser": false}, 400,
			map[string]any{"non_field_errors": msgs(msgLastSuper)}),
		patch("last superuser deactivated", "alice", "-", map[string]any{"is_active": false}, 400,
			map[string]any{"non_field_errors": msgs(msgLastSuper)}),

		del("plain user cannot delete", "frank", "{user:grace}", 403,
			map[string]any{"detail": noPerm}),
		del("staff cannot delete staff", "bob", "{user:carol}", 403,
			map[string]any{"detail": "Requires superuser to delete staff or above."}),
		del("only owner of a group", "bob", "{user:dave}", 400,
			map[string]any{"non_field_errors": msgs(
				`This user cannot be deleted as the only owner of the group "Developers".`)}),
		del("last superuser", "alice", "-", 400,
			map[string]any{"non_field_errors": msgs(msgLastSuper)}),
		{name: "soft delete", as: "bob", method: "DELETE", path: "/api/iam/users/{user:mallory}/",
			status: 204, check: func(t *testing.T, srv *Server, _ answer) {
				srv.mu.Lock()
				key := srv.tokens["mallory"]
				srv.mu.Unlock()
				a := call(t, srv, "bob", "GET", "/api/iam/users/?search=mallory", nil)
				if get(a.body, "count") != 0.0 {
					t.Errorf("deleted user still listed: %s", a.raw)
				}
				srv.mu.Lock()
				ok := srv.st.authenticate(key, time.Now()) != nil
				srv.mu.Unlock()
				if ok {
					t.Error("the deleted user's token still works")
				}
			}},
		del("self delete", "rupert", "-", 204, nil),
	}
}

func patch(name, as, id string, body map[string]any, status int, want map[string]any) tc {
	return tc{name: name, as: as, method: "PATCH", path: "/api/iam/users/" + id + "/",
		body: body, status: status, want: want}
}

func del(name, as, id string, status int, want map[string]any) tc {
	return tc{name: name, as: as, method: "DELETE", path: "/api/iam/users/" + id + "/",
		status: status, want: want}
}

func groupCases() []tc {
	g := func(name, as, method, path string, body any, status int, want map[string]any) tc {
		return tc{name: name, as: as, method: method, path: "/api/iam/groups/" + path,
			body: body, status: status, want: want}
	}
	newGroup := func(name string) map[string]any {
		return map[string]any{"name": name, "display_name": "Group " + name}
	}
	nameErr := func(name string, want ...string) tc {
		return g("name "+name, "bob", "POST", "", newGroup(name), 400,
			map[string]any{"name": msgs(want...)})
	}
	return []tc{
		g("list", "frank", "GET", "", nil, 200, map[string]any{"count": 3,
			"results.0.name": "alpacon", "results.1.name": "developers",
			"results.0.num_members": 30, "results.0.servers.0.name": "bastion-01",
			"results.0.servers.0.os": "ubuntu 24.04", "results.0.servers.0.is_connected": true,
			"results.0.description": absent{}}),
		g("filter name", "frank", "GET", "?name=operators", nil, 200,
			map[string]any{"count": 1, "results.0.display_name": "Operators"}),
		g("search server name", "frank", "GET", "?search=cache-01", nil, 200,
			map[string]any{"count": 1, "results.0.name": "operators"}),
		g("retrieve", "frank", "GET", "{group:developers}/", nil, 200,
			map[string]any{"num_members": 9, "description": "Application developers.",
				"gid": 2001, "servers_names": length(6), "members_names": length(9)}),
		g("retrieve malformed", "frank", "GET", "zzz/", nil, 404,
			map[string]any{"detail": "Not found."}),
		g("plain user cannot create", "frank", "POST", "", newGroup("qa"), 403,
			map[string]any{"detail": noPerm}),
		g("staff creates and owns", "bob", "POST", "", newGroup("qa"), 201,
			map[string]any{"name": "qa", "num_members": 1, "gid": 2003,
				"members_names": msgs("Bob Lee")}),
		nameErr("Bad Name", `Enter a valid "slug" consisting of letters, numbers, `+
			`underscores or hyphens.`),
		nameErr("qa", "group with this name already exists."),
		nameErr("alpacon", "group with this name already exists."),
		nameErr("Upper", strings.Replace(msgUnixUser, "username", "groupname", 1)),
		nameErr("nobody", "Please use another name as it is disallowed."),
		nameErr("postgres", "Please use another name as it is in use."),
		g("display name required", "bob", "POST", "", map[string]any{"name": "x1"}, 400,
			map[string]any{"display_name": msgs("This field is required.")}),
		g("bad server", "bob", "POST", "", map[string]any{"name": "x2", "display_name": "X",
			"servers": []any{"nope"}}, 400,
			map[string]any{"servers": msgs(`Invalid pk "nope" - object does not exist.`)}),
		g("with servers", "bob", "POST", "", map[string]any{"name": "x3", "display_name": "X",
			"servers": []any{"{server:web-01}"}}, 201,
			map[string]any{"servers.0.name": "web-01", "servers_names": msgs("web-01")}),
		g("manager edits", "erin", "PATCH", "{group:developers}/",
			map[string]any{"display_name": "Devs", "name": "renamed"}, 200,
			map[string]any{"display_name": "Devs", "name": "developers"}),
		g("member cannot edit", "frank", "PATCH", "{group:developers}/",
			map[string]any{"tags": "x"}, 403, map[string]any{"detail": noPerm}),
		g("staff who is not a manager cannot edit", "bob", "PATCH", "{group:developers}/",
			map[string]any{"tags": "x"}, 403, map[string]any{"detail": noPerm}),
		g("blank display name", "dave", "PATCH", "{group:developers}/",
			map[string]any{"display_name": ""}, 400,
			map[string]any{"display_name": msgs("This field may not be blank.")}),
		g("manager cannot delete", "erin", "DELETE", "{group:developers}/", nil, 403,
			map[string]any{"detail": noPerm}),
		g("default group stays", "alice", "DELETE", "{group:alpacon}/", nil, 400,
			map[string]any{"non_field_errors": msgs(`Default group "alpacon" cannot be removed.`)}),
		g("owner deletes", "bob", "DELETE", "{group:qa}/", nil, 204, nil),
		g("deleted is gone", "bob", "GET", "?name=qa", nil, 200, map[string]any{"count": 0}),
	}
}

func membershipCases() []tc {
	m := func(name, as, method, path string, body any, status int, want map[string]any) tc {
		return tc{name: name, as: as, method: method, path: "/api/iam/memberships/" + path,
			body: body, status: status, want: want}
	}
	add := func(group, user, role string) map[string]any {
		return map[string]any{"group": "{group:" + group + "}", "user": "{user:" + user + "}",
			"role": role}
	}
	return []tc{
		m("bare array without paging", "frank", "GET", "?group={group:developers}", nil, 200,
			map[string]any{"": length(9), "0.role": "owner", "0.user.name": "Dave Park",
				"0.user_name": "Dave Park", "0.group_name": "Developers", "0.added_at": absent{}}),
		m("envelope with paging", "frank", "GET", "?group={group:developers}&page_size=5", nil,
			200, map[string]any{"count": 9, "results": length(5), "next": 2}),
		m("filter role", "frank", "GET", "?role=manager", nil, 200, map[string]any{"": length(2)}),
		m("filter bad user", "frank", "GET", "?user=nope", nil, 400,
			map[string]any{"user": msgs(msgBadChoice)}),
		m("retrieve", "frank", "GET", "{member:developers/erin}/", nil, 200,
			map[string]any{"role": "manager", "updated_at": present{}}),
		m("manager adds a member", "erin", "POST", "", add("developers", "walter", "member"), 201,
			map[string]any{"role": "member", "user.name": "Walter White", "group": present{}}),
		m("duplicate", "erin", "POST", "", add("developers", "walter", "member"), 400,
			map[string]any{"non_field_errors": msgs("The fields user, group must make a unique set.")}),
		m("manager cannot add a manager", "erin", "POST", "", add("developers", "sybil", "manager"),
			403, map[string]any{"detail": "Requires higher privilege."}),
		m("member cannot add", "frank", "POST", "", add("developers", "sybil", "member"), 403,
			map[string]any{"detail": "Requires higher privilege."}),
		m("owner adds a manager", "dave", "POST", "", add("developers", "sybil", "manager"), 201,
			map[string]any{"role": "manager"}),
		m("default group", "alice", "POST", "", add("alpacon", "walter", "member"), 400,
			map[string]any{"group": msgs(msgDefaultMem)}),
		m("bad role", "dave", "POST", "", add("developers", "peggy", "boss"), 400,
			map[string]any{"role": msgs(`"boss" is not a valid choice.`)}),
		m("bad group", "dave", "POST", "", map[string]any{"group": "x", "user": "{user:peggy}"},
			400, map[string]any{"group": msgs(`Invalid pk "x" - object does not exist.`)}),
		m("manager cannot change roles", "erin", "PATCH", "{member:developers/frank}/",
			map[string]any{"role": "manager"}, 403, map[string]any{"detail": "Requires group owner."}),
		m("owner changes a role", "dave", "PATCH", "{member:developers/frank}/",
			map[string]any{"role": "manager"}, 200, map[string]any{"role": "manager"}),
		m("only owner cannot step down", "dave", "PATCH", "{member:developers/dave}/",
			map[string]any{"role": "member"}, 400,
			map[string]any{"non_field_errors": msgs(msgOnlyOwnerOf)}),
		m("default group role", "alice", "PATCH", "{member:alpacon/frank}/",
			map[string]any{"role": "manager"}, 400,
			map[string]any{"non_field_errors": msgs(msgDefaultMem)}),
		m("member cannot remove another", "grace", "DELETE", "{member:developers/niaj}/", nil,
			403, map[string]any{"detail": "Requires higher privilege."}),
		m("manager cannot remove a manager", "erin", "DELETE", "{member:developers/sybil}/", nil,
			403, map[string]any{"detail": "Requires higher privilege."}),
		m("anyone leaves", "grace", "DELETE", "{member:developers/grace}/", nil, 204, nil),
		m("manager removes a member", "erin", "DELETE", "{member:developers/niaj}/", nil, 204,
			nil),
		m("last owner cannot leave", "dave", "DELETE", "{member:developers/dave}/", nil, 400,
			map[string]any{"non_field_errors": msgs(msgOnlyOwnerOf)}),
		m("default group cannot be left", "frank", "DELETE", "{member:alpacon/frank}/", nil, 400,
			map[string]any{"non_field_errors": msgs(msgDefaultMem)}),
	}
}
