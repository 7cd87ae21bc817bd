// Package theme holds the one Styles value every part of the UI draws with;
// the root builds it once and injects it, so no component picks colours.
package theme

import "github.com/charmbracelet/lipgloss"

// Palette colours, adaptive to light and dark terminals.
var (
	accent  = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#A78BFA"}
	subtle  = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#8A8A8A"}
	danger  = lipgloss.AdaptiveColor{Light: "#C0262D", Dark: "#FF6B6B"}
	success = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#4ADE80"}
	info    = lipgloss.AdaptiveColor{Light: "#0550AE", Dark: "#7DD3FC"}
	selBg   = lipgloss.AdaptiveColor{Light: "#E4DEFA", Dark: "#3B2F6B"}
)

// Styles is every style of the UI, grouped by the part that uses it.
type Styles struct {
	Header    HeaderStyles
	Status    StatusStyles
	Table     TableStyles
	Detail    DetailStyles
	Form      FormStyles
	Help      lipgloss.Style
	Overlay   lipgloss.Style
	Connected lipgloss.Style
	Offline   lipgloss.Style
}

// HeaderStyles draw the top bar and its tabs.
type HeaderStyles struct {
	Title, Workspace, User, Tab, ActiveTab, PaneTab, ActivePaneTab lipgloss.Style
}

// StatusStyles draw the status bar.
type StatusStyles struct {
	Info, Error, Spinner, Command lipgloss.Style
}

// TableStyles draw the windowed table.
type TableStyles struct {
	Header, Selected, Footer lipgloss.Style
}

// DetailStyles draw key/value detail views; Notice is the line under the
// title that says the record is incomplete.
type DetailStyles struct {
	Title, Notice, Key, Value lipgloss.Style
}

// FormStyles draw the edit forms.
type FormStyles struct {
	Title, Label, FocusedLabel, ErrorLabel, ErrorText, NonField, Notice lipgloss.Style
	Button, FocusedButton                                               lipgloss.Style
}

// DefaultStyles returns the standard look of alpacon-tui.
func DefaultStyles() Styles {
	s := lipgloss.NewStyle
	return Styles{
		Header: HeaderStyles{
			Title:         s().Bold(true).Foreground(accent),
			Workspace:     s().Foreground(info),
			User:          s().Foreground(subtle),
			Tab:           s().Foreground(subtle).Padding(0, 1),
			ActiveTab:     s().Bold(true).Foreground(accent).Underline(true).Padding(0, 1),
			PaneTab:       s().Foreground(success).Padding(0, 1),
			ActivePaneTab: s().Bold(true).Foreground(success).Underline(true).Padding(0, 1),
		},
		Status: StatusStyles{
			Info:    s().Foreground(info),
			Error:   s().Bold(true).Foreground(danger),
			Spinner: s().Foreground(accent),
			Command: s().Foreground(accent),
		},
		Table: TableStyles{
			Header:   s().Bold(true).Foreground(accent),
			Selected: s().Bold(true).Background(selBg),
			Footer:   s().Foreground(subtle),
		},
		Detail: DetailStyles{
			Title:  s().Bold(true).Foreground(accent),
			Notice: s().Foreground(danger),
			Key:    s().Foreground(subtle),
			Value:  s(),
		},
		Form: FormStyles{
			Title:        s().Bold(true).Foreground(accent),
			Label:        s().Foreground(subtle),
			FocusedLabel: s().Bold(true).Foreground(accent),
			ErrorLabel:   s().Bold(true).Foreground(danger),
			ErrorText:    s().Foreground(danger),
			NonField: s().Foreground(danger).Padding(0, 1).
				Border(lipgloss.NormalBorder()).BorderForeground(danger),
			Notice:        s().Foreground(info),
			Button:        s().Foreground(subtle).Padding(0, 1),
			FocusedButton: s().Bold(true).Foreground(accent).Reverse(true).Padding(0, 1),
		},
		Help:      s().Foreground(subtle),
		Overlay:   s().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Connected: s().Foreground(success),
		Offline:   s().Foreground(subtle),
	}
}
