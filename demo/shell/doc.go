// Package shell runs local shells on pseudo-terminals for the embedded demo server and
// bridges them to websh websockets.
//
// One Session is one shell on one PTY. Any number of websocket conns may be attached to
// it with Session.Attach; every conn receives all PTY output as binary frames, and every
// conn that is not read-only may type into the shell (text and binary frames alike).
//
// Output the shell writes while no conn is attached (the first prompt, above all) is
// kept, up to 64 KiB, and handed to the next conn that attaches.
//
// Who ends what:
//   - the shell exiting (or Session.Close) ends the session: every attached conn gets a
//     close frame with code CloseSessionEnded (4000) and its Attach returns nil; jobs the
//     shell left running in its session are killed;
//   - the master conn (AttachOptions.Master) going away, for any reason, closes the session;
//   - a non-master (shared) conn going away ends nothing but its own Attach call.
//
// Faults for client tests: AttachOptions.DropAfter/DropCode drop one conn after a delay,
// and Session.Drop drops every conn now. DropAbrupt closes the TCP connection without a
// close frame (the client sees 1006); any other code sends that close code first (1011 is
// the usual "server error").
//
// Flow control: each conn has a bounded output queue. When the queue of the master conn
// or of any writable conn is full, the PTY reader waits for room, so the shell blocks in
// write(2) as on a real terminal and every conn gets output at the pace of the slowest of
// those (AttachOptions.Overflow changes that per conn). A read-only conn never holds the
// shell back: when it falls too far behind it is dropped with CloseQueueOverflow (1008).
// That close frame is best effort: it is sent once the frame in flight is out, within a
// second; a client that has stopped reading altogether sees 1006 instead.
package shell
