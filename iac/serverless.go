package iac

import (
	"errors"
	"fmt"
	"github.com/cognitokit/appclient/iac/internal/tree"
	"path"
	"strings"
)

// slsFragment is one piece of a Serverless service's resources: the
// CloudFormation Resources it holds and the file they are written in.
type slsFragment struct {
	file      string
	resources *tree.Value
}

// Budgets of a Serverless service's includes.
const (
	// maxIncludes is the most includes one service reads.
	maxIncludes = 256
	// maxIncludeBytes is the most its includes may hold in all.
	maxIncludeBytes = 16 << 20
)

// includeFunc reads a file that a Serverless service includes. whole is
// true when the service reads every resource of the file (an include with
// no selector, or ":Resources"), so that a walk need not read the file on
// its own.
type includeFunc func(path string, whole bool) ([]byte, error)

// slsResources collects the CloudFormation resources of a Serverless
// service: resources.Resources, or resources given as a list of fragments,
// each a map with Resources or a "${file(...)}" include; the Resources
// map itself, and each resource in it, may be an include too, with or
// without a selector (${file(res.yml):Resources}). An include is read when
// include is not nil and its path is relative and written out; otherwise
// its resources are unknown and left out. An include that is read but
// gives nothing usable (a missing, unreadable or oversized file, a
// selector that selects nothing, a value that is not a map) is an error
// naming it.
//
// The Resources of each stack of custom.additionalStacks, which the
// serverless-plugin-additional-stacks plugin deploys as stacks of their
// own beside the service's, are collected the same way.
func slsResources(name string, root *tree.Value, include includeFunc) ([]slsFragment, error) {
	res := root.Get("resources")
	extra := additionalStacks(root)
	if (res == nil || res.Kind == tree.Null) && len(extra) == 0 {
		return nil, nil
	}
	var out []slsFragment
	// Includes may fan out at every level: what all of them read is
	// bounded.
	reads, readBytes := 0, 0
	// resolve reads the include s, written in file: the value it stands
	// for, the file it is written in, and whether the selector ends in
	// Resources. A nil value with no error is an include this does not
	// read.
	resolve := func(file string, s *tree.Value) (*tree.Value, string, bool, error) {
		inc, sel, ok := fileVariable(s.Str)
		if !ok || include == nil || path.IsAbs(inc) || strings.Contains(inc, "${") {
			return nil, "", false, nil
		}
		where := ""
		if file != name {
			where = " in " + file
		}
		fail := func(format string, args ...any) (*tree.Value, string, bool, error) {
			return nil, "", false, &tree.Error{Pos: s.Pos, Msg: fmt.Sprintf("the include %q%s %s", s.Str, where, fmt.Sprintf(format, args...))}
		}
		// The Framework resolves every include from the service's
		// directory, whichever file holds it.
		p := path.Join(path.Dir(name), inc)
		if reads++; reads > maxIncludes {
			return fail("is one include too many: a service may read %d includes in all, each counted every time it is read", maxIncludes)
		}
		data, err := include(p, sel == "" || sel == "Resources")
		if err != nil {
			return fail("cannot be read: %s", readError(err))
		}
		if readBytes += len(data); readBytes > maxIncludeBytes {
			return fail("is one include too many: a service's includes may hold %d MiB in all, each counted every time it is read", maxIncludeBytes>>20)
		}
		v, err := parseFragment(p, data)
		if err != nil {
			var pe *tree.Error
			if errors.As(err, &pe) {
				return fail("cannot be read: %s", pe.Msg)
			}
			return fail("cannot be read: %v", err)
		}
		for part := range strings.SplitSeq(sel, ".") {
			if part != "" {
				v = v.Get(part)
			}
		}
		if v == nil {
			return fail("selects nothing in %s", p)
		}
		return v, p, strings.HasSuffix(sel, "Resources"), nil
	}
	var add, addResources func(file string, frag *tree.Value, depth int) error
	// addResources adds a Resources map, or an include of one.
	addResources = func(file string, r *tree.Value, depth int) error {
		if depth > 8 {
			return &tree.Error{Pos: r.Pos, Msg: "fragments include each other more than 8 levels deep"}
		}
		if r.Kind == tree.String {
			v, p, _, err := resolve(file, r)
			if v == nil || err != nil {
				return err
			}
			return addResources(p, v, depth+1)
		}
		if r.Kind != tree.Map {
			return &tree.Error{Pos: r.Pos, Msg: "resources.Resources must be a map, not " + r.Kind.String()}
		}
		// Each resource may be an include of its own: it is read from
		// its file, and the others stay in this one.
		own := *r
		own.Membs = nil
		for _, m := range r.Membs {
			if m.Val.Kind != tree.String {
				own.Membs = append(own.Membs, m)
				continue
			}
			v, p, _, err := resolve(file, m.Val)
			if err != nil {
				return err
			}
			if v == nil {
				own.Membs = append(own.Membs, m)
				continue
			}
			if v.Kind != tree.Map {
				return &tree.Error{Pos: m.Val.Pos, Msg: fmt.Sprintf("the include %q of resource %s gives %s, not a resource", m.Val.Str, m.Key, v.Kind)}
			}
			one := &tree.Value{Kind: tree.Map, Pos: v.Pos, Membs: []tree.Member{{Key: m.Key, KeyPos: v.Pos, Val: v}}}
			out = append(out, slsFragment{file: p, resources: one})
		}
		out = append(out, slsFragment{file: file, resources: &own})
		return nil
	}
	add = func(file string, frag *tree.Value, depth int) error {
		switch {
		case depth > 8:
			return &tree.Error{Pos: frag.Pos, Msg: "fragments include each other more than 8 levels deep"}
		case frag.Kind == tree.String:
			v, p, resources, err := resolve(file, frag)
			if v == nil || err != nil {
				return err
			}
			if resources {
				return addResources(p, v, depth+1)
			}
			if v.Kind != tree.Map && v.Kind != tree.List {
				return &tree.Error{Pos: frag.Pos, Msg: fmt.Sprintf("the include %q gives %s, not a map of resources", frag.Str, v.Kind)}
			}
			return add(p, v, depth+1)
		case frag.Kind == tree.List:
			for _, e := range frag.Elems {
				if err := add(file, e, depth); err != nil {
					return err
				}
			}
		case frag.Kind == tree.Map:
			r := frag.Get("Resources")
			if r == nil {
				return nil
			}
			return addResources(file, r, depth)
		}
		return nil
	}
	if res != nil && res.Kind != tree.Null {
		if err := add(name, res, 0); err != nil {
			return nil, err
		}
	}
	for _, r := range extra {
		if err := addResources(name, r, 0); err != nil {
			return nil, err
		}
	}
	// In file order within each file: the fragments of one file stay
	// together as the service lists them.
	return out, nil
}

// additionalStacks returns the Resources of each stack the service's
// custom.additionalStacks defines, in file order.
func additionalStacks(root *tree.Value) []*tree.Value {
	stacks := root.Get("custom").Get("additionalStacks")
	if stacks == nil || stacks.Kind != tree.Map {
		return nil
	}
	var out []*tree.Value
	for _, st := range stacks.Membs {
		if r := st.Val.Get("Resources"); r != nil && r.Kind != tree.Null {
			out = append(out, r)
		}
	}
	return out
}

// fileVariable splits "${file(path):a.b}" into the path and the selector
// "a.b"; ok is false for any other string.
func fileVariable(s string) (p, sel string, ok bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), "${file(")
	if !ok {
		return "", "", false
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 || !strings.HasSuffix(rest, "}") {
		return "", "", false
	}
	p = strings.Trim(strings.TrimSpace(rest[:end]), `'"`)
	sel = strings.TrimPrefix(strings.TrimSuffix(rest[end+1:], "}"), ":")
	if strings.ContainsAny(sel, "${, ") {
		return "", "", false
	}
	return p, sel, p != ""
}

// parseFragment reads an included fragment, JSON or YAML.
func parseFragment(name string, data []byte) (*tree.Value, error) {
	if len(data) > maxYAMLBytes {
		return nil, &tree.Error{Msg: fmt.Sprintf("%s: fragment larger than %d MiB", name, maxYAMLBytes>>20)}
	}
	v, _, err := parseAny(data)
	if err != nil {
		if pe, ok := err.(*tree.Error); ok {
			return nil, &tree.Error{Msg: fmt.Sprintf("%s:%d:%d: %s", name, pe.Pos.Line, pe.Pos.Column, pe.Msg), Limit: pe.Limit}
		}
		return nil, err
	}
	return v, nil
}

// isServerless reports whether a document is a Serverless Framework
// service: a service name beside provider, functions or resources.
func isServerless(root *tree.Value) bool {
	return root.Get("service") != nil && (root.Get("provider") != nil || root.Get("functions") != nil || root.Get("resources") != nil)
}

// slsSources are the beginnings of the Serverless Framework's variable
// sources after "${": ${self:...}, ${file(...)}, ${strToBool(...)} and the
// like. CloudFormation's own ${AWS::Region} is none of them, nor are IAM
// policy variables such as ${aws:username}, written as plain text in
// templates: of the aws source, only its two variables count.
var slsSources = []string{
	"self:", "sls:", "opt:", "param:", "env:", "file(", "ssm:", "ssm(",
	"cf:", "cf(", "cf.", "s3:", "aws:accountId", "aws:region", "strToBool(", "git:",
}

// hasPseudoParameter reports whether s holds a pseudo parameter of the
// serverless-pseudo-parameters plugin: "#{" then a name and "}", such as
// #{AWS::Region}, #{AWS::StackName} or #{MyResource}, which the plugin
// turns into a Fn::Sub at deployment.
func hasPseudoParameter(s string) bool {
	for {
		i := strings.Index(s, "#{")
		if i < 0 {
			return false
		}
		// The name runs to the first byte that is no name byte; each
		// byte is looked at once, whatever the input.
		s = s[i+2:]
		n := 0
		for n < len(s) && isPseudoNameByte(s[n]) {
			n++
		}
		if n > 0 && n < len(s) && s[n] == '}' {
			return true
		}
		s = s[n:]
	}
}

// isPseudoNameByte reports whether c may be part of a logical ID, an
// attribute of one or a pseudo parameter: letters, digits and the
// separators "::" and ".".
func isPseudoNameByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ':' || c == '.'
}

// hasPseudoParameters reports whether v holds, at any depth, an untagged
// string with a pseudo parameter of the serverless-pseudo-parameters
// plugin.
func hasPseudoParameters(v *tree.Value, depth int) bool {
	if v == nil || depth > tree.MaxDepth {
		return false
	}
	if v.Kind == tree.String && v.Tag == "" {
		return hasPseudoParameter(v.Str)
	}
	for _, e := range v.Elems {
		if hasPseudoParameters(e, depth+1) {
			return true
		}
	}
	for _, m := range v.Membs {
		if hasPseudoParameters(m.Val, depth+1) {
			return true
		}
	}
	return false
}

// hasSlsVariable reports whether v holds, at any depth, an untagged string
// with a Serverless variable, such as "${self:custom.stage}-client".
func hasSlsVariable(v *tree.Value, depth int) bool {
	if v == nil || depth > tree.MaxDepth {
		return false
	}
	if v.Kind == tree.String && v.Tag == "" {
		for s := v.Str; ; {
			i := strings.Index(s, "${")
			if i < 0 {
				break
			}
			s = strings.TrimLeft(s[i+2:], " ")
			for _, src := range slsSources {
				if strings.HasPrefix(s, src) {
					return true
				}
			}
		}
		return false
	}
	for _, e := range v.Elems {
		if hasSlsVariable(e, depth+1) {
			return true
		}
	}
	for _, m := range v.Membs {
		if hasSlsVariable(m.Val, depth+1) {
			return true
		}
	}
	return false
}
