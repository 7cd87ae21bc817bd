package keymap

import "fmt"

// Context names a place of the UI with its own keys; the help of each
// lists exactly the keys that act there.
type Context int

// The places of the UI with their own key set. The lists and the details
// come in the order of the views (servers, users, groups, sessions).
const (
	ContextServers Context = iota
	ContextUsers
	ContextGroups
	ContextSessions
	ContextServerDetail
	ContextUserDetail
	ContextGroupDetail
	ContextSessionDetail
	ContextFilter  // typing a list's filter
	ContextCommand // typing a : command
	ContextForm
	ContextWebsh
	ContextHelpBox // the ? box is open over another context
)

// ListContext returns the context of the resource list at index v, in
// view order (servers, users, groups, sessions).
func ListContext(v int) Context { return ContextServers + Context(v) }

// DetailContext returns the context of the detail view of list index v.
func DetailContext(v int) Context { return ContextServerDetail + Context(v) }

// IsList reports whether c is one of the resource lists.
func (c Context) IsList() bool { return c >= ContextServers && c <= ContextSessions }

// IsDetail reports whether c is the detail view of a resource.
func (c Context) IsDetail() bool {
	return c >= ContextServerDetail && c <= ContextSessionDetail
}

var contextNames = [...]string{
	"servers", "users", "groups", "sessions",
	"server detail", "user detail", "group detail", "session detail",
	"filter", "command", "form", "websh", "help box",
}

// String names the context for tests and debugging.
func (c Context) String() string {
	if c < 0 || int(c) >= len(contextNames) {
		return fmt.Sprintf("Context(%d)", int(c))
	}
	return contextNames[c]
}
