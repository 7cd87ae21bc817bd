package model

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Ref is a related object as either API era sends it: a bare UUID string
// (2024, with a separate *_name field) or a nested summary object (2026).
type Ref struct {
	ID          string `json:"id"`
	Name        string `json:"name,omitempty"`
	Email       string `json:"email,omitempty"`
	OS          string `json:"os,omitempty"`
	IsConnected *bool  `json:"is_connected,omitempty"`
}

// UnmarshalJSON accepts null, a UUID string or a summary object.
func (r *Ref) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || bytes.Equal(b, []byte("null")):
		*r = Ref{}
		return nil
	case b[0] == '"':
		var id string
		if err := json.Unmarshal(b, &id); err != nil {
			return err
		}
		*r = Ref{ID: id}
		return nil
	case b[0] == '{':
		// A distinct type stops UnmarshalJSON from recursing into itself.
		type plain Ref
		var p plain
		if err := json.Unmarshal(b, &p); err != nil {
			return err
		}
		*r = Ref(p)
		return nil
	}
	return fmt.Errorf("model: related object is neither a UUID nor an object: %.40s", b)
}

// IsZero reports whether the reference names nothing.
func (r Ref) IsZero() bool { return r.ID == "" && r.Name == "" }

// Label returns the best human name of the reference: the summary's name,
// else the era-2024 companion name, else the bare ID.
func (r Ref) Label(companion string) string {
	switch {
	case r.Name != "":
		return r.Name
	case companion != "":
		return companion
	}
	return r.ID
}
