//go:build unix

package shell

import (
	"fmt"
	"testing"

	"github.com/gorilla/websocket"
)

// BenchmarkOutput measures shell output through the PTY and one websocket conn (the
// test client's bookkeeping included, so it is a lower bound).
func BenchmarkOutput(b *testing.B) {
	const size = 4 << 20

	s := startShell(b, Options{})
	c := newBridge(b, s).dial(AttachOptions{Master: true})
	c.waitFor(prompt)

	b.SetBytes(size)
	b.ResetTimer()
	for i := range b.N {
		c.send(websocket.TextMessage, fmt.Sprintf(
			"head -c %d /dev/zero | tr '\\0' x; echo; echo bench-%d-$((1+1))\r", size, i))
		c.waitFor(fmt.Sprintf("bench-%d-2", i))

		b.StopTimer()
		c.mu.Lock()
		c.out.Reset() // keeps waitFor cheap
		c.mu.Unlock()
		b.StartTimer()
	}
}
