package demo

import (
	"strconv"
	"time"
)

// seedBase is when the seeded workspace was set up; every seeded date
// derives from it, so the data reads the same on every start.
var seedBase = time.Date(2024, 3, 4, 9, 30, 0, 0, kst)

// seedUser is one seeded IAM user.
type seedUser struct {
	username, first, last, phone, tags, shell string
	staff, superuser, inactive                bool
}

var seedUsers = []seedUser{
	{"alice", "Alice", "Kim", "+82 10-2024-0001", "#admin, #ops", "/bin/bash", true, true, false},
	{"bob", "Bob", "Lee", "+82 10-2024-0002", "#ops", "/bin/bash", true, false, false},
	{"carol", "Carol", "Jung", "", "#ops, #security", "/bin/zsh", true, false, false},
	{"dave", "Dave", "Park", "+1 415-555-0104", "#dev", "/bin/bash", false, false, false},
	{"erin", "Erin", "Choi", "", "#dev", "/bin/bash", false, false, false},
	{"frank", "Frank", "Miller", "", "#dev, #frontend", "/bin/zsh", false, false, false},
	{"grace", "Grace", "Hopper", "+1 212-555-0107", "#dev", "/bin/bash", false, false, false},
	{"heidi", "Heidi", "Klum", "", "#ops", "/bin/bash", false, false, false},
	{"ivan", "Ivan", "Petrov", "", "#dba", "/bin/bash", false, false, false},
	{"judy", "Judy", "Garland", "", "#dba", "/bin/bash", false, false, false},
	{"mallory", "Mallory", "Knox", "", "", "/bin/sh", false, false, false},
	{"niaj", "Niaj", "Mahmoud", "", "#dev", "/bin/bash", false, false, false},
	{"olivia", "Olivia", "Brown", "+44 20 7946 0013", "#qa", "/bin/bash", false, false, false},
	{"peggy", "Peggy", "Carter", "", "#qa", "/bin/bash", false, false, false},
	{"rupert", "Rupert", "Green", "", "", "/bin/bash", false, false, false},
	{"sybil", "Sybil", "Trelawney", "", "#data", "/bin/bash", false, false, false},
	{"trent", "Trent", "Reznor", "", "#ops", "/bin/bash", false, false, false},
	{"victor", "Victor", "Hugo", "", "#dev", "/bin/bash", false, false, false},
	{"walter", "Walter", "White", "", "#data", "/bin/bash", false, false, false},
	{"minjun", "민준", "김", "+82 10-3141-5926", "#dev, #backend", "/bin/bash", false, false, false},
	{"seoyeon", "서연", "이", "+82 10-2718-2818", "#ops", "/bin/bash", false, false, false},
	{"jiwoo", "지우", "박", "", "#dev", "/bin/zsh", false, false, false},
	{"hayoon", "하윤", "최", "+82 10-1414-2135", "#design", "/bin/bash", false, false, false},
	{"doyun", "도윤", "정", "", "#dba", "/bin/bash", false, false, false},
	{"seojun", "서준", "강", "", "#dev", "/bin/bash", false, false, false},
	{"jiho", "지호", "조", "", "#qa", "/bin/bash", false, false, false},
	{"yerin", "예린", "윤", "+82 2-555-0128", "#data", "/bin/bash", false, false, false},
	{"eunwoo", "은우", "장", "", "#ops", "/bin/bash", false, false, false},
	{"yuna", "유나", "한", "", "", "/bin/bash", false, false, false},
	{"zoe", "Zoe", "Saldana", "", "#former", "/bin/bash", false, false, true},
}

// seedGroup is one seeded group beside alpacon: owner, managers, members
// and servers by name.
type seedGroup struct {
	name, display, tags, descr string
	owners, managers, members  []string
	servers                    []string
}

var seedGroups = []seedGroup{
	{"developers", "Developers", "#dev", "Application developers.",
		[]string{"dave"}, []string{"erin"},
		[]string{"frank", "grace", "niaj", "minjun", "jiwoo", "seojun", "victor"},
		[]string{"web-01", "web-02", "web-03", "api-01", "api-02", "worker-01"}},
	{"operators", "Operators", "#ops", "Operations and database administration.",
		[]string{"carol"}, []string{"heidi"},
		[]string{"ivan", "judy", "seoyeon", "doyun", "trent", "eunwoo"},
		[]string{"db-01", "db-02", "db-03", "cache-01", "worker-01", "new-01"}},
}

// seedServer is one seeded server; an empty ip means it never connected.
type seedServer struct {
	name, ip, osName, osVersion, cpu string
	cores                            int
	memGiB                           int64
	load                             float64
	connected, commissioned          bool
	owner                            string
	status                           string // ok, warn, error or "" (none yet)
	descr                            string
}

const (
	xeon = "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz"
	epyc = "AMD EPYC 7R13 Processor"
	grav = "ARM Neoverse-N1 (AWS Graviton2)"
)

var seedServers = []seedServer{
	{"web-01", "10.0.1.11", "ubuntu", "22.04", xeon, 4, 16, 0.42, true, true, "alice", "ok",
		"Public web front, nginx."},
	{"web-02", "10.0.1.12", "ubuntu", "22.04", xeon, 4, 16, 0.37, true, true, "alice", "ok", ""},
	{"web-03", "10.0.1.13", "ubuntu", "24.04", epyc, 8, 32, 1.85, true, true, "dave", "warn",
		"Canary for the 24.04 upgrade."},
	{"api-01", "10.0.2.21", "debian", "12", epyc, 8, 32, 0.91, true, true, "bob", "ok", ""},
	{"api-02", "10.0.2.22", "debian", "12", epyc, 8, 32, 0.88, true, true, "bob", "ok", ""},
	{"db-01", "10.0.3.31", "rocky", "9.3", xeon, 16, 128, 2.40, true, true, "carol", "ok",
		"PostgreSQL 16 primary."},
	{"db-02", "10.0.3.32", "rocky", "9.3", xeon, 16, 128, 0.65, true, true, "carol", "ok",
		"PostgreSQL 16 replica."},
	{"db-03", "10.0.3.33", "rocky", "9.3", xeon, 16, 128, 0, false, true, "carol", "error",
		"Replica under maintenance."},
	{"cache-01", "10.0.4.41", "amzn", "2023", grav, 2, 8, 0.12, true, true, "heidi", "ok", ""},
	{"worker-01", "10.0.5.51", "ubuntu", "22.04", grav, 4, 16, 3.10, true, true, "alice", "warn",
		"Batch jobs."},
	{"bastion-01", "10.0.0.10", "ubuntu", "24.04", grav, 2, 4, 0.03, true, true, "alice", "ok",
		"Jump host, open to everyone."},
	{"new-01", "", "", "", "", 0, 0, 0, false, false, "carol", "", "Waiting for alpamon."},
}

var statuses = map[string]serverStatus{
	"ok": {code: "ok", text: "Good", color: "success"},
	"warn": {code: "warn", text: "Warning", color: "warning",
		messages: []string{"High load average."}},
	"error": {code: "error", text: "Error", color: "danger",
		messages: []string{"Server is not connected."}},
}

// seed fills st with the demo workspace; now anchors uptimes and the
// recent websh history.
func seed(st *store, now time.Time) {
	alpacon := &group{id: st.newID(), name: defaultGroup, display: "Alpacon",
		descr: "Default group of every user.", gid: st.nextGID, added: seedBase, updated: seedBase}
	st.nextGID++
	st.groups = append(st.groups, alpacon)
	for i, su := range seedUsers {
		seedOneUser(st, su, i, alpacon)
	}
	for i, ss := range seedServers {
		seedOneServer(st, ss, i, now)
	}
	for i, sg := range seedGroups {
		seedOneGroup(st, sg, i)
	}
	st.serverByName("bastion-01").attach(alpacon)
	seedHistory(st, now)
}

func seedOneUser(st *store, su seedUser, i int, alpacon *group) {
	joined := seedBase.Add(time.Duration(i) * 26 * time.Hour)
	u := &user{id: st.newID(), username: su.username, password: SeedPassword,
		first: su.first, last: su.last, email: su.username + "@example.com",
		phone: su.phone, tags: su.tags, shell: su.shell, home: "/home/" + su.username,
		uid: st.nextUID, active: !su.inactive, staff: su.staff || su.superuser,
		superuser: su.superuser, joined: joined, added: joined, updated: joined}
	st.nextUID++
	if i < 5 {
		last := seedBase.AddDate(0, 6, i)
		u.lastLogin, u.lastLoginIP = &last, "10.0.0."+strconv.Itoa(100+i)
	}
	st.users = append(st.users, u)
	st.addMember(alpacon, u, roleMember, joined)
}

func seedOneServer(st *store, ss seedServer, i int, now time.Time) {
	added := seedBase.Add(time.Duration(i) * 3 * time.Hour)
	sv := &server{id: st.newID(), name: ss.name, descr: ss.descr,
		owner: st.userByName(ss.owner).id, remoteIP: ss.ip, connected: ss.connected,
		commission: ss.commissioned, enabled: true, cpuType: ss.cpu, cpuPhys: ss.cores / 2,
		cpuLogical: ss.cores, memory: ss.memGiB << 30, osName: ss.osName,
		osVersion: ss.osVersion, load: ss.load, added: added, updated: added}
	if st, ok := statuses[ss.status]; ok {
		sv.status = &st
	}
	if ss.commissioned {
		sv.version, sv.osquery = "1.4.2", "5.12.1"
		sv.sysUsers = []string{"root", "daemon", "nobody"}
		sv.sysGroups = []string{"root", "daemon", "nogroup"}
		switch ss.osName {
		case "ubuntu":
			sv.sysUsers = append(sv.sysUsers, "ubuntu", "www-data")
		case "rocky":
			sv.sysUsers = append(sv.sysUsers, "postgres")
			sv.sysGroups = append(sv.sysGroups, "postgres")
		case "amzn":
			sv.sysUsers = append(sv.sysUsers, "ec2-user")
		}
	}
	if ss.connected {
		boot := now.Add(-time.Duration(3+i*5) * 24 * time.Hour)
		sv.boot, sv.start, sv.lastSeen = &boot, &boot, &now
		sv.uptime = now.Sub(boot).Seconds()
	} else if ss.commissioned {
		seen := now.Add(-50 * time.Hour)
		sv.lastSeen = &seen
	}
	st.servers = append(st.servers, sv)
}

func seedOneGroup(st *store, sg seedGroup, i int) {
	at := seedBase.Add(time.Duration(40+i) * 24 * time.Hour)
	g := &group{id: st.newID(), name: sg.name, display: sg.display, tags: sg.tags,
		descr: sg.descr, gid: st.nextGID, added: at, updated: at}
	st.nextGID++
	st.groups = append(st.groups, g)
	add := func(names []string, role string) {
		for _, n := range names {
			st.addMember(g, st.userByName(n), role, at)
		}
	}
	add(sg.owners, roleOwner)
	add(sg.managers, roleManager)
	add(sg.members, roleMember)
	for _, n := range sg.servers {
		st.serverByName(n).attach(g)
	}
}

func (sv *server) attach(g *group) { g.servers = append(g.servers, sv.id) }

// seedHistory adds closed websh sessions, notes and stars, so that those
// lists are not empty on a fresh start.
func seedHistory(st *store, now time.Time) {
	past := []struct{ user, server, as string }{
		{"alice", "web-01", "root"}, {"dave", "web-03", "dave"}, {"carol", "db-01", "postgres"},
	}
	for i, p := range past {
		start := now.Add(-time.Duration(3*(i+1)) * time.Hour)
		end := start.Add(17 * time.Minute)
		group := defaultGroup
		if p.as != p.user {
			group = p.as // a system account logs in with its own group
		}
		st.sessions = append(st.sessions, &session{id: st.newID(),
			server: st.serverByName(p.server).id, user: st.userByName(p.user).id,
			username: p.as, groupname: group, userAgent: "alpacon-cli/1.2.0",
			remoteIP: "10.0.0.10" + strconv.Itoa(i), rows: 40, cols: 120, added: start,
			updated: end, closed: &end})
	}
	notes := []struct {
		server, author, content string
		private, pinned         bool
	}{
		{"web-01", "alice", "TLS certificate renews on the 1st; nginx reloads itself.", false, true},
		{"web-01", "dave", "Deploys go through CI only, please.", false, false},
		{"db-01", "carol", "Do not restart during business hours (KST).", false, true},
		{"db-01", "alice", "Failover drill planned for next sprint.", true, false},
		{"db-03", "carol", "Disk replaced; waiting for resync.", false, true},
	}
	for i, n := range notes {
		at := now.Add(-time.Duration(24*(len(notes)-i)) * time.Hour)
		st.notes = append(st.notes, &note{id: st.newID(), server: st.serverByName(n.server).id,
			author: st.userByName(n.author).id, content: n.content, private: n.private,
			pinned: n.pinned, added: at, updated: at})
	}
	alice := st.userByName("alice").id
	st.stars[alice] = []string{st.serverByName("web-01").id, st.serverByName("db-01").id}
}
