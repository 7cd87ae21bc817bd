// Package demo is an embedded, in-memory Alpacon-compatible API server.
//
// It serves the 2026 shapes of the contract in the project's API notes
// (nested owner/user/server summaries, close code 4000, /api/auth/env/,
// /api/auth/whoami/, /api/status/) and keeps the 2024 rules that still hold
// (validation messages, permissions, status codes). Every websh session is a
// real shell on a pseudo-terminal (package demo/shell), reached through the
// websocket URL the REST API hands out.
//
// The server binds loopback addresses only, keeps its whole state behind one
// mutex and is seeded deterministically: the same users, groups, servers and
// IDs on every start. Tokens, channel tokens and share passwords are random.
//
// It defines its own wire structs and never imports the project's model or
// client packages, so a decoding bug in the client cannot hide behind a shared
// type.
//
// # Faults
//
// Options.Faults (or the environment variable ALPACON_DEMO_FAULTS when
// Options.Faults is empty; "none" switches faults off) is a comma-separated
// list of key=value items:
//
//	latency=200ms   delay every /api/ request by this duration
//	html500=0.2     answer this fraction of /api/ requests with a Django-style
//	                HTML "Server Error (500)" page (text/html)
//	truncate=0.1    cut this fraction of JSON bodies in half (status and
//	                headers intact, no Content-Length), so decoding fails
//	wsdrop=5s       drop every websh websocket this long after it was
//	                accepted, without a close frame (the client sees 1006)
//	seed=7          seed of the fault dice (default 1), so a run is repeatable
//
// Example: "latency=200ms,html500=0.2,truncate=0.1,wsdrop=5s,seed=3".
// The dice are rolled once per request in arrival order; with concurrent
// requests the order, and so the outcome per request, may vary.
package demo
