// Command alpacon-tui is a keyboard-driven terminal UI for Alpacon
// workspaces. See README.md for the commands of a fresh machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"alpacon-tui/client"
	"alpacon-tui/config"
	"alpacon-tui/demo"
	"alpacon-tui/ui"
	"alpacon-tui/ui/signin"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit codes: 0 done, 1 a runtime failure, 2 a usage error.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	demo       bool
	url        string
	token      string
	insecure   bool
	textFrames bool
	debug      bool
	version    bool
	faults     string
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "demo-server" {
		if err := demo.Main(args[1:], stdout); err != nil {
			fmt.Fprintln(stderr, "alpacon-tui demo-server:", err)
			if errors.Is(err, demo.ErrUsage) {
				return exitUsage
			}
			return exitError
		}
		return exitOK
	}
	if len(args) > 0 && args[0] == "info" {
		if len(args) > 1 {
			fmt.Fprintln(stderr, "usage: alpacon-tui info (it takes no arguments)")
			return exitUsage
		}
		return info(stdout, stderr)
	}
	opts, code := parseFlags(args, stderr)
	if code >= 0 {
		return code
	}
	if opts.version {
		fmt.Fprintln(stdout, "alpacon-tui", version)
		return info(stdout, stderr)
	}
	if err := start(opts); err != nil {
		fmt.Fprintln(stderr, "alpacon-tui:", err)
		return exitError
	}
	return exitOK
}

// parseFlags returns the options, or an exit code ≥ 0 when it must stop.
func parseFlags(args []string, stderr io.Writer) (options, int) {
	var o options
	fs := flag.NewFlagSet("alpacon-tui", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.demo, "demo", false, "run against an embedded demo workspace on 127.0.0.1")
	fs.StringVar(&o.url, "url", "", "workspace URL, e.g. https://ws.ap1.alpacon.io")
	fs.StringVar(&o.token, "token", "", "API token of the workspace")
	fs.BoolVar(&o.insecure, "insecure", false, "skip TLS certificate checks (self-signed servers)")
	fs.BoolVar(&o.textFrames, "text-frames", false,
		"send websh input as text frames (2024 self-hosted servers)")
	fs.BoolVar(&o.debug, "debug", false, "write a debug log (its path: alpacon-tui info)")
	fs.BoolVar(&o.version, "version", false, "print the version and the paths in use")
	fs.StringVar(&o.faults, "faults", "", "with --demo: inject faults (see demo-server --help)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: alpacon-tui [flags]\n"+
			"       alpacon-tui demo-server [--addr 127.0.0.1:8000]\n"+
			"       alpacon-tui info\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, exitOK
		}
		return o, exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "alpacon-tui: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return o, exitUsage
	}
	if msg := conflict(o); msg != "" {
		fmt.Fprintln(stderr, "alpacon-tui:", msg)
		return o, exitUsage
	}
	return o, -1
}

// conflict names a combination of flags that cannot work, or returns "".
func conflict(o options) string {
	switch {
	case o.demo && (o.url != "" || o.token != ""):
		return "--demo cannot be combined with --url or --token"
	case o.faults != "" && !o.demo:
		return "--faults only works with --demo"
	case o.faults != "":
		if err := demo.ValidateFaults(o.faults); err != nil {
			return err.Error()
		}
	case o.token != "" && o.url == "":
		return "--token needs --url (the workspace it belongs to)"
	}
	return ""
}

func info(stdout, stderr io.Writer) int {
	p, err := config.DefaultPaths()
	if err != nil {
		fmt.Fprintln(stderr, "alpacon-tui:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "config: %s\ncli config: %s\nlog (with --debug): %s\n", p.Own, p.CLI, p.Log)
	return exitOK
}

// start resolves the workspace, signs in if needed and runs the TUI.
func start(o options) error {
	paths, err := config.DefaultPaths()
	// The demo reads no config file, so it runs without a home folder too,
	// unless a debug log (which lives there) was asked for.
	if err != nil && (!o.demo || o.debug) {
		return err
	}
	logger, closeLog, err := openLog(o.debug, paths.Log)
	if err != nil {
		return err
	}
	defer closeLog()
	slog.SetDefault(logger)

	if o.demo {
		return startDemo(o)
	}
	creds, err := pickCredentials(o, paths)
	if err != nil {
		return err
	}
	if !creds.Usable() {
		if creds, err = signIn(creds, o, paths); err != nil || !creds.Usable() {
			return err
		}
	}
	return runTUI(creds, o)
}

// startDemo runs the TUI against an embedded demo server, stopped on exit.
func startDemo(o options) error {
	srv, err := demo.Start(demo.Options{Addr: "127.0.0.1:0", Faults: o.faults})
	if err != nil {
		return fmt.Errorf("demo server: %w", err)
	}
	defer srv.Close()
	slog.Info("demo server started", "url", srv.URL())
	return runTUI(config.Credentials{WorkspaceURL: srv.URL(), Token: srv.Token()}, o)
}

// runTUI runs the main program on creds until the user quits.
//
// Limitation: a token that stops working while the TUI runs is reported in
// the status bar ("sign in again"), but signing in needs a restart, which
// then opens the form (remove when the root can hand over to the sign-in form).
func runTUI(creds config.Credentials, o options) error {
	c, err := newClient(creds.WorkspaceURL, o.insecure || creds.Insecure,
		client.WithToken(creds.Token))
	if err != nil {
		return err
	}
	m := ui.New(c, ui.Options{TextFrames: o.textFrames, Version: version})
	_, err = tea.NewProgram(m, tea.WithAltScreen()).Run()
	return err
}

// pickCredentials returns the first saved credentials the server accepts:
// the flags alone when given, else the CLI's file, then our own. A server
// that cannot be asked (unreachable, a 500) does not refuse: the TUI starts
// and says what is wrong. When every candidate is refused, it returns zero
// credentials carrying the URL and the reason, for the sign-in form.
func pickCredentials(o options, p config.Paths) (config.Credentials, error) {
	if o.url != "" {
		flags := config.Credentials{WorkspaceURL: o.url, Token: o.token, Source: "flags"}
		if o.token == "" {
			return flags, nil
		}
		if err := checkToken(flags, o); errors.Is(err, client.ErrUnauthenticated) {
			return config.Credentials{}, fmt.Errorf("%s refused the token given with --token: %w",
				o.url, err)
		}
		return flags, nil
	}
	var refused config.Credentials
	for _, load := range []func() (config.Credentials, error){
		func() (config.Credentials, error) { return config.LoadCLI(p.CLI) },
		func() (config.Credentials, error) { return config.LoadOwn(p.Own) },
	} {
		creds, err := load()
		if err != nil {
			return config.Credentials{}, err
		}
		if !creds.Usable() {
			continue
		}
		err = checkToken(creds, o)
		if !errors.Is(err, client.ErrUnauthenticated) {
			return creds, nil
		}
		slog.Info("saved token refused", "source", creds.Source)
		refused = config.Credentials{WorkspaceURL: creds.WorkspaceURL,
			Source: fmt.Sprintf("the token in %s was refused (%v); sign in again", creds.Source, err)}
	}
	return refused, nil
}

// checkToken asks the server whether creds still sign in.
func checkToken(creds config.Credentials, o options) error {
	c, err := newClient(creds.WorkspaceURL, o.insecure || creds.Insecure,
		client.WithToken(creds.Token))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.CheckToken(ctx)
}

func newClient(url string, insecure bool, opts ...client.Option) (*client.Client, error) {
	opts = append(opts, client.WithUserAgent("alpacon-tui/"+version),
		client.WithLogger(slog.Default()))
	if insecure {
		opts = append(opts, client.WithInsecureTLS())
	}
	return client.New(url, opts...)
}

// signIn runs the sign-in form and keeps the token in our own config file.
// prev carries the URL to start from and, in Source, why the form is shown.
func signIn(prev config.Credentials, o options, p config.Paths) (config.Credentials, error) {
	login := func(ctx context.Context, url, user, pass string) (signin.Result, error) {
		c, err := newClient(url, o.insecure)
		if err != nil {
			return signin.Result{}, err
		}
		res, err := c.Login(ctx, user, pass)
		if err != nil {
			return signin.Result{}, err
		}
		return signin.Result{URL: c.BaseURL(), Token: res.Token, ExpiresAt: res.ExpiresAt}, nil
	}
	form := signin.New(prev.WorkspaceURL, login)
	if prev.WorkspaceURL != "" && prev.Source != "flags" {
		form = form.WithNotice(prev.Source)
	}
	final, err := tea.NewProgram(form, tea.WithAltScreen()).Run()
	if err != nil {
		return config.Credentials{}, err
	}
	res := final.(signin.Model).Result()
	if res.Token == "" {
		return config.Credentials{}, nil
	}
	creds := config.Credentials{
		WorkspaceURL: res.URL, Token: res.Token, ExpiresAt: res.ExpiresAt,
		Insecure: o.insecure, Source: p.Own,
	}
	return creds, config.Save(p.Own, creds)
}

// openLog returns a file logger with --debug and a discarding one otherwise.
func openLog(debug bool, path string) (*slog.Logger, func(), error) {
	if !debug {
		return slog.New(slog.NewTextHandler(io.Discard, nil)), func() {}, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(f, "\n--- alpacon-tui %s started %s\n", version, time.Now().Format(time.RFC3339))
	h := slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug})
	return slog.New(h), func() { f.Close() }, nil
}
