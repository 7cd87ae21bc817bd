//go:build linux

package shell

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// killSession sends SIGKILL to every live process of session sid: the jobs a shell left
// behind in their own process groups (`sleep 1000 &`, nohup) which a group signal misses.
// It rescans a few times because a member may fork while it is being killed.
func killSession(sid int) {
	for range 5 {
		members := sessionMembers(sid)
		if len(members) == 0 {
			return
		}
		for _, pid := range members {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// sessionMembers lists the live (non-zombie) processes whose session id is sid.
func sessionMembers(sid int) []int {
	dir, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}

	var pids []int
	for _, e := range dir {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if s, live := sessionOf(pid); live && s == sid {
			pids = append(pids, pid)
		}
	}

	return pids
}

// sessionOf reads the session id of pid from /proc/<pid>/stat; live is false for a
// zombie or a process that is gone.
func sessionOf(pid int) (sid int, live bool) {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}

	// Fields after the parenthesised command name: state ppid pgrp session ...
	end := strings.LastIndexByte(string(stat), ')')
	fields := strings.Fields(string(stat[end+1:]))
	if len(fields) < 4 || fields[0] == "Z" {
		return 0, false
	}
	sid, err = strconv.Atoi(fields[3])

	return sid, err == nil
}
