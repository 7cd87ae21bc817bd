package model

import "time"

// Session is a websh session (/api/websh/sessions/). The create answer adds
// WebsocketURL; the detail answer adds Rows, Cols and the 2026 extras.
type Session struct {
	ID            string     `json:"id"`
	Rows          int        `json:"rows"`
	Cols          int        `json:"cols"`
	Server        Ref        `json:"server"`
	ServerName    string     `json:"server_name,omitempty"`
	User          Ref        `json:"user"`
	UserName      string     `json:"user_name,omitempty"`
	Username      string     `json:"username"`
	Groupname     string     `json:"groupname"`
	UserAgent     string     `json:"user_agent"`
	RemoteIP      *string    `json:"remote_ip"`
	WebsocketURL  string     `json:"websocket_url,omitempty"`
	UserChannelID string     `json:"userchannel_id,omitempty"`
	IsTunnel      bool       `json:"is_tunnel,omitempty"`
	ClientType    string     `json:"client_type,omitempty"`
	Success       *bool      `json:"success,omitempty"`
	AddedAt       *time.Time `json:"added_at,omitempty"`
	UpdatedAt     *time.Time `json:"updated_at,omitempty"`
	ClosedAt      *time.Time `json:"closed_at"`
}

// IsOpen reports whether the session has not been closed yet.
func (s Session) IsOpen() bool { return s.ClosedAt == nil }

// SessionRequest is the body of POST /api/websh/sessions/. The official CLI
// always sends username and groupname, empty when unset.
type SessionRequest struct {
	Server      string `json:"server"`
	Rows        int    `json:"rows"`
	Cols        int    `json:"cols"`
	Username    string `json:"username"`
	Groupname   string `json:"groupname"`
	WorkSession string `json:"work_session,omitempty"`
}

// Share is the answer of POST /api/websh/sessions/<id>/share/.
type Share struct {
	SharedURL  string     `json:"shared_url"`
	Password   string     `json:"password"`
	ReadOnly   bool       `json:"read_only"`
	Expiration *time.Time `json:"expiration"`
}

// UserChannel is a websh user channel: what join and watch answer.
type UserChannel struct {
	ID           string `json:"id,omitempty"`
	Session      string `json:"session,omitempty"`
	WebsocketURL string `json:"websocket_url"`
	Server       Ref    `json:"server"`
	ReadOnly     bool   `json:"read_only"`
	IsMaster     bool   `json:"is_master,omitempty"`
	Rows         int    `json:"rows,omitempty"`
	Cols         int    `json:"cols,omitempty"`
}
