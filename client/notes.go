package client

import (
	"context"

	"alpacon-tui/model"
)

const notesPath = "/api/servers/notes/"

// ListNotes fetches one page of server notes (GET /api/servers/notes/);
// filter by server with Filters {"server": {id}}.
func (c *Client) ListNotes(ctx context.Context, o ListOptions) (*model.Page[model.Note], error) {
	return listPage[model.Note](ctx, c, notesPath, o)
}

// CreateNote adds a note to a server (POST /api/servers/notes/).
func (c *Client) CreateNote(ctx context.Context, server, content string,
	private, pinned bool) (*model.Note, error) {
	body := map[string]any{
		"server": server, "content": content, "private": private, "pinned": pinned,
	}
	var out model.Note
	if err := c.post(ctx, notesPath, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
