package client_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"

	"alpacon-tui/client"
	"alpacon-tui/model"
)

// pagedUsers serves n users as DRF page envelopes, with next as an integer
// or, when urlLinks is set, as a stock DRF URL. It records the page sizes
// it was asked for.
type pagedUsers struct {
	n        int
	urlLinks bool
	mu       sync.Mutex
	asked    []string // "page/page_size" per request
}

func (p *pagedUsers) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, size := atoiOr(q.Get("page"), 1), atoiOr(q.Get("page_size"), 15)
	size = min(size, 100)
	p.mu.Lock()
	p.asked = append(p.asked, q.Get("page")+"/"+q.Get("page_size"))
	p.mu.Unlock()

	last := max(1, (p.n+size-1)/size)
	if page > last {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"detail": "Invalid page."}`)
		return
	}
	env := map[string]any{"count": p.n, "current": page, "last": last,
		"next": p.link(r, page+1, page < last), "previous": p.link(r, page-1, page > 1)}
	var users []map[string]any
	for i := (page - 1) * size; i < min(page*size, p.n); i++ {
		users = append(users, map[string]any{"id": fmt.Sprintf("u-%03d", i),
			"username": fmt.Sprintf("user%03d", i), "date_joined": nil, "uid": 2000 + i})
	}
	env["results"] = users
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(env)
}

func (p *pagedUsers) link(r *http.Request, page int, ok bool) any {
	if !ok {
		return nil
	}
	if !p.urlLinks {
		return page
	}
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(page))
	return "http://testserver" + r.URL.Path + "?" + q.Encode()
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n
	}
	return def
}

func TestWalkAllUsers(t *testing.T) {
	tests := []struct {
		name      string
		urlLinks  bool
		limit     int
		wantN     int
		wantAsked []string
	}{
		{"250 users, integer next", false, 0, 250, []string{"1/100", "2/100", "3/100"}},
		{"250 users, URL next", true, 0, 250, []string{"1/100", "2/100", "3/100"}},
		{"limit 30 takes one small page", false, 30, 30, []string{"1/30"}},
		{"limit 120", false, 120, 120, []string{"1/100", "2/100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := &pagedUsers{n: 250, urlLinks: tt.urlLinks}
			srv := httptest.NewServer(fake)
			defer srv.Close()
			c := newClient(t, srv)

			users, err := client.Walk(context.Background(), c.ListUsers, client.ListOptions{}, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(users) != tt.wantN {
				t.Fatalf("walked %d users, want %d", len(users), tt.wantN)
			}
			for i, u := range users {
				if u.Username != fmt.Sprintf("user%03d", i) {
					t.Fatalf("user %d = %q: pages out of order or repeated", i, u.Username)
				}
			}
			if fmt.Sprint(fake.asked) != fmt.Sprint(tt.wantAsked) {
				t.Errorf("asked pages %v, want %v", fake.asked, tt.wantAsked)
			}
		})
	}
}

func TestWalkStopsOnEmptyPageAndError(t *testing.T) {
	calls := 0
	looping := func(ctx context.Context, o client.ListOptions) (*model.Page[int], error) {
		calls++
		if o.Page == 3 {
			return &model.Page[int]{Next: 4}, nil // next set, but nothing in it
		}
		return &model.Page[int]{Next: model.PageNum(o.Page), Results: []int{o.Page}}, nil
	}
	got, err := client.Walk(context.Background(), looping, client.ListOptions{}, 0)
	if err != nil || fmt.Sprint(got) != "[1 2]" || calls != 3 {
		t.Errorf("Walk = %v, %v after %d calls; want [1 2] after 3", got, err, calls)
	}

	failing := func(ctx context.Context, o client.ListOptions) (*model.Page[int], error) {
		if o.Page == 2 {
			return nil, fmt.Errorf("boom")
		}
		return &model.Page[int]{Next: 2, Results: []int{1}}, nil
	}
	got, err = client.Walk(context.Background(), failing, client.ListOptions{}, 0)
	if err == nil || fmt.Sprint(got) != "[1]" {
		t.Errorf("Walk = %v, %v; want [1] and the error", got, err)
	}
}

func TestListOptionsQuery(t *testing.T) {
	srv, rec := fakeServer(t, map[string]reply{"GET /api/websh/sessions/": {
		body: `{"count": 0, "next": null, "previous": null, "results": []}`}})
	o := client.ListOptions{Page: 2, PageSize: 50, Search: "web 01", Ordering: "-added_at",
		Filters: url.Values{"is_connectable": {"true"}}}
	page, err := newClient(t, srv).ListSessions(context.Background(), o)
	if err != nil || page.Count != 0 || len(page.Results) != 0 {
		t.Fatalf("ListSessions = %+v, %v", page, err)
	}
	want := "is_connectable=true&ordering=-added_at&page=2&page_size=50&search=web+01"
	if got := rec.last(t).URL.RawQuery; got != want {
		t.Errorf("query = %q, want %q", got, want)
	}
}
