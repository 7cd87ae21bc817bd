package client

import (
	"context"

	"alpacon-tui/model"
)

const serversPath = "/api/servers/servers/"

// ListServers fetches one page of servers (GET /api/servers/servers/).
func (c *Client) ListServers(ctx context.Context,
	o ListOptions) (*model.Page[model.Server], error) {
	return listPage[model.Server](ctx, c, serversPath, o)
}

// GetServer fetches one server (GET /api/servers/servers/<id>/).
func (c *Client) GetServer(ctx context.Context, id string) (*model.Server, error) {
	return getOne[model.Server](ctx, c, serversPath, id)
}

// PatchServer changes the given fields of a server
// (PATCH /api/servers/servers/<id>/), e.g. name or description.
func (c *Client) PatchServer(ctx context.Context, id string,
	fields map[string]any) (*model.Server, error) {
	return patchOne[model.Server](ctx, c, serversPath, id, fields)
}

// DeleteServer deletes a server (DELETE /api/servers/servers/<id>/).
func (c *Client) DeleteServer(ctx context.Context, id string) error {
	return deleteOne(ctx, c, serversPath, id)
}
