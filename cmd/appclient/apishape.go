package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/cognitokit/appclient"
)

// The kinds of API input, as they appear in the json output of validate and
// diff.
const (
	// kindCreateRequest is a CreateUserPoolClient request body.
	kindCreateRequest = "request"
	// kindUpdate is an UpdateUserPoolClient request body: it has ClientId.
	kindUpdate = "update"
	// kindDescribed is the output of aws cognito-idp
	// describe-user-pool-client: {"UserPoolClient": {...}}.
	kindDescribed = "described"
)

// The members of a described client that describe it rather than configure
// it; they are not request members.
var describeOnly = map[string]bool{"ClientId": true, "ClientSecret": true, "CreationDate": true, "LastModifiedDate": true}

// apiInput is one API-shaped JSON input: a create request, an update request
// or a described client, read as the configuration it gives a client.
type apiInput struct {
	Kind string
	// Config is the configuration. For an update, ClientName is "" when the
	// update keeps the current name, and GenerateSecret is false.
	Config appclient.CreateUserPoolClientRequest
	// SecretKnown reports whether the input says if the client has a
	// secret: an update does not.
	SecretKnown bool
	// NameKnown reports whether the input names the client: an update may
	// leave ClientName out to keep the current one.
	NameKnown bool
	// Update is the update request, for kindUpdate.
	Update *appclient.UpdateUserPoolClientRequest
}

// inputError is an input problem at a byte offset of the input, or at none
// (Offset < 0).
type apiInputError struct {
	Offset int64
	Field  string
	Msg    string
}

func (e *apiInputError) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Msg
	}
	return e.Msg
}

// apiKind tells which API shape the JSON object data is, from its top-level
// member names: kindDescribed with UserPoolClient, kindUpdate with ClientId,
// kindCreateRequest otherwise (also for input that is not a JSON object: the strict
// reader then says why).
func apiKind(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return kindCreateRequest
	}
	kind := kindCreateRequest
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return kind
		}
		switch t {
		case "UserPoolClient":
			return kindDescribed
		case "ClientId":
			kind = kindUpdate
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return kind
		}
	}
	return kind
}

// readAPIInput reads a create request, an update request or a described
// client, recognised by apiKind, with the strict readers of package
// appclient. Errors are *apiInputError with the byte offset in data.
func readAPIInput(data []byte) (apiInput, error) {
	switch apiKind(data) {
	case kindDescribed:
		return readDescribed(data)
	case kindUpdate:
		u, err := appclient.DecodeUpdateRequest(bytes.NewReader(data))
		if err != nil {
			return apiInput{}, asInputError(err)
		}
		return apiInput{Kind: kindUpdate, Config: u.Configuration(), NameKnown: u.ClientName != nil, Update: &u}, nil
	}
	r, err := appclient.DecodeRequest(bytes.NewReader(data))
	if err != nil {
		return apiInput{}, asInputError(err)
	}
	return apiInput{Kind: kindCreateRequest, Config: r, SecretKnown: true, NameKnown: true}, nil
}

func asInputError(err error) error {
	var de *appclient.DecodeError
	if errors.As(err, &de) {
		return &apiInputError{Offset: de.Offset, Field: de.Field, Msg: de.Msg}
	}
	return &apiInputError{Offset: -1, Msg: err.Error()}
}

// readDescribed reads the output of describe-user-pool-client. The client
// object is read by DecodeRequest, as strictly as a request, from a copy of
// the input in which everything but the client object, and the members that
// only describe a client (ClientId, ClientSecret, CreationDate,
// LastModifiedDate), are blanked out with spaces: the positions of its errors
// are the input's, and the secret's value is never read into anything.
func readDescribed(data []byte) (apiInput, error) {
	start, end, err := memberValue(data, "UserPoolClient")
	if err != nil {
		return apiInput{}, err
	}
	if start < 0 || data[start] != '{' {
		return apiInput{}, &apiInputError{Offset: int64(max(start, 0)), Field: "UserPoolClient", Msg: "is not an object"}
	}
	buf := bytes.Clone(data)
	blank(buf, 0, start)
	blank(buf, end, len(buf))
	hasSecret := false
	spans, err := members(data[start:end])
	if err != nil {
		return apiInput{}, offsetBy(err, start)
	}
	for _, m := range spans {
		if !describeOnly[m.name] {
			continue
		}
		if m.name == "ClientSecret" && !bytes.Equal(bytes.TrimSpace(data[start+m.value:start+m.end]), []byte("null")) {
			hasSecret = true
		}
		blank(buf, start+m.key, start+m.end)
		dropComma(buf, start+m.key, start+m.end)
	}
	r, err := appclient.DecodeRequest(bytes.NewReader(buf))
	if err != nil {
		return apiInput{}, asInputError(err)
	}
	r.GenerateSecret = hasSecret
	return apiInput{Kind: kindDescribed, Config: r, SecretKnown: true, NameKnown: true}, nil
}

// memberValue returns the byte range of the value of the top-level member
// name of the JSON object data, which must have no other member; start is -1
// when it is absent.
func memberValue(data []byte, name string) (start, end int, err error) {
	spans, err := members(data)
	if err != nil {
		return -1, -1, err
	}
	start, end = -1, -1
	for _, m := range spans {
		if m.name != name {
			return -1, -1, &apiInputError{Offset: int64(m.key), Field: m.name, Msg: fmt.Sprintf("unknown member (describe-user-pool-client output has only %s)", name)}
		}
		if start >= 0 {
			return -1, -1, &apiInputError{Offset: int64(m.key), Field: m.name, Msg: "duplicate member"}
		}
		start, end = m.value, m.end
	}
	if start < 0 {
		return -1, -1, &apiInputError{Offset: 0, Field: name, Msg: "is missing"}
	}
	return start, end, nil
}

// memberSpan is where one member of a JSON object lies: its name's opening
// quote, its value's first byte, and the end of its value.
type memberSpan struct {
	name            string
	key, value, end int
}

// members returns the members of the JSON object data (which may have
// surrounding white space) in order, or a syntax error at its offset.
func members(data []byte) ([]memberSpan, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		if err != nil {
			return nil, syntaxError(err, dec)
		}
		return nil, &apiInputError{Offset: 0, Msg: "not a JSON object"}
	}
	var out []memberSpan
	for dec.More() {
		at := skipSpace(data, int(dec.InputOffset()))
		t, err := dec.Token()
		if err != nil {
			return nil, syntaxError(err, dec)
		}
		name, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, syntaxError(err, dec)
		}
		end := int(dec.InputOffset())
		out = append(out, memberSpan{name: name, key: at, value: end - len(v), end: end})
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntaxError(err, dec)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &apiInputError{Offset: dec.InputOffset(), Msg: "data after the object"}
	}
	return out, nil
}

// syntaxError turns an encoding/json error into an apiInputError.
func syntaxError(err error, dec *json.Decoder) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &apiInputError{Offset: se.Offset, Msg: se.Error()}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &apiInputError{Offset: dec.InputOffset(), Msg: "unexpected end of input"}
	}
	return &apiInputError{Offset: dec.InputOffset(), Msg: err.Error()}
}

// skipSpace returns the offset of the first byte at or after i that is
// neither JSON white space nor the comma between members.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r' || data[i] == ',') {
		i++
	}
	return i
}

// offsetBy moves the offset of an apiInputError by d.
func offsetBy(err error, d int) error {
	var ie *apiInputError
	if errors.As(err, &ie) && ie.Offset >= 0 {
		ie.Offset += int64(d)
	}
	return err
}

// blank overwrites buf[i:j] with spaces, keeping line breaks, so that offsets,
// lines and columns stay those of the input.
func blank(buf []byte, i, j int) {
	for k := i; k < j; k++ {
		if buf[k] != '\n' && buf[k] != '\r' {
			buf[k] = ' '
		}
	}
}

// dropComma blanks the comma that separated the blanked member buf[i:j] from
// its neighbours: the one after it, or, for the last member, the one before.
func dropComma(buf []byte, i, j int) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	k := j
	for k < len(buf) && isSpace(buf[k]) {
		k++
	}
	if k < len(buf) && buf[k] == ',' {
		buf[k] = ' '
		return
	}
	k = i - 1
	for k >= 0 && isSpace(buf[k]) {
		k--
	}
	if k >= 0 && buf[k] == ',' {
		buf[k] = ' '
	}
}

// lineCol returns the 1-based line and column (in characters) of offset in
// data.
func lineCol(data []byte, offset int64) (line, col int) {
	off := int(min(max(offset, 0), int64(len(data))))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

// analyzeAPIInput validates, for validate, an input that is an update
// request or a described client, and returns nil for any other input (a
// create request, a template, a plan), which the other readers take. An
// update is checked without the rules that need to know whether the client
// has a secret; a described client as the create request it amounts to.
//
// It needs nothing of the other readers but the result types, so that it can
// be called wherever the command first holds an input's bytes.
func analyzeAPIInput(name string, data []byte) *fileResult {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	kind := apiKind(data)
	if kind == kindCreateRequest {
		return nil
	}
	res := &fileResult{Name: displayName(name), Kind: kind}
	in, err := readAPIInput(data)
	if err != nil {
		var ie *apiInputError
		if errors.As(err, &ie) && ie.Offset >= 0 {
			line, col := lineCol(data, ie.Offset)
			res.Errors = append(res.Errors, inputError{Pos: pos{Line: line, Col: col}, Msg: ie.Error()})
		} else {
			res.Errors = append(res.Errors, inputError{Msg: err.Error()})
		}
		return res
	}
	where := positions(data)
	at := func(path string) pos {
		for p := path; ; {
			if kind == kindDescribed {
				p2 := "UserPoolClient"
				if p != "" {
					p2 += "." + p
				}
				if off, ok := where[p2]; ok {
					line, col := lineCol(data, int64(off))
					return pos{Line: line, Col: col}
				}
			} else if off, ok := where[p]; ok {
				line, col := lineCol(data, int64(off))
				return pos{Line: line, Col: col}
			}
			if p == "" {
				return pos{Line: 1, Col: 1}
			}
			p = parentOf(p)
		}
	}
	res.Clients = []*client{{Pos: at("")}}
	if in.Update != nil {
		err = in.Update.Validate()
	} else {
		err = in.Config.Validate()
	}
	if err == nil {
		return res
	}
	var ve *appclient.ValidationError
	if !errors.As(err, &ve) {
		return res.withFinding(finding{Pos: at(""), Rule: "internal", Severity: appclient.SeverityError, Message: err.Error()})
	}
	for _, fe := range ve.Errors {
		res.Findings = append(res.Findings, finding{
			Pos: at(fe.Field), Field: fe.Field, Rule: fe.Rule, Severity: appclient.SeverityError,
			Exception: fe.Exception, Message: fe.Message,
		})
	}
	return res
}

func (r *fileResult) withFinding(f finding) *fileResult {
	r.Findings = append(r.Findings, f)
	return r
}

// parentOf returns the parent of a member path: "A.B" and "A[2]" give "A",
// "A" gives "".
func parentOf(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '.' || p[i] == '[' {
			return p[:i]
		}
	}
	return ""
}

// positions maps the member path of every member and list element of the
// JSON document data ("A", "A.B", "A[2]") to the byte offset of its name (for
// a member) or its value (for an element). The path "" is the document. It
// stops quietly at the first syntax error: the strict reader has reported it.
func positions(data []byte) map[string]int {
	where := map[string]int{"": skipSpace(data, 0)}
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func(path string) bool
	walk = func(path string) bool {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		switch t {
		case json.Delim('{'):
			for dec.More() {
				at := skipSpace(data, int(dec.InputOffset()))
				k, err := dec.Token()
				if err != nil {
					return false
				}
				key, _ := k.(string)
				p := key
				if path != "" {
					p = path + "." + key
				}
				if _, dup := where[p]; !dup {
					where[p] = at
				}
				if !walk(p) {
					return false
				}
			}
			_, err = dec.Token()
			return err == nil
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				p := path + "[" + strconv.Itoa(i) + "]"
				if _, dup := where[p]; !dup {
					where[p] = skipSpace(data, int(dec.InputOffset()))
				}
				if !walk(p) {
					return false
				}
			}
			_, err = dec.Token()
			return err == nil
		}
		return true
	}
	walk("")
	return where
}
