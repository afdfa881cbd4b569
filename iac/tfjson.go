package iac

import (
	"fmt"
	"strings"

	"github.com/cognitokit/appclient/iac/internal/tree"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Terraform's JSON syntax (.tf.json, what CDK for Terraform writes) is read
// into the same syntax tree as a .tf file, so that the Terraform reader,
// its evaluator and its budgets read both alike. Which properties of an
// object are nested blocks and which are arguments is decided as
// Terraform decides it, from the schema of the block: HCL's JSON
// specification and Terraform's "JSON Configuration Syntax". Strings are
// templates, with ${...} and %{...}, except where Terraform reads them
// literally (a variable's default and description, a module's source and
// version) or as references and keywords (depends_on, provider, a
// variable's type, lifecycle's ignore_changes). A property "//" of a block
// body is a comment; one that reads "appclient-ignore: RULE" silences the
// rule as a comment in a .tf file does.

// tfjMode is how the strings of an argument's value are read.
type tfjMode uint8

const (
	// tfjTemplate: a string is a template ("${var.x}").
	tfjTemplate tfjMode = iota
	// tfjLiteral: a string is the string written.
	tfjLiteral
	// tfjExpr: a string is an expression of the native syntax, such as a
	// reference ("aws_s3_bucket.b"), a type constraint or a keyword.
	tfjExpr
)

// tfjSchema is what Terraform knows of one kind of block body.
type tfjSchema struct {
	// blocks are the nested block types.
	blocks map[string]*tfjBlock
	// modes are the arguments whose strings are not templates.
	modes map[string]tfjMode
	// attrsOnly: every property is an argument (locals).
	attrsOnly bool
	// dynamic: the body may hold dynamic blocks of its block types.
	dynamic bool
	// blocksOnly: every property names a block type, and one not in
	// blocks is skipped unread (the top level of a file, where Terraform
	// allows only blocks).
	blocksOnly bool
}

// tfjBlock is a nested block type: its labels and its body.
type tfjBlock struct {
	labels int
	body   *tfjSchema
}

// tfjOpen is the body of a block whose schema is not known here: an
// object is an argument's value, never a block.
var tfjOpen = &tfjSchema{}

// tfjTop is the schema of a .tf.json file: the blocks the reader reads,
// and of the terraform block the backend and cloud blocks that make a
// directory a root. The others (provider, output, moved, import, check,
// ...) decide nothing the reader reads and are skipped unread.
var tfjTop = &tfjSchema{blocksOnly: true, blocks: map[string]*tfjBlock{
	"terraform": {body: &tfjSchema{blocksOnly: true, blocks: map[string]*tfjBlock{
		"backend": {labels: 1, body: tfjOpen},
		"cloud":   {body: tfjOpen},
	}}},
	"variable": {labels: 1, body: &tfjSchema{
		modes: map[string]tfjMode{"type": tfjExpr, "default": tfjLiteral, "description": tfjLiteral,
			"sensitive": tfjLiteral, "nullable": tfjLiteral, "ephemeral": tfjLiteral},
		blocks: map[string]*tfjBlock{"validation": {body: tfjOpen}},
	}},
	"locals": {body: &tfjSchema{attrsOnly: true}},
	"module": {labels: 1, body: &tfjSchema{
		modes: map[string]tfjMode{"source": tfjLiteral, "version": tfjLiteral, "providers": tfjLiteral, "depends_on": tfjExpr},
	}},
	// resource and data: the schema of their body depends on the type,
	// see tfjResource.
	"resource": {labels: 2},
	"data":     {labels: 2},
}}

// tfjNested are the nested blocks of the resource types whose content the
// reader reads (besides the app clients, whose blocks come from the
// request model), as the AWS provider defines them.
var tfjNested = map[string]map[string]*tfjBlock{
	tfPoolType: {
		"account_recovery_setting":         tfjBlocks("recovery_mechanism"),
		"admin_create_user_config":         tfjBlocks("invite_message_template"),
		"device_configuration":             tfjBlocks(),
		"email_configuration":              tfjBlocks(),
		"email_mfa_configuration":          tfjBlocks(),
		"lambda_config":                    tfjBlocks("custom_email_sender", "custom_sms_sender", "pre_token_generation_config"),
		"password_policy":                  tfjBlocks(),
		"schema":                           tfjBlocks("number_attribute_constraints", "string_attribute_constraints"),
		"sign_in_policy":                   tfjBlocks(),
		"sms_configuration":                tfjBlocks(),
		"software_token_mfa_configuration": tfjBlocks(),
		"user_attribute_update_settings":   tfjBlocks(),
		"user_pool_add_ons":                tfjBlocks("advanced_security_additional_flows"),
		"username_configuration":           tfjBlocks(),
		"verification_message_template":    tfjBlocks(),
		"web_authn_configuration":          tfjBlocks(),
	},
	tfResourceServerType: {"scope": tfjBlocks()},
	tfBrandingType:       {"asset": tfjBlocks()},
}

// tfjBlocks is a block without labels whose body holds blocks without
// labels of the given names, and arguments.
func tfjBlocks(nested ...string) *tfjBlock {
	s := &tfjSchema{blocks: map[string]*tfjBlock{}, dynamic: true}
	for _, n := range nested {
		s.blocks[n] = &tfjBlock{body: &tfjSchema{dynamic: true}}
	}
	return &tfjBlock{body: s}
}

// tfjModelBlocks returns the nested blocks of members: those of type
// object, with their own nested blocks.
func tfjModelBlocks(members []memberSpec) map[string]*tfjBlock {
	out := map[string]*tfjBlock{}
	for _, s := range members {
		if s.TF != "" && s.Type == typeObject {
			out[s.TF] = &tfjBlock{body: &tfjSchema{blocks: tfjModelBlocks(s.Fields), dynamic: true}}
		}
	}
	return out
}

// tfjClientBlocks are the nested blocks of the app-client resources.
var tfjClientBlocks = tfjModelBlocks(requestMembers)

// tfjResource returns the schema of a resource or data block's body: the
// meta-arguments and blocks Terraform gives every resource, and the
// nested blocks of its type when the reader knows them.
func tfjResource(kind, typ string) *tfjSchema {
	s := &tfjSchema{
		modes: map[string]tfjMode{"provider": tfjExpr, "depends_on": tfjExpr},
		blocks: map[string]*tfjBlock{
			"lifecycle": {body: &tfjSchema{
				modes:  map[string]tfjMode{"ignore_changes": tfjExpr, "replace_triggered_by": tfjExpr},
				blocks: map[string]*tfjBlock{"precondition": {body: tfjOpen}, "postcondition": {body: tfjOpen}},
			}},
		},
		dynamic: true,
	}
	connection := &tfjBlock{body: &tfjSchema{modes: map[string]tfjMode{"type": tfjLiteral}}}
	if kind == "resource" {
		s.blocks["connection"] = connection
		s.blocks["provisioner"] = &tfjBlock{labels: 1, body: &tfjSchema{
			modes:  map[string]tfjMode{"when": tfjExpr, "on_failure": tfjExpr},
			blocks: map[string]*tfjBlock{"connection": connection},
		}}
	}
	nested := tfjNested[typ]
	if kind == "resource" && isTFClient(typ) {
		nested = tfjClientBlocks
	}
	if kind == "data" {
		nested = nil
	}
	for name, b := range nested {
		s.blocks[name] = b
	}
	return s
}

// maxTFJSONErrors is the most errors reported for one .tf.json file.
const maxTFJSONErrors = 10

// tfjReader turns one .tf.json file into a native syntax tree.
type tfjReader struct {
	name  string
	lines *tree.LineIndex
	spans *tree.Spans
	errs  []*Error
	// comments are the rule ids "//" properties name, by line.
	comments map[int][]string
}

// parseTFJSON reads a .tf.json file into the body a .tf file with the
// same meaning would have. It returns nil and the errors when the file is
// not valid JSON or not valid Terraform JSON syntax (a block that is not
// an object, a template that does not parse), as Terraform refuses it.
func parseTFJSON(name string, data []byte) (*hclsyntax.Body, map[int][]string, []*Error) {
	root, spans, err := tree.ParseJSONSpans(data)
	if err != nil {
		e := &Error{File: name, Message: err.Error()}
		if pe, ok := err.(*tree.Error); ok {
			e.Pos, e.Message = pe.Pos, pe.Msg
		}
		return nil, nil, []*Error{e}
	}
	r := &tfjReader{name: name, lines: tree.NewLineIndex(string(data)), spans: spans, comments: map[int][]string{}}
	if root.Kind != tree.Map && root.Kind != tree.List {
		r.errorf(root.Pos, "a .tf.json file must hold a JSON object, not %s", root.Kind)
		return nil, nil, r.errs
	}
	body := r.body(root, tfjTop)
	if len(r.errs) > 0 {
		return nil, nil, r.errs
	}
	return body, r.comments, nil
}

func (r *tfjReader) errorf(at Position, format string, args ...any) {
	if len(r.errs) < maxTFJSONErrors {
		r.errs = append(r.errs, &Error{File: r.name, Pos: at, Message: fmt.Sprintf(format, args...)})
	}
}

// start is where a value starts; end where it ends.
// Lookups of end positions come in file order, which keeps them linear
// in the length of a line.
func (r *tfjReader) start(v *tree.Value) hcl.Pos {
	start, _ := r.spans.Of(v)
	return hcl.Pos{Line: v.Pos.Line, Column: v.Pos.Column, Byte: start}
}

func (r *tfjReader) end(v *tree.Value) hcl.Pos {
	_, off := r.spans.Of(v)
	p := r.lines.Position(off)
	return hcl.Pos{Line: p.Line, Column: p.Column, Byte: off}
}

// tfjProp is one property of a JSON object, with the offset of its name.
type tfjProp struct {
	tree.Member
	keyOff int
}

func (r *tfjReader) keyRange(p *tfjProp) hcl.Range {
	start := hcl.Pos{Line: p.KeyPos.Line, Column: p.KeyPos.Column, Byte: p.keyOff}
	return hcl.Range{Filename: r.name, Start: start, End: start}
}

// props returns the properties of an object, in order.
func (r *tfjReader) props(obj *tree.Value) []tfjProp {
	offs := r.spans.Keys(obj)
	out := make([]tfjProp, len(obj.Membs))
	for i, m := range obj.Membs {
		out[i] = tfjProp{Member: m}
		if i < len(offs) {
			out[i].keyOff = offs[i]
		}
	}
	return out
}

// members returns the properties of a body: those of an object, or of
// each object of an array, in order.
func (r *tfjReader) members(v *tree.Value) []tfjProp {
	if v.Kind == tree.Map {
		return r.props(v)
	}
	var out []tfjProp
	for _, e := range v.Elems {
		if e.Kind != tree.Map {
			r.errorf(e.Pos, "a body written as an array must hold objects, not %s", e.Kind)
			continue
		}
		out = append(out, r.props(e)...)
	}
	return out
}

// body reads the JSON object (or array of objects) of a block body.
func (r *tfjReader) body(v *tree.Value, s *tfjSchema) *hclsyntax.Body {
	out := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	for _, m := range r.members(v) {
		if len(r.errs) >= maxTFJSONErrors {
			break
		}
		if m.Key == "//" {
			if m.Val.Kind == tree.String {
				if ids := ignoreComment(m.Val.Str); len(ids) > 0 {
					r.comments[m.KeyPos.Line] = append(r.comments[m.KeyPos.Line], ids...)
				}
			}
			continue
		}
		if !s.attrsOnly {
			if b := s.blocks[m.Key]; b != nil {
				r.blocks(&out.Blocks, m.Key, r.keyRange(&m), m.Val, b, nil, nil)
				continue
			}
			if s.blocksOnly {
				continue
			}
			if m.Key == "dynamic" && s.dynamic {
				r.blocks(&out.Blocks, "dynamic", r.keyRange(&m), m.Val, &tfjBlock{labels: 1}, nil, nil)
				continue
			}
		}
		if first := out.Attributes[m.Key]; first != nil {
			r.errorf(m.KeyPos, "duplicate argument %q (first at line %d)", m.Key, first.NameRange.Start.Line)
			continue
		}
		mode := s.modes[m.Key]
		expr := r.expr(m.Val, mode)
		if expr == nil {
			continue
		}
		name := r.keyRange(&m)
		out.Attributes[m.Key] = &hclsyntax.Attribute{Name: m.Key, Expr: expr, NameRange: name, EqualsRange: name,
			SrcRange: hcl.Range{Filename: r.name, Start: name.Start, End: expr.Range().End}}
	}
	out.SrcRange = hcl.Range{Filename: r.name, Start: r.start(v), End: r.end(v)}
	out.EndRange = hcl.Range{Filename: r.name, Start: out.SrcRange.End, End: out.SrcRange.End}
	return out
}

// blocks reads the blocks of one type: labels nested objects (or arrays
// of objects) deep, then one body (an object) or several (an array of
// objects). typeRange is where the type is named; the blocks start at
// their last label, or at their own object in an array.
func (r *tfjReader) blocks(out *hclsyntax.Blocks, typ string, typeRange hcl.Range, v *tree.Value, b *tfjBlock, labels []string, labelRanges []hcl.Range) {
	if v.Kind == tree.Null {
		// No blocks, as HCL's JSON syntax reads a null.
		return
	}
	if len(labels) < b.labels {
		var objs []*tree.Value
		switch v.Kind {
		case tree.Map:
			objs = []*tree.Value{v}
		case tree.List:
			objs = v.Elems
		default:
			r.errorf(v.Pos, "%s takes %d label(s): expected an object whose properties name them, found %s", typ, b.labels, v.Kind)
			return
		}
		for _, o := range objs {
			if o.Kind == tree.Null {
				continue
			}
			if o.Kind != tree.Map {
				r.errorf(o.Pos, "%s takes %d label(s): expected an object whose properties name them, found %s", typ, b.labels, o.Kind)
				continue
			}
			for _, m := range r.props(o) {
				if m.Key == "//" {
					continue
				}
				at := r.keyRange(&m)
				r.blocks(out, typ, at, m.Val, b, append(labels[:len(labels):len(labels)], m.Key), append(labelRanges[:len(labelRanges):len(labelRanges)], at))
			}
		}
		return
	}
	body := b.body
	switch {
	case typ == "resource" || typ == "data":
		body = tfjResource(typ, labels[0])
	case typ == "dynamic":
		body = r.dynamicSchema(labels[0])
	}
	one := func(o *tree.Value, at hcl.Range) {
		blk := &hclsyntax.Block{Type: typ, Labels: labels, LabelRanges: labelRanges, TypeRange: at,
			Body: r.body(o, body)}
		blk.OpenBraceRange = hcl.Range{Filename: r.name, Start: r.start(o), End: r.start(o)}
		blk.CloseBraceRange = blk.Body.EndRange
		*out = append(*out, blk)
	}
	switch v.Kind {
	case tree.Map:
		one(v, typeRange)
	case tree.List:
		for _, e := range v.Elems {
			if e.Kind == tree.Null {
				continue
			}
			if e.Kind != tree.Map {
				r.errorf(e.Pos, "%s block: expected an object (its body), found %s", typ, e.Kind)
				continue
			}
			start := r.start(e)
			one(e, hcl.Range{Filename: r.name, Start: start, End: start})
		}
	default:
		r.errorf(v.Pos, "%s is a block: expected an object (its body) or an array of objects, found %s", typ, v.Kind)
	}
}

// dynamicSchema is the body of a dynamic block that makes blocks of type
// label.
func (r *tfjReader) dynamicSchema(label string) *tfjSchema {
	return &tfjSchema{
		modes:  map[string]tfjMode{"iterator": tfjExpr},
		blocks: map[string]*tfjBlock{"content": {body: r.contentSchema(label)}},
	}
}

// contentSchema is the body of the blocks a dynamic block makes: those of
// the app clients' nested blocks when it is one of them, any other's
// read as arguments.
func (r *tfjReader) contentSchema(label string) *tfjSchema {
	if b := tfjClientBlocks[label]; b != nil {
		return b.body
	}
	for _, nested := range tfjNested {
		if b := nested[label]; b != nil {
			return b.body
		}
	}
	return &tfjSchema{dynamic: true}
}

// expr turns a JSON value into the expression Terraform reads it as.
func (r *tfjReader) expr(v *tree.Value, mode tfjMode) hclsyntax.Expression {
	rng := hcl.Range{Filename: r.name, Start: r.start(v)}
	switch v.Kind {
	case tree.String:
		return r.str(v.Str, rng.Start, v, mode)
	case tree.Number:
		n, err := cty.ParseNumberVal(v.Str)
		if err != nil {
			r.errorf(v.Pos, "number %s: %v", v.Str, err)
			return nil
		}
		rng.End = r.end(v)
		return &hclsyntax.LiteralValueExpr{Val: n, SrcRange: rng}
	case tree.Bool:
		rng.End = r.end(v)
		return &hclsyntax.LiteralValueExpr{Val: cty.BoolVal(v.Str == "true"), SrcRange: rng}
	case tree.Null:
		rng.End = r.end(v)
		return &hclsyntax.LiteralValueExpr{Val: cty.NullVal(cty.DynamicPseudoType), SrcRange: rng}
	case tree.List:
		tup := &hclsyntax.TupleConsExpr{}
		for _, e := range v.Elems {
			x := r.expr(e, mode)
			if x == nil {
				return nil
			}
			tup.Exprs = append(tup.Exprs, x)
		}
		rng.End = r.end(v)
		tup.SrcRange, tup.OpenRange = rng, hcl.Range{Filename: r.name, Start: rng.Start, End: rng.Start}
		return tup
	case tree.Map:
		obj := &hclsyntax.ObjectConsExpr{}
		seen := map[string]int{}
		for _, m := range r.props(v) {
			if mode != tfjExpr && !strings.Contains(m.Key, "${") && !strings.Contains(m.Key, "%{") {
				if line, dup := seen[m.Key]; dup {
					r.errorf(m.KeyPos, "duplicate object attribute %q (first at line %d)", m.Key, line)
					return nil
				}
				seen[m.Key] = m.KeyPos.Line
			}
			keyAt := r.keyRange(&m).Start
			// A key is a template, or a literal; never a reference.
			keyMode := mode
			if keyMode == tfjExpr {
				keyMode = tfjLiteral
			}
			k := r.str(m.Key, keyAt, nil, keyMode)
			x := r.expr(m.Val, mode)
			if k == nil || x == nil {
				return nil
			}
			obj.Items = append(obj.Items, hclsyntax.ObjectConsItem{KeyExpr: k, ValueExpr: x})
		}
		rng.End = r.end(v)
		obj.SrcRange, obj.OpenRange = rng, hcl.Range{Filename: r.name, Start: rng.Start, End: rng.Start}
		return obj
	}
	r.errorf(v.Pos, "unexpected %s", v.Kind)
	return nil
}

// str reads a string (a value, or an object's key when v is nil) whose
// opening quote is at quote, in mode. Its content starts a byte later; a
// string with escapes is shorter than its text, so the positions within it
// stay inside it and may fall short.
func (r *tfjReader) str(s string, quote hcl.Pos, v *tree.Value, mode tfjMode) hclsyntax.Expression {
	at := hcl.Pos{Line: quote.Line, Column: quote.Column + 1, Byte: quote.Byte + 1}
	rng := hcl.Range{Filename: r.name, Start: quote}
	if v != nil {
		rng.End = r.end(v)
	} else {
		rng.End = hcl.Pos{Line: quote.Line, Column: quote.Column + 2 + len(s), Byte: quote.Byte + 2 + len(s)}
	}
	if mode == tfjLiteral || mode == tfjTemplate && !strings.Contains(s, "${") && !strings.Contains(s, "%{") {
		return &hclsyntax.LiteralValueExpr{Val: cty.StringVal(s), SrcRange: rng}
	}
	data := []byte(s)
	lex := func() hclsyntax.Tokens {
		t, _ := hclsyntax.LexTemplate(data, r.name, at)
		return t
	}
	if mode == tfjExpr {
		lex = func() hclsyntax.Tokens {
			t, _ := hclsyntax.LexExpression(data, r.name, at)
			return t
		}
	}
	// A newline in the string was written as an escape: positions the
	// parser counts past it would fall on later lines, so errors are
	// reported at the string.
	pinned := strings.ContainsAny(s, "\n\r")
	errAt := func(p Position) Position {
		if pinned {
			return Position{Line: quote.Line, Column: quote.Column}
		}
		return p
	}
	if pos, msg, ok := tokenNesting(data, lex); !ok {
		r.errorf(errAt(pos), "%s", msg)
		return nil
	}
	var expr hclsyntax.Expression
	var diags hcl.Diagnostics
	if mode == tfjExpr {
		expr, diags = hclsyntax.ParseExpression(data, r.name, at)
	} else {
		expr, diags = hclsyntax.ParseTemplate(data, r.name, at)
	}
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := strings.TrimSuffix(d.Summary, ".")
		if d.Detail != "" {
			msg += ": " + lowerFirst(strings.TrimSuffix(d.Detail, "."))
		}
		pos := Position{Line: quote.Line, Column: quote.Column}
		if d.Subject != nil {
			pos = errAt(hclPos(d.Subject.Start))
		}
		r.errorf(pos, "%s", msg)
	}
	if diags.HasErrors() {
		return nil
	}
	return expr
}

// isTFJSON reports whether a file name is that of Terraform's JSON syntax,
// as Terraform tells it: by the suffix .tf.json.
func isTFJSON(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".tf.json") }

// isTFConfig reports whether a file name is that of a Terraform
// configuration file, in either syntax: .tf or .tf.json.
func isTFConfig(name string) bool { return strings.HasSuffix(name, ".tf") || isTFJSON(name) }

// parseTFBody reads a .tf or .tf.json file's body, without its errors;
// nil when it cannot be read.
func parseTFBody(name string, data []byte) *hclsyntax.Body {
	if len(data) > maxHCLBytes {
		return nil
	}
	if isTFJSON(name) {
		body, _, _ := parseTFJSON(name, data)
		return body
	}
	if _, _, ok := hclNesting(name, data); !ok {
		return nil
	}
	file, diags := hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	body, _ := file.Body.(*hclsyntax.Body)
	return body
}
