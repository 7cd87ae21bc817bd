package demo

import (
	"net"
	"net/http"
	"time"
)

// authEnv answers GET /api/auth/env/: a method other than "auth0" tells
// clients to sign in with a password or token.
func (s *Server) authEnv(c *ctx) {
	c.json(http.StatusOK, map[string]any{
		"auth0": map[string]string{"method": "password", "client_id": "", "domain": "",
			"audience": "", "schema_name": ""},
		"language": "en",
	})
}

// login answers POST /api/auth/login/. Failures are 403, not 400, as in
// the real server.
func (s *Server) login(c *ctx) {
	if c.me != nil {
		c.json(http.StatusOK, map[string]string{"code": "already-logged-in",
			"errors": "Already logged in."})
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	name, _ := b.text("username", 150, true, false)
	pass, _ := b.secret("password", 128, true)
	if b.failed() {
		c.json(http.StatusForbidden, b.errs)
		return
	}
	u := c.st.userByName(name)
	if u == nil || !u.active || u.password != pass {
		c.json(http.StatusForbidden, fieldErrors{
			"non_field_errors": {"Login credentials are incorrect."}})
		return
	}
	now := time.Now()
	t := c.st.issueLogin(u, now)
	u.lastLogin, u.lastLoginIP = &now, remoteIP(c.r)
	c.json(http.StatusOK, map[string]any{"token": t.key, "expires_at": tsp(t.expires)})
}

// logout answers /api/auth/logout/ by deleting the token used.
func (s *Server) logout(c *ctx) {
	var keep []*token
	for _, t := range c.st.tokens {
		if t != c.tok {
			keep = append(keep, t)
		}
	}
	c.st.tokens = keep
	c.detail(http.StatusOK, "Logged out.")
}

// isAuthenticated answers the one 2024 endpoint that used 401.
func (s *Server) isAuthenticated(c *ctx) {
	if c.me == nil {
		c.json(http.StatusUnauthorized, map[string]bool{"authenticated": false})
		return
	}
	c.json(http.StatusOK, map[string]bool{"authenticated": true})
}

// status answers GET /api/status/, the CLI's token check.
func (s *Server) status(c *ctx) { c.json(http.StatusOK, map[string]string{"status": "Good"}) }

// whoami answers the 2026 GET /api/auth/whoami/.
func (s *Server) whoami(c *ctx) {
	method := "token"
	if !c.tok.login {
		method = "api_token"
	}
	role := "user"
	switch {
	case c.me.superuser:
		role = "superuser"
	case c.me.staff:
		role = "staff"
	}
	c.json(http.StatusOK, map[string]any{
		"principal_type": "user",
		"auth":           map[string]any{"method": method, "scopes": []string{"*"}},
		"user": map[string]string{"id": c.me.id, "username": c.me.username,
			"email": c.me.email, "role": role},
	})
}

// changePassword answers POST /api/auth/change_password/.
func (s *Server) changePassword(c *ctx) {
	b := c.parseBody()
	if b == nil {
		return
	}
	cur, _ := b.secret("password", 128, true)
	next, ok := b.secret("new_password", 128, true)
	if ok && next == "" {
		b.errs.add("new_password", msgBlank)
	}
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	if cur != c.me.password {
		c.invalid(fieldErrors{"password": {"Current password does not match."}})
		return
	}
	if msgs := passwordProblems(next, c.me); len(msgs) > 0 {
		c.invalid(fieldErrors{"new_password": msgs})
		return
	}
	c.me.password, c.me.updated = next, time.Now()
	c.detail(http.StatusOK, "Your password has been changed successfully.")
}

// remoteIP is the caller's address without the port.
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
