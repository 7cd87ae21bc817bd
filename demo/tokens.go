package demo

import (
	"crypto/rand"
	"crypto/subtle"
	"regexp"
	"strings"
	"time"
)

// loginValidity is LOGIN_VALID_DAYS of the 2024 server: fixed, not sliding.
const loginValidity = 7 * 24 * time.Hour

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randomFrom returns n random characters of set from crypto/rand: tokens
// and passwords must not follow the deterministic seed.
func randomFrom(set string, n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = set[int(b[i])%len(set)]
	}
	return string(b)
}

// authPair matches the server's token parser: name[:=] value, where the
// value may be quoted.
var authPair = regexp.MustCompile(`(\w+)\s*[:=]\s*"?([A-Za-z0-9_-]+)"?`)

// tokenFromHeader extracts the key of an Authorization header: token="k",
// token=k, token: k, or Bearer k (for keys this server issued).
func tokenFromHeader(h string) string {
	h = strings.TrimSpace(h)
	if rest, ok := strings.CutPrefix(h, "Bearer "); ok {
		return strings.TrimSpace(rest)
	}
	for _, m := range authPair.FindAllStringSubmatch(h, -1) {
		if strings.EqualFold(m[1], "token") {
			return m[2]
		}
	}
	return ""
}

// authenticate returns the valid token with this key: enabled, not
// expired, of an active user. Anything else authenticates nobody.
func (st *store) authenticate(key string, now time.Time) *token {
	if key == "" {
		return nil
	}
	for _, t := range st.tokens {
		if subtle.ConstantTimeCompare([]byte(t.key), []byte(key)) != 1 {
			continue
		}
		u := st.userByID(t.user)
		if !t.enabled || u == nil || !u.active || (t.expires != nil && now.After(*t.expires)) {
			return nil
		}
		return t
	}
	return nil
}

// issueLogin creates a 64-character login token valid for seven days.
func (st *store) issueLogin(u *user, now time.Time) *token {
	exp := now.Add(loginValidity)
	t := &token{id: st.newID(), key: randomFrom(alnum, 64), user: u.id, login: true,
		enabled: true, expires: &exp, added: now, updated: now}
	st.tokens = append(st.tokens, t)
	return t
}

// dropTokens removes every token of user u.
func (st *store) dropTokens(u string) {
	var keep []*token
	for _, t := range st.tokens {
		if t.user != u {
			keep = append(keep, t)
		}
	}
	st.tokens = keep
}
