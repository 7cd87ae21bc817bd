package client

import (
	"context"

	"alpacon-tui/model"
)

const (
	sessionsPath = "/api/websh/sessions/"
	channelsPath = "/api/websh/user-channels/"
)

// ListSessions fetches one page of websh sessions (GET /api/websh/sessions/);
// a 2026 server takes Filters {"is_connectable": {"true"}}.
func (c *Client) ListSessions(ctx context.Context,
	o ListOptions) (*model.Page[model.Session], error) {
	return listPage[model.Session](ctx, c, sessionsPath, o)
}

// GetSession fetches one websh session (GET /api/websh/sessions/<id>/).
func (c *Client) GetSession(ctx context.Context, id string) (*model.Session, error) {
	return getOne[model.Session](ctx, c, sessionsPath, id)
}

// CreateSession opens a websh session (POST /api/websh/sessions/); dial the
// answer's WebsocketURL with DialWebsh.
func (c *Client) CreateSession(ctx context.Context,
	req model.SessionRequest) (*model.Session, error) {
	var out model.Session
	if err := c.post(ctx, sessionsPath, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ResizeSession tells the server the terminal size
// (PATCH /api/websh/sessions/<id>/ {rows, cols}). Callers treat it as best
// effort: a 2026 server may not honour it.
func (c *Client) ResizeSession(ctx context.Context, id string, rows, cols int) error {
	p, err := detail(sessionsPath, id)
	if err != nil {
		return err
	}
	return c.patch(ctx, p, map[string]int{"rows": rows, "cols": cols}, nil)
}

// CloseSession closes a session (POST /api/websh/sessions/<id>/close/).
// Only 2026 servers have it (404 on 2024, where closing the socket is
// enough).
func (c *Client) CloseSession(ctx context.Context, id string) error {
	p, err := detail(sessionsPath, id, "close")
	if err != nil {
		return err
	}
	return c.post(ctx, p, nil, nil)
}

// ShareSession creates a share link with its own password
// (POST /api/websh/sessions/<id>/share/).
func (c *Client) ShareSession(ctx context.Context, id string,
	readOnly bool) (*model.Share, error) {
	p, err := detail(sessionsPath, id, "share")
	if err != nil {
		return nil, err
	}
	var out model.Share
	if err := c.post(ctx, p, map[string]bool{"read_only": readOnly}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// JoinChannel joins a shared session with its password
// (POST /api/websh/user-channels/<channel>/join/).
func (c *Client) JoinChannel(ctx context.Context,
	channelID, password string) (*model.UserChannel, error) {
	p, err := detail(channelsPath, channelID, "join")
	if err != nil {
		return nil, err
	}
	var out model.UserChannel
	if err := c.post(ctx, p, map[string]string{"password": password}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// WatchSession opens a read-only channel on someone's session
// (POST /api/websh/user-channels/), staff and superusers only.
func (c *Client) WatchSession(ctx context.Context, sessionID string) (*model.UserChannel, error) {
	body := map[string]any{"session": sessionID, "is_master": false, "read_only": true}
	var out model.UserChannel
	if err := c.post(ctx, channelsPath, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
