package client

import (
	"context"

	"alpacon-tui/model"
)

const usersPath = "/api/iam/users/"

// ListUsers fetches one page of users (GET /api/iam/users/).
func (c *Client) ListUsers(ctx context.Context, o ListOptions) (*model.Page[model.User], error) {
	return listPage[model.User](ctx, c, usersPath, o)
}

// GetUser fetches one user (GET /api/iam/users/<id>/); id "-" is the caller.
func (c *Client) GetUser(ctx context.Context, id string) (*model.User, error) {
	return getOne[model.User](ctx, c, usersPath, id)
}

// Me fetches the caller's own user (GET /api/iam/users/-/).
func (c *Client) Me(ctx context.Context) (*model.User, error) {
	return c.GetUser(ctx, "-")
}

// CreateUser creates a user (POST /api/iam/users/); staff or superuser only.
func (c *Client) CreateUser(ctx context.Context, u model.UserCreate) (*model.User, error) {
	var out model.User
	if err := c.post(ctx, usersPath, u, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// PatchUser changes the given fields of a user (PATCH /api/iam/users/<id>/).
// Send only changed fields (model.UserEdit.Changes): an unchanged privilege
// flag from a non-superuser is refused.
func (c *Client) PatchUser(ctx context.Context, id string,
	fields map[string]any) (*model.User, error) {
	return patchOne[model.User](ctx, c, usersPath, id, fields)
}

// DeleteUser (soft-)deletes a user (DELETE /api/iam/users/<id>/).
func (c *Client) DeleteUser(ctx context.Context, id string) error {
	return deleteOne(ctx, c, usersPath, id)
}

// getOne, patchOne and deleteOne are the detail-route verbs of a collection.
func getOne[T any](ctx context.Context, c *Client, collection, id string) (*T, error) {
	p, err := detail(collection, id)
	if err != nil {
		return nil, err
	}
	var out T
	if err := c.get(ctx, p, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func patchOne[T any](ctx context.Context, c *Client, collection, id string,
	fields map[string]any) (*T, error) {
	p, err := detail(collection, id)
	if err != nil {
		return nil, err
	}
	var out T
	if err := c.patch(ctx, p, fields, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func deleteOne(ctx context.Context, c *Client, collection, id string) error {
	p, err := detail(collection, id)
	if err != nil {
		return err
	}
	return c.del(ctx, p)
}
