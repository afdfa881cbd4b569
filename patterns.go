package appclient

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The patterns of the AWS model, written as small functions. The service that
// applies the patterns is written in Java, so the classes have Java's meaning:
// \w is exactly [A-Za-z0-9_] and \s exactly [ \t\n\x0B\f\r]. Each function
// returns the byte offset of the first character that breaks the pattern, or
// -1 if the whole value matches. A value that matches no prefix (an empty
// string) returns 0.

// isWord reports whether c is in Java's \w.
func isWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// isAlnum reports whether c is in [0-9a-zA-Z].
func isAlnum(c byte) bool { return isWord(c) && c != '_' }

// isSpace reports whether c is in Java's \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\x0b' || c == '\f' || c == '\r'
}

// isHex reports whether c is in [0-9a-fA-F].
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isARNChar reports whether c is in [\w+=/,.@-].
func isARNChar(c byte) bool {
	return isWord(c) || c == '+' || c == '=' || c == '/' || c == ',' || c == '.' || c == '@' || c == '-'
}

// isClientNameChar reports whether c is in [\w\s+=,.@-].
func isClientNameChar(c byte) bool {
	return isWord(c) || isSpace(c) || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '-'
}

// isScopeChar reports whether c is in [\x21\x23-\x5B\x5D-\x7E]: printable
// ASCII but space, double quote and backslash.
func isScopeChar(c byte) bool { return 0x21 <= c && c <= 0x7e && c != '"' && c != '\\' }

// isSecretChar reports whether c is in [\w+], the class of client secrets and
// client IDs.
func isSecretChar(c byte) bool { return isWord(c) || c == '+' }

// matchBytes returns the offset of the first byte of s that ok rejects, 0 for
// an empty s, or -1 if every byte is accepted. The classes it is used with are
// ASCII, so a multi-byte character fails at its first byte.
func matchBytes(s string, ok func(byte) bool) int {
	if s == "" {
		return 0
	}
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return i
		}
	}
	return -1
}

// matchUserPoolID matches ^[\w-]+_[0-9a-zA-Z]+$. The suffix cannot hold an
// underscore, so the only possible split is at the last one.
func matchUserPoolID(s string) int {
	if i := matchBytes(s, func(c byte) bool { return isWord(c) || c == '-' }); i >= 0 {
		return i
	}
	u := strings.LastIndexByte(s, '_')
	switch {
	case u <= 0:
		return 0
	case u == len(s)-1:
		return u
	}
	for i := u + 1; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return i
		}
	}
	return -1
}

// matchARN matches the model's ARN pattern:
// ^arn:P+:P+:(P*)?:[0-9]+:P+(:P+)?(:P+)?$ with P = [\w+=/,.@-]. P holds no
// colon, so the value splits at colons into 6 to 8 parts.
func matchARN(s string) int {
	if !strings.HasPrefix(s, "arn:") {
		return 0
	}
	part, start := 1, 4
	for i := 4; i <= len(s); i++ {
		if i < len(s) && s[i] != ':' {
			c := s[i]
			if part == 4 && !('0' <= c && c <= '9') || part != 4 && !isARNChar(c) {
				return i
			}
			continue
		}
		// s[start:i] is part number part (1-based after "arn").
		if i == start && part != 3 {
			return i
		}
		part++
		start = i + 1
		if part > 8 {
			return i
		}
	}
	if part < 6 {
		return len(s)
	}
	return -1
}

// matchUnicodeClasses returns the offset of the first character of s outside
// the Unicode general categories L, M, S, N and P, and also Z when withZ. It is
// the model's pattern for redirect URLs (without Z) and provider names (with Z).
// A byte that is not part of valid UTF-8 fails too.
func matchUnicodeClasses(s string, withZ bool) int {
	if s == "" {
		return 0
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII: letters, digits, punctuation and symbols are 0x21-0x7e;
			// the space is Zs.
			if 0x21 <= c && c <= 0x7e || withZ && c == ' ' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// Not UTF-8: it would reach Cognito as U+FFFD, another value.
			return i
		}
		if !unicode.In(r, unicode.L, unicode.M, unicode.S, unicode.N, unicode.P) && !(withZ && unicode.In(r, unicode.Z)) {
			return i
		}
		i += size
	}
	return -1
}

// Pattern checks for each member, as used by the validator tags and by the
// service rules that only look at values that passed their model constraints.

func matchClientName(s string) int   { return matchBytes(s, isClientNameChar) }
func matchClientSecret(s string) int { return matchBytes(s, isSecretChar) }
func matchClientID(s string) int     { return matchBytes(s, isSecretChar) }
func matchHex(s string) int          { return matchBytes(s, isHex) }
func matchScope(s string) int        { return matchBytes(s, isScopeChar) }
func matchRedirect(s string) int     { return matchUnicodeClasses(s, false) }
func matchProvider(s string) int     { return matchUnicodeClasses(s, true) }

// lengthIn reports whether s has min to max characters (Unicode code points).
func lengthIn(s string, min, max int) bool {
	if len(s) < min {
		return false // every character takes at least one byte
	}
	if len(s) <= max && min <= 1 {
		return true // at least one character, and no more than bytes
	}
	n := utf8.RuneCountInString(s)
	return min <= n && n <= max
}
