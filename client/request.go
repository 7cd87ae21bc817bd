package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Response bodies larger than these are cut: a page of 100 servers is far
// below the first, an error worth showing far below the second.
const (
	maxBody      = 32 << 20
	maxErrorBody = 1 << 20
)

// ResponseError is a 2xx answer the client could not use: a non-JSON
// Content-Type (an HTML login page from a proxy), a body cut off while it
// was read, or JSON that does not fit the expected shape.
type ResponseError struct {
	Status      int
	ContentType string
	Err         error // nil for a wrong Content-Type
}

// Error reads like the official CLI's message for the same case.
func (e *ResponseError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("unexpected response from server (HTTP %d, Content-Type: %s)",
			e.Status, e.ContentType)
	}
	return fmt.Sprintf("unexpected response from server (HTTP %d): %v", e.Status, e.Err)
}

// Unwrap returns the read or decode error.
func (e *ResponseError) Unwrap() error { return e.Err }

// request describes one REST call.
type request struct {
	method string
	path   string // below the base URL, starting and ending with "/"
	query  url.Values
	body   any  // marshalled to JSON when not nil
	noAuth bool // login and env must not carry a stale token
}

// newRequest builds the HTTP request for r.
func (c *Client) newRequest(ctx context.Context, r request) (*http.Request, error) {
	u := c.baseURL + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	var body io.Reader
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, fmt.Errorf("client: encoding %s %s: %w", r.method, r.path, err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u, body)
	if err != nil {
		return nil, fmt.Errorf("client: %s %s: %w", r.method, r.path, err)
	}
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if a := c.authHeader(); a != "" && !r.noAuth {
		req.Header.Set("Authorization", a)
	}
	return req, nil
}

// call sends r and decodes a 2xx JSON answer into out (unless out is nil).
func (c *Client) call(ctx context.Context, r request, out any) error {
	raw, err := c.fetch(ctx, r)
	if err != nil || out == nil || len(bytes.TrimSpace(raw.body)) == 0 {
		return err
	}
	if err := json.Unmarshal(raw.body, out); err != nil {
		return &ResponseError{Status: raw.status, ContentType: raw.contentType,
			Err: fmt.Errorf("decoding %s %s: %w", r.method, r.path, err)}
	}
	return nil
}

// rawResponse is a 2xx answer whose JSON body is not decoded yet.
type rawResponse struct {
	status      int
	contentType string
	body        []byte
}

// fetch sends r and returns the 2xx body, or the error the answer means.
func (c *Client) fetch(ctx context.Context, r request) (*rawResponse, error) {
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		// A *url.Error repeats the whole URL, query string included.
		cause := err
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			cause = urlErr.Err
		}
		c.log.Debug("request failed", "method", r.method, "path", r.path,
			"took", time.Since(start), "err", cause)
		return nil, fmt.Errorf("client: %s %s: %w", r.method, r.path, err)
	}
	defer resp.Body.Close()
	c.log.Debug("request", "method", r.method, "path", r.path, "status", resp.StatusCode,
		"took", time.Since(start))

	ct := resp.Header.Get("Content-Type")
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		body, readErr := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		e := decodeError(resp.StatusCode, resp.Header, body)
		e.cause = readErr
		return nil, e
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, &ResponseError{Status: resp.StatusCode, ContentType: ct,
			Err: fmt.Errorf("reading %s %s: %w", r.method, r.path, err)}
	}
	if len(bytes.TrimSpace(body)) > 0 && ct != "" && !isJSON(ct) {
		return nil, &ResponseError{Status: resp.StatusCode, ContentType: ct}
	}
	return &rawResponse{status: resp.StatusCode, contentType: ct, body: body}, nil
}

// isJSON reports whether a Content-Type names JSON (application/json or a
// +json type such as application/problem+json).
func isJSON(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.Contains(strings.ToLower(ct), "json")
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// get, post, patch and del are the four verbs the API uses.
func (c *Client) get(ctx context.Context, path string, q url.Values, out any) error {
	return c.call(ctx, request{method: http.MethodGet, path: path, query: q}, out)
}

func (c *Client) post(ctx context.Context, path string, body, out any) error {
	return c.call(ctx, request{method: http.MethodPost, path: path, body: body}, out)
}

func (c *Client) patch(ctx context.Context, path string, body, out any) error {
	return c.call(ctx, request{method: http.MethodPatch, path: path, body: body}, out)
}

func (c *Client) del(ctx context.Context, path string) error {
	return c.call(ctx, request{method: http.MethodDelete, path: path}, nil)
}

// detail joins a collection path and an id into the detail path. The id
// is escaped, and an empty or dot id is refused, so no id can reach
// another endpoint.
func detail(collection, id string, action ...string) (string, error) {
	if id == "" || id == "." || id == ".." {
		return "", fmt.Errorf("client: invalid id %q", id)
	}
	p := collection + url.PathEscape(id) + "/"
	for _, a := range action {
		p += a + "/"
	}
	return p, nil
}
