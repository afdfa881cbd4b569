package iac

import (
	"bytes"
	"errors"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
	"github.com/cognitokit/appclient/internal/jsonlex"
)

// The inputs shaped like the Cognito API rather than like a template: an
// UpdateUserPoolClient request and the output of DescribeUserPoolClient.
// A create request is read in readBytes itself.

// describeOnly are the members of a described client that describe it
// rather than configure it: a request has none of them. They are allowed in
// a described client and not read, the secret's value included.
var describeOnly = map[string]bool{"ClientId": true, "ClientSecret": true, "CreationDate": true, "LastModifiedDate": true}

// readUpdate reads an UpdateUserPoolClient request body with
// appclient.DecodeUpdateRequest, as strictly as a create request.
func readUpdate(name string, data []byte, root *tree.Value) *Client {
	c := newClient("", root.Pos)
	indexPositions(c, "", root)
	out := c.public(name)
	u, err := appclient.DecodeUpdateRequest(bytes.NewReader(data))
	if err != nil {
		out.Errors = append(out.Errors, decodeError(name, err, data, nil, c))
		return out
	}
	out.Request = u.Configuration()
	out.Update = &u
	return out
}

// readDescribed reads the output of describe-user-pool-client,
// {"UserPoolClient": {...}}, which must have no other member. The client
// object is read with appclient.DecodeRequest, as strictly as a request,
// from its members other than describeOnly; GenerateSecret is true when it
// has a ClientSecret that is not null. The secret's value is never read.
func readDescribed(name string, data []byte, root *tree.Value) *Client {
	var obj *tree.Member
	for i, m := range root.Membs {
		if m.Key == "UserPoolClient" {
			obj = &root.Membs[i]
		}
	}
	c := newClient("", obj.KeyPos)
	for _, m := range root.Membs {
		if m.Key != "UserPoolClient" {
			c.errorf(m.KeyPos, "%s: unknown member (describe-user-pool-client output has only UserPoolClient)", m.Key)
		}
	}
	if obj.Val.Kind != tree.Map {
		c.errorf(obj.Val.Pos, "UserPoolClient must be an object, not %s", obj.Val.Kind)
	}
	if len(c.Errs) > 0 {
		return c.public(name)
	}
	indexPositions(c, "", obj.Val)
	out := c.public(name)
	body, hasSecret, err := describedBody(data)
	if err != nil {
		// The tree reader has read the same bytes; this is not expected.
		out.Errors = append(out.Errors, &Error{File: name, Pos: c.Pos, Message: err.Error()})
		return out
	}
	req, err := appclient.DecodeRequest(bytes.NewReader(body.data))
	if err != nil {
		out.Errors = append(out.Errors, decodeError(name, err, data, body, c))
		return out
	}
	req.GenerateSecret = hasSecret
	out.Request = req
	return out
}

// splice is a JSON object put together from members of another text, with
// the way back to the offsets of that text.
type splice struct {
	data []byte
	// segs are the copied spans, in order: data[at:at+n] is src[from:from+n].
	segs []struct{ at, from, n int }
}

// add appends src[from:to] to the object.
func (s *splice) add(src []byte, from, to int) {
	if len(s.segs) > 0 {
		s.data = append(s.data, ',')
	}
	s.segs = append(s.segs, struct{ at, from, n int }{len(s.data), from, to - from})
	s.data = append(s.data, src[from:to]...)
}

// source returns the offset in the source text of offset off of s.data:
// within a copied span, the same byte; elsewhere (a brace or a comma that s
// added), the end of the span before it, or 0.
func (s *splice) source(off int) int {
	back := 0
	for _, sg := range s.segs {
		if off < sg.at {
			break
		}
		if off < sg.at+sg.n {
			return sg.from + off - sg.at
		}
		back = sg.from + sg.n
	}
	return back
}

// describedBody returns the UserPoolClient object of a described client
// without its describeOnly members, as a splice of data, and whether it
// has a ClientSecret that is not null.
func describedBody(data []byte) (body *splice, hasSecret bool, err error) {
	body = &splice{data: []byte{'{'}}
	l := jsonlex.New(data)
	more, err := l.OpenObject()
	for err == nil && more {
		var name []byte
		if name, _, err = l.Name(); err != nil {
			break
		}
		if string(name) != "UserPoolClient" {
			err = l.Skip()
		} else {
			hasSecret, err = describedMembers(l, data, body)
		}
		if err == nil {
			more, err = l.NextMember()
		}
	}
	if err != nil {
		return nil, false, err
	}
	body.data = append(body.data, '}')
	return body, hasSecret, nil
}

// describedMembers reads the client object at l's offset into body,
// leaving out the describeOnly members.
func describedMembers(l *jsonlex.Lexer, data []byte, body *splice) (hasSecret bool, err error) {
	more, err := l.OpenObject()
	for err == nil && more {
		l.SkipSpace()
		from := l.Offset()
		var name []byte
		if name, _, err = l.Name(); err != nil {
			break
		}
		skip, secret := describeOnly[string(name)], string(name) == "ClientSecret"
		var k jsonlex.Kind
		if k, err = l.Peek(); err != nil {
			break
		}
		if err = l.Skip(); err != nil {
			break
		}
		switch {
		case secret:
			hasSecret = k != jsonlex.Null
		case !skip:
			body.add(data, from, l.Offset())
		}
		more, err = l.NextMember()
	}
	return hasSecret, err
}

// decodeError turns an error of DecodeRequest or DecodeUpdateRequest into
// an input error at the position it names. body, when not nil, is the
// splice of data that was decoded.
func decodeError(name string, err error, data []byte, body *splice, c *client) *Error {
	var de *appclient.DecodeError
	if !errors.As(err, &de) {
		return &Error{File: name, Pos: c.Pos, Message: err.Error()}
	}
	msg := de.Message
	if de.Field != "" {
		msg = de.Field + ": " + msg
	}
	off := int(de.Offset)
	if body != nil {
		off = body.source(off)
	}
	return &Error{File: name, Pos: tree.NewLineIndex(string(data)).Position(off), Message: msg}
}

// validate validates the client's request: an update request with its own
// Validate, which skips the rules that need to know whether the client has
// a secret; every other kind as a create request.
func (c *Client) validate() error {
	if c.Update != nil {
		return c.Update.Validate()
	}
	return c.Request.Validate()
}

// lint lints the client's request: an update with its own Lint.
func (c *Client) lint() []*appclient.Advisory {
	if c.Update != nil {
		return c.Update.Lint()
	}
	return c.Request.Lint()
}

// validateInPool and lintInPool are validate and lint with the rules that
// need the user pool.
func (c *Client) validateInPool(p *appclient.Pool) error {
	if c.Update != nil {
		return c.Update.ValidateInPool(p)
	}
	return c.Request.ValidateInPool(p)
}

func (c *Client) lintInPool(p *appclient.Pool) []*appclient.Advisory {
	if c.Update != nil {
		return c.Update.LintInPool(p)
	}
	return c.Request.LintInPool(p)
}
