package demo

import (
	"net/http"
	"slices"
	"time"
)

// maxPinned is how many pinned notes one server may have.
const maxPinned = 3

// noteWire is a note with 2026 nested server and author summaries.
type noteWire struct {
	ID         string     `json:"id"`
	Server     *serverRef `json:"server"`
	ServerName string     `json:"server_name"`
	Author     *userRef   `json:"author"`
	AuthorName string     `json:"author_name"`
	Content    string     `json:"content"`
	Private    bool       `json:"private"`
	Pinned     bool       `json:"pinned"`
	AddedAt    *stamp     `json:"added_at"`
	UpdatedAt  *stamp     `json:"updated_at"`
}

func (st *store) renderNote(n *note) any {
	sv := st.serverByID(n.server)
	ref := sv.ref()
	w := noteWire{ID: n.id, Server: &ref, ServerName: sv.name, Author: st.userRef(n.author),
		Content: n.content, Private: n.private, Pinned: n.pinned, AddedAt: ts(n.added),
		UpdatedAt: ts(n.updated)}
	if a := st.userByIDAny(n.author); a != nil {
		w.AuthorName = a.displayName()
	}
	return w
}

// seesNote: notes of usable servers; private ones only for their author.
func (c *ctx) seesNote(n *note) bool {
	sv := c.st.serverByID(n.server)
	return sv != nil && c.usesServer(sv) && (!n.private || n.author == c.me.id)
}

func noteSpec(st *store) listSpec[*note] {
	serverExists := func(st *store, id string) bool { return st.serverByID(id) != nil }
	userExists := func(st *store, id string) bool { return st.userByID(id) != nil }
	return listSpec[*note]{
		filters: map[string]filter[*note]{
			"server":  refFilter(serverExists, func(n *note) []string { return one(n.server) }),
			"author":  refFilter(userExists, func(n *note) []string { return one(n.author) }),
			"private": boolFilter(func(n *note) bool { return n.private }),
			"pinned":  boolFilter(func(n *note) bool { return n.pinned }),
		},
		search: []func(*note) []string{
			func(n *note) []string { return []string{n.content, st.serverByID(n.server).name} },
			func(n *note) []string {
				if a := st.userByIDAny(n.author); a != nil {
					return []string{a.first, a.last, a.username}
				}
				return nil
			},
		},
		order: map[string]func(*note) any{
			"pinned":     func(n *note) any { return n.pinned },
			"private":    func(n *note) any { return n.private },
			"added_at":   func(n *note) any { return n.added },
			"updated_at": func(n *note) any { return n.updated },
		},
		defaults: []string{"-pinned", "-updated_at"},
	}
}

// listNotes answers GET /api/servers/notes/.
func (s *Server) listNotes(c *ctx) {
	var mine []*note
	for _, n := range c.st.notes {
		if c.seesNote(n) {
			mine = append(mine, n)
		}
	}
	items, ok := applyList(c, mine, noteSpec(c.st))
	if ok {
		writePage(c, items, c.st.renderNote)
	}
}

// createNote answers POST /api/servers/notes/.
func (s *Server) createNote(c *ctx) {
	b := c.parseBody()
	if b == nil {
		return
	}
	sv, _ := b.pk("server", true, func(id string) bool {
		x := c.st.serverByID(id)
		return x != nil && c.usesServer(x)
	})
	content, _ := b.text("content", 512, true, false)
	private, _ := b.flag("private", false)
	pinned, _ := b.flag("pinned", false)
	if b.failed() {
		c.invalid(b.errs)
		return
	}
	if pinned && c.st.pinnedOn(sv) >= maxPinned {
		c.nonField("There can be at most 3 pinned notes. Please remove another one first.")
		return
	}
	now := time.Now()
	n := &note{id: c.st.newID(), server: sv, author: c.me.id, content: content,
		private: private, pinned: pinned, added: now, updated: now}
	c.st.notes = append(c.st.notes, n)
	c.json(http.StatusCreated, c.st.renderNote(n))
}

func (st *store) pinnedOn(sv string) int {
	n := 0
	for _, x := range st.notes {
		if x.server == sv && x.pinned {
			n++
		}
	}
	return n
}

func (c *ctx) targetNote() *note {
	for _, n := range c.st.notes {
		if n.id == c.args[0] && c.seesNote(n) {
			return n
		}
	}
	c.notFound()
	return nil
}

// getNote answers GET /api/servers/notes/<id>/.
func (s *Server) getNote(c *ctx) {
	if n := c.targetNote(); n != nil {
		c.json(http.StatusOK, c.st.renderNote(n))
	}
}

// deleteNote answers DELETE /api/servers/notes/<id>/: the author, or staff
// for a note that is not private.
func (s *Server) deleteNote(c *ctx) {
	n := c.targetNote()
	if n == nil {
		return
	}
	if n.author != c.me.id && !(c.privileged() && !n.private) {
		c.forbidden()
		return
	}
	c.st.notes = slices.DeleteFunc(c.st.notes, func(x *note) bool { return x == n })
	c.noContent()
}
