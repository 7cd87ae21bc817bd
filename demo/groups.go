package demo

import (
	"net/http"
	"strconv"
	"time"
)

// Membership roles, lowest first.
const (
	roleMember  = "member"
	roleManager = "manager"
	roleOwner   = "owner"
)

// defaultGroup is the group every user belongs to; it has no owner and its
// memberships cannot be changed.
const defaultGroup = "alpacon"

// groupListWire is a group in a list answer.
type groupListWire struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	DisplayName  string      `json:"display_name"`
	Tags         string      `json:"tags"`
	NumMembers   int         `json:"num_members"`
	GID          *int        `json:"gid"`
	IsLDAPGroup  bool        `json:"is_ldap_group"`
	Servers      []serverRef `json:"servers"`
	ServersNames []string    `json:"servers_names"`
	MembersNames []string    `json:"members_names"`
}

// groupWire is a group in a detail answer.
type groupWire struct {
	groupListWire
	Description string `json:"description"`
	AddedAt     *stamp `json:"added_at"`
	UpdatedAt   *stamp `json:"updated_at"`
}

func (st *store) renderGroupList(g *group) groupListWire {
	gid := g.gid
	w := groupListWire{ID: g.id, Name: g.name, DisplayName: g.display, Tags: g.tags,
		GID: &gid, IsLDAPGroup: g.ldap, Servers: []serverRef{}, ServersNames: []string{},
		MembersNames: []string{}}
	for _, id := range g.servers {
		if sv := st.serverByID(id); sv != nil {
			w.Servers = append(w.Servers, sv.ref())
			w.ServersNames = append(w.ServersNames, sv.name)
		}
	}
	for _, m := range st.members {
		if m.group == g.id {
			w.NumMembers++
			w.MembersNames = append(w.MembersNames, st.userByID(m.user).displayName())
		}
	}
	return w
}

func (st *store) renderGroup(g *group) groupWire {
	return groupWire{groupListWire: st.renderGroupList(g), Description: g.descr,
		AddedAt: ts(g.added), UpdatedAt: ts(g.updated)}
}

func (st *store) liveGroups() []*group {
	var out []*group
	for _, g := range st.groups {
		if !g.deleted {
			out = append(out, g)
		}
	}
	return out
}

func groupSpec(st *store) listSpec[*group] {
	return listSpec[*group]{
		filters: map[string]filter[*group]{
			"name":          textFilter(func(g *group) string { return g.name }),
			"is_ldap_group": boolFilter(func(g *group) bool { return g.ldap }),
		},
		search: []func(*group) []string{
			func(g *group) []string { return []string{g.id, g.name, g.display, g.tags, g.descr} },
			func(g *group) []string { return one(strconv.Itoa(g.gid)) },
			func(g *group) []string { return st.renderGroupList(g).ServersNames },
		},
		order: map[string]func(*group) any{
			"name":         func(g *group) any { return g.name },
			"display_name": func(g *group) any { return g.display },
			"gid":          func(g *group) any { return g.gid },
			"added_at":     func(g *group) any { return g.added },
		},
		defaults: []string{"display_name"},
	}
}

// listGroups answers GET /api/iam/groups/: every group is visible.
func (s *Server) listGroups(c *ctx) {
	items, ok := applyList(c, c.st.liveGroups(), groupSpec(c.st))
	if ok {
		writePage(c, items, func(g *group) any { return c.st.renderGroupList(g) })
	}
}

func (c *ctx) targetGroup() *group {
	g := c.st.groupByID(c.args[0])
	if g == nil {
		c.notFound()
	}
	return g
}

// getGroup answers GET /api/iam/groups/<id>/.
func (s *Server) getGroup(c *ctx) {
	if g := c.targetGroup(); g != nil {
		c.json(http.StatusOK, c.st.renderGroup(g))
	}
}

// serverExists is the pk check of group and session bodies.
func (st *store) serverExists(id string) bool { return st.serverByID(id) != nil }

// applyGroupFields copies the writable fields of b into g.
func (st *store) applyGroupFields(b *body, g *group, partial bool) {
	if v, ok := b.text("display_name", 128, !partial, false); ok {
		g.display = v
	}
	if v, ok := b.text("tags", 128, false, true); ok {
		g.tags = v
	}
	if v, ok := b.text("description", 0, false, true); ok {
		g.descr = v
	}
	if v, ok := b.flag("is_ldap_group", false); ok {
		g.ldap = v
	}
	if b.has("servers") && !b.isNull("servers") && string(b.m["servers"]) == "[]" {
		g.servers = nil // a group may have no servers
	} else if ids, ok := b.pkList("servers", false, st.serverExists); ok {
		g.servers = ids
	}
}

// createGroup answers POST /api/iam/groups/; the creator becomes owner.
func (s *Server) createGroup(c *ctx) {
	if !c.privileged() {
		c.forbidden()
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	now := time.Now()
	g := &group{added: now, updated: now}
	if name, ok := b.text("name", 0, true, false); ok {
		for _, m := range c.st.groupnameProblems(name) {
			b.errs.add("name", m)
		}
		g.name = name
	}
	c.st.applyGroupFields(b, g, false)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	g.id, g.gid = c.st.newID(), c.st.nextGID
	c.st.nextGID++
	c.st.groups = append(c.st.groups, g)
	c.st.addMember(g, c.me, roleOwner, now)
	c.json(http.StatusCreated, c.st.renderGroup(g))
}

func (s *Server) patchGroup(c *ctx) { s.updateGroup(c, true) }
func (s *Server) putGroup(c *ctx)   { s.updateGroup(c, false) }

// updateGroup answers PUT/PATCH /api/iam/groups/<id>/: managers, owners
// and superusers only; the name is read-only.
func (s *Server) updateGroup(c *ctx, partial bool) {
	g := c.targetGroup()
	if g == nil {
		return
	}
	role := c.st.roleIn(g.id, c.me.id)
	if !c.me.superuser && role != roleManager && role != roleOwner {
		c.forbidden()
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	next := *g
	c.st.applyGroupFields(b, &next, partial)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	next.updated = time.Now()
	*g = next
	c.json(http.StatusOK, c.st.renderGroup(g))
}

// deleteGroup answers DELETE /api/iam/groups/<id>/ (soft delete).
func (s *Server) deleteGroup(c *ctx) {
	g := c.targetGroup()
	if g == nil {
		return
	}
	if !c.me.superuser && c.st.roleIn(g.id, c.me.id) != roleOwner {
		c.forbidden()
		return
	}
	if g.name == defaultGroup {
		c.nonField(`Default group "alpacon" cannot be removed.`)
		return
	}
	g.deleted, g.name = true, "deleted_group-"+g.name+"-"+randomFrom(alnum, 16)
	var keep []*membership
	for _, m := range c.st.members {
		if m.group != g.id {
			keep = append(keep, m)
		}
	}
	c.st.members = keep
	c.noContent()
}

// addMember adds u to g with role.
func (st *store) addMember(g *group, u *user, role string, now time.Time) *membership {
	m := &membership{id: st.newID(), group: g.id, user: u.id, role: role, added: now,
		updated: now}
	st.members = append(st.members, m)
	return m
}
