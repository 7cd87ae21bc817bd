package client_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"alpacon-tui/client"
)

// reply is what a fake endpoint answers.
type reply struct {
	status int
	file   string // fixture under testdata/, or
	body   string // a literal body
	ctype  string // Content-Type; application/json when empty and a body is set
	header http.Header
}

// recorder keeps the requests a fake server saw, for header checks.
type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (r *recorder) add(req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, req.Clone(req.Context()))
}

func (r *recorder) last(t *testing.T) *http.Request {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.reqs) == 0 {
		t.Fatal("the server saw no request")
	}
	return r.reqs[len(r.reqs)-1]
}

// fakeServer serves routes keyed by "METHOD /path/" and answers 404 with
// DRF's detail otherwise.
func fakeServer(t *testing.T, routes map[string]reply) (*httptest.Server, *recorder) {
	t.Helper()
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.add(r)
		rp, ok := routes[r.Method+" "+r.URL.Path]
		if !ok {
			rp = reply{status: http.StatusNotFound, body: `{"detail": "Not found."}`}
		}
		writeReply(t, w, rp)
	}))
	t.Cleanup(srv.Close)
	return srv, rec
}

func writeReply(t *testing.T, w http.ResponseWriter, rp reply) {
	body := []byte(rp.body)
	if rp.file != "" {
		b, err := os.ReadFile(filepath.Join("testdata", rp.file))
		if err != nil {
			t.Errorf("fixture: %v", err)
		}
		body = b
	}
	for k, vs := range rp.header {
		w.Header()[k] = vs
	}
	if rp.ctype != "" {
		w.Header().Set("Content-Type", rp.ctype)
	} else if len(body) > 0 {
		w.Header().Set("Content-Type", "application/json")
	}
	status := rp.status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// newClient returns a client of srv with a test token.
func newClient(t *testing.T, srv *httptest.Server, opts ...client.Option) *client.Client {
	t.Helper()
	opts = append([]client.Option{client.WithToken("test-key")}, opts...)
	c, err := client.New(srv.URL, opts...)
	if err != nil {
		t.Fatalf("New(%q): %v", srv.URL, err)
	}
	return c
}
