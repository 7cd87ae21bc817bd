package demo

import (
	"cmp"
	"net/http"
	"strconv"
	"time"
)

// userListWire is a user in a list answer.
type userListWire struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name"`
	Email       string `json:"email"`
	Phone       string `json:"phone"`
	Tags        string `json:"tags"`
	NumGroups   int    `json:"num_groups"`
	UID         *int   `json:"uid"`
	IsActive    bool   `json:"is_active"`
	IsStaff     bool   `json:"is_staff"`
	IsSuperuser bool   `json:"is_superuser"`
	IsLDAPUser  bool   `json:"is_ldap_user"`
	DateJoined  *stamp `json:"date_joined"`
}

// userWire is a user in a detail answer.
type userWire struct {
	userListWire
	Description   string  `json:"description"`
	Shell         string  `json:"shell"`
	HomeDirectory string  `json:"home_directory"`
	LastLogin     *stamp  `json:"last_login"`
	LastLoginIP   *string `json:"last_login_ip"`
	AddedAt       *stamp  `json:"added_at"`
	UpdatedAt     *stamp  `json:"updated_at"`
}

func (st *store) renderUserList(u *user) userListWire {
	w := userListWire{ID: u.id, Username: u.username, FirstName: u.first, LastName: u.last,
		Email: u.email, Phone: u.phone, Tags: u.tags, NumGroups: len(st.groupsOf(u.id)),
		IsActive: u.active, IsStaff: u.staff, IsSuperuser: u.superuser, IsLDAPUser: u.ldap,
		DateJoined: ts(u.joined)}
	if u.uid != 0 {
		uid := u.uid
		w.UID = &uid
	}
	return w
}

func (st *store) renderUser(u *user) userWire {
	w := userWire{userListWire: st.renderUserList(u), Description: u.descr, Shell: u.shell,
		HomeDirectory: u.home, LastLogin: tsp(u.lastLogin), AddedAt: ts(u.added),
		UpdatedAt: ts(u.updated)}
	if u.lastLoginIP != "" {
		ip := u.lastLoginIP
		w.LastLoginIP = &ip
	}
	return w
}

func userSpec() listSpec[*user] {
	str := func(get func(*user) string) func(*user) []string {
		return func(u *user) []string { return one(get(u)) }
	}
	return listSpec[*user]{
		filters: map[string]filter[*user]{
			"is_active":    boolFilter(func(u *user) bool { return u.active }),
			"is_staff":     boolFilter(func(u *user) bool { return u.staff }),
			"is_superuser": boolFilter(func(u *user) bool { return u.superuser }),
			"is_ldap_user": boolFilter(func(u *user) bool { return u.ldap }),
			"shell":        textFilter(func(u *user) string { return u.shell }),
			"username":     textFilter(func(u *user) string { return u.username }),
		},
		search: []func(*user) []string{
			str(func(u *user) string { return u.id }),
			str(func(u *user) string { return u.username }),
			str(func(u *user) string { return u.first }),
			str(func(u *user) string { return u.last }),
			str(func(u *user) string { return u.email }),
			str(func(u *user) string { return u.phone }),
			str(func(u *user) string { return u.tags }),
			str(func(u *user) string { return u.descr }),
			str(func(u *user) string { return strconv.Itoa(u.uid) }),
		},
		order: map[string]func(*user) any{
			"username":     func(u *user) any { return u.username },
			"first_name":   func(u *user) any { return u.first },
			"last_name":    func(u *user) any { return u.last },
			"email":        func(u *user) any { return u.email },
			"uid":          func(u *user) any { return u.uid },
			"shell":        func(u *user) any { return u.shell },
			"is_active":    func(u *user) any { return u.active },
			"is_staff":     func(u *user) any { return u.staff },
			"is_superuser": func(u *user) any { return u.superuser },
			"date_joined":  func(u *user) any { return u.joined },
			"added_at":     func(u *user) any { return u.added },
			"updated_at":   func(u *user) any { return u.updated },
		},
		defaults: []string{"-is_superuser", "-is_staff", "first_name"},
	}
}

// liveUsers are the users not soft-deleted.
func (st *store) liveUsers() []*user {
	var out []*user
	for _, u := range st.users {
		if !u.deleted {
			out = append(out, u)
		}
	}
	return out
}

// listUsers answers GET /api/iam/users/: every user is visible to everyone.
func (s *Server) listUsers(c *ctx) {
	items, ok := applyList(c, c.st.liveUsers(), userSpec())
	if ok {
		writePage(c, items, func(u *user) any { return c.st.renderUserList(u) })
	}
}

// targetUser resolves the detail id, where "-" means the caller.
func (c *ctx) targetUser() *user {
	if c.args[0] == "-" {
		return c.me
	}
	u := c.st.userByID(c.args[0])
	if u == nil {
		c.notFound()
	}
	return u
}

// getUser answers GET /api/iam/users/<id>/.
func (s *Server) getUser(c *ctx) {
	if u := c.targetUser(); u != nil {
		c.json(http.StatusOK, c.st.renderUser(u))
	}
}

// privileged tells whether the caller is staff or superuser.
func (c *ctx) privileged() bool { return c.me.staff || c.me.superuser }

// assignsPrivilege tells whether a body asks for is_staff or is_superuser
// true, which only a superuser may send, even if the value does not change.
func assignsPrivilege(b *body) bool {
	for _, k := range []string{"is_staff", "is_superuser"} {
		if raw, ok := b.m[k]; ok {
			if v, ok := parseBool(trimQuotes(raw)); ok && v {
				return true
			}
		}
	}
	return false
}

func trimQuotes(raw []byte) string {
	s := string(raw)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

// userBody parses a user create or update body and applies the rule both
// share: only a superuser may send is_staff or is_superuser true, even
// unchanged. It answers the request itself and returns nil on failure.
func (c *ctx) userBody() *body {
	b := c.parseBody()
	if b == nil {
		return nil
	}
	if !c.me.superuser && assignsPrivilege(b) {
		c.detail(http.StatusForbidden, "Requires superuser to assign staff or superuser privilege.")
		return nil
	}
	return b
}

// createUser answers POST /api/iam/users/.
func (s *Server) createUser(c *ctx) {
	if !c.privileged() {
		c.forbidden()
		return
	}
	b := c.userBody()
	if b == nil {
		return
	}
	now := time.Now()
	u := &user{shell: "/bin/bash", active: true, joined: now, added: now, updated: now}
	if name, ok := b.text("username", 0, true, false); ok {
		for _, m := range c.st.usernameProblems(name) {
			b.errs.add("username", m)
		}
		u.username = name
	}
	if pw, ok := b.secret("password", 128, true); ok {
		if pw == "" {
			b.errs.add("password", msgBlank)
		} else if msgs := passwordProblems(pw, nil); len(msgs) > 0 {
			b.errs["password"] = msgs
		}
		u.password = pw
	}
	applyUserFields(b, u)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	u.id, u.uid, u.home = c.st.newID(), c.st.nextUID, "/home/"+u.username
	c.st.nextUID++
	if u.superuser {
		u.staff = true
	}
	c.st.users = append(c.st.users, u)
	c.st.addMember(c.st.groupByName("alpacon"), u, roleMember, now)
	c.json(http.StatusCreated, c.st.renderUser(u))
}

// applyUserFields copies the writable profile fields of b into u and
// records their validation errors.
func applyUserFields(b *body, u *user) {
	text := func(k string, max int, dst *string) {
		if v, ok := b.text(k, max, false, true); ok {
			*dst = v
		}
	}
	text("first_name", 150, &u.first)
	text("last_name", 150, &u.last)
	text("tags", 128, &u.tags)
	text("description", 0, &u.descr)
	if v, ok := b.text("email", 254, false, true); ok {
		if v != "" && !validEmail(v) {
			b.errs.add("email", "Enter a valid email address.")
		}
		u.email = v
	}
	if v, ok := b.text("phone", 128, false, true); ok {
		p, valid := normalizePhone(v)
		if !valid {
			b.errs.add("phone", msgBadPhone)
		}
		u.phone = p
	}
	if v, ok := b.text("shell", 64, false, true); ok {
		// A blank shell means the model default rather than an error.
		u.shell = cmp.Or(v, "/bin/bash")
	}
	flag := func(k string, dst *bool) {
		if v, ok := b.flag(k, false); ok {
			*dst = v
		}
	}
	flag("is_active", &u.active)
	flag("is_staff", &u.staff)
	flag("is_superuser", &u.superuser)
	wasLDAP := u.ldap
	flag("is_ldap_user", &u.ldap)
	if u.ldap && !wasLDAP {
		// The demo has no LDAP server to bind against.
		b.errs.add("is_ldap_user", "Unable to connect to the LDAP server.")
	}
}

func (s *Server) patchUser(c *ctx) { s.updateUser(c, true) }
func (s *Server) putUser(c *ctx)   { s.updateUser(c, false) }

// updateUser answers PUT and PATCH /api/iam/users/<id>/.
func (s *Server) updateUser(c *ctx, partial bool) {
	u := c.targetUser()
	if u == nil {
		return
	}
	self := u.id == c.me.id
	if !self && !c.privileged() {
		c.forbidden()
		return
	}
	b := c.userBody()
	if b == nil {
		return
	}
	next := *u
	// The admin serializer (staff editing /users/<uuid>/) takes a password;
	// the self serializer drops the field, so it is silently ignored.
	if c.args[0] != "-" && c.privileged() {
		if pw, ok := b.secret("password", 128, !partial); ok && pw != "" {
			if msgs := passwordProblems(pw, u); len(msgs) > 0 {
				b.errs["password"] = msgs
			}
			next.password = pw
		}
	}
	applyUserFields(b, &next)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	if u.superuser && u.active && !(next.superuser && next.active) && c.st.superusers() <= 1 {
		c.nonField("There should be at least a superuser in the system.")
		return
	}
	if next.superuser {
		next.staff = true
	}
	next.updated = time.Now()
	*u = next
	c.json(http.StatusOK, c.st.renderUser(u))
}

// deleteUser answers DELETE /api/iam/users/<id>/ with a soft delete.
func (s *Server) deleteUser(c *ctx) {
	u := c.targetUser()
	if u == nil {
		return
	}
	self := u.id == c.me.id
	switch {
	case !self && !c.privileged():
		c.forbidden()
		return
	case !self && !c.me.superuser && (u.staff || u.superuser):
		c.detail(http.StatusForbidden, "Requires superuser to delete staff or above.")
		return
	}
	for _, m := range c.st.members {
		if m.user == u.id && m.role == roleOwner && c.st.countRole(m.group, roleOwner) == 1 {
			g := c.st.groupByID(m.group)
			c.nonField(`This user cannot be deleted as the only owner of the group "` +
				g.display + `".`)
			return
		}
	}
	if u.superuser && u.active && c.st.superusers() <= 1 {
		c.nonField("There should be at least a superuser in the system.")
		return
	}
	c.st.softDeleteUser(u)
	c.noContent()
}

// softDeleteUser renames and deactivates u and drops its memberships and
// tokens, as the server's soft delete does.
func (st *store) softDeleteUser(u *user) {
	u.username = "deleted_user-" + u.username + "-" + randomFrom(alnum, 16)
	u.uid, u.active, u.deleted, u.updated = 0, false, true, time.Now()
	var keep []*membership
	for _, m := range st.members {
		if m.user != u.id {
			keep = append(keep, m)
		}
	}
	st.members = keep
	st.dropTokens(u.id)
}
