package demo

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// body is a decoded JSON request object with DRF-like typed field access;
// every accessor records its own validation errors in errs.
type body struct {
	m    map[string]json.RawMessage
	errs fieldErrors
}

// maxBody caps request bodies; the API never needs more.
const maxBody = 1 << 20

// parseBody reads the request body as a JSON object. It answers 415, 400
// and returns nil when the body cannot be used. An empty body or JSON null
// is an empty object, as DRF treats it.
func (c *ctx) parseBody() *body {
	b := &body{m: map[string]json.RawMessage{}, errs: fieldErrors{}}
	raw, err := io.ReadAll(io.LimitReader(c.r.Body, maxBody))
	if err != nil {
		c.detail(http.StatusBadRequest, "JSON parse error - "+err.Error())
		return nil
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return b
	}
	if ct := c.r.Header.Get("Content-Type"); !isJSONType(ct) {
		c.detail(http.StatusUnsupportedMediaType, `Unsupported media type "`+ct+`" in request.`)
		return nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		c.detail(http.StatusBadRequest, "JSON parse error - "+err.Error())
		return nil
	}
	switch v.(type) {
	case nil:
		return b
	case map[string]any:
		_ = json.Unmarshal(raw, &b.m)
		return b
	}
	c.nonField("Invalid data. Expected a dictionary, but got " + pyType(v) + ".")
	return nil
}

// pyType names a decoded JSON value the way DRF's messages do.
func pyType(v any) string {
	switch v.(type) {
	case []any:
		return "list"
	case string:
		return "str"
	case bool:
		return "bool"
	case float64:
		return "int"
	}
	return "dict"
}

func (b *body) has(k string) bool { _, ok := b.m[k]; return ok }
func (b *body) failed() bool      { return len(b.errs) > 0 }

func (b *body) isNull(k string) bool {
	return bytes.Equal(bytes.TrimSpace(b.m[k]), []byte("null"))
}

// value returns field k's raw JSON when it is present and not null. It adds
// DRF's "required" error for a missing required field and its "null" error
// for a null one, so each reader below handles only its own type.
func (b *body) value(k string, required bool) (json.RawMessage, bool) {
	raw, present := b.m[k]
	switch {
	case !present:
		if required {
			b.errs.add(k, msgRequired)
		}
		return nil, false
	case b.isNull(k):
		b.errs.add(k, msgNull)
		return nil, false
	}
	return raw, true
}

// text reads a string field (CharField: trimmed, numbers accepted). ok is
// false when the field is absent or invalid.
func (b *body) text(k string, max int, required, allowBlank bool) (string, bool) {
	raw, ok := b.value(k, required)
	if !ok {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n json.Number
		if json.Unmarshal(raw, &n) != nil {
			b.errs.add(k, "Not a valid string.")
			return "", false
		}
		s = n.String()
	}
	s = strings.TrimSpace(s)
	if s == "" && !allowBlank {
		b.errs.add(k, msgBlank)
		return "", false
	}
	if max > 0 && len([]rune(s)) > max {
		b.errs.add(k, "Ensure this field has no more than "+strconv.Itoa(max)+" characters.")
		return "", false
	}
	return s, true
}

// secret reads a password-like field: unlike text it is not trimmed.
func (b *body) secret(k string, max int, required bool) (string, bool) {
	raw, ok := b.value(k, required)
	if !ok {
		return "", false
	}
	var s string
	switch {
	case json.Unmarshal(raw, &s) != nil:
		b.errs.add(k, "Not a valid string.")
		return "", false
	case max > 0 && len([]rune(s)) > max:
		b.errs.add(k, "Ensure this field has no more than "+strconv.Itoa(max)+" characters.")
		return "", false
	}
	return s, true
}

// flag reads a BooleanField; DRF accepts a few spellings.
func (b *body) flag(k string, required bool) (bool, bool) {
	raw, ok := b.value(k, required)
	if !ok {
		return false, false
	}
	v, ok := parseBool(strings.Trim(string(bytes.TrimSpace(raw)), `"`))
	if !ok {
		b.errs.add(k, "Must be a valid boolean.")
	}
	return v, ok
}

// parseBool accepts DRF's boolean spellings.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "1", "yes", "on", "t", "y":
		return true, true
	case "false", "0", "no", "off", "f", "n":
		return false, true
	}
	return false, false
}

// integer reads an IntegerField bounded to [lo, hi].
func (b *body) integer(k string, lo, hi int, required bool) (int, bool) {
	raw, ok := b.value(k, required)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.Trim(string(bytes.TrimSpace(raw)), `"`))
	switch {
	case err != nil:
		b.errs.add(k, "A valid integer is required.")
		return 0, false
	case n < lo:
		b.errs.add(k, "Ensure this value is greater than or equal to "+strconv.Itoa(lo)+".")
		return 0, false
	case n > hi:
		b.errs.add(k, "Ensure this value is less than or equal to "+strconv.Itoa(hi)+".")
		return 0, false
	}
	return n, true
}

// pk reads a related-object primary key; exists tells whether the ID names
// an object the caller may reference.
func (b *body) pk(k string, required bool, exists func(string) bool) (string, bool) {
	raw, ok := b.value(k, required)
	if !ok {
		return "", false
	}
	var id string
	if json.Unmarshal(raw, &id) != nil {
		b.errs.add(k, "Incorrect type. Expected pk value, received "+rawType(raw)+".")
		return "", false
	}
	if !exists(id) {
		b.errs.add(k, `Invalid pk "`+id+`" - object does not exist.`)
		return "", false
	}
	return id, true
}

// pkList reads a many-related field; an empty list is refused like DRF's
// allow_empty=False.
func (b *body) pkList(k string, required bool, exists func(string) bool) ([]string, bool) {
	raw, present := b.m[k]
	if !present {
		if required {
			b.errs.add(k, msgRequired)
		}
		return nil, false
	}
	var ids []string
	if json.Unmarshal(raw, &ids) != nil || b.isNull(k) {
		b.errs.add(k, `Expected a list of items but got type "`+rawType(raw)+`".`)
		return nil, false
	}
	if len(ids) == 0 {
		b.errs.add(k, "This list may not be empty.")
		return nil, false
	}
	for _, id := range ids {
		if !exists(id) {
			b.errs.add(k, `Invalid pk "`+id+`" - object does not exist.`)
			return nil, false
		}
	}
	return ids, true
}

// datetime reads a nullable DateTimeField.
func (b *body) datetime(k string) (*time.Time, bool) {
	raw, present := b.m[k]
	if !present || b.isNull(k) {
		return nil, present
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		b.errs.add(k, "Datetime has wrong format. Use one of these formats instead: "+
			"YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].")
		return nil, false
	}
	return &t, true
}

// rawType names the JSON type of raw in DRF's Python words.
func rawType(raw json.RawMessage) string {
	var v any
	_ = json.Unmarshal(raw, &v)
	return pyType(v)
}
