package userform

import (
	"os"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"alpacon-tui/keymap"
	"alpacon-tui/model"
	"alpacon-tui/ui/theme"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var alice = model.User{
	ID: "u1", Username: "alice", FirstName: "Alice", LastName: "Kim",
	Email: "alice@example.com", Shell: "/bin/bash", IsActive: true, IsStaff: true,
	IsSuperuser: true,
}

func newForm() Model {
	m := New(alice, keymap.DefaultKeyMap(), theme.DefaultStyles().Form)
	m.SetSize(80, 30)
	return m
}

func keys(m Model, msgs ...tea.KeyMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	for _, k := range msgs {
		m, cmd = m.Update(k)
	}
	return m, cmd
}

var (
	tab    = tea.KeyMsg{Type: tea.KeyTab}
	stab   = tea.KeyMsg{Type: tea.KeyShiftTab}
	space  = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
	ctrlS  = tea.KeyMsg{Type: tea.KeyCtrlS}
	enter  = tea.KeyMsg{Type: tea.KeyEnter}
	esc    = tea.KeyMsg{Type: tea.KeyEsc}
	ctrlU  = tea.KeyMsg{Type: tea.KeyCtrlU}
	typeIn = func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
)

func TestSubmitSendsOnlyChanges(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.KeyMsg
		want map[string]any
	}{
		{"email", []tea.KeyMsg{tab, tab, ctrlU, typeIn("a@b.io"), ctrlS},
			map[string]any{"email": "a@b.io"}},
		{"superuser off", []tea.KeyMsg{stab, stab, space, ctrlS},
			map[string]any{"is_superuser": false}},
		{"enter on save button", []tea.KeyMsg{typeIn("!"), stab, enter},
			map[string]any{"first_name": "Alice!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, cmd := keys(newForm(), tt.keys...)
			if cmd == nil || !m.Saving() {
				t.Fatalf("no submit (saving=%v)", m.Saving())
			}
			got, ok := cmd().(SubmitMsg)
			if !ok || got.UserID != "u1" || !reflect.DeepEqual(got.Changes, tt.want) {
				t.Fatalf("submit %#v, want %v", got, tt.want)
			}
		})
	}
}

func TestNothingToSave(t *testing.T) {
	m, cmd := keys(newForm(), ctrlS)
	if cmd != nil || m.Saving() {
		t.Fatal("an unchanged form must not submit")
	}
	if !strings.Contains(m.View(), "nothing to save") {
		t.Fatalf("no notice:\n%s", m.View())
	}
}

func TestShowErrors(t *testing.T) {
	m, _ := keys(newForm(), tab, tab, ctrlU, typeIn("not-an-email"), tab, ctrlS)
	m.ShowErrors(Errors{
		Fields:   map[string][]string{"email": {"Enter a valid email address."}, "uid": {"bad"}},
		NonField: []string{"top \x1b[31m"},
	})
	if m.Focused() != "email" || m.Saving() {
		t.Fatalf("focus %q saving %v", m.Focused(), m.Saving())
	}
	if m.Edit().Email != "not-an-email" {
		t.Fatalf("typed value lost: %q", m.Edit().Email)
	}
	v := m.View()
	wants := []string{"✗ Enter a valid email address.", ">! Email", "uid: bad", "top ^[[31m"}
	for _, want := range wants {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	m, _ = keys(m, typeIn("x"))
	if v := m.View(); !strings.Contains(v, "top ^[[31m") || !strings.Contains(v, "uid: bad") {
		t.Error("the non-field errors should stay until the next save")
	}
}

func TestCancel(t *testing.T) {
	_, cmd := keys(newForm(), esc)
	if cmd == nil {
		t.Fatal("esc gave no command")
	}
	if _, ok := cmd().(CancelMsg); !ok {
		t.Fatal("esc should cancel")
	}
}

func TestCancelDirtyAsksFirst(t *testing.T) {
	m, cmd := keys(newForm(), typeIn("x"), esc)
	if cmd != nil || !strings.Contains(m.View(), "unsaved changes") {
		t.Fatalf("first esc on a dirty form should ask:\n%s", m.View())
	}
	if _, cmd = keys(m, esc); cmd == nil {
		t.Fatal("second esc should cancel")
	}
	m, _ = keys(m, typeIn("y"))
	if _, cmd = keys(m, esc); cmd != nil {
		t.Fatal("a key between the two esc presses should reset the question")
	}
}

func TestDirtyAndInertBaseline(t *testing.T) {
	u := alice
	u.FirstName = "Eve\x1b[2J"
	m := New(u, keymap.DefaultKeyMap(), theme.DefaultStyles().Form)
	m.SetSize(60, 20)
	if m.Dirty() {
		t.Fatal("an untouched form with control characters must not be dirty")
	}
	if strings.Contains(m.View(), "\x1b") {
		t.Fatal("escape reached the view")
	}
	m, _ = keys(m, space)
	if !m.Dirty() {
		t.Fatal("typing should make the form dirty")
	}
}

func TestSmallHeightFollowsFocus(t *testing.T) {
	m := newForm()
	m.SetSize(40, 4)
	m, _ = keys(m, stab)
	v := m.View()
	if len(strings.Split(v, "\n")) != 4 || !strings.Contains(v, "Save") {
		t.Fatalf("focused button not shown:\n%s", v)
	}
}

// refused submits the form with the email changed and feeds back errors.
func refused(t *testing.T) Model {
	t.Helper()
	m, _ := keys(newForm(), tab, tab, ctrlU, typeIn("bad"), ctrlS)
	m.ShowErrors(Errors{
		Fields:   map[string][]string{"email": {"Enter a valid email address."}},
		NonField: []string{"Something about the whole user."},
	})
	return m
}

func TestFieldErrorClearsWhenTheFieldChanges(t *testing.T) {
	tests := []struct {
		name      string
		keys      []tea.KeyMsg
		fieldGone bool
	}{
		{"typing in the field", []tea.KeyMsg{typeIn("x")}, true},
		{"moving away unchanged", []tea.KeyMsg{tab, stab}, false},
		{"changing another field", []tea.KeyMsg{stab, typeIn("x")}, false},
		{"a key that changes nothing", []tea.KeyMsg{{Type: tea.KeyLeft}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := refused(t)
			if m.Focused() != "email" {
				t.Fatalf("focus %q", m.Focused())
			}
			shared := m.errs.Fields
			m, _ = keys(m, tt.keys...)
			v := m.View()
			if gone := !strings.Contains(v, "Enter a valid email address."); gone != tt.fieldGone {
				t.Fatalf("field error gone = %v, want %v:\n%s", gone, tt.fieldGone, v)
			}
			if !strings.Contains(v, "Something about the whole user.") {
				t.Fatalf("the non-field box must stay until the next save:\n%s", v)
			}
			if len(shared["email"]) == 0 {
				t.Fatal("the earlier value of the form was changed too")
			}
		})
	}
}

func TestNothingToSaveDropsStaleErrors(t *testing.T) {
	m := refused(t)
	m, _ = keys(m, ctrlU, typeIn(alice.Email), ctrlS)
	v := m.View()
	if !strings.Contains(v, "nothing to save") || strings.Contains(v, "whole user") ||
		strings.Contains(v, "valid email") {
		t.Fatalf("stale errors with nothing to save:\n%s", v)
	}
}
