package demo

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Main runs the standalone command "alpacon-tui demo-server [--addr A]
// [--faults SPEC] [--shell PROG] [--log]"; args are the flags after the
// command name. It prints exactly two lines, "url: <base URL>" and
// "token: <token of alice>", then serves until SIGINT or SIGTERM. With -h or
// --help it prints the usage to stdout and returns nil.
// A usage error (a bad flag, a stray argument, a bad fault spec) wraps
// ErrUsage, so the caller can exit with its usage code.
func Main(args []string, stdout io.Writer) error {
	return run(args, stdout, nil)
}

// run is Main with a way for tests to stop it: it also returns when stop is
// closed. It prints nothing before the server listens.
func run(args []string, stdout io.Writer, stop <-chan struct{}) error {
	return runWith(args, stdout, os.Stderr, stop)
}

// runWith is run with the standard error stream (usage on a bad flag, --log)
// as a parameter.
func runWith(args []string, stdout, stderr io.Writer, stop <-chan struct{}) error {
	// flag prints the usage while parsing; where it goes depends on why.
	var usage bytes.Buffer
	fs := flag.NewFlagSet("demo-server", flag.ContinueOnError)
	fs.SetOutput(&usage)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: alpacon-tui demo-server [flags]\n\n"+
			"Serves an Alpacon-compatible demo API with seeded data and local shells.")
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8000", "listen address (loopback only)")
	spec := fs.String("faults", os.Getenv("ALPACON_DEMO_FAULTS"),
		"fault spec, e.g. latency=200ms,html500=0.2,truncate=0.1,wsdrop=5s")
	shellProg := fs.String("shell", "", "program websh sessions run (default $SHELL, else /bin/sh)")
	logReq := fs.Bool("log", false, "log one line per request to stderr (no tokens, no bodies)")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		_, err = usage.WriteTo(stdout) // asked for, so it is output, not a failure
		return err
	} else if err != nil {
		_, _ = usage.WriteTo(stderr)
		return fmt.Errorf("%w: %w", ErrUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", ErrUsage, fs.Arg(0))
	}
	if err := ValidateFaults(*spec); err != nil {
		return fmt.Errorf("%w: %w", ErrUsage, err)
	}
	opts := Options{Addr: *addr, Faults: *spec, Shell: *shellProg}
	if opts.Faults == "" {
		opts.Faults = "none" // the flag already folded in the environment
	}
	if *logReq {
		opts.Log = stderr
	}
	srv, err := Start(opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	if _, err := fmt.Fprintf(stdout, "url: %s\ntoken: %s\n", srv.URL(), srv.Token()); err != nil {
		return err
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	select {
	case <-ctx.Done():
	case <-stop:
	}
	return srv.Close()
}
