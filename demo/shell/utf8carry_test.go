package shell

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestUTF8Carry(t *testing.T) {
	han := []byte("한")   // 3 bytes
	smile := []byte("😀") // 4 bytes
	tests := []struct {
		name   string
		chunks [][]byte
		want   [][]byte // what each push returns
		rest   string   // what flush returns at the end
	}{
		{"ascii", [][]byte{[]byte("ab"), []byte("c")}, [][]byte{[]byte("ab"), []byte("c")}, ""},
		{"3-byte rune split 1+2", [][]byte{append([]byte("a"), han[:1]...), han[1:]},
			[][]byte{[]byte("a"), han}, ""},
		{"3-byte rune split 2+1", [][]byte{han[:2], han[2:]}, [][]byte{{}, han}, ""},
		{"4-byte rune over three reads", [][]byte{smile[:1], smile[1:3], smile[3:]},
			[][]byte{{}, {}, smile}, ""},
		{"truncated at end of stream", [][]byte{append([]byte("x"), smile[:3]...)},
			[][]byte{[]byte("x")}, string(smile[:3])},
		{"invalid bytes pass through", [][]byte{{'a', 0xff}, {0x80, 'b'}},
			[][]byte{{'a', 0xff}, {0x80, 'b'}}, ""},
		{"lead byte then ascii", [][]byte{{0xed}, []byte("z")}, [][]byte{{}, {0xed, 'z'}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c utf8Carry
			for i, chunk := range tt.chunks {
				if got := c.push(chunk); !bytes.Equal(got, tt.want[i]) {
					t.Errorf("push %d = %q, want %q", i, got, tt.want[i])
				}
			}
			if got := string(c.flush()); got != tt.rest {
				t.Errorf("flush = %q, want %q", got, tt.rest)
			}
		})
	}
}

// FuzzUTF8Carry checks that any split of valid UTF-8 yields only whole runes per frame
// and loses or reorders no byte.
func FuzzUTF8Carry(f *testing.F) {
	f.Add("한글 😀 mixed ascii", uint8(3))
	f.Add("é", uint8(1))
	f.Fuzz(func(t *testing.T, s string, step uint8) {
		if !utf8.ValidString(s) {
			return
		}
		n := int(step%7) + 1

		var c utf8Carry
		var all []byte
		for i := 0; i < len(s); i += n {
			frame := c.push([]byte(s[i:min(i+n, len(s))]))
			if !utf8.Valid(frame) {
				t.Fatalf("frame %q is not valid UTF-8", frame)
			}
			all = append(all, frame...)
		}
		all = append(all, c.flush()...)
		if string(all) != s {
			t.Fatalf("reassembled %q, want %q", all, s)
		}
	})
}
