// Package config finds the workspace and credentials the TUI signs in with:
// command-line flags first, then the official Alpacon CLI's
// ~/.alpacon/config.json, then alpacon-tui's own file under the XDG config
// folder, which the sign-in form writes.
package config
