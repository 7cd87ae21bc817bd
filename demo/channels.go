package demo

import (
	"crypto/subtle"
	"net/http"
	"time"
)

// channelWire is a user channel as join and watch answer it.
type channelWire struct {
	ID           string    `json:"id"`
	Session      string    `json:"session"`
	WebsocketURL string    `json:"websocket_url"`
	Server       serverRef `json:"server"`
	ReadOnly     bool      `json:"read_only"`
	IsMaster     bool      `json:"is_master"`
	Rows         int       `json:"rows"`
	Cols         int       `json:"cols"`
}

func (c *ctx) renderChannel(ch *channel, ws *session) channelWire {
	return channelWire{ID: ch.id, Session: ws.id, WebsocketURL: c.websocketURL(ch),
		Server: c.st.serverByID(ws.server).ref(), ReadOnly: ch.readOnly, IsMaster: ch.master,
		Rows: ws.rows, Cols: ws.cols}
}

func (st *store) sessionByID(id string) *session {
	for _, ws := range st.sessions {
		if ws.id == id {
			return ws
		}
	}
	return nil
}

// shareSession answers POST /api/websh/sessions/<id>/share/: a new shared
// channel with its own password, for the session's creator only.
func (s *Server) shareSession(c *ctx) {
	ws := c.ownSession()
	if ws == nil {
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	ro, _ := b.flag("read_only", true)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	if ws.closed != nil {
		c.nonField(msgClosedSession)
		return
	}
	now := time.Now()
	ch := c.st.newChannel(ws, "", false, ro, now)
	ch.password = randomFrom(alnum, 16)
	c.json(http.StatusCreated, map[string]any{
		"shared_url": "http://" + c.r.Host + "/websh/shared/" + randomFrom(alnum, 16) +
			"?channel=" + ch.id,
		"password": ch.password, "read_only": ro, "expiration": ts(ch.expires),
	})
}

// joinChannel answers POST /api/websh/user-channels/<id>/join/ {password};
// no credentials are needed, the password is the capability.
func (s *Server) joinChannel(c *ctx) {
	var ch *channel
	for _, x := range c.st.channels {
		if x.id == c.args[0] && x.password != "" {
			ch = x
		}
	}
	if ch == nil {
		c.notFound()
		return
	}
	b := c.parseBody()
	if b == nil {
		return
	}
	pw, _ := b.secret("password", 128, true)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	ws := c.st.sessionByID(ch.session)
	if subtle.ConstantTimeCompare([]byte(pw), []byte(ch.password)) != 1 ||
		time.Now().After(ch.expires) || ws == nil || ws.closed != nil {
		c.nonField("Password does not match or session has expired.")
		return
	}
	if c.me != nil {
		ch.user = c.me.id
	}
	c.json(http.StatusCreated, c.renderChannel(ch, ws))
}

// watchSession answers POST /api/websh/user-channels/ {session, is_master,
// read_only}: staff may watch any session read-only; the creator may also
// take a writable or master channel on their own session.
func (s *Server) watchSession(c *ctx) {
	b := c.parseBody()
	if b == nil {
		return
	}
	id, _ := b.pk("session", true, func(id string) bool {
		ws := c.st.sessionByID(id)
		return ws != nil && c.seesSession(ws)
	})
	master, _ := b.flag("is_master", false)
	ro, setRO := b.flag("read_only", false)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	ws := c.st.sessionByID(id)
	own := ws.user == c.me.id
	if !setRO {
		ro = !own
	}
	if (!own && !c.privileged()) || (!own && (master || !ro)) {
		c.forbidden()
		return
	}
	if ws.closed != nil {
		c.nonField(msgClosedSession)
		return
	}
	ch := c.st.newChannel(ws, c.me.id, master, ro, time.Now())
	c.json(http.StatusCreated, c.renderChannel(ch, ws))
}
