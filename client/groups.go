package client

import (
	"context"

	"alpacon-tui/model"
)

const groupsPath = "/api/iam/groups/"

// ListGroups fetches one page of groups (GET /api/iam/groups/).
func (c *Client) ListGroups(ctx context.Context, o ListOptions) (*model.Page[model.Group], error) {
	return listPage[model.Group](ctx, c, groupsPath, o)
}

// GetGroup fetches one group (GET /api/iam/groups/<id>/).
func (c *Client) GetGroup(ctx context.Context, id string) (*model.Group, error) {
	return getOne[model.Group](ctx, c, groupsPath, id)
}

// CreateGroup creates a group (POST /api/iam/groups/) from API field names,
// e.g. name, display_name, tags, description, servers.
func (c *Client) CreateGroup(ctx context.Context, fields map[string]any) (*model.Group, error) {
	var out model.Group
	if err := c.post(ctx, groupsPath, fields, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// PatchGroup changes the given fields of a group (PATCH /api/iam/groups/<id>/).
func (c *Client) PatchGroup(ctx context.Context, id string,
	fields map[string]any) (*model.Group, error) {
	return patchOne[model.Group](ctx, c, groupsPath, id, fields)
}

// DeleteGroup deletes a group (DELETE /api/iam/groups/<id>/).
func (c *Client) DeleteGroup(ctx context.Context, id string) error {
	return deleteOne(ctx, c, groupsPath, id)
}
