package client

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeError feeds the error decoder arbitrary bodies: it must never
// panic, must keep the status, and must give one valid, bounded line.
func FuzzDecodeError(f *testing.F) {
	seeds := []struct {
		status int
		ctype  string
		body   string
	}{
		{400, "application/json", `{"email": ["Enter a valid email address."]}`},
		{400, "application/json", `{"non_field_errors": ["There should be at least a superuser."]}`},
		{404, "application/json", `{"detail": "Not found."}`},
		{400, "application/json", `["API token with this user and name already exists."]`},
		{400, "application/json", `{"info": {"field": ["x"]}, "groups": [["y"], {"a": [1]}]}`},
		{401, "application/json", `{"code": "auth_mfa_required", "source": "websh"}`},
		{500, "text/html", "<h1>Server Error (500)</h1>"},
		{502, "", ""},
		{503, "application/json", `{"detail": "cut off mid-`},
		{429, "application/json", `{"detail": "Request was throttled."}`},
		{400, "application/json", `{"detail": ["a", {"b": "c"}], "code": ["x"], "": [null]}`},
		{500, "text/plain", "\xff\xfe\xe2\x82"},
		{400, "application/json", `"bare string"`},
	}
	for _, s := range seeds {
		f.Add(s.status, s.ctype, []byte(s.body), "7")
	}
	f.Fuzz(func(t *testing.T, status int, ctype string, body []byte, retry string) {
		h := http.Header{"Content-Type": {ctype}, "Retry-After": {retry}}
		e := decodeError(status, h, body)
		if e.Status != status {
			t.Fatalf("Status = %d, want %d", e.Status, status)
		}
		msg := e.Error()
		if msg == "" || !utf8.ValidString(msg) || strings.ContainsAny(msg, "\r\n\x1b") {
			t.Fatalf("Error() = %q: want one non-empty line of valid UTF-8", msg)
		}
		if !utf8.ValidString(e.Body) || len(e.Body) > maxExcerpt+len("…") {
			t.Fatalf("Body = %q: want valid UTF-8 of at most %d bytes", e.Body, maxExcerpt)
		}
		if e.RetryAfter < 0 {
			t.Fatalf("RetryAfter = %v", e.RetryAfter)
		}
	})
}
