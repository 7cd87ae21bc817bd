package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"alpacon-tui/client"
	"alpacon-tui/demo"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// harness plays the part of tea.Program: it feeds messages to the model
// and runs every returned Cmd for real, in its own goroutine, feeding the
// results back. Tests wait on conditions of the model, never on time.
type harness struct {
	t    *testing.T
	m    *Model
	msgs chan tea.Msg
	quit bool
}

const waitLimit = 15 * time.Second

func newHarness(t *testing.T, m *Model, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, m: m, msgs: make(chan tea.Msg, 1024)}
	hs.run(m.Init())
	hs.handle(tea.WindowSizeMsg{Width: w, Height: h})
	t.Cleanup(func() {
		for _, p := range m.panes {
			p.pane.Close()
		}
	})
	return hs
}

func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() { h.msgs <- cmd() }()
}

func (h *harness) handle(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		_, cmd := h.m.Update(msg)
		h.run(cmd)
	}
}

// waitFor processes messages until cond holds.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.After(waitLimit)
	recheck := time.NewTicker(20 * time.Millisecond)
	defer recheck.Stop()
	for !cond() {
		select {
		case msg := <-h.msgs:
			h.handle(msg)
		case <-recheck.C:
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s; screen:\n%s", what, h.m.View())
		}
	}
}

// idle waits until no request is in flight.
func (h *harness) idle() {
	h.t.Helper()
	h.waitFor("requests to finish", func() bool { return len(h.m.pending) == 0 })
}

// waitView waits until the screen shows s.
func (h *harness) waitView(s string) {
	h.t.Helper()
	h.waitFor("screen to show "+s, func() bool { return strings.Contains(h.m.View(), s) })
}

// keys sends key presses: names like "enter", "ctrl+s", or plain text,
// which is typed rune by rune.
func (h *harness) keys(keys ...string) {
	for _, k := range keys {
		if msg, ok := namedKeys[k]; ok {
			h.handle(msg)
			continue
		}
		for _, r := range k {
			if r == ' ' {
				h.handle(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
				continue
			}
			h.handle(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
}

var namedKeys = map[string]tea.KeyMsg{
	"enter":     {Type: tea.KeyEnter},
	"esc":       {Type: tea.KeyEsc},
	"tab":       {Type: tea.KeyTab},
	"shift+tab": {Type: tea.KeyShiftTab},
	"down":      {Type: tea.KeyDown},
	"up":        {Type: tea.KeyUp},
	"ctrl+s":    {Type: tea.KeyCtrlS},
	"ctrl+u":    {Type: tea.KeyCtrlU},
	"ctrl+c":    {Type: tea.KeyCtrlC},
	"ctrl+]":    {Type: tea.KeyCtrlCloseBracket},
	"pgup":      {Type: tea.KeyPgUp},
	"pgdown":    {Type: tea.KeyPgDown},
	"space":     {Type: tea.KeySpace, Runes: []rune{' '}},
}

// demoShell is bash with a prompt that names no local user or path, so
// goldens of a pane are the same on every machine.
const demoShell = `env PS1=demo$\040 bash --norc --noprofile -i`

// startDemo runs a demo server for the test, without injected faults.
func startDemo(t *testing.T) *demo.Server {
	t.Helper()
	srv, err := demo.Start(demo.Options{Addr: "127.0.0.1:0", Shell: demoShell, Faults: "none"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

func newClient(t *testing.T, url, token string) *client.Client {
	t.Helper()
	c, err := client.New(url, client.WithToken(token))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// portRE masks the demo server's random port in goldens; ephemeral ports
// have five digits, so the mask keeps every line's width.
var portRE = regexp.MustCompile(`127\.0\.0\.1:\d{5}`)

func screenText(m *Model) []byte {
	return []byte(portRE.ReplaceAllString(m.View(), "127.0.0.1:PORT5") + "\n")
}

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// save presses the given keys and waits until the save they start has its
// reply (a form submit reaches the root through a Cmd first).
func (h *harness) save(keys ...string) {
	h.t.Helper()
	before := h.m.formReq
	h.keys(keys...)
	h.waitFor("the save reply", func() bool {
		return h.m.formReq > before && !h.m.pending[h.m.formReq]
	})
}

func (h *harness) activePaneID() int {
	if p := h.m.activePane(); p != nil {
		return p.pane.ID()
	}
	return -1
}

// holdUntil processes messages until one that match picks arrives, and
// returns it unprocessed: the test decides what happens before it lands.
func (h *harness) holdUntil(what string, match func(tea.Msg) bool) tea.Msg {
	h.t.Helper()
	deadline := time.After(waitLimit)
	for {
		select {
		case msg := <-h.msgs:
			if match(msg) {
				return msg
			}
			h.handle(msg)
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s; screen:\n%s", what, h.m.View())
		}
	}
}
