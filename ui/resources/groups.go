package resources

import (
	"fmt"

	"alpacon-tui/model"
	"alpacon-tui/ui/detail"
	"alpacon-tui/ui/table"
)

// GroupColumns are the columns of the groups list.
func GroupColumns() []table.Column {
	return []table.Column{
		{Title: "NAME", Width: 14, Priority: 10},
		{Title: "DISPLAY NAME", Width: 20, Priority: 8},
		{Title: "MEMBERS", Width: 7, Priority: 7},
		{Title: "SERVERS", Width: 20, Priority: 6, Grow: true},
	}
}

// GroupRows turns groups into table rows keyed by ID.
func GroupRows(groups []model.Group) []table.Row {
	rows := make([]table.Row, len(groups))
	for i, g := range groups {
		servers := refLabels(g.Servers, g.ServersNames)
		cell := fmt.Sprint(len(servers))
		if len(servers) > 0 {
			cell += ": " + list(servers)
		}
		rows[i] = table.Row{Key: g.ID, Cells: []string{
			g.Name, g.DisplayName, fmt.Sprint(g.NumMembers), cell,
		}}
	}
	return rows
}

// GroupFields lists every field of a group for the detail view.
func GroupFields(g model.Group) []detail.Field {
	return []detail.Field{
		{Key: "name", Value: g.Name},
		{Key: "id", Value: g.ID},
		{Key: "display name", Value: or(g.DisplayName)},
		{Key: "description", Value: or(g.Description)},
		{Key: "tags", Value: or(g.Tags)},
		{Key: "members", Value: fmt.Sprint(g.NumMembers)},
		{Key: "member names", Value: list(g.MembersNames)},
		{Key: "servers", Value: list(refLabels(g.Servers, g.ServersNames))},
		{Key: "gid", Value: num(g.GID)},
		{Key: "ldap group", Value: yesNo(g.IsLDAPGroup)},
		{Key: "added at", Value: when(g.AddedAt)},
		{Key: "updated at", Value: when(g.UpdatedAt)},
	}
}
