//go:build race

package main

// raceBuild makes TestMain build the end-to-end binary with the race
// detector when the tests themselves run with -race, so races on the real
// start-up and UI paths fail the suite too.
const raceBuild = true
