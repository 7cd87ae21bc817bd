package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"alpacon-tui/client"
)

func TestLoginUsesTheNewToken(t *testing.T) {
	srv, rec := fakeServer(t, map[string]reply{
		"POST /api/auth/login/": {body: `{"token": "abc123", ` +
			`"expires_at": "2024-04-19T16:56:30.123456+09:00"}`},
		"GET /api/status/": {body: `{"status": "Good"}`},
	})
	c, err := client.New(srv.URL, client.WithToken("stale"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Login(context.Background(), "alice", "pw")
	if err != nil {
		t.Fatal(err)
	}
	if a := rec.last(t).Header.Get("Authorization"); a != "" {
		t.Errorf("login sent Authorization %q; a stale token makes the server skip login", a)
	}
	if res.Token != "abc123" || res.ExpiresAt == nil || res.ExpiresAt.UTC().Hour() != 7 {
		t.Errorf("login result = %+v", res)
	}
	if err := c.CheckToken(context.Background()); err != nil {
		t.Fatal(err)
	}
	if a := rec.last(t).Header.Get("Authorization"); a != `token="abc123"` {
		t.Errorf("after login Authorization = %q", a)
	}
}

func TestLoginFailure(t *testing.T) {
	srv, _ := fakeServer(t, map[string]reply{"POST /api/auth/login/": {status: 403,
		body: `{"non_field_errors": ["Login credentials are incorrect."]}`}})
	c, _ := client.New(srv.URL)
	_, err := c.Login(context.Background(), "alice", "wrong")
	ae := asAPIError(t, err)
	if ae.Status != 403 || err.Error() != "Login credentials are incorrect." ||
		c.HasCredentials() {
		t.Errorf("err = %v, status %d, credentials kept %v", err, ae.Status, c.HasCredentials())
	}
}

func TestIsAuthenticated(t *testing.T) {
	tests := []struct {
		name    string
		rp      reply
		want    bool
		wantErr bool
	}{
		{"yes", reply{body: `{"authenticated": true}`}, true, false},
		{"401 means no", reply{status: 401, body: `{"authenticated": false}`}, false, false},
		{"500 is an error", reply{status: 500, body: "oops", ctype: "text/plain"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := fakeServer(t, map[string]reply{"GET /api/auth/is_authenticated/": tt.rp})
			got, err := newClient(t, srv).IsAuthenticated(context.Background())
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("IsAuthenticated = %v, %v", got, err)
			}
		})
	}
}

func TestEnv(t *testing.T) {
	srv, rec := fakeServer(t, map[string]reply{"GET /api/auth/env/": {body: `{"auth0": ` +
		`{"method": "password", "client_id": "", "domain": ""}, "language": "ko"}`}})
	env, err := newClient(t, srv).Env(context.Background())
	if err != nil || env.UsesAuth0() || env.Language != "ko" {
		t.Fatalf("Env = %+v, %v", env, err)
	}
	if q := rec.last(t).URL.RawQuery; q != "client=cli" {
		t.Errorf("query = %q", q)
	}
}

func TestOptions(t *testing.T) {
	var gotAuth, gotUA string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth, gotUA = r.Header.Get("Authorization"), r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status": "Good"}`))
	}))
	defer srv.Close()
	ctx := context.Background()

	strict, _ := client.New(srv.URL)
	if err := strict.CheckToken(ctx); err == nil {
		t.Error("a self-signed certificate was accepted without WithInsecureTLS")
	}
	c, err := client.New(srv.URL, client.WithInsecureTLS(), client.WithBearer("jwt.x.y"),
		client.WithUserAgent("probe/1"), client.WithTimeout(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckToken(ctx); err != nil {
		t.Fatal(err)
	}
	if gotAuth != "Bearer jwt.x.y" || gotUA != "probe/1" {
		t.Errorf("Authorization %q, User-Agent %q", gotAuth, gotUA)
	}
	viaHC, _ := client.New(srv.URL, client.WithHTTPClient(srv.Client()),
		client.WithTimeout(50*time.Millisecond))
	if err := viaHC.CheckToken(ctx); err != nil {
		t.Errorf("WithHTTPClient(test TLS client): %v", err)
	}
	if srv.Client().Timeout != 0 {
		t.Error("WithTimeout changed the caller's http.Client")
	}
}

func TestTimeoutAndCancel(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)

	c, _ := client.New(srv.URL, client.WithTimeout(100*time.Millisecond))
	if err := c.CheckToken(context.Background()); err == nil {
		t.Error("WithTimeout did not end a request that never answers")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c2, _ := client.New(srv.URL)
	if err := c2.CheckToken(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context gave %v", err)
	}
}
