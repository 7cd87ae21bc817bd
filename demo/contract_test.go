package demo

import (
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// tc is one contract case: a request and what the answer must hold.
type tc struct {
	name   string
	as     string // seeded username; "" = anonymous
	method string
	// path may hold {user:NAME}, {server:NAME}, {group:NAME},
	// {member:GROUP/USER} and {session:USER} (the user's newest open session).
	path   string
	body   any    // a string is sent verbatim; placeholders work in strings and maps
	ctype  string // Content-Type override
	auth   string // Authorization format override, %s = the token of as
	status int
	html   bool           // expect a text/html page instead of JSON
	want   map[string]any // dotted path -> value or matcher
	check  func(t *testing.T, srv *Server, a answer)
}

// matcher checks one value of an answer.
type matcher interface {
	match(v any) bool
	String() string
}

type prefix string

func (p prefix) match(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasPrefix(s, string(p))
}
func (p prefix) String() string { return "prefix " + string(p) }

type length int

func (n length) match(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) == int(n)
	case string:
		return len(x) == int(n)
	}
	return false
}
func (n length) String() string { return fmt.Sprintf("length %d", int(n)) }

type present struct{}

func (present) match(v any) bool { return v != nil }
func (present) String() string   { return "present" }

type absent struct{}

func (absent) match(v any) bool { return v == nil }
func (absent) String() string   { return "absent/null" }

// msgs is a list of messages, compared exactly.
func msgs(m ...string) []any {
	out := make([]any, len(m))
	for i, s := range m {
		out[i] = s
	}
	return out
}

// TestContract runs every area's cases in order against its own fresh demo
// server over real HTTP; cases of one area build on each other.
func TestContract(t *testing.T) {
	areas := []struct {
		name  string
		cases []tc
	}{
		{"auth", authCases()}, {"tokens", tokenCases()}, {"users", userCases()},
		{"groups", groupCases()}, {"memberships", membershipCases()},
		{"servers", serverCases()}, {"notes", noteCases()}, {"websh", webshCases()},
		{"errors", errorCases()},
	}
	for _, area := range areas {
		t.Run(area.name, func(t *testing.T) {
			srv := startDemo(t)
			for _, c := range area.cases {
				t.Run(c.name, func(t *testing.T) { runCase(t, srv, c) })
			}
		})
	}
}

func runCase(t *testing.T, srv *Server, c tc) {
	path := resolve(t, srv, c.path)
	var body any = c.body
	switch b := c.body.(type) {
	case string:
		body = resolve(t, srv, b)
	case map[string]any:
		body = resolveMap(t, srv, b)
	}
	a := send(t, srv, c, path, body)
	if a.status != c.status {
		t.Fatalf("%s %s as %q: status %d, want %d: %s", c.method, path, c.as, a.status,
			c.status, a.raw)
	}
	checkType(t, c, a)
	for p, w := range c.want {
		got := get(a.body, p)
		if m, ok := w.(matcher); ok {
			if !m.match(got) {
				t.Errorf("%s: got %#v, want %s (body %s)", p, got, m, a.raw)
			}
			continue
		}
		if w, ok := w.(int); ok {
			if got != float64(w) {
				t.Errorf("%s: got %#v, want %d (body %s)", p, got, w, a.raw)
			}
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s: got %#v, want %#v (body %s)", p, got, w, a.raw)
		}
	}
	if c.check != nil {
		c.check(t, srv, a)
	}
}

// checkType checks the content type: JSON, HTML, or none on 204.
func checkType(t *testing.T, c tc, a answer) {
	t.Helper()
	ct := a.header.Get("Content-Type")
	switch {
	case a.status == http.StatusNoContent:
		if ct != "" || len(a.raw) != 0 {
			t.Errorf("204 with Content-Type %q and body %q", ct, a.raw)
		}
	case c.html:
		if !strings.HasPrefix(ct, "text/html") {
			t.Errorf("Content-Type %q, want text/html", ct)
		}
	case ct != "application/json":
		t.Errorf("Content-Type %q, want application/json", ct)
	}
}

// send performs the case's request with its auth and content type.
func send(t *testing.T, srv *Server, c tc, path string, body any) answer {
	t.Helper()
	if c.ctype == "" && c.auth == "" {
		return call(t, srv, c.as, c.method, path, body)
	}
	req, err := http.NewRequest(c.method, srv.URL()+path, strings.NewReader(fmt.Sprint(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", c.ctype)
	if c.as != "" {
		req.Header.Set("Authorization", fmt.Sprintf(cmpStr(c.auth, `token="%s"`),
			srv.TokenFor(c.as)))
	}
	return do(t, req)
}

func cmpStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var placeholder = regexp.MustCompile(`\{(user|server|group|member|session):([^}]+)\}`)

// resolve replaces placeholders by IDs looked up through the API.
func resolve(t *testing.T, srv *Server, s string) string {
	t.Helper()
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		p := placeholder.FindStringSubmatch(m)
		switch p[1] {
		case "user":
			return idOf(t, srv, "/api/iam/users/", "username", p[2])
		case "server":
			return idOf(t, srv, "/api/servers/servers/", "name", p[2])
		case "group":
			return idOf(t, srv, "/api/iam/groups/", "name", p[2])
		case "member":
			g, u, _ := strings.Cut(p[2], "/")
			a := call(t, srv, "alice", "GET", "/api/iam/memberships/?group="+
				resolve(t, srv, "{group:"+g+"}")+"&user="+resolve(t, srv, "{user:"+u+"}"), nil)
			id, _ := get(a.body, "0.id").(string)
			return id
		}
		a := call(t, srv, "alice", "GET", "/api/websh/sessions/?is_connectable=true&user="+
			resolve(t, srv, "{user:"+p[2]+"}"), nil)
		id, _ := get(a.body, "results.0.id").(string)
		return id
	})
}

func resolveMap(t *testing.T, srv *Server, m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		switch x := v.(type) {
		case string:
			out[k] = resolve(t, srv, x)
		case []any:
			list := []any{}
			for _, e := range x {
				if s, ok := e.(string); ok {
					e = resolve(t, srv, s)
				}
				list = append(list, e)
			}
			out[k] = list
		default:
			out[k] = v
		}
	}
	return out
}
