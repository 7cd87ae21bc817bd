package model_test

import (
	"encoding/json"
	"testing"
	"time"

	"alpacon-tui/model"
)

func TestRefDecodesBothEras(t *testing.T) {
	tests := []struct {
		in        string
		want      model.Ref
		connected *bool
		wantErr   bool
	}{
		{`"5b1c3c9e-2f39-4d38-9c1a-0d3f6b2a7e11"`,
			model.Ref{ID: "5b1c3c9e-2f39-4d38-9c1a-0d3f6b2a7e11"}, nil, false},
		{`{"id": "u1", "name": "Alice Kim", "email": "a@example.com"}`,
			model.Ref{ID: "u1", Name: "Alice Kim", Email: "a@example.com"}, nil, false},
		{`{"id": "s1", "name": "web-01", "os": "ubuntu 22.04", "is_connected": false}`,
			model.Ref{ID: "s1", Name: "web-01", OS: "ubuntu 22.04"}, new(bool), false},
		{`null`, model.Ref{}, nil, false},
		{`42`, model.Ref{}, nil, true},
		{`["x"]`, model.Ref{}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var r model.Ref
			err := json.Unmarshal([]byte(tt.in), &r)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			conn := r.IsConnected
			r.IsConnected = nil
			if r != tt.want || (conn == nil) != (tt.connected == nil) ||
				(conn != nil && *conn != *tt.connected) {
				t.Errorf("Ref = %+v (connected %v), want %+v", r, conn, tt.want)
			}
		})
	}
}

func TestPageNumForms(t *testing.T) {
	tests := []struct {
		in   string
		want model.PageNum
	}{
		{`3`, 3},
		{`null`, 0},
		{`"4"`, 4},
		{`""`, 0},
		{`"https://h/api/iam/users/?page=5&page_size=15"`, 5},
		{`"https://h/api/iam/users/?page_size=15"`, 1}, // DRF drops page=1
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var p struct {
				Next model.PageNum `json:"next"`
			}
			if err := json.Unmarshal([]byte(`{"next": `+tt.in+`}`), &p); err != nil {
				t.Fatal(err)
			}
			if p.Next != tt.want {
				t.Errorf("next = %d, want %d", p.Next, tt.want)
			}
		})
	}
}

func TestTimestampForms(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{`"2024-04-12T16:56:30.123456+09:00"`,
			time.Date(2024, 4, 12, 7, 56, 30, 123456000, time.UTC)},
		{`"2024-04-12T16:56:30+09:00"`, time.Date(2024, 4, 12, 7, 56, 30, 0, time.UTC)},
		{`"2026-01-05T09:00:00Z"`, time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)},
		{`"2026-01-05T09:00:00.5Z"`, time.Date(2026, 1, 5, 9, 0, 0, 5e8, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var u model.User
			if err := json.Unmarshal([]byte(`{"date_joined": `+tt.in+`}`), &u); err != nil {
				t.Fatal(err)
			}
			if u.DateJoined == nil || !u.DateJoined.Equal(tt.want) {
				t.Errorf("date_joined = %v, want %v", u.DateJoined, tt.want)
			}
		})
	}
	var u model.User
	if err := json.Unmarshal([]byte(`{"date_joined": null, "uid": null}`), &u); err != nil ||
		u.DateJoined != nil || u.UID != nil {
		t.Errorf("nulls gave %+v, %v", u, err)
	}
}
