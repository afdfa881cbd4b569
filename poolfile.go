package appclient

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// DecodePool reads a [Pool] from the AWS CLI's JSON output (the default
// --output json) of one or more of these commands, one document after
// another in r:
//
//	aws cognito-idp describe-user-pool --user-pool-id ID       # {"UserPool": {...}}
//	aws cognito-idp list-resource-servers --user-pool-id ID --max-results 50   # {"ResourceServers": [...]}
//	aws cognito-idp list-identity-providers --user-pool-id ID  # {"Providers": [...]}
//
// A document may also hold several of those members. The pool is as complete
// as the outputs given: without describe-user-pool the schema and feature
// plan are unknown, without list-resource-servers the resource servers,
// without list-identity-providers the identity providers (see
// [Pool.Incomplete]), and the rules that need them decide nothing.
//
// DecodePool reads r to its end. It fails, with a *PoolFileError, on input
// that is not such output: invalid JSON, a document with another top-level
// member, a value of the wrong type, a missing name or identifier, a
// UserPoolTier outside [UserPoolTier.Values], a command given twice, outputs
// of different user pools, or a NextToken, which means pages were left out
// (the AWS CLI fetches every page unless --no-paginate or --max-items is
// given).
func DecodePool(r io.Reader) (*Pool, error) {
	return DecodePoolFrom(PoolSource{Reader: r})
}

// PoolSource is one input of [DecodePoolFrom]: a reader and the name that
// errors give it, such as its file's path.
type PoolSource struct {
	Name   string
	Reader io.Reader
}

// DecodePoolFrom reads a [Pool] from several inputs, each of which holds
// outputs as [DecodePool] reads them; together they describe one pool. Each
// input is read to its end, in turn. An error about an input names it (the
// PoolFileError's Name) and places the fault within it.
func DecodePoolFrom(srcs ...PoolSource) (*Pool, error) {
	d := &poolDecoder{pool: &Pool{Incomplete: PoolAllParts}}
	n := 0
	for _, src := range srcs {
		data, err := io.ReadAll(src.Reader)
		if err != nil {
			return nil, err
		}
		d.name, d.data = src.Name, data
		dec := json.NewDecoder(bytes.NewReader(data))
		for {
			start := skipSpace(data, dec.InputOffset())
			var members map[string]json.RawMessage
			err := dec.Decode(&members)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, d.jsonError(start, err)
			}
			if members == nil {
				return nil, d.errorAt(start, "null is not an AWS CLI output")
			}
			if err := d.document(start, data[start:dec.InputOffset()], members); err != nil {
				return nil, err
			}
			n++
		}
	}
	if n == 0 {
		return nil, d.errorAt(int64(len(d.data)), "no AWS CLI output (want describe-user-pool, list-resource-servers or list-identity-providers)")
	}
	return d.pool, nil
}

// PoolFileError is a problem with the input of [DecodePool].
type PoolFileError struct {
	// Name is the [PoolSource] name of the input at fault; "" for
	// DecodePool's one reader.
	Name string
	// Offset is the byte offset, from 0 within that input, of the value at
	// fault (for a syntax error, of the offending byte).
	Offset int64
	// Line and Column give Offset as a 1-based line and column; the column
	// counts characters (Unicode code points), as [Position] does.
	Line, Column int
	// Message describes the problem.
	Message string
}

// Error returns "NAME:L:C: Message", or "line L, column C: Message" without a name.
func (e *PoolFileError) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message)
}

// poolDecoder is the state of DecodePool.
type poolDecoder struct {
	name                        string // the input being read, and its data
	data                        []byte
	pool                        *Pool
	describe, servers, provider bool // which outputs were read
}

// The parts of the AWS CLI's outputs that DecodePool reads. encoding/json
// skips the many members it does not name.
type (
	cliUserPool struct {
		ID               *string `json:"Id"`
		UserPoolTier     *string
		SchemaAttributes []struct {
			Name     *string
			Required *bool
			Mutable  *bool
		}
	}
	cliResourceServer struct {
		UserPoolID *string `json:"UserPoolId"`
		Identifier *string
		Scopes     []struct{ ScopeName *string }
	}
	cliProvider struct {
		ProviderName *string
	}
	cliDocument struct {
		UserPool        *cliUserPool
		ResourceServers *[]cliResourceServer
		Providers       *[]cliProvider
		NextToken       *string
	}
)

// document adds one output, doc, that starts at offset start.
func (d *poolDecoder) document(start int64, doc []byte, members map[string]json.RawMessage) error {
	var unknown []string
	for k := range members {
		switch k {
		case "UserPool", "ResourceServers", "Providers", "NextToken":
		default:
			unknown = append(unknown, fmt.Sprintf("%q", k))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return d.errorAt(start, fmt.Sprintf("unknown member %s: not an output of describe-user-pool, list-resource-servers or list-identity-providers", strings.Join(unknown, ", ")))
	}
	var v cliDocument
	if err := json.Unmarshal(doc, &v); err != nil {
		return d.jsonError(start, err)
	}
	if v.NextToken != nil && *v.NextToken != "" {
		return d.errorAt(start, "NextToken is set: pages are missing (let the AWS CLI fetch every page: no --no-paginate, no --max-items)")
	}
	if v.UserPool == nil && v.ResourceServers == nil && v.Providers == nil {
		return d.errorAt(start, "no UserPool, ResourceServers or Providers: not an output of describe-user-pool, list-resource-servers or list-identity-providers")
	}
	if v.UserPool != nil {
		if err := d.userPool(start, v.UserPool); err != nil {
			return err
		}
	}
	if v.ResourceServers != nil {
		if err := d.resourceServers(start, *v.ResourceServers); err != nil {
			return err
		}
	}
	if v.Providers != nil {
		if err := d.providers(start, *v.Providers); err != nil {
			return err
		}
	}
	return nil
}

func (d *poolDecoder) userPool(at int64, u *cliUserPool) error {
	if d.describe {
		return d.errorAt(at, "a second describe-user-pool output")
	}
	d.describe = true
	if u.ID == nil || *u.ID == "" {
		return d.errorAt(at, "UserPool has no Id")
	}
	if err := d.setID(at, *u.ID); err != nil {
		return err
	}
	if u.UserPoolTier != nil {
		t := UserPoolTier(*u.UserPoolTier)
		if !t.Valid() {
			return d.errorAt(at, fmt.Sprintf("UserPoolTier %q is not one of LITE, ESSENTIALS, PLUS", *u.UserPoolTier))
		}
		d.pool.Tier = t
	}
	for i, a := range u.SchemaAttributes {
		if a.Name == nil || *a.Name == "" {
			return d.errorAt(at, fmt.Sprintf("UserPool.SchemaAttributes[%d] has no Name", i))
		}
		d.pool.Attributes = append(d.pool.Attributes, Attribute{
			Name: *a.Name, Required: a.Required != nil && *a.Required, Mutable: a.Mutable != nil && *a.Mutable,
		})
	}
	d.pool.Incomplete &^= PoolAttributes
	return nil
}

func (d *poolDecoder) resourceServers(at int64, list []cliResourceServer) error {
	if d.servers {
		return d.errorAt(at, "a second list-resource-servers output")
	}
	d.servers = true
	for i, rs := range list {
		if rs.Identifier == nil || *rs.Identifier == "" {
			return d.errorAt(at, fmt.Sprintf("ResourceServers[%d] has no Identifier", i))
		}
		if rs.UserPoolID != nil {
			if err := d.setID(at, *rs.UserPoolID); err != nil {
				return err
			}
		}
		server := ResourceServer{Identifier: *rs.Identifier}
		for j, s := range rs.Scopes {
			if s.ScopeName == nil || *s.ScopeName == "" {
				return d.errorAt(at, fmt.Sprintf("ResourceServers[%d].Scopes[%d] has no ScopeName", i, j))
			}
			server.Scopes = append(server.Scopes, *s.ScopeName)
		}
		d.pool.ResourceServers = append(d.pool.ResourceServers, server)
	}
	d.pool.Incomplete &^= PoolResourceServers
	return nil
}

func (d *poolDecoder) providers(at int64, list []cliProvider) error {
	if d.provider {
		return d.errorAt(at, "a second list-identity-providers output")
	}
	d.provider = true
	for i, p := range list {
		if p.ProviderName == nil || *p.ProviderName == "" {
			return d.errorAt(at, fmt.Sprintf("Providers[%d] has no ProviderName", i))
		}
		d.pool.IdentityProviders = append(d.pool.IdentityProviders, *p.ProviderName)
	}
	d.pool.Incomplete &^= PoolIdentityProviders
	return nil
}

// setID records the pool's ID, which every output that names one must share.
func (d *poolDecoder) setID(at int64, id string) error {
	if d.pool.ID != "" && d.pool.ID != id {
		return d.errorAt(at, fmt.Sprintf("outputs of two user pools, %q and %q", d.pool.ID, id))
	}
	d.pool.ID = id
	return nil
}

// errorAt makes a PoolFileError at offset off.
func (d *poolDecoder) errorAt(off int64, msg string) *PoolFileError {
	off = min(max(off, 0), int64(len(d.data)))
	before := d.data[:off]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := utf8.RuneCount(before[lineStart:]) + 1
	return &PoolFileError{Name: d.name, Offset: off, Line: line, Column: col, Message: msg}
}

// jsonError turns an error of encoding/json, in a document that starts at
// start, into a PoolFileError.
func (d *poolDecoder) jsonError(start int64, err error) *PoolFileError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// The decoder's offsets count from the start of the stream.
		off := syn.Offset
		if off > 0 {
			off-- // the offset is just past the offending byte
		}
		return d.errorAt(off, "invalid JSON: "+syn.Error())
	case errors.As(err, &typ) && typ.Field == "":
		return d.errorAt(start, fmt.Sprintf("a JSON %s is not an AWS CLI output (want an object)", typ.Value))
	case errors.As(err, &typ):
		// Unmarshal's offsets count from the start of the document, just
		// past the value.
		return d.errorAt(start+max(typ.Offset-1, 0), fmt.Sprintf("%s: a JSON %s where %s belongs", typ.Field, typ.Value, typ.Type))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return d.errorAt(int64(len(d.data)), "invalid JSON: unexpected end of input")
	}
	return d.errorAt(start, err.Error())
}

// skipSpace returns the offset of the first byte at or after off that is not
// JSON white space.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n':
			off++
		default:
			return off
		}
	}
	return off
}
