package demo

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// faults is the parsed fault spec (syntax in the package doc).
type faults struct {
	latency  time.Duration
	html500  float64
	truncate float64
	wsdrop   time.Duration

	mu   sync.Mutex
	dice *rand.Rand
}

// ErrUsage marks the errors of Main that come from how it was called.
var ErrUsage = errors.New("usage")

// ValidateFaults reports whether spec is a fault spec Start accepts ("" and
// "none" included), so a caller can refuse a bad one before starting.
func ValidateFaults(spec string) error {
	_, err := parseFaults(spec)
	return err
}

// parseFaults reads a spec like "latency=200ms,html500=0.2,truncate=0.1,
// wsdrop=5s,seed=3"; "" and "none" mean no faults.
func parseFaults(spec string) (*faults, error) {
	f := &faults{}
	seed := uint64(1)
	spec = strings.TrimSpace(spec)
	if spec == "none" {
		spec = ""
	}
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		key, val, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("demo: fault %q: want key=value", item)
		}
		var err error
		switch key {
		case "latency":
			f.latency, err = time.ParseDuration(val)
		case "wsdrop":
			f.wsdrop, err = time.ParseDuration(val)
		case "html500":
			f.html500, err = probability(val)
		case "truncate":
			f.truncate, err = probability(val)
		case "seed":
			seed, err = strconv.ParseUint(val, 10, 64)
		default:
			err = fmt.Errorf("unknown fault (known: latency, html500, truncate, wsdrop, seed)")
		}
		if err != nil {
			return nil, fmt.Errorf("demo: fault %q: %w", item, err)
		}
	}
	if f.latency < 0 || f.wsdrop < 0 {
		return nil, fmt.Errorf("demo: fault durations must not be negative")
	}
	f.dice = rand.New(rand.NewPCG(seed, 0x616c7061))
	return f, nil
}

func probability(s string) (float64, error) {
	p, err := strconv.ParseFloat(s, 64)
	if err == nil && (p < 0 || p > 1) {
		err = fmt.Errorf("probability %v outside [0, 1]", p)
	}
	return p, err
}

// roll returns two dice for one request, in arrival order.
func (f *faults) roll() (float64, float64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.dice.Float64(), f.dice.Float64()
}

// wrap injects latency, HTML 500 pages and truncated bodies into next.
func (f *faults) wrap(next http.Handler) http.Handler {
	if f.latency == 0 && f.html500 == 0 && f.truncate == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f.latency > 0 {
			select {
			case <-time.After(f.latency):
			case <-r.Context().Done():
				return
			}
		}
		a, b := f.roll()
		if a < f.html500 {
			htmlPage(w, http.StatusInternalServerError, "Server Error (500)", "")
			return
		}
		if b >= f.truncate {
			next.ServeHTTP(w, r)
			return
		}
		rec := &bufferedWriter{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.status)
		body := rec.buf.Bytes()
		_, _ = w.Write(body[:len(body)/2])
	})
}

// bufferedWriter holds a whole answer so that it can be cut.
type bufferedWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (bw *bufferedWriter) Header() http.Header         { return bw.header }
func (bw *bufferedWriter) WriteHeader(code int)        { bw.status = code }
func (bw *bufferedWriter) Write(p []byte) (int, error) { return bw.buf.Write(p) }
