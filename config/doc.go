// Package config reads and writes the files the TUI signs in with: the
// official Alpacon CLI's ~/.alpacon/config.json and alpacon-tui's own file
// under the XDG config folder, which the sign-in form writes. Which of them
// wins, and when a saved token counts as refused, is main's job.
package config
