package demo

import (
	"bufio"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestStartLoopbackOnly(t *testing.T) {
	cases := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true},
		{"localhost:0", true},
		{"127.0.0.2:0", true},
		{"0.0.0.0:0", false},
		{":0", false},
		{"192.0.2.1:0", false},
		{"example.com:0", false},
		{"no-port", false},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) {
			srv, err := Start(Options{Addr: c.addr, Faults: "none"})
			if srv != nil {
				defer srv.Close()
			}
			if (err == nil) != c.ok {
				t.Fatalf("Start(%q): %v, want ok=%v", c.addr, err, c.ok)
			}
		})
	}
	if _, err := Start(Options{Faults: "bogus=1"}); err == nil {
		t.Fatal("a bad fault spec was accepted")
	}
}

// TestSeed checks the facts other packages rely on, and that the seed is
// the same on every start.
func TestSeed(t *testing.T) {
	a, b := startDemo(t), startDemo(t)
	if a.Token() == b.Token() || len(a.Token()) != 64 {
		t.Fatalf("tokens must be random 64-char keys: %q %q", a.Token(), b.Token())
	}
	if idOf(t, a, "/api/iam/users/", "username", "carol") !=
		idOf(t, b, "/api/iam/users/", "username", "carol") {
		t.Fatal("seeded IDs differ between starts")
	}
	if a.TokenFor("nobody-here") != "" || a.TokenFor("zoe") != "" {
		t.Fatal("TokenFor must refuse unknown and inactive users")
	}
	if a.TokenFor("bob") != a.TokenFor("bob") {
		t.Fatal("TokenFor must be stable")
	}
	servers := call(t, a, "alice", "GET", "/api/servers/servers/?page_size=100", nil)
	for _, s := range get(servers.body, "results").([]any) {
		// Agents report the root account once commissioned, connected or not.
		name, comm := get(s, "name"), get(s, "commissioned") == true
		if root := get(s, "is_root") == true; root != comm {
			t.Errorf("%s: commissioned %v but is_root %v for the superuser", name, comm, root)
		}
	}
}

// TestMainCommand runs the standalone command and reads its two lines.
func TestMainCommand(t *testing.T) {
	pr, pw := io.Pipe()
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- run([]string{"--addr", "127.0.0.1:0", "--faults", "none"}, pw, stop)
		_ = pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) == 2 {
			break
		}
	}
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "url: http://127.0.0.1:") ||
		!strings.HasPrefix(lines[1], "token: ") {
		t.Fatalf("output %q", lines)
	}
	req, _ := http.NewRequest("GET", strings.TrimPrefix(lines[0], "url: ")+"/api/status/", nil)
	req.Header.Set("Authorization", `token="`+strings.TrimPrefix(lines[1], "token: ")+`"`)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("status with the printed token: %v %v", err, resp)
	}
	resp.Body.Close()
	close(stop)
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("command did not stop")
	}
	if err := run([]string{"--addr", "0.0.0.0:8000"}, io.Discard, nil); err == nil {
		t.Fatal("a public address was accepted")
	}
}

// syncBuffer is a strings.Builder safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (sb *syncBuffer) Write(p []byte) (int, error) {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.b.Write(p)
}

func (sb *syncBuffer) String() string {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.b.String()
}

// TestRequestLog checks that the request log names requests but never
// carries tokens, queries or websocket capabilities.
func TestRequestLog(t *testing.T) {
	var log syncBuffer
	srv, err := Start(Options{Faults: "none", Shell: "/bin/sh", Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	call(t, srv, "alice", "GET", "/api/iam/users/?search=secret-term", nil)
	wsURL, _ := openSession(t, srv, "alice")
	c := dial(t, srv, wsURL)
	readUntil(t, c, "became ready")
	_ = c.Close()
	_ = srv.Close()
	out := log.String()
	if !strings.Contains(out, "GET /api/iam/users/ 200") {
		t.Errorf("request missing from the log:\n%s", out)
	}
	_, tok, _ := strings.Cut(wsURL, "/ws/websh/")
	for _, secret := range []string{srv.Token(), "secret-term", tok} {
		if strings.Contains(out, secret) {
			t.Errorf("log leaks %q:\n%s", secret, out)
		}
	}
}
