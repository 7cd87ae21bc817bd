package client

import (
	"context"
	"net/url"

	"alpacon-tui/model"
)

const membershipsPath = "/api/iam/memberships/"

// MembershipFilter selects memberships by group id, user id and role; empty
// fields do not filter.
type MembershipFilter struct {
	Group, User, Role string
}

func (f MembershipFilter) values() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"group": f.Group, "user": f.User, "role": f.Role} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// ListMemberships lists memberships (GET /api/iam/memberships/). The 2024
// server answers a bare array, a 2026 one may answer page envelopes; both
// are read to the end.
func (c *Client) ListMemberships(ctx context.Context,
	f MembershipFilter) ([]model.Membership, error) {
	return listAll[model.Membership](ctx, c, membershipsPath, f.values())
}

// AddMembership puts a user into a group with a role
// (POST /api/iam/memberships/).
func (c *Client) AddMembership(ctx context.Context,
	group, user, role string) (*model.Membership, error) {
	body := map[string]string{"group": group, "user": user, "role": role}
	var out model.Membership
	if err := c.post(ctx, membershipsPath, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ChangeRole changes the role of a membership
// (PATCH /api/iam/memberships/<id>/); role is always sent, as the server
// needs it.
func (c *Client) ChangeRole(ctx context.Context, id, role string) (*model.Membership, error) {
	return patchOne[model.Membership](ctx, c, membershipsPath, id, map[string]any{"role": role})
}

// RemoveMembership removes a membership (DELETE /api/iam/memberships/<id>/).
func (c *Client) RemoveMembership(ctx context.Context, id string) error {
	return deleteOne(ctx, c, membershipsPath, id)
}
