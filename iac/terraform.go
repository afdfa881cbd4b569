package iac

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Limits of the Terraform evaluator. Terraform's expressions can build
// large values from small text (concat, repeated references), so the
// values an expression may read are kept small, and for expressions
// (template for directives included) are evaluated only when not nested in
// another and over a small collection (see loopTooCostly): otherwise their
// value is unknown.
const (
	// maxHCLBytes is the largest .tf file read: HCL's tokens and syntax
	// tree cost up to about 800 bytes of memory per byte of input (a list
	// of one-digit numbers), and real .tf files are far smaller.
	maxHCLBytes = 512 << 10
	// maxModuleBytes is the most the .tf files of one module may hold in
	// all: they are parsed together, so their cost adds up.
	maxModuleBytes = 2 * maxHCLBytes
	// maxEvalElems and maxEvalBytes bound a variable default or local
	// that other expressions read; a larger one is unknown.
	maxEvalElems = 1000
	maxEvalBytes = 16 << 10
	// maxEvalRefs is the most references one evaluated expression may
	// hold; an expression with more is unknown.
	maxEvalRefs = 256
	// maxEvalNodes is the largest expression evaluated, in syntax nodes;
	// a larger one is unknown.
	maxEvalNodes = 4 * maxEvalElems
	// maxLoopSteps bounds a for expression: the elements of its
	// collection times the syntax nodes of the loop.
	maxLoopSteps = 64 * maxEvalElems
)

// tfSource is one .tf file of a module.
type tfSource struct {
	name string
	data []byte
}

// hclModule is a Terraform module being read: the .tf files of one
// directory, or one .tf file on its own.
type hclModule struct {
	files []*File
	// byName finds the File of a .tf file.
	byName map[string]*File
	bodies []*hclsyntax.Body
	// comments maps file name and line to the rule ids an
	// "appclient-ignore:" comment on that line names.
	comments map[string]map[int][]string

	vars map[string]*hclsyntax.Block
	// varVals are the values of var.*: the value assigned (by the caller
	// of a module, or a root's tfvars, -var-file, -var and TF_VAR_), the
	// default, or unknown.
	varVals map[string]cty.Value
	// varSrcs are, per variable, what its value rests on: its default, or
	// where the value assigned to it was written.
	varSrcs   map[string][]tfSrc
	locals    map[string]*hclsyntax.Attribute
	localVals map[string]cty.Value
	// localSrcs are, per local, what its value rests on.
	localSrcs map[string][]tfSrc
	// varFails are the variables whose values Terraform refuses.
	varFails []varFail
	ctx      *hcl.EvalContext
	// call is how the module is read: as a root, or by a caller.
	call *tfCall
	// budget is what the module's evaluations have spent; funcs are the
	// functions, charged to it.
	budget evalBudget
	funcs  map[string]function.Function
	// srcs are the files' texts, by name, to quote an expression over
	// budget.
	srcs map[string][]byte
	// overAt are the expressions already reported over budget.
	overAt map[hcl.Pos]bool
}

// readTerraform reads .tf files as one root module, without reading
// anything else from disk. It returns one File per source, in the order
// given.
func readTerraform(srcs []tfSource) []*File {
	return readModule(srcs).files
}

// readModule reads .tf files as one root module, without reading anything
// else from disk, and returns the module read.
func readModule(srcs []tfSource) *hclModule {
	m, _ := loadModule(srcs, &tfCall{root: &tfRoot{}})
	return m
}

// readModuleCall reads .tf files as one module, read as call says. It
// returns one File per source, in the order given, then those of the
// modules it calls.
func readModuleCall(srcs []tfSource, call *tfCall) []*File {
	m, children := loadModule(srcs, call)
	return append(m.files, children...)
}

// loadModule reads .tf files as one module, read as call says, and
// returns it with the files of the modules it calls.
func loadModule(srcs []tfSource, call *tfCall) (*hclModule, []*File) {
	m := &hclModule{byName: map[string]*File{}, comments: map[string]map[int][]string{},
		srcs: map[string][]byte{}, overAt: map[hcl.Pos]bool{}, call: call}
	if call.root.budget == nil {
		call.root.budget = &budgetTotals{}
	}
	m.budget.budgetTotals = call.root.budget
	m.funcs = m.functions()
	for _, s := range srcs {
		m.srcs[s.name] = s.data
		f := &File{Name: s.name, Kind: KindTerraformConfig}
		m.files = append(m.files, f)
		m.byName[s.name] = f
		if len(s.data) <= maxHCLBytes {
			// A larger file is refused by parse.
			m.budget.parsed += len(s.data)
		}
		if m.budget.parsed > maxTreeBytes {
			f.Errors = append(f.Errors, &Error{File: f.Name, Message: fmt.Sprintf(
				"not read: the module and the module instances it calls parse more than %d MiB of .tf files in all, each instance counted", maxTreeBytes>>20)})
			continue
		}
		if body := m.parse(f, s.data); body != nil {
			m.bodies = append(m.bodies, body)
		}
	}
	// Override files change the blocks of the others before anything is
	// evaluated.
	m.bodies = applyOverrides(m.bodies)
	m.evalVariables()
	m.evalLocals()
	m.checkValidations()
	var children []*File
	for _, body := range m.bodies {
		for _, blk := range body.Blocks {
			switch {
			case blk.Type == "module" && len(blk.Labels) == 1:
				children = append(children, m.module(blk)...)
			case (blk.Type == "resource" || blk.Type == "data") && len(blk.Labels) == 2:
				m.resource(blk)
			}
		}
	}
	// A variable Terraform refuses fails the plan: no client of the
	// module, or of the modules it calls, is created.
	m.refuseClients(m.files)
	m.refuseClients(children)
	// A file with an expression over budget is an input error, as a file
	// with a syntax error is: its clients are not checked.
	for _, f := range m.files {
		if len(f.Errors) > 0 {
			f.Clients = nil
		}
	}
	// A resource of one file of the module may describe the pool of a
	// client in another.
	var module []*Resource
	for _, f := range m.files {
		module = append(module, f.Resources...)
	}
	for _, f := range m.files {
		f.module = module
	}
	return m, children
}

// parse reads one .tf file: its syntax, its nesting depth and its ignore
// comments. It returns nil when the file cannot be read, with the reason
// in f.Errors.
func (m *hclModule) parse(f *File, data []byte) *hclsyntax.Body {
	if len(data) > maxHCLBytes {
		f.Errors = append(f.Errors, &Error{File: f.Name, Message: fmt.Sprintf("Terraform file larger than %d KiB", maxHCLBytes>>10)})
		return nil
	}
	if isTFJSON(f.Name) {
		body, comments, errs := parseTFJSON(f.Name, data)
		f.Errors = append(f.Errors, errs...)
		if len(comments) > 0 {
			m.comments[f.Name] = comments
		}
		return body
	}
	// The parser is recursive: measure the nesting before parsing.
	if pos, msg, ok := hclNesting(f.Name, data); !ok {
		f.Errors = append(f.Errors, &Error{File: f.Name, Pos: pos, Message: msg})
		return nil
	}
	for line, ids := range ignoreComments(data) {
		lines := m.comments[f.Name]
		if lines == nil {
			lines = map[int][]string{}
			m.comments[f.Name] = lines
		}
		lines[line] = ids
	}
	file, diags := hclsyntax.ParseConfig(data, f.Name, hcl.InitialPos)
	if diags.HasErrors() {
		m.diagnostics(f, diags)
		return nil
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	return body
}

// maxHCLOperators is the most operators one HCL expression may chain,
// unary, binary and conditional counted alike: the parser nests a unary
// operator or a conditional in a recursive call, and a chain of binary
// operators becomes a syntax tree as deep as it is long, which every
// evaluation walks recursively.
const maxHCLOperators = 1024

// hclNesting reports whether a .tf file nests at most as deep as the
// parser and the evaluator can follow: brackets, braces, parentheses,
// quotes and template sequences at most tree.MaxDepth deep, and at most
// maxHCLOperators operators in one expression. If not, it says where it
// first goes deeper and why. It reads HCL's own tokens, so that strings and
// comments do not count, and operators on other lines do (a unary operator
// may stand at the end of a line), and it may overestimate, never
// underestimate, what the parser nests.
func hclNesting(name string, data []byte) (pos Position, msg string, ok bool) {
	return tokenNesting(data, func() hclsyntax.Tokens {
		tokens, _ := hclsyntax.LexConfig(data, name, hcl.InitialPos)
		return tokens
	})
}

// tokenNesting is hclNesting for text that lex turns into HCL's tokens:
// a file, a template or an expression.
func tokenNesting(data []byte, lex func() hclsyntax.Tokens) (pos Position, msg string, ok bool) {
	// Every level and every operator starts with one of these bytes: a
	// file with few of them needs no lexing (a long list of numbers, whose
	// tokens would cost more than the check is worth).
	if bytesAmong(data, "{[(\"<+-*/%=!>&|?") <= min(tree.MaxDepth, maxHCLOperators) {
		return Position{}, "", true
	}
	tokens := lex()
	// One level per open bracket, with the operators counted since the
	// last separator at that level.
	type level struct {
		ops int
		// lines is true where a newline ends an item: in a body, an
		// object and a template sequence.
		lines bool
	}
	stack := []level{{lines: true}}
	ops := 0
	for _, t := range tokens {
		top := &stack[len(stack)-1]
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			stack = append(stack, level{lines: true})
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			stack = append(stack, level{})
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd,
			hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			if len(stack) > 1 {
				ops -= top.ops
				stack = stack[:len(stack)-1]
			}
		case hclsyntax.TokenComma, hclsyntax.TokenEqual:
			ops -= top.ops
			top.ops = 0
		case hclsyntax.TokenNewline, hclsyntax.TokenComment:
			if top.lines {
				ops -= top.ops
				top.ops = 0
			}
		case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash, hclsyntax.TokenPercent,
			hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
			hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr,
			hclsyntax.TokenBang, hclsyntax.TokenQuestion:
			top.ops++
			ops++
		}
		switch {
		case len(stack)-1 > tree.MaxDepth:
			return hclPos(t.Range.Start), fmt.Sprintf("nesting deeper than %d levels", tree.MaxDepth), false
		case ops > maxHCLOperators:
			return hclPos(t.Range.Start), fmt.Sprintf("more than %d operators in one expression", maxHCLOperators), false
		}
	}
	return Position{}, "", true
}

// bytesAmong counts the bytes of data that are among set.
func bytesAmong(data []byte, set string) int {
	var among [256]bool
	for i := 0; i < len(set); i++ {
		among[set[i]] = true
	}
	n := 0
	for _, c := range data {
		if among[c] {
			n++
		}
	}
	return n
}

// ignoreComments returns, by line, the rule ids of the
// "appclient-ignore:" comments of a .tf file.
func ignoreComments(data []byte) map[int][]string {
	const marker = "appclient-ignore:"
	if !bytes.Contains(data, []byte(marker)) {
		return nil
	}
	out := map[int][]string{}
	for i, l := range bytes.Split(data, []byte("\n")) {
		at := bytes.Index(l, []byte(marker))
		if at < 0 {
			continue
		}
		before := bytes.TrimSpace(l[:at])
		var start int
		switch {
		case bytes.HasSuffix(before, []byte("#")):
			start = bytes.LastIndex(l[:at], []byte("#"))
		case bytes.HasSuffix(before, []byte("//")):
			start = bytes.LastIndex(l[:at], []byte("//"))
		case bytes.HasSuffix(before, []byte("/*")):
			start = bytes.LastIndex(l[:at], []byte("/*"))
		default:
			continue
		}
		if ids := ignoreComment(string(l[start:])); len(ids) > 0 {
			out[i+1] = ids
		}
	}
	return out
}

// diagnostics records HCL's own error diagnostics, with their positions.
func (m *hclModule) diagnostics(f *File, diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		e := &Error{File: f.Name, Message: strings.TrimSuffix(d.Summary, ".")}
		if d.Detail != "" {
			e.Message += ": " + lowerFirst(strings.TrimSuffix(d.Detail, "."))
		}
		if d.Subject != nil {
			e.Pos = hclPos(d.Subject.Start)
		}
		f.Errors = append(f.Errors, e)
		if len(f.Errors) >= 10 {
			return
		}
	}
}

// lowerFirst lower-cases the first letter of a message, as Go error
// messages are written.
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || (len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

func hclPos(p hcl.Pos) Position { return Position{Line: p.Line, Column: p.Column} }

// ignoreComment returns the rule ids of an "appclient-ignore: a, b"
// comment, written with #, // or /* */, or nil for any other comment.
func ignoreComment(text string) []string {
	text = strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(text, "#"):
		text = text[1:]
	case strings.HasPrefix(text, "//"):
		text = text[2:]
	case strings.HasPrefix(text, "/*"):
		text = strings.TrimSuffix(text[2:], "*/")
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), "appclient-ignore:")
	if !ok {
		return nil
	}
	// Anything after the ids, such as "# reason", is a remark.
	if i := strings.IndexAny(rest, "#"); i >= 0 {
		rest = rest[:i]
	}
	var ids []string
	for id := range strings.SplitSeq(rest, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, strings.Fields(id)[0])
		}
	}
	return ids
}

// evalVariables gives every variable the value its caller assigns, its
// default, or an unknown value.
func (m *hclModule) evalVariables() {
	m.vars = map[string]*hclsyntax.Block{}
	m.varVals = map[string]cty.Value{}
	m.varSrcs = map[string][]tfSrc{}
	for _, body := range m.bodies {
		for _, blk := range body.Blocks {
			if blk.Type != "variable" || len(blk.Labels) != 1 {
				continue
			}
			name := blk.Labels[0]
			m.vars[name] = blk
			m.varVals[name] = cty.DynamicVal
			in, passed := m.call.inputs[name]
			if passed {
				m.call.root.use(name, m.call)
				if in.hasRaw || in.val == cty.NilVal || !in.val.IsKnown() || !in.val.IsNull() || m.nullable(blk) {
					if v, ok := assignedValue(blk, in); ok {
						m.varVals[name] = v
						m.varSrcs[name] = in.srcs
					}
					continue
				}
				// nullable = false: a null passed takes the default, and
				// with none (or a null one) Terraform refuses it.
				if v, ok := m.varDefault(blk); !ok || v.IsNull() {
					m.varFails = append(m.varFails, varFail{name: name, at: blk.DefRange(), srcs: in.srcs,
						msg: "is null, which nullable = false refuses, and has no default to take its place"})
					continue
				}
			}
			if v, ok := m.varDefault(blk); ok {
				m.varVals[name] = v
				m.varSrcs[name] = []tfSrc{{def: m.call.prefixed("var." + name)}}
			}
		}
	}
	m.checkArguments()
}

// checkArguments adds to varFails what Terraform refuses in a module call's
// arguments: a variable with no default that the call leaves out, and an
// argument no variable declares. A root's variables are given at plan
// time, and a module not wholly read may declare more than was read: for
// them nothing is said.
func (m *hclModule) checkArguments() {
	if m.call.prefix == "" {
		return
	}
	for _, f := range m.files {
		if len(f.Errors) > 0 {
			return
		}
	}
	for _, name := range slices.Sorted(maps.Keys(m.vars)) {
		blk := m.vars[name]
		if _, passed := m.call.inputs[name]; !passed && blk.Body.Attributes["default"] == nil {
			m.varFails = append(m.varFails, varFail{name: name, at: blk.DefRange(), srcs: []tfSrc{{origin: m.call.at}},
				msg: "has no default, and the call passes no value for it"})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(m.call.inputs)) {
		if m.vars[name] == nil {
			m.varFails = append(m.varFails, varFail{name: name, srcs: m.call.inputs[name].srcs,
				msg: "is not declared, and the call passes a value for it"})
		}
	}
}

// varDefault returns a variable's default, its type's optional attributes
// filled in; ok is false when it has none, or one not known and small.
// Terraform allows only literals in a default: it is evaluated with no
// variable and no function.
func (m *hclModule) varDefault(blk *hclsyntax.Block) (cty.Value, bool) {
	a := blk.Body.Attributes["default"]
	if a == nil {
		return cty.NilVal, false
	}
	v := m.evalCtx(a.Expr, nil, nil)
	if !v.IsWhollyKnown() || !small(v) {
		return cty.NilVal, false
	}
	return withTypeDefaults(blk, v), true
}

// nullable reports whether a variable may be null: true unless its
// nullable argument is a literal false, as Terraform reads it.
func (m *hclModule) nullable(blk *hclsyntax.Block) bool {
	a := blk.Body.Attributes["nullable"]
	if a == nil {
		return true
	}
	v := m.evalCtx(a.Expr, nil, nil)
	return !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool || v.True()
}

// varFail is a variable whose value Terraform refuses at plan: null where
// nullable = false forbids it, or a value that fails a validation block's
// condition.
type varFail struct {
	name string
	// at is the variable block, or the validation's condition.
	at hcl.Range
	// msg says what fails, after `variable "NAME" of MODULE `.
	msg string
	// srcs are what the value rests on.
	srcs []tfSrc
}

// checkValidations evaluates the condition of each validation block of
// the module's variables whose value is known, in name order, under the
// module's budgets: one that is a known false is a failure, with the
// block's error_message. A condition that is unknown or fails to
// evaluate is no failure: Terraform decides it at deployment, or reports
// an error of its own.
func (m *hclModule) checkValidations() {
	names := make([]string, 0, len(m.vars))
	for name := range m.vars {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !m.varVals[name].IsWhollyKnown() {
			continue
		}
		for _, vb := range m.vars[name].Body.Blocks {
			cond := vb.Body.Attributes["condition"]
			if vb.Type != "validation" || cond == nil {
				continue
			}
			ok := m.eval(cond.Expr)
			if !ok.IsKnown() || ok.IsNull() || ok.Type() != cty.Bool || ok.True() {
				continue
			}
			text := "fails its validation"
			if em := vb.Body.Attributes["error_message"]; em != nil {
				if s := m.eval(em.Expr); s.IsKnown() && !s.IsNull() && s.Type() == cty.String {
					text += ": " + strconv.Quote(s.AsString())
				} else {
					text += ": " + quoteExpr(m.srcs[em.Expr.Range().Filename], em.Expr.Range())
				}
			}
			m.varFails = append(m.varFails, varFail{name: name, at: cond.Expr.Range(), srcs: m.varSrcs[name], msg: text})
			// Terraform reports every failing rule; one says enough.
			break
		}
	}
}

// refuseClients gives every client of files an input error for each
// variable Terraform refuses: the plan fails, so no request is made.
// The message names the variable, where it is declared or validated, and
// where its value was written.
func (m *hclModule) refuseClients(files []*File) {
	if len(m.varFails) == 0 {
		return
	}
	for _, f := range files {
		for _, c := range f.Clients {
			for _, vf := range m.varFails {
				msg := fmt.Sprintf("Terraform refuses the plan: variable %q of %s %s", vf.name, m.moduleName(), vf.msg)
				if vf.at.Filename != "" {
					msg += fmt.Sprintf(" (%s:%d)", vf.at.Filename, vf.at.Start.Line)
				}
				var from []string
				for _, d := range defaultNames(vf.srcs) {
					from = append(from, "the default of "+d)
				}
				for _, o := range originsOf(vf.srcs) {
					from = append(from, o.String())
				}
				if len(from) > 0 {
					msg += " (with " + strings.Join(from, ", ") + ")"
				}
				c.Errors = append(c.Errors, &Error{File: c.File, Pos: c.Pos, Resource: c.Resource, Message: msg})
			}
			c.Request, c.Update = appclient.CreateUserPoolClientRequest{}, nil
		}
	}
}

// moduleName names the module instance in a message: "module.web", or
// "the root module".
func (m *hclModule) moduleName() string {
	if m.call.prefix == "" {
		return "the root module"
	}
	return m.call.prefix
}

// evalLocals evaluates the locals, in as many rounds as it takes the
// values to settle: a local may read another local defined after it.
func (m *hclModule) evalLocals() {
	m.locals = map[string]*hclsyntax.Attribute{}
	m.localVals = map[string]cty.Value{}
	m.localSrcs = map[string][]tfSrc{}
	for _, body := range m.bodies {
		for _, blk := range body.Blocks {
			if blk.Type != "locals" {
				continue
			}
			for name, a := range blk.Body.Attributes {
				m.locals[name] = a
				m.localVals[name] = cty.DynamicVal
			}
		}
	}
	names := make([]string, 0, len(m.locals))
	for name := range m.locals {
		names = append(names, name)
	}
	sort.Strings(names)
	m.buildContext()
	// Each round settles at least one more local of a chain of
	// references; a cycle stays unknown.
	for round := 0; round <= len(names) && round < tree.MaxDepth; round++ {
		changed := false
		for _, name := range names {
			a := m.locals[name]
			v := m.eval(a.Expr)
			if !v.IsWhollyKnown() || !small(v) {
				v = cty.DynamicVal
			}
			srcs := m.srcsOf(a.Expr, nil)
			if !v.RawEquals(m.localVals[name]) || !slices.Equal(srcs, m.localSrcs[name]) {
				m.localVals[name] = v
				m.localSrcs[name] = srcs
				changed = true
			}
		}
		if !changed || m.budget.exhausted {
			break
		}
		m.buildContext()
	}
}

// buildContext makes the evaluation context from the current values.
func (m *hclModule) buildContext() {
	m.ctx = &hcl.EvalContext{
		Variables: map[string]cty.Value{
			"var":   cty.ObjectVal(m.varVals),
			"local": cty.ObjectVal(m.localVals),
		},
		Functions: m.funcs,
	}
	if p, ok := m.call.pathValue(); ok {
		m.ctx.Variables["path"] = p
	}
}

// eval evaluates an expression. Whatever a deployment decides (resources,
// data sources, modules, each, count, self, terraform) is unknown, and so
// is an expression that loops too much, refers to too much, or fails.
func (m *hclModule) eval(expr hclsyntax.Expression) cty.Value {
	return m.evalCtx(expr, m.ctx, nil)
}

// evalIn evaluates an expression in one instance of a resource or module
// call: with its each, count or dynamic block iterator.
func (m *hclModule) evalIn(expr hclsyntax.Expression, in *tfInstance) cty.Value {
	return m.evalCtx(expr, m.ctx, in)
}

// evalCtx evaluates an expression in a context (nil for none) and an
// instance (nil for none) under the module's budgets. An expression over a
// budget is an error of its file and its value is unknown.
func (m *hclModule) evalCtx(expr hclsyntax.Expression, base *hcl.EvalContext, in *tfInstance) cty.Value {
	b := &m.budget
	if b.exhausted {
		return cty.DynamicVal
	}
	nodes, loops, err := b.prepare(expr)
	b.totalSteps += nodes + evalOverhead
	if err == nil && b.totalSteps > maxModuleSteps {
		b.exhausted = true
		err = overBudget("is one evaluation too many: the module's expressions have visited %d syntax nodes (the most a module may)", maxModuleSteps)
	}
	if err != nil {
		m.overBudget(expr, err)
		return cty.DynamicVal
	}
	if nodes > maxEvalNodes {
		return cty.DynamicVal
	}
	refs := expr.Variables()
	if len(refs) > maxEvalRefs {
		return cty.DynamicVal
	}
	ctx := base
	for _, t := range refs {
		root := t.RootName()
		if base != nil && base.Variables[root] != cty.NilVal {
			continue
		}
		if ctx == base {
			if base != nil {
				ctx = base.NewChild()
			} else {
				ctx = &hcl.EvalContext{}
			}
			ctx.Variables = map[string]cty.Value{}
		}
		if v, ok := in.lookup(root); ok {
			ctx.Variables[root] = v
			continue
		}
		ctx.Variables[root] = cty.DynamicVal
	}
	b.start()
	if loops && loopTooCostly(expr, ctx) {
		return cty.DynamicVal
	}
	v, diags := expr.Value(ctx)
	if b.over != nil {
		m.overBudget(expr, b.over)
		return cty.DynamicVal
	}
	if diags.HasErrors() || !small(v) {
		return cty.DynamicVal
	}
	return v
}

// overBudget reports an expression over a budget as an error of its file,
// once, quoting its start.
func (m *hclModule) overBudget(expr hclsyntax.Expression, err error) {
	rng := expr.Range()
	if m.overAt[rng.Start] {
		return
	}
	m.overAt[rng.Start] = true
	f := m.byName[rng.Filename]
	if f == nil {
		return
	}
	f.Errors = append(f.Errors, &Error{File: f.Name, Pos: hclPos(rng.Start),
		Message: fmt.Sprintf("expression %s %v; its value is not evaluated", quoteExpr(m.srcs[rng.Filename], rng), err)})
}

// quoteExpr quotes the beginning of an expression's text.
func quoteExpr(src []byte, rng hcl.Range) string {
	if rng.Start.Byte < 0 || rng.End.Byte > len(src) || rng.Start.Byte > rng.End.Byte {
		return "at line " + fmt.Sprint(rng.Start.Line)
	}
	text := string(src[rng.Start.Byte:rng.End.Byte])
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i] + " ..."
	}
	if len(text) > 60 {
		cut := 57
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut] + "..."
	}
	return strconv.Quote(text)
}

// srcsOf returns what an expression's value rests on, directly or through
// locals, sorted: variables' defaults, values assigned to variables, and
// the values of the instance's each, count and iterators.
func (m *hclModule) srcsOf(expr hclsyntax.Expression, in *tfInstance) []tfSrc {
	var out []tfSrc
	skip := m.untaken(expr, in)
	for _, t := range expr.Variables() {
		if inRanges(skip, t.SourceRange()) {
			continue
		}
		root := t.RootName()
		if _, ok := in.lookup(root); ok {
			out = append(out, in.srcsOf(root)...)
			continue
		}
		if len(t) < 2 {
			continue
		}
		attr, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		switch root {
		case "var":
			out = append(out, m.varSrcs[attr.Name]...)
		case "local":
			out = append(out, m.localSrcs[attr.Name]...)
		}
	}
	return sortSrcs(out)
}

// untaken returns the parts of an expression its value does not come
// from: the branch a known condition does not take, and the arguments of
// try other than the first whose value is known.
func (m *hclModule) untaken(expr hclsyntax.Expression, in *tfInstance) []hcl.Range {
	if rng := expr.Range(); rng.End.Byte-rng.Start.Byte > maxEvalBytes {
		// Too large to be evaluated, and to be walked once more.
		return nil
	}
	var out []hcl.Range
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.ConditionalExpr:
			if inRanges(out, e.Range()) {
				return nil
			}
			c := m.evalIn(e.Condition, in)
			if !c.IsKnown() || c.IsNull() || c.Type() != cty.Bool {
				return nil
			}
			if c.True() {
				out = append(out, e.FalseResult.Range())
			} else {
				out = append(out, e.TrueResult.Range())
			}
		case *hclsyntax.FunctionCallExpr:
			if e.Name != "try" || inRanges(out, e.Range()) {
				return nil
			}
			for i, a := range e.Args {
				if !m.evalIn(a, in).IsWhollyKnown() {
					continue
				}
				for j, b := range e.Args {
					if j != i {
						out = append(out, b.Range())
					}
				}
				break
			}
		}
		return nil
	})
	return out
}

// inRanges reports whether r lies in one of ranges.
func inRanges(ranges []hcl.Range, r hcl.Range) bool {
	for _, s := range ranges {
		if s.Filename == r.Filename && s.Start.Byte <= r.Start.Byte && r.End.Byte <= s.End.Byte {
			return true
		}
	}
	return false
}

// defaultsOf returns the variables with a default that an expression's
// value rests on, directly or through locals, sorted.
func (m *hclModule) defaultsOf(expr hclsyntax.Expression) []string {
	return defaultNames(m.srcsOf(expr, nil))
}

// loopTooCostly reports whether an expression's for expressions (template
// for directives included) cost too much to evaluate: one is nested in
// another, in its body or collection, or the elements of its collection
// times the syntax nodes of the loop exceed maxLoopSteps. What each
// iteration builds is charged to the budget as any call is.
func loopTooCostly(expr hclsyntax.Expression, ctx *hcl.EvalContext) bool {
	var fors []*hclsyntax.ForExpr
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		if fe, ok := n.(*hclsyntax.ForExpr); ok {
			fors = append(fors, fe)
		}
		return nil
	})
	for _, fe := range fors {
		nested := 0
		hclsyntax.VisitAll(fe, func(n hclsyntax.Node) hcl.Diagnostics {
			if _, ok := n.(*hclsyntax.ForExpr); ok {
				nested++
			}
			return nil
		})
		if nested > 1 {
			return true
		}
		// What each iteration evaluates: the key, the value and the
		// condition, not the collection, which is evaluated once.
		inner := 1
		for _, e := range []hclsyntax.Expression{fe.KeyExpr, fe.ValExpr, fe.CondExpr} {
			if e != nil {
				hclsyntax.VisitAll(e, func(hclsyntax.Node) hcl.Diagnostics {
					inner++
					return nil
				})
			}
		}
		v, diags := fe.CollExpr.Value(ctx)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
			// The loop's value is unknown or an error.
			continue
		}
		if !small(v) || v.LengthInt()*inner > maxLoopSteps {
			return true
		}
	}
	return false
}

// small reports whether a value is small enough for other expressions to
// read: at most maxEvalElems elements and maxEvalBytes of text in all.
func small(v cty.Value) bool {
	elems, size := 0, 0
	var walk func(cty.Value) bool
	walk = func(v cty.Value) bool {
		elems++
		if elems > maxEvalElems {
			return false
		}
		if v.IsNull() || !v.IsKnown() {
			return true
		}
		t := v.Type()
		switch {
		case t == cty.String:
			size += len(v.AsString())
		case t == cty.Number:
			if _, ok := numberBits(v); !ok {
				return false
			}
		case t.IsListType() || t.IsSetType() || t.IsTupleType() || t.IsMapType() || t.IsObjectType():
			for it := v.ElementIterator(); it.Next(); {
				k, e := it.Element()
				if t.IsMapType() || t.IsObjectType() {
					size += len(k.AsString())
				}
				if !walk(e) {
					return false
				}
			}
		}
		return size <= maxEvalBytes
	}
	return walk(v)
}

// hclFunctions are the Terraform functions the evaluator knows, those of
// cty's standard library whose cost stays in proportion to their input;
// try and can (hcl's tryfunc), file and templatefile are added per module
// (hclModule.functions). A call to any other function (range, timestamp,
// ...) makes its expression unknown.
var hclFunctions = map[string]function.Function{
	"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc,
	"max": stdlib.MaxFunc, "min": stdlib.MinFunc, "parseint": stdlib.ParseIntFunc,
	"signum": stdlib.SignumFunc,
	"chomp":  stdlib.ChompFunc, "format": boundedFormat, "join": stdlib.JoinFunc,
	"lower": stdlib.LowerFunc, "upper": stdlib.UpperFunc, "replace": stdlib.ReplaceFunc,
	"split": stdlib.SplitFunc, "strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc,
	"title": stdlib.TitleFunc, "trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc,
	"trimsuffix": stdlib.TrimSuffixFunc, "trimspace": stdlib.TrimSpaceFunc,
	"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "strlen": stdlib.StrlenFunc,
	"coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
	"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
	"distinct": stdlib.DistinctFunc, "element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc,
	"index": stdlib.IndexFunc, "keys": stdlib.KeysFunc, "length": stdlib.LengthFunc,
	"lookup": stdlib.LookupFunc, "merge": stdlib.MergeFunc, "reverse": stdlib.ReverseListFunc,
	"slice": stdlib.SliceFunc, "sort": stdlib.SortFunc, "values": stdlib.ValuesFunc,
	"zipmap": stdlib.ZipmapFunc, "setunion": stdlib.SetUnionFunc,
	"setintersection": stdlib.SetIntersectionFunc, "setsubtract": stdlib.SetSubtractFunc,
	"tostring": typeFunc(cty.String), "tonumber": typeFunc(cty.Number), "tobool": typeFunc(cty.Bool),
	"tolist": typeFunc(cty.List(cty.DynamicPseudoType)), "toset": typeFunc(cty.Set(cty.DynamicPseudoType)),
	"jsonencode": stdlib.JSONEncodeFunc, "jsondecode": stdlib.JSONDecodeFunc,
}

// typeFunc is Terraform's tostring, tolist and the like: a conversion.
func typeFunc(want cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowDynamicType: true}},
		Type: func(args []cty.Value) (cty.Type, error) {
			if want.IsCollectionType() && want.ElementType() == cty.DynamicPseudoType {
				v, err := convert.Convert(args[0], want)
				if err != nil {
					return cty.NilType, err
				}
				return v.Type(), nil
			}
			return want, nil
		},
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
			return convert.Convert(args[0], ret)
		},
	})
}

// boundedFormat is format, refusing widths and precisions over three
// digits, which would let a short expression build a huge string.
var boundedFormat = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "format", Type: cty.String}},
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true},
	Type:     function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		digits := 0
		for _, r := range args[0].AsString() {
			if r >= '0' && r <= '9' {
				digits++
				if digits > 3 {
					return cty.UnknownVal(cty.String), fmt.Errorf("format width too large")
				}
				continue
			}
			digits = 0
		}
		return stdlib.Format(args[0], args[1:]...)
	},
})

// address is the Terraform address of a resource block.
func address(blk *hclsyntax.Block) string {
	if blk.Type == "data" {
		return "data." + blk.Labels[0] + "." + blk.Labels[1]
	}
	return blk.Labels[0] + "." + blk.Labels[1]
}

// resource reads one resource or data block: every block is one of the
// file's resources, and an aws_cognito_user_pool_client is also a client.
func (m *hclModule) resource(blk *hclsyntax.Block) {
	rng := blk.Range()
	f := m.byName[rng.Filename]
	if f == nil {
		return
	}
	addr := address(blk)
	res := &Resource{File: f.Name, Name: addr, Type: blk.Labels[0], Pos: hclPos(blk.TypeRange.Start)}
	if dep := blk.Body.Attributes["depends_on"]; dep != nil {
		for _, t := range dep.Expr.Variables() {
			res.DependsOn = append(res.DependsOn, refName(t))
		}
	}
	res.properties = m.bodyValue(blk.Body, 0)
	if blk.Type == "resource" && blk.Labels[0] == tfPoolType {
		if a := blk.Body.Attributes[tfPool.tier]; a != nil {
			res.poolSrcs = map[string][]tfSrc{tfPool.tier: m.srcsOf(a.Expr, nil)}
		}
	}
	f.Resources = append(f.Resources, res)
	if blk.Type != "resource" || !isTFClient(blk.Labels[0]) {
		return
	}
	instances := m.instances(blk.Body, nil)
	absentBy := map[string]bool(nil)
	if len(instances) == 0 {
		// No instance with these values. Where a variable's default
		// decides it, a deployment may pass another value: check it
		// once, each and count unknown, and what leaves it out unknown
		// too. Where nothing a deployment passes can change it (count =
		// 0, for_each = {}, or the values it was given), no request ever
		// reaches Cognito, and there is nothing to check.
		absentBy = m.absentByDefault(blk.Body)
		if absentBy == nil {
			return
		}
		instances = []*tfInstance{nil}
	}
	for _, in := range instances {
		name := m.call.prefixed(addr) + in.key()
		c := newClient(name, res.Pos)
		c.Ignore = m.ignored(rng)
		r := hclClientReader{m: m, c: c, in: in, typ: blk.Labels[0], file: f.Name, absentBy: absentBy}
		r.body("", requestMembers, blk.Body, c.Body)
		if r.typ == tfManagedClientType {
			r.keepLeftOut()
			f.Clients = append(f.Clients, c.managedUpdate(f.Name))
			continue
		}
		out := c.public(f.Name)
		out.emptyLists = r.empty
		if len(out.Errors) == 0 {
			if req, err := c.request(); err != nil {
				out.Errors = append(out.Errors, &Error{File: f.Name, Pos: c.Pos, Resource: name, Message: err.Error()})
			} else {
				out.Request = *req
			}
		}
		f.Clients = append(f.Clients, out)
	}
}

// tfManagedClientType is the Terraform resource type that configures an
// app client another service created (the one Cognito makes for an
// Identity Pool or an OpenSearch domain): it finds the client by
// name_prefix or name_pattern and changes it with UpdateUserPoolClient.
const tfManagedClientType = "aws_cognito_managed_user_pool_client"

// isTFClient reports whether a Terraform resource type defines an app
// client.
func isTFClient(typ string) bool { return typ == tfClientType || typ == tfManagedClientType }

// keepLeftOut marks, for an aws_cognito_managed_user_pool_client, every
// member the configuration leaves out (or sets to null) as unknown: the
// provider sends the value the client has already, which the
// configuration does not say. A list written as [] is sent as written.
func (r *hclClientReader) keepLeftOut() {
	c := r.c
	written := map[string]bool{}
	for _, p := range r.empty {
		written[p] = true
	}
	for _, s := range requestMembers {
		if s.TF == "" || s.Name == "ClientName" || s.Name == "GenerateSecret" {
			continue
		}
		if _, ok := c.Body[s.Name]; !ok && !written[s.Name] {
			c.Unknown[s.Name] = true
		}
	}
}

// managedUpdate finishes an aws_cognito_managed_user_pool_client, from
// configuration, a plan or state, as the update it is: the client ID is
// unknown (found at apply by name_prefix or name_pattern), the name is
// the client's own, and whether the client has a secret is unknown, so
// Check skips the rules that need it, as for an update request.
func (c *client) managedUpdate(file string) *Client {
	c.Unknown["ClientId"] = true
	out := c.public(file)
	if len(out.Errors) > 0 {
		return out
	}
	data, err := json.Marshal(c.Body)
	if err == nil {
		var u appclient.UpdateUserPoolClientRequest
		if u, err = appclient.DecodeUpdateRequest(bytes.NewReader(data)); err == nil {
			out.Request = u.Configuration()
			out.Update = &u
			return out
		}
	}
	out.Errors = append(out.Errors, &Error{File: file, Pos: c.Pos, Resource: c.Resource, Message: "cannot build the request: " + err.Error()})
	return out
}

// ignored returns the rule ids that "appclient-ignore:" comments silence
// for a block: comments on the line before it and inside it.
func (m *hclModule) ignored(rng hcl.Range) []string {
	lines := m.comments[rng.Filename]
	if len(lines) == 0 {
		return nil
	}
	var out []string
	for line := rng.Start.Line - 1; line <= rng.End.Line; line++ {
		out = append(out, lines[line]...)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// refName names what a reference points at: "aws_x.name" for a resource,
// "data.aws_x.name", "module.name", "var.name", "local.name".
func refName(t hcl.Traversal) string {
	parts := []string{t.RootName()}
	want := 2
	if t.RootName() == "data" {
		want = 3
	}
	for _, step := range t[1:] {
		if len(parts) >= want {
			break
		}
		if a, ok := step.(hcl.TraverseAttr); ok {
			parts = append(parts, a.Name)
		} else {
			break
		}
	}
	return strings.Join(parts, ".")
}

// bodyValue turns a block body into a map Value: attributes evaluated
// (unknown ones as tree.Unknown with what they refer to), nested blocks as
// lists of maps, as Terraform's JSON output shows them.
func (m *hclModule) bodyValue(body *hclsyntax.Body, depth int) *tree.Value {
	out := &tree.Value{Kind: tree.Map, Pos: hclPos(body.SrcRange.Start)}
	if depth > tree.MaxDepth {
		return out
	}
	names := make([]string, 0, len(body.Attributes))
	for name := range body.Attributes {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := body.Attributes[names[i]].SrcRange, body.Attributes[names[j]].SrcRange
		if a.Filename != b.Filename {
			// An override file's arguments are merged in.
			return a.Filename < b.Filename
		}
		return a.Start.Byte < b.Start.Byte
	})
	for _, name := range names {
		a := body.Attributes[name]
		v := m.eval(a.Expr)
		var val *tree.Value
		if v.IsWhollyKnown() {
			val = ctyValue(v, hclPos(a.Expr.StartRange().Start), 0)
		} else {
			val = &tree.Value{Kind: tree.Unknown, Pos: hclPos(a.Expr.StartRange().Start), Str: exprText(a.Expr)}
			for _, t := range a.Expr.Variables() {
				val.Refs = append(val.Refs, refName(t))
			}
		}
		out.Membs = append(out.Membs, tree.Member{Key: name, KeyPos: hclPos(a.NameRange.Start), Val: val})
	}
	for _, blk := range body.Blocks {
		typ := blk.Type
		if typ == "dynamic" && len(blk.Labels) == 1 {
			out.Membs = append(out.Membs, tree.Member{Key: blk.Labels[0], KeyPos: hclPos(blk.TypeRange.Start),
				Val: &tree.Value{Kind: tree.Unknown, Pos: hclPos(blk.TypeRange.Start), Str: "dynamic"}})
			continue
		}
		var list *tree.Value
		for i := range out.Membs {
			if out.Membs[i].Key == typ && out.Membs[i].Val.Kind == tree.List {
				list = out.Membs[i].Val
			}
		}
		if list == nil {
			list = &tree.Value{Kind: tree.List, Pos: hclPos(blk.TypeRange.Start)}
			out.Membs = append(out.Membs, tree.Member{Key: typ, KeyPos: hclPos(blk.TypeRange.Start), Val: list})
		}
		list.Elems = append(list.Elems, m.bodyValue(blk.Body, depth+1))
	}
	return out
}

// exprText returns an expression's source range as "file:line", since the
// source text itself is not kept.
func exprText(expr hclsyntax.Expression) string {
	r := expr.Range()
	return fmt.Sprintf("expression at %s:%d", r.Filename, r.Start.Line)
}

// ctyValue turns a known value into a Value.
func ctyValue(v cty.Value, at Position, depth int) *tree.Value {
	out := &tree.Value{Pos: at}
	if v.IsNull() || depth > tree.MaxDepth {
		out.Kind = tree.Null
		return out
	}
	t := v.Type()
	switch {
	case t == cty.String:
		out.Kind, out.Str = tree.String, v.AsString()
	case t == cty.Number:
		out.Kind, out.Str = tree.Number, v.AsBigFloat().Text('g', -1)
	case t == cty.Bool:
		out.Kind, out.Str = tree.Bool, fmt.Sprint(v.True())
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		out.Kind = tree.List
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out.Elems = append(out.Elems, ctyValue(e, at, depth+1))
		}
	case t.IsMapType() || t.IsObjectType():
		out.Kind = tree.Map
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out.Membs = append(out.Membs, tree.Member{Key: k.AsString(), KeyPos: at, Val: ctyValue(e, at, depth+1)})
		}
	default:
		out.Kind = tree.Unknown
	}
	return out
}

// hclClientReader reads the arguments and blocks of one
// aws_cognito_user_pool_client.
type hclClientReader struct {
	m *hclModule
	c *client
	// in is the resource instance read, with its each or count; nil when
	// they are unknown.
	in *tfInstance
	// typ is the resource type: tfClientType or tfManagedClientType.
	typ string
	// file is the name of the file that defines the resource; an
	// argument or block written elsewhere comes from an override file.
	file string
	// empty are the member paths of the list arguments written as an
	// empty list or set.
	empty []string
	// absentBy are the variables whose defaults leave the client out
	// (count 0, for_each empty): a deployment that creates it overrides
	// them, so a value resting on their defaults is unknown.
	absentBy map[string]bool
}

// absentByDefault returns the variables with a default that a resource's
// count or for_each rests on when, with those defaults, it creates no
// instance; nil otherwise.
func (m *hclModule) absentByDefault(body *hclsyntax.Body) map[string]bool {
	for _, meta := range []string{"count", "for_each"} {
		a := body.Attributes[meta]
		if a == nil {
			continue
		}
		deps := m.defaultsOf(a.Expr)
		if len(deps) == 0 || !noInstances(m.eval(a.Expr)) {
			continue
		}
		out := map[string]bool{}
		for _, d := range deps {
			out[d] = true
		}
		return out
	}
	return nil
}

// noInstances reports whether a known count or for_each value creates no
// instance: the number 0, or an empty map, set, list or object.
func noInstances(v cty.Value) bool {
	if !v.IsWhollyKnown() || v.IsNull() {
		return false
	}
	ty := v.Type()
	switch {
	case ty == cty.Number:
		return v.RawEquals(cty.Zero)
	case ty.IsObjectType():
		return len(ty.AttributeTypes()) == 0
	case v.CanIterateElements():
		return v.LengthInt() == 0
	}
	return false
}

// pos returns where rng starts, in the resource's file; a range in
// another file (an override file's argument or block) is given as the
// resource's own position, and the override's place as an origin.
func (r *hclClientReader) pos(rng hcl.Range) Position {
	if rng.Filename != r.file {
		return r.c.Pos
	}
	return hclPos(rng.Start)
}

// restsOnAbsent reports whether any of deps leaves the client out.
func (r *hclClientReader) restsOnAbsent(deps []string) bool {
	return anyIn(r.absentBy, deps)
}

// anyIn reports whether any of deps is in absentBy.
func anyIn(absentBy map[string]bool, deps []string) bool {
	for _, d := range deps {
		if absentBy[d] {
			return true
		}
	}
	return false
}

// hclMeta are the meta-arguments and provider arguments of a resource that
// are not request members.
var hclMeta = map[string]bool{
	"count": true, "for_each": true, "depends_on": true, "provider": true,
	"lifecycle": true, "provisioner": true, "connection": true,
	// The provider's region argument (version 6) picks the endpoint.
	"region": true,
}

func (r *hclClientReader) body(prefix string, specs []memberSpec, body *hclsyntax.Body, out map[string]any) {
	c := r.c
	names := make([]string, 0, len(body.Attributes))
	for name := range body.Attributes {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := body.Attributes[names[i]].SrcRange, body.Attributes[names[j]].SrcRange
		if a.Filename != b.Filename {
			// An override file's arguments, after the resource's own.
			return a.Filename == r.file || (b.Filename != r.file && a.Filename < b.Filename)
		}
		return a.Start.Byte < b.Start.Byte
	})
	for _, name := range names {
		a := body.Attributes[name]
		at := r.pos(a.NameRange)
		if prefix == "" && hclMeta[name] {
			continue
		}
		if prefix == "" && r.typ == tfManagedClientType {
			switch name {
			case "name_prefix", "name_pattern":
				// They find the client; they are not request members.
				continue
			case "name":
				c.errorf(at, "%s has no argument name: the name is the existing client's, found with name_prefix or name_pattern", r.typ)
				continue
			case "generate_secret":
				c.errorf(at, "%s has no argument generate_secret: an existing client's secret cannot change", r.typ)
				continue
			}
		}
		spec := tfSpec(specs, name)
		if spec == nil {
			r.unexpected(prefix, specs, name, at)
			continue
		}
		path := joinPath(prefix, spec.Name)
		c.Where[path] = at
		if spec.Type == typeObject {
			c.errorf(at, "%s is a block: write %s { ... }", name, name)
			continue
		}
		srcs := r.m.srcsOf(a.Expr, r.in)
		if a.NameRange.Filename != r.file {
			srcs = append(srcs, tfSrc{origin: Origin{Source: "override file", File: a.NameRange.Filename, Pos: hclPos(a.NameRange.Start)}})
		}
		deps := defaultNames(srcs)
		if r.restsOnAbsent(deps) {
			// Not the value of any deployment that creates the client.
			if val, ok := r.value(path, spec, name, cty.DynamicVal, a.Expr); ok {
				out[spec.Name] = val
			}
			continue
		}
		if len(deps) > 0 {
			c.Defaults[path] = strings.Join(deps, ", ")
		}
		if o := originsOf(srcs); len(o) > 0 {
			c.Origins[path] = o
		}
		var v cty.Value
		if tup, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && len(tup.Exprs) > 0 && spec.Type == typeStringList {
			// Element by element, so that one unknown element leaves the
			// others known.
			elems := make([]cty.Value, len(tup.Exprs))
			for i, e := range tup.Exprs {
				elems[i] = r.m.evalIn(e, r.in)
			}
			v = cty.TupleVal(elems)
		} else {
			v = r.m.evalIn(a.Expr, r.in)
		}
		if val, ok := r.value(path, spec, name, v, a.Expr); ok {
			out[spec.Name] = val
		}
	}
	seen := map[string]Position{}
	for _, blk := range body.Blocks {
		at := r.pos(blk.TypeRange)
		name := blk.Type
		if name == "dynamic" && len(blk.Labels) == 1 {
			name = blk.Labels[0]
		}
		if prefix == "" && hclMeta[name] {
			continue
		}
		spec := tfSpec(specs, name)
		if spec == nil {
			r.unexpected(prefix, specs, name, at)
			continue
		}
		path := joinPath(prefix, spec.Name)
		if spec.Type != typeObject {
			c.errorf(at, "%s is an argument, not a block: write %s = ...", name, name)
			continue
		}
		if first, dup := seen[name]; dup {
			c.errorf(at, "a second %s block (first at line %d); the provider allows one", name, first.Line)
			continue
		}
		seen[name] = at
		c.Where[path] = at
		if blk.Type == "dynamic" {
			// Its content and even its presence depend on for_each.
			content, in, known := r.dynamic(blk)
			if !known {
				c.Unknown[path] = true
				continue
			}
			if content == nil {
				continue
			}
			dyn := *r
			dyn.in = in
			obj := map[string]any{}
			dyn.body(path, spec.Fields, content.Body, obj)
			out[spec.Name] = obj
			continue
		}
		obj := map[string]any{}
		r.body(path, spec.Fields, blk.Body, obj)
		out[spec.Name] = obj
	}
}

// unexpected reports an argument or block the provider does not have.
func (r *hclClientReader) unexpected(prefix string, specs []memberSpec, name string, at Position) {
	where := r.typ
	if prefix != "" {
		where = prefix
	}
	r.c.errorf(at, "%s has no argument or block %q%s", where, name, hint(name, specs, func(s memberSpec) string { return s.TF }))
}

// tfSpec finds a member by its Terraform name.
func tfSpec(specs []memberSpec, name string) *memberSpec {
	for i := range specs {
		if specs[i].TF != "" && specs[i].TF == name {
			return &specs[i]
		}
	}
	return nil
}

// value converts an argument's value to the member's type, as Terraform
// would: "60" is a number, "true" a boolean. Null, "" and an empty list
// leave the member out, as the provider sends nothing for them (except in
// name and user_pool_id).
func (r *hclClientReader) value(path string, spec *memberSpec, name string, v cty.Value, expr hclsyntax.Expression) (any, bool) {
	c := r.c
	at := hclPos(expr.StartRange().Start)
	if v.IsNull() {
		return nil, false
	}
	if spec.Type != typeStringList && !v.IsWhollyKnown() {
		c.Unknown[path] = true
		return nil, false
	}
	switch spec.Type {
	case typeString:
		s, err := convert.Convert(v, cty.String)
		if err != nil {
			c.errorf(at, "%s must be a string: %v", name, err)
			return nil, false
		}
		if s.IsNull() {
			return nil, false
		}
		str := s.AsString()
		if str == "" && !tfRequired[name] && !tfLengthChecked[name] {
			return nil, false
		}
		return str, true
	case typeInt:
		n, err := convert.Convert(v, cty.Number)
		if err != nil {
			c.errorf(at, "%s must be a number: %v", name, err)
			return nil, false
		}
		if n.IsNull() {
			return nil, false
		}
		bf := n.AsBigFloat()
		if !bf.IsInt() {
			c.errorf(at, "%s must be a whole number, not %s", name, bf.Text('g', -1))
			return nil, false
		}
		i, acc := bf.Int64()
		if acc != big.Exact || i > 1<<31-1 || i < -1<<31 {
			c.errorf(at, "%s: %s does not fit in a 32-bit integer", name, bf.Text('g', -1))
			return nil, false
		}
		return i, true
	case typeBool:
		b, err := convert.Convert(v, cty.Bool)
		if err != nil {
			c.errorf(at, "%s must be true or false: %v", name, err)
			return nil, false
		}
		if b.IsNull() {
			return nil, false
		}
		return b.True(), true
	case typeStringList:
		if !v.IsKnown() {
			c.Unknown[path] = true
			return nil, false
		}
		t := v.Type()
		if !t.IsListType() && !t.IsSetType() && !t.IsTupleType() {
			c.errorf(at, "%s must be a list of strings, not %s", name, t.FriendlyName())
			return nil, false
		}
		var elemExprs []hclsyntax.Expression
		if tup, ok := expr.(*hclsyntax.TupleConsExpr); ok {
			elemExprs = tup.Exprs
		}
		list := make([]string, 0, v.LengthInt())
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			idx := joinIndex(path, i)
			if i < len(elemExprs) {
				c.Where[idx] = r.pos(elemExprs[i].StartRange())
			}
			if !e.IsWhollyKnown() {
				c.Unknown[idx] = true
				list = append(list, "")
				continue
			}
			s, err := convert.Convert(e, cty.String)
			if err != nil || s.IsNull() {
				c.errorf(at, "%s must hold strings, not %s", idx, e.Type().FriendlyName())
				list = append(list, "")
				continue
			}
			list = append(list, s.AsString())
		}
		if len(list) == 0 {
			// Written out as [] or toset([]): the provider sends nothing,
			// which is advisory terraform-empty-list.
			r.empty = append(r.empty, path)
			return nil, false
		}
		return list, true
	}
	return nil, false
}

// tfLengthChecked are the string arguments whose length the provider
// validates when it reads the configuration: for them "" is a value, and
// the length error the provider raises at plan (default_redirect_uri, 1 to
// 1024 characters). Every other optional string argument set to "" is
// not sent.
var tfLengthChecked = map[string]bool{"default_redirect_uri": true}
