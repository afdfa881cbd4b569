package appclient

import (
	"fmt"
	"io"
)

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
