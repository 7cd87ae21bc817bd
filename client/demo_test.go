package client_test

import (
	"context"
	"errors"
	"io"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"alpacon-tui/client"
	"alpacon-tui/demo"
	"alpacon-tui/model"
)

// startDemo runs the real embedded demo server, faults off.
func startDemo(t *testing.T) *demo.Server {
	t.Helper()
	srv, err := demo.Start(demo.Options{Addr: "127.0.0.1:0", Faults: "none"})
	if err != nil {
		t.Fatalf("demo.Start: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

// demoClient is a client of srv signed in with token ("" = anonymous).
func demoClient(t *testing.T, srv *demo.Server, token string) *client.Client {
	t.Helper()
	var opts []client.Option
	if token != "" {
		opts = append(opts, client.WithToken(token))
	}
	c, err := client.New(srv.URL(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func userByName(t *testing.T, c *client.Client, name string) model.User {
	t.Helper()
	o := client.ListOptions{Filters: url.Values{"username": {name}}}
	page, err := c.ListUsers(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Results) != 1 {
		t.Fatalf("username=%s matched %d users", name, len(page.Results))
	}
	return page.Results[0]
}

func TestDemoLoginAndPages(t *testing.T) {
	srv := startDemo(t)
	ctx := context.Background()
	c := demoClient(t, srv, "")

	if _, err := c.Login(ctx, "alice", "wrong password"); err == nil {
		t.Fatal("login with a wrong password succeeded")
	} else if ae := asAPIError(t, err); ae.Status != 403 ||
		!reflect.DeepEqual(ae.NonField, []string{"Login credentials are incorrect."}) {
		t.Errorf("wrong password: %+v", ae)
	}
	res, err := c.Login(ctx, "alice", demo.SeedPassword)
	if err != nil || res.Token == "" || res.ExpiresAt == nil {
		t.Fatalf("Login = %+v, %v", res, err)
	}
	if err := c.CheckToken(ctx); err != nil {
		t.Fatalf("CheckToken after login: %v", err)
	}
	w, err := c.WhoAmI(ctx)
	if err != nil || w.User.Username != "alice" {
		t.Fatalf("WhoAmI = %+v, %v", w, err)
	}

	first, err := c.ListUsers(ctx, client.ListOptions{PageSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Results) != 5 || first.Next != 2 || first.Count < 20 {
		t.Fatalf("first page: %d results, next %d, count %d", len(first.Results),
			first.Next, first.Count)
	}
	all, err := client.Walk(ctx, c.ListUsers, client.ListOptions{}, 0)
	if err != nil || len(all) != first.Count {
		t.Fatalf("Walk got %d users (%v), want %d", len(all), err, first.Count)
	}
	seen := map[string]bool{}
	for _, u := range all {
		if seen[u.ID] {
			t.Fatalf("user %s listed twice", u.Username)
		}
		seen[u.ID] = true
	}
}

func TestDemoValidationErrors(t *testing.T) {
	srv := startDemo(t)
	ctx := context.Background()
	c := demoClient(t, srv, srv.Token())
	bob, alice := userByName(t, c, "bob"), userByName(t, c, "alice")

	_, err := c.PatchUser(ctx, bob.ID, map[string]any{"email": "not-an-email"})
	ae := asAPIError(t, err)
	if ae.Status != 400 ||
		!reflect.DeepEqual(ae.Fields["email"], []string{"Enter a valid email address."}) {
		t.Errorf("bad email: %+v", ae)
	}

	_, err = c.PatchUser(ctx, alice.ID, map[string]any{"is_superuser": false})
	ae = asAPIError(t, err)
	want := []string{"There should be at least a superuser in the system."}
	if ae.Status != 400 || !reflect.DeepEqual(ae.NonField, want) || err.Error() != want[0] {
		t.Errorf("demote the only superuser: %+v", ae)
	}

	u, err := c.PatchUser(ctx, bob.ID, map[string]any{"email": "bob@example.org"})
	if err != nil || u.Email != "bob@example.org" {
		t.Errorf("good email: %+v, %v", u, err)
	}
}

func TestDemoDenials(t *testing.T) {
	srv := startDemo(t)
	ctx := context.Background()
	_, err := demoClient(t, srv, "").ListUsers(ctx, client.ListOptions{})
	if !errors.Is(err, client.ErrUnauthenticated) {
		t.Errorf("anonymous list: %v, want ErrUnauthenticated", err)
	}
	_, err = demoClient(t, srv, "no-such-token").Me(ctx)
	if !errors.Is(err, client.ErrUnauthenticated) {
		t.Errorf("bad token: %v, want ErrUnauthenticated", err)
	}

	admin := demoClient(t, srv, srv.Token())
	all, err := client.Walk(ctx, admin.ListUsers, client.ListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var plain string
	for _, u := range all {
		if !u.IsStaff && !u.IsSuperuser && u.IsActive {
			plain = u.Username
			break
		}
	}
	if plain == "" {
		t.Fatal("the demo seeds no plain active user")
	}
	alice := userByName(t, admin, "alice")
	_, err = demoClient(t, srv, srv.TokenFor(plain)).PatchUser(ctx, alice.ID,
		map[string]any{"first_name": "Mallory"})
	if !errors.Is(err, client.ErrForbidden) || errors.Is(err, client.ErrUnauthenticated) {
		t.Errorf("plain user editing alice: %v, want ErrForbidden", err)
	}
}

func serverByName(t *testing.T, c *client.Client, name string) model.Server {
	t.Helper()
	o := client.ListOptions{Filters: url.Values{"name": {name}}}
	page, err := c.ListServers(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Results) != 1 {
		t.Fatalf("name=%s matched %d servers", name, len(page.Results))
	}
	return page.Results[0]
}

func TestDemoWebsh(t *testing.T) {
	srv := startDemo(t)
	c := demoClient(t, srv, srv.Token())
	web := serverByName(t, c, "web-01")
	if err := web.WebshReady(); err != nil {
		t.Fatalf("web-01 is not ready: %v", err)
	}
	tests := []struct {
		name string
		opts client.StreamOptions
	}{
		{"binary frames", client.StreamOptions{}},
		{"text frames", client.StreamOptions{TextFrames: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runShell(t, c, web.ID, tt.opts)
		})
	}
}

// runShell opens a terminal on server, runs a command whose output differs
// from its echo, resizes, and exits.
func runShell(t *testing.T, c *client.Client, server string, o client.StreamOptions) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sess, err := c.CreateSession(ctx, model.SessionRequest{Server: server, Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.DialWebsh(ctx, sess.WebsocketURL, o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stop := context.AfterFunc(ctx, func() { _ = s.Close() }) // no Recv blocks forever
	defer stop()

	if err := s.Send([]byte("echo hi-$((6*7))\r")); err != nil {
		t.Fatal(err)
	}
	if out, err := recvUntil(s, "hi-42"); err != nil {
		t.Fatalf("waiting for hi-42: %v; got %q", err, out)
	}
	if err := c.ResizeSession(ctx, sess.ID, 30, 100); err != nil {
		t.Errorf("ResizeSession: %v", err)
	}
	if err := s.Send([]byte("exit\r")); err != nil {
		t.Fatal(err)
	}
	if out, err := recvUntil(s, "\x00never"); err != io.EOF || ctx.Err() != nil {
		t.Errorf("after exit: %v (ctx %v), want io.EOF; got %q", err, ctx.Err(), out)
	}
}

// recvUntil reads output until it contains want; the error is Recv's.
func recvUntil(s *client.Stream, want string) (string, error) {
	var out strings.Builder
	for {
		p, err := s.Recv()
		out.Write(p)
		if err != nil {
			return out.String(), err
		}
		if strings.Contains(out.String(), want) {
			return out.String(), nil
		}
	}
}

func TestDemoWebshRefusals(t *testing.T) {
	srv := startDemo(t)
	ctx := context.Background()
	c := demoClient(t, srv, srv.Token())

	_, err := c.CreateSession(ctx, model.SessionRequest{Server: serverByName(t, c, "db-03").ID})
	ae := asAPIError(t, err)
	want := "Requested server is not connected. Please check the server status first."
	if ae.Status != 400 || !reflect.DeepEqual(ae.NonField, []string{want}) {
		t.Errorf("not connected server: %+v", ae)
	}

	sess, err := c.CreateSession(ctx, model.SessionRequest{Server: serverByName(t, c, "web-01").ID})
	if err != nil {
		t.Fatal(err)
	}
	u := strings.TrimSuffix(sess.WebsocketURL, "/")
	wrong := u[:strings.LastIndex(u, "/")+1] + strings.Repeat("x", 32) + "/"
	_, err = c.DialWebsh(ctx, wrong, client.StreamOptions{})
	var he *client.HandshakeError
	if !errors.As(err, &he) || he.Status != 403 {
		t.Errorf("wrong channel token: %T %v, want *HandshakeError{403}", err, err)
	}
}

func TestDemoGroupsMembershipsTokensNotes(t *testing.T) {
	srv := startDemo(t)
	ctx := context.Background()
	c := demoClient(t, srv, srv.Token())
	bob := userByName(t, c, "bob")

	g, err := c.CreateGroup(ctx, map[string]any{"name": "qa-team", "display_name": "QA"})
	if err != nil || g.ID == "" || g.Name != "qa-team" {
		t.Fatalf("CreateGroup = %+v, %v", g, err)
	}
	if _, err := c.CreateGroup(ctx, map[string]any{"name": "root", "display_name": "R"}); err == nil {
		t.Error("a reserved group name was accepted")
	} else if ae := asAPIError(t, err); ae.Status != 400 || len(ae.Fields["name"]) == 0 {
		t.Errorf("reserved name: %+v", ae)
	}
	m, err := c.AddMembership(ctx, g.ID, bob.ID, model.RoleMember)
	if err != nil || m.User.ID != bob.ID || m.Role != model.RoleMember {
		t.Fatalf("AddMembership = %+v, %v", m, err)
	}
	m, err = c.ChangeRole(ctx, m.ID, model.RoleManager)
	if err != nil || m.Role != model.RoleManager {
		t.Fatalf("ChangeRole = %+v, %v", m, err)
	}
	ms, err := c.ListMemberships(ctx, client.MembershipFilter{Group: g.ID, User: bob.ID})
	if err != nil || len(ms) != 1 || ms[0].ID != m.ID {
		t.Fatalf("ListMemberships = %+v, %v", ms, err)
	}
	if err := c.RemoveMembership(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteGroup(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetGroup(ctx, g.ID); !isStatus(err, 404) {
		t.Errorf("deleted group still there: %v", err)
	}

	tok, err := c.CreateToken(ctx, "ci", nil)
	if err != nil || tok.Key == "" {
		t.Fatalf("CreateToken = %+v, %v", tok, err)
	}
	if err := demoClient(t, srv, tok.Key).CheckToken(ctx); err != nil {
		t.Errorf("the new API token does not work: %v", err)
	}
	toks, err := c.ListTokens(ctx)
	if err != nil || !hasToken(toks, tok.ID) {
		t.Fatalf("ListTokens = %+v, %v", toks, err)
	}
	if err := c.DeleteToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}

	web := serverByName(t, c, "web-01")
	n, err := c.CreateNote(ctx, web.ID, "disk swap on friday", false, false)
	if err != nil || n.Server.ID != web.ID || n.Content != "disk swap on friday" {
		t.Fatalf("CreateNote = %+v, %v", n, err)
	}
	notes, err := c.ListNotes(ctx, client.ListOptions{Filters: url.Values{"server": {web.ID}}})
	if err != nil || notes.Count == 0 {
		t.Fatalf("ListNotes = %+v, %v", notes, err)
	}
}

func isStatus(err error, status int) bool {
	var ae *client.APIError
	return errors.As(err, &ae) && ae.Status == status
}

func hasToken(toks []model.APIToken, id string) bool {
	for _, t := range toks {
		if t.ID == id {
			return true
		}
	}
	return false
}
