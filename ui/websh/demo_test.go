package websh

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"alpacon-tui/client"
	"alpacon-tui/demo"
	"alpacon-tui/model"
)

// demoPane opens a real session on the demo server's web-01, sized to a
// pane of w x h as the root does, and a pane on its websocket.
func demoPane(t *testing.T, faults string, w, h int) (*driver, *resizeLog) {
	t.Helper()
	srv, err := demo.Start(demo.Options{Addr: "127.0.0.1:0", Faults: faults, Shell: "bash"})
	if err != nil {
		t.Fatalf("demo.Start: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	c, err := client.New(srv.URL(), client.WithToken(srv.Token()))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	page, err := c.ListServers(ctx, client.ListOptions{Filters: url.Values{"name": {"web-01"}}})
	if err != nil || len(page.Results) != 1 {
		t.Fatalf("web-01: %v (%d matches)", err, len(page.Results))
	}

	// The session is created with the pane's inner size, then dialled.
	probe := New(Options{Width: w, Height: h})
	rows, cols := probe.InnerSize()
	sess, err := c.CreateSession(ctx, model.SessionRequest{
		Server: page.Results[0].ID, Rows: rows, Cols: cols})
	if err != nil {
		t.Fatal(err)
	}
	stream, err := c.DialWebsh(ctx, sess.WebsocketURL, client.StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	log := &resizeLog{}
	p := New(Options{Conn: stream, Title: "web-01", Width: w, Height: h,
		Resize: func(ctx context.Context, rows, cols int) error {
			log.add(rows, cols)
			return c.ResizeSession(ctx, sess.ID, rows, cols)
		}})
	t.Cleanup(func() { closePane(t, p) })
	return &driver{t: t, p: p, next: p.Init()}, log
}

func TestDemoSession(t *testing.T) {
	d, log := demoPane(t, "none", 82, 26)
	d.typeLine("echo hel''lo; stty size")
	d.untilScreen("\nhello\n", "24 80")

	d.p.SetSize(102, 32)
	_, cmd := d.p.Update(resizeTickMsg{id: d.p.ID(), seq: d.p.resizeN})
	if cmd == nil {
		t.Fatal("no resize after the debounce tick")
	}
	if msg := cmd().(ResizedMsg); msg.Err != nil {
		t.Fatalf("ResizeSession: %v", msg.Err)
	}
	if got := log.get(); len(got) != 1 || got[0] != [2]int{30, 100} {
		t.Fatalf("Resize calls = %v, want one of 30x100", got)
	}
	d.typeLine("stty size")
	d.untilScreen("30 100")

	d.typeLine("exit")
	d.until("session end", d.p.Ended)
	if v := d.p.View(); !strings.Contains(v, "session closed — press enter to return") {
		t.Fatalf("no closed notice after exit:\n%s", v)
	}
}

func TestDemoDroppedSocket(t *testing.T) {
	d, _ := demoPane(t, "wsdrop=300ms", 82, 12)
	start := time.Now()
	d.until("the drop", d.p.Ended)
	v := d.p.View()
	if !strings.Contains(v, "connection lost") || !strings.Contains(v, "1006") {
		t.Fatalf("no lost notice after %v:\n%s", time.Since(start), v)
	}
}
