package demo

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"alpacon-tui/demo/shell"
)

// SeedPassword is the password of every seeded user.
const SeedPassword = "alpaca-demo-2024"

// Options configures a demo server.
type Options struct {
	// Addr is the listen address; it must be a loopback address. Empty
	// means "127.0.0.1:0" (a free port).
	Addr string
	// Faults is the fault spec (see the package doc). Empty reads the
	// environment variable ALPACON_DEMO_FAULTS; "none" disables faults.
	Faults string
	// Shell is the program websh sessions run; empty means $SHELL, else
	// /bin/sh (chosen by package demo/shell).
	Shell string
	// Log, when set, receives one line per request: method, path, status
	// and duration. Bodies, headers and queries are never logged.
	Log io.Writer
}

// Server is a running demo server.
type Server struct {
	mu     sync.Mutex
	st     *store
	alice  string            // login token of the superuser
	tokens map[string]string // username -> token handed out by TokenFor
	faults *faults
	opts   Options
	ln     net.Listener
	http   *http.Server
	url    string
	conns  map[*websocket.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

// Start seeds a new demo server and serves it on opts.Addr until Close.
func Start(opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if err := checkLoopback(opts.Addr); err != nil {
		return nil, err
	}
	spec := opts.Faults
	if spec == "" {
		spec = os.Getenv("ALPACON_DEMO_FAULTS")
	}
	f, err := parseFaults(spec)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	s := &Server{
		st: newStore(), tokens: map[string]string{}, faults: f, opts: opts, ln: ln,
		url: "http://" + ln.Addr().String(), conns: map[*websocket.Conn]struct{}{},
	}
	seed(s.st, time.Now())
	s.alice = s.loginToken("alice")
	s.http = &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(ln) }()
	return s, nil
}

// checkLoopback refuses any listen address that is not a loopback one, so
// that the demo (with its well-known password) is never reachable from
// outside the machine.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("demo: bad address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("demo: refusing to listen on %q: only loopback addresses are allowed", addr)
}

// URL returns the base URL, e.g. "http://127.0.0.1:8000", without a slash.
func (s *Server) URL() string { return s.url }

// Token returns a login token of the seeded superuser alice. It is a login
// token (not an API token), so the token-management endpoints accept it.
func (s *Server) Token() string { return s.alice }

// TokenFor returns a login token of the named seeded user, the same one on
// every call, or "" when there is no such active user. Lookup, check and
// issue happen under one hold of the lock, so concurrent callers agree.
func (s *Server) TokenFor(username string) string {
	if username == "alice" {
		return s.alice
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if key, ok := s.tokens[username]; ok && s.st.authenticate(key, now) != nil {
		return key
	}
	return s.issueLocked(username, now)
}

// loginToken issues a fresh login token for username, like a login.
func (s *Server) loginToken(username string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issueLocked(username, time.Now())
}

// issueLocked issues and remembers a login token; s.mu must be held.
func (s *Server) issueLocked(username string, now time.Time) string {
	u := s.st.userByName(username)
	if u == nil || !u.active {
		return ""
	}
	t := s.st.issueLogin(u, now)
	s.tokens[username] = t.key
	return t.key
}

// Close stops serving, drops every websocket and kills every shell.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	var shells []*shell.Session
	for _, ws := range s.st.sessions {
		if ws.sh != nil {
			shells = append(shells, ws.sh)
		}
	}
	for c := range s.conns {
		_ = c.NetConn().Close()
	}
	s.mu.Unlock()
	err := s.http.Close()
	for _, sh := range shells {
		_ = sh.Close()
	}
	s.wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
