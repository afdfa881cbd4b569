package iac

import (
	"errors"
	"fmt"
	"github.com/cognitokit/appclient/iac/internal/tree"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// passedParam is the value a deployment passes for a CloudFormation
// parameter, and where it is written.
type passedParam struct {
	value  string
	origin Origin
	// unknown is true for a value known only at deployment, such as a
	// nested stack's parameter given a resource's attribute.
	unknown bool
}

// readParameterFile reads a CloudFormation parameter file: the
// create-stack list [{"ParameterKey": ..., "ParameterValue": ...}], a
// template configuration {"Parameters": {...}}, or a flat {"Key": "Value"}
// object. An error names the file and line.
func readParameterFile(name string) (map[string]passedParam, error) {
	data, err := ReadInput(name, maxYAMLBytes)
	if err != nil {
		return nil, &Error{File: name, Message: "-parameters: " + readError(err)}
	}
	root, _, err := parseAny(data)
	if err != nil {
		var pe *tree.Error
		if errors.As(err, &pe) {
			return nil, &Error{File: name, Pos: pe.Pos, Message: pe.Msg}
		}
		return nil, &Error{File: name, Message: err.Error()}
	}
	source := "-parameters " + name
	out := map[string]passedParam{}
	add := func(key string, v *tree.Value) error {
		s, ok := scalarString(v)
		if !ok || v.Tag != "" {
			return &Error{File: name, Pos: v.Pos, Message: fmt.Sprintf("the value of parameter %s must be a string, not %s", key, v.Kind)}
		}
		out[key] = passedParam{value: s, origin: Origin{Source: source, File: name, Pos: v.Pos}}
		return nil
	}
	switch {
	case root.Kind == tree.List:
		for _, e := range root.Elems {
			key, val := e.Get("ParameterKey"), e.Get("ParameterValue")
			if e.Kind != tree.Map || key == nil || key.Kind != tree.String {
				return nil, &Error{File: name, Pos: e.Pos, Message: `each element must be {"ParameterKey": ..., "ParameterValue": ...}`}
			}
			if val == nil {
				// UsePreviousValue: what the stack has, unknown here.
				continue
			}
			if err := add(key.Str, val); err != nil {
				return nil, err
			}
		}
	case root.Kind == tree.Map && root.Get("Parameters") != nil && root.Get("Parameters").Kind == tree.Map:
		for _, m := range root.Get("Parameters").Membs {
			if err := add(m.Key, m.Val); err != nil {
				return nil, err
			}
		}
	case root.Kind == tree.Map:
		for _, m := range root.Membs {
			if err := add(m.Key, m.Val); err != nil {
				return nil, err
			}
		}
	default:
		return nil, &Error{File: name, Pos: root.Pos, Message: "a parameter file holds a list of ParameterKey and ParameterValue, {\"Parameters\": {...}} or {\"Key\": \"Value\"}"}
	}
	return out, nil
}

// templateParams returns the parameters of a template for reading it:
// the values passed (samconfig's parameter_overrides, then a parameter
// file, which wins) and the Defaults of the others.
func templateParams(root *tree.Value, passed map[string]passedParam) map[string]*cfnParam {
	out := cfnParams(root)
	if len(passed) == 0 {
		return out
	}
	params := root.Get("Parameters")
	if params == nil || params.Kind != tree.Map {
		return out
	}
	for _, p := range params.Membs {
		v, ok := passed[p.Key]
		if !ok {
			continue
		}
		if v.unknown {
			delete(out, p.Key)
			continue
		}
		typ := str(p.Val.Get("Type"))
		o := v.origin
		out[p.Key] = &cfnParam{def: &tree.Value{Kind: tree.String, Str: v.value, Pos: o.Pos},
			list: typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<"), origin: &o}
	}
	return out
}

// cfnPassed returns the parameter values a deployment passes to the
// template named name: SAM's samconfig beside it, for the configuration
// environment, then the -parameters file. A samconfig that cannot be read
// is an error naming its line.
func (d *deployment) cfnPassed(name string) (map[string]passedParam, *Error) {
	if d == nil {
		return nil, nil
	}
	env := "default"
	if d.vals != nil && d.vals.ConfigEnv != "" {
		env = d.vals.ConfigEnv
	}
	out, err := samParameters(filepath.Dir(name), env)
	if err != nil {
		return nil, err
	}
	if len(d.params) > 0 && out == nil {
		out = map[string]passedParam{}
	}
	for k, v := range d.params {
		out[k] = v
	}
	return out, nil
}

// samParameters reads the parameter_overrides of SAM's samconfig.toml
// (or samconfig.yaml, samconfig.yml) in dir, for the environment env:
// those of [env.deploy.parameters], over those of [env.global.parameters].
func samParameters(dir, env string) (map[string]passedParam, *Error) {
	for _, base := range []string{"samconfig.toml", "samconfig.yaml", "samconfig.yml"} {
		p := filepath.Join(dir, base)
		data, err := ReadInput(p, maxYAMLBytes)
		if err != nil {
			continue
		}
		var overrides []samValue
		if base == "samconfig.toml" {
			tables, perr := parseTOML(p, data)
			if perr != nil {
				return nil, perr
			}
			for _, cmd := range []string{"global", "deploy"} {
				if v, ok := tables[env+"."+cmd+".parameters"]["parameter_overrides"]; ok {
					overrides = append(overrides, v)
				}
			}
		} else {
			root, perr := tree.ParseYAML(data)
			if perr != nil {
				var pe *tree.Error
				if errors.As(perr, &pe) {
					return nil, &Error{File: p, Pos: pe.Pos, Message: pe.Msg}
				}
				return nil, &Error{File: p, Message: perr.Error()}
			}
			for _, cmd := range []string{"global", "deploy"} {
				v := root.Get(env).Get(cmd).Get("parameters").Get("parameter_overrides")
				switch {
				case v == nil:
				case v.Kind == tree.String:
					overrides = append(overrides, samValue{strs: []string{v.Str}, pos: v.Pos})
				case v.Kind == tree.List:
					sv := samValue{pos: v.Pos}
					for _, e := range v.Elems {
						if e.Kind == tree.String {
							sv.strs = append(sv.strs, e.Str)
						}
					}
					overrides = append(overrides, sv)
				}
			}
		}
		out := map[string]passedParam{}
		origin := Origin{Source: base + " [" + env + "]", File: p}
		for _, ov := range overrides {
			origin.Pos = ov.pos
			for _, s := range ov.strs {
				pairs, perr := splitOverrides(s)
				if perr != "" {
					return nil, &Error{File: p, Pos: ov.pos, Message: "parameter_overrides: " + perr}
				}
				for _, kv := range pairs {
					k, v, _ := strings.Cut(kv, "=")
					out[k] = passedParam{value: v, origin: origin}
				}
			}
		}
		return out, nil
	}
	return nil, nil
}

// splitOverrides splits SAM's parameter_overrides text, "A=1 B=\"two
// words\"", into KEY=VALUE pairs, quotes removed, as the shell would split
// it; it returns a problem, or "".
func splitOverrides(s string) ([]string, string) {
	var out []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, "a quote is not closed"
	}
	if inWord {
		out = append(out, cur.String())
	}
	for _, kv := range out {
		if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
			return nil, fmt.Sprintf("%q is not KEY=VALUE", kv)
		}
	}
	return out, ""
}

// nestedStacks reads the templates that a template's nested stacks
// (AWS::CloudFormation::Stack's TemplateURL, AWS::Serverless::Application's
// Location) name by a local path, with the parameters each passes: their
// clients join res, named "Stack.Client". A template that cannot be read
// is a note; a cycle, or nesting deeper than maxModuleDepth, an error.
func nestedStacks(res *File, name string, resources *tree.Value, rd *cfnReader, include includeFunc, seen []string) {
	if include == nil {
		return
	}
	for _, r := range resources.Membs {
		props := r.Val.Get("Properties")
		var loc *tree.Value
		switch str(r.Val.Get("Type")) {
		case "AWS::CloudFormation::Stack":
			loc = props.Get("TemplateURL")
		case "AWS::Serverless::Application":
			loc = props.Get("Location")
		default:
			continue
		}
		if loc == nil || loc.Kind != tree.String || loc.Tag != "" || strings.Contains(loc.Str, "://") ||
			strings.HasPrefix(loc.Str, "s3:") || path.IsAbs(loc.Str) || strings.Contains(loc.Str, "${") {
			continue
		}
		p := path.Join(path.Dir(filepath.ToSlash(name)), loc.Str)
		if strings.Contains(loc.Str, `\`) {
			// A path written on Windows (templates\auth.yaml), where the
			// SAM CLI and the AWS CLI read it: elsewhere it is the same
			// path with slashes, unless a file is named with backslashes.
			if _, err := os.Stat(filepath.FromSlash(p)); errors.Is(err, fs.ErrNotExist) {
				p = path.Join(path.Dir(filepath.ToSlash(name)), strings.ReplaceAll(loc.Str, `\`, "/"))
			}
		}
		switch {
		case slices.Contains(seen, p):
			res.Errors = append(res.Errors, &Error{File: name, Pos: loc.Pos, Resource: r.Key, Message: fmt.Sprintf("nested stack cycle: %s nests a stack that nests it", p)})
			continue
		case len(seen) > maxModuleDepth:
			res.Errors = append(res.Errors, &Error{File: name, Pos: loc.Pos, Resource: r.Key, Message: fmt.Sprintf("stacks nested more than %d levels deep", maxModuleDepth)})
			continue
		}
		data, err := include(p, true)
		if err != nil {
			res.Notes = append(res.Notes, &Error{File: name, Pos: loc.Pos, Resource: r.Key,
				Message: fmt.Sprintf("nested stack template %s cannot be read (%s); its app clients are not checked", p, readError(err))})
			continue
		}
		root, _, err := parseAny(data)
		if err != nil {
			var pe *tree.Error
			if errors.As(err, &pe) {
				res.Errors = append(res.Errors, &Error{File: p, Pos: pe.Pos, Message: pe.Msg})
			} else {
				res.Errors = append(res.Errors, &Error{File: p, Message: err.Error()})
			}
			continue
		}
		childRes := root.Get("Resources")
		if root.Kind != tree.Map || childRes == nil || childRes.Kind != tree.Map {
			continue
		}
		passed := map[string]passedParam{}
		if params := props.Get("Parameters"); params != nil && params.Kind == tree.Map {
			for _, m := range params.Membs {
				var deps []string
				rd.budget = rd.budget.fresh()
				s, ok := rd.evalString(m.Val, &deps)
				if !ok || rd.budget.over != nil {
					passed[m.Key] = passedParam{unknown: true}
					continue
				}
				passed[m.Key] = passedParam{value: s, origin: Origin{Source: "stack " + r.Key + "'s parameter " + m.Key, File: name, Pos: m.Val.Pos}}
			}
		}
		child := &cfnReader{file: p, params: templateParams(root, passed), paramNames: cfnParamNames(root), conds: root.Get("Conditions")}
		clients, _ := child.clients(childRes)
		for _, c := range clients {
			c.Resource = r.Key + "." + c.Resource
			res.Clients = append(res.Clients, finish(p, c))
		}
		nestedStacks(res, p, childRes, child, include, append(slices.Clip(seen), p))
	}
}
