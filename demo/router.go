package demo

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// route is one API endpoint: a path pattern of segments where "*" matches
// any one segment, the methods it allows, and whether it needs a caller.
type route struct {
	pattern []string
	public  bool
	methods map[string]func(*ctx)
}

// allow is the Allow header DRF would send for the route.
func (rt route) allow() string {
	var out []string
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		if rt.methods[m] != nil {
			out = append(out, m)
		}
	}
	if rt.methods["GET"] != nil {
		out = append(out, "HEAD")
	}
	return strings.Join(append(out, "OPTIONS"), ", ")
}

func (rt route) match(segs []string) ([]string, bool) {
	if len(segs) != len(rt.pattern) {
		return nil, false
	}
	var args []string
	for i, p := range rt.pattern {
		switch {
		case p == "*":
			args = append(args, segs[i])
		case p != segs[i]:
			return nil, false
		}
	}
	return args, true
}

type handlers = map[string]func(*ctx)

func r(path string, m handlers) route {
	return route{pattern: strings.Split(path, "/"), methods: m}
}

func public(path string, m handlers) route {
	rt := r(path, m)
	rt.public = true
	return rt
}

// routes lists every API endpoint under /api/.
func (s *Server) routes() []route {
	return []route{
		public("auth/env", handlers{"GET": s.authEnv}),
		public("auth/login", handlers{"POST": s.login}),
		public("auth/is_authenticated", handlers{"GET": s.isAuthenticated}),
		r("auth/logout", handlers{"GET": s.logout, "POST": s.logout}),
		r("auth/whoami", handlers{"GET": s.whoami}),
		r("auth/change_password", handlers{"POST": s.changePassword}),
		r("auth/tokens", handlers{"GET": s.listTokens, "POST": s.createToken}),
		r("auth/tokens/*", handlers{"GET": s.getToken, "DELETE": s.deleteToken}),
		r("status", handlers{"GET": s.status}),
		r("iam/users", handlers{"GET": s.listUsers, "POST": s.createUser}),
		r("iam/users/*", handlers{"GET": s.getUser, "PUT": s.putUser,
			"PATCH": s.patchUser, "DELETE": s.deleteUser}),
		r("iam/groups", handlers{"GET": s.listGroups, "POST": s.createGroup}),
		r("iam/groups/*", handlers{"GET": s.getGroup, "PUT": s.putGroup,
			"PATCH": s.patchGroup, "DELETE": s.deleteGroup}),
		r("iam/memberships", handlers{"GET": s.listMemberships, "POST": s.createMembership}),
		r("iam/memberships/*", handlers{"GET": s.getMembership, "PUT": s.updateMembership,
			"PATCH": s.updateMembership, "DELETE": s.deleteMembership}),
		r("servers/servers", handlers{"GET": s.listServers}),
		r("servers/servers/*", handlers{"GET": s.getServer, "PUT": s.putServer,
			"PATCH": s.patchServer, "DELETE": s.deleteServer}),
		r("servers/servers/*/star", handlers{"GET": s.getStar, "POST": s.postStar}),
		r("servers/notes", handlers{"GET": s.listNotes, "POST": s.createNote}),
		r("servers/notes/*", handlers{"GET": s.getNote, "DELETE": s.deleteNote}),
		r("websh/sessions", handlers{"GET": s.listSessions, "POST": s.createSession}),
		r("websh/sessions/*", handlers{"GET": s.getSession, "PUT": s.resizeSession,
			"PATCH": s.resizeSession}),
		r("websh/sessions/*/close", handlers{"POST": s.closeSession}),
		r("websh/sessions/*/share", handlers{"POST": s.shareSession}),
		r("websh/user-channels", handlers{"POST": s.watchSession}),
		public("websh/user-channels/*/join", handlers{"POST": s.joinChannel}),
	}
}

// handler builds the whole HTTP handler: faults and logging around the API
// router and the websocket endpoint.
func (s *Server) handler() http.Handler {
	api := s.apiHandler(s.routes())
	mux := http.NewServeMux()
	mux.Handle("/api/", s.faults.wrap(api))
	mux.Handle("/ws/websh/", http.HandlerFunc(s.serveWebsocket))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		htmlPage(w, http.StatusNotFound, "Not Found",
			"The requested resource was not found on this server.")
	})
	return s.logged(mux)
}

// apiHandler dispatches /api/ requests in DRF's order: route, authenticate,
// method check, then the endpoint (which parses, looks up and validates).
func (s *Server) apiHandler(routes []route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		segs := strings.Split(strings.Trim(strings.TrimPrefix(req.URL.Path, "/api/"), "/"), "/")
		for _, rt := range routes {
			args, ok := rt.match(segs)
			if !ok {
				continue
			}
			s.serveRoute(w, req, rt, args)
			return
		}
		// Unknown URLs are Django's HTML 404, not DRF JSON.
		htmlPage(w, http.StatusNotFound, "Not Found",
			"The requested resource was not found on this server.")
	})
}

func (s *Server) serveRoute(w http.ResponseWriter, req *http.Request, rt route, args []string) {
	c := &ctx{s: s, st: s.st, w: w, r: req, args: args, allow: rt.allow()}
	s.serveGuarded(c, rt)
	for _, f := range c.after {
		f()
	}
}

// serveGuarded holds Server.mu around the endpoint and turns a panic into
// Django's HTML 500, so that a bug fails one request instead of leaving the
// lock held and hanging the whole demo.
func (s *Server) serveGuarded(c *ctx, rt route) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() {
		if v := recover(); v != nil {
			if s.opts.Log != nil {
				fmt.Fprintf(s.opts.Log, "panic in %s %s: %v\n", c.r.Method, c.r.URL.Path, v)
			}
			htmlPage(c.w, http.StatusInternalServerError, "Server Error (500)", "")
		}
	}()
	s.serveLocked(c, rt)
}

// serveLocked runs the endpoint of rt with Server.mu held.
func (s *Server) serveLocked(c *ctx, rt route) {
	req := c.r
	c.tok = s.st.authenticate(tokenFromHeader(req.Header.Get("Authorization")), time.Now())
	if c.tok != nil {
		c.me = s.st.userByID(c.tok.user)
	}
	if c.me == nil && !rt.public {
		c.unauthenticated()
		return
	}
	method := req.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	if method == http.MethodOptions {
		c.json(http.StatusOK, map[string]any{"name": strings.Join(rt.pattern, "/"),
			"renders": []string{"application/json"}, "parses": []string{"application/json"}})
		return
	}
	h := rt.methods[method]
	if h == nil {
		c.methodNotAllowed()
		return
	}
	h(c)
}

// statusRecorder remembers the status for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (sr *statusRecorder) WriteHeader(code int) {
	sr.status = code
	sr.ResponseWriter.WriteHeader(code)
}

// Hijack hands the connection to the websocket upgrader, which asserts
// http.Hijacker directly instead of unwrapping.
func (sr *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := sr.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, fmt.Errorf("demo: response writer cannot hijack")
	}
	sr.status = http.StatusSwitchingProtocols
	return h.Hijack()
}

// logged writes one line per request to Options.Log: no query, no headers,
// no bodies, and websocket paths cut before their token.
func (s *Server) logged(next http.Handler) http.Handler {
	if s.opts.Log == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		sr := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sr, req)
		path := req.URL.Path
		if strings.HasPrefix(path, "/ws/") {
			path = "/ws/websh/…"
		}
		fmt.Fprintf(s.opts.Log, "%s %s %d %s\n", req.Method, path, sr.status,
			time.Since(start).Round(time.Millisecond))
	})
}
