//go:build unix

package shell

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// waitLimit bounds every wait in these tests; nothing waits for a fixed time.
const waitLimit = 10 * time.Second

// startShell starts a session and closes it when the test ends.
func startShell(t testing.TB, opts Options) *Session {
	t.Helper()

	if opts.Shell == "" {
		opts.Shell = "bash"
	}
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })

	return s
}

// bridge is a real websocket server in front of one session; each dial picks its own
// AttachOptions and the Attach results are reported on results.
type bridge struct {
	t       testing.TB
	srv     *httptest.Server
	results chan error
	next    chan AttachOptions
	setup   func(*websocket.Conn)
}

func newBridge(t testing.TB, s *Session) *bridge {
	t.Helper()

	b := &bridge{t: t, results: make(chan error, 16), next: make(chan AttachOptions, 1)}
	up := websocket.Upgrader{}
	b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		opts := <-b.next
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			b.results <- err
			return
		}
		if b.setup != nil {
			b.setup(conn)
		}
		b.results <- s.Attach(conn, opts)
	}))
	t.Cleanup(b.srv.Close)

	return b
}

// dial attaches a new client with opts that records everything it receives.
func (b *bridge) dial(opts AttachOptions) *client {
	b.t.Helper()

	c := b.dialRaw(opts, websocket.DefaultDialer)
	go c.readAll()

	return c
}

// dialRaw attaches a client that reads nothing until the test starts c.readAll.
func (b *bridge) dialRaw(opts AttachOptions, d *websocket.Dialer) *client {
	b.t.Helper()

	b.next <- opts
	url := "ws" + strings.TrimPrefix(b.srv.URL, "http")
	conn, _, err := d.Dial(url, nil)
	if err != nil {
		b.t.Fatalf("dial: %v", err)
	}
	b.t.Cleanup(func() { _ = conn.Close() })

	return &client{t: b.t, conn: conn, notify: make(chan struct{}, 1), ended: make(chan struct{})}
}

// result waits for the next Attach result.
func (b *bridge) result() error {
	b.t.Helper()

	select {
	case err := <-b.results:
		return err
	case <-time.After(waitLimit):
		b.t.Fatal("Attach did not return")
		return nil
	}
}

// client records everything one websocket client receives.
type client struct {
	t      testing.TB
	conn   *websocket.Conn
	notify chan struct{}
	ended  chan struct{}

	mu      sync.Mutex
	out     bytes.Buffer
	frames  int
	invalid int // frames that were not valid UTF-8 on their own
	text    int // text frames (the bridge should send binary only)
	endErr  error
}

func (c *client) readAll() {
	c.readPaced(0, 0)
}

// readPaced is readAll that sleeps pause after every `every` frames (never when every
// is 0), a client slower than the shell (a terminal emulator, say).
func (c *client) readPaced(every int, pause time.Duration) {
	defer close(c.ended)

	for n := 1; ; n++ {
		if every > 0 && n%every == 0 {
			time.Sleep(pause)
		}
		kind, data, err := c.conn.ReadMessage()
		c.mu.Lock()
		if err != nil {
			c.endErr = err
			c.mu.Unlock()
			c.wake()
			return
		}
		c.out.Write(data)
		c.frames++
		if !utf8.Valid(data) {
			c.invalid++
		}
		if kind == websocket.TextMessage {
			c.text++
		}
		c.mu.Unlock()
		c.wake()
	}
}

func (c *client) wake() {
	select {
	case c.notify <- struct{}{}:
	default:
	}
}

// output returns everything received so far.
func (c *client) output() string {
	c.mu.Lock()
	defer c.mu.Unlock()

	return c.out.String()
}

// tail returns the last n bytes of the output, for failure messages.
func (c *client) tail(n int) string {
	out := c.output()

	return out[max(0, len(out)-n):]
}

// has reports whether the output so far contains want, without copying it (outputs of
// megabytes are searched after every frame).
func (c *client) has(want string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()

	return bytes.Contains(c.out.Bytes(), []byte(want))
}

// waitFor polls the received output until it contains want (bounded).
func (c *client) waitFor(want string) {
	c.t.Helper()

	deadline := time.After(waitLimit)
	for !c.has(want) {
		select {
		case <-c.notify:
		case <-c.ended:
			if !c.has(want) {
				c.t.Fatalf("connection ended (%v) without %q; output ends:\n%q",
					c.endErr, want, c.tail(2000))
			}
		case <-deadline:
			c.t.Fatalf("no %q in output (%d bytes), which ends:\n%q", want,
				len(c.output()), c.tail(2000))
		}
	}
}

// send writes one input frame of the given kind.
func (c *client) send(kind int, s string) {
	c.t.Helper()

	if err := c.conn.WriteMessage(kind, []byte(s)); err != nil {
		c.t.Fatalf("send: %v", err)
	}
}

// closeErr waits for the connection to end and returns the reader's error.
func (c *client) closeErr() error {
	c.t.Helper()

	select {
	case <-c.ended:
	case <-time.After(waitLimit):
		c.t.Fatal("connection did not end")
	}
	c.mu.Lock()
	defer c.mu.Unlock()

	return c.endErr
}

// closeCode is the close code the client saw (1006 for a connection lost without one).
func (c *client) closeCode() int {
	c.t.Helper()

	err := c.closeErr()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		c.t.Fatalf("connection ended without a close error: %v", err)
	}

	return ce.Code
}
