package websh

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

func TestEchoAndSize(t *testing.T) {
	d, _, _ := openPane(t, 82, 26, bashScript)
	d.untilScreen("$")
	d.typeLine("echo hel''lo; stty size")
	d.untilScreen("\nhello\n", "24 80")

	view := d.p.View()
	lines := strings.Split(view, "\n")
	if len(lines) != 26 {
		t.Fatalf("View has %d lines, want 26", len(lines))
	}
	if !strings.Contains(view, "web-01 · live") || !strings.Contains(view, "ctrl+] leave") {
		t.Errorf("border lacks title or hint:\n%s", view)
	}
}

func TestResizeDebounced(t *testing.T) {
	d, _, log := openPane(t, 82, 26, bashScript)
	d.untilScreen("$")

	if cmd := d.p.SetSize(102, 32); cmd == nil {
		t.Fatal("SetSize returned no debounce Cmd")
	}
	first := d.p.resizeN
	d.p.SetSize(122, 42)
	if cols, rows := d.p.term.size(); cols != 120 || rows != 40 {
		t.Fatalf("emulator is %dx%d right after SetSize, want 120x40", cols, rows)
	}

	// A stale tick (a newer size followed) must not resize.
	if _, cmd := d.p.Update(resizeTickMsg{id: d.p.ID(), seq: first}); cmd != nil {
		t.Fatal("stale tick produced a resize")
	}
	_, cmd := d.p.Update(resizeTickMsg{id: d.p.ID(), seq: d.p.resizeN})
	if cmd == nil {
		t.Fatal("latest tick produced no resize")
	}
	msg, ok := cmd().(ResizedMsg)
	if !ok || msg.Err != nil || msg.Rows != 40 || msg.Cols != 120 {
		t.Fatalf("resize result = %#v", msg)
	}
	if got := log.get(); len(got) != 1 || got[0] != [2]int{40, 120} {
		t.Fatalf("Resize calls = %v, want one of 40x120", got)
	}

	// The same size again sends nothing.
	d.p.SetSize(122, 42)
	if _, cmd := d.p.Update(resizeTickMsg{id: d.p.ID(), seq: d.p.resizeN}); cmd != nil {
		t.Fatal("unchanged size was sent again")
	}

	d.typeLine("stty size")
	d.untilScreen("40 120")
	if n := len(strings.Split(d.p.View(), "\n")); n != 42 {
		t.Errorf("View has %d lines after resize, want 42", n)
	}
}

func TestTinySizes(t *testing.T) {
	d, _, log := openPane(t, 40, 10, bashScript)
	d.untilScreen("$")
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {2, 2}, {-3, -7}, {3, 3}, {1, 50}} {
		cmd := d.p.SetSize(sz[0], sz[1])
		rows, cols := d.p.InnerSize()
		if rows < 1 || cols < 1 {
			t.Fatalf("SetSize(%v): InnerSize %dx%d", sz, rows, cols)
		}
		v := d.p.View()
		if drawn := sz[0] >= 3 && sz[1] >= 3; drawn != (v != "") {
			t.Fatalf("SetSize(%v): View = %q", sz, v)
		}
		if sz == [2]int{3, 3} && len(strings.Split(v, "\n")) != 3 {
			t.Fatalf("3x3 View = %q, want 3 lines", v)
		}
		if cmd != nil {
			if _, rc := d.p.Update(resizeTickMsg{id: d.p.ID(), seq: d.p.resizeN}); rc != nil {
				rc()
			}
		}
	}
	// Output keeps flowing into a 1-column emulator without trouble.
	d.typeLine("echo tiny")
	d.untilScreen("y")
	for _, c := range log.get() {
		if c[0] < 1 || c[1] < 1 {
			t.Fatalf("Resize called with %dx%d", c[0], c[1])
		}
	}
	if len(log.get()) == 0 {
		t.Fatal("no Resize call at all")
	}
}

func TestZeroSizeNew(t *testing.T) {
	_, conn := startShell(t, 1, 1, "sleep 5")
	p := New(Options{Conn: conn})
	defer closePane(t, p)
	if r, c := p.InnerSize(); r != 1 || c != 1 {
		t.Fatalf("InnerSize of a 0x0 pane = %dx%d, want 1x1", r, c)
	}
	if v := p.View(); v != "" {
		t.Fatalf("0x0 View = %q, want empty", v)
	}
}

func TestExitShowsClosed(t *testing.T) {
	d, _, _ := openPane(t, 60, 12, bashScript)
	d.untilScreen("$")
	d.typeLine("echo bye-$((6*7)); exit")
	d.until("session end", d.p.Ended)

	view := d.p.View()
	if !strings.Contains(view, "session closed — press enter to return") {
		t.Fatalf("no closed notice:\n%s", view)
	}
	if !strings.Contains(view, "bye-42") {
		t.Errorf("last screen not kept:\n%s", view)
	}
	if cmd := d.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}); cmd != nil {
		t.Errorf("a random key after the end did something")
	}
	cmd := d.key(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter after the end returned no Cmd")
	}
	if msg, ok := cmd().(ClosedMsg); !ok || msg.ID != d.p.ID() {
		t.Fatalf("enter after the end = %#v, want ClosedMsg", msg)
	}
}

func TestDropShowsLost(t *testing.T) {
	d, srv, _ := openPane(t, 60, 12, bashScript)
	d.untilScreen("$")
	d.typeLine("echo still-here")
	d.untilScreen("\nstill-here")
	srv.drop()
	d.until("session end", d.p.Ended)

	view := d.p.View()
	if !strings.Contains(view, "connection lost: 1006") ||
		!strings.Contains(view, "press enter to return") {
		t.Fatalf("no lost notice:\n%s", view)
	}
	if !strings.Contains(view, "still-here") {
		t.Errorf("last screen not kept:\n%s", view)
	}
	for _, k := range []tea.KeyMsg{{Type: tea.KeyEsc}, {Type: tea.KeyRunes, Runes: []rune("q")}} {
		if msg, ok := d.key(k)().(ClosedMsg); !ok || msg.ID != d.p.ID() {
			t.Errorf("%v after the end = %#v, want ClosedMsg", k, msg)
		}
	}
}

func TestLeaveKeepsSession(t *testing.T) {
	d, _, _ := openPane(t, 60, 12, bashScript)
	d.untilScreen("$")
	cmd := d.key(tea.KeyMsg{Type: tea.KeyCtrlCloseBracket})
	if cmd == nil {
		t.Fatal("ctrl+] returned no Cmd")
	}
	if msg, ok := cmd().(LeaveMsg); !ok || msg.ID != d.p.ID() {
		t.Fatalf("ctrl+] = %#v, want LeaveMsg", msg)
	}
	d.typeLine("echo after-leave")
	d.untilScreen("\nafter-leave")
}

func TestQueryReplyReachesRemote(t *testing.T) {
	// The remote asks for the cursor position (DSR 6) and reads the answer
	// from its raw-mode tty; the answer must come back through the pane.
	script := `stty raw -echo; printf 'ab\033[6n'; dd bs=1 count=6 2>/dev/null | od -An -c; sleep 5`
	d, srv, _ := openPane(t, 42, 12, script)
	d.untilScreen("ab")
	got := srv.waitReceived(t, 6)
	if string(got) != "\x1b[1;3R" {
		t.Fatalf("remote received %q, want the DSR reply \\x1b[1;3R", got)
	}
	d.untilScreen("[   1   ;   3   R")
}

func TestPanesRouteByID(t *testing.T) {
	d1, _, _ := openPane(t, 40, 10, bashScript)
	d2, _, _ := openPane(t, 40, 10, bashScript)
	if d1.p.ID() == d2.p.ID() {
		t.Fatal("two panes share an ID")
	}
	d1.untilScreen("$")
	d2.untilScreen("$")
	if _, cmd := d1.p.Update(outputMsg{id: d2.p.ID()}); cmd != nil {
		t.Error("pane 1 handled pane 2's output message")
	}
	if _, cmd := d1.p.Update(endedMsg{id: d2.p.ID()}); cmd != nil || d1.p.Ended() {
		t.Error("pane 1 handled pane 2's end message")
	}
	d1.typeLine("echo one")
	d2.typeLine("echo two")
	d1.untilScreen("\none")
	d2.untilScreen("\ntwo")
	if strings.Contains(d1.screen(), "two") || strings.Contains(d2.screen(), "one") {
		t.Error("output crossed panes")
	}
	for _, m := range []any{LeaveMsg{ID: 7}, ClosedMsg{ID: 8}, ResizedMsg{ID: 9},
		outputMsg{id: 10}, endedMsg{id: 11}, resizeTickMsg{id: 12}} {
		if _, ok := MsgPaneID(m); !ok {
			t.Errorf("MsgPaneID(%T) not recognised", m)
		}
	}
	if _, ok := MsgPaneID(tea.KeyMsg{}); ok {
		t.Error("MsgPaneID claimed a key message")
	}
}

func TestRemoteTitleIsInert(t *testing.T) {
	script := `printf '\033]2;my\tbox\342\200\256\033\\ready\n'; sleep 5`
	d, _, _ := openPane(t, 60, 8, script)
	d.untilScreen("ready")
	top := strings.Split(d.p.View(), "\n")[0]
	if !strings.Contains(top, "web-01 · live · mybox") {
		t.Fatalf("top border = %q, want the title without controls", top)
	}
}

func TestBurstCollapsesIntoOneWake(t *testing.T) {
	script := `i=0; while [ $i -lt 3000 ]; do echo "line $i"; i=$((i+1)); done
		echo burst-done; sleep 5`
	d, _, _ := openPane(t, 40, 8, script)
	d.p.start() // goroutines only: no Cmd consumes the wake-ups yet
	deadline := time.Now().Add(waitTimeout)
	for !strings.Contains(d.screen(), "burst-done") {
		if time.Now().After(deadline) {
			t.Fatalf("burst never arrived; screen:\n%s", d.screen())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n := len(d.p.wake); n != 1 {
		t.Fatalf("%d wake-ups pending after the burst, want exactly 1", n)
	}
	if _, ok := d.p.waitOutput().(outputMsg); !ok {
		t.Fatal("pending wake-up did not turn into an output message")
	}
	if n := len(d.p.wake); n != 0 {
		t.Fatalf("%d wake-ups left after one redraw, want 0", n)
	}
}
