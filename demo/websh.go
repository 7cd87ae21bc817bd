package demo

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"

	"alpacon-tui/demo/shell"
)

// channelValidity is how long a channel token (and a share password) stays
// usable, like the 30-minute stamp of the real server.
const channelValidity = 30 * time.Minute

// maxTermSize is the largest rows/cols value the API accepts.
const maxTermSize = 32767

const msgClosedSession = "Closed sessions cannot be updated."

// session is one websh session; sh is started when the first websocket
// attaches and is nil before that (and for seeded historical sessions).
type session struct {
	id, server, user, username, groupname string
	userAgent, remoteIP                   string
	rows, cols                            int
	added, updated                        time.Time
	closed                                *time.Time
	sh                                    *shell.Session
}

// channel is a user channel of a session: the master one made with the
// session, or a shared or watching one.
type channel struct {
	id, session, token, user, password string
	master, readOnly, used             bool
	expires                            time.Time
}

// sessionWire is the 2026 session detail.
type sessionWire struct {
	ID            string     `json:"id"`
	Rows          *int       `json:"rows,omitempty"`
	Cols          *int       `json:"cols,omitempty"`
	Server        *serverRef `json:"server"`
	User          *userRef   `json:"user"`
	Username      string     `json:"username"`
	Groupname     string     `json:"groupname"`
	UserAgent     string     `json:"user_agent"`
	RemoteIP      *string    `json:"remote_ip"`
	IsTunnel      bool       `json:"is_tunnel"`
	ClientType    string     `json:"client_type"`
	AddedAt       *stamp     `json:"added_at"`
	UpdatedAt     *stamp     `json:"updated_at,omitempty"`
	ClosedAt      *stamp     `json:"closed_at"`
	Success       *bool      `json:"success"`
	WebsocketURL  string     `json:"websocket_url,omitempty"`
	UserChannelID string     `json:"userchannel_id,omitempty"`
}

func (st *store) renderSession(ws *session, detail bool) sessionWire {
	w := sessionWire{ID: ws.id, User: st.userRef(ws.user), Username: ws.username,
		Groupname: ws.groupname, UserAgent: ws.userAgent, RemoteIP: opt(ws.remoteIP),
		ClientType: "web", AddedAt: ts(ws.added), ClosedAt: tsp(ws.closed)}
	if strings.HasPrefix(ws.userAgent, "alpacon-") {
		w.ClientType = "cli"
	}
	if sv := st.serverByID(ws.server); sv != nil {
		ref := sv.ref()
		w.Server = &ref
	}
	if ws.closed != nil {
		ok := true
		w.Success = &ok
	}
	if detail {
		rows, cols := ws.rows, ws.cols
		w.Rows, w.Cols, w.UpdatedAt = &rows, &cols, ts(ws.updated)
	}
	return w
}

// seesSession: staff see all sessions, others those on servers they use.
func (c *ctx) seesSession(ws *session) bool {
	if c.privileged() || ws.user == c.me.id {
		return true
	}
	sv := c.st.serverByID(ws.server)
	return sv != nil && c.usesServer(sv)
}

func sessionSpec(st *store) listSpec[*session] {
	serverExists := func(st *store, id string) bool { return st.serverByID(id) != nil }
	userExists := func(st *store, id string) bool { return st.userByID(id) != nil }
	return listSpec[*session]{
		filters: map[string]filter[*session]{
			"server":    refFilter(serverExists, func(ws *session) []string { return one(ws.server) }),
			"user":      refFilter(userExists, func(ws *session) []string { return one(ws.user) }),
			"username":  textFilter(func(ws *session) string { return ws.username }),
			"groupname": textFilter(func(ws *session) string { return ws.groupname }),
			"is_connectable": boolFilter(func(ws *session) bool {
				return ws.closed == nil
			}),
		},
		search: []func(*session) []string{
			func(ws *session) []string { return []string{ws.username, ws.groupname} },
			func(ws *session) []string {
				out := []string{}
				if sv := st.serverByID(ws.server); sv != nil {
					out = append(out, sv.name)
				}
				if u := st.userByIDAny(ws.user); u != nil {
					out = append(out, u.first, u.last, u.username)
				}
				return out
			},
		},
		order: map[string]func(*session) any{
			"added_at":  func(ws *session) any { return ws.added },
			"closed_at": func(ws *session) any { return optTime(ws.closed) },
			"username":  func(ws *session) any { return ws.username },
		},
		defaults: []string{"-added_at"},
	}
}

// listSessions answers GET /api/websh/sessions/.
func (s *Server) listSessions(c *ctx) {
	var mine []*session
	for _, ws := range c.st.sessions {
		if c.seesSession(ws) {
			mine = append(mine, ws)
		}
	}
	items, ok := applyList(c, mine, sessionSpec(c.st))
	if ok {
		writePage(c, items, func(ws *session) any { return c.st.renderSession(ws, false) })
	}
}

func (c *ctx) targetSession() *session {
	for _, ws := range c.st.sessions {
		if ws.id == c.args[0] && c.seesSession(ws) {
			return ws
		}
	}
	c.notFound()
	return nil
}

// ownSession resolves the detail id among the caller's own sessions (staff
// too); the update queryset of the server is the creator's sessions only.
func (c *ctx) ownSession() *session {
	for _, ws := range c.st.sessions {
		if ws.id == c.args[0] && ws.user == c.me.id {
			return ws
		}
	}
	c.notFound()
	return nil
}

// getSession answers GET /api/websh/sessions/<id>/.
func (s *Server) getSession(c *ctx) {
	if ws := c.targetSession(); ws != nil {
		c.json(http.StatusOK, c.st.renderSession(ws, true))
	}
}

// hasAccess is the server's has_access rule for opening a shell as
// username:groupname. Nobody may use another IAM user's account; a system
// account (root) needs superuser, staff, the owner or a group manager.
//
// Limitation: plain members must also pick an IAM group they belong to (or
// alpacon); the 2024 rule for their groupname is not visible in the sources
// (remove when it is confirmed).
func (c *ctx) hasAccess(sv *server, username, groupname string) bool {
	iam := c.st.userByName(username)
	if iam == nil && !contains(sv.sysUsers, username) {
		return false
	}
	g := c.st.groupByName(groupname)
	if g == nil && !contains(sv.sysGroups, groupname) {
		return false
	}
	switch {
	case iam != nil && iam.id != c.me.id:
		return false
	case c.managesServer(sv):
		return true
	case iam == nil:
		return false
	}
	return g != nil && (g.name == defaultGroup || c.st.membershipOf(g.id, c.me.id) != nil)
}

// mayUseAccount is is_root and friends: may the caller open a shell on sv
// as the system account name.
func (c *ctx) mayUseAccount(sv *server, name string) bool {
	return contains(sv.sysUsers, name) && c.managesServer(sv)
}

// createSession answers POST /api/websh/sessions/.
func (s *Server) createSession(c *ctx) {
	b := c.parseBody()
	if b == nil {
		return
	}
	id, _ := b.pk("server", true, func(id string) bool {
		sv := c.st.serverByID(id)
		return sv != nil && c.usesServer(sv)
	})
	rows, _ := b.integer("rows", 0, maxTermSize, false)
	cols, _ := b.integer("cols", 0, maxTermSize, false)
	username, _ := b.text("username", 150, false, true)
	groupname, _ := b.text("groupname", 150, false, true)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	sv := c.st.serverByID(id)
	username = cmp.Or(username, c.me.username)
	if groupname == "" {
		groupname = defaultGroup
		if contains(sv.sysUsers, username) && contains(sv.sysGroups, username) {
			groupname = username
		}
	}
	switch {
	case !sv.commission:
		c.nonField("Requested server is not commissioned yet. " +
			"Please finish the installation steps first.")
		return
	case !sv.connected:
		c.nonField("Requested server is not connected. Please check the server status first.")
		return
	case !c.hasAccess(sv, username, groupname):
		c.nonField("Username or groupname is not registered or you do not have permission.")
		return
	}
	now := time.Now()
	ws := &session{id: c.st.newID(), server: sv.id, user: c.me.id, username: username,
		groupname: groupname, userAgent: c.r.UserAgent(), remoteIP: remoteIP(c.r),
		rows: rows, cols: cols, added: now, updated: now}
	c.st.sessions = append(c.st.sessions, ws)
	ch := c.st.newChannel(ws, c.me.id, true, false, now)
	w := c.st.renderSession(ws, true)
	w.WebsocketURL, w.UserChannelID = c.websocketURL(ch), ch.id
	c.json(http.StatusCreated, w)
}

// newChannel adds a user channel with a fresh 32-character token.
func (st *store) newChannel(ws *session, u string, master, ro bool, now time.Time) *channel {
	ch := &channel{id: st.newID(), session: ws.id, token: randomFrom(alnum, 32), user: u,
		master: master, readOnly: ro, expires: now.Add(channelValidity)}
	st.channels = append(st.channels, ch)
	return ch
}

// websocketURL builds ws://<host>/ws/websh/<channel>/<token>/ from the
// request's Host, as the server does.
func (c *ctx) websocketURL(ch *channel) string {
	return "ws://" + c.r.Host + "/ws/websh/" + ch.id + "/" + ch.token + "/"
}

// resizeSession answers PUT/PATCH /api/websh/sessions/<id>/ {rows, cols}.
func (s *Server) resizeSession(c *ctx) {
	ws := c.ownSession()
	if ws == nil {
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	partial := c.r.Method == http.MethodPatch
	rows, setRows := b.integer("rows", 0, maxTermSize, !partial)
	cols, setCols := b.integer("cols", 0, maxTermSize, !partial)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	if ws.closed != nil {
		c.nonField(msgClosedSession)
		return
	}
	if setRows {
		ws.rows = rows
	}
	if setCols {
		ws.cols = cols
	}
	ws.updated = time.Now()
	if ws.sh != nil {
		_ = ws.sh.Resize(ws.rows, ws.cols) // the shell may just have exited
	}
	c.json(http.StatusOK, map[string]int{"rows": ws.rows, "cols": ws.cols})
}

// closeSession answers the 2026 POST /api/websh/sessions/<id>/close/; it
// is idempotent. Staff may close any session they see (force-close).
func (s *Server) closeSession(c *ctx) {
	ws := c.targetSession()
	if ws == nil {
		return
	}
	if ws.user != c.me.id && !c.privileged() {
		c.notFound()
		return
	}
	c.endSession(ws)
	c.json(http.StatusOK, c.st.renderSession(ws, true))
}

// endSession marks ws closed and kills its shell once the lock is released
// (Close waits for the attached conns to get their close frame).
func (c *ctx) endSession(ws *session) {
	if ws.closed == nil {
		now := time.Now()
		ws.closed, ws.updated = &now, now
	}
	if sh := ws.sh; sh != nil {
		c.after = append(c.after, func() { _ = sh.Close() })
	}
}

// endSessionsOn ends every session on server sv.
func (c *ctx) endSessionsOn(sv string) {
	for _, ws := range c.st.sessions {
		if ws.server == sv {
			c.endSession(ws)
		}
	}
	c.st.sessions = slices.DeleteFunc(c.st.sessions, func(ws *session) bool {
		return ws.server == sv
	})
}
