package demo

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestWebshSlowClientGetsAllOutput: a master client that prints slower than the shell
// writes (as the TUI's terminal emulator does) gets all of a long output and keeps its
// session, instead of being dropped when the server's queue fills.
func TestWebshSlowClientGetsAllOutput(t *testing.T) {
	const rate = 4 << 20 // bytes per second the client takes

	srv := startDemo(t)
	wsURL, _ := openSession(t, srv, "dave")
	// A small receive buffer keeps the kernel from hiding how slow the client is.
	d := &websocket.Dialer{NetDialContext: func(ctx context.Context, network,
		addr string) (net.Conn, error) {
		conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			_ = conn.(*net.TCPConn).SetReadBuffer(64 << 10)
		}
		return conn, err
	}}
	c, resp, err := d.Dial(wsURL, http.Header{"Origin": {srv.URL()}})
	if err != nil {
		t.Fatalf("dial: %v (%v)", err, resp)
	}
	defer c.Close()

	cmd := "seq 1 300000; echo end-$((3*5))\r"
	if err := c.WriteMessage(websocket.TextMessage, []byte(cmd)); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	start := time.Now()
	_ = c.SetReadDeadline(start.Add(30 * time.Second))
	for !bytes.Contains(out.Bytes(), []byte("\r\n300000\r\nend-15")) {
		_, p, err := c.ReadMessage()
		if err != nil {
			t.Fatalf("after %d bytes: %v; output ends %q", out.Len(), err,
				out.Bytes()[max(0, out.Len()-200):])
		}
		out.Write(p)
		time.Sleep(time.Until(start.Add(time.Duration(out.Len()) * time.Second / rate)))
	}

	if err := c.WriteMessage(websocket.TextMessage, []byte("echo ok-$((6*7))\r")); err != nil {
		t.Fatal(err)
	}
	readUntil(t, c, "ok-42")
}
