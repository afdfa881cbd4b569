package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient"
)

// Input kinds, as they appear in the json output.
const (
	kindRequest        = "request"
	kindCloudFormation = "cloudformation"
	kindTerraform      = "terraform"
)

// fileResult is what validating one file found.
type fileResult struct {
	// Name is the file name as given, or "<stdin>".
	Name string
	// Kind is one of the input kinds, or "" when the file could not be read.
	Kind     string
	Clients  []*client
	Findings []finding
	// Errors are input problems: the file or a client could not be read.
	Errors []inputError
}

// finding is one violation Cognito would reject, or one advisory.
type finding struct {
	Pos      pos
	Resource string
	Field    string
	Rule     string
	// Severity is "error" for a violation, "warning" for an advisory.
	Severity  appclient.Severity
	Exception string
	Message   string
}

// inputError is a problem with the input itself.
type inputError struct {
	Pos      pos
	Resource string
	Msg      string
}

// readFile reads a file, or standard input for "-", refusing files larger
// than maxInputBytes.
func readFile(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxInputBytes {
			return nil, errTooLarge
		}
		r = f
	}
	return readLimited(r, maxInputBytes)
}

// readLimited reads r to its end, failing with errTooLarge as soon as it
// holds more than limit bytes. Its buffer doubles up to limit+1 bytes, so
// refusing an endless stream costs about 2.5 times the limit.
func readLimited(r io.Reader, limit int) ([]byte, error) {
	buf := make([]byte, 0, min(64<<10, limit+1))
	for {
		if len(buf) == cap(buf) {
			if len(buf) > limit {
				return nil, errTooLarge
			}
			grown := make([]byte, len(buf), min(2*cap(buf), limit+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return nil, errTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

var errTooLarge = fmt.Errorf("larger than %d MiB", maxInputBytes>>20)

// displayName is how a file is named in messages.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// analyze validates every app client of one input.
func analyze(name string, data []byte) *fileResult {
	res := &fileResult{Name: displayName(name)}
	fail := func(err error) *fileResult {
		var pe *posError
		if errors.As(err, &pe) {
			res.Errors = append(res.Errors, inputError{Pos: pe.Pos, Msg: pe.Msg})
		} else {
			res.Errors = append(res.Errors, inputError{Msg: err.Error()})
		}
		return res
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(errors.New("empty input"))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(fmt.Errorf("%w: NUL byte at offset %d", errNotText, i))
	}
	if !utf8.Valid(data) {
		return fail(fmt.Errorf("%w: invalid UTF-8 at offset %d", errNotText, invalidUTF8At(data)))
	}
	src := string(data)
	root, isJSON, err := parseAny(src)
	if err != nil {
		return fail(err)
	}
	if root.Kind != kindMap {
		return fail(&posError{Pos: root.Pos, Msg: fmt.Sprintf("expected a request object, a CloudFormation template or a Terraform plan, found %s", root.Kind)})
	}
	switch {
	case root.get("resource_changes") != nil || (root.get("format_version") != nil && root.get("terraform_version") != nil):
		res.Kind = kindTerraform
		clients, err := tfClients(root)
		if err != nil {
			return fail(err)
		}
		res.Clients = clients
	case root.get("Resources") != nil || root.get("AWSTemplateFormatVersion") != nil:
		res.Kind = kindCloudFormation
		clients, err := cfnClients(root)
		if err != nil {
			return fail(err)
		}
		res.Clients = clients
	case isJSON:
		res.Kind = kindRequest
		c := newClient("", root.Pos)
		indexPositions(c, "", root)
		req, err := appclient.DecodeRequest(strings.NewReader(src))
		if err != nil {
			res.Errors = append(res.Errors, decodeError(err, src, c))
			return res
		}
		res.Clients = []*client{c}
		res.Findings = validate(c, &req)
		return res
	default:
		return fail(&posError{Pos: root.Pos, Msg: "not a CloudFormation template (no Resources), a request JSON or a Terraform plan"})
	}
	for _, c := range res.Clients {
		if len(c.Errs) > 0 {
			for _, e := range c.Errs {
				res.Errors = append(res.Errors, inputError{Pos: e.Pos, Resource: c.Resource, Msg: e.Msg})
			}
			continue
		}
		req, err := c.request()
		if err != nil {
			res.Errors = append(res.Errors, inputError{Pos: c.Pos, Resource: c.Resource, Msg: err.Error()})
			continue
		}
		res.Findings = append(res.Findings, validate(c, req)...)
	}
	return res
}

// parseAny reads JSON when the text starts with '{' or '[', and YAML
// otherwise. A '{' file with a JSON syntax error may still be a YAML
// template in flow style; the JSON error is reported when it is not.
func parseAny(src string) (n *node, isJSON bool, err error) {
	trimmed := strings.TrimLeft(src, " \t\r\n")
	if strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[") {
		n, jerr := parseJSON(src)
		if jerr == nil {
			return n, true, nil
		}
		var pe *posError
		if strings.HasPrefix(trimmed, "{") && len(src) <= maxYAMLBytes && errors.As(jerr, &pe) && !pe.limit {
			if y, yerr := parseYAML(src); yerr == nil && y.Kind == kindMap && y.get("Resources") != nil {
				return y, false, nil
			}
		}
		return nil, true, jerr
	}
	if len(src) > maxYAMLBytes {
		return nil, false, &posError{Msg: fmt.Sprintf("YAML larger than %d MiB (CloudFormation accepts templates of at most 1 MB)", maxYAMLBytes>>20)}
	}
	n, err = parseYAML(src)
	return n, false, err
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// request builds the request from the client's body.
func (c *client) request() (*appclient.CreateUserPoolClientRequest, error) {
	data, err := json.Marshal(c.Body)
	if err != nil {
		return nil, err
	}
	var req appclient.CreateUserPoolClientRequest
	if err := json.Unmarshal(data, &req); err != nil {
		return nil, fmt.Errorf("cannot build the request: %v", err)
	}
	return &req, nil
}

// validate runs Validate and Lint, and keeps the findings that do not
// depend on a value unknown before deployment and whose rule the client
// does not silence: violations first, then advisories.
func validate(c *client, req *appclient.CreateUserPoolClientRequest) []finding {
	var out []finding
	keep := func(rule, field string) bool {
		return !c.Ignored[rule] && !c.dependsOnUnknown(rule, field)
	}
	if err := req.Validate(); err != nil {
		var ve *appclient.ValidationError
		if !errors.As(err, &ve) {
			return []finding{{Pos: c.Pos, Resource: c.Resource, Rule: "internal", Severity: appclient.SeverityError, Message: err.Error()}}
		}
		for _, fe := range ve.Errors {
			if keep(fe.Rule, fe.Field) {
				out = append(out, finding{Pos: c.posOf(fe.Field), Resource: c.Resource, Field: fe.Field, Rule: fe.Rule,
					Severity: appclient.SeverityError, Exception: fe.Exception, Message: fe.Message})
			}
		}
	}
	for _, a := range req.Lint() {
		if keep(a.Rule, a.Field) {
			out = append(out, finding{Pos: c.posOf(a.Field), Resource: c.Resource, Field: a.Field, Rule: a.Rule,
				Severity: appclient.SeverityWarning, Message: a.Message})
		}
	}
	return out
}

// indexPositions records the position of every member of a request file
// under its member path.
func indexPositions(c *client, prefix string, n *node) {
	switch n.Kind {
	case kindMap:
		for _, m := range n.Membs {
			p := joinPath(prefix, m.Key)
			c.Where[p] = m.KeyPos
			if m.Val.Kind == kindMap {
				indexPositions(c, p, m.Val)
			} else if m.Val.Kind == kindList {
				for i, e := range m.Val.Elems {
					c.Where[joinIndex(p, i)] = e.Pos
				}
			}
		}
	}
}

// decodeError turns an error of DecodeRequest into an input error at the
// position it names.
func decodeError(err error, src string, c *client) inputError {
	var de *appclient.DecodeError
	if errors.As(err, &de) {
		msg := de.Msg
		if de.Field != "" {
			msg = de.Field + ": " + msg
		}
		return inputError{Pos: newLineIndex(src).pos(int(de.Offset)), Msg: msg}
	}
	return inputError{Pos: c.Pos, Msg: err.Error()}
}
