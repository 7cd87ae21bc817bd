package model

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strconv"
)

// Page is one page of a DRF page-number envelope.
type Page[T any] struct {
	Count    int     `json:"count"`
	Current  int     `json:"current"`
	Next     PageNum `json:"next"`
	Previous PageNum `json:"previous"`
	Last     int     `json:"last"`
	Results  []T     `json:"results"`
}

// PageNum is a next/previous link: an integer page number (Alpacon's own
// pagination), a URL with a page query parameter (stock DRF), or null (0).
type PageNum int

// UnmarshalJSON accepts an integer, a numeric string, a URL or null.
func (p *PageNum) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) || len(b) == 0 {
		*p = 0
		return nil
	}
	if b[0] != '"' {
		var n int
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		*p = PageNum(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*p = PageNum(pageFromLink(s))
	return nil
}

// pageFromLink reads the page number out of a DRF link. DRF drops the page
// parameter from the link to page 1, so a URL without one means page 1.
func pageFromLink(s string) int {
	if s == "" {
		return 0
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	u, err := url.Parse(s)
	if err != nil {
		return 0
	}
	if v := u.Query().Get("page"); v != "" {
		n, _ := strconv.Atoi(v)
		return n
	}
	return 1
}
