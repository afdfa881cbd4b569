package appclient

import (
	"fmt"
	"reflect"
	"strconv"
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
		if c-0x21 <= 0x7e-0x21 {
			// The usual case, printable ASCII but the space, in one
			// unsigned comparison.
			i++
			continue
		}
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

// Rule ids of the kinds of constraint of the AWS model, the values of
// FieldError.Rule for model constraints. The service rules' ids are in
// rules.go.
const (
	RuleRequired = "required"
	RuleLength   = "length"
	RuleListSize = "list-size"
	RulePattern  = "pattern"
	RuleEnum     = "enum"
	RuleRange    = "range"
)

// The rest of this file says, in words, what the AWS model allows and how a
// value breaks it: the bounds of each member as its struct tags give them,
// the checks of list elements, and the messages of model constraints. It
// depends on nothing else in the package but the request types, so that the
// validator glue (validate.go) and the service rules (rules.go) can both read
// it.

// bounds is an inclusive range: of characters, list entries or a number.
type bounds struct{ lo, hi int64 }

// constraints are the tags of one member value (a member, or the elements
// of a list member), as the struct tags give them.
type constraints struct {
	// tags is the value's tags as written, without omitnil, omitempty or
	// dive, for the validator's Var.
	tags string
	// b holds the min and max bounds; hi is -1 where there is no max.
	b bounds
}

// memberConstraints maps each member path without list indexes
// ("CallbackURLs", "TokenValidityUnits.AccessToken") to the constraints of
// its value, and a list's path followed by "[]" to those of its elements.
// It is read from the struct tags of both request types at initialisation,
// so the tags stay the one place the model's numbers are written.
var memberConstraints = func() map[string]constraints {
	m := map[string]constraints{}
	var walk func(typ reflect.Type, prefix string)
	walk = func(typ reflect.Type, prefix string) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			path := prefix + name
			if ft := f.Type; ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct {
				walk(ft.Elem(), path+".")
				continue
			}
			tag := f.Tag.Get("validate")
			if tag == "" || tag == "-" {
				continue
			}
			own, elem, isList := strings.Cut(tag, ",dive,")
			if strings.HasPrefix(tag, "dive,") {
				own, elem, isList = "", tag[len("dive,"):], true
			}
			m[path] = parseConstraints(own)
			if isList {
				m[path+"[]"] = parseConstraints(elem)
			}
		}
	}
	walk(reflect.TypeFor[CreateUserPoolClientRequest](), "")
	walk(reflect.TypeFor[UpdateUserPoolClientRequest](), "")
	return m
}()

// parseConstraints reads the tags of one value. The tags are this package's
// own, checked by the tests, so a malformed number is a programming error.
func parseConstraints(tags string) constraints {
	c := constraints{b: bounds{0, -1}}
	var kept []string
	for item := range strings.SplitSeq(tags, ",") {
		name, param, _ := strings.Cut(item, "=")
		switch name {
		case "", "omitnil", "omitempty":
			continue
		case "min", "max":
			n, err := strconv.ParseInt(param, 10, 64)
			if err != nil {
				panic("appclient: tag " + item + ": " + err.Error())
			}
			if name == "min" {
				c.b.lo = n
			} else {
				c.b.hi = n
			}
		}
		kept = append(kept, item)
	}
	c.tags = strings.Join(kept, ",")
	return c
}

// memberBounds returns the min and max bounds of the member (a JSON path
// such as "AccessTokenValidity") or, for "X[]", of the elements of the list
// X. Rules that need a member's bounds read them here, once. It panics where
// the member has no max: a programming error that every test run finds at
// package initialisation.
func memberBounds(member string) bounds {
	c, ok := memberConstraints[member]
	if !ok || c.b.hi < 0 {
		panic("appclient: no max bound on member " + member)
	}
	return c.b
}

// maxQuoted is how many characters of a value a message quotes.
const maxQuoted = 80

// quote returns v quoted with %q, cut after maxQuoted characters with an
// ellipsis, so that a message stays readable whatever its value. The value
// itself stays whole in FieldError.Value.
func quote(v string) string {
	if len(v) <= maxQuoted {
		return strconv.Quote(v)
	}
	n := 0
	for i := range v {
		if n == maxQuoted {
			return strconv.Quote(v[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(v)
}

// The allowed characters of each pattern, in words. "ASCII letters" because
// Java's \w, which the service applies, holds no other letter.
const (
	wantUserPoolID   = `a region prefix of ASCII letters, digits, _ and -, then "_", then ASCII letters and digits (such as "us-east-1_AbC123xyz")`
	wantClientName   = `ASCII letters, digits, _, white space (space, tab, line breaks) and + = , . @ -`
	wantSecretChars  = `ASCII letters, digits, _ and +`
	wantHex          = `hexadecimal digits 0-9, a-f and A-F`
	wantARN          = `an ARN arn:<partition>:<service>:<region>:<account>:<resource>`
	wantRedirect     = `Unicode letters, marks, symbols, numbers and punctuation (no spaces or control characters)`
	wantProvider     = `Unicode letters, marks, symbols, numbers, punctuation and spaces`
	wantScope        = `printable ASCII other than space, " and \`
	wantOAuthFlows   = `code, implicit, client_credentials`
	wantUserExist    = `LEGACY, ENABLED`
	wantRotationFeat = `ENABLED, DISABLED`
)

var wantAuthFlows = func() string {
	var names []string
	for _, f := range ExplicitAuthFlow("").Values() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}()

// lengthMessage says that v has the wrong number of characters. A user pool's
// ARN, pasted where its ID belongs, is too long for UserPoolId: the message
// then says which ID to use.
func lengthMessage(v string, b bounds) string {
	msg := fmt.Sprintf("%s has %d characters, want %d to %d", quote(v), utf8.RuneCountInString(v), b.lo, b.hi)
	if id, ok := poolIDOfARN(v); ok {
		msg += fmt.Sprintf(": this is the user pool's ARN; use its ID %q", id)
	}
	return msg
}

// poolIDOfARN returns the user pool ID at the end of a user pool's ARN,
// arn:<partition>:cognito-idp:<region>:<account>:userpool/<id>.
func poolIDOfARN(v string) (string, bool) {
	if !strings.HasPrefix(v, "arn:") {
		return "", false
	}
	_, id, ok := strings.Cut(v, ":userpool/")
	return id, ok && id != ""
}

// patternMessage says how v breaks the pattern of which match is the
// matcher and want the wording; for UserPoolId and ARNs it names the part of
// the structure that is wrong, for the others the first character that is not
// allowed.
func patternMessage(v string, match func(string) int, want string) string {
	switch want {
	case wantUserPoolID:
		if msg := poolIDStructure(v); msg != "" {
			return msg
		}
	case wantARN:
		if msg := arnStructure(v); msg != "" {
			return msg
		}
	}
	at := match(v)
	if at >= 0 && at < len(v) {
		r, _ := utf8.DecodeRuneInString(v[at:])
		return fmt.Sprintf("%s contains %q, which is not allowed (allowed: %s)", quote(v), r, want)
	}
	return fmt.Sprintf("%s does not match the pattern (want %s)", quote(v), want)
}

// poolIDStructure says what is wrong with the structure of a user pool ID
// <prefix>_<suffix>, or "" where the structure is right and a character is
// wrong.
func poolIDStructure(v string) string {
	if id, ok := poolIDOfARN(v); ok {
		return fmt.Sprintf("%s is the user pool's ARN; use its ID %q", quote(v), id)
	}
	u := strings.LastIndexByte(v, '_')
	switch {
	case u < 0:
		return fmt.Sprintf(`%s lacks the "_" between the region prefix and the ID (want %s)`, quote(v), wantUserPoolID)
	case u == 0:
		return fmt.Sprintf(`%s has nothing before the "_" (want %s)`, quote(v), wantUserPoolID)
	case u == len(v)-1:
		return fmt.Sprintf(`%s has nothing after the last "_" (want %s)`, quote(v), wantUserPoolID)
	}
	return ""
}

// arnStructure says what is wrong with the structure of an ARN, or "" where
// the structure is right and a character is wrong.
func arnStructure(v string) string {
	if !strings.HasPrefix(v, "arn:") {
		return fmt.Sprintf(`%s does not start with "arn:" (want %s)`, quote(v), wantARN)
	}
	parts := strings.Split(v[len("arn:"):], ":")
	names := [...]string{"partition", "service", "region", "account", "resource"}
	switch {
	case len(parts) < 5:
		return fmt.Sprintf(`%s has %d of the 5 parts after "arn:": it lacks its region or account (want %s, an empty region written "::")`, quote(v), len(parts), wantARN)
	case len(parts) > 7:
		return fmt.Sprintf("%s has %d parts after \"arn:\", want 5 to 7 (want %s)", quote(v), len(parts), wantARN)
	}
	for i, p := range parts[:5] {
		if p == "" && i != 2 { // the region may be empty
			return fmt.Sprintf("%s has an empty %s (want %s)", quote(v), names[i], wantARN)
		}
	}
	if matchBytes(parts[3], func(c byte) bool { return '0' <= c && c <= '9' }) >= 0 {
		return fmt.Sprintf("%s has the account %s, which is not digits only (want %s)", quote(v), quote(parts[3]), wantARN)
	}
	return ""
}

// enumMessage says that v is not one of want.
func enumMessage(v, want string) string {
	return fmt.Sprintf("%s is not one of %s", quote(v), want)
}

// authFlowMessage says that v is not an ExplicitAuthFlows value, and names
// the flow it most likely means.
func authFlowMessage(v string) string {
	msg := enumMessage(v, wantAuthFlows)
	if near := nearFlow(ExplicitAuthFlow(v)); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	return msg
}

// Element bounds of the lists that the service rules look into: a rule looks
// only at elements that passed their model constraints.
var (
	redirectBounds = memberBounds("CallbackURLs[]")
	scopeBounds    = memberBounds("AllowedOAuthScopes[]")
	providerBounds = memberBounds("SupportedIdentityProviders[]")
	attrBounds     = memberBounds("ReadAttributes[]")
)

// redirectValid reports whether a callback URL passes its model constraints.
func redirectValid(s string) bool {
	return lengthIn(s, int(redirectBounds.lo), int(redirectBounds.hi)) && matchRedirect(s) < 0
}

// scopeValid reports whether a scope passes its model constraints.
func scopeValid(s string) bool {
	return lengthIn(s, int(scopeBounds.lo), int(scopeBounds.hi)) && matchScope(s) < 0
}

// providerValid reports whether an identity provider name passes its model
// constraints.
func providerValid(s string) bool {
	return lengthIn(s, int(providerBounds.lo), int(providerBounds.hi)) && matchProvider(s) < 0
}

// attributeValid reports whether an attribute name passes its model
// constraints.
func attributeValid(s string) bool {
	return lengthIn(s, int(attrBounds.lo), int(attrBounds.hi))
}
