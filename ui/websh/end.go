package websh

import (
	"errors"
	"fmt"

	"alpacon-tui/client"
)

// describeEnd turns a stream error into "<code> <reason>" when it carries a
// websocket close code (client.CloseError, or any error with a CloseCode
// method), else into its text.
func describeEnd(err error) string {
	var ce *client.CloseError
	if errors.As(err, &ce) {
		return codeReason(ce.Code, ce.Reason)
	}
	var cc interface{ CloseCode() int }
	if !errors.As(err, &cc) {
		return err.Error()
	}
	var cr interface{ CloseReason() string }
	reason := ""
	if errors.As(err, &cr) {
		reason = cr.CloseReason()
	}
	return codeReason(cc.CloseCode(), reason)
}

// codeReason formats a close code and its optional reason.
func codeReason(code int, reason string) string {
	if reason == "" {
		return fmt.Sprint(code)
	}
	return fmt.Sprintf("%d %s", code, reason)
}
