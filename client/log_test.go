package client_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"alpacon-tui/client"
	"alpacon-tui/demo"
	"alpacon-tui/model"
)

// The debug log says what was asked and how it went, and never carries a
// token, a query string or a websocket URL.
func TestLoggerKeepsSecretsOut(t *testing.T) {
	srv, err := demo.Start(demo.Options{Addr: "127.0.0.1:0", Faults: "none"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := client.New(srv.URL(), client.WithToken(srv.Token()), client.WithLogger(logger))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.ListUsers(ctx, client.ListOptions{Search: "secret-search"}); err != nil {
		t.Fatal(err)
	}
	servers, err := c.ListServers(ctx, client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, s := range servers.Results {
		if s.IsConnected && s.Commissioned {
			id = s.ID
			break
		}
	}
	sess, err := c.CreateSession(ctx, model.SessionRequest{Server: id, Rows: 5, Cols: 20})
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.DialWebsh(ctx, sess.WebsocketURL+"x", client.StreamOptions{})
	if err == nil {
		st.Close()
		t.Fatal("a changed channel token should be refused")
	}

	log := buf.String()
	for _, want := range []string{"path=/api/iam/users/", "status=200", "websh dial failed"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	for _, secret := range []string{srv.Token(), "secret-search", sess.WebsocketURL} {
		if strings.Contains(log, secret) {
			t.Errorf("log carries %q:\n%s", secret, log)
		}
	}
}

// A request that never reaches a server is logged without its query string.
func TestLoggerFailedRequestKeepsQueryOut(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := client.New("http://127.0.0.1:1", client.WithToken("t"), client.WithLogger(logger))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListUsers(context.Background(), client.ListOptions{Search: "secret-search"})
	if err == nil {
		t.Fatal("port 1 should refuse the connection")
	}
	log := buf.String()
	if !strings.Contains(log, "request failed") || !strings.Contains(log, "refused") {
		t.Errorf("the failure is not logged:\n%s", log)
	}
	if strings.Contains(log, "secret-search") {
		t.Errorf("log carries the query string:\n%s", log)
	}
}
