package appclient

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
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
	// UpdateUserPoolClient request. It is [ErrSecretChange]: one fact, that
	// an update cannot add, remove or change a client secret, whether a
	// request file or a desired configuration says otherwise.
	ErrSecretInUpdate = ErrSecretChange
)

// DecodeError is the error [DecodeRequest] and [DecodeUpdateRequest] return
// for input they cannot read as a request. It describes the first problem in
// the input, in document order.
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
	// '\n'; the column counts characters (Unicode code points), as
	// [Position] does.
	Line, Column int
	// Suggestion is, for an unknown member, the name of the real member it
	// most likely means, at the same level as Field: "CallbackURLs" for
	// "callback_urls", "AccessToken" for "TokenValidityUnits.accessToken".
	// It is "" when no member is close.
	Suggestion string
	// Message describes the problem, without the position and the member
	// path.
	Message string
	// Err is the sentinel for the kind of problem: [ErrSyntax],
	// [ErrUnknownMember], [ErrDuplicateMember], [ErrType], [ErrNumber] or,
	// from DecodeUpdateRequest only, [ErrSecretInUpdate].
	Err error
}

// Error returns "appclient: line L, column C: Field: Message", leaving out the
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
	b.WriteString(e.Message)
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
	var req CreateUserPoolClientRequest
	if err := decodeDocument(data, createRequestType, &req); err != nil {
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
	var req UpdateUserPoolClientRequest
	if err := decodeDocument(data, updateRequestType, &req); err != nil {
		return UpdateUserPoolClientRequest{}, err
	}
	return req, nil
}
