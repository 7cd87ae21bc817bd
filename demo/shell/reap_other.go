//go:build !linux

package shell

// Limitation: without /proc, jobs a shell started in their own process groups survive
// it (remove when a portable session walk exists).
func killSession(sid int) {}
