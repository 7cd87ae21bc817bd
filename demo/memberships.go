package demo

import (
	"net/http"
	"time"
)

// membershipWire is a membership; group stays a UUID while user is the
// 2026 nested summary.
type membershipWire struct {
	ID        string   `json:"id"`
	Group     string   `json:"group"`
	GroupName string   `json:"group_name"`
	User      *userRef `json:"user"`
	UserName  string   `json:"user_name"`
	Role      string   `json:"role"`
	AddedAt   *stamp   `json:"added_at,omitempty"`
	UpdatedAt *stamp   `json:"updated_at,omitempty"`
}

func (st *store) renderMembership(m *membership, detail bool) membershipWire {
	w := membershipWire{ID: m.id, Group: m.group, GroupName: st.groupByID(m.group).display,
		User: st.userRef(m.user), UserName: st.userByID(m.user).displayName(), Role: m.role}
	if detail {
		w.AddedAt, w.UpdatedAt = ts(m.added), ts(m.updated)
	}
	return w
}

var membershipSpec = listSpec[*membership]{
	filters: map[string]filter[*membership]{
		"group": refFilter(func(st *store, id string) bool { return st.groupByID(id) != nil },
			func(m *membership) []string { return one(m.group) }),
		"user": refFilter(func(st *store, id string) bool { return st.userByID(id) != nil },
			func(m *membership) []string { return one(m.user) }),
		"role": {
			check: func(_ *store, v string) string {
				if !validRole(v) {
					return "Select a valid choice. " + v + " is not one of the available choices."
				}
				return ""
			},
			match: func(m *membership, v string) bool { return m.role == v },
		},
	},
}

func validRole(r string) bool { return r == roleMember || r == roleManager || r == roleOwner }

// listMemberships answers GET /api/iam/memberships/: a bare array as in
// 2024, or the page envelope when page or page_size is asked for, which
// satisfies both paths of the 2026 CLI.
func (s *Server) listMemberships(c *ctx) {
	items, ok := applyList(c, c.st.members, membershipSpec)
	if !ok {
		return
	}
	q := c.r.URL.Query()
	if q.Has("page") || q.Has("page_size") {
		writePage(c, items, func(m *membership) any { return c.st.renderMembership(m, false) })
		return
	}
	out := []membershipWire{}
	for _, m := range items {
		out = append(out, c.st.renderMembership(m, false))
	}
	c.json(http.StatusOK, out)
}

func (c *ctx) targetMembership() *membership {
	for _, m := range c.st.members {
		if m.id == c.args[0] {
			return m
		}
	}
	c.notFound()
	return nil
}

// getMembership answers GET /api/iam/memberships/<id>/.
func (s *Server) getMembership(c *ctx) {
	if m := c.targetMembership(); m != nil {
		c.json(http.StatusOK, c.st.renderMembership(m, true))
	}
}

const (
	msgHigher      = "Requires higher privilege."
	msgOnlyOwner   = "This user is the only owner of the group. Add another owner to proceed."
	msgDefaultMemb = `Memberships for default group "alpacon" cannot be changed.`
)

// mayGrant tells whether the caller may add or remove a membership with
// role: managers and owners handle members, only owners handle the rest.
func (c *ctx) mayGrant(group, role string) bool {
	if c.me.superuser {
		return true
	}
	mine := c.st.roleIn(group, c.me.id)
	if role == roleMember {
		return mine == roleManager || mine == roleOwner
	}
	return mine == roleOwner
}

// createMembership answers POST /api/iam/memberships/.
func (s *Server) createMembership(c *ctx) {
	b := c.parseBody()
	if b == nil {
		return
	}
	g, _ := b.pk("group", true, func(id string) bool { return c.st.groupByID(id) != nil })
	u, _ := b.pk("user", true, func(id string) bool { return c.st.userByID(id) != nil })
	role := roleMember
	if v, ok := b.text("role", 0, false, false); ok {
		if !validRole(v) {
			b.errs.add("role", `"`+v+`" is not a valid choice.`)
		}
		role = v
	}
	if g != "" && c.st.groupByID(g).name == defaultGroup {
		b.errs.add("group", msgDefaultMemb)
	}
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	if c.st.membershipOf(g, u) != nil {
		c.nonField("The fields user, group must make a unique set.")
		return
	}
	if !c.mayGrant(g, role) {
		c.detail(http.StatusForbidden, msgHigher)
		return
	}
	m := c.st.addMember(c.st.groupByID(g), c.st.userByID(u), role, time.Now())
	c.json(http.StatusCreated, c.st.renderMembership(m, true))
}

// updateMembership answers PUT/PATCH /api/iam/memberships/<id>/: only the
// role is writable, and only by an owner of the group or a superuser.
func (s *Server) updateMembership(c *ctx) {
	m := c.targetMembership()
	if m == nil {
		return
	}
	if !c.me.superuser && c.st.roleIn(m.group, c.me.id) != roleOwner {
		c.detail(http.StatusForbidden, "Requires group owner.")
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	role, ok := b.text("role", 0, false, false)
	if ok && !validRole(role) {
		b.errs.add("role", `"`+role+`" is not a valid choice.`)
	}
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	if c.st.groupByID(m.group).name == defaultGroup {
		c.nonField(msgDefaultMemb)
		return
	}
	if ok && m.role == roleOwner && role != roleOwner && c.st.countRole(m.group, roleOwner) == 1 {
		c.nonField(msgOnlyOwner)
		return
	}
	if ok {
		m.role, m.updated = role, time.Now()
	}
	c.json(http.StatusOK, c.st.renderMembership(m, true))
}

// deleteMembership answers DELETE /api/iam/memberships/<id>/.
func (s *Server) deleteMembership(c *ctx) {
	m := c.targetMembership()
	if m == nil {
		return
	}
	if c.st.groupByID(m.group).name == defaultGroup {
		c.nonField(msgDefaultMemb)
		return
	}
	if m.user != c.me.id && !c.mayGrant(m.group, m.role) {
		c.detail(http.StatusForbidden, msgHigher)
		return
	}
	if m.role == roleOwner && c.st.countRole(m.group, roleOwner) == 1 {
		c.nonField(msgOnlyOwner)
		return
	}
	var keep []*membership
	for _, x := range c.st.members {
		if x != m {
			keep = append(keep, x)
		}
	}
	c.st.members = keep
	c.noContent()
}
