package client

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Websocket close codes that mean the session ended normally: 4000 is what
// the Alpacon proxy and agent send, 1000/1001 are tolerated like the CLI.
const closeSessionEnded = 4000

const (
	sendQueue    = 64               // frames Send may queue before it blocks
	writeTimeout = 10 * time.Second // one frame write
	closeTimeout = time.Second      // the close frame on Close
)

// StreamOptions tunes a websh stream.
type StreamOptions struct {
	// TextFrames sends input as text frames, which 2024 servers need; the
	// default is binary frames, as the 2026 CLI sends.
	TextFrames bool
}

// Stream is one websh terminal: bytes in with Send, output with Recv. Send
// and Close may be called from any goroutine; Recv from one at a time.
type Stream struct {
	conn    *websocket.Conn
	msgType int
	queue   chan []byte
	done    chan struct{} // closed when the stream shuts down
	written chan struct{} // closed when the writer goroutine has ended
	closing atomic.Bool
	once    sync.Once
	werr    atomic.Pointer[error]
	end     error // what Recv returned last, kept so Recv never reads twice after the end
}

// DialWebsh connects to a websocket_url from CreateSession, JoinChannel or
// WatchSession. The URL itself is the credential; like the CLI the dial
// sends Origin (the base URL) and User-Agent, no Authorization.
func (c *Client) DialWebsh(ctx context.Context, websocketURL string,
	o StreamOptions) (*Stream, error) {
	u, err := c.websocketURL(websocketURL)
	if err != nil {
		return nil, err
	}
	d := websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 30 * time.Second}
	if c.insecure {
		d.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	h := http.Header{"Origin": {c.baseURL}, "User-Agent": {c.userAgent}}
	conn, resp, err := d.DialContext(ctx, u, h)
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	if err != nil {
		c.log.Debug("websh dial failed", "err", redactDialError(err, u))
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			return nil, &HandshakeError{Status: resp.StatusCode}
		}
		return nil, fmt.Errorf("websh: dial: %w", err)
	}
	c.log.Debug("websh connected", "text_frames", o.TextFrames)
	return newStream(conn, o), nil
}

// websocketURL resolves a websocket_url: absolute ws/wss as given, http(s)
// mapped to ws(s), a bare path joined to the base URL.
func (c *Client) websocketURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("websh: invalid websocket URL: %w", err)
	}
	if u.Scheme == "" && u.Host == "" {
		base, _ := url.Parse(c.baseURL)
		u = base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "ws", "wss":
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	default:
		return "", fmt.Errorf("websh: websocket URL has scheme %q", u.Scheme)
	}
	return u.String(), nil
}

func newStream(conn *websocket.Conn, o StreamOptions) *Stream {
	s := &Stream{
		conn:    conn,
		msgType: websocket.BinaryMessage,
		queue:   make(chan []byte, sendQueue),
		done:    make(chan struct{}),
		written: make(chan struct{}),
	}
	if o.TextFrames {
		s.msgType = websocket.TextMessage
	}
	go s.writeLoop()
	return s
}

// Send queues a copy of p as one frame, so callers may reuse p and a
// multi-byte character is never split across frames.
func (s *Stream) Send(p []byte) error {
	select { // an ended stream refuses at once, even with room in the queue
	case <-s.done:
		return net.ErrClosed
	case <-s.written:
		return s.writeErr()
	default:
	}
	frame := append([]byte(nil), p...)
	select {
	case s.queue <- frame:
		return nil
	case <-s.done:
		return net.ErrClosed
	case <-s.written:
		return s.writeErr()
	}
}

// writeLoop is the only goroutine writing data frames; on shutdown it
// flushes what is queued so "exit\r" then Close still reaches the shell.
func (s *Stream) writeLoop() {
	defer close(s.written)
	for {
		select {
		case p := <-s.queue:
			if !s.write(p) {
				return
			}
		case <-s.done:
			for {
				select {
				case p := <-s.queue:
					if !s.write(p) {
						return
					}
				default:
					return
				}
			}
		}
	}
}

func (s *Stream) write(p []byte) bool {
	_ = s.conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	if err := s.conn.WriteMessage(s.msgType, p); err != nil {
		err = fmt.Errorf("websh: send: %w", err)
		s.werr.Store(&err)
		return false
	}
	return true
}

func (s *Stream) writeErr() error {
	if p := s.werr.Load(); p != nil {
		return *p
	}
	return net.ErrClosed
}

// Recv returns the next output payload as sent, text or binary frame alike.
// A normal end (close 4000, 1000, 1001, or our own Close) gives io.EOF; any
// other end a *CloseError.
func (s *Stream) Recv() ([]byte, error) {
	if s.end != nil {
		return nil, s.end // gorilla panics on many reads of a failed connection
	}
	_, p, err := s.conn.ReadMessage()
	if err == nil {
		return p, nil
	}
	s.end = s.endError(err)
	s.shutdown(false)
	return nil, s.end
}

// endError maps a read error onto io.EOF or a *CloseError.
func (s *Stream) endError(err error) error {
	if s.closing.Load() {
		return io.EOF
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case closeSessionEnded, websocket.CloseNormalClosure, websocket.CloseGoingAway:
			return io.EOF
		}
		return &CloseError{Code: ce.Code, Reason: ce.Text}
	}
	return &CloseError{Code: websocket.CloseAbnormalClosure, Reason: err.Error()}
}

// Close ends the stream with close code 1000 after flushing queued input.
// It is safe to call more than once and after Recv has ended.
func (s *Stream) Close() error {
	s.shutdown(true)
	return nil
}

// shutdown stops the writer, optionally says goodbye with a close frame,
// and closes the connection, which also ends a blocked Recv.
func (s *Stream) shutdown(sayGoodbye bool) {
	s.once.Do(func() {
		s.closing.Store(sayGoodbye || s.closing.Load())
		close(s.done)
		select {
		case <-s.written:
		case <-time.After(closeTimeout):
			// The peer stopped reading and a write is stuck: cut it short.
			_ = s.conn.Close()
			<-s.written
		}
		if sayGoodbye {
			msg := websocket.FormatCloseMessage(websocket.CloseNormalClosure, "")
			_ = s.conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(closeTimeout))
		}
		_ = s.conn.Close()
	})
}

// redactDialError keeps the channel token of u out of a logged error.
func redactDialError(err error, u string) string {
	return strings.ReplaceAll(err.Error(), u, "<websocket url>")
}
