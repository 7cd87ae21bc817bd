package demo

import (
	"net/http"
	"slices"
	"time"
)

// statusWire is the server health summary.
type statusWire struct {
	Code     string             `json:"code"`
	Text     string             `json:"text"`
	Icon     string             `json:"icon"`
	Color    string             `json:"color"`
	Messages []string           `json:"messages"`
	Meta     map[string]float64 `json:"meta"`
}

// serverListWire is a server in a list answer; optional agent facts are
// null until the agent reports them.
type serverListWire struct {
	ID               string      `json:"id"`
	Name             string      `json:"name"`
	Description      string      `json:"description"`
	RemoteIP         *string     `json:"remote_ip"`
	Status           *statusWire `json:"status"`
	IsRoot           bool        `json:"is_root"`
	IsConnected      bool        `json:"is_connected"`
	Commissioned     bool        `json:"commissioned"`
	Starred          bool        `json:"starred"`
	CPUPhysicalCores *int        `json:"cpu_physical_cores"`
	CPULogicalCores  *int        `json:"cpu_logical_cores"`
	CPUType          *string     `json:"cpu_type"`
	PhysicalMemory   *int64      `json:"physical_memory"`
	OSName           *string     `json:"os_name"`
	OSVersion        *string     `json:"os_version"`
	Load             *float64    `json:"load"`
	BootTime         *stamp      `json:"boot_time"`
	Owner            *userRef    `json:"owner"`
	OwnerName        string      `json:"owner_name"`
	Groups           []string    `json:"groups"`
	GroupsName       []string    `json:"groups_name"`
}

// serverWire is a server in a detail answer.
type serverWire struct {
	serverListWire
	Version          *string  `json:"version"`
	OsqueryVersion   *string  `json:"osquery_version"`
	Uptime           *float64 `json:"uptime"`
	LastConnectivity *stamp   `json:"last_connectivity"`
	StartedAt        *stamp   `json:"started_at"`
	AddedAt          *stamp   `json:"added_at"`
	UpdatedAt        *stamp   `json:"updated_at"`
}

// opt returns nil for a zero value: agent facts the store does not have.
func opt[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

func (c *ctx) renderServerList(sv *server) serverListWire {
	w := serverListWire{ID: sv.id, Name: sv.name, Description: sv.descr,
		RemoteIP: opt(sv.remoteIP), IsRoot: c.mayUseAccount(sv, "root"),
		IsConnected: sv.connected, Commissioned: sv.commission,
		Starred: contains(c.st.stars[c.me.id], sv.id), CPUPhysicalCores: opt(sv.cpuPhys),
		CPULogicalCores: opt(sv.cpuLogical), CPUType: opt(sv.cpuType),
		PhysicalMemory: opt(sv.memory), OSName: opt(sv.osName), OSVersion: opt(sv.osVersion),
		Load: opt(sv.load), BootTime: tsp(sv.boot), Owner: c.st.userRef(sv.owner),
		Groups: []string{}, GroupsName: []string{}}
	if o := c.st.userByIDAny(sv.owner); o != nil {
		w.OwnerName = o.displayName()
	}
	if st := sv.status; st != nil {
		w.Status = &statusWire{Code: st.code, Text: st.text, Icon: "circle", Color: st.color,
			Messages: append([]string{}, st.messages...),
			Meta: map[string]float64{"delay_1h": 0.4, "delay_1d": 0.5, "delay_1w": 0.6,
				"delay_now": 0.3}}
	}
	for _, gid := range c.st.groupsOfServer(sv.id) {
		w.Groups = append(w.Groups, gid)
		w.GroupsName = append(w.GroupsName, c.st.groupByID(gid).display)
	}
	return w
}

func (c *ctx) renderServer(sv *server) serverWire {
	return serverWire{serverListWire: c.renderServerList(sv), Version: opt(sv.version),
		OsqueryVersion: opt(sv.osquery), Uptime: opt(sv.uptime),
		LastConnectivity: tsp(sv.lastSeen), StartedAt: tsp(sv.start),
		AddedAt: ts(sv.added), UpdatedAt: ts(sv.updated)}
}

// seesServer tells whether the caller may list or open sv: staff see all,
// others the servers of their groups (ownership alone does not list one).
func (c *ctx) seesServer(sv *server) bool {
	if c.privileged() {
		return true
	}
	mine := c.st.groupsOf(c.me.id)
	return slices.ContainsFunc(c.st.groupsOfServer(sv.id), func(g string) bool {
		return contains(mine, g)
	})
}

// usesServer tells whether the caller may open sessions and notes on sv:
// like seesServer, plus the owner.
func (c *ctx) usesServer(sv *server) bool { return c.seesServer(sv) || sv.owner == c.me.id }

// managesServer tells whether the caller is superuser, staff, owner, or a
// manager/owner of one of the server's groups (the websh access rule).
func (c *ctx) managesServer(sv *server) bool {
	if c.privileged() || sv.owner == c.me.id {
		return true
	}
	for _, g := range c.st.groupsOfServer(sv.id) {
		if r := c.st.roleIn(g, c.me.id); r == roleManager || r == roleOwner {
			return true
		}
	}
	return false
}

func (c *ctx) visibleServers() []*server {
	var out []*server
	for _, sv := range c.st.servers {
		if c.seesServer(sv) {
			out = append(out, sv)
		}
	}
	return out
}

func serverSpec(c *ctx) listSpec[*server] {
	groupExists := func(st *store, id string) bool { return st.groupByID(id) != nil }
	userExists := func(st *store, id string) bool { return st.userByID(id) != nil }
	owner := func(sv *server) *user {
		if u := c.st.userByIDAny(sv.owner); u != nil {
			return u
		}
		return &user{}
	}
	return listSpec[*server]{
		filters: map[string]filter[*server]{
			"name":         textFilter(func(sv *server) string { return sv.name }),
			"version":      textFilter(func(sv *server) string { return sv.version }),
			"enabled":      boolFilter(func(sv *server) bool { return sv.enabled }),
			"commissioned": boolFilter(func(sv *server) bool { return sv.commission }),
			"owner":        refFilter(userExists, func(sv *server) []string { return one(sv.owner) }),
			"groups": refFilter(groupExists, func(sv *server) []string {
				return c.st.groupsOfServer(sv.id)
			}),
			"starred": boolFilter(func(sv *server) bool {
				return contains(c.st.stars[c.me.id], sv.id)
			}),
		},
		search: []func(*server) []string{
			func(sv *server) []string { return []string{sv.id, sv.name, sv.version, sv.remoteIP} },
			func(sv *server) []string {
				o := owner(sv)
				return []string{o.username, o.first, o.last}
			},
			func(sv *server) []string { return c.renderServerList(sv).GroupsName },
		},
		order: map[string]func(*server) any{
			"name":            func(sv *server) any { return sv.name },
			"commissioned":    func(sv *server) any { return sv.commission },
			"version":         func(sv *server) any { return sv.version },
			"osquery_version": func(sv *server) any { return sv.osquery },
			"load":            func(sv *server) any { return sv.load },
			"started_at":      func(sv *server) any { return optTime(sv.start) },
			"owner":           func(sv *server) any { return owner(sv).username },
		},
		defaults: []string{"name"},
	}
}

// listServers answers GET /api/servers/servers/.
func (s *Server) listServers(c *ctx) {
	items, ok := applyList(c, c.visibleServers(), serverSpec(c))
	if ok {
		writePage(c, items, func(sv *server) any { return c.renderServerList(sv) })
	}
}

// targetServer resolves the detail id among the servers the caller sees;
// others are 404, not 403, as outside the queryset.
func (c *ctx) targetServer() *server {
	sv := c.st.serverByID(c.args[0])
	if sv == nil || !c.seesServer(sv) {
		c.notFound()
		return nil
	}
	return sv
}

// getServer answers GET /api/servers/servers/<id>/.
func (s *Server) getServer(c *ctx) {
	if sv := c.targetServer(); sv != nil {
		c.json(http.StatusOK, c.renderServer(sv))
	}
}

func (s *Server) patchServer(c *ctx) { s.updateServer(c, true) }
func (s *Server) putServer(c *ctx)   { s.updateServer(c, false) }

// updateServer answers PUT/PATCH /api/servers/servers/<id>/.
//
// Deviation: the 2024 server defines but does not attach its permission
// class, so anyone who sees a server may change it; the demo enforces the
// intended rule (staff, superuser or owner) instead.
func (s *Server) updateServer(c *ctx, partial bool) {
	sv := c.targetServer()
	if sv == nil {
		return
	}
	if !c.privileged() && sv.owner != c.me.id {
		c.forbidden()
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	next := *sv
	if v, ok := b.text("name", 16, !partial, false); ok {
		c.checkServerName(b, sv, v)
		next.name = v
	}
	if v, ok := b.text("description", 0, false, true); ok {
		next.descr = v
	}
	if v, ok := b.pk("owner", false, func(id string) bool { return c.st.userByID(id) != nil }); ok {
		next.owner = v
	}
	_, _ = b.secret("key", 128, false) // write-only: re-keys the agent, nothing to do here
	groups, setGroups := b.pkList("groups", !partial,
		func(id string) bool { return c.st.groupByID(id) != nil })
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	next.updated = time.Now()
	*sv = next
	if setGroups {
		c.st.setServerGroups(sv.id, groups)
	}
	c.json(http.StatusOK, c.renderServer(sv))
}

// checkServerName validates a new server name: slug, unique.
func (c *ctx) checkServerName(b *body, sv *server, name string) {
	if !slugName.MatchString(name) {
		b.errs.add("name", `Enter a valid "slug" consisting of letters, numbers, `+
			`underscores or hyphens.`)
	}
	if o := c.st.serverByName(name); o != nil && o != sv {
		b.errs.add("name", "server with this name already exists.")
	}
}

// setServerGroups makes groups exactly the groups of server sv.
func (st *store) setServerGroups(sv string, groups []string) {
	for _, g := range st.groups {
		g.servers = without(g.servers, sv)
		if contains(groups, g.id) {
			g.servers = append(g.servers, sv)
		}
	}
}

// deleteServer answers DELETE /api/servers/servers/<id>/ (hard delete,
// same permission deviation as updateServer).
func (s *Server) deleteServer(c *ctx) {
	sv := c.targetServer()
	if sv == nil {
		return
	}
	if !c.privileged() && sv.owner != c.me.id {
		c.forbidden()
		return
	}
	c.st.setServerGroups(sv.id, nil)
	c.st.servers = slices.DeleteFunc(c.st.servers, func(x *server) bool { return x == sv })
	c.st.notes = slices.DeleteFunc(c.st.notes, func(n *note) bool { return n.server == sv.id })
	for u, ids := range c.st.stars {
		c.st.stars[u] = without(ids, sv.id)
	}
	c.endSessionsOn(sv.id)
	c.noContent()
}

// getStar answers GET /api/servers/servers/<id>/star/.
func (s *Server) getStar(c *ctx) {
	if sv := c.targetServer(); sv != nil {
		c.json(http.StatusOK, map[string]bool{"status": contains(c.st.stars[c.me.id], sv.id)})
	}
}

// maxStars is how many servers one user may star.
const maxStars = 5

// postStar answers POST /api/servers/servers/<id>/star/ {"status": bool}.
func (s *Server) postStar(c *ctx) {
	sv := c.targetServer()
	if sv == nil {
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	on, _ := b.flag("status", true)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	mine := c.st.stars[c.me.id]
	switch {
	case on && contains(mine, sv.id):
		c.nonField("You already have starred this server.")
	case !on && !contains(mine, sv.id):
		c.nonField("You already have unstarred this server.")
	case on && len(mine) >= maxStars:
		c.nonField("You can star up to 5 servers. Please unstar one first.")
	case on:
		c.st.stars[c.me.id] = append(mine, sv.id)
		c.json(http.StatusOK, map[string]bool{"status": true})
	default:
		c.st.stars[c.me.id] = without(mine, sv.id)
		c.json(http.StatusOK, map[string]bool{"status": false})
	}
}
