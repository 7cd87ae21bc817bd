// Package resources says how each Alpacon resource appears in the UI: the
// columns of its list, the cells of its rows and the fields of its detail
// view. It is pure: data in, text out.
package resources

import (
	"fmt"
	"strings"
	"time"
)

// none marks an unset value in detail views.
const none = "—"

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func when(t *time.Time) string {
	if t == nil {
		return none
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
}

func short(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}

func str(p *string) string {
	if p == nil || *p == "" {
		return none
	}
	return *p
}

func or(s string) string {
	if s == "" {
		return none
	}
	return s
}

func num[T int | int64 | float64](p *T) string {
	if p == nil {
		return none
	}
	return fmt.Sprint(*p)
}

func list(items []string) string {
	if len(items) == 0 {
		return none
	}
	return strings.Join(items, ", ")
}
