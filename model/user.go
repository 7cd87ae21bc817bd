package model

import "time"

// User is an IAM user (/api/iam/users/). List answers omit the detail-only
// fields, which then stay zero.
type User struct {
	ID            string     `json:"id"`
	Username      string     `json:"username"`
	FirstName     string     `json:"first_name"`
	LastName      string     `json:"last_name"`
	Email         string     `json:"email"`
	Phone         string     `json:"phone"`
	Tags          string     `json:"tags"`
	Description   string     `json:"description,omitempty"`
	NumGroups     int        `json:"num_groups"`
	UID           *int       `json:"uid"`
	Shell         string     `json:"shell,omitempty"`
	HomeDirectory string     `json:"home_directory,omitempty"`
	IsActive      bool       `json:"is_active"`
	IsStaff       bool       `json:"is_staff"`
	IsSuperuser   bool       `json:"is_superuser"`
	IsLDAPUser    bool       `json:"is_ldap_user"`
	Auth0ID       string     `json:"auth0_id,omitempty"`
	DateJoined    *time.Time `json:"date_joined"`
	LastLogin     *time.Time `json:"last_login,omitempty"`
	LastLoginIP   *string    `json:"last_login_ip,omitempty"`
	AddedAt       *time.Time `json:"added_at,omitempty"`
	UpdatedAt     *time.Time `json:"updated_at,omitempty"`
}

// FullName joins first and last name the way Django's get_full_name does.
func (u User) FullName() string {
	switch {
	case u.FirstName == "":
		return u.LastName
	case u.LastName == "":
		return u.FirstName
	}
	return u.FirstName + " " + u.LastName
}

// Role names the highest privilege of the user: superuser, staff or user.
func (u User) Role() string {
	switch {
	case u.IsSuperuser:
		return "superuser"
	case u.IsStaff:
		return "staff"
	}
	return "user"
}

// UserCreate is the body of POST /api/iam/users/.
type UserCreate struct {
	Username    string `json:"username"`
	Password    string `json:"password"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name"`
	Email       string `json:"email"`
	Phone       string `json:"phone"`
	Tags        string `json:"tags"`
	Description string `json:"description"`
	Shell       string `json:"shell,omitempty"`
	IsActive    bool   `json:"is_active"`
	IsStaff     bool   `json:"is_staff"`
	IsSuperuser bool   `json:"is_superuser"`
	IsLDAPUser  bool   `json:"is_ldap_user"`
}
