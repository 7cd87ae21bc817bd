package client

import (
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Version is the client version sent in the default User-Agent; main sets it
// from the build.
var Version = "dev"

// Client talks to one Alpacon workspace. It is safe for concurrent use.
type Client struct {
	baseURL   string
	http      *http.Client
	userAgent string
	insecure  bool
	log       *slog.Logger

	mu   sync.RWMutex
	auth string // the Authorization header value, "" when anonymous
}

// Option configures a Client in New.
type Option func(*settings)

// settings collects the options before New builds the Client from them.
type settings struct {
	auth      string
	http      *http.Client
	timeout   time.Duration
	userAgent string
	insecure  bool
	log       *slog.Logger
}

// WithToken authenticates with an API or login token, sent as the CLI does:
// Authorization: token="<key>".
func WithToken(key string) Option {
	return func(s *settings) { s.auth = tokenHeader(key) }
}

// WithBearer authenticates with a user JWT (Auth0 browser login), sent as
// Authorization: Bearer <jwt>.
func WithBearer(jwt string) Option {
	return func(s *settings) { s.auth = "Bearer " + jwt }
}

// WithHTTPClient makes the client send its REST requests through hc.
func WithHTTPClient(hc *http.Client) Option {
	return func(s *settings) { s.http = hc }
}

// WithTimeout bounds every REST request, body included. The websocket stream
// is not bounded by it.
func WithTimeout(d time.Duration) Option {
	return func(s *settings) { s.timeout = d }
}

// WithUserAgent replaces the default User-Agent "alpacon-tui/<Version>".
func WithUserAgent(ua string) Option {
	return func(s *settings) { s.userAgent = ua }
}

// WithInsecureTLS skips TLS certificate verification for REST and websocket
// connections, for self-hosted servers with self-signed certificates.
func WithInsecureTLS() Option {
	return func(s *settings) { s.insecure = true }
}

// WithLogger logs each request's method, path, status and duration at
// debug level. Query strings, bodies, headers and websocket URLs (which
// carry a channel token) are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) { s.log = l }
}

// New returns a client of the workspace at baseURL, normalised by
// NormalizeBaseURL.
func New(baseURL string, opts ...Option) (*Client, error) {
	base, err := NormalizeBaseURL(baseURL)
	if err != nil {
		return nil, err
	}
	s := settings{userAgent: "alpacon-tui/" + Version,
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, o := range opts {
		o(&s)
	}
	c := &Client{
		baseURL:   base,
		http:      buildHTTPClient(s),
		userAgent: s.userAgent,
		insecure:  s.insecure,
		log:       s.log,
		auth:      s.auth,
	}
	return c, nil
}

// buildHTTPClient copies the caller's client (so options never change it)
// and applies timeout and TLS settings.
func buildHTTPClient(s settings) *http.Client {
	hc := &http.Client{}
	if s.http != nil {
		copied := *s.http
		hc = &copied
	}
	if s.timeout > 0 {
		hc.Timeout = s.timeout
	}
	if s.insecure {
		hc.Transport = insecureTransport(hc.Transport)
	}
	return hc
}

// insecureTransport clones rt (or the default transport) with certificate
// verification off. A transport of another type is kept as it is.
func insecureTransport(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	t, ok := rt.(*http.Transport)
	if !ok {
		return rt
	}
	t = t.Clone()
	if t.TLSClientConfig == nil {
		t.TLSClientConfig = &tls.Config{}
	}
	t.TLSClientConfig.InsecureSkipVerify = true
	return t
}

// BaseURL returns the normalised workspace URL, e.g. "https://host:8443".
func (c *Client) BaseURL() string { return c.baseURL }

// HasCredentials reports whether requests carry an Authorization header.
func (c *Client) HasCredentials() bool { return c.authHeader() != "" }

func (c *Client) authHeader() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.auth
}

func (c *Client) setAuth(v string) {
	c.mu.Lock()
	c.auth = v
	c.mu.Unlock()
}

func tokenHeader(key string) string { return `token="` + key + `"` }
