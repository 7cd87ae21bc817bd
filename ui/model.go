// Package ui is the root Bubble Tea model of alpacon-tui. It routes: global
// keys, resize and view switching happen here; lists, detail views, forms
// and websh panes do their own work in their packages.
package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/client"
	"alpacon-tui/keymap"
	"alpacon-tui/model"
	"alpacon-tui/ui/detail"
	"alpacon-tui/ui/resources"
	"alpacon-tui/ui/table"
	"alpacon-tui/ui/theme"
	"alpacon-tui/ui/userform"
)

// Options configure the root model.
type Options struct {
	// StartView is the list shown first.
	StartView View
	// LeaveKey is the key that leaves a websh pane (default ctrl+]).
	LeaveKey string
	// Width and Height are the initial terminal size; Bubble Tea sends the
	// real one at start, so zero is fine.
	Width, Height int
	// TextFrames sends websh input as text frames (2024 servers).
	TextFrames bool
	// Version is shown in the header.
	Version string
	// Styles overrides DefaultStyles.
	Styles *theme.Styles
}

// Model is the root state. It is a pointer model: websh panes inside it
// are pointers that goroutines refer to, so it must not be copied.
type Model struct {
	c      *client.Client
	opts   Options
	keys   keymap.KeyMap
	styles theme.Styles

	width, height int
	view          View
	screen        screen
	back          screen // where a websh pane returns to

	tables   [viewCount]table.Model
	reqs     [viewCount]int
	loaded   [viewCount]bool
	stale    [viewCount]bool // loaded, but a save changed what it shows
	servers  []model.Server
	users    []model.User
	groups   []model.Group
	sessions []model.Session

	detail     detail.Model
	detailView View
	detailID   string
	detailReq  int
	detailObj  any
	detailFull bool // detailObj is the detail answer, not the list row
	editMoves  int  // navigations when an edit fetch was asked for
	form       userform.Model
	formReq    int
	formBack   screen

	panes  []*paneTab
	active int
	unseen int // ID of a pane that opened in the background, 0 if none
	opens  map[int]*opening
	moves  int   // navigations so far (see stayed)
	last   place // where the user was when moves was last counted
	leftID int   // the pane last left with the leave key, 0 if none
	leftAt place // where leaving leftID took the user

	me       string
	meReq    int
	status   status
	pending  map[int]bool // requests in flight
	quiet    map[int]bool // pending requests not shown as loading
	nextReq  int
	spin     spinner.Model
	help     help.Model
	showHelp bool
	cmdMode  bool
	cmdInput textinput.Model
}

// status is the status bar message, cleared by the next key.
type status struct {
	text  string
	isErr bool
}

// New returns the root model for a signed-in client.
func New(c *client.Client, opts Options) *Model {
	st := theme.DefaultStyles()
	if opts.Styles != nil {
		st = *opts.Styles
	}
	keys := keymap.DefaultKeyMap().WithLeaveKey(opts.LeaveKey)
	m := &Model{
		c: c, opts: opts, keys: keys, styles: st,
		view: opts.StartView, pending: map[int]bool{}, quiet: map[int]bool{},
		opens:  map[int]*opening{},
		detail: detail.New(keys, st.Detail),
		spin:   spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(st.Status.Spinner)),
		help:   help.New(),
	}
	if m.view < 0 || m.view >= viewCount {
		m.view = ViewServers
	}
	cols := [viewCount][]table.Column{
		resources.ServerColumns(), resources.UserColumns(),
		resources.GroupColumns(), resources.SessionColumns(),
	}
	for v := range viewCount {
		m.tables[v] = table.New(cols[v], keys, st.Table)
		m.tables[v].SetEmptyText("loading…")
	}
	m.help.Styles.ShortKey = st.Help.Bold(true)
	m.help.Styles.ShortDesc = st.Help
	m.help.Styles.ShortSeparator = st.Help
	m.cmdInput = textinput.New()
	m.cmdInput.Prompt = ":"
	m.resize(opts.Width, opts.Height)
	m.last = m.where()
	return m
}

// Init loads the start view and the signed-in user.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.fetchList(m.view), m.fetchMe())
}
