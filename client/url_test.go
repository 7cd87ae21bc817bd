package client_test

import (
	"strings"
	"testing"

	"alpacon-tui/client"
)

func TestNormalizeBaseURL(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{"alpacon.example.com", "https://alpacon.example.com", ""},
		{"  acme.ap1.alpacon.io/ ", "https://acme.ap1.alpacon.io", ""},
		{"https://acme.ap1.alpacon.io", "https://acme.ap1.alpacon.io", ""},
		{"HTTPS://Host.Example:8443/", "https://Host.Example:8443", ""},
		{"localhost", "http://localhost", ""},
		{"localhost:8000", "http://localhost:8000", ""},
		{"127.0.0.1:8000", "http://127.0.0.1:8000", ""},
		{"::1", "http://[::1]", ""},
		{"[::1]:8000", "http://[::1]:8000", ""},
		{"https://localhost:8443", "https://localhost:8443", ""},
		{"http://127.0.0.1:9/", "http://127.0.0.1:9", ""},
		{"10.0.0.5:8000", "https://10.0.0.5:8000", ""},
		{"http://alpacon.example.com", "", "only allowed for localhost"},
		{"http://10.0.0.5", "", "only allowed for localhost"},
		{"https://host/api/", "", "path"},
		{"host/workspace", "", "path"},
		{"https://host/?x=1", "", "query"},
		{"https://host?", "", "query"},
		{"https://host/#top", "", "fragment"},
		{"https://user:pw@host", "", "user info"},
		{"ftp://host", "", "scheme"},
		{"ws://localhost:8000", "", "scheme"},
		{"", "", "empty"},
		{"https://", "", "no host"},
		{"https://host:port", "", "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := client.NormalizeBaseURL(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("NormalizeBaseURL(%q) = %q, %v; want error with %q",
						tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("NormalizeBaseURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNewRefusesBadURL(t *testing.T) {
	if _, err := client.New("http://alpacon.example.com"); err == nil {
		t.Fatal("New accepted plain http for a remote host")
	}
	c, err := client.New("localhost:8000")
	if err != nil || c.BaseURL() != "http://localhost:8000" {
		t.Fatalf("New(localhost:8000) = %v, %v", c, err)
	}
}
