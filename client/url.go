package client

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// NormalizeBaseURL turns what a user typed ("alpacon.example.com",
// "localhost:8000", "https://host") into the workspace URL requests are
// built on: scheme and host only, no trailing slash. Like the official CLI
// it defaults to https, and to http only for localhost, 127.0.0.1 and ::1.
// A path, query, fragment or user info is refused, and so is plain http for
// any other host: a token must not travel in clear text.
func NormalizeBaseURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("client: empty server URL")
	}
	if !strings.Contains(s, "://") {
		s = defaultScheme(s) + "://" + bracketBareIPv6(s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("client: invalid server URL %q: %w", raw, err)
	}
	if err := checkBaseURL(u, raw); err != nil {
		return "", err
	}
	return strings.ToLower(u.Scheme) + "://" + u.Host, nil
}

// checkBaseURL refuses every part of u other than scheme, host and port.
func checkBaseURL(u *url.URL, raw string) error {
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return fmt.Errorf("client: server URL %q: scheme must be https (or http for localhost)",
			raw)
	case u.Opaque != "" || u.Host == "" || u.Hostname() == "":
		return fmt.Errorf("client: server URL %q has no host", raw)
	case u.User != nil:
		return fmt.Errorf("client: server URL %q must not contain user info", raw)
	case u.Path != "" && u.Path != "/":
		return fmt.Errorf("client: server URL %q must not contain a path", raw)
	case u.RawQuery != "" || u.ForceQuery:
		return fmt.Errorf("client: server URL %q must not contain a query", raw)
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return fmt.Errorf("client: server URL %q must not contain a fragment", raw)
	case scheme == "http" && !isLocalHost(u.Hostname()):
		return fmt.Errorf("client: server URL %q: http is only allowed for localhost; use https",
			raw)
	}
	return nil
}

// defaultScheme picks the scheme for a URL typed without one.
func defaultScheme(hostport string) string {
	host := hostport
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if isLocalHost(strings.Trim(host, "[]")) {
		return "http"
	}
	return "https"
}

// bracketBareIPv6 writes "::1" as "[::1]" so url.Parse reads it as a host.
func bracketBareIPv6(s string) string {
	if ip := net.ParseIP(s); ip != nil && strings.Contains(s, ":") {
		return "[" + s + "]"
	}
	return s
}

// isLocalHost reports whether host is one the CLI lets speak plain http.
func isLocalHost(host string) bool {
	switch strings.ToLower(host) {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}
