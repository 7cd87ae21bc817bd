package resources

import (
	"fmt"
	"sort"

	"alpacon-tui/model"
	"alpacon-tui/ui/detail"
	"alpacon-tui/ui/table"
)

// UserColumns are the columns of the users list.
func UserColumns() []table.Column {
	return []table.Column{
		{Title: "USERNAME", Width: 12, Priority: 10},
		{Title: "NAME", Width: 16, Priority: 8, Grow: true},
		{Title: "EMAIL", Width: 24, Priority: 7, Grow: true},
		{Title: "ROLE", Width: 9, Priority: 9},
		{Title: "ACTIVE", Width: 6, Priority: 6},
		{Title: "GROUPS", Width: 6, Priority: 2},
		{Title: "UID", Width: 5, Priority: 1},
	}
}

// UserRows turns users into table rows keyed by ID.
func UserRows(users []model.User) []table.Row {
	rows := make([]table.Row, len(users))
	for i, u := range users {
		rows[i] = table.Row{Key: u.ID, Cells: []string{
			u.Username, u.FullName(), u.Email, u.Role(), yesNo(u.IsActive),
			fmt.Sprint(u.NumGroups), num(u.UID),
		}}
	}
	return rows
}

// UserFields lists every field of a user for the detail view.
func UserFields(u model.User) []detail.Field {
	return []detail.Field{
		{Key: "username", Value: u.Username},
		{Key: "id", Value: u.ID},
		{Key: "first name", Value: or(u.FirstName)},
		{Key: "last name", Value: or(u.LastName)},
		{Key: "email", Value: or(u.Email)},
		{Key: "phone", Value: or(u.Phone)},
		{Key: "tags", Value: or(u.Tags)},
		{Key: "description", Value: or(u.Description)},
		{Key: "role", Value: u.Role()},
		{Key: "active", Value: yesNo(u.IsActive)},
		{Key: "staff", Value: yesNo(u.IsStaff)},
		{Key: "superuser", Value: yesNo(u.IsSuperuser)},
		{Key: "ldap user", Value: yesNo(u.IsLDAPUser)},
		{Key: "uid", Value: num(u.UID)},
		{Key: "shell", Value: or(u.Shell)},
		{Key: "home directory", Value: or(u.HomeDirectory)},
		{Key: "groups", Value: fmt.Sprint(u.NumGroups)},
		{Key: "auth0 id", Value: or(u.Auth0ID)},
		{Key: "date joined", Value: when(u.DateJoined)},
		{Key: "last login", Value: when(u.LastLogin)},
		{Key: "last login ip", Value: str(u.LastLoginIP)},
		{Key: "added at", Value: when(u.AddedAt)},
		{Key: "updated at", Value: when(u.UpdatedAt)},
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
