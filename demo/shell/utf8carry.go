package shell

import "unicode/utf8"

// utf8Carry holds the incomplete UTF-8 sequence at the end of one PTY read so that no
// websocket frame ever ends inside a rune (browsers and strict decoders would otherwise
// show U+FFFD for both halves).
type utf8Carry struct {
	pending []byte
}

// push returns a fresh slice with the pending bytes, then b, minus any incomplete rune
// at its end, which is kept for the next call. The result may be empty.
func (c *utf8Carry) push(b []byte) []byte {
	out := make([]byte, 0, len(c.pending)+len(b))
	out = append(out, c.pending...)
	out = append(out, b...)

	cut := incompleteTail(out)
	c.pending = append(c.pending[:0], out[cut:]...)

	return out[:cut]
}

// flush returns whatever is still pending (an incomplete rune at the end of the stream).
func (c *utf8Carry) flush() []byte {
	rest := c.pending
	c.pending = nil

	return rest
}

// incompleteTail returns the index where a truncated multi-byte sequence starts at the
// end of b, or len(b) when b ends on a rune boundary or with bytes that can never become
// valid (those are passed on as they are).
func incompleteTail(b []byte) int {
	// A rune is at most 4 bytes, so only the last 3 bytes can start an unfinished one.
	for i := len(b) - 1; i >= 0 && i >= len(b)-(utf8.UTFMax-1); i-- {
		c := b[i]
		if c&0xC0 == 0x80 {
			continue // continuation byte: keep looking for its lead byte
		}

		// FullRune is false only for a valid prefix that needs more bytes.
		if !utf8.FullRune(b[i:]) {
			return i
		}

		return len(b)
	}

	return len(b)
}
