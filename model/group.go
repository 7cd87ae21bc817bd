package model

import "time"

// Group is an IAM group (/api/iam/groups/).
type Group struct {
	ID           string     `json:"id"`
	Name         string     `json:"name"`
	DisplayName  string     `json:"display_name"`
	Tags         string     `json:"tags"`
	Description  string     `json:"description,omitempty"`
	NumMembers   int        `json:"num_members"`
	GID          *int       `json:"gid"`
	IsLDAPGroup  bool       `json:"is_ldap_group"`
	Servers      []Ref      `json:"servers"`
	ServersNames []string   `json:"servers_names,omitempty"`
	MembersNames []string   `json:"members_names,omitempty"`
	AddedAt      *time.Time `json:"added_at,omitempty"`
	UpdatedAt    *time.Time `json:"updated_at,omitempty"`
}

// Membership roles, lowest first.
const (
	RoleMember  = "member"
	RoleManager = "manager"
	RoleOwner   = "owner"
)

// Membership ties a user to a group with a role (/api/iam/memberships/).
type Membership struct {
	ID        string     `json:"id"`
	Group     Ref        `json:"group"`
	GroupName string     `json:"group_name"`
	User      Ref        `json:"user"`
	UserName  string     `json:"user_name"`
	Role      string     `json:"role"`
	AddedAt   *time.Time `json:"added_at,omitempty"`
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
}
