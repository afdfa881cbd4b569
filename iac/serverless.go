package iac

import (
	"fmt"
	"path"
	"strings"
)

// slsFragment is one piece of a Serverless service's resources: the
// CloudFormation Resources it holds and the file they are written in.
type slsFragment struct {
	file      string
	resources *Value
}

// slsResources collects the CloudFormation resources of a Serverless
// service: resources.Resources, or resources given as a list of fragments,
// each a map with Resources or a "${file(...)}" include. An include is
// read when include is not nil and the path is relative; otherwise, or
// when the file is missing, its resources are unknown and left out.
func slsResources(name string, root *Value, include func(string) ([]byte, error)) ([]slsFragment, error) {
	res := root.get("resources")
	if res == nil || res.Kind == ValueNull {
		return nil, nil
	}
	var out []slsFragment
	var add func(file string, frag *Value, depth int) error
	add = func(file string, frag *Value, depth int) error {
		switch {
		case depth > 8:
			return &posError{Pos: frag.Pos, Msg: "fragments include each other more than 8 levels deep"}
		case frag.Kind == ValueString:
			inc, sel, ok := fileVariable(frag.Str)
			if !ok || include == nil || path.IsAbs(inc) || strings.Contains(inc, "${") {
				return nil
			}
			p := path.Join(path.Dir(file), inc)
			data, err := include(p)
			if err != nil {
				return nil
			}
			f, err := parseFragment(p, data)
			if err != nil {
				return err
			}
			for part := range strings.SplitSeq(sel, ".") {
				if part != "" {
					f = f.get(part)
				}
			}
			if f == nil {
				return nil
			}
			return add(p, f, depth+1)
		case frag.Kind == ValueList:
			for _, e := range frag.Elems {
				if err := add(file, e, depth); err != nil {
					return err
				}
			}
		case frag.Kind == ValueMap:
			r := frag.get("Resources")
			if r == nil {
				return nil
			}
			if r.Kind == ValueString {
				return add(file, r, depth)
			}
			if r.Kind != ValueMap {
				return &posError{Pos: r.Pos, Msg: "resources.Resources must be a map, not " + r.Kind.String()}
			}
			out = append(out, slsFragment{file: file, resources: r})
		}
		return nil
	}
	if err := add(name, res, 0); err != nil {
		return nil, err
	}
	return out, nil
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
func parseFragment(name string, data []byte) (*Value, error) {
	if len(data) > maxYAMLBytes {
		return nil, &posError{Msg: fmt.Sprintf("%s: fragment larger than %d MiB", name, maxYAMLBytes>>20)}
	}
	v, _, err := parseAny(data)
	if err != nil {
		if pe, ok := err.(*posError); ok {
			return nil, &posError{Msg: fmt.Sprintf("%s:%d:%d: %s", name, pe.Pos.Line, pe.Pos.Column, pe.Msg), limit: pe.limit}
		}
		return nil, err
	}
	return v, nil
}

// isServerless reports whether a document is a Serverless Framework
// service: a service name beside provider, functions or resources.
func isServerless(root *Value) bool {
	return root.get("service") != nil && (root.get("provider") != nil || root.get("functions") != nil || root.get("resources") != nil)
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
func hasPseudoParameters(v *Value, depth int) bool {
	if v == nil || depth > maxDepth {
		return false
	}
	if v.Kind == ValueString && v.Tag == "" {
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
func hasSlsVariable(v *Value, depth int) bool {
	if v == nil || depth > maxDepth {
		return false
	}
	if v.Kind == ValueString && v.Tag == "" {
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
