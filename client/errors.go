package client

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Sentinels for errors.Is on a *APIError.
var (
	// ErrUnauthenticated matches a 401, and a 403 saying no credentials were
	// sent (how the 2024 server answers a missing or expired token).
	ErrUnauthenticated = errors.New("client: not authenticated")
	// ErrForbidden matches every other 403: signed in, but not allowed.
	ErrForbidden = errors.New("client: permission denied")
)

// noCredentials is DRF's detail for an anonymous request to a protected view.
const noCredentials = "Authentication credentials were not provided."

// APIError is any non-2xx answer. Forms map Fields onto their inputs and
// show NonField above them; everything else shows Error().
type APIError struct {
	Status     int                 // HTTP status code
	Detail     string              // DRF "detail"
	Code       string              // 2026 machine code, e.g. "auth_mfa_required"
	Source     string              // 2026 "source" next to code, e.g. "websh"
	Fields     map[string][]string // field errors; nested ones as "info.field", "groups.0"
	NonField   []string            // non_field_errors and bare top-level messages
	RetryAfter time.Duration       // from a Retry-After header in seconds
	Body       string              // short readable excerpt of a body that said nothing else

	cause error // a failure while reading the body, if any
}

// Error returns one readable line: the detail, else the field messages,
// else the code, else the status with an excerpt of the body.
func (e *APIError) Error() string {
	msg := e.message()
	if e.cause != nil {
		msg += " (response cut off: " + e.cause.Error() + ")"
	}
	return oneLine(msg)
}

func (e *APIError) message() string {
	if e.Detail != "" {
		return e.Detail
	}
	if m := e.fieldMessage(); m != "" {
		return m
	}
	status := fmt.Sprintf("HTTP %d", e.Status)
	if t := http.StatusText(e.Status); t != "" {
		status += " " + t
	}
	switch {
	case e.Code != "" && e.Source != "":
		return fmt.Sprintf("%s: %s (%s)", status, e.Code, e.Source)
	case e.Code != "":
		return status + ": " + e.Code
	case e.Body != "":
		return status + ": " + e.Body
	}
	return status
}

// fieldMessage renders NonField then Fields in key order: "field: msg; ...".
func (e *APIError) fieldMessage() string {
	parts := append([]string(nil), e.NonField...)
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, m := range e.Fields[k] {
			parts = append(parts, k+": "+m)
		}
	}
	return strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrUnauthenticated) and ErrForbidden work.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthenticated:
		return e.Status == http.StatusUnauthorized ||
			(e.Status == http.StatusForbidden && e.Detail == noCredentials)
	case ErrForbidden:
		return e.Status == http.StatusForbidden && e.Detail != noCredentials
	}
	return false
}

// Unwrap returns the error that cut the body off, if any.
func (e *APIError) Unwrap() error { return e.cause }

// HandshakeError is a websocket handshake the server refused with an HTTP
// answer, e.g. 403 for an unknown channel or a bad token.
type HandshakeError struct {
	Status int
}

// Error names the status.
func (e *HandshakeError) Error() string {
	return fmt.Sprintf("websh: handshake refused: HTTP %d %s", e.Status, http.StatusText(e.Status))
}

// CloseError is a websh stream that ended abnormally: a close code other
// than 4000/1000/1001, or a dropped connection (Code 1006).
type CloseError struct {
	Code   int
	Reason string
}

// Error names the code and reason.
func (e *CloseError) Error() string {
	if e.Reason == "" {
		return fmt.Sprintf("websh: connection closed (code %d)", e.Code)
	}
	return oneLine(fmt.Sprintf("websh: connection closed (code %d): %s", e.Code, e.Reason))
}
