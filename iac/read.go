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
// errors. A name ending in .tf or .tf.json is read as a Terraform file on
// its own; any other input is recognised from its content. ReadBytes
// reads nothing else from disk: a Serverless file's ${file(...)}
// fragments stay unknown. It never panics: a file it cannot read comes
// back with Errors.
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
			res.Errors = append(res.Errors, &Error{File: name, Pos: pe.Pos, Message: pe.Msg})
		} else {
			res.Errors = append(res.Errors, &Error{File: name, Message: err.Error()})
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
	if isTFConfig(name) {
		return readTerraform([]tfSource{{name: name, data: data}})[0], false
	}
	if isPoolOutput(data) {
		notInput = true
		return fail(errors.New(skippedPool))
	}
	root, isJSON, err := parseAny(data)
	if err != nil {
		return fail(err)
	}
	if root.Kind != tree.Map {
		notInput = true
		return fail(&tree.Error{Pos: root.Pos, Msg: fmt.Sprintf("expected a request object, a CloudFormation template or a Terraform plan, found %s", root.Kind)})
	}
	in := &input{name: name, data: data, root: root, isJSON: isJSON, include: include, d: d}
	for _, k := range inputKinds {
		if !k.detect(in) {
			continue
		}
		// The request decoders reject a duplicate member, and so does a
		// file they read, with the error of the first.
		if k.strict && tree.HasDups(root, 0) {
			if _, err := tree.ParseJSONStrict(data); err != nil {
				return fail(err)
			}
		}
		res.Kind = k.kind
		if err := k.read(in, res); err != nil {
			return fail(err)
		}
		return res, false
	}
	notInput = true
	if isJSON {
		return fail(&tree.Error{Pos: root.Pos, Msg: "a JSON object of no kind this reads: " + describeKeys(root) +
			"; it reads request JSON (the --cli-input-json form of create-user-pool-client), update requests (with ClientId), described clients (with UserPoolClient), CloudFormation templates (with Resources), Serverless services (with service), and Terraform plans and state (terraform show -json)"})
	}
	return fail(&tree.Error{Pos: root.Pos, Msg: "not a CloudFormation template (no Resources), a request JSON or a Terraform plan"})
}

// input is a file being read whose content is a map: what a kind's detect
// and read functions see.
type input struct {
	name    string
	data    []byte
	root    *tree.Value // the content, a map
	isJSON  bool        // the content is JSON, not YAML
	include includeFunc // nil, or reads the files a Serverless service includes
	d       *deployment // nil, or the values a deployment passes
}

// inputKind is one kind of input recognised from its content.
type inputKind struct {
	kind Kind
	// detect reports whether a file is of this kind.
	detect func(in *input) bool
	// strict is true for the kinds the request decoders read: a member
	// written twice is an error, as they have it, before read runs.
	strict bool
	// read reads the file into res, whose Kind is set; an error is the
	// file's error.
	read func(in *input, res *File) error
}

// inputKinds are the kinds recognised from content, in the order they are
// tried: the first whose detect says yes reads the file. A map that none
// detects is of no kind this package reads. (.tf files are recognised by
// their name, before their content is read.)
var inputKinds = []inputKind{
	{kind: KindTerraformState, detect: isTFState, read: readTFState},
	{kind: KindTerraformPlan, detect: isTFPlan, read: readTFPlan},
	{kind: KindCloudFormation, detect: isTemplate, read: readTemplate},
	{kind: KindServerless, detect: func(in *input) bool { return isServerless(in.root) }, read: readServerless},
	{kind: KindDescribed, detect: func(in *input) bool { return in.isJSON && in.root.Get("UserPoolClient") != nil }, strict: true,
		read: func(in *input, res *File) error {
			res.Clients = []*Client{readDescribed(in.name, in.data, in.root)}
			return nil
		}},
	{kind: KindUpdate, detect: func(in *input) bool { return in.isJSON && in.root.Get("ClientId") != nil }, strict: true,
		read: func(in *input, res *File) error {
			res.Clients = []*Client{readUpdate(in.name, in.data, in.root)}
			return nil
		}},
	{kind: KindRequest, detect: func(in *input) bool { return in.isJSON && requestLike(in.root) }, strict: true, read: readRequest},
}

// isTFState detects a Terraform state: "terraform show -json" without a
// plan, or a terraform.tfstate file.
func isTFState(in *input) bool {
	root := in.root
	return root.Get("resource_changes") == nil && (root.Get("values") != nil && root.Get("format_version") != nil ||
		root.Get("version") != nil && root.Get("terraform_version") != nil && root.Get("resources") != nil)
}

func readTFState(in *input, res *File) error {
	clients, err := tfStateClients(in.root)
	if err != nil {
		return err
	}
	for _, c := range clients {
		res.Clients = append(res.Clients, finish(in.name, c))
	}
	return nil
}

// isTFPlan detects a Terraform plan, "terraform show -json plan.out".
func isTFPlan(in *input) bool {
	root := in.root
	return root.Get("resource_changes") != nil || (root.Get("format_version") != nil && root.Get("terraform_version") != nil)
}

func readTFPlan(in *input, res *File) error {
	clients, err := tfClients(in.root)
	if err != nil {
		return err
	}
	res.Resources = planResources(in.name, in.root)
	for _, c := range clients {
		res.Clients = append(res.Clients, finish(in.name, c))
	}
	return nil
}

// isTemplate detects a CloudFormation template.
func isTemplate(in *input) bool {
	return in.root.Get("Resources") != nil || in.root.Get("AWSTemplateFormatVersion") != nil
}

func readTemplate(in *input, res *File) error {
	name, root := in.name, in.root
	rm := root.Member("Resources")
	if rm == nil {
		return &tree.Error{Pos: root.Pos, Msg: "not a CloudFormation template: no Resources"}
	}
	if rm.Val.Kind != tree.Map {
		return &tree.Error{Pos: rm.Val.Pos, Msg: "Resources must be a map, not " + rm.Val.Kind.String()}
	}
	passed, perr := in.d.cfnPassed(name)
	if perr != nil {
		res.Errors = append(res.Errors, perr)
		return nil
	}
	rd := &cfnReader{file: name, params: templateParams(root, passed), paramNames: cfnParamNames(root), conds: root.Get("Conditions"),
		bare: root.Get("AWSTemplateFormatVersion") == nil && root.Get("Transform") == nil}
	clients, resources := rd.clients(rm.Val)
	res.Resources = resources
	for _, c := range clients {
		res.Clients = append(res.Clients, finish(name, c))
	}
	nestedStacks(res, name, rm.Val, rd, in.include, []string{filepath.ToSlash(name)})
	return nil
}

func readServerless(in *input, res *File) error {
	frags, err := slsResources(in.name, in.root, in.include)
	if err != nil {
		return err
	}
	for _, fr := range frags {
		rd := &cfnReader{file: fr.file, serverless: true, sls: newSlsResolver(in.root, in.name, in.d.stage())}
		cs, rs := rd.clients(fr.resources)
		res.Resources = append(res.Resources, rs...)
		for _, c := range cs {
			res.Clients = append(res.Clients, finish(fr.file, c))
		}
	}
	return nil
}

// readRequest reads a CreateUserPoolClient request with the strict
// decoder, the positions of its members from the tree.
func readRequest(in *input, res *File) error {
	c := newClient("", in.root.Pos)
	indexPositions(c, "", in.root)
	req, err := appclient.DecodeRequest(bytes.NewReader(in.data))
	out := c.public(in.name)
	if err != nil {
		out.Errors = append(out.Errors, decodeError(in.name, err, in.data, nil, c))
	} else {
		out.Request = req
	}
	res.Clients = []*Client{out}
	return nil
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
		out.Errors = append(out.Errors, &Error{File: file, Pos: c.Pos, Resource: c.Resource, Message: err.Error()})
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
