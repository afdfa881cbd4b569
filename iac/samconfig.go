package iac

import (
	"fmt"
	"github.com/cognitokit/appclient/iac/internal/tree"
	"strconv"
	"strings"
	"unicode/utf8"
)

// samValue is a string, or a list of strings, of SAM's configuration, and
// where it is written.
type samValue struct {
	strs []string
	pos  Position
}

// parseTOML reads the part of TOML that SAM's samconfig.toml is written
// in: [dotted.table] headers, and key = value lines whose values are
// strings ("basic" or 'literal'), arrays of strings (over several lines
// too), numbers and booleans, with # comments. It returns, by table, the
// string and string-array values; other values are read and left out. A
// line it cannot read is an error naming it. (A TOML library would be a
// dependency for the one key read here, parameter_overrides.)
func parseTOML(name string, data []byte) (map[string]map[string]samValue, *Error) {
	if !utf8.Valid(data) {
		return nil, &Error{File: name, Message: "not UTF-8 text"}
	}
	out := map[string]map[string]samValue{}
	table := ""
	lines := strings.Split(string(data), "\n")
	fail := func(i int, format string, args ...any) (map[string]map[string]samValue, *Error) {
		return nil, &Error{File: name, Pos: Position{Line: i + 1, Column: 1}, Message: fmt.Sprintf(format, args...)}
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(strings.TrimSuffix(lines[i], "\r"))
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			if strings.HasPrefix(line, "[[") {
				return fail(i, "arrays of tables are not part of a samconfig")
			}
			end := strings.IndexByte(line, ']')
			if end < 0 || strings.TrimSpace(stripComment(line[end+1:])) != "" {
				return fail(i, "a table header must be [name.name]")
			}
			key, ok := tomlKey(line[1:end])
			if !ok {
				return fail(i, "a table header must be [name.name]")
			}
			table = key
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq < 0 {
			return fail(i, "expected key = value")
		}
		key, ok := tomlKey(line[:eq])
		if !ok {
			return fail(i, "%q is not a key", strings.TrimSpace(line[:eq]))
		}
		rest := strings.TrimSpace(line[eq+1:])
		start := i
		// An array may go on over several lines, to its closing bracket.
		if strings.HasPrefix(rest, "[") {
			for !arrayClosed(rest) && i+1 < len(lines) && i-start < tree.MaxDepth {
				i++
				rest += "\n" + lines[i]
			}
		}
		v, kind, err := tomlValue(rest)
		if err != "" {
			return fail(start, "%s: %s", key, err)
		}
		if kind == "" {
			continue
		}
		if out[table] == nil {
			out[table] = map[string]samValue{}
		}
		out[table][key] = samValue{strs: v, pos: Position{Line: start + 1, Column: 1}}
	}
	return out, nil
}

// tomlKey reads a dotted key, bare or quoted parts, as "a.b.c".
func tomlKey(s string) (string, bool) {
	var parts []string
	for part := range strings.SplitSeq(s, ".") {
		part = strings.TrimSpace(part)
		if len(part) >= 2 && (part[0] == '"' && part[len(part)-1] == '"' || part[0] == '\'' && part[len(part)-1] == '\'') {
			part = part[1 : len(part)-1]
		} else {
			for _, r := range part {
				if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
					return "", false
				}
			}
		}
		if part == "" {
			return "", false
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "."), len(parts) > 0
}

// stripComment removes a # comment that is outside strings.
func stripComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return s[:i]
		}
	}
	return s
}

// arrayClosed reports whether an array's text has its closing bracket.
func arrayClosed(s string) bool {
	depth := 0
	s = stripCommentsPerLine(s)
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

func stripCommentsPerLine(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = stripComment(l)
	}
	return strings.Join(lines, "\n")
}

// tomlValue reads one value: a string (kind "string"), an array of strings
// ("array"), or a number, boolean or other array, read and left out (kind
// ""). It returns a problem, or "".
func tomlValue(s string) (strs []string, kind, problem string) {
	s = strings.TrimSpace(stripCommentsPerLine(s))
	switch {
	case s == "":
		return nil, "", "no value"
	case s[0] == '"' || s[0] == '\'':
		str, rest, problem := tomlString(s)
		if problem != "" {
			return nil, "", problem
		}
		if strings.TrimSpace(rest) != "" {
			return nil, "", "text after the string"
		}
		return []string{str}, "string", ""
	case s[0] == '[':
		body := strings.TrimSpace(s[1:])
		var out []string
		for {
			body = strings.TrimSpace(body)
			if strings.HasPrefix(body, "]") {
				if strings.TrimSpace(body[1:]) != "" {
					return nil, "", "text after the array"
				}
				return out, "array", ""
			}
			if body == "" {
				return nil, "", "an array is not closed"
			}
			if body[0] != '"' && body[0] != '\'' {
				return nil, "", "an array of samconfig holds strings"
			}
			str, rest, problem := tomlString(body)
			if problem != "" {
				return nil, "", problem
			}
			out = append(out, str)
			body = strings.TrimSpace(rest)
			if strings.HasPrefix(body, ",") {
				body = body[1:]
			}
		}
	case s == "true" || s == "false":
		return nil, "", ""
	default:
		if _, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64); err == nil {
			return nil, "", ""
		}
		return nil, "", fmt.Sprintf("cannot read the value %q", s)
	}
}

// tomlString reads a basic ("...", with escapes) or literal ('...') string
// at the start of s, and returns it and the text after it.
func tomlString(s string) (str, rest, problem string) {
	if strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, "'''") {
		return "", "", "multi-line strings are not read; write the value on one line"
	}
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q:
			return b.String(), s[i+1:], ""
		case c == '\n':
			return "", "", "a string is not closed on its line"
		case c == '\\' && q == '"':
			if i+1 >= len(s) {
				return "", "", "a string is not closed"
			}
			i++
			switch s[i] {
			case '"', '\\':
				b.WriteByte(s[i])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'u', 'U':
				n := 4
				if s[i] == 'U' {
					n = 8
				}
				if i+n >= len(s) {
					return "", "", "a \\u escape is cut short"
				}
				r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
				if err != nil || !utf8.ValidRune(rune(r)) {
					return "", "", "a \\u escape is not a character"
				}
				b.WriteRune(rune(r))
				i += n
			default:
				return "", "", fmt.Sprintf("unknown escape \\%c", s[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", "a string is not closed"
}
