package ui

import (
	"fmt"
	"strings"
)

// View is one of the resource lists, each a tab in the header.
type View int

// The resource lists, in tab order.
const (
	ViewServers View = iota
	ViewUsers
	ViewGroups
	ViewSessions
	viewCount
)

// String returns the tab title of the view.
func (v View) String() string {
	switch v {
	case ViewServers:
		return "Servers"
	case ViewUsers:
		return "Users"
	case ViewGroups:
		return "Groups"
	case ViewSessions:
		return "Sessions"
	}
	return fmt.Sprintf("View(%d)", int(v))
}

// ParseView reads a view name as the --view flag or the : command give it:
// "servers", "server", "users", "u", ... (case-insensitive).
func ParseView(s string) (View, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "servers", "server", "srv", "s":
		return ViewServers, nil
	case "users", "user", "u":
		return ViewUsers, nil
	case "groups", "group", "g":
		return ViewGroups, nil
	case "sessions", "session", "websh":
		return ViewSessions, nil
	}
	return 0, fmt.Errorf("unknown view %q (servers, users, groups, sessions)", s)
}

// screen is what the body shows.
type screen int

const (
	screenList screen = iota
	screenDetail
	screenForm
	screenWebsh
)

// String names the screen for debugging and tests.
func (s screen) String() string {
	switch s {
	case screenList:
		return "list"
	case screenDetail:
		return "detail"
	case screenForm:
		return "form"
	case screenWebsh:
		return "websh"
	}
	return fmt.Sprintf("screen(%d)", int(s))
}
