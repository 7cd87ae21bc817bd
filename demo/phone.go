package demo

import "strings"

// callingCodes are the country codes the demo knows, with the length range
// of their national numbers.
//
// Limitation: a small table instead of libphonenumber; numbers of other
// countries are refused and only Korean and NANP numbers get their national
// grouping (remove when a full metadata table is embedded).
var callingCodes = map[string][2]int{
	"1": {10, 10}, "7": {10, 10}, "33": {9, 9}, "44": {9, 10}, "49": {6, 13},
	"61": {9, 9}, "65": {8, 8}, "81": {9, 10}, "82": {8, 10}, "86": {11, 11}, "91": {10, 10},
}

const msgBadPhone = "The phone number entered is not valid."

// normalizePhone validates an international number ("+82 10-1234-5678",
// "+821012345678") and renders it in INTERNATIONAL format. "" stays "".
// Without a default region, a number without "+" is invalid, as with
// django-phonenumber-field.
func normalizePhone(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if !strings.HasPrefix(s, "+") {
		return "", false
	}
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case strings.ContainsRune(" -().", r):
			return -1
		}
		return 'x'
	}, s[1:])
	if strings.Contains(digits, "x") {
		return "", false
	}
	for n := 1; n <= 3 && n < len(digits); n++ {
		cc, nsn := digits[:n], digits[n:]
		if r, ok := callingCodes[cc]; ok {
			if len(nsn) < r[0] || len(nsn) > r[1] || nsn[0] == '0' {
				return "", false
			}
			return "+" + cc + " " + groupNational(cc, nsn), true
		}
	}
	return "", false
}

// groupNational writes the national number with the country's separators.
func groupNational(cc, nsn string) string {
	switch {
	case cc == "82" && strings.HasPrefix(nsn, "10") && len(nsn) == 10:
		return nsn[:2] + "-" + nsn[2:6] + "-" + nsn[6:]
	case cc == "82" && strings.HasPrefix(nsn, "2") && len(nsn) >= 9:
		return nsn[:1] + "-" + nsn[1:len(nsn)-4] + "-" + nsn[len(nsn)-4:]
	case cc == "1":
		return nsn[:3] + "-" + nsn[3:6] + "-" + nsn[6:]
	}
	return nsn
}
