package demo

import (
	"strings"
	"time"
)

// kst is the server zone of the 2024 snapshot (Asia/Seoul), fixed so that no
// tzdata is needed.
var kst = time.FixedZone("KST", 9*60*60)

// stamp renders a time the way DRF does: ISO 8601 with microseconds and the
// server's offset.
type stamp time.Time

// MarshalJSON writes the DRF datetime format.
func (t stamp) MarshalJSON() ([]byte, error) {
	s := time.Time(t).In(kst).Format("2006-01-02T15:04:05.000000-07:00")
	return []byte(`"` + s + `"`), nil
}

// ts turns a time into a non-null wire datetime.
func ts(t time.Time) *stamp {
	v := stamp(t)
	return &v
}

// tsp turns an optional time into a nullable wire datetime.
func tsp(t *time.Time) *stamp {
	if t == nil {
		return nil
	}
	return ts(*t)
}

// userRef is the 2026 nested user summary.
type userRef struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// serverRef is the 2026 nested server summary.
type serverRef struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	OS          string `json:"os"`
	IsConnected bool   `json:"is_connected"`
}

// fullName joins first and last name like Django's get_full_name.
func fullName(first, last string) string {
	return strings.TrimSpace(first + " " + last)
}

// pageWire is Alpacon's page-number envelope; next and previous are page
// numbers, not URLs.
type pageWire struct {
	Count    int   `json:"count"`
	Current  int   `json:"current"`
	Next     *int  `json:"next"`
	Previous *int  `json:"previous"`
	Last     int   `json:"last"`
	Results  []any `json:"results"`
}

// String renders the stamp as it appears in messages.
func (t stamp) String() string {
	return time.Time(t).In(kst).Format("2006-01-02 15:04:05.000000-07:00")
}
