package demo

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"alpacon-tui/demo/shell"
)

// upgrader checks Origin itself (see originOK), so gorilla's check is off.
var upgrader = websocket.Upgrader{
	ReadBufferSize:  4096,
	WriteBufferSize: 4096,
	CheckOrigin:     func(*http.Request) bool { return true },
}

// wsSendBuffer caps the kernel send buffer of a websh conn. Shell output has
// backpressure (see shell.OverflowWait), so whatever the kernel buffers is
// output a slow client still has to print after Ctrl-C: loopback autotuning
// would allow megabytes, seconds of a slow terminal emulator.
const wsSendBuffer = 64 << 10

// originOK accepts a missing Origin (non-browser clients) or one whose host
// is the host the client dialled, like Channels' AllowedHostsOriginValidator
// with ALLOWED_HOSTS set to this server.
func originOK(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// serveWebsocket serves /ws/websh/<channel>/<token>/: it checks channel,
// token, expiry and Origin before the upgrade (refusals are HTTP 403, as a
// Channels server turns a pre-accept close into), then bridges the conn to
// the session's shell.
func (s *Server) serveWebsocket(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(strings.TrimPrefix(r.URL.Path, "/ws/websh/"), "/"), "/")
	if len(parts) != 2 || !originOK(r) {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	sh, ch, err := s.openChannel(parts[0], parts[1])
	if err != nil || sh == nil {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered already
	}
	if !s.track(conn) {
		_ = conn.Close()
		return
	}
	defer s.untrack(conn)
	if tc, ok := conn.NetConn().(*net.TCPConn); ok {
		_ = tc.SetWriteBuffer(wsSendBuffer)
	}
	_ = sh.Attach(conn, shell.AttachOptions{ReadOnly: ch.readOnly, Master: ch.master,
		DropAfter: s.faults.wsdrop, DropCode: shell.DropAbrupt})
}

// errRefused marks a websocket the server will not accept.
type errRefused struct{}

func (errRefused) Error() string { return "refused" }

// openChannel validates a channel and returns its session's shell, started
// on first use. A master channel is single-use: its conn going away closes
// the session.
func (s *Server) openChannel(id, tok string) (*shell.Session, channel, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ch *channel
	for _, x := range s.st.channels {
		if x.id == id {
			ch = x
		}
	}
	if ch == nil || s.closed || subtle.ConstantTimeCompare([]byte(ch.token), []byte(tok)) != 1 ||
		time.Now().After(ch.expires) || (ch.master && ch.used) {
		return nil, channel{}, errRefused{}
	}
	ws := s.st.sessionByID(ch.session)
	if ws == nil || ws.closed != nil {
		return nil, channel{}, errRefused{}
	}
	if ws.sh == nil {
		if err := s.startShell(ws); err != nil {
			return nil, channel{}, err
		}
	}
	ch.used = true
	return ws.sh, *ch, nil
}

// startShell spawns the session's shell and watches for its end, which
// closes the session.
func (s *Server) startShell(ws *session) error {
	sv := s.st.serverByID(ws.server)
	env := []string{"USER=" + ws.username, "LOGNAME=" + ws.username}
	if isBash(s.opts.Shell) {
		env = append(env, `PS1=`+ws.username+"@"+sv.name+`:\w\$ `)
	}
	sh, err := shell.Start(shell.Options{Shell: s.opts.Shell, Rows: ws.rows, Cols: ws.cols,
		Env: env, Greeting: "Websh for \x1b[32m[" + sv.name + "]\x1b[0m became ready.\r\n"})
	if err != nil {
		return err
	}
	ws.sh = sh
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		<-sh.Done()
		s.mu.Lock()
		if ws.closed == nil {
			now := time.Now()
			ws.closed, ws.updated = &now, now
		}
		s.mu.Unlock()
	}()
	return nil
}

// isBash tells whether the shell spec (or $SHELL) is bash, the one shell
// whose prompt escapes the demo uses.
func isBash(spec string) bool {
	if strings.TrimSpace(spec) == "" {
		spec = os.Getenv("SHELL")
	}
	f := strings.Fields(spec)
	return len(f) > 0 && filepath.Base(f[0]) == "bash"
}

// track registers an accepted conn so Close can drop it; false once closed.
func (s *Server) track(c *websocket.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1) // Close waits for the bridge to finish
	return true
}

func (s *Server) untrack(c *websocket.Conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	s.wg.Done()
}
