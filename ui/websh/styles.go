package websh

import "github.com/charmbracelet/lipgloss"

// Styles are the pane's looks. The zero value draws plain, uncoloured
// borders; DefaultStyles is what the TUI uses.
type Styles struct {
	// Border draws the frame of a focused pane; BlurredBorder of the others.
	Border, BlurredBorder lipgloss.Style
	// Title is the server name and session state on the top border.
	Title lipgloss.Style
	// Hint is the leave-key hint on the bottom border.
	Hint lipgloss.Style
	// Ended is the "session closed" / "connection lost" notice.
	Ended lipgloss.Style
}

// DefaultStyles returns the pane's standard looks.
func DefaultStyles() Styles {
	return Styles{
		Border:        lipgloss.NewStyle().Foreground(lipgloss.Color("62")),
		BlurredBorder: lipgloss.NewStyle().Foreground(lipgloss.Color("240")),
		Title:         lipgloss.NewStyle().Bold(true),
		Hint:          lipgloss.NewStyle().Foreground(lipgloss.Color("245")),
		Ended:         lipgloss.NewStyle().Bold(true).Reverse(true),
	}
}
