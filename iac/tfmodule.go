package iac

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// Limits of reading Terraform modules.
const (
	// maxModuleDepth is the deepest chain of module calls read, as the
	// issue asks: deeper is an input error.
	maxModuleDepth = 16
	// maxModuleInstances is the most module instances read for one root,
	// so that for_each on module calls cannot multiply the work without
	// bound.
	maxModuleInstances = 256
)

// tfSrc is one thing a Terraform value rests on: a variable's default
// (def, such as "var.domain"), or a value a deployment passes (origin).
type tfSrc struct {
	def    string
	origin Origin
}

// sortSrcs sorts and de-duplicates srcs; nil when there are none.
func sortSrcs(srcs []tfSrc) []tfSrc {
	if len(srcs) == 0 {
		return nil
	}
	sort.Slice(srcs, func(i, j int) bool {
		a, b := srcs[i], srcs[j]
		if a.def != b.def {
			return a.def < b.def
		}
		if a.origin.Source != b.origin.Source {
			return a.origin.Source < b.origin.Source
		}
		if a.origin.File != b.origin.File {
			return a.origin.File < b.origin.File
		}
		if a.origin.Pos.Line != b.origin.Pos.Line {
			return a.origin.Pos.Line < b.origin.Pos.Line
		}
		return a.origin.Pos.Column < b.origin.Pos.Column
	})
	return slices.Compact(srcs)
}

// defaultNames returns the defaults among srcs.
func defaultNames(srcs []tfSrc) []string {
	var out []string
	for _, s := range srcs {
		if s.def != "" {
			out = append(out, s.def)
		}
	}
	return out
}

// originsOf returns the values passed among srcs.
func originsOf(srcs []tfSrc) []Origin {
	var out []Origin
	for _, s := range srcs {
		if s.def == "" && s.origin.Source != "" {
			out = append(out, s.origin)
		}
	}
	return out
}

// tfInput is a value assigned to a variable: by a module's caller, or to
// a root module by tfvars files, -var-file, -var or TF_VAR_.
type tfInput struct {
	val cty.Value
	// raw, when set, is text that the variable's type decides how to read
	// (-var, TF_VAR_): as it is for a string variable or one without a
	// type, as an HCL expression otherwise.
	raw    string
	hasRaw bool
	srcs   []tfSrc
}

// tfRoot is what the modules read for one root module share.
type tfRoot struct {
	// dir is the root module's directory; "" when nothing is read from
	// disk.
	dir string
	// manifest maps the keys of .terraform/modules/modules.json ("web",
	// "web.child") to the directories terraform init installed them in.
	manifest map[string]string
	// used, when not nil, records the root's variables that a -var names.
	used func(name string)
	// instances counts the module instances read.
	instances int
	// budget is what the root and the module instances have spent.
	budget *budgetTotals
}

// tfCall is how a module is read: as a root, or by one call of a module
// block.
type tfCall struct {
	root *tfRoot
	// prefix is the module instance's address, "module.web" or
	// `module.web["a"]`; "" for the root.
	prefix string
	// key is the module's key in modules.json: "web", "web.child".
	key string
	// dir is the module's directory; "" when nothing is read from disk.
	dir string
	// inputs are the values assigned to its variables.
	inputs map[string]tfInput
	// at is, for a module call, where the caller's module block is.
	at Origin
	// stack are the directories of the calling modules, for cycles.
	stack []string
}

// prefixed returns an address inside the module instance.
func (c *tfCall) prefixed(addr string) string {
	if c.prefix == "" {
		return addr
	}
	return c.prefix + "." + addr
}

// tfInstance is one instance of a resource or module call, or the
// iterator of a dynamic block: the name its expressions read, its value,
// and what the value rests on.
type tfInstance struct {
	parent *tfInstance
	// name is "each", "count" or the iterator's name.
	name string
	val  cty.Value
	srcs []tfSrc
	// suffix is the instance key of the address: `["web"]`, "[0]".
	suffix string
}

// key returns the instance key of the address, "" for none.
func (in *tfInstance) key() string {
	if in == nil {
		return ""
	}
	return in.suffix
}

// lookup returns the value of a name the instance defines.
func (in *tfInstance) lookup(root string) (cty.Value, bool) {
	for p := in; p != nil; p = p.parent {
		if p.name == root {
			return p.val, true
		}
	}
	return cty.NilVal, false
}

// srcsOf returns what a name the instance defines rests on.
func (in *tfInstance) srcsOf(root string) []tfSrc {
	for p := in; p != nil; p = p.parent {
		if p.name == root {
			return p.srcs
		}
	}
	return nil
}

// instances returns the instances of a resource or module block with a
// known for_each or count, each with its each or count; one instance
// with no name when the block has neither; one instance whose each or
// count is unknown when the collection is unknown; and none when the
// collection is known to be empty.
func (m *hclModule) instances(body *hclsyntax.Body, parent *tfInstance) []*tfInstance {
	if a := body.Attributes["for_each"]; a != nil {
		v := m.evalIn(a.Expr, parent)
		srcs := m.srcsOf(a.Expr, parent)
		unknown := []*tfInstance{{parent: parent, name: "each", val: cty.DynamicVal}}
		if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
			return unknown
		}
		ty := v.Type()
		if !ty.IsMapType() && !ty.IsObjectType() && !ty.IsSetType() {
			// Terraform takes only maps and sets of strings.
			return unknown
		}
		var out []*tfInstance
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if ty.IsSetType() {
				if e.Type() != cty.String {
					return unknown
				}
				k = e
			}
			each := cty.ObjectVal(map[string]cty.Value{"key": k, "value": e})
			out = append(out, &tfInstance{parent: parent, name: "each", val: each, srcs: srcs, suffix: "[" + strconv.Quote(k.AsString()) + "]"})
		}
		return out
	}
	if a := body.Attributes["count"]; a != nil {
		v := m.evalIn(a.Expr, parent)
		unknown := []*tfInstance{{parent: parent, name: "count", val: cty.DynamicVal}}
		n, err := convert.Convert(v, cty.Number)
		if err != nil || !n.IsWhollyKnown() || n.IsNull() {
			return unknown
		}
		count, acc := n.AsBigFloat().Int64()
		if acc != 0 || count < 0 || count > maxEvalElems {
			return unknown
		}
		srcs := m.srcsOf(a.Expr, parent)
		var out []*tfInstance
		for i := range count {
			idx := cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(i)})
			out = append(out, &tfInstance{parent: parent, name: "count", val: idx, srcs: srcs, suffix: "[" + strconv.FormatInt(i, 10) + "]"})
		}
		return out
	}
	return []*tfInstance{{parent: parent}}
}

// dynamic reads a dynamic block of a client: its content block and the
// iterator its content reads. known is false when for_each is unknown or
// makes more than one block (the provider takes one); content is nil when
// it makes none.
func (r *hclClientReader) dynamic(blk *hclsyntax.Block) (content *hclsyntax.Block, in *tfInstance, known bool) {
	a := blk.Body.Attributes["for_each"]
	if a == nil {
		return nil, nil, false
	}
	for _, b := range blk.Body.Blocks {
		if b.Type == "content" {
			content = b
		}
	}
	name := blk.Labels[0]
	if it := blk.Body.Attributes["iterator"]; it != nil {
		t, diags := hcl.AbsTraversalForExpr(it.Expr)
		if diags.HasErrors() || len(t) != 1 {
			return nil, nil, false
		}
		name = t.RootName()
	}
	v := r.m.evalIn(a.Expr, r.in)
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() || content == nil {
		return nil, nil, false
	}
	switch v.LengthInt() {
	case 0:
		return nil, nil, true
	case 1:
	default:
		return nil, nil, false
	}
	it := v.ElementIterator()
	it.Next()
	k, e := it.Element()
	iter := cty.ObjectVal(map[string]cty.Value{"key": k, "value": e})
	return content, &tfInstance{parent: r.in, name: name, val: iter, srcs: r.m.srcsOf(a.Expr, r.in), suffix: r.in.key()}, true
}

// assignedValue returns the value assigned to a variable, read and
// converted as its type constraint says, its optional attributes' defaults
// filled in. ok is false when the value does not fit the type.
func assignedValue(blk *hclsyntax.Block, in tfInput) (cty.Value, bool) {
	ty, defaults := cty.DynamicPseudoType, (*typeexpr.Defaults)(nil)
	if a := blk.Body.Attributes["type"]; a != nil {
		t, d, diags := typeexpr.TypeConstraintWithDefaults(a.Expr)
		if !diags.HasErrors() {
			ty, defaults = t, d
		}
	}
	v := in.val
	if in.hasRaw {
		if ty == cty.DynamicPseudoType || ty.IsPrimitiveType() {
			v = cty.StringVal(in.raw)
		} else {
			expr, diags := hclsyntax.ParseExpression([]byte(in.raw), "-var", hcl.InitialPos)
			if diags.HasErrors() || len(expr.Variables()) > 0 {
				return cty.NilVal, false
			}
			v, diags = expr.Value(nil)
			if diags.HasErrors() {
				return cty.NilVal, false
			}
		}
	}
	if !small(v) {
		return cty.NilVal, false
	}
	if defaults != nil && v.IsWhollyKnown() {
		v = defaults.Apply(v)
	}
	if ty != cty.DynamicPseudoType {
		conv, err := convert.Convert(v, ty)
		if err != nil {
			return cty.NilVal, false
		}
		v = conv
	}
	return v, true
}

// withTypeDefaults fills in a variable default's optional attributes.
func withTypeDefaults(blk *hclsyntax.Block, v cty.Value) cty.Value {
	a := blk.Body.Attributes["type"]
	if a == nil {
		return v
	}
	ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(a.Expr)
	if diags.HasErrors() {
		return v
	}
	if defaults != nil {
		v = defaults.Apply(v)
	}
	if conv, err := convert.Convert(v, ty); err == nil && small(conv) {
		return conv
	}
	return v
}

// moduleMeta are the arguments of a module block that are no input
// variable.
var moduleMeta = map[string]bool{
	"source": true, "version": true, "count": true, "for_each": true,
	"providers": true, "depends_on": true,
}

// module reads the module a module block calls, once per instance, with
// the arguments the block passes. A module whose source is not on disk
// gets a note, a cycle or a chain deeper than maxModuleDepth an error.
func (m *hclModule) module(blk *hclsyntax.Block) []*File {
	f := m.byName[blk.Range().Filename]
	if f == nil {
		return nil
	}
	name := blk.Labels[0]
	at := hclPos(blk.TypeRange.Start)
	addr := m.call.prefixed("module." + name)
	source := ""
	if a := blk.Body.Attributes["source"]; a != nil {
		if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			source = v.AsString()
		}
	}
	key := name
	if m.call.key != "" {
		key = m.call.key + "." + name
	}
	dir, ok := m.call.root.moduleDir(m.call.dir, key, source)
	if !ok {
		msg := fmt.Sprintf("source %q is not on disk: run terraform init in %s to install it, then check again; its app clients are not checked", source, rootName(m.call.root.dir))
		if localSource(source) {
			// terraform init installs nothing for a local path.
			msg = fmt.Sprintf("source %q is not a directory beside %s; its app clients are not checked", source, filepath.ToSlash(filepath.Base(f.Name)))
		}
		if m.call.root.dir == "" {
			msg = fmt.Sprintf("source %q is not read (only a directory's modules are); its app clients are not checked", source)
		}
		f.Notes = append(f.Notes, &Error{File: f.Name, Pos: at, Resource: addr, Message: msg})
		return nil
	}
	if len(m.call.stack) >= maxModuleDepth {
		f.Errors = append(f.Errors, &Error{File: f.Name, Pos: at, Resource: addr, Message: fmt.Sprintf("modules call each other more than %d levels deep", maxModuleDepth)})
		return nil
	}
	if slices.Contains(m.call.stack, dir) || dir == m.call.dir {
		f.Errors = append(f.Errors, &Error{File: f.Name, Pos: at, Resource: addr, Message: fmt.Sprintf("module cycle: %s calls a module that calls it", filepath.ToSlash(dir))})
		return nil
	}
	srcs, err := readModuleDir(dir)
	if err != nil {
		f.Errors = append(f.Errors, &Error{File: f.Name, Pos: at, Resource: addr, Message: err.Error()})
		return nil
	}
	if !tfMayHoldClients(srcs) {
		return nil
	}
	var out []*File
	instances := m.instances(blk.Body, nil)
	absentBy := map[string]bool(nil)
	if len(instances) == 0 {
		// No instance with these values. As for a client, where a
		// variable's default decides it, a deployment may pass another
		// value: read the module once, each or count unknown, and the
		// arguments that rest on what leaves it out unknown too.
		absentBy = m.absentByDefault(blk.Body)
		if absentBy == nil {
			return nil
		}
		name := "count"
		if blk.Body.Attributes["for_each"] != nil {
			name = "each"
		}
		instances = []*tfInstance{{name: name, val: cty.DynamicVal}}
	}
	for _, in := range instances {
		m.call.root.instances++
		if m.call.root.instances > maxModuleInstances {
			f.Errors = append(f.Errors, &Error{File: f.Name, Pos: at, Resource: addr, Message: fmt.Sprintf("more than %d module instances", maxModuleInstances)})
			return out
		}
		inst := addr + in.key()
		inputs := map[string]tfInput{}
		for arg, a := range blk.Body.Attributes {
			if moduleMeta[arg] {
				continue
			}
			srcs := append(m.srcsOf(a.Expr, in), tfSrc{origin: Origin{Source: inst + "'s argument " + arg, File: f.Name, Pos: hclPos(a.Expr.StartRange().Start)}})
			val := cty.DynamicVal
			if !anyIn(absentBy, defaultNames(srcs)) {
				val = m.evalIn(a.Expr, in)
			}
			inputs[arg] = tfInput{val: val, srcs: sortSrcs(srcs)}
		}
		child := &tfCall{root: m.call.root, prefix: inst, key: key, dir: dir, inputs: inputs,
			at:    Origin{Source: inst + "'s call", File: f.Name, Pos: at},
			stack: append(slices.Clip(m.call.stack), m.call.dir)}
		out = append(out, readModuleCall(srcs, child)...)
		if b := m.call.root.budget; b != nil && b.parsed > maxTreeBytes {
			// The instance's files say so; the others would repeat it.
			return out
		}
	}
	return out
}

// rootName names a root module's directory in a message.
func rootName(dir string) string {
	if dir == "" || dir == "." {
		return "the module's directory"
	}
	return filepath.ToSlash(dir)
}

// localSource reports whether a module source is a local path, which
// Terraform reads where it is rather than installing it.
func localSource(source string) bool {
	return strings.HasPrefix(source, "./") || strings.HasPrefix(source, "../")
}

// moduleDir returns the directory of a module a module in callerDir calls:
// a local path, or what terraform init installed.
func (r *tfRoot) moduleDir(callerDir, key, source string) (string, bool) {
	if r.dir == "" {
		return "", false
	}
	var dir string
	switch {
	case localSource(source):
		dir = filepath.Join(callerDir, filepath.FromSlash(source))
	case r.manifest[key] != "":
		dir = filepath.Join(r.dir, filepath.FromSlash(r.manifest[key]))
	default:
		return "", false
	}
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return "", false
	}
	return filepath.Clean(dir), true
}

// readModuleDir reads the .tf and .tf.json files of a module's
// directory, in name order.
func readModuleDir(dir string) ([]tfSource, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("module directory: %s", readError(err))
	}
	var out []tfSource
	for _, e := range entries {
		if !e.Type().IsRegular() || tfFileInput(e.Name()) == "" || !isTFConfig(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := ReadInput(p, maxInputBytes)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", filepath.ToSlash(p), readError(err))
		}
		out = append(out, tfSource{name: p, data: data})
	}
	return out, nil
}

// tfMayHoldClients reports whether .tf files define an app client or
// call a module that may.
func tfMayHoldClients(srcs []tfSource) bool {
	for _, s := range srcs {
		if isTFJSON(s.name) && bytes.Contains(s.data, []byte(`\u`)) {
			// A JSON escape may spell a resource type.
			return true
		}
		if bytes.Contains(s.data, []byte(tfClientType)) || bytes.Contains(s.data, []byte(tfManagedClientType)) ||
			bytes.Contains(s.data, []byte("module")) {
			return true
		}
	}
	return false
}

// readManifest reads .terraform/modules/modules.json under a root
// module's directory: the modules terraform init installed, by key. A
// missing or unreadable manifest installs nothing.
func readManifest(dir string) map[string]string {
	data, err := ReadInput(filepath.Join(dir, ".terraform", "modules", "modules.json"), 1<<20)
	if err != nil {
		return nil
	}
	var m struct {
		Modules []struct {
			Key string `json:"Key"`
			Dir string `json:"Dir"`
		} `json:"Modules"`
	}
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	out := map[string]string{}
	for _, e := range m.Modules {
		if e.Key != "" && e.Dir != "" && !filepath.IsAbs(e.Dir) {
			out[e.Key] = e.Dir
		}
	}
	return out
}

// functions returns the functions the module's expressions may call:
// hclFunctions charged to the module's budget, try and can, and, when the
// module is read from disk, file and templatefile reading files of the
// module's own directory.
func (m *hclModule) functions() map[string]function.Function {
	out := guardFunctions(hclFunctions, &m.budget)
	out["try"] = tryfunc.TryFunc
	out["can"] = tryfunc.CanFunc
	c := m.call
	if c.dir == "" {
		return out
	}
	out["file"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			data, err := c.moduleFile(args[0].AsString())
			if err == nil {
				err = m.budget.spend("file()", len(data)+16)
			}
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(string(data)), nil
		},
	})
	out["templatefile"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			data, err := c.moduleFile(args[0].AsString())
			if err == nil {
				err = m.budget.spend("templatefile()", len(data)+16)
			}
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			vars := args[1]
			if !vars.IsWhollyKnown() || vars.IsNull() || !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
				return cty.UnknownVal(cty.String), fmt.Errorf("templatefile: vars must be a known map")
			}
			expr, diags := hclsyntax.ParseTemplate(data, args[0].AsString(), hcl.InitialPos)
			if diags.HasErrors() {
				return cty.UnknownVal(cty.String), diags
			}
			// The template's own functions are the module's but
			// templatefile, which Terraform refuses there too.
			funcs := make(map[string]function.Function, len(m.funcs))
			for name, f := range m.funcs {
				if name != "templatefile" {
					funcs[name] = f
				}
			}
			ctx := &hcl.EvalContext{Variables: vars.AsValueMap(), Functions: funcs}
			if _, _, err := m.budget.prepare(expr); err != nil || loopTooCostly(expr, ctx) {
				return cty.UnknownVal(cty.String), fmt.Errorf("templatefile: template too costly")
			}
			v, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.UnknownVal(cty.String), diags
			}
			s, err := convert.Convert(v, cty.String)
			if err != nil || !small(s) {
				return cty.UnknownVal(cty.String), fmt.Errorf("templatefile: result too large or not a string")
			}
			return s, nil
		},
	})
	return out
}

// moduleFile reads a file that file or templatefile names: a path
// relative to the root module's directory (as Terraform resolves it), of
// a regular file inside the module's directory, at most maxEvalBytes of
// UTF-8 text.
func (c *tfCall) moduleFile(name string) ([]byte, error) {
	p := filepath.FromSlash(name)
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.root.dir, p)
	}
	p = filepath.Clean(p)
	rel, err := filepath.Rel(c.dir, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return nil, fmt.Errorf("%s is outside the module", name)
	}
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxEvalBytes {
		return nil, fmt.Errorf("%s: not a small regular file", name)
	}
	data, err := ReadInput(p, maxEvalBytes)
	if err != nil || len(data) > maxEvalBytes || !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not small UTF-8 text", name)
	}
	return data, nil
}

// pathValue is Terraform's path object for a module read from disk:
// path.module relative to the root module's directory, path.root and
// path.cwd the root's.
func (c *tfCall) pathValue() (cty.Value, bool) {
	if c.dir == "" || c.root.dir == "" {
		return cty.NilVal, false
	}
	rel, err := filepath.Rel(c.root.dir, c.dir)
	if err != nil {
		return cty.NilVal, false
	}
	return cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(filepath.ToSlash(rel)),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal("."),
	}), true
}

// stripModulePath returns a Terraform address without the module
// instances it is in: "module.web[0].aws_x.y" is "aws_x.y" in its module.
func stripModulePath(addr string) string {
	for strings.HasPrefix(addr, "module.") {
		rest := addr[len("module."):]
		// The module's name, then its instance key, then a dot.
		i := strings.IndexAny(rest, ".[")
		if i < 0 {
			return addr
		}
		rest = rest[i:]
		if strings.HasPrefix(rest, "[") {
			end := strings.Index(rest, "].")
			if end < 0 {
				return addr
			}
			rest = rest[end+1:]
		}
		addr = strings.TrimPrefix(rest, ".")
	}
	return addr
}
