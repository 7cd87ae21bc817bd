package model

import "time"

// AuthEnv is the answer of GET /api/auth/env/: how the workspace signs in.
type AuthEnv struct {
	Auth0 struct {
		Method     string `json:"method"`
		ClientID   string `json:"client_id"`
		Domain     string `json:"domain"`
		Audience   string `json:"audience"`
		SchemaName string `json:"schema_name"`
	} `json:"auth0"`
	Language string `json:"language"`
}

// UsesAuth0 reports whether the workspace wants the Auth0 device flow, which
// the TUI does not speak; token and password sign-in work otherwise.
func (e AuthEnv) UsesAuth0() bool { return e.Auth0.Method == "auth0" }

// LoginResult is the answer of POST /api/auth/login/.
type LoginResult struct {
	Token     string     `json:"token"`
	ExpiresAt *time.Time `json:"expires_at"`
}

// WhoAmI is the answer of GET /api/auth/whoami/ (2026).
type WhoAmI struct {
	PrincipalType string `json:"principal_type"`
	Auth          struct {
		Method string   `json:"method"`
		Scopes []string `json:"scopes"`
	} `json:"auth"`
	User struct {
		ID       string `json:"id"`
		Username string `json:"username"`
		Email    string `json:"email"`
		Role     string `json:"role"`
	} `json:"user"`
}

// APIToken is a personal API token (/api/auth/tokens/). Key is only set in
// the answer to create.
type APIToken struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Key       string     `json:"key,omitempty"`
	Enabled   bool       `json:"enabled"`
	Scopes    []string   `json:"scopes,omitempty"`
	UpdatedAt *time.Time `json:"updated_at"`
	ExpiresAt *time.Time `json:"expires_at"`
}
