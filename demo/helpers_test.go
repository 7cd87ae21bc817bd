package demo

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// startDemo starts a demo server without faults and closes it after t.
func startDemo(t *testing.T) *Server {
	t.Helper()
	srv, err := Start(Options{Faults: "none", Shell: "/bin/sh"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return srv
}

// answer is one HTTP answer with its decoded JSON body (nil if not JSON).
type answer struct {
	status int
	header http.Header
	raw    []byte
	body   any
}

// call sends method path with body (a string is sent verbatim, anything
// else as JSON) as user ("" = anonymous) and reads the answer.
func call(t *testing.T, srv *Server, user, method, path string, body any) answer {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, srv.URL()+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if user != "" {
		req.Header.Set("Authorization", `token="`+srv.TokenFor(user)+`"`)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) answer {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := answer{status: resp.StatusCode, header: resp.Header, raw: raw}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") && len(raw) > 0 {
		if err := json.Unmarshal(raw, &a.body); err != nil {
			t.Fatalf("%s %s: bad JSON %q: %v", req.Method, req.URL.Path, raw, err)
		}
	}
	return a
}

// get walks a decoded JSON value along a dotted path ("results.0.id").
func get(v any, path string) any {
	if path == "" {
		return v
	}
	for _, key := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[key]
		case []any:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// idOf looks an object up by exact filter through the API and returns its id.
func idOf(t *testing.T, srv *Server, list, filter, value string) string {
	t.Helper()
	a := call(t, srv, "alice", "GET", list+"?"+filter+"="+url.QueryEscape(value), nil)
	id, _ := get(a.body, "results.0.id").(string)
	if id == "" {
		t.Fatalf("no %s with %s=%s: %s", list, filter, value, a.raw)
	}
	return id
}
