package appclient

import (
	"encoding/json"
	"io"
)

// DecodeRequest reads one CreateUserPoolClient request body from r.
//
// In this first step it is encoding/json with unknown members rejected; the
// strict reader follows.
func DecodeRequest(r io.Reader) (CreateUserPoolClientRequest, error) {
	var req CreateUserPoolClientRequest
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	err := dec.Decode(&req)
	return req, err
}
