package demo

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Messages DRF uses for generic denials.
const (
	msgNoCreds     = "Authentication credentials were not provided."
	msgNoPerm      = "You do not have permission to perform this action."
	msgNotFound    = "Not found."
	msgRequired    = "This field is required."
	msgBlank       = "This field may not be blank."
	msgNull        = "This field may not be null."
	msgInvalidPage = "Invalid page."
)

// ctx is one API request being handled, with Server.mu held.
type ctx struct {
	s     *Server
	st    *store
	w     http.ResponseWriter
	r     *http.Request
	me    *user  // nil when anonymous
	tok   *token // the token that authenticated the request
	args  []string
	allow string
	after []func() // run once Server.mu is released (slow shell shutdowns)
}

// fieldErrors are DRF validation errors: field name to messages.
type fieldErrors map[string][]string

func (fe fieldErrors) add(field, msg string) { fe[field] = append(fe[field], msg) }

// json writes v as a JSON answer with DRF's headers.
func (c *ctx) json(status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"detail":"encode error"}`)
	}
	h := c.w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Vary", "Accept")
	if c.allow != "" {
		h.Set("Allow", c.allow)
	}
	c.w.WriteHeader(status)
	_, _ = c.w.Write(b)
}

// noContent writes DRF's delete answer: 204 with neither body nor type.
func (c *ctx) noContent() {
	if c.allow != "" {
		c.w.Header().Set("Allow", c.allow)
	}
	c.w.WriteHeader(http.StatusNoContent)
}

// detail writes {"detail": msg}.
func (c *ctx) detail(status int, msg string) {
	c.json(status, map[string]string{"detail": msg})
}

func (c *ctx) notFound()  { c.detail(http.StatusNotFound, msgNotFound) }
func (c *ctx) forbidden() { c.detail(http.StatusForbidden, msgNoPerm) }

// invalid writes a 400 with field errors.
func (c *ctx) invalid(fe fieldErrors) { c.json(http.StatusBadRequest, fe) }

// nonField writes a 400 {"non_field_errors": [msg]}.
func (c *ctx) nonField(msg string) {
	c.invalid(fieldErrors{"non_field_errors": {msg}})
}

// unauthenticated writes the 2026-style 401 (the 2024 server answered 403
// with the same body; the client must accept both).
func (c *ctx) unauthenticated() {
	c.w.Header().Set("WWW-Authenticate", `Token`)
	c.detail(http.StatusUnauthorized, msgNoCreds)
}

// methodNotAllowed writes DRF's 405 with the Allow header.
func (c *ctx) methodNotAllowed() {
	c.detail(http.StatusMethodNotAllowed, `Method "`+c.r.Method+`" not allowed.`)
}

// htmlPage writes a Django-style HTML page, as Django does outside DRF.
func htmlPage(w http.ResponseWriter, status int, title, text string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte("<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>" + title +
		"</title>\n</head>\n<body>\n  <h1>" + title + "</h1><p>" + text + "</p>\n</body>\n</html>\n"))
}

// isJSONType reports whether a Content-Type header names JSON.
func isJSONType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}
