package demo

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Page sizes of Alpacon's MyPageNumberPagination.
const (
	pageSize    = 15
	maxPageSize = 100
)

// filter is one django-filter exact-match query parameter.
type filter[T any] struct {
	check func(st *store, v string) string // "" or the error message
	match func(x T, v string) bool
}

// listSpec describes filters, search fields and orderings of one endpoint.
type listSpec[T any] struct {
	filters  map[string]filter[T]
	search   []func(T) []string
	order    map[string]func(T) any
	defaults []string
}

const msgBadChoice = "Select a valid choice. That choice is not one of the available choices."

// boolFilter filters on a boolean column.
func boolFilter[T any](get func(T) bool) filter[T] {
	return filter[T]{
		check: func(_ *store, v string) string {
			if _, ok := parseBool(v); !ok {
				return "Select a valid choice. " + v + " is not one of the available choices."
			}
			return ""
		},
		match: func(x T, v string) bool { b, _ := parseBool(v); return get(x) == b },
	}
}

// textFilter filters on an exact string column.
func textFilter[T any](get func(T) string) filter[T] {
	return filter[T]{match: func(x T, v string) bool { return get(x) == v }}
}

// refFilter filters on a foreign key or many-to-many column holding IDs.
func refFilter[T any](exists func(*store, string) bool, get func(T) []string) filter[T] {
	return filter[T]{
		check: func(st *store, v string) string {
			if !exists(st, v) {
				return msgBadChoice
			}
			return ""
		},
		match: func(x T, v string) bool { return contains(get(x), v) },
	}
}

// one wraps a single string in a list for search and ref accessors.
func one(s string) []string { return []string{s} }

// applyList filters, searches and orders items by the request's query. It
// writes a 400 and returns false on an invalid filter value.
func applyList[T any](c *ctx, items []T, sp listSpec[T]) ([]T, bool) {
	q := c.r.URL.Query()
	fe := fieldErrors{}
	out := slices.Clone(items)
	for name, f := range sp.filters {
		v := q.Get(name)
		if !q.Has(name) || v == "" {
			continue
		}
		if f.check != nil {
			if msg := f.check(c.st, v); msg != "" {
				fe.add(name, msg)
				continue
			}
		}
		out = slices.DeleteFunc(out, func(x T) bool { return !f.match(x, v) })
	}
	if len(fe) > 0 {
		c.invalid(fe)
		return nil, false
	}
	out = searchItems(out, q.Get("search"), sp.search)
	orderItems(out, q.Get("ordering"), sp)
	return out, true
}

// searchItems keeps items where every term matches some search field,
// case-insensitively, like DRF's SearchFilter.
func searchItems[T any](items []T, query string, fields []func(T) []string) []T {
	terms := strings.FieldsFunc(strings.ToLower(query), func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == 0
	})
	if len(terms) == 0 || len(fields) == 0 {
		return items
	}
	return slices.DeleteFunc(items, func(x T) bool {
		for _, term := range terms {
			if !anyFieldHas(x, term, fields) {
				return true
			}
		}
		return false
	})
}

func anyFieldHas[T any](x T, term string, fields []func(T) []string) bool {
	for _, f := range fields {
		for _, v := range f(x) {
			if strings.Contains(strings.ToLower(v), term) {
				return true
			}
		}
	}
	return false
}

// orderItems sorts by the ordering parameter, silently dropping unknown
// fields as DRF does, else by the endpoint's default ordering.
func orderItems[T any](items []T, param string, sp listSpec[T]) {
	var keys []string
	for _, k := range strings.Split(param, ",") {
		k = strings.TrimSpace(k)
		if _, ok := sp.order[strings.TrimPrefix(k, "-")]; ok && k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		keys = sp.defaults
	}
	slices.SortStableFunc(items, func(a, b T) int {
		for _, k := range keys {
			get := sp.order[strings.TrimPrefix(k, "-")]
			n := compareAny(get(a), get(b))
			if strings.HasPrefix(k, "-") {
				n = -n
			}
			if n != 0 {
				return n
			}
		}
		return 0
	})
}

// compareAny orders the column values the store uses; nil sorts first.
func compareAny(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	switch x := a.(type) {
	case string:
		return strings.Compare(x, b.(string))
	case int:
		return x - b.(int)
	case float64:
		y := b.(float64)
		if x < y {
			return -1
		} else if x > y {
			return 1
		}
	case bool:
		return boolInt(x) - boolInt(b.(bool))
	case time.Time:
		return x.Compare(b.(time.Time))
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// writePage answers one page of items in Alpacon's envelope. A page number
// that is not an integer or out of range is a 404 "Invalid page.".
func writePage[T any](c *ctx, items []T, render func(T) any) {
	q := c.r.URL.Query()
	size, err := strconv.Atoi(q.Get("page_size"))
	if err != nil || size <= 0 {
		size = pageSize
	}
	size = min(size, maxPageSize)
	last := max(1, (len(items)+size-1)/size)
	page := 1
	if p := q.Get("page"); p == "last" {
		page = last
	} else if p != "" {
		page, err = strconv.Atoi(p)
		if err != nil || page < 1 || page > last {
			c.detail(http.StatusNotFound, msgInvalidPage)
			return
		}
	}
	env := pageWire{Count: len(items), Current: page, Last: last, Results: []any{}}
	if page < last {
		n := page + 1
		env.Next = &n
	}
	if page > 1 {
		n := page - 1
		env.Previous = &n
	}
	for _, x := range items[min((page-1)*size, len(items)):min(page*size, len(items))] {
		env.Results = append(env.Results, render(x))
	}
	c.json(http.StatusOK, env)
}
