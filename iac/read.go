package iac

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
	"github.com/cognitokit/appclient/internal/suggest"
)

// ReadBytes reads one input held in memory; name names it in positions and
// errors. A name ending in .tf is read as a Terraform file on its own; any
// other input is recognised from its content. ReadBytes reads nothing else
// from disk: a Serverless file's ${file(...)} fragments stay unknown. It
// never panics: a file it cannot read comes back with Errors.
func ReadBytes(name string, data []byte) *File {
	f, _ := readBytes(name, data, nil)
	return f
}

// readBytes is ReadBytes; it also reports whether the input is of no kind
// the package reads (a JSON or YAML file of another shape), which a
// directory walk skips. include, when not nil, reads the files a
// Serverless service includes.
func readBytes(name string, data []byte, include includeFunc) (res *File, notInput bool) {
	return readBytesWith(name, data, include, nil)
}

// readBytesWith is readBytes with the values a deployment passes (nil for
// none): a CloudFormation template's parameters from samconfig beside it
// and the -parameters file.
func readBytesWith(name string, data []byte, include includeFunc, d *deployment) (res *File, notInput bool) {
	res = &File{Name: name}
	fail := func(err error) (*File, bool) {
		var pe *tree.Error
		if errors.As(err, &pe) {
			res.Errors = append(res.Errors, &Error{File: name, Pos: pe.Pos, Msg: pe.Msg})
		} else {
			res.Errors = append(res.Errors, &Error{File: name, Msg: err.Error()})
		}
		return res, notInput
	}
	if len(data) > maxInputBytes {
		return fail(ErrTooLarge)
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
	if strings.HasSuffix(name, ".tf") {
		return readTerraform([]tfSource{{name: name, data: data}})[0], false
	}
	if strings.HasSuffix(name, ".tf.json") {
		// Terraform's JSON syntax, as CDK for Terraform writes it, is not
		// read yet: a file that defines app clients says so, never
		// passing in silence; one that defines none is no input.
		if !bytes.Contains(data, []byte(`"aws_cognito_user_pool_client"`)) && !bytes.Contains(data, []byte(`"aws_cognito_managed_user_pool_client"`)) {
			notInput = true
			return fail(errors.New("Terraform JSON syntax without an app client"))
		}
		return fail(errors.New("Terraform's JSON syntax (.tf.json) is not read yet: the app clients this file defines are not checked"))
	}
	if isPoolOutput(data) {
		notInput = true
		return fail(errors.New(skippedPool))
	}
	root, isJSON, err := parseAny(data)
	if err != nil {
		return fail(err)
	}
	// The request decoders reject a duplicate member, and so does a file
	// they read, with the error of the first.
	strict := func() (*File, bool) {
		if tree.HasDups(root, 0) {
			if _, err := tree.ParseJSONStrict(data); err != nil {
				return fail(err)
			}
		}
		return nil, false
	}
	if root.Kind != tree.Map {
		notInput = true
		return fail(&tree.Error{Pos: root.Pos, Msg: fmt.Sprintf("expected a request object, a CloudFormation template or a Terraform plan, found %s", root.Kind)})
	}
	var clients []*client
	switch {
	case root.Get("resource_changes") == nil && (root.Get("values") != nil && root.Get("format_version") != nil ||
		root.Get("version") != nil && root.Get("terraform_version") != nil && root.Get("resources") != nil):
		res.Kind = KindTerraformState
		clients, err = tfStateClients(root)
		if err != nil {
			return fail(err)
		}
	case root.Get("resource_changes") != nil || (root.Get("format_version") != nil && root.Get("terraform_version") != nil):
		res.Kind = KindTerraform
		clients, err = tfClients(root)
		if err != nil {
			return fail(err)
		}
		res.Resources = planResources(name, root)
	case root.Get("Resources") != nil || root.Get("AWSTemplateFormatVersion") != nil:
		res.Kind = KindCloudFormation
		rm := root.Member("Resources")
		if rm == nil {
			return fail(&tree.Error{Pos: root.Pos, Msg: "not a CloudFormation template: no Resources"})
		}
		if rm.Val.Kind != tree.Map {
			return fail(&tree.Error{Pos: rm.Val.Pos, Msg: "Resources must be a map, not " + rm.Val.Kind.String()})
		}
		passed, perr := d.cfnPassed(name)
		if perr != nil {
			res.Errors = append(res.Errors, perr)
			return res, false
		}
		rd := &cfnReader{file: name, params: templateParams(root, passed), paramNames: cfnParamNames(root), conds: root.Get("Conditions"),
			bare: root.Get("AWSTemplateFormatVersion") == nil && root.Get("Transform") == nil}
		clients, res.Resources = rd.clients(rm.Val)
		for _, c := range clients {
			res.Clients = append(res.Clients, finish(name, c))
		}
		nestedStacks(res, name, rm.Val, rd, include, []string{filepath.ToSlash(name)})
		return res, false
	case isServerless(root):
		res.Kind = KindServerless
		frags, err := slsResources(name, root, include)
		if err != nil {
			return fail(err)
		}
		for _, fr := range frags {
			rd := &cfnReader{file: fr.file, serverless: true, sls: newSlsResolver(root, name, d.stage())}
			cs, rs := rd.clients(fr.resources)
			res.Resources = append(res.Resources, rs...)
			for _, c := range cs {
				res.Clients = append(res.Clients, finish(fr.file, c))
			}
		}
		return res, false
	case isJSON && root.Get("UserPoolClient") != nil:
		if f, _ := strict(); f != nil {
			return f, false
		}
		res.Kind = KindDescribed
		res.Clients = []*Client{readDescribed(name, data, root)}
		return res, false
	case isJSON && root.Get("ClientId") != nil:
		if f, _ := strict(); f != nil {
			return f, false
		}
		res.Kind = KindUpdate
		res.Clients = []*Client{readUpdate(name, data, root)}
		return res, false
	case isJSON && !requestLike(root):
		notInput = true
		return fail(&tree.Error{Pos: root.Pos, Msg: "a JSON object of no kind this reads: " + describeKeys(root) +
			"; it reads request JSON (the --cli-input-json form of create-user-pool-client), update requests (with ClientId), described clients (with UserPoolClient), CloudFormation templates (with Resources), Serverless services (with service), and Terraform plans and state (terraform show -json)"})
	case isJSON:
		if f, _ := strict(); f != nil {
			return f, false
		}
		res.Kind = KindRequest
		c := newClient("", root.Pos)
		indexPositions(c, "", root)
		req, err := appclient.DecodeRequest(bytes.NewReader(data))
		out := c.public(name)
		if err != nil {
			out.Errors = append(out.Errors, decodeError(name, err, data, nil, c))
		} else {
			out.Request = req
		}
		res.Clients = []*Client{out}
		return res, false
	default:
		notInput = true
		return fail(&tree.Error{Pos: root.Pos, Msg: "not a CloudFormation template (no Resources), a request JSON or a Terraform plan"})
	}
	for _, c := range clients {
		res.Clients = append(res.Clients, finish(name, c))
	}
	return res, false
}

// finish turns a client read from a file into the package's Client, its
// request built through DecodeRequest when the client has no errors.
func finish(file string, c *client) *Client {
	if c.managed {
		return c.managedUpdate(file)
	}
	out := c.public(file)
	if len(out.Errors) > 0 {
		return out
	}
	req, err := c.request()
	if err != nil {
		out.Errors = append(out.Errors, &Error{File: file, Pos: c.Pos, Resource: c.Resource, Msg: err.Error()})
		return out
	}
	out.Request = *req
	return out
}

// requestLike reports whether a JSON object may be meant as a request: it
// is empty, or one of its members is a request member or close to one.
func requestLike(root *tree.Value) bool {
	if len(root.Membs) == 0 {
		return true
	}
	for _, m := range root.Membs {
		if requestKey(m.Key) {
			return true
		}
	}
	return false
}

// requestKey reports whether a member name is a request member's or close
// to one.
func requestKey(key string) bool {
	names := make([]string, len(requestMembers))
	for i, s := range requestMembers {
		names[i] = s.Name
	}
	return suggest.Nearest(key, names) != ""
}

// describeKeys names the first members of a map: `members "a", "b", ...`.
func describeKeys(root *tree.Value) string {
	var b strings.Builder
	b.WriteString("members ")
	for i, m := range root.Membs {
		if i == 5 {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", m.Key)
	}
	return b.String()
}

// parseAny reads JSON when the text starts with '{' or '[', and YAML
// otherwise. A '{' file with a JSON syntax error may still be a YAML
// template in flow style; the JSON error is reported when it is not.
func parseAny(data []byte) (n *tree.Value, isJSON bool, err error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		n, jerr := tree.ParseJSON(data)
		if jerr == nil {
			return n, true, nil
		}
		var pe *tree.Error
		if trimmed[0] == '{' && len(data) <= maxYAMLBytes && errors.As(jerr, &pe) && !pe.Limit {
			if y, yerr := tree.ParseYAML(data); yerr == nil && y.Kind == tree.Map && y.Get("Resources") != nil {
				return y, false, nil
			}
		}
		return nil, true, jerr
	}
	if len(data) > maxYAMLBytes {
		return nil, false, &tree.Error{Msg: fmt.Sprintf("YAML larger than %d MiB (CloudFormation accepts templates of at most 1 MB)", maxYAMLBytes>>20)}
	}
	n, err = tree.ParseYAML(data)
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
	// The same strict route as a request file: a reader that produced a
	// member or type the request lacks is caught here, not dropped.
	req, err := appclient.DecodeRequest(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot build the request: %v", err)
	}
	return &req, nil
}

// indexPositions records the position of every member of a request file
// under its member path.
func indexPositions(c *client, prefix string, n *tree.Value) {
	switch n.Kind {
	case tree.Map:
		for _, m := range n.Membs {
			p := joinPath(prefix, m.Key)
			c.Where[p] = m.KeyPos
			if m.Val.Kind == tree.Map {
				indexPositions(c, p, m.Val)
			} else if m.Val.Kind == tree.List {
				for i, e := range m.Val.Elems {
					c.Where[joinIndex(p, i)] = e.Pos
				}
			}
		}
	}
}
