package client

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"alpacon-tui/model"
)

// Env reports how the workspace signs users in (GET /api/auth/env/). The
// official CLI asks it first; a 404 means there is no workspace at the URL.
func (c *Client) Env(ctx context.Context) (*model.AuthEnv, error) {
	var env model.AuthEnv
	r := request{method: http.MethodGet, path: "/api/auth/env/",
		query: url.Values{"client": {"cli"}}, noAuth: true}
	if err := c.call(ctx, r, &env); err != nil {
		return nil, err
	}
	return &env, nil
}

// Login exchanges a username and password for a login token
// (POST /api/auth/login/). On success the client uses the new token for
// every later call.
func (c *Client) Login(ctx context.Context,
	username, password string) (*model.LoginResult, error) {
	body := map[string]string{
		"workspace_url": c.baseURL, "username": username, "password": password,
	}
	var res model.LoginResult
	r := request{method: http.MethodPost, path: "/api/auth/login/", body: body, noAuth: true}
	if err := c.call(ctx, r, &res); err != nil {
		return nil, err
	}
	if res.Token == "" {
		return nil, errors.New("client: login answer carries no token")
	}
	c.setAuth(tokenHeader(res.Token))
	return &res, nil
}

// CheckToken verifies the credentials with GET /api/status/, as the CLI
// does for `login -t`; any 2xx means the token works.
func (c *Client) CheckToken(ctx context.Context) error {
	return c.get(ctx, "/api/status/", nil, nil)
}

// Logout revokes the login token (POST /api/auth/logout/) and drops it from
// the client.
func (c *Client) Logout(ctx context.Context) error {
	if err := c.post(ctx, "/api/auth/logout/", nil, nil); err != nil {
		return err
	}
	c.setAuth("")
	return nil
}

// IsAuthenticated asks GET /api/auth/is_authenticated/. The server answers
// an anonymous caller with 401, which is a "no", not an error.
func (c *Client) IsAuthenticated(ctx context.Context) (bool, error) {
	var res struct {
		Authenticated bool `json:"authenticated"`
	}
	err := c.get(ctx, "/api/auth/is_authenticated/", nil, &res)
	if errors.Is(err, ErrUnauthenticated) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return res.Authenticated, nil
}

// WhoAmI names the caller (GET /api/auth/whoami/). A server without that
// endpoint (404, the 2024 era) is asked GET /api/iam/users/-/ instead and
// the answer filled from the user.
func (c *Client) WhoAmI(ctx context.Context) (*model.WhoAmI, error) {
	var w model.WhoAmI
	err := c.get(ctx, "/api/auth/whoami/", nil, &w)
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusNotFound {
		return c.whoAmIFromUser(ctx)
	}
	if err != nil {
		return nil, err
	}
	if w.PrincipalType == "" {
		return nil, errors.New("client: whoami answer has no principal_type")
	}
	return &w, nil
}

func (c *Client) whoAmIFromUser(ctx context.Context) (*model.WhoAmI, error) {
	u, err := c.Me(ctx)
	if err != nil {
		return nil, err
	}
	w := &model.WhoAmI{PrincipalType: "user"}
	w.User.ID, w.User.Username, w.User.Email = u.ID, u.Username, u.Email
	w.User.Role = u.Role()
	return w, nil
}

// ChangePassword changes the caller's own password
// (POST /api/auth/change_password/). A wrong current password comes back as
// APIError.Fields["password"], a weak new one as Fields["new_password"].
func (c *Client) ChangePassword(ctx context.Context, current, next string) error {
	body := map[string]string{"password": current, "new_password": next}
	return c.post(ctx, "/api/auth/change_password/", body, nil)
}

// ListTokens lists the caller's API tokens (GET /api/auth/tokens/), all pages.
func (c *Client) ListTokens(ctx context.Context) ([]model.APIToken, error) {
	return listAll[model.APIToken](ctx, c, "/api/auth/tokens/", nil)
}

// CreateToken creates an API token (POST /api/auth/tokens/); the answer is
// the only one that shows its Key. A nil expiresAt means it never expires.
func (c *Client) CreateToken(ctx context.Context, name string,
	expiresAt *time.Time) (*model.APIToken, error) {
	body := map[string]any{"name": name, "enabled": true, "expires_at": expiresAt}
	var t model.APIToken
	if err := c.post(ctx, "/api/auth/tokens/", body, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// DeleteToken deletes an API token (DELETE /api/auth/tokens/<id>/).
func (c *Client) DeleteToken(ctx context.Context, id string) error {
	p, err := detail("/api/auth/tokens/", id)
	if err != nil {
		return err
	}
	return c.del(ctx, p)
}
