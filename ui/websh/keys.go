package websh

import (
	tea "github.com/charmbracelet/bubbletea"
)

// keyModes are the remote's modes that change what a key sends.
type keyModes struct {
	appCursor bool // DECCKM (ESC[?1h): cursor keys send ESC O x
	bracketed bool // ESC[?2004h: pastes are wrapped in ESC[200~ .. ESC[201~
}

// Modifier parameters of the xterm "CSI 1;m x" encoding: 1 + shift + 2·alt + 4·ctrl.
const (
	modShift     = 2
	modCtrl      = 5
	modCtrlShift = 6
)

// cursorKeys maps the plain cursor keys to their final byte.
var cursorKeys = map[tea.KeyType]byte{
	tea.KeyUp: 'A', tea.KeyDown: 'B', tea.KeyRight: 'C', tea.KeyLeft: 'D',
	tea.KeyHome: 'H', tea.KeyEnd: 'F',
}

// modifiedKeys maps modified cursor keys to the "CSI 1;m x" parts.
var modifiedKeys = map[tea.KeyType]struct {
	mod   int
	final byte
}{
	tea.KeyCtrlUp: {modCtrl, 'A'}, tea.KeyCtrlDown: {modCtrl, 'B'},
	tea.KeyCtrlRight: {modCtrl, 'C'}, tea.KeyCtrlLeft: {modCtrl, 'D'},
	tea.KeyCtrlHome: {modCtrl, 'H'}, tea.KeyCtrlEnd: {modCtrl, 'F'},
	tea.KeyShiftUp: {modShift, 'A'}, tea.KeyShiftDown: {modShift, 'B'},
	tea.KeyShiftRight: {modShift, 'C'}, tea.KeyShiftLeft: {modShift, 'D'},
	tea.KeyShiftHome: {modShift, 'H'}, tea.KeyShiftEnd: {modShift, 'F'},
	tea.KeyCtrlShiftUp: {modCtrlShift, 'A'}, tea.KeyCtrlShiftDown: {modCtrlShift, 'B'},
	tea.KeyCtrlShiftRight: {modCtrlShift, 'C'}, tea.KeyCtrlShiftLeft: {modCtrlShift, 'D'},
	tea.KeyCtrlShiftHome: {modCtrlShift, 'H'}, tea.KeyCtrlShiftEnd: {modCtrlShift, 'F'},
}

// fixedKeys are the keys whose bytes depend on no mode (xterm defaults).
var fixedKeys = map[tea.KeyType]string{
	tea.KeyShiftTab: "\x1b[Z",
	tea.KeySpace:    " ",
	tea.KeyInsert:   "\x1b[2~", tea.KeyDelete: "\x1b[3~",
	tea.KeyPgUp: "\x1b[5~", tea.KeyPgDown: "\x1b[6~",
	tea.KeyCtrlPgUp: "\x1b[5;5~", tea.KeyCtrlPgDown: "\x1b[6;5~",
	tea.KeyF1: "\x1bOP", tea.KeyF2: "\x1bOQ", tea.KeyF3: "\x1bOR", tea.KeyF4: "\x1bOS",
	tea.KeyF5: "\x1b[15~", tea.KeyF6: "\x1b[17~", tea.KeyF7: "\x1b[18~",
	tea.KeyF8: "\x1b[19~", tea.KeyF9: "\x1b[20~", tea.KeyF10: "\x1b[21~",
	tea.KeyF11: "\x1b[23~", tea.KeyF12: "\x1b[24~",
	tea.KeyF13: "\x1b[25~", tea.KeyF14: "\x1b[26~", tea.KeyF15: "\x1b[28~",
	tea.KeyF16: "\x1b[29~", tea.KeyF17: "\x1b[31~", tea.KeyF18: "\x1b[32~",
	tea.KeyF19: "\x1b[33~", tea.KeyF20: "\x1b[34~",
}

// keyBytes returns the bytes an xterm sends for k, given the remote's modes;
// nil for a key with no encoding. Alt prefixes ESC, as xterm's metaSendsEscape.
func keyBytes(k tea.KeyMsg, m keyModes) []byte {
	if k.Paste {
		return pasteBytes(k.Runes, m.bracketed)
	}
	b := baseKeyBytes(k, m)
	if b == nil || !k.Alt {
		return b
	}
	return append([]byte{0x1b}, b...)
}

// baseKeyBytes encodes k without its Alt modifier.
func baseKeyBytes(k tea.KeyMsg, m keyModes) []byte {
	switch {
	case k.Type == tea.KeyRunes:
		return []byte(string(k.Runes))
	case k.Type >= 0 && k.Type <= 31 || k.Type == 127:
		// ctrl+@ .. ctrl+_, enter, tab, esc and backspace are their C0 byte.
		return []byte{byte(k.Type)}
	}
	if f, ok := cursorKeys[k.Type]; ok {
		if m.appCursor {
			return []byte{0x1b, 'O', f}
		}
		return []byte{0x1b, '[', f}
	}
	if mk, ok := modifiedKeys[k.Type]; ok {
		return []byte{0x1b, '[', '1', ';', byte('0' + mk.mod), mk.final}
	}
	if s, ok := fixedKeys[k.Type]; ok {
		return []byte(s)
	}
	return nil
}

// pasteBytes returns pasted text, bracketed when the remote asked for it.
// ESC bytes inside a bracketed paste are dropped so pasted text cannot end
// the bracket early and inject keystrokes (as xterm's allowPasteControls=false).
func pasteBytes(r []rune, bracketed bool) []byte {
	text := string(r)
	if !bracketed {
		return []byte(text)
	}
	out := make([]byte, 0, len(text)+12)
	out = append(out, "\x1b[200~"...)
	for i := 0; i < len(text); i++ {
		if text[i] != 0x1b {
			out = append(out, text[i])
		}
	}
	return append(out, "\x1b[201~"...)
}
