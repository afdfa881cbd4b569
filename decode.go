package appclient

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient/internal/suggest"
)

// Sentinel errors for the kinds of problem a [DecodeError] reports.
var (
	// ErrSyntax: the input is not one well-formed JSON text: a syntax error,
	// invalid UTF-8, an unpaired surrogate escape, empty input, or data after
	// the request object.
	ErrSyntax = errors.New("invalid JSON")
	// ErrUnknownMember: an object member whose name is not, character for
	// character, a member of the request or of the nested type.
	ErrUnknownMember = errors.New("unknown member")
	// ErrDuplicateMember: the same member twice in one object.
	ErrDuplicateMember = errors.New("duplicate member")
	// ErrType: a value of the wrong JSON type, such as a number where a string
	// belongs, or a request that is not a JSON object.
	ErrType = errors.New("wrong JSON type")
	// ErrNumber: a number where a 32-bit integer belongs that is not one: it
	// has a fraction or an exponent, or lies outside -2147483648..2147483647.
	ErrNumber = errors.New("number is not a 32-bit integer")
	// ErrSecretInUpdate: a GenerateSecret or ClientSecret member in an
	// UpdateUserPoolClient request. An update cannot add, remove or change a
	// client secret; only a new client can have a different one.
	ErrSecretInUpdate = errors.New("an update cannot change the client secret")
)

// DecodeError is the error [DecodeRequest] and [DecodeUpdateRequest] return
// for input they cannot read as a request. It describes the first problem in the input, in document
// order.
type DecodeError struct {
	// Field is the AWS member path of the offending member or value, such as
	// "ClientName", "CallbackURLs[2]" or "TokenValidityUnits.AccessToken". For
	// an unknown member it is the path of the name as written, such as
	// "TokenValidityUnits.accessToken". It is "" for syntax errors and for a
	// request that is not an object.
	Field string
	// Offset is the byte offset, from 0, where the problem is: the opening
	// quote of an unknown or duplicate member's name, the first byte of a
	// value of the wrong type, or the offending byte of a syntax error (the
	// input's length when it ends too early).
	Offset int64
	// Line and Column give Offset as a 1-based line and column. Lines end at
	// '\n'; the column counts bytes, as go/token does.
	Line, Column int
	// Suggestion is, for an unknown member, the name of the real member it
	// most likely means, at the same level as Field: "CallbackURLs" for
	// "callback_urls", "AccessToken" for "TokenValidityUnits.accessToken".
	// It is "" when no member is close.
	Suggestion string
	// Msg describes the problem, without the position and the member path.
	Msg string
	// Err is the sentinel for the kind of problem: [ErrSyntax],
	// [ErrUnknownMember], [ErrDuplicateMember], [ErrType], [ErrNumber] or,
	// from DecodeUpdateRequest only, [ErrSecretInUpdate].
	Err error
}

// Error returns "appclient: line L, column C: Field: Msg", leaving out the
// field when there is none.
func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("appclient: line ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(", column ")
	b.WriteString(strconv.Itoa(e.Column))
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns Err.
func (e *DecodeError) Unwrap() error { return e.Err }

// DecodeRequest reads one CreateUserPoolClient request body, a JSON object,
// from r. It is the strict counterpart of [encoding/json.Unmarshal]:
//
//   - Member names must match the AWS member names exactly, in nested objects
//     too. encoding/json matches names case-insensitively, so "CallbackUrls"
//     would silently fill CallbackURLs; DecodeRequest rejects it with
//     [ErrUnknownMember] and suggests the member meant ("CallbackURLs" for
//     "CallbackUrls", "callbackURLs" or "callback_urls"). Unknown members are
//     rejected too.
//   - A member may appear only once in an object ([ErrDuplicateMember]).
//   - Every value must have its member's JSON type ([ErrType]). Numbers must
//     be integers written without fraction or exponent (1.0 and 1e3 are
//     rejected) within the range of an int32 ([ErrNumber]).
//   - null for a member means the member is absent: a nil pointer or list, a
//     false GenerateSecret, an empty enumeration. null is not allowed as a
//     list entry or as the request itself.
//   - The input must be exactly one JSON object, optionally surrounded by
//     whitespace, in valid UTF-8 without byte order mark. Invalid UTF-8 and
//     escapes of unpaired UTF-16 surrogates are errors rather than being
//     replaced by U+FFFD, so that a decoded request encodes back to the same
//     text. Empty input and anything after the object are errors
//     ([ErrSyntax]).
//
// DecodeRequest does not check values: an unknown enumeration value, an empty
// ClientName or a negative lifetime are read as they are. Call
// [CreateUserPoolClientRequest.Validate] on the result for that.
//
// DecodeRequest reads r to its end. On failure it returns the zero request and
// either a *[DecodeError] describing the first problem in the input, or the
// error of r. It never panics, and its nesting depth is bounded by the shape
// of the request: it does not descend into values it does not expect.
func DecodeRequest(r io.Reader) (CreateUserPoolClientRequest, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return CreateUserPoolClientRequest{}, fmt.Errorf("appclient: reading request: %w", err)
	}
	return decodeRequest(data)
}

// decodeRequest is DecodeRequest on a byte slice.
func decodeRequest(data []byte) (CreateUserPoolClientRequest, error) {
	d := decoder{data: data}
	var req CreateUserPoolClientRequest
	if err := d.document(func() error { return d.request(&req) }); err != nil {
		return CreateUserPoolClientRequest{}, err
	}
	return req, nil
}

// DecodeUpdateRequest reads one UpdateUserPoolClient request body, a JSON
// object, from r, as strictly as [DecodeRequest] reads a create request: the
// same rules for names, duplicates, types, numbers, null and syntax apply, to
// the members of [UpdateUserPoolClientRequest].
//
// A GenerateSecret or ClientSecret member, whatever its value (null
// included), is an error that wraps [ErrSecretInUpdate]: UpdateUserPoolClient
// has no such members, and a request file that holds one expects a change of
// secret that the update would not make.
//
// DecodeUpdateRequest does not check values; call
// [UpdateUserPoolClientRequest.Validate] on the result for that. On failure
// it returns the zero request and either a *[DecodeError] describing the
// first problem in the input, or the error of r.
func DecodeUpdateRequest(r io.Reader) (UpdateUserPoolClientRequest, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return UpdateUserPoolClientRequest{}, fmt.Errorf("appclient: reading request: %w", err)
	}
	return decodeUpdateRequest(data)
}

// decodeUpdateRequest is DecodeUpdateRequest on a byte slice.
func decodeUpdateRequest(data []byte) (UpdateUserPoolClientRequest, error) {
	d := decoder{data: data, update: true}
	var req UpdateUserPoolClientRequest
	if err := d.document(func() error { return d.updateRequest(&req) }); err != nil {
		return UpdateUserPoolClientRequest{}, err
	}
	return req, nil
}

// The member names of each object type, in declaration order, and their
// paths. A member's index in these lists is its bit in an object's set of
// members seen so far.
var (
	requestMembers = []string{
		"UserPoolId",
		"ClientName",
		"GenerateSecret",
		"ClientSecret",
		"RefreshTokenValidity",
		"AccessTokenValidity",
		"IdTokenValidity",
		"TokenValidityUnits",
		"ReadAttributes",
		"WriteAttributes",
		"ExplicitAuthFlows",
		"SupportedIdentityProviders",
		"CallbackURLs",
		"LogoutURLs",
		"DefaultRedirectURI",
		"AllowedOAuthFlows",
		"AllowedOAuthScopes",
		"AllowedOAuthFlowsUserPoolClient",
		"AnalyticsConfiguration",
		"PreventUserExistenceErrors",
		"EnableTokenRevocation",
		"EnablePropagateAdditionalUserContextData",
		"AuthSessionValidity",
		"RefreshTokenRotation",
	}
	updateMembers = []string{
		"UserPoolId",
		"ClientId",
		"ClientName",
		"RefreshTokenValidity",
		"AccessTokenValidity",
		"IdTokenValidity",
		"TokenValidityUnits",
		"ReadAttributes",
		"WriteAttributes",
		"ExplicitAuthFlows",
		"SupportedIdentityProviders",
		"CallbackURLs",
		"LogoutURLs",
		"DefaultRedirectURI",
		"AllowedOAuthFlows",
		"AllowedOAuthScopes",
		"AllowedOAuthFlowsUserPoolClient",
		"AnalyticsConfiguration",
		"PreventUserExistenceErrors",
		"EnableTokenRevocation",
		"EnablePropagateAdditionalUserContextData",
		"AuthSessionValidity",
		"RefreshTokenRotation",
	}
	unitsMembers     = []string{"AccessToken", "IdToken", "RefreshToken"}
	unitsPaths       = []string{"TokenValidityUnits.AccessToken", "TokenValidityUnits.IdToken", "TokenValidityUnits.RefreshToken"}
	analyticsMembers = []string{"ApplicationId", "ApplicationArn", "RoleArn", "ExternalId", "UserDataShared"}
	analyticsPaths   = []string{
		"AnalyticsConfiguration.ApplicationId",
		"AnalyticsConfiguration.ApplicationArn",
		"AnalyticsConfiguration.RoleArn",
		"AnalyticsConfiguration.ExternalId",
		"AnalyticsConfiguration.UserDataShared",
	}
	rotationMembers = []string{"Feature", "RetryGracePeriodSeconds"}
	rotationPaths   = []string{"RefreshTokenRotation.Feature", "RefreshTokenRotation.RetryGracePeriodSeconds"}
)

// responseMembers are members of DescribeUserPoolClient's response (and, for
// ClientId, of UpdateUserPoolClient's request) that people paste into a
// CreateUserPoolClient request, with a hint for each.
var responseMembers = map[string]string{
	"UserPoolClient":   "this looks like a DescribeUserPoolClient response: use the object inside UserPoolClient",
	"ClientId":         "Cognito assigns the client ID; it belongs in UpdateUserPoolClient, not CreateUserPoolClient",
	"CreationDate":     "it is part of DescribeUserPoolClient's response, not of the request",
	"LastModifiedDate": "it is part of DescribeUserPoolClient's response, not of the request",
}

// kind is the JSON type of a value.
type kind uint8

const (
	kindObject kind = iota
	kindArray
	kindString
	kindNumber
	kindBool
	kindNull
)

func (k kind) String() string {
	switch k {
	case kindObject:
		return "object"
	case kindArray:
		return "array"
	case kindString:
		return "string"
	case kindNumber:
		return "number"
	case kindBool:
		return "boolean"
	}
	return "null"
}

// decoder reads a request from data, a position at a time. Every method that
// reads a value expects d.pos at the value's first byte (after whitespace)
// and leaves it just after the value.
type decoder struct {
	data []byte
	pos  int
	// update is true while reading an UpdateUserPoolClient request.
	update bool
}

// fail returns a *DecodeError for the problem at byte offset off.
func (d *decoder) fail(off int, field string, kind error, msg string) *DecodeError {
	line, col := position(d.data, off)
	return &DecodeError{Field: field, Offset: int64(off), Line: line, Column: col, Msg: msg, Err: kind}
}

// position returns the 1-based line and byte column of offset off in data.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// syntax returns an ErrSyntax error for the byte at off, or for the end of
// the input if off is beyond it; context says what was expected there, as in
// "looking for beginning of value".
func (d *decoder) syntax(off int, context string) error {
	if off >= len(d.data) {
		return d.fail(len(d.data), "", ErrSyntax, "unexpected end of input")
	}
	return d.fail(off, "", ErrSyntax, "invalid character "+quoteByteAt(d.data, off)+" "+context)
}

// quoteByteAt quotes the character at data[off] for a message: the whole
// rune when it is valid UTF-8, else the byte in hexadecimal.
func quoteByteAt(data []byte, off int) string {
	r, size := utf8.DecodeRune(data[off:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02x", data[off])
	}
	return strconv.QuoteRune(r)
}

// skipSpace advances past JSON whitespace.
func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// document reads the whole input, calling request with d.pos at the opening
// brace of the request object.
func (d *decoder) document(request func() error) error {
	if bytes.HasPrefix(d.data, []byte("\uFEFF")) {
		return d.fail(0, "", ErrSyntax, "byte order mark is not allowed")
	}
	d.skipSpace()
	if d.pos == len(d.data) {
		return d.fail(d.pos, "", ErrSyntax, "empty input")
	}
	k, err := d.kind()
	if err != nil {
		return err
	}
	if k != kindObject {
		return d.fail(d.pos, "", ErrType, "want an object, got "+k.String())
	}
	if err := request(); err != nil {
		return err
	}
	d.skipSpace()
	if d.pos < len(d.data) {
		return d.syntax(d.pos, "after the request object")
	}
	return nil
}

// kind returns the JSON type of the value at d.pos. A literal (true, false,
// null) is checked in full, so that a misspelt one is a syntax error rather
// than a value of some type.
func (d *decoder) kind() (kind, error) {
	if d.pos >= len(d.data) {
		return 0, d.syntax(d.pos, "")
	}
	switch c := d.data[d.pos]; c {
	case '{':
		return kindObject, nil
	case '[':
		return kindArray, nil
	case '"':
		return kindString, nil
	case 't':
		return kindBool, d.literal("true")
	case 'f':
		return kindBool, d.literal("false")
	case 'n':
		return kindNull, d.literal("null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return kindNumber, nil
		}
	}
	return 0, d.syntax(d.pos, "looking for beginning of value")
}

// literal checks that the literal lit starts at d.pos, without moving.
func (d *decoder) literal(lit string) error {
	for i := 0; i < len(lit); i++ {
		off := d.pos + i
		if off >= len(d.data) || d.data[off] != lit[i] {
			return d.syntax(off, "in literal "+lit+" (expecting "+strconv.QuoteRune(rune(lit[i]))+")")
		}
	}
	return nil
}

// wrongType returns an ErrType error for the value at d.pos, of kind got, in
// the member at path (list entry index when index >= 0). want is the JSON
// type the member takes, with its article ("a string"). A number is checked
// for syntax first, so that a malformed one is reported as such.
func (d *decoder) wrongType(path string, index int, want string, got kind) error {
	start := d.pos
	if got == kindNumber {
		if _, _, err := d.number(); err != nil {
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

// object reads the object at d.pos, whose members may be names, with member
// paths paths, and calls member with each member's index and d.pos at its
// value. parent is the path of the object itself, "" for the request.
func (d *decoder) object(parent string, names, paths []string, member func(i int) error) error {
	var seen uint32
	d.pos++ // '{'
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return nil
	}
	for {
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return d.syntax(d.pos, "looking for beginning of object key string")
		}
		keyOff := d.pos
		key, err := d.string()
		if err != nil {
			return err
		}
		i := memberIndex(names, key)
		if i < 0 {
			return d.unknownMember(keyOff, parent, key, names)
		}
		if seen&(1<<i) != 0 {
			return d.fail(keyOff, paths[i], ErrDuplicateMember, "duplicate member")
		}
		seen |= 1 << i
		d.skipSpace()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return d.syntax(d.pos, "after object key")
		}
		d.pos++
		d.skipSpace()
		if err := member(i); err != nil {
			return err
		}
		d.skipSpace()
		if d.pos >= len(d.data) {
			return d.syntax(d.pos, "")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
			d.skipSpace()
		case '}':
			d.pos++
			return nil
		default:
			return d.syntax(d.pos, "after object key:value pair")
		}
	}
}

// memberIndex returns the index of key in names, or -1.
func memberIndex(names []string, key string) int {
	for i, n := range names {
		if n == key {
			return i
		}
	}
	return -1
}

// unknownMember returns the ErrUnknownMember error for key, whose opening
// quote is at off, in the object at path parent whose members are names.
func (d *decoder) unknownMember(off int, parent, key string, names []string) error {
	path := key
	if parent != "" {
		path = parent + "." + key
	}
	if d.update && parent == "" && (key == "GenerateSecret" || key == "ClientSecret") {
		return d.fail(off, path, ErrSecretInUpdate, "an update cannot add, remove or change the client secret (only CreateUserPoolClient takes "+key+")")
	}
	msg := "unknown member"
	sug := suggest.Nearest(key, names)
	switch {
	case sug != "" && strings.EqualFold(sug, key):
		msg += " (names are case-sensitive: did you mean " + strconv.Quote(sug) + "?)"
	case sug != "":
		msg += " (did you mean " + strconv.Quote(sug) + "?)"
	case parent == "" && responseMembers[key] != "":
		msg += " (" + responseMembers[key] + ")"
	}
	err := d.fail(off, path, ErrUnknownMember, msg)
	err.Suggestion = sug
	return err
}

// request reads the request object at d.pos into req.
func (d *decoder) request(req *CreateUserPoolClientRequest) error {
	return d.object("", requestMembers, requestMembers, func(i int) error {
		var err error
		name := requestMembers[i]
		switch i {
		case 0:
			req.UserPoolID, _, err = d.stringValue(name, -1, true)
		case 1:
			req.ClientName, _, err = d.stringValue(name, -1, true)
		case 2:
			req.GenerateSecret, _, err = d.boolValue(name)
		case 3:
			req.ClientSecret, err = d.optString(name)
		case 4:
			req.RefreshTokenValidity, err = d.optInt32(name)
		case 5:
			req.AccessTokenValidity, err = d.optInt32(name)
		case 6:
			req.IDTokenValidity, err = d.optInt32(name)
		case 7:
			req.TokenValidityUnits, err = d.tokenValidityUnits(name)
		case 8:
			req.ReadAttributes, err = list[string](d, name)
		case 9:
			req.WriteAttributes, err = list[string](d, name)
		case 10:
			req.ExplicitAuthFlows, err = list[ExplicitAuthFlow](d, name)
		case 11:
			req.SupportedIdentityProviders, err = list[string](d, name)
		case 12:
			req.CallbackURLs, err = list[string](d, name)
		case 13:
			req.LogoutURLs, err = list[string](d, name)
		case 14:
			req.DefaultRedirectURI, err = d.optString(name)
		case 15:
			req.AllowedOAuthFlows, err = list[OAuthFlow](d, name)
		case 16:
			req.AllowedOAuthScopes, err = list[string](d, name)
		case 17:
			req.AllowedOAuthFlowsUserPoolClient, _, err = d.boolValue(name)
		case 18:
			req.AnalyticsConfiguration, err = d.analyticsConfiguration(name)
		case 19:
			var s string
			s, _, err = d.stringValue(name, -1, true)
			req.PreventUserExistenceErrors = UserExistenceErrors(s)
		case 20:
			req.EnableTokenRevocation, err = d.optBool(name)
		case 21:
			req.EnablePropagateAdditionalUserContextData, err = d.optBool(name)
		case 22:
			req.AuthSessionValidity, err = d.optInt32(name)
		case 23:
			req.RefreshTokenRotation, err = d.refreshTokenRotation(name)
		}
		return err
	})
}

// updateRequest reads the update request object at d.pos into req.
func (d *decoder) updateRequest(req *UpdateUserPoolClientRequest) error {
	return d.object("", updateMembers, updateMembers, func(i int) error {
		var err error
		switch name := updateMembers[i]; name {
		case "UserPoolId":
			req.UserPoolID, _, err = d.stringValue(name, -1, true)
		case "ClientId":
			req.ClientID, _, err = d.stringValue(name, -1, true)
		case "ClientName":
			req.ClientName, err = d.optString(name)
		case "RefreshTokenValidity":
			req.RefreshTokenValidity, err = d.optInt32(name)
		case "AccessTokenValidity":
			req.AccessTokenValidity, err = d.optInt32(name)
		case "IdTokenValidity":
			req.IDTokenValidity, err = d.optInt32(name)
		case "TokenValidityUnits":
			req.TokenValidityUnits, err = d.tokenValidityUnits(name)
		case "ReadAttributes":
			req.ReadAttributes, err = list[string](d, name)
		case "WriteAttributes":
			req.WriteAttributes, err = list[string](d, name)
		case "ExplicitAuthFlows":
			req.ExplicitAuthFlows, err = list[ExplicitAuthFlow](d, name)
		case "SupportedIdentityProviders":
			req.SupportedIdentityProviders, err = list[string](d, name)
		case "CallbackURLs":
			req.CallbackURLs, err = list[string](d, name)
		case "LogoutURLs":
			req.LogoutURLs, err = list[string](d, name)
		case "DefaultRedirectURI":
			req.DefaultRedirectURI, err = d.optString(name)
		case "AllowedOAuthFlows":
			req.AllowedOAuthFlows, err = list[OAuthFlow](d, name)
		case "AllowedOAuthScopes":
			req.AllowedOAuthScopes, err = list[string](d, name)
		case "AllowedOAuthFlowsUserPoolClient":
			req.AllowedOAuthFlowsUserPoolClient, _, err = d.boolValue(name)
		case "AnalyticsConfiguration":
			req.AnalyticsConfiguration, err = d.analyticsConfiguration(name)
		case "PreventUserExistenceErrors":
			var s string
			s, _, err = d.stringValue(name, -1, true)
			req.PreventUserExistenceErrors = UserExistenceErrors(s)
		case "EnableTokenRevocation":
			req.EnableTokenRevocation, err = d.optBool(name)
		case "EnablePropagateAdditionalUserContextData":
			req.EnablePropagateAdditionalUserContextData, err = d.optBool(name)
		case "AuthSessionValidity":
			req.AuthSessionValidity, err = d.optInt32(name)
		case "RefreshTokenRotation":
			req.RefreshTokenRotation, err = d.refreshTokenRotation(name)
		}
		return err
	})
}

// tokenValidityUnits reads the TokenValidityUnits object at d.pos, or null.
func (d *decoder) tokenValidityUnits(path string) (*TokenValidityUnits, error) {
	if null, err := d.openObject(path); null || err != nil {
		return nil, err
	}
	u := new(TokenValidityUnits)
	err := d.object(path, unitsMembers, unitsPaths, func(i int) error {
		s, _, err := d.stringValue(unitsPaths[i], -1, true)
		switch i {
		case 0:
			u.AccessToken = TimeUnit(s)
		case 1:
			u.IDToken = TimeUnit(s)
		case 2:
			u.RefreshToken = TimeUnit(s)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// analyticsConfiguration reads the AnalyticsConfiguration object at d.pos, or
// null.
func (d *decoder) analyticsConfiguration(path string) (*AnalyticsConfiguration, error) {
	if null, err := d.openObject(path); null || err != nil {
		return nil, err
	}
	a := new(AnalyticsConfiguration)
	err := d.object(path, analyticsMembers, analyticsPaths, func(i int) error {
		var err error
		p := analyticsPaths[i]
		switch i {
		case 0:
			a.ApplicationID, err = d.optString(p)
		case 1:
			a.ApplicationARN, err = d.optString(p)
		case 2:
			a.RoleARN, err = d.optString(p)
		case 3:
			a.ExternalID, err = d.optString(p)
		case 4:
			a.UserDataShared, _, err = d.boolValue(p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// refreshTokenRotation reads the RefreshTokenRotation object at d.pos, or
// null.
func (d *decoder) refreshTokenRotation(path string) (*RefreshTokenRotation, error) {
	if null, err := d.openObject(path); null || err != nil {
		return nil, err
	}
	rot := new(RefreshTokenRotation)
	err := d.object(path, rotationMembers, rotationPaths, func(i int) error {
		var err error
		p := rotationPaths[i]
		switch i {
		case 0:
			var s string
			s, _, err = d.stringValue(p, -1, true)
			rot.Feature = RotationFeature(s)
		case 1:
			rot.RetryGracePeriodSeconds, err = d.optInt32(p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return rot, nil
}

// openObject checks that the value at d.pos is an object or null. For null
// it moves past it and reports null; for an object it stays at the '{'.
func (d *decoder) openObject(path string) (null bool, err error) {
	k, err := d.kind()
	switch {
	case err != nil:
		return false, err
	case k == kindNull:
		d.pos += len("null")
		return true, nil
	case k != kindObject:
		return false, d.wrongType(path, -1, "an object", k)
	}
	return false, nil
}

// stringValue reads the string at d.pos, or null (as "") when nullOK. path
// and index name the value in errors.
func (d *decoder) stringValue(path string, index int, nullOK bool) (s string, null bool, err error) {
	k, err := d.kind()
	switch {
	case err != nil:
		return "", false, err
	case k == kindString:
		s, err := d.string()
		return s, false, err
	case k == kindNull && nullOK:
		d.pos += len("null")
		return "", true, nil
	}
	return "", false, d.wrongType(path, index, "a string", k)
}

// optString reads the string at d.pos, or null as nil.
func (d *decoder) optString(path string) (*string, error) {
	s, null, err := d.stringValue(path, -1, true)
	if null || err != nil {
		return nil, err
	}
	return &s, nil
}

// boolValue reads the boolean at d.pos, or null (as false).
func (d *decoder) boolValue(path string) (v, null bool, err error) {
	k, err := d.kind()
	switch {
	case err != nil:
		return false, false, err
	case k == kindBool:
		v = d.data[d.pos] == 't'
		if v {
			d.pos += len("true")
		} else {
			d.pos += len("false")
		}
		return v, false, nil
	case k == kindNull:
		d.pos += len("null")
		return false, true, nil
	}
	return false, false, d.wrongType(path, -1, "a boolean", k)
}

// optBool reads the boolean at d.pos, or null as nil.
func (d *decoder) optBool(path string) (*bool, error) {
	v, null, err := d.boolValue(path)
	if null || err != nil {
		return nil, err
	}
	return &v, nil
}

// optInt32 reads the 32-bit integer at d.pos, or null as nil.
func (d *decoder) optInt32(path string) (*int32, error) {
	k, err := d.kind()
	switch {
	case err != nil:
		return nil, err
	case k == kindNull:
		d.pos += len("null")
		return nil, nil
	case k != kindNumber:
		return nil, d.wrongType(path, -1, "an integer", k)
	}
	start := d.pos
	lit, integer, err := d.number()
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

// number reads the number literal at d.pos, checking its syntax, and reports
// whether it is an integer: no fraction and no exponent.
func (d *decoder) number() (lit []byte, integer bool, err error) {
	start, i := d.pos, d.pos
	digits := func() {
		for i < len(d.data) && '0' <= d.data[i] && d.data[i] <= '9' {
			i++
		}
	}
	if i < len(d.data) && d.data[i] == '-' {
		i++
	}
	switch {
	case i >= len(d.data):
		return nil, false, d.syntax(i, "")
	case d.data[i] == '0':
		i++
	case '1' <= d.data[i] && d.data[i] <= '9':
		digits()
	default:
		return nil, false, d.syntax(i, "in numeric literal")
	}
	integer = true
	if i < len(d.data) && d.data[i] == '.' {
		integer = false
		i++
		if i >= len(d.data) || d.data[i] < '0' || d.data[i] > '9' {
			return nil, false, d.syntax(i, "after decimal point in numeric literal")
		}
		digits()
	}
	if i < len(d.data) && (d.data[i] == 'e' || d.data[i] == 'E') {
		integer = false
		i++
		if i < len(d.data) && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if i >= len(d.data) || d.data[i] < '0' || d.data[i] > '9' {
			return nil, false, d.syntax(i, "in exponent of numeric literal")
		}
		digits()
	}
	d.pos = i
	return d.data[start:i], integer, nil
}

// list reads the array of strings at d.pos, or null as nil. An empty array
// gives an empty, non-nil list, so that it encodes back to [].
func list[T ~string](d *decoder, path string) ([]T, error) {
	k, err := d.kind()
	switch {
	case err != nil:
		return nil, err
	case k == kindNull:
		d.pos += len("null")
		return nil, nil
	case k != kindArray:
		return nil, d.wrongType(path, -1, "an array", k)
	}
	d.pos++ // '['
	d.skipSpace()
	l := []T{}
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return l, nil
	}
	for i := 0; ; i++ {
		s, _, err := d.stringValue(path, i, false)
		if err != nil {
			return nil, err
		}
		l = append(l, T(s))
		d.skipSpace()
		if d.pos >= len(d.data) {
			return nil, d.syntax(d.pos, "")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
			d.skipSpace()
		case ']':
			d.pos++
			return l, nil
		default:
			return nil, d.syntax(d.pos, "after array element")
		}
	}
}

// string reads the string literal at d.pos (its opening quote).
func (d *decoder) string() (string, error) {
	start := d.pos + 1
	for i := start; i < len(d.data); i++ {
		c := d.data[i]
		if c == '"' {
			d.pos = i + 1
			return string(d.data[start:i]), nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return d.stringSlow(start, i)
		}
	}
	return "", d.syntax(len(d.data), "")
}

// stringSlow reads the rest of a string literal that starts at start and
// holds an escape, a control character or a non-ASCII byte at i.
func (d *decoder) stringSlow(start, i int) (string, error) {
	b := make([]byte, i-start, i-start+16)
	copy(b, d.data[start:i])
	for i < len(d.data) {
		c := d.data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return string(b), nil
		case c < 0x20:
			return "", d.syntax(i, "in string literal")
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(d.data[i:])
			if r == utf8.RuneError && size == 1 {
				return "", d.fail(i, "", ErrSyntax, "invalid UTF-8 in string literal")
			}
			b = append(b, d.data[i:i+size]...)
			i += size
		case c != '\\':
			b = append(b, c)
			i++
		default:
			if i+1 >= len(d.data) {
				return "", d.syntax(i+1, "")
			}
			switch e := d.data[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, n, err := d.unicodeEscape(i)
				if err != nil {
					return "", err
				}
				b = utf8.AppendRune(b, r)
				i += n
				continue
			default:
				return "", d.syntax(i+1, "in string escape code")
			}
			i += 2
		}
	}
	return "", d.syntax(len(d.data), "")
}

// unicodeEscape decodes the \uXXXX escape at i, with the low surrogate that
// must follow a high one, and returns the rune and the bytes it took.
func (d *decoder) unicodeEscape(i int) (rune, int, error) {
	r, err := d.hex4(i + 2)
	if err != nil {
		return 0, 0, err
	}
	switch {
	case r < 0xD800 || r > 0xDFFF:
		return r, 6, nil
	case r >= 0xDC00:
		return 0, 0, d.fail(i, "", ErrSyntax, "unpaired surrogate escape in string literal")
	}
	if !bytes.HasPrefix(d.data[i+6:], []byte(`\u`)) {
		return 0, 0, d.fail(i, "", ErrSyntax, "unpaired surrogate escape in string literal")
	}
	lo, err := d.hex4(i + 8)
	if err != nil {
		return 0, 0, err
	}
	if lo < 0xDC00 || lo > 0xDFFF {
		return 0, 0, d.fail(i, "", ErrSyntax, "unpaired surrogate escape in string literal")
	}
	return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), 12, nil
}

// hex4 decodes the four hexadecimal digits at i.
func (d *decoder) hex4(i int) (rune, error) {
	var r rune
	for j := i; j < i+4; j++ {
		if j >= len(d.data) {
			return 0, d.syntax(j, "")
		}
		c := d.data[j]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, d.syntax(j, "in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(c)
	}
	return r, nil
}
