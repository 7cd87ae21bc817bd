package demo

import (
	"net/http"
	"time"
)

// tokenWire is a personal API token; key is only set in the create answer.
type tokenWire struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Key       string   `json:"key,omitempty"`
	Enabled   bool     `json:"enabled"`
	Scopes    []string `json:"scopes"`
	AddedAt   *stamp   `json:"added_at"`
	UpdatedAt *stamp   `json:"updated_at"`
	ExpiresAt *stamp   `json:"expires_at"`
}

func renderToken(t *token) any {
	return tokenWire{ID: t.id, Name: t.name, Enabled: t.enabled, Scopes: []string{"*"},
		AddedAt: ts(t.added), UpdatedAt: ts(t.updated), ExpiresAt: tsp(t.expires)}
}

// tokenGate refuses token management through an API token, as the server
// does: only a login (or browser) credential may mint or list API tokens.
func tokenGate(c *ctx) bool {
	if !c.tok.login {
		c.forbidden()
		return false
	}
	return true
}

// myAPITokens lists the caller's API tokens (login tokens are not listed).
func (c *ctx) myAPITokens() []*token {
	var out []*token
	for _, t := range c.st.tokens {
		if t.user == c.me.id && !t.login {
			out = append(out, t)
		}
	}
	return out
}

var tokenSpec = listSpec[*token]{
	filters: map[string]filter[*token]{
		"name":    textFilter(func(t *token) string { return t.name }),
		"enabled": boolFilter(func(t *token) bool { return t.enabled }),
	},
	search: []func(*token) []string{
		func(t *token) []string { return one(t.id) },
		func(t *token) []string { return one(t.name) },
	},
	order: map[string]func(*token) any{
		"name":       func(t *token) any { return t.name },
		"updated_at": func(t *token) any { return t.updated },
		"expires_at": func(t *token) any { return optTime(t.expires) },
	},
	defaults: []string{"-updated_at"},
}

// optTime turns an optional time into an ordering value (nil first).
func optTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

// listTokens answers GET /api/auth/tokens/.
func (s *Server) listTokens(c *ctx) {
	if !tokenGate(c) {
		return
	}
	items, ok := applyList(c, c.myAPITokens(), tokenSpec)
	if ok {
		writePage(c, items, renderToken)
	}
}

// getToken answers GET /api/auth/tokens/<id>/.
func (s *Server) getToken(c *ctx) {
	if !tokenGate(c) {
		return
	}
	if t := c.myToken(); t != nil {
		c.json(http.StatusOK, renderToken(t))
	}
}

func (c *ctx) myToken() *token {
	for _, t := range c.myAPITokens() {
		if t.id == c.args[0] {
			return t
		}
	}
	c.notFound()
	return nil
}

// createToken answers POST /api/auth/tokens/.
func (s *Server) createToken(c *ctx) {
	if !tokenGate(c) {
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	name, _ := b.text("name", 128, true, false)
	enabled, set := b.flag("enabled", false)
	exp, _ := b.datetime("expires_at")
	now := time.Now()
	if exp != nil && !exp.After(now) {
		b.errs.add("expires_at", stamp(*exp).String()+" must be a future time.")
	}
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	for _, t := range c.myAPITokens() {
		if t.name == name {
			// A bare ValidationError from the view: a top-level array.
			c.json(http.StatusBadRequest, []string{"API token with this user and name already exists."})
			return
		}
	}
	t := &token{id: c.st.newID(), key: "alpat-" + randomFrom(alnum, 40), name: name,
		user: c.me.id, enabled: enabled || !set, expires: exp, added: now, updated: now}
	c.st.tokens = append(c.st.tokens, t)
	w := renderToken(t).(tokenWire)
	w.Key = t.key
	c.json(http.StatusCreated, w)
}

// deleteToken answers DELETE /api/auth/tokens/<id>/.
func (s *Server) deleteToken(c *ctx) {
	if !tokenGate(c) {
		return
	}
	t := c.myToken()
	if t == nil {
		return
	}
	var keep []*token
	for _, x := range c.st.tokens {
		if x != t {
			keep = append(keep, x)
		}
	}
	c.st.tokens = keep
	c.noContent()
}
