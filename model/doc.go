// Package model holds the Alpacon domain types as the TUI sees them and the
// pure rules around them. It decodes both API eras (the 2024 server with bare
// UUIDs and *_name companions, the 2026 one with nested summaries) and imports
// nothing from the UI.
package model
