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
			var ce *websocket.CloseError
			for err == nil {
				_, _, err = c.ReadMessage()
			}
			if !errors.As(err, &ce) || ce.Code != 4000 {
				t.Fatalf("end of session: want close 4000, got %v", err)
			}
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
