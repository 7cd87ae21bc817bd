package demo

import (
	"regexp"
	"strings"
)

// commonPasswords stands in for Django's list of 20,000 common passwords.
//
// Limitation: only a few dozen entries; a password common elsewhere may pass
// here (remove when the demo embeds a full list).
var commonPasswords = []string{
	"password", "password1", "password123", "passw0rd", "12345678", "123456789",
	"1234567890", "87654321", "11111111", "00000000", "qwerty123", "qwertyuiop",
	"iloveyou", "sunshine", "football", "baseball", "princess", "trustno1", "letmein1",
	"welcome1", "admin123", "superman", "starwars", "whatever", "computer", "internet",
	"changeme", "abcd1234", "asdfghjkl", "zaq12wsx", "1q2w3e4r", "q1w2e3r4", "alpacon1",
}

// similarTo are the attributes Django's UserAttributeSimilarityValidator
// compares, with their verbose names.
var similarTo = []struct {
	name string
	get  func(*user) string
}{
	{"username", func(u *user) string { return u.username }},
	{"first name", func(u *user) string { return u.first }},
	{"last name", func(u *user) string { return u.last }},
	{"email address", func(u *user) string { return u.email }},
}

var nonWord = regexp.MustCompile(`\W+`)

// passwordProblems runs Django's default validators in settings order and
// returns every failing message. The similarity check needs a user, so it
// is skipped on create (u == nil), as on the real server.
func passwordProblems(pw string, u *user) []string {
	var out []string
	if u != nil {
		if attr := similarAttribute(pw, u); attr != "" {
			out = append(out, "The password is too similar to the "+attr+".")
		}
	}
	if len([]rune(pw)) < 8 {
		out = append(out, "This password is too short. It must contain at least 8 characters.")
	}
	if contains(commonPasswords, strings.ToLower(strings.TrimSpace(pw))) {
		out = append(out, "This password is too common.")
	}
	if pw != "" && strings.Trim(pw, "0123456789") == "" {
		out = append(out, "This password is entirely numeric.")
	}
	return out
}

// similarAttribute returns the verbose name of the first attribute of u the
// password is too similar to (quick ratio >= 0.7), or "".
func similarAttribute(pw string, u *user) string {
	pw = strings.ToLower(pw)
	for _, a := range similarTo {
		v := strings.ToLower(a.get(u))
		if v == "" {
			continue
		}
		for _, part := range append(nonWord.Split(v, -1), v) {
			if tooLongToCompare(pw, part) {
				continue
			}
			if quickRatio(pw, part) >= 0.7 {
				return a.name
			}
		}
	}
	return ""
}

// tooLongToCompare mirrors Django's exceeds_maximum_length_ratio: a short
// value inside a much longer password is not compared.
func tooLongToCompare(pw, value string) bool {
	p, v := float64(len([]rune(pw))), float64(len([]rune(value)))
	return p >= 10*v && v < 0.7/2*p
}

// quickRatio is difflib's SequenceMatcher.quick_ratio: twice the size of
// the multiset intersection of characters over the total length.
func quickRatio(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra)+len(rb) == 0 {
		return 1
	}
	avail := map[rune]int{}
	for _, r := range rb {
		avail[r]++
	}
	matches := 0
	for _, r := range ra {
		if avail[r] > 0 {
			avail[r]--
			matches++
		}
	}
	return 2 * float64(matches) / float64(len(ra)+len(rb))
}
