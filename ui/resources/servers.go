package resources

import (
	"fmt"

	"alpacon-tui/model"
	"alpacon-tui/ui/detail"
	"alpacon-tui/ui/table"
)

// ServerColumns are the columns of the servers list; status and load are
// the first to go on a narrow terminal.
func ServerColumns() []table.Column {
	return []table.Column{
		{Title: "NAME", Width: 14, Priority: 10, Grow: true},
		{Title: "STATE", Width: 13, Priority: 9},
		{Title: "OS", Width: 14, Priority: 7},
		{Title: "IP", Width: 15, Priority: 6},
		{Title: "OWNER", Width: 10, Priority: 5},
		{Title: "STATUS", Width: 10, Priority: 3},
		{Title: "LOAD", Width: 5, Priority: 2},
	}
}

// ServerState is the connection cell: a glyph plus words, so it reads
// without colour.
func ServerState(s model.Server) string {
	switch {
	case !s.Commissioned:
		return "○ new"
	case s.IsConnected:
		return "● connected"
	}
	return "○ offline"
}

// ServerRows turns servers into table rows keyed by ID.
func ServerRows(servers []model.Server) []table.Row {
	rows := make([]table.Row, len(servers))
	for i, s := range servers {
		status := ""
		if s.Status != nil {
			status = s.Status.Text
		}
		load := ""
		if s.Load != nil {
			load = fmt.Sprintf("%.2f", *s.Load)
		}
		rows[i] = table.Row{Key: s.ID, Cells: []string{
			s.Name, ServerState(s), s.OS(), s.IP(), s.OwnerLabel(), status, load,
		}}
	}
	return rows
}

// ServerFields lists every field of a server for the detail view.
func ServerFields(s model.Server) []detail.Field {
	f := []detail.Field{
		{Key: "name", Value: s.Name},
		{Key: "id", Value: s.ID},
		{Key: "state", Value: ServerState(s)},
		{Key: "connected", Value: yesNo(s.IsConnected)},
		{Key: "commissioned", Value: yesNo(s.Commissioned)},
		{Key: "description", Value: or(s.Description)},
		{Key: "remote ip", Value: str(s.RemoteIP)},
		{Key: "os", Value: or(s.OS())},
		{Key: "os name", Value: str(s.OSName)},
		{Key: "os version", Value: str(s.OSVersion)},
		{Key: "owner", Value: or(s.OwnerLabel())},
		{Key: "groups", Value: list(refLabels(s.Groups, s.GroupsName))},
		{Key: "root allowed", Value: yesNo(s.IsRoot)},
		{Key: "starred", Value: yesNo(s.Starred)},
		{Key: "agent version", Value: str(s.Version)},
		{Key: "osquery version", Value: str(s.OsqueryVersion)},
		{Key: "cpu type", Value: str(s.CPUType)},
		{Key: "cpu physical cores", Value: num(s.CPUPhysicalCores)},
		{Key: "cpu logical cores", Value: num(s.CPULogicalCores)},
		{Key: "physical memory", Value: memory(s.PhysicalMemory)},
		{Key: "load", Value: num(s.Load)},
		{Key: "uptime", Value: uptime(s.Uptime)},
		{Key: "boot time", Value: when(s.BootTime)},
		{Key: "last connectivity", Value: when(s.LastConnectivity)},
		{Key: "started at", Value: when(s.StartedAt)},
		{Key: "added at", Value: when(s.AddedAt)},
		{Key: "updated at", Value: when(s.UpdatedAt)},
	}
	return append(f, statusFields(s.Status)...)
}

func statusFields(st *model.ServerStatus) []detail.Field {
	if st == nil {
		return []detail.Field{{Key: "status", Value: none}}
	}
	f := []detail.Field{
		{Key: "status", Value: or(st.Text)},
		{Key: "status code", Value: or(st.Code)},
	}
	for _, m := range st.Messages {
		f = append(f, detail.Field{Key: "status message", Value: m})
	}
	for _, k := range sortedKeys(st.Meta) {
		f = append(f, detail.Field{Key: "status " + k, Value: fmt.Sprint(st.Meta[k])})
	}
	return f
}

// refLabels names related objects in either API era.
func refLabels(refs []model.Ref, names []string) []string {
	out := make([]string, 0, len(refs))
	for i, r := range refs {
		companion := ""
		if i < len(names) {
			companion = names[i]
		}
		out = append(out, r.Label(companion))
	}
	if len(refs) == 0 {
		out = append(out, names...)
	}
	return out
}

func memory(p *int64) string {
	if p == nil {
		return none
	}
	return fmt.Sprintf("%.1f GiB", float64(*p)/(1<<30))
}

func uptime(p *float64) string {
	if p == nil {
		return none
	}
	secs := int64(*p)
	return fmt.Sprintf("%dd %dh %dm", secs/86400, secs%86400/3600, secs%3600/60)
}
