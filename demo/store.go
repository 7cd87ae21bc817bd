package demo

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// user is an IAM user. A deleted user stays in the store (soft delete) but
// is invisible to every endpoint.
type user struct {
	id, username, password                 string
	first, last, email, phone, tags, descr string
	shell, home                            string
	uid                                    int // 0 once deleted
	active, staff, superuser, ldap         bool
	deleted                                bool
	joined, added, updated                 time.Time
	lastLogin                              *time.Time
	lastLoginIP                            string
}

// group is an IAM group; servers holds server IDs.
type group struct {
	id, name, display, tags, descr string
	gid                            int
	ldap, deleted                  bool
	servers                        []string
	added, updated                 time.Time
}

// membership ties a user to a group with a role.
type membership struct {
	id, group, user, role string
	added, updated        time.Time
}

// serverStatus is the health summary of a server.
type serverStatus struct {
	code, text, color string
	messages          []string
}

// server is a managed server as its agent reported it.
type server struct {
	id, name, descr, owner string
	remoteIP               string // "" = never connected
	connected, commission  bool
	enabled                bool
	status                 *serverStatus
	version, osquery       string
	cpuPhys, cpuLogical    int
	cpuType                string
	memory                 int64
	osName, osVersion      string
	load, uptime           float64
	boot, lastSeen, start  *time.Time
	added, updated         time.Time
	sysUsers, sysGroups    []string
}

// note is a note attached to a server.
type note struct {
	id, server, author, content string
	private, pinned             bool
	added, updated              time.Time
}

// token is a login token (login=true) or a personal API token.
type token struct {
	id, key, name, user string
	login, enabled      bool
	expires             *time.Time
	added, updated      time.Time
}

// store is the whole state of the demo server; every access happens with
// Server.mu held.
type store struct {
	users    []*user
	groups   []*group
	members  []*membership
	servers  []*server
	notes    []*note
	tokens   []*token
	sessions []*session
	channels []*channel
	stars    map[string][]string // user ID -> starred server IDs
	ids      *rand.Rand          // deterministic IDs, seeded
	nextUID  int
	nextGID  int
}

func newStore() *store {
	return &store{
		stars:   map[string][]string{},
		ids:     rand.New(rand.NewPCG(20240412, 1)),
		nextUID: 2000,
		nextGID: 2000,
	}
}

// newID returns a lowercase UUIDv4 from the seeded generator, so that the
// seed has the same IDs on every start.
func (st *store) newID() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(st.ids.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func (st *store) userByID(id string) *user {
	for _, u := range st.users {
		if u.id == id && !u.deleted {
			return u
		}
	}
	return nil
}

func (st *store) userByName(name string) *user {
	for _, u := range st.users {
		if u.username == name && !u.deleted {
			return u
		}
	}
	return nil
}

func (st *store) groupByID(id string) *group {
	for _, g := range st.groups {
		if g.id == id && !g.deleted {
			return g
		}
	}
	return nil
}

func (st *store) groupByName(name string) *group {
	for _, g := range st.groups {
		if g.name == name && !g.deleted {
			return g
		}
	}
	return nil
}

func (st *store) serverByID(id string) *server {
	for _, s := range st.servers {
		if s.id == id {
			return s
		}
	}
	return nil
}

func (st *store) serverByName(name string) *server {
	for _, s := range st.servers {
		if s.name == name {
			return s
		}
	}
	return nil
}

// groupsOfServer returns the IDs of the live groups server sv is attached to.
func (st *store) groupsOfServer(sv string) []string {
	var out []string
	for _, g := range st.groups {
		if !g.deleted && contains(g.servers, sv) {
			out = append(out, g.id)
		}
	}
	return out
}

// membershipOf returns the membership of user u in group g, or nil.
func (st *store) membershipOf(g, u string) *membership {
	for _, m := range st.members {
		if m.group == g && m.user == u {
			return m
		}
	}
	return nil
}

// roleIn returns the role of user u in group g, "" when not a member.
func (st *store) roleIn(g, u string) string {
	if m := st.membershipOf(g, u); m != nil {
		return m.role
	}
	return ""
}

// groupsOf returns the IDs of the groups user u belongs to.
func (st *store) groupsOf(u string) []string {
	var out []string
	for _, m := range st.members {
		if m.user == u {
			out = append(out, m.group)
		}
	}
	return out
}

// countRole counts the members of group g with the given role.
func (st *store) countRole(g, role string) int {
	n := 0
	for _, m := range st.members {
		if m.group == g && m.role == role {
			n++
		}
	}
	return n
}

// superusers counts the active superusers.
func (st *store) superusers() int {
	n := 0
	for _, u := range st.users {
		if u.superuser && u.active && !u.deleted {
			n++
		}
	}
	return n
}

// userRef renders the nested 2026 summary of a user ID.
func (st *store) userRef(id string) *userRef {
	u := st.userByIDAny(id)
	if u == nil {
		return nil
	}
	return &userRef{ID: u.id, Name: u.displayName(), Email: u.email}
}

// userByIDAny finds a user even after a soft delete, for references kept by
// servers and sessions.
func (st *store) userByIDAny(id string) *user {
	for _, u := range st.users {
		if u.id == id {
			return u
		}
	}
	return nil
}

// displayName is the full name, else the username (Alpacon's user_name).
func (u *user) displayName() string {
	if n := fullName(u.first, u.last); n != "" {
		return n
	}
	return u.username
}

// serverRef renders the nested 2026 summary of a server.
func (s *server) ref() serverRef {
	return serverRef{ID: s.id, Name: s.name, OS: s.osLabel(), IsConnected: s.connected}
}

// osLabel joins OS name and version like the CLI shows them.
func (s *server) osLabel() string { return fullName(s.osName, s.osVersion) }

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func without(list []string, v string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}
