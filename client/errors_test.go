package client_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"alpacon-tui/client"
)

const djangoHTML500 = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Server Error (500)" +
	"</title>\n<style>body { color: red; }</style></head>\n<body>\n  <h1>Server Error (500)</h1>" +
	"<p>Tom &amp; Jerry</p>\n\n</body>\n</html>\n"

func TestAPIErrorBodies(t *testing.T) {
	tests := []struct {
		name     string
		rp       reply
		want     client.APIError // compared field by field, Body only when set
		wantText string
	}{
		{"field errors", reply{status: 400, body: `{"username": ["Please use another username ` +
			`as it is disallowed."], "email": ["Enter a valid email address."]}`},
			client.APIError{Status: 400, Fields: map[string][]string{
				"username": {"Please use another username as it is disallowed."},
				"email":    {"Enter a valid email address."}}},
			"email: Enter a valid email address.; " +
				"username: Please use another username as it is disallowed."},
		{"non_field_errors", reply{status: 400,
			body: `{"non_field_errors": ["There should be at least a superuser in the system."]}`},
			client.APIError{Status: 400,
				NonField: []string{"There should be at least a superuser in the system."}},
			"There should be at least a superuser in the system."},
		{"detail", reply{status: 404, body: `{"detail": "Not found."}`},
			client.APIError{Status: 404, Detail: "Not found."}, "Not found."},
		{"top-level array", reply{status: 400,
			body: `["API token with this user and name already exists."]`},
			client.APIError{Status: 400,
				NonField: []string{"API token with this user and name already exists."}},
			"API token with this user and name already exists."},
		{"nested object and list", reply{status: 400, body: `{"info": {"field": ["Bad value."]},` +
			` "groups": [["This list may not be empty."], {"name": ["Too long."]}], "rows": [3]}`},
			client.APIError{Status: 400, Fields: map[string][]string{
				"info.field":    {"Bad value."},
				"groups.0":      {"This list may not be empty."},
				"groups.1.name": {"Too long."},
				"rows":          {"3"}}},
			"groups.0: This list may not be empty.; groups.1.name: Too long.; " +
				"info.field: Bad value.; rows: 3"},
		{"HTML 500", reply{status: 500, body: djangoHTML500, ctype: "text/html; charset=utf-8"},
			client.APIError{Status: 500,
				Body: "Server Error (500) Tom & Jerry"},
			"HTTP 500 Internal Server Error: Server Error (500) Tom & Jerry"},
		{"empty 502", reply{status: 502}, client.APIError{Status: 502}, "HTTP 502 Bad Gateway"},
		{"429 with Retry-After", reply{status: 429, header: http.Header{"Retry-After": {"7"}},
			body: `{"detail": "Request was throttled. Expected available in 7 seconds."}`},
			client.APIError{Status: 429, RetryAfter: 7 * time.Second,
				Detail: "Request was throttled. Expected available in 7 seconds."},
			"Request was throttled. Expected available in 7 seconds."},
		{"coded denial without detail", reply{status: 403,
			body: `{"code": "work_session_required", "source": "websh"}`},
			client.APIError{Status: 403, Code: "work_session_required", Source: "websh"},
			"HTTP 403 Forbidden: work_session_required (websh)"},
		{"plain text 503", reply{status: 503, body: "upstream\nconnect error\x1b[31m",
			ctype: "text/plain"},
			client.APIError{Status: 503, Body: "upstream connect error [31m"},
			"HTTP 503 Service Unavailable: upstream connect error [31m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := fakeServer(t, map[string]reply{"GET /api/iam/users/": tt.rp})
			_, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
			ae := asAPIError(t, err)
			checkAPIError(t, ae, &tt.want)
			if err.Error() != tt.wantText {
				t.Errorf("Error() = %q\n want %q", err.Error(), tt.wantText)
			}
		})
	}
}

func asAPIError(t *testing.T, err error) *client.APIError {
	t.Helper()
	var ae *client.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %T %v, want *APIError", err, err)
	}
	return ae
}

func checkAPIError(t *testing.T, got, want *client.APIError) {
	t.Helper()
	if got.Status != want.Status || got.Detail != want.Detail || got.Code != want.Code ||
		got.Source != want.Source || got.RetryAfter != want.RetryAfter {
		t.Errorf("status/detail/code/source/retry = %d/%q/%q/%q/%v, want %d/%q/%q/%q/%v",
			got.Status, got.Detail, got.Code, got.Source, got.RetryAfter,
			want.Status, want.Detail, want.Code, want.Source, want.RetryAfter)
	}
	if len(got.Fields)+len(want.Fields) > 0 && !reflect.DeepEqual(got.Fields, want.Fields) {
		t.Errorf("Fields = %v, want %v", got.Fields, want.Fields)
	}
	if !reflect.DeepEqual(got.NonField, want.NonField) {
		t.Errorf("NonField = %q, want %q", got.NonField, want.NonField)
	}
	if want.Body != "" && got.Body != want.Body {
		t.Errorf("Body = %q, want %q", got.Body, want.Body)
	}
}

func TestLongHTMLExcerptCutOnCharacter(t *testing.T) {
	page := "<html><body><p>" + strings.Repeat("서버 오류 ", 100) + "</p></body></html>"
	srv, _ := fakeServer(t, map[string]reply{
		"GET /api/iam/users/": {status: 500, body: page, ctype: "text/html"}})
	_, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
	ae := asAPIError(t, err)
	if !utf8.ValidString(ae.Body) || !strings.HasSuffix(ae.Body, "…") {
		t.Errorf("Body = %q: want valid UTF-8 ending in an ellipsis", ae.Body)
	}
	if n := len(strings.TrimSuffix(ae.Body, "…")); n > 200 || n < 190 {
		t.Errorf("Body is %d bytes before the ellipsis, want 190..200", n)
	}
	if strings.ContainsAny(ae.Body, "<>") {
		t.Errorf("Body kept tags: %q", ae.Body)
	}
}

// cutOffServer answers with a Content-Length larger than the body it sends,
// then drops the connection, as a crashing proxy does.
func cutOffServer(t *testing.T, status int, partial string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer conn.Close()
		writeCutOff(buf, status, partial)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func writeCutOff(buf *bufio.ReadWriter, status int, partial string) {
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\n"+
		"Content-Length: %d\r\nConnection: close\r\n\r\n%s",
		status, http.StatusText(status), len(partial)+500, partial)
	_ = buf.Flush()
}

func TestBodyCutOffKeepsStatus(t *testing.T) {
	t.Run("error status", func(t *testing.T) {
		srv := cutOffServer(t, 503, `{"detail": "Service temporarily unava`)
		_, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
		ae := asAPIError(t, err)
		if ae.Status != 503 || !strings.Contains(err.Error(), "cut off") ||
			!strings.Contains(err.Error(), "HTTP 503") {
			t.Errorf("err = %v (status %d)", err, ae.Status)
		}
	})
	t.Run("success status", func(t *testing.T) {
		srv := cutOffServer(t, 200, `{"count": 3, "results": [{"id": "x`)
		_, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
		var re *client.ResponseError
		if !errors.As(err, &re) || re.Status != 200 || !strings.Contains(err.Error(), "HTTP 200") {
			t.Errorf("err = %T %v, want *ResponseError with status 200", err, err)
		}
	})
}

func TestSuccessWithWrongContentType(t *testing.T) {
	srv, _ := fakeServer(t, map[string]reply{"GET /api/iam/users/": {
		body: "<html>Sign in</html>", ctype: "text/html; charset=utf-8"}})
	_, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
	want := "unexpected response from server (HTTP 200, Content-Type: text/html; charset=utf-8)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestUnauthenticatedSentinels(t *testing.T) {
	tests := []struct {
		status            int
		body              string
		unauth, forbidden bool
	}{
		{401, `{"detail": "Authentication credentials were not provided."}`, true, false},
		{401, `{"authenticated": false}`, true, false},
		{403, `{"detail": "Authentication credentials were not provided."}`, true, false},
		{403, `{"detail": "You do not have permission to perform this action."}`, false, true},
		{404, `{"detail": "Not found."}`, false, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %s", tt.status, tt.body), func(t *testing.T) {
			srv, _ := fakeServer(t, map[string]reply{
				"GET /api/status/": {status: tt.status, body: tt.body}})
			err := newClient(t, srv).CheckToken(context.Background())
			if errors.Is(err, client.ErrUnauthenticated) != tt.unauth ||
				errors.Is(err, client.ErrForbidden) != tt.forbidden {
				t.Errorf("err %v: Is unauth/forbidden = %v/%v", err,
					errors.Is(err, client.ErrUnauthenticated), errors.Is(err, client.ErrForbidden))
			}
		})
	}
}

// Closing a listener right away gives a port where nothing answers.
func deadURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func TestTransportErrorIsNotAPIError(t *testing.T) {
	c, err := client.New(deadURL(t))
	if err != nil {
		t.Fatal(err)
	}
	err = c.CheckToken(context.Background())
	var ae *client.APIError
	if err == nil || errors.As(err, &ae) {
		t.Errorf("err = %T %v, want a transport error", err, err)
	}
}

func TestSuccessWithWrongShape(t *testing.T) {
	srv, _ := fakeServer(t, map[string]reply{"GET /api/iam/users/": {
		body: `{"count": "many", "results": {}}`}})
	_, err := newClient(t, srv).ListUsers(context.Background(), client.ListOptions{})
	var re *client.ResponseError
	if !errors.As(err, &re) || re.Status != 200 || re.Err == nil {
		t.Errorf("err = %T %v, want *ResponseError carrying the decode error", err, err)
	}
}
