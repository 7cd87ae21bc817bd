package websh

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// keyCase is one key and the bytes an xterm sends for it.
type keyCase struct {
	name string
	key  tea.KeyMsg
	want string
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func alt(k tea.KeyMsg) tea.KeyMsg { k.Alt = true; return k }

func paste(s string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true}
}

// defaultModeKeys are sent while the remote has set no mode.
var defaultModeKeys = []keyCase{
	{"a", runes("a"), "a"},
	{"A", runes("A"), "A"},
	{"hangul", runes("한"), "한"},
	{"space", tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}, " "},
	{"enter", tea.KeyMsg{Type: tea.KeyEnter}, "\r"},
	{"tab", tea.KeyMsg{Type: tea.KeyTab}, "\t"},
	{"shift+tab", tea.KeyMsg{Type: tea.KeyShiftTab}, "\x1b[Z"},
	{"backspace", tea.KeyMsg{Type: tea.KeyBackspace}, "\x7f"},
	{"esc", tea.KeyMsg{Type: tea.KeyEsc}, "\x1b"},
	{"ctrl+@", tea.KeyMsg{Type: tea.KeyCtrlAt}, "\x00"},
	{"ctrl+a", tea.KeyMsg{Type: tea.KeyCtrlA}, "\x01"},
	{"ctrl+c", tea.KeyMsg{Type: tea.KeyCtrlC}, "\x03"},
	{"ctrl+d", tea.KeyMsg{Type: tea.KeyCtrlD}, "\x04"},
	{"ctrl+h", tea.KeyMsg{Type: tea.KeyCtrlH}, "\x08"},
	{"ctrl+z", tea.KeyMsg{Type: tea.KeyCtrlZ}, "\x1a"},
	{"ctrl+\\", tea.KeyMsg{Type: tea.KeyCtrlBackslash}, "\x1c"},
	{"ctrl+^", tea.KeyMsg{Type: tea.KeyCtrlCaret}, "\x1e"},
	{"ctrl+_", tea.KeyMsg{Type: tea.KeyCtrlUnderscore}, "\x1f"},
	{"up", tea.KeyMsg{Type: tea.KeyUp}, "\x1b[A"},
	{"down", tea.KeyMsg{Type: tea.KeyDown}, "\x1b[B"},
	{"right", tea.KeyMsg{Type: tea.KeyRight}, "\x1b[C"},
	{"left", tea.KeyMsg{Type: tea.KeyLeft}, "\x1b[D"},
	{"home", tea.KeyMsg{Type: tea.KeyHome}, "\x1b[H"},
	{"end", tea.KeyMsg{Type: tea.KeyEnd}, "\x1b[F"},
	{"pgup", tea.KeyMsg{Type: tea.KeyPgUp}, "\x1b[5~"},
	{"pgdown", tea.KeyMsg{Type: tea.KeyPgDown}, "\x1b[6~"},
	{"ctrl+pgup", tea.KeyMsg{Type: tea.KeyCtrlPgUp}, "\x1b[5;5~"},
	{"insert", tea.KeyMsg{Type: tea.KeyInsert}, "\x1b[2~"},
	{"delete", tea.KeyMsg{Type: tea.KeyDelete}, "\x1b[3~"},
	{"f1", tea.KeyMsg{Type: tea.KeyF1}, "\x1bOP"},
	{"f4", tea.KeyMsg{Type: tea.KeyF4}, "\x1bOS"},
	{"f5", tea.KeyMsg{Type: tea.KeyF5}, "\x1b[15~"},
	{"f10", tea.KeyMsg{Type: tea.KeyF10}, "\x1b[21~"},
	{"f11", tea.KeyMsg{Type: tea.KeyF11}, "\x1b[23~"},
	{"f12", tea.KeyMsg{Type: tea.KeyF12}, "\x1b[24~"},
	{"ctrl+left", tea.KeyMsg{Type: tea.KeyCtrlLeft}, "\x1b[1;5D"},
	{"ctrl+right", tea.KeyMsg{Type: tea.KeyCtrlRight}, "\x1b[1;5C"},
	{"shift+up", tea.KeyMsg{Type: tea.KeyShiftUp}, "\x1b[1;2A"},
	{"shift+end", tea.KeyMsg{Type: tea.KeyShiftEnd}, "\x1b[1;2F"},
	{"ctrl+shift+end", tea.KeyMsg{Type: tea.KeyCtrlShiftEnd}, "\x1b[1;6F"},
	{"ctrl+shift+left", tea.KeyMsg{Type: tea.KeyCtrlShiftLeft}, "\x1b[1;6D"},
	{"alt+b", alt(runes("b")), "\x1bb"},
	{"alt+.", alt(runes(".")), "\x1b."},
	{"alt+backspace", alt(tea.KeyMsg{Type: tea.KeyBackspace}), "\x1b\x7f"},
	{"ctrl+alt+h", alt(tea.KeyMsg{Type: tea.KeyCtrlH}), "\x1b\b"},
	{"alt+left", alt(tea.KeyMsg{Type: tea.KeyLeft}), "\x1b\x1b[D"},
	{"paste raw", paste("ls -l\nid"), "ls -l\nid"},
}

// appModeKeys are sent after the remote set DECCKM (?1h) and bracketed
// paste (?2004h).
var appModeKeys = []keyCase{
	{"up", tea.KeyMsg{Type: tea.KeyUp}, "\x1bOA"},
	{"down", tea.KeyMsg{Type: tea.KeyDown}, "\x1bOB"},
	{"right", tea.KeyMsg{Type: tea.KeyRight}, "\x1bOC"},
	{"left", tea.KeyMsg{Type: tea.KeyLeft}, "\x1bOD"},
	{"home", tea.KeyMsg{Type: tea.KeyHome}, "\x1bOH"},
	{"end", tea.KeyMsg{Type: tea.KeyEnd}, "\x1bOF"},
	{"ctrl+left", tea.KeyMsg{Type: tea.KeyCtrlLeft}, "\x1b[1;5D"},
	{"alt+up", alt(tea.KeyMsg{Type: tea.KeyUp}), "\x1b\x1bOA"},
	{"a", runes("a"), "a"},
	{"paste bracketed", paste("echo 1\necho 2"), "\x1b[200~echo 1\necho 2\x1b[201~"},
	{"paste with ESC", paste("a\x1b[201~b"), "\x1b[200~a[201~b\x1b[201~"},
}

// sendKeys types each case into a pane on a real session and checks that
// the remote end of the websocket received exactly its bytes, in order.
func sendKeys(t *testing.T, d *driver, srv *shellServer, cases []keyCase) {
	t.Helper()
	off := len(srv.received())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if cmd := d.key(c.key); cmd != nil {
				t.Fatalf("key produced a Cmd (%T), want it sent", cmd())
			}
			got := srv.waitReceived(t, off+len(c.want))
			end := min(off+len(c.want), len(got))
			if string(got[off:end]) != c.want {
				t.Fatalf("remote got %q, want %q", got[off:end], c.want)
			}
			off += len(c.want)
		})
	}
	// A sentinel shows that no key sent anything beyond its bytes.
	d.key(runes("#"))
	if got := srv.waitReceived(t, off+1); len(got) != off+1 || got[off] != '#' {
		t.Fatalf("stray bytes after the keys: %q", got[min(off, len(got)):])
	}
}

func TestKeysReachRemote(t *testing.T) {
	// The remote reads raw so every byte is just data to it.
	d, srv, _ := openPane(t, 40, 8, `stty raw -echo; printf 'raw\r\n'; exec cat >/dev/null`)
	d.untilScreen("raw")
	sendKeys(t, d, srv, defaultModeKeys)
}

func TestKeysAfterRemoteModes(t *testing.T) {
	script := `stty raw -echo; printf '\033[?1h\033[?2004hmodes\r\n'; exec cat >/dev/null`
	d, srv, _ := openPane(t, 40, 8, script)
	d.untilScreen("modes")
	if !d.p.term.appCursor.Load() || !d.p.term.bracketed.Load() {
		t.Fatal("pane did not track ?1h and ?2004h")
	}
	sendKeys(t, d, srv, appModeKeys)
}

func TestKeyModesReset(t *testing.T) {
	tm := newTerminal(20, 4)
	go drain(tm)
	tm.write([]byte("\x1b[?1h\x1b[?2004h\x1b[?1l\x1b[?2004l"))
	m := keyModes{appCursor: tm.appCursor.Load(), bracketed: tm.bracketed.Load()}
	if got := string(keyBytes(tea.KeyMsg{Type: tea.KeyUp}, m)); got != "\x1b[A" {
		t.Errorf("up after ?1l = %q", got)
	}
	if got := string(keyBytes(paste("x"), m)); got != "x" {
		t.Errorf("paste after ?2004l = %q", got)
	}
}

func TestLeaveKeyConfigurable(t *testing.T) {
	for _, k := range []tea.KeyType{tea.KeyCtrlCloseBracket, tea.KeyCtrlC} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			_, conn := startShell(t, 4, 20, `exec cat >/dev/null`)
			opts := Options{Conn: conn, Width: 22, Height: 6}
			if k == tea.KeyCtrlC {
				opts.LeaveKey = keyBinding("ctrl+c")
			}
			p := New(opts)
			defer closePane(t, p)
			_, cmd := p.Update(tea.KeyMsg{Type: k})
			if cmd == nil {
				t.Fatal("leave key returned no Cmd")
			}
			if _, ok := cmd().(LeaveMsg); !ok {
				t.Fatal("leave key did not emit LeaveMsg")
			}
		})
	}
}

// drain reads a terminal's replies until it is closed, as replyLoop does.
func drain(tm *terminal) {
	buf := make([]byte, 512)
	for {
		if _, err := tm.reader().Read(buf); err != nil {
			return
		}
	}
}
