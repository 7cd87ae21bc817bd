// Package errtext turns the errors of the network and the client into the
// short lines the views show.
package errtext

import (
	"context"
	"errors"
	"net"
	"net/url"
)

// Unreachable reports a failure to talk to the server at all: refused,
// unknown host, timed out.
func Unreachable(err error) bool {
	var opErr *net.OpError
	var dnsErr *net.DNSError
	var urlErr *url.Error
	return errors.As(err, &opErr) || errors.As(err, &dnsErr) ||
		errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &urlErr) && urlErr.Timeout())
}

// Cause is the innermost useful reason of an Unreachable error, such as
// "connection refused".
func Cause(err error) string {
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

// Host returns the host:port of a base URL, or the URL itself.
func Host(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return base
	}
	return u.Host
}
