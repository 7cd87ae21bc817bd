package websh

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/gorilla/websocket"
)

// This file is the tests' remote end: an httptest server that upgrades to
// a websocket and bridges it to a real shell under a real PTY, like the
// Alpacon agent does, plus a PATCH endpoint that resizes that PTY.

// waitTimeout bounds every wait on the shell; the waits poll, they never
// assert on time.
const waitTimeout = 15 * time.Second

// shellServer is one remote session.
type shellServer struct {
	t     *testing.T
	srv   *httptest.Server
	mu    sync.Mutex
	input []byte // every byte the client sent, in order
	ws    *websocket.Conn
	ptmx  *os.File
	cmd   *exec.Cmd
	home  string
	ready chan error // the shell started (nil) or failed
}

// bashScript starts an interactive bash with a fixed prompt and no rc files.
const bashScript = ""

// startShell serves one session of rows x cols running script under sh -c,
// or an interactive bash when script is empty, and dials it.
func startShell(t *testing.T, rows, cols int, script string) (*shellServer, *wsConn) {
	t.Helper()
	s := &shellServer{t: t, home: t.TempDir(), ready: make(chan error, 1)}
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		s.serveWS(w, r, rows, cols, script)
	})
	mux.HandleFunc("PATCH /resize", s.serveResize)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.close)

	url := "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/ws"
	c, resp, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	resp.Body.Close()
	if err := <-s.ready; err != nil {
		t.Fatalf("start shell: %v", err)
	}
	return s, &wsConn{c: c}
}

func (s *shellServer) serveWS(w http.ResponseWriter, r *http.Request,
	rows, cols int, script string) {
	up := websocket.Upgrader{}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	cmd := exec.Command("bash", "--norc", "--noprofile", "-i")
	if script != "" {
		cmd = exec.Command("sh", "-c", script)
	}
	cmd.Dir = s.home
	cmd.Env = []string{"TERM=xterm-256color", "LANG=C.UTF-8", "PS1=$ ", "HOME=" + cmd.Dir,
		"PATH=" + os.Getenv("PATH"), "INPUTRC=/dev/null", "HISTFILE=/dev/null"}
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(rows), Cols: uint16(cols)})
	if err != nil {
		s.ready <- err
		ws.Close()
		return
	}
	s.mu.Lock()
	s.ws, s.ptmx, s.cmd = ws, ptmx, cmd
	s.mu.Unlock()
	s.ready <- nil

	go s.clientToPTY(ws, ptmx)
	s.ptyToClient(ws, ptmx)
	_ = cmd.Wait()
}

// clientToPTY records and forwards every frame from the client.
func (s *shellServer) clientToPTY(ws *websocket.Conn, ptmx *os.File) {
	for {
		_, b, err := ws.ReadMessage()
		if err != nil {
			_ = ptmx.Close()
			return
		}
		s.mu.Lock()
		s.input = append(s.input, b...)
		s.mu.Unlock()
		_, _ = ptmx.Write(b)
	}
}

// ptyToClient sends the shell's output, then closes with 4000 (the normal
// end of a websh session) once the shell is gone.
func (s *shellServer) ptyToClient(ws *websocket.Conn, ptmx *os.File) {
	buf := make([]byte, 32*1024)
	for {
		n, err := ptmx.Read(buf)
		if n > 0 {
			if ws.WriteMessage(websocket.BinaryMessage, buf[:n]) != nil {
				return
			}
		}
		if err != nil {
			break
		}
	}
	msg := websocket.FormatCloseMessage(4000, "session closed")
	_ = ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
	_ = ws.Close()
}

// serveResize is the PATCH of the session: it resizes the PTY.
func (s *shellServer) serveResize(w http.ResponseWriter, r *http.Request) {
	var body struct{ Rows, Cols int }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Rows < 1 || body.Cols < 1 {
		http.Error(w, "bad size", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	ptmx := s.ptmx
	s.mu.Unlock()
	ws := &pty.Winsize{Rows: uint16(body.Rows), Cols: uint16(body.Cols)}
	if ptmx == nil || pty.Setsize(ptmx, ws) != nil {
		http.Error(w, "no pty", http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// patch sends the resize PATCH, as client.ResizeSession does.
func (s *shellServer) patch(rows, cols int) error {
	body := fmt.Sprintf(`{"rows":%d,"cols":%d}`, rows, cols)
	req, err := http.NewRequest(http.MethodPatch, s.srv.URL+"/resize", strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("resize: HTTP %d", resp.StatusCode)
	}
	return nil
}

// drop cuts the TCP connection without a close frame.
func (s *shellServer) drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws != nil {
		_ = s.ws.UnderlyingConn().Close()
	}
}

// received returns a copy of what the client has sent so far.
func (s *shellServer) received() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]byte(nil), s.input...)
}

// waitReceived waits until at least n bytes arrived and returns them all.
func (s *shellServer) waitReceived(t *testing.T, n int) []byte {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		b := s.received()
		if len(b) >= n || time.Now().After(deadline) {
			return b
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (s *shellServer) close() {
	s.mu.Lock()
	ws, cmd := s.ws, s.cmd
	s.mu.Unlock()
	if ws != nil {
		_ = ws.Close()
	}
	if cmd != nil && cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
	s.srv.Close()
}

// wsConn is the client end, mapped onto Conn the way client.Stream is
// specified: io.EOF on close codes 4000/1000/1001, a close-coded error
// otherwise (1006 for a dropped connection).
type wsConn struct {
	c *websocket.Conn
}

func (w *wsConn) Send(p []byte) error { return w.c.WriteMessage(websocket.BinaryMessage, p) }

func (w *wsConn) Recv() ([]byte, error) {
	_, b, err := w.c.ReadMessage()
	if err == nil {
		return b, nil
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4000, websocket.CloseNormalClosure, websocket.CloseGoingAway:
			return nil, io.EOF
		}
		return nil, &closeError{code: ce.Code, reason: ce.Text}
	}
	return nil, &closeError{code: websocket.CloseAbnormalClosure, reason: "connection dropped"}
}

func (w *wsConn) Close() error { return w.c.Close() }

// closeError carries a close code like client.CloseError.
type closeError struct {
	code   int
	reason string
}

func (e *closeError) Error() string       { return fmt.Sprintf("closed %d: %s", e.code, e.reason) }
func (e *closeError) CloseCode() int      { return e.code }
func (e *closeError) CloseReason() string { return e.reason }
