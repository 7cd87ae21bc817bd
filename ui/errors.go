package ui

import (
	"errors"

	"alpacon-tui/client"
	"alpacon-tui/ui/errtext"
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
	case errtext.Unreachable(err):
		return safetext.Line("cannot reach " + errtext.Host(m.c.BaseURL()) + ": " +
			errtext.Cause(err))
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
