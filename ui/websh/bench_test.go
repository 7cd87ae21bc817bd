package websh

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/charmbracelet/x/vt"
)

// benchStream builds a deterministic mix of what websh output looks like:
// coloured log lines, 256-colour and truecolor runs, CJK and Hangul,
// progress bars redrawn with CR + EL, and full-screen frames in the
// alternate screen with a scroll region scrolled past its end.
func benchStream(size int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	words := []string{"GET", "/api/servers/", "200", "ok", "user=alice", "latency", "websh",
		"서버", "연결됨", "接続", "日本語", "session", "agent", "alpamon"}
	cjk := []string{"한국어", "中文", "テキスト", "가나다라", "漢字"}
	levels := []string{"\x1b[32mINFO\x1b[0m", "\x1b[33mWARN\x1b[0m", "\x1b[1;31mERROR\x1b[0m"}
	for b.Len() < size {
		switch k := r.IntN(100); {
		case k < 40: // log line
			fmt.Fprintf(&b, "2026-01-%02d 12:%02d:%02d %s ", r.IntN(28)+1, r.IntN(60),
				r.IntN(60), levels[r.IntN(3)])
			for range 6 + r.IntN(8) {
				b.WriteString(words[r.IntN(len(words))] + " ")
			}
			b.WriteString("\r\n")
		case k < 70: // 256-colour and truecolor runs
			for range 8 + r.IntN(8) {
				if r.IntN(2) == 0 {
					fmt.Fprintf(&b, "\x1b[38;5;%dm%s", r.IntN(256), words[r.IntN(len(words))])
				} else {
					fmt.Fprintf(&b, "\x1b[38;2;%d;%d;%d;48;2;%d;%d;%dm%s ", r.IntN(256),
						r.IntN(256), r.IntN(256), r.IntN(64), r.IntN(64), r.IntN(64),
						words[r.IntN(len(words))])
				}
			}
			b.WriteString("\x1b[0m\r\n")
		case k < 80: // CJK and Hangul lines
			for range 10 + r.IntN(20) {
				b.WriteString(cjk[r.IntN(len(cjk))])
			}
			b.WriteString("\r\n")
		case k < 92: // progress bar
			for i := 0; i <= 20; i++ {
				fmt.Fprintf(&b, "\r\x1b[K[%-20s] %3d%%", bytes.Repeat([]byte("#"), i), i*5)
			}
			b.WriteString("\r\n")
		default: // full-screen frame with a scroll region
			b.WriteString("\x1b[?1049h\x1b[H\x1b[2J\x1b[5;22r")
			for y := 1; y <= 4; y++ {
				fmt.Fprintf(&b, "\x1b[%d;1H\x1b[7m top %d \x1b[0m\x1b[K", y, y)
			}
			b.WriteString("\x1b7\x1b[22;1H")
			for i := range 30 {
				fmt.Fprintf(&b, "\n\x1b[3mrow %d\x1b[0m %s\x1b[K", i, words[r.IntN(len(words))])
			}
			b.WriteString("\x1b8\x1b[r\x1b[?1049l")
		}
	}
	return b.Bytes()
}

// BenchmarkStream measures the pane's whole output path: remote bytes in
// 4 KiB frames through the emulator and its workarounds, with a rendered
// View every 64 KiB (a UI frame's worth of output at emulator speed).
func BenchmarkStream(b *testing.B) {
	stream := benchStream(2 << 20)
	for _, sz := range [][2]int{{80, 24}, {200, 50}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			b.SetBytes(int64(len(stream)))
			b.ReportAllocs()
			for b.Loop() {
				p := New(Options{Width: sz[0] + 2, Height: sz[1] + 2})
				go drain(p.term)
				for off := 0; off < len(stream); off += 4096 {
					p.term.write(stream[off:min(off+4096, len(stream))])
					if off%(64<<10) == 0 {
						_ = p.View()
					}
				}
				_ = p.View()
				p.term.closeReplies()
			}
		})
	}
}

// BenchmarkStreamRawVT is the baseline: the same stream into a bare x/vt
// emulator (no workarounds, no View), to show what the pane's path costs.
func BenchmarkStreamRawVT(b *testing.B) {
	stream := benchStream(2 << 20)
	for _, sz := range [][2]int{{80, 24}, {200, 50}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			b.SetBytes(int64(len(stream)))
			for b.Loop() {
				e := vt.NewSafeEmulator(sz[0], sz[1])
				e.SetScrollbackSize(scrollbackLines)
				go func() {
					buf := make([]byte, 256)
					for {
						if _, err := e.Read(buf); err != nil {
							return
						}
					}
				}()
				for off := 0; off < len(stream); off += 4096 {
					_, _ = e.Write(stream[off:min(off+4096, len(stream))])
				}
				_ = e.InputPipe().(interface{ Close() error }).Close()
			}
		})
	}
}
