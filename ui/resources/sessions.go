package resources

import (
	"fmt"

	"alpacon-tui/model"
	"alpacon-tui/ui/detail"
	"alpacon-tui/ui/table"
)

// SessionColumns are the columns of the websh sessions list.
func SessionColumns() []table.Column {
	return []table.Column{
		{Title: "SERVER", Width: 14, Priority: 10, Grow: true},
		{Title: "USER", Width: 12, Priority: 8},
		{Title: "USERNAME", Width: 10, Priority: 7},
		{Title: "OPENED", Width: 16, Priority: 6},
		{Title: "STATE", Width: 6, Priority: 9},
		{Title: "CLOSED", Width: 16, Priority: 2},
	}
}

// SessionState says open or closed.
func SessionState(s model.Session) string {
	if s.IsOpen() {
		return "open"
	}
	return "closed"
}

// SessionRows turns sessions into table rows keyed by ID.
func SessionRows(sessions []model.Session) []table.Row {
	rows := make([]table.Row, len(sessions))
	for i, s := range sessions {
		rows[i] = table.Row{Key: s.ID, Cells: []string{
			s.Server.Label(s.ServerName), s.User.Label(s.UserName), s.Username,
			short(s.AddedAt), SessionState(s), short(s.ClosedAt),
		}}
	}
	return rows
}

// SessionFields lists every field of a session for the detail view.
func SessionFields(s model.Session) []detail.Field {
	f := []detail.Field{
		{Key: "id", Value: s.ID},
		{Key: "server", Value: or(s.Server.Label(s.ServerName))},
		{Key: "user", Value: or(s.User.Label(s.UserName))},
		{Key: "username", Value: or(s.Username)},
		{Key: "groupname", Value: or(s.Groupname)},
		{Key: "state", Value: SessionState(s)},
		{Key: "rows", Value: fmt.Sprint(s.Rows)},
		{Key: "cols", Value: fmt.Sprint(s.Cols)},
		{Key: "user agent", Value: or(s.UserAgent)},
		{Key: "remote ip", Value: str(s.RemoteIP)},
		{Key: "client type", Value: or(s.ClientType)},
		{Key: "tunnel", Value: yesNo(s.IsTunnel)},
		{Key: "opened", Value: when(s.AddedAt)},
		{Key: "updated at", Value: when(s.UpdatedAt)},
		{Key: "closed", Value: when(s.ClosedAt)},
	}
	if s.Success != nil {
		f = append(f, detail.Field{Key: "success", Value: yesNo(*s.Success)})
	}
	return f
}
