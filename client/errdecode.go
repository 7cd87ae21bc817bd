package client

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxExcerpt bounds APIError.Body in bytes, like the CLI's 200 characters.
const maxExcerpt = 200

// decodeError turns any non-2xx answer into an *APIError. It never panics:
// whatever DRF (or a proxy in front of it) sends ends up somewhere readable.
func decodeError(status int, h http.Header, body []byte) *APIError {
	e := &APIError{Status: status, RetryAfter: retryAfter(h.Get("Retry-After"))}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil || d.More() {
		e.Body = excerpt(body, h.Get("Content-Type"))
		return e
	}
	e.Fields = map[string][]string{}
	switch t := v.(type) {
	case map[string]any:
		e.fromObject(t)
	case []any:
		e.fromList("", t)
	case string:
		e.Detail = t
	}
	if len(e.Fields) == 0 {
		e.Fields = nil
	}
	if e.Detail == "" && e.Code == "" && e.Fields == nil && e.NonField == nil {
		e.Body = excerpt(body, "application/json")
	}
	return e
}

// fromObject reads a DRF error object: detail/code/source when they are
// strings, non_field_errors, and every other key as a field.
func (e *APIError) fromObject(m map[string]any) {
	for _, k := range sortedKeys(m) {
		v := m[k]
		s, isString := v.(string)
		switch {
		case k == "detail" && isString:
			e.Detail = s
		case k == "detail":
			e.Detail = strings.Join(collectStrings(v, nil), "; ")
		case k == "code" && isString:
			e.Code = s
		case k == "source" && isString:
			e.Source = s
		case k == "non_field_errors" || k == "":
			e.fromList(k, asList(v))
		default:
			flatten(k, v, e.Fields)
		}
	}
}

// fromList puts the strings of a top-level (or non_field_errors) list into
// NonField and any nested value into Fields under its index.
func (e *APIError) fromList(prefix string, l []any) {
	for i, v := range l {
		switch v.(type) {
		case map[string]any, []any:
			flatten(join(prefix, strconv.Itoa(i)), v, e.Fields)
		default:
			if s, ok := scalar(v); ok {
				e.NonField = append(e.NonField, s)
			}
		}
	}
}

// flatten stores the messages of v under path, descending into objects
// ("info.field") and into lists holding objects or lists ("groups.0").
func flatten(path string, v any, out map[string][]string) {
	switch t := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(t) {
			flatten(join(path, k), t[k], out)
		}
	case []any:
		for i, x := range t {
			switch x.(type) {
			case map[string]any, []any:
				flatten(join(path, strconv.Itoa(i)), x, out)
			default:
				if s, ok := scalar(x); ok {
					out[path] = append(out[path], s)
				}
			}
		}
	default:
		if s, ok := scalar(v); ok {
			out[path] = append(out[path], s)
		}
	}
}

// collectStrings gathers every scalar inside v, depth first.
func collectStrings(v any, acc []string) []string {
	switch t := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(t) {
			acc = collectStrings(t[k], acc)
		}
	case []any:
		for _, x := range t {
			acc = collectStrings(x, acc)
		}
	default:
		if s, ok := scalar(v); ok {
			acc = append(acc, s)
		}
	}
	return acc
}

// scalar renders a JSON string, number or bool; null says nothing.
func scalar(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case json.Number:
		return t.String(), true
	case bool:
		return strconv.FormatBool(t), true
	}
	return "", false
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// retryAfter reads a delta-seconds Retry-After; dates and junk give 0.
func retryAfter(v string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n > 86400 {
		return 0
	}
	return time.Duration(n) * time.Second
}

var (
	reScriptStyle = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)\s*>`)
	reComment     = regexp.MustCompile(`(?s)<!--.*?-->`)
	reTag         = regexp.MustCompile(`(?s)<[^>]*>`)
	reTitle       = regexp.MustCompile(`(?is)<title\b.*?</title\s*>`)
)

// excerpt makes a short readable line out of a body that is not a DRF
// error: HTML reduced to its text, whitespace and control bytes collapsed,
// cut at maxExcerpt bytes on a character boundary.
func excerpt(body []byte, contentType string) string {
	s := string(trimPartialRune(body))
	trimmed := strings.TrimSpace(s)
	if strings.Contains(strings.ToLower(contentType), "html") || strings.HasPrefix(trimmed, "<") {
		// Error pages repeat their title as the first heading (Django's
		// "Server Error (500)"); the title counts only when the body is empty.
		if text := htmlText(reTitle.ReplaceAllString(s, " ")); text != "" {
			return cut(text, maxExcerpt)
		}
		return cut(htmlText(s), maxExcerpt)
	}
	return cut(oneLine(s), maxExcerpt)
}

// htmlText reduces an HTML page to its visible text on one line.
func htmlText(s string) string {
	s = reScriptStyle.ReplaceAllString(s, " ")
	s = reComment.ReplaceAllString(s, " ")
	s = reTag.ReplaceAllString(s, " ")
	return oneLine(html.UnescapeString(s))
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of a body
// that was cut off mid-character.
func trimPartialRune(b []byte) []byte {
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		r := b[len(b)-i]
		if r < utf8.RuneSelf {
			return b
		}
		if utf8.RuneStart(r) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			return b
		}
	}
	return b
}

// oneLine replaces invalid UTF-8 and control characters (newlines, escape
// sequences a hostile server could send to the terminal) and collapses
// runs of white space into single spaces.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cut shortens s to at most n bytes on a rune boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return strings.TrimSpace(s[:i]) + "…"
}
