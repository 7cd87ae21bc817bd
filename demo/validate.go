package demo

import (
	"regexp"
	"strings"
	"unicode"
)

// reserved are the names no IAM user or group may take.
var reserved = []string{"alpacon", "alpamon", "alpaca", "root", "admin", "adm", "sys", "bin",
	"daemon", "sync", "www-data", "mail", "nobody", "nogroup", "syslog", "backup", "news",
	"games", "lp", "man", "irc", "ubuntu", "centos", "ec2-user"}

var (
	unixName = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	slugName = regexp.MustCompile(`^[-a-zA-Z0-9_]+$`)
)

// djangoUsername is Django's UnicodeUsernameValidator: \w plus @.+-.
func djangoUsername(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_@.+-", r) {
			return false
		}
	}
	return s != ""
}

// usernameProblems checks a new username in the server's order: framework
// validators (all reported together), then the custom checks, first one wins.
func (st *store) usernameProblems(name string) []string {
	var out []string
	if len([]rune(name)) > 150 {
		out = append(out, "Ensure this field has no more than 150 characters.")
	}
	if !djangoUsername(name) {
		out = append(out, "Enter a valid username. This value may contain only letters, "+
			"numbers, and @/./+/-/_ characters.")
	}
	for _, u := range st.users {
		if u.username == name {
			out = append(out, "A user with that username already exists.")
			break
		}
	}
	if len(out) > 0 {
		return out
	}
	switch {
	case !unixName.MatchString(name):
		return []string{"Enter a valid username for UNIX environment. This value may " +
			"contain only lowercase letters, numbers, and -/_ characters."}
	case contains(reserved, name):
		return []string{"Please use another username as it is disallowed."}
	case st.systemName(name):
		return []string{"Please use another username as it is in use."}
	}
	return nil
}

// groupnameProblems is usernameProblems for group names.
func (st *store) groupnameProblems(name string) []string {
	var out []string
	if len([]rune(name)) > 128 {
		out = append(out, "Ensure this field has no more than 128 characters.")
	}
	if !slugName.MatchString(name) {
		out = append(out, `Enter a valid "slug" consisting of letters, numbers, `+
			`underscores or hyphens.`)
	}
	for _, g := range st.groups {
		if g.name == name {
			out = append(out, "group with this name already exists.")
			break
		}
	}
	if len(out) > 0 {
		return out
	}
	switch {
	case !unixName.MatchString(name):
		return []string{"Enter a valid groupname for UNIX environment. This value may " +
			"contain only lowercase letters, numbers, and -/_ characters."}
	case contains(reserved, name):
		return []string{"Please use another name as it is disallowed."}
	case st.systemName(name):
		return []string{"Please use another name as it is in use."}
	}
	return nil
}

// systemName tells whether an agent reported name as a system user or group.
func (st *store) systemName(name string) bool {
	for _, s := range st.servers {
		if contains(s.sysUsers, name) || contains(s.sysGroups, name) {
			return true
		}
	}
	return false
}

// emailPattern approximates Django's EmailValidator: a dot-atom local part
// and a domain of DNS labels with a TLD (or localhost).
var emailPattern = regexp.MustCompile(`^[A-Za-z0-9!#$%&'*+/=?^_` + "`" +
	`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_` + "`" + `{|}~-]+)*@` +
	`(localhost|([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$`)

func validEmail(s string) bool { return len(s) <= 254 && emailPattern.MatchString(s) }
