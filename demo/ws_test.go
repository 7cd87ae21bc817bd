package demo

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// openSession creates a websh session on web-01 as user and returns its
// websocket URL and id.
func openSession(t *testing.T, srv *Server, user string) (wsURL, id string) {
	t.Helper()
	server := idOf(t, srv, "/api/servers/servers/", "name", "web-01")
	a := call(t, srv, user, "POST", "/api/websh/sessions/",
		map[string]any{"server": server, "rows": 30, "cols": 100, "username": "", "groupname": ""})
	if a.status != http.StatusCreated {
		t.Fatalf("create session: %d %s", a.status, a.raw)
	}
	wsURL, _ = get(a.body, "websocket_url").(string)
	id, _ = get(a.body, "id").(string)
	return wsURL, id
}

// readUntil reads output frames until want appears; it returns the output.
func readUntil(t *testing.T, c *websocket.Conn, want string) string {
	t.Helper()
	var out strings.Builder
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for !strings.Contains(out.String(), want) {
		_, p, err := c.ReadMessage()
		if err != nil {
			t.Fatalf("waiting for %q, got %q: %v", want, out.String(), err)
		}
		out.Write(p)
	}
	return out.String()
}

// TestWebshRoundTrip types into a real shell through the websocket with
// both frame types and checks the end of session close code.
func TestWebshRoundTrip(t *testing.T) {
	for _, frame := range []int{websocket.TextMessage, websocket.BinaryMessage} {
		t.Run(map[int]string{1: "text", 2: "binary"}[frame], func(t *testing.T) {
			srv := startDemo(t)
			wsURL, id := openSession(t, srv, "dave")
			hdr := http.Header{"Origin": {srv.URL()}}
			c, resp, err := websocket.DefaultDialer.Dial(wsURL, hdr)
			if err != nil {
				t.Fatalf("dial: %v (%v)", err, resp)
			}
			defer c.Close()
			if err := c.WriteMessage(frame, []byte("echo hi-$((6*7))\r")); err != nil {
				t.Fatal(err)
			}
			readUntil(t, c, "hi-42")
			if err := c.WriteMessage(frame, []byte("exit\r")); err != nil {
				t.Fatal(err)
			}
			wantClose(t, c, 4000)
			waitClosed(t, srv, id)
		})
	}
}

// waitClosed polls the session until the server has marked it closed.
func waitClosed(t *testing.T, srv *Server, id string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		a := call(t, srv, "dave", "GET", "/api/websh/sessions/"+id+"/", nil)
		if get(a.body, "closed_at") != nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("session not closed after the shell exited")
}

// TestWebshHandshake checks that only a valid channel, token and Origin get
// a websocket; refusals are HTTP 403 before the upgrade.
func TestWebshHandshake(t *testing.T) {
	srv := startDemo(t)
	wsURL, _ := openSession(t, srv, "dave")
	base, tok, _ := strings.Cut(strings.TrimSuffix(wsURL, "/"), "/ws/websh/")
	channel, _, _ := strings.Cut(tok, "/")
	cases := []struct {
		name   string
		url    string
		origin string
		want   int // 0 = accepted
	}{
		{"wrong token", base + "/ws/websh/" + channel + "/" + strings.Repeat("a", 32) + "/", "", 403},
		{"unknown channel", base + "/ws/websh/00000000-0000-4000-8000-000000000000/x/", "", 403},
		{"malformed path", base + "/ws/websh/" + channel + "/", "", 403},
		{"foreign origin", wsURL, "http://evil.example", 403},
		{"no origin is fine", wsURL, "", 0},
		{"master channel is single-use", wsURL, srv.URL(), 403},
	}
	parent := t
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hdr := http.Header{}
			if c.origin != "" {
				hdr.Set("Origin", c.origin)
			}
			conn, resp, err := websocket.DefaultDialer.Dial(c.url, hdr)
			if c.want == 0 {
				if err != nil {
					t.Fatalf("dial: %v", err)
				}
				// Stays open: the next case reuses the master channel while its
				// session is alive.
				parent.Cleanup(func() { _ = conn.Close() })
				readUntil(t, conn, "became ready")
				return
			}
			if err == nil {
				_ = conn.Close()
				t.Fatal("handshake accepted")
			}
			if resp == nil || resp.StatusCode != c.want {
				t.Fatalf("got %v (%v), want HTTP %d", err, resp, c.want)
			}
		})
	}
}

// dial opens a websocket with the server's own Origin.
func dial(t *testing.T, srv *Server, url string) *websocket.Conn {
	t.Helper()
	c, _, err := websocket.DefaultDialer.Dial(url, http.Header{"Origin": {srv.URL()}})
	if err != nil {
		t.Fatalf("dial %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// TestWebshResizeAndWatch resizes the PTY through the REST API and lets a
// read-only watcher see the output without being able to type.
func TestWebshResizeAndWatch(t *testing.T) {
	srv := startDemo(t)
	wsURL, id := openSession(t, srv, "dave")
	master := dial(t, srv, wsURL)
	readUntil(t, master, "became ready")
	a := call(t, srv, "dave", "PATCH", "/api/websh/sessions/"+id+"/",
		map[string]any{"rows": 33, "cols": 111})
	if a.status != 200 {
		t.Fatalf("resize: %d %s", a.status, a.raw)
	}
	_ = master.WriteMessage(websocket.BinaryMessage, []byte("stty size; echo size-$((1+1))\r"))
	readUntil(t, master, "33 111")

	w := call(t, srv, "bob", "POST", "/api/websh/user-channels/",
		map[string]any{"session": id, "is_master": false, "read_only": true})
	watchURL, _ := get(w.body, "websocket_url").(string)
	watcher := dial(t, srv, watchURL)
	// The greeting is the first frame of every attached conn: once it is
	// here the watcher is attached and sees all later output.
	readUntil(t, watcher, "became ready")
	_ = watcher.WriteMessage(websocket.TextMessage, []byte("echo typed-by-$((2*21))-watcher\r"))
	_ = master.WriteMessage(websocket.TextMessage, []byte("echo from-$((3*3))-master\r"))
	out := readUntil(t, watcher, "from-9-master")
	if strings.Contains(out, "typed-by-42") {
		t.Fatalf("a read-only watcher could type: %q", out)
	}
}

// TestWebshCloseEndsConns checks that the close endpoint and Server.Close
// end attached conns with 4000 and that the session reads as closed.
func TestWebshCloseEndsConns(t *testing.T) {
	srv := startDemo(t)
	wsURL, id := openSession(t, srv, "dave")
	c := dial(t, srv, wsURL)
	readUntil(t, c, "became ready")
	if a := call(t, srv, "dave", "POST", "/api/websh/sessions/"+id+"/close/", nil); a.status != 200 {
		t.Fatalf("close: %d %s", a.status, a.raw)
	}
	wantClose(t, c, 4000)
	waitClosed(t, srv, id)

	wsURL2, _ := openSession(t, srv, "dave")
	c2 := dial(t, srv, wsURL2)
	readUntil(t, c2, "became ready")
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	_ = c2.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		if _, _, err := c2.ReadMessage(); err != nil {
			break // any end is fine: the server is gone
		}
	}
}

// wantClose reads until the conn ends and checks its close code.
func wantClose(t *testing.T, c *websocket.Conn, code int) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	var err error
	for err == nil {
		_, _, err = c.ReadMessage()
	}
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != code {
		t.Fatalf("want close %d, got %v", code, err)
	}
}
