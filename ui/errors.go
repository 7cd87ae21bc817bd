package ui

import (
	"context"
	"errors"
	"net"
	"net/url"

	"alpacon-tui/client"
	"alpacon-tui/ui/safetext"
	"alpacon-tui/ui/userform"
)

// Messages the user sees for the errors every view can meet.
const (
	msgUnauthenticated = "session expired or token invalid — sign in again"
	msgForbidden       = "You do not have permission to perform this action."
)

// errorText turns an error into one inert status-bar line. what names the
// action ("servers", "save alice") for errors that do not say it.
func (m *Model) errorText(what string, err error) string {
	var apiErr *client.APIError
	switch {
	case errors.Is(err, client.ErrUnauthenticated):
		return msgUnauthenticated
	case errors.Is(err, client.ErrForbidden):
		return safetext.Line(what + ": " + forbiddenText(err))
	case unreachable(err):
		return safetext.Line("cannot reach " + m.host() + ": " + reachCause(err))
	case errors.As(err, &apiErr):
		return safetext.Line(what + ": " + apiErr.Error())
	}
	return safetext.Line(what + ": " + err.Error())
}

// forbiddenText prefers the server's own reason ("Requires superuser…").
func forbiddenText(err error) string {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.Detail != "" {
		return apiErr.Detail
	}
	return msgForbidden
}

// unreachable reports a failure to talk to the server at all.
func unreachable(err error) bool {
	var opErr *net.OpError
	var dnsErr *net.DNSError
	var urlErr *url.Error
	return errors.As(err, &opErr) || errors.As(err, &dnsErr) ||
		errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &urlErr) && urlErr.Timeout())
}

// reachCause is the innermost useful reason: "connection refused".
func reachCause(err error) string {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Err != nil {
		return opErr.Err.Error()
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.Error()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	return err.Error()
}

func (m *Model) host() string {
	u, err := url.Parse(m.c.BaseURL())
	if err != nil || u.Host == "" {
		return m.c.BaseURL()
	}
	return u.Host
}

// formErrors maps a failed save onto the form: 400 field and non-field
// messages go where they belong, anything else becomes the form's message.
func (m *Model) formErrors(err error) userform.Errors {
	var apiErr *client.APIError
	switch {
	case errors.Is(err, client.ErrUnauthenticated):
		return userform.Errors{Message: msgUnauthenticated}
	case errors.Is(err, client.ErrForbidden):
		return userform.Errors{Message: forbiddenText(err)}
	case errors.As(err, &apiErr) && apiErr.Status == 400:
		e := userform.Errors{Fields: apiErr.Fields, NonField: apiErr.NonField}
		if len(e.Fields) == 0 && len(e.NonField) == 0 {
			e.Message = apiErr.Error()
		}
		return e
	}
	return userform.Errors{Message: m.errorText("save", err)}
}
