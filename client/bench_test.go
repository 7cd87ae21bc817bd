package client_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"alpacon-tui/client"
)

// BenchmarkListUsersPage measures one full page of 100 users over HTTP,
// the largest single fetch the UI makes.
func BenchmarkListUsersPage(b *testing.B) {
	srv := httptest.NewServer(&pagedUsers{n: 100})
	defer srv.Close()
	c, err := client.New(srv.URL, client.WithToken("k"))
	if err != nil {
		b.Fatal(err)
	}
	o := client.ListOptions{PageSize: 100}
	for b.Loop() {
		if _, err := c.ListUsers(context.Background(), o); err != nil {
			b.Fatal(err)
		}
	}
}
