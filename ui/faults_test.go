package ui

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"alpacon-tui/client"
	"alpacon-tui/demo"
)

// faultSwitch sends each request to the healthy demo server, or, while the
// test's rule says so, to a second demo server started with html500=1,
// which answers every API request with its Django-style HTML 500 page. It
// lets a test fail exactly the requests it means to, when it means to.
type faultSwitch struct {
	bad *url.URL

	mu   sync.Mutex
	rule func(*http.Request) bool
	hold func(*http.Request) bool

	held    chan struct{} // a held answer is ready
	release chan struct{} // lets held answers go
}

// holdAnswers makes requests that match wait, answered by the server, until
// release is closed: "the server did it, but the client has not heard yet".
func (f *faultSwitch) holdAnswers(match func(*http.Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hold, f.held, f.release = match, make(chan struct{}, 16), make(chan struct{})
}

// setRule picks the requests that fail from now on; nil fails none.
func (f *faultSwitch) setRule(rule func(*http.Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rule = rule
}

// RoundTrip implements http.RoundTripper.
func (f *faultSwitch) RoundTrip(r *http.Request) (*http.Response, error) {
	f.mu.Lock()
	fail := f.rule != nil && f.rule(r)
	hold := f.hold != nil && f.hold(r)
	held, release := f.held, f.release
	f.mu.Unlock()
	if fail {
		r = r.Clone(r.Context())
		r.URL.Host, r.Host = f.bad.Host, f.bad.Host
	}
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil || !hold {
		return resp, err
	}
	held <- struct{}{}
	select {
	case <-release:
		return resp, nil
	case <-r.Context().Done(): // the answer is lost, as on a real cancel
		resp.Body.Close()
		return nil, r.Context().Err()
	}
}

// faultyClient returns a client of srv whose requests fail as the returned
// switch says.
func faultyClient(t *testing.T, srv *demo.Server) (*client.Client, *faultSwitch) {
	t.Helper()
	bad, err := demo.Start(demo.Options{Addr: "127.0.0.1:0", Faults: "html500=1"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bad.Close() })
	u, err := url.Parse(bad.URL())
	if err != nil {
		t.Fatal(err)
	}
	sw := &faultSwitch{bad: u}
	c, err := client.New(srv.URL(), client.WithToken(srv.Token()),
		client.WithHTTPClient(&http.Client{Transport: sw}))
	if err != nil {
		t.Fatal(err)
	}
	return c, sw
}

// pathIs and pathHas are rules for faultSwitch.setRule.
func pathIs(p string) func(*http.Request) bool {
	return func(r *http.Request) bool { return r.URL.Path == p }
}

func pathHas(p string) func(*http.Request) bool {
	return func(r *http.Request) bool { return strings.Contains(r.URL.Path, p) }
}
