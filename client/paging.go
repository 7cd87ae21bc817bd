package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"alpacon-tui/model"
)

// MaxPageSize is the largest page the server hands out.
const MaxPageSize = 100

// ListOptions narrows and orders a list call. Zero fields are not sent, so
// the server's defaults (page 1, 15 a page, its own order) apply.
type ListOptions struct {
	Page     int
	PageSize int
	Search   string     // DRF search: every term must match some field
	Ordering string     // e.g. "-added_at,name"
	Filters  url.Values // exact filters, e.g. is_staff=true, name=web-01
}

// values encodes o as query parameters.
func (o ListOptions) values() url.Values {
	q := url.Values{}
	for k, vs := range o.Filters {
		q[k] = append([]string(nil), vs...)
	}
	if o.Page > 0 {
		q.Set("page", strconv.Itoa(o.Page))
	}
	if o.PageSize > 0 {
		q.Set("page_size", strconv.Itoa(o.PageSize))
	}
	if o.Search != "" {
		q.Set("search", o.Search)
	}
	if o.Ordering != "" {
		q.Set("ordering", o.Ordering)
	}
	return q
}

// PageFetcher fetches one page; every List* method of Client is one.
type PageFetcher[T any] func(ctx context.Context, o ListOptions) (*model.Page[T], error)

// Walk collects up to limit items (all of them when limit <= 0) by fetching
// page after page from o.Page (default 1) with page_size min(100, limit),
// like the CLI. It stops when next is 0, a page is empty, or count items
// have been read.
func Walk[T any](ctx context.Context, fetch PageFetcher[T], o ListOptions,
	limit int) ([]T, error) {
	o.PageSize = MaxPageSize
	if limit > 0 && limit < MaxPageSize {
		o.PageSize = limit
	}
	if o.Page <= 0 {
		o.Page = 1
	}
	var all []T
	for {
		p, err := fetch(ctx, o)
		if err != nil {
			return all, err
		}
		all = append(all, p.Results...)
		if limit > 0 && len(all) >= limit {
			return all[:limit], nil
		}
		if p.Next == 0 || len(p.Results) == 0 || (p.Count > 0 && len(all) >= p.Count) {
			return all, nil
		}
		o.Page = nextPage(o.Page, int(p.Next))
	}
}

// nextPage follows next, but never backwards or in place, so a server that
// repeats itself cannot make a walk loop forever.
func nextPage(current, next int) int {
	if next <= current {
		return current + 1
	}
	return next
}

// listPage fetches one page envelope of path.
func listPage[T any](ctx context.Context, c *Client, path string,
	o ListOptions) (*model.Page[T], error) {
	var p model.Page[T]
	if err := c.get(ctx, path, o.values(), &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// maxListPages bounds listAll so a misbehaving server cannot keep it busy.
const maxListPages = 1000

// listAll fetches a list that is a bare JSON array (2024 memberships) or a
// page envelope (2026, tokens), following next until the end.
func listAll[T any](ctx context.Context, c *Client, path string, q url.Values) ([]T, error) {
	var all []T
	for range maxListPages {
		raw, err := c.fetch(ctx, request{method: "GET", path: path, query: q})
		if err != nil {
			return all, err
		}
		items, next, err := decodeList[T](raw.body)
		if err != nil {
			return all, &ResponseError{Status: raw.status, ContentType: raw.contentType,
				Err: fmt.Errorf("decoding GET %s: %w", path, err)}
		}
		all = append(all, items...)
		if next == 0 || len(items) == 0 {
			return all, nil
		}
		q = cloneValues(q)
		q.Set("page", strconv.Itoa(next))
		q.Set("page_size", strconv.Itoa(MaxPageSize))
	}
	return all, nil
}

// decodeList reads a bare array (next 0) or a page envelope.
func decodeList[T any](body []byte) ([]T, int, error) {
	b := bytes.TrimSpace(body)
	if len(b) == 0 {
		return nil, 0, nil
	}
	if b[0] == '[' {
		var items []T
		err := json.Unmarshal(b, &items)
		return items, 0, err
	}
	var p model.Page[T]
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, 0, err
	}
	if p.Next != 0 && p.Current != 0 && int(p.Next) <= p.Current {
		return p.Results, 0, nil
	}
	return p.Results, int(p.Next), nil
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
