// Package client is the Go client of the Alpacon API: REST calls over HTTP
// and websh terminals over a websocket. It speaks both API eras the TUI
// meets (the 2024 server and the 2026 one the official CLI targets).
//
// Every call takes a context first and returns the decoded model type or an
// error; every non-2xx answer is a *APIError.
package client
