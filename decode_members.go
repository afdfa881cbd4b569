package appclient

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient/internal/jsonlex"
	"github.com/cognitokit/appclient/internal/suggest"
)

// This file holds what the request decoders know about the request types:
// one table per JSON object type, listing its members in declaration order
// with the function that reads each one's value. The JSON syntax is the
// lexer's (internal/jsonlex); the errors are errors.go's.

// maxMembers is the most members an object type may have: the width of the
// set of members seen in one object (memberSet).
const maxMembers = 64

// memberSet holds the indexes of the members seen so far in one object.
type memberSet uint64

// A member is a member of the JSON object type T: its name, and the function
// that reads its value into a T. read is called with the lexer at the value
// and path, the member's path, for errors.
type member[T any] struct {
	name string
	read func(d *decoder, v *T, path string) error
}

// An objectType is the table of the members of the JSON object type T, in
// declaration order.
type objectType[T any] struct {
	// path is the member path of objects of this type, "" for a request.
	path    string
	members []member[T]
	// names and paths are the members' names and member paths, by index.
	names, paths []string
	// refuse, when set, returns the error for a name that is not a member but
	// has an error of its own, such as an update's ClientSecret, or nil.
	refuse func(d *decoder, off int, name string) error
}

// newObjectType returns the table of the members of T, whose objects have the
// member path path.
func newObjectType[T any](path string, members ...member[T]) *objectType[T] {
	t := &objectType[T]{path: path, members: members}
	for _, m := range members {
		t.names = append(t.names, m.name)
		t.paths = append(t.paths, joinPath(path, m.name))
	}
	return t
}

// joinPath returns the member path of the member name of the object at path.
func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// index returns the index of the member named name, or -1. Members usually
// come in declaration order, so it tries the index after the previous
// member's, next, first.
func (t *objectType[T]) index(name []byte, next int) int {
	if next < len(t.names) && t.names[next] == string(name) {
		return next
	}
	for i, n := range t.names {
		if n == string(name) {
			return i
		}
	}
	return -1
}

// withRefusal sets t's refuse function and returns t.
func withRefusal[T any](t *objectType[T], refuse func(d *decoder, off int, name string) error) *objectType[T] {
	t.refuse = refuse
	return t
}

// refuseSecret refuses the create request's secret members in an update.
func refuseSecret(d *decoder, off int, name string) error {
	if name != "GenerateSecret" && name != "ClientSecret" {
		return nil
	}
	return d.fail(off, name, ErrSecretInUpdate, "an update cannot add, remove or change the client secret (only CreateUserPoolClient takes "+name+")")
}

// responseMembers are members of DescribeUserPoolClient's response (and, for
// ClientId, of UpdateUserPoolClient's request) that people paste into a
// request, with a hint for each. A hint is given only for a name that is not
// a member of the request type.
var responseMembers = map[string]string{
	"UserPoolClient":   "this looks like a DescribeUserPoolClient response: use the object inside UserPoolClient",
	"ClientId":         "Cognito assigns the client ID; it belongs in UpdateUserPoolClient, not CreateUserPoolClient",
	"CreationDate":     "it is part of DescribeUserPoolClient's response, not of the request",
	"LastModifiedDate": "it is part of DescribeUserPoolClient's response, not of the request",
}

// The member kinds. Each returns the member named name of T, whose value
// field returns the address of the Go field it is read into.

// stringMember is a string or enumeration member; null reads as "".
func stringMember[T any, S ~string](name string, field func(*T) *S) member[T] {
	return member[T]{name, func(d *decoder, v *T, path string) error {
		s, _, err := d.stringValue(path, -1, true)
		*field(v) = S(s)
		return err
	}}
}

// optStringMember is an optional string member; null reads as nil.
func optStringMember[T any](name string, field func(*T) **string) member[T] {
	return member[T]{name, func(d *decoder, v *T, path string) error {
		s, null, err := d.stringValue(path, -1, true)
		if err == nil && !null {
			*field(v) = &s
		}
		return err
	}}
}

// boolMember is a boolean member; null reads as false.
func boolMember[T any](name string, field func(*T) *bool) member[T] {
	return member[T]{name, func(d *decoder, v *T, path string) error {
		b, _, err := d.boolValue(path)
		*field(v) = b
		return err
	}}
}

// optBoolMember is an optional boolean member; null reads as nil.
func optBoolMember[T any](name string, field func(*T) **bool) member[T] {
	return member[T]{name, func(d *decoder, v *T, path string) error {
		b, null, err := d.boolValue(path)
		if err == nil && !null {
			*field(v) = &b
		}
		return err
	}}
}

// optInt32Member is an optional 32-bit integer member; null reads as nil.
func optInt32Member[T any](name string, field func(*T) **int32) member[T] {
	return member[T]{name, func(d *decoder, v *T, path string) (err error) {
		*field(v), err = d.optInt32(path)
		return err
	}}
}

// listMember is a list of strings or enumeration values; null reads as nil.
func listMember[T any, E ~string](name string, field func(*T) *[]E) member[T] {
	return member[T]{name, func(d *decoder, v *T, path string) (err error) {
		*field(v), err = list[E](d, path)
		return err
	}}
}

// objectMember is a member whose value is an object of type typ; null reads
// as nil.
func objectMember[T, N any](name string, typ *objectType[N], field func(*T) **N) member[T] {
	return member[T]{name, func(d *decoder, v *T, path string) error {
		k, err := d.lex.Peek()
		switch {
		case err != nil:
			return err
		case k == jsonlex.Null:
			return d.lex.Null()
		case k != jsonlex.Object:
			return d.wrongType(path, -1, "an object", k)
		}
		n := new(N)
		if err := readObject(d, typ, n); err != nil {
			return err
		}
		*field(v) = n
		return nil
	}}
}

// decoder reads a request with a lexer. Syntax errors are the lexer's
// *jsonlex.Error until decodeDocument turns them into *DecodeError; all other
// errors are *DecodeError from the start.
type decoder struct {
	data []byte
	lex  jsonlex.Lexer
}

// decodeDocument reads data, which must be one JSON object of type typ
// surrounded by optional whitespace, into v.
func decodeDocument[T any](data []byte, typ *objectType[T], v *T) error {
	d := decoder{data: data}
	d.lex.Reset(data)
	err := document(&d, typ, v)
	if le, ok := err.(*jsonlex.Error); ok {
		return d.fail(le.Offset, "", ErrSyntax, le.Msg)
	}
	return err
}

// document is decodeDocument with syntax errors still the lexer's.
func document[T any](d *decoder, typ *objectType[T], v *T) error {
	if bytes.HasPrefix(d.data, []byte("\uFEFF")) {
		return d.fail(0, "", ErrSyntax, "byte order mark is not allowed")
	}
	if d.lex.AtEnd() {
		return d.fail(d.lex.Offset(), "", ErrSyntax, "empty input")
	}
	k, err := d.lex.Peek()
	if err != nil {
		return err
	}
	if k != jsonlex.Object {
		return d.fail(d.lex.Offset(), "", ErrType, "want an object, got "+k.String())
	}
	if err := readObject(d, typ, v); err != nil {
		return err
	}
	if !d.lex.AtEnd() {
		return d.lex.Unexpected("after the request object")
	}
	return nil
}

// readObject reads the object of type typ at the lexer's offset into v.
func readObject[T any](d *decoder, typ *objectType[T], v *T) error {
	more, err := d.lex.OpenObject()
	if err != nil {
		return err
	}
	var seen memberSet
	for next := 0; more; {
		name, off, err := d.lex.Name()
		if err != nil {
			return err
		}
		i := typ.index(name, next)
		if i < 0 {
			return d.unknownMember(off, typ.path, string(name), typ.names, typ.refuse)
		}
		if seen&(1<<i) != 0 {
			return d.fail(off, typ.paths[i], ErrDuplicateMember, "duplicate member")
		}
		seen |= 1 << i
		next = i + 1
		if err := typ.members[i].read(d, v, typ.paths[i]); err != nil {
			return err
		}
		if more, err = d.lex.NextMember(); err != nil {
			return err
		}
	}
	return nil
}

// unknownMember returns the error for name, which is not a member of the
// object at path parent whose members are names and whose refuse function
// (if not nil) gives the errors of names that are refused; off is the offset
// of name's opening quote.
func (d *decoder) unknownMember(off int, parent, name string, names []string, refuse func(*decoder, int, string) error) error {
	if refuse != nil {
		if err := refuse(d, off, name); err != nil {
			return err
		}
	}
	msg := "unknown member"
	sug := suggest.Nearest(name, names)
	switch {
	case sug != "" && strings.EqualFold(sug, name):
		msg += " (names are case-sensitive: did you mean " + strconv.Quote(sug) + "?)"
	case sug != "":
		msg += " (did you mean " + strconv.Quote(sug) + "?)"
	case parent == "" && responseMembers[name] != "":
		msg += " (" + responseMembers[name] + ")"
	}
	err := d.fail(off, joinPath(parent, name), ErrUnknownMember, msg)
	err.Suggestion = sug
	return err
}

// fail returns a *DecodeError for the problem at byte offset off.
func (d *decoder) fail(off int, field string, kind error, msg string) *DecodeError {
	line, col := position(d.data, off)
	return &DecodeError{Field: field, Offset: int64(off), Line: line, Column: col, Message: msg, Err: kind}
}

// position returns the 1-based line and byte column of offset off in data.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// wrongType returns an ErrType error for the value of kind got at the
// lexer's offset, in the member at path (list entry index when index >= 0).
// want is the JSON type the member takes, with its article ("a string"). A
// number is checked for syntax first, so that a malformed one is reported as
// such.
func (d *decoder) wrongType(path string, index int, want string, got jsonlex.Kind) error {
	start := d.lex.Offset()
	if got == jsonlex.Number {
		if _, _, err := d.lex.Number(); err != nil {
			return err
		}
	}
	return d.fail(start, itemPath(path, index), ErrType, "want "+want+", got "+got.String())
}

// itemPath returns path, with "[index]" appended when index >= 0.
func itemPath(path string, index int) string {
	if index < 0 {
		return path
	}
	return path + "[" + strconv.Itoa(index) + "]"
}

// stringValue reads the string at the lexer's offset, or null (as "") when
// nullOK. path and index name the value in errors.
func (d *decoder) stringValue(path string, index int, nullOK bool) (s string, null bool, err error) {
	k, err := d.lex.Peek()
	switch {
	case err != nil:
		return "", false, err
	case k == jsonlex.String:
		s, err := d.lex.String()
		return s, false, err
	case k == jsonlex.Null && nullOK:
		return "", true, d.lex.Null()
	}
	return "", false, d.wrongType(path, index, "a string", k)
}

// boolValue reads the boolean at the lexer's offset, or null (as false).
func (d *decoder) boolValue(path string) (v, null bool, err error) {
	k, err := d.lex.Peek()
	switch {
	case err != nil:
		return false, false, err
	case k == jsonlex.Bool:
		v, err := d.lex.Bool()
		return v, false, err
	case k == jsonlex.Null:
		return false, true, d.lex.Null()
	}
	return false, false, d.wrongType(path, -1, "a boolean", k)
}

// optInt32 reads the 32-bit integer at the lexer's offset, or null as nil.
func (d *decoder) optInt32(path string) (*int32, error) {
	k, err := d.lex.Peek()
	switch {
	case err != nil:
		return nil, err
	case k == jsonlex.Null:
		return nil, d.lex.Null()
	case k != jsonlex.Number:
		return nil, d.wrongType(path, -1, "an integer", k)
	}
	start := d.lex.Offset()
	lit, integer, err := d.lex.Number()
	if err != nil {
		return nil, err
	}
	if !integer {
		return nil, d.fail(start, path, ErrNumber, "want an integer, got "+shorten(lit))
	}
	n, ok := parseInt32(lit)
	if !ok {
		return nil, d.fail(start, path, ErrNumber, shorten(lit)+" is out of range for a 32-bit integer")
	}
	return &n, nil
}

// shorten returns the number literal lit for a message, cut to 24 bytes.
func shorten(lit []byte) string {
	if len(lit) > 24 {
		return string(lit[:21]) + "..."
	}
	return string(lit)
}

// parseInt32 returns the value of the integer literal lit (an optional minus
// sign and digits without leading zeros), and whether it fits in an int32.
func parseInt32(lit []byte) (int32, bool) {
	digits := lit
	neg := lit[0] == '-'
	if neg {
		digits = lit[1:]
	}
	if len(digits) > 10 {
		return 0, false
	}
	var n int64
	for _, c := range digits {
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, false
	}
	return int32(n), true
}

// list reads the array of strings at the lexer's offset, or null as nil. An
// empty array gives an empty, non-nil list, so that it encodes back to [].
func list[E ~string](d *decoder, path string) ([]E, error) {
	k, err := d.lex.Peek()
	switch {
	case err != nil:
		return nil, err
	case k == jsonlex.Null:
		return nil, d.lex.Null()
	case k != jsonlex.Array:
		return nil, d.wrongType(path, -1, "an array", k)
	}
	more, err := d.lex.OpenArray()
	if err != nil {
		return nil, err
	}
	l := []E{}
	for i := 0; more; i++ {
		s, _, err := d.stringValue(path, i, false)
		if err != nil {
			return nil, err
		}
		l = append(l, E(s))
		if more, err = d.lex.NextElement(); err != nil {
			return nil, err
		}
	}
	return l, nil
}
