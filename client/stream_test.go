package client_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"alpacon-tui/client"
)

// wsPeer is the server end of one test websocket.
type wsPeer func(t *testing.T, conn *websocket.Conn, r *http.Request)

// wsServer upgrades every request and hands the connection to peer.
func wsServer(t *testing.T, peer wsPeer) (*httptest.Server, *client.Client) {
	t.Helper()
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "refuse") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			t.Errorf("upgrade: %v", err)
			return
		}
		defer conn.Close()
		peer(t, conn, r)
	}))
	t.Cleanup(srv.Close)
	return srv, newClient(t, srv)
}

func wsURL(srv *httptest.Server, path string) string {
	return "ws" + strings.TrimPrefix(srv.URL, "http") + path
}

func dial(t *testing.T, c *client.Client, u string, o client.StreamOptions) *client.Stream {
	t.Helper()
	s, err := c.DialWebsh(context.Background(), u, o)
	if err != nil {
		t.Fatalf("DialWebsh: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// frame is one message the peer read.
type frame struct {
	typ  int
	data string
}

func TestStreamSendFrameTypes(t *testing.T) {
	const input = "echo 안녕 hi-$((6*7))\r"
	tests := []struct {
		name string
		opts client.StreamOptions
		want int
	}{
		{"binary by default", client.StreamOptions{}, websocket.BinaryMessage},
		{"text for 2024 servers", client.StreamOptions{TextFrames: true}, websocket.TextMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make(chan frame, 1)
			srv, c := wsServer(t, func(t *testing.T, conn *websocket.Conn, r *http.Request) {
				typ, p, err := conn.ReadMessage()
				if err != nil {
					t.Errorf("peer read: %v", err)
					return
				}
				got <- frame{typ, string(p)}
				_, _, _ = conn.ReadMessage() // wait for the client's close
			})
			s := dial(t, c, wsURL(srv, "/ws/websh/ch/tok/"), tt.opts)
			buf := []byte(input)
			if err := s.Send(buf); err != nil {
				t.Fatal(err)
			}
			copy(buf, "XXXXXXXX") // Send must have copied
			f := <-got
			if f.typ != tt.want || f.data != input {
				t.Errorf("peer got type %d %q, want type %d %q", f.typ, f.data, tt.want, input)
			}
		})
	}
}

func TestStreamRecvPayloadsAsSent(t *testing.T) {
	frames := []frame{
		{websocket.TextMessage, "Please wait until \x1b[32m[web-01]\x1b[0m becomes connected..."},
		{websocket.BinaryMessage, "\xea\xb0"}, // first half of 가: must come back as is
		{websocket.BinaryMessage, "\x80 done\r\n"},
		{websocket.TextMessage, "한글 출력\r\n"},
	}
	srv, c := wsServer(t, func(t *testing.T, conn *websocket.Conn, r *http.Request) {
		for _, f := range frames {
			if err := conn.WriteMessage(f.typ, []byte(f.data)); err != nil {
				t.Errorf("peer write: %v", err)
			}
		}
		closeWith(conn, 4000, "session ended")
	})
	s := dial(t, c, wsURL(srv, "/ws/websh/ch/tok/"), client.StreamOptions{})
	for i, f := range frames {
		p, err := s.Recv()
		if err != nil || string(p) != f.data {
			t.Fatalf("Recv %d = %q, %v; want %q", i, p, err, f.data)
		}
	}
	if _, err := s.Recv(); err != io.EOF {
		t.Errorf("Recv after close 4000 = %v, want io.EOF", err)
	}
}

func closeWith(conn *websocket.Conn, code int, reason string) {
	msg := websocket.FormatCloseMessage(code, reason)
	_ = conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
	_, _, _ = conn.ReadMessage() // let the client answer before the socket goes
}

func TestStreamEnds(t *testing.T) {
	tests := []struct {
		name     string
		end      func(conn *websocket.Conn)
		wantEOF  bool
		wantCode int
	}{
		{"4000 session ended", func(c *websocket.Conn) { closeWith(c, 4000, "") }, true, 0},
		{"1000 normal", func(c *websocket.Conn) { closeWith(c, 1000, "bye") }, true, 0},
		{"1001 going away", func(c *websocket.Conn) { closeWith(c, 1001, "") }, true, 0},
		{"1011 server error", func(c *websocket.Conn) { closeWith(c, 1011, "agent lost") },
			false, 1011},
		{"4403 refused", func(c *websocket.Conn) { closeWith(c, 4403, "denied") }, false, 4403},
		{"dropped connection", func(c *websocket.Conn) { c.NetConn().Close() }, false, 1006},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := wsServer(t, func(t *testing.T, conn *websocket.Conn, r *http.Request) {
				_ = conn.WriteMessage(websocket.BinaryMessage, []byte("$ "))
				tt.end(conn)
			})
			s := dial(t, c, wsURL(srv, "/ws/websh/ch/tok/"), client.StreamOptions{})
			if p, err := s.Recv(); err != nil || string(p) != "$ " {
				t.Fatalf("first Recv = %q, %v", p, err)
			}
			_, err := s.Recv()
			if tt.wantEOF {
				if err != io.EOF {
					t.Errorf("Recv = %v, want io.EOF", err)
				}
				return
			}
			var ce *client.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.wantCode {
				t.Errorf("Recv = %T %v, want *CloseError code %d", err, err, tt.wantCode)
			}
			if err := s.Send([]byte("x")); err == nil {
				t.Error("Send after the stream ended succeeded")
			}
		})
	}
}

func TestStreamHandshake(t *testing.T) {
	var gotOrigin, gotUA string
	srv, c := wsServer(t, func(t *testing.T, conn *websocket.Conn, r *http.Request) {
		gotOrigin, gotUA = r.Header.Get("Origin"), r.Header.Get("User-Agent")
		closeWith(conn, 4000, "")
	})
	s := dial(t, c, wsURL(srv, "/ws/websh/ch/tok/"), client.StreamOptions{})
	if _, err := s.Recv(); err != io.EOF {
		t.Fatalf("Recv = %v", err)
	}
	if gotOrigin != c.BaseURL() || gotUA != "alpacon-tui/"+client.Version {
		t.Errorf("Origin %q, User-Agent %q; want %q and alpacon-tui/<version>",
			gotOrigin, gotUA, c.BaseURL())
	}

	_, err := c.DialWebsh(context.Background(), wsURL(srv, "/ws/websh/refuse/tok/"),
		client.StreamOptions{})
	var he *client.HandshakeError
	if !errors.As(err, &he) || he.Status != http.StatusForbidden {
		t.Errorf("refused dial = %T %v, want *HandshakeError{403}", err, err)
	}
}

func TestStreamCloseSendsNormalClosure(t *testing.T) {
	got := make(chan int, 1)
	srv, c := wsServer(t, func(t *testing.T, conn *websocket.Conn, r *http.Request) {
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				var ce *websocket.CloseError
				errors.As(err, &ce)
				if ce == nil {
					got <- -1
					return
				}
				got <- ce.Code
				return
			}
		}
	})
	s := dial(t, c, wsURL(srv, "/ws/websh/ch/tok/"), client.StreamOptions{})
	recvDone := make(chan error, 1)
	go func() { _, err := s.Recv(); recvDone <- err }()
	_ = s.Send([]byte("exit\r"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if code := <-got; code != websocket.CloseNormalClosure {
		t.Errorf("peer saw close code %d, want 1000", code)
	}
	if err := <-recvDone; err != io.EOF {
		t.Errorf("Recv blocked during Close = %v, want io.EOF", err)
	}
	if err := s.Send([]byte("x")); err == nil {
		t.Error("Send after Close succeeded")
	}
}

func TestStreamConcurrentSendsAndNoLeaks(t *testing.T) {
	before := runtime.NumGoroutine()
	const senders, each = 8, 50
	got := make(chan int, 1)
	srv, c := wsServer(t, func(t *testing.T, conn *websocket.Conn, r *http.Request) {
		n := 0
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				got <- n
				return
			}
			n++
		}
	})
	s, err := c.DialWebsh(context.Background(), wsURL(srv, "/ws/websh/ch/tok/"),
		client.StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				if err := s.Send([]byte("k")); err != nil {
					t.Errorf("Send: %v", err)
				}
			}
		}()
	}
	wg.Wait()
	_ = s.Close()
	if n := <-got; n != senders*each {
		t.Errorf("peer got %d frames, want %d", n, senders*each)
	}
	srv.Close()
	srv.CloseClientConnections()
	waitGoroutines(t, before)
}

// waitGoroutines polls until the goroutine count is back to n: the stream
// must not leave its writer (or anything else) behind.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left, want %d:\n%s", runtime.NumGoroutine(), n,
				buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestStreamRecvAfterEndRepeatsTheEnd(t *testing.T) {
	srv, c := wsServer(t, func(t *testing.T, conn *websocket.Conn, r *http.Request) {
		closeWith(conn, 1011, "agent lost")
	})
	s := dial(t, c, wsURL(srv, "/ws/websh/ch/tok/"), client.StreamOptions{})
	_, first := s.Recv()
	for range 1100 { // gorilla panics past 1000 reads of a failed connection
		if _, err := s.Recv(); err != first {
			t.Fatalf("Recv after the end = %v, want %v again", err, first)
		}
	}
	var ce *client.CloseError
	if !errors.As(first, &ce) || ce.Code != 1011 || ce.Reason != "agent lost" {
		t.Errorf("end = %v", first)
	}
}
