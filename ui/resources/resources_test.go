package resources

import (
	"testing"
	"time"

	"alpacon-tui/model"
)

func TestServerState(t *testing.T) {
	tests := []struct {
		name string
		s    model.Server
		want string
	}{
		{"connected", model.Server{Commissioned: true, IsConnected: true}, "● connected"},
		{"offline", model.Server{Commissioned: true}, "○ offline"},
		{"not commissioned", model.Server{IsConnected: true}, "○ new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ServerState(tt.s); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRowsMatchColumns(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	load := 0.5
	tests := []struct {
		name  string
		cols  int
		cells []string
	}{
		{"server", len(ServerColumns()),
			ServerRows([]model.Server{{ID: "s", Name: "web", Load: &load}})[0].Cells},
		{"user", len(UserColumns()), UserRows([]model.User{{ID: "u", Username: "bob"}})[0].Cells},
		{"group", len(GroupColumns()), GroupRows([]model.Group{{ID: "g", Name: "ops",
			ServersNames: []string{"a", "b"}, Servers: []model.Ref{{ID: "1"}, {ID: "2"}}}})[0].Cells},
		{"session", len(SessionColumns()), SessionRows([]model.Session{{ID: "x", AddedAt: &now,
			ServerName: "web"}})[0].Cells},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.cells) != tt.cols {
				t.Fatalf("%d cells for %d columns", len(tt.cells), tt.cols)
			}
		})
	}
	if c := GroupRows([]model.Group{{Servers: []model.Ref{{ID: "1"}},
		ServersNames: []string{"web-01"}}})[0].Cells[3]; c != "1: web-01" {
		t.Errorf("group servers cell %q", c)
	}
	if c := SessionRows([]model.Session{{AddedAt: &now}})[0].Cells; c[3] != "2026-01-02 03:04" ||
		c[4] != "open" {
		t.Errorf("session cells %q", c)
	}
}

func TestDetailFieldsNameEverything(t *testing.T) {
	ip := "10.0.0.1"
	s := model.Server{Name: "web", RemoteIP: &ip, Status: &model.ServerStatus{
		Text: "Good", Meta: map[string]float64{"cpu": 1}}}
	fields := map[string]string{}
	for _, f := range ServerFields(s) {
		fields[f.Key] = f.Value
	}
	for k, want := range map[string]string{"remote ip": ip, "status": "Good", "status cpu": "1",
		"cpu type": "—", "uptime": "—"} {
		if fields[k] != want {
			t.Errorf("%s = %q, want %q", k, fields[k], want)
		}
	}
	if n := len(UserFields(model.User{})); n < 23 {
		t.Errorf("user detail has %d fields", n)
	}
}
