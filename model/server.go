package model

import (
	"errors"
	"strings"
	"time"
)

// Server is a managed server (/api/servers/servers/).
type Server struct {
	ID               string        `json:"id"`
	Name             string        `json:"name"`
	Description      string        `json:"description,omitempty"`
	RemoteIP         *string       `json:"remote_ip"`
	Status           *ServerStatus `json:"status"`
	IsRoot           bool          `json:"is_root"`
	IsConnected      bool          `json:"is_connected"`
	Commissioned     bool          `json:"commissioned"`
	Starred          bool          `json:"starred"`
	Version          *string       `json:"version,omitempty"`
	OsqueryVersion   *string       `json:"osquery_version,omitempty"`
	CPUPhysicalCores *int          `json:"cpu_physical_cores"`
	CPULogicalCores  *int          `json:"cpu_logical_cores"`
	CPUType          *string       `json:"cpu_type"`
	PhysicalMemory   *int64        `json:"physical_memory"`
	OSName           *string       `json:"os_name"`
	OSVersion        *string       `json:"os_version"`
	Load             *float64      `json:"load"`
	Uptime           *float64      `json:"uptime,omitempty"`
	BootTime         *time.Time    `json:"boot_time"`
	LastConnectivity *time.Time    `json:"last_connectivity,omitempty"`
	StartedAt        *time.Time    `json:"started_at,omitempty"`
	AddedAt          *time.Time    `json:"added_at,omitempty"`
	UpdatedAt        *time.Time    `json:"updated_at,omitempty"`
	Owner            Ref           `json:"owner"`
	OwnerName        string        `json:"owner_name,omitempty"`
	Groups           []Ref         `json:"groups"`
	GroupsName       []string      `json:"groups_name,omitempty"`
}

// ServerStatus is the health summary the server refreshes every few seconds.
type ServerStatus struct {
	Code     string             `json:"code"`
	Text     string             `json:"text"`
	Icon     string             `json:"icon,omitempty"`
	Color    string             `json:"color,omitempty"`
	Messages []string           `json:"messages,omitempty"`
	Meta     map[string]float64 `json:"meta,omitempty"`
}

// OS joins name and version as the official CLI shows them ("ubuntu 22.04").
func (s Server) OS() string {
	return strings.TrimSpace(deref(s.OSName) + " " + deref(s.OSVersion))
}

// IP returns the address of the agent's latest connection, or "".
func (s Server) IP() string { return deref(s.RemoteIP) }

// OwnerLabel returns the owner's name in either era.
func (s Server) OwnerLabel() string { return s.Owner.Label(s.OwnerName) }

// Reasons a websh session cannot be opened, checked before asking the server.
var (
	ErrNotCommissioned = errors.New("server is not commissioned yet")
	ErrNotConnected    = errors.New("server is not connected")
)

// WebshReady tells whether a websh session may be opened on s; the server
// checks the same and answers 400 otherwise.
func (s Server) WebshReady() error {
	switch {
	case !s.Commissioned:
		return ErrNotCommissioned
	case !s.IsConnected:
		return ErrNotConnected
	}
	return nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Note is a note attached to a server (/api/servers/notes/).
type Note struct {
	ID         string     `json:"id"`
	Server     Ref        `json:"server"`
	ServerName string     `json:"server_name,omitempty"`
	Author     Ref        `json:"author"`
	AuthorName string     `json:"author_name,omitempty"`
	Content    string     `json:"content"`
	Private    bool       `json:"private"`
	Pinned     bool       `json:"pinned"`
	AddedAt    *time.Time `json:"added_at,omitempty"`
	UpdatedAt  *time.Time `json:"updated_at,omitempty"`
}
