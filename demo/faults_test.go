package demo

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestParseFaults(t *testing.T) {
	cases := []struct {
		spec    string
		wantErr bool
		check   func(f *faults) bool
	}{
		{"", false, func(f *faults) bool { return f.latency == 0 && f.html500 == 0 }},
		{"none", false, func(f *faults) bool { return f.truncate == 0 && f.wsdrop == 0 }},
		{"latency=200ms,html500=0.2,truncate=0.1,wsdrop=5s", false, func(f *faults) bool {
			return f.latency == 200*time.Millisecond && f.html500 == 0.2 &&
				f.truncate == 0.1 && f.wsdrop == 5*time.Second
		}},
		{" seed=7 , html500=1 ", false, func(f *faults) bool { return f.html500 == 1 }},
		{"html500=1.5", true, nil},
		{"truncate=-0.1", true, nil},
		{"latency=fast", true, nil},
		{"latency=-1s", true, nil},
		{"wsdrop", true, nil},
		{"explode=1", true, nil},
		{"seed=x", true, nil},
	}
	for _, c := range cases {
		t.Run(c.spec, func(t *testing.T) {
			f, err := parseFaults(c.spec)
			if (err != nil) != c.wantErr {
				t.Fatalf("err %v, want error %v", err, c.wantErr)
			}
			if err == nil && !c.check(f) {
				t.Fatalf("parsed %+v", f)
			}
		})
	}
}

func startFaulty(t *testing.T, spec string) *Server {
	t.Helper()
	srv, err := Start(Options{Faults: spec, Shell: "/bin/sh"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

// TestFaultAnswers checks the HTML 500 page and the truncated JSON body.
func TestFaultAnswers(t *testing.T) {
	t.Run("html500", func(t *testing.T) {
		a := call(t, startFaulty(t, "html500=1"), "alice", "GET", "/api/status/", nil)
		if a.status != 500 || !strings.HasPrefix(a.header.Get("Content-Type"), "text/html") ||
			!strings.Contains(string(a.raw), "Server Error (500)") {
			t.Fatalf("got %d %q %s", a.status, a.header.Get("Content-Type"), a.raw)
		}
	})
	t.Run("truncate", func(t *testing.T) {
		srv := startFaulty(t, "truncate=1")
		req, _ := http.NewRequest("GET", srv.URL()+"/api/iam/users/", nil)
		req.Header.Set("Authorization", `token="`+srv.Token()+`"`)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v any
		err = json.NewDecoder(resp.Body).Decode(&v)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" ||
			err == nil {
			t.Fatalf("got %d %q, decode error %v", resp.StatusCode,
				resp.Header.Get("Content-Type"), err)
		}
	})
	t.Run("outside /api/ is untouched", func(t *testing.T) {
		a := call(t, startFaulty(t, "truncate=1,html500=1"), "", "GET", "/nope/", nil)
		if a.status != 404 || !strings.HasSuffix(string(a.raw), "</html>\n") {
			t.Fatalf("outside /api/: %d %q", a.status, a.raw)
		}
	})
}

// TestFaultDiceRepeat checks that a seed gives the same fault sequence.
func TestFaultDiceRepeat(t *testing.T) {
	run := func(spec string) string {
		srv := startFaulty(t, spec)
		var b strings.Builder
		for range 40 {
			b.WriteString(map[bool]string{true: "x", false: "."}[call(t, srv, "alice", "GET",
				"/api/status/", nil).status == 500])
		}
		return b.String()
	}
	a, b := run("html500=0.5,seed=3"), run("html500=0.5,seed=3")
	if a != b || !strings.Contains(a, "x") || !strings.Contains(a, ".") {
		t.Fatalf("seeded runs differ or are one-sided: %s vs %s", a, b)
	}
	if c := run("html500=0.5,seed=4"); c == a {
		t.Fatalf("another seed gave the same sequence %s", c)
	}
}

// TestFaultWebsocketDrop checks that wsdrop cuts the websocket without a
// close frame (1006 at the client).
func TestFaultWebsocketDrop(t *testing.T) {
	srv := startFaulty(t, "wsdrop=100ms")
	wsURL, _ := openSession(t, srv, "dave")
	c := dial(t, srv, wsURL)
	wantClose(t, c, websocket.CloseAbnormalClosure)
}
