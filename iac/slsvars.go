package iac

import (
	"github.com/cognitokit/appclient/iac/internal/tree"
	"strings"
)

// Limits of Serverless variable resolution.
const (
	// maxSlsDepth bounds how deeply variables may lead to values holding
	// variables (${self:a} whose value is ${self:b}, ...).
	maxSlsDepth = 16
	// maxSlsSteps bounds the variables resolved for one value.
	maxSlsSteps = 256
	// maxSlsText bounds the text a resolution builds.
	maxSlsText = 64 << 10
)

// slsResolver resolves the Serverless Framework's variables that the
// service itself decides: ${self:path} (paths into the service, nested
// variables included), ${sls:stage} and ${opt:stage} (the stage given,
// else the service's provider.stage, else dev), ${param:name} from the
// service's params for the stage, and the fallback of any variable
// (${env:X, 'fallback'}) as a default. Every other source stays unknown.
type slsResolver struct {
	root *tree.Value
	file string
	// stage is the stage; given is true when the caller named it.
	stage string
	given bool
}

// slsSrc is what a resolved value rests on: a default (a fallback, the
// stage by default), or a value written somewhere (an origin).
type slsSrc struct {
	def    string
	origin *Origin
}

// newSlsResolver returns the resolver of a service read from file. stage
// is the stage given, "" for none.
func newSlsResolver(root *tree.Value, file, stage string) *slsResolver {
	r := &slsResolver{root: root, file: file, stage: stage, given: stage != ""}
	if !r.given {
		r.stage = "dev"
		if ps := root.Get("provider").Get("stage"); ps != nil && ps.Kind == tree.String {
			// provider.stage may itself be a variable: ${opt:stage, 'prod'}.
			probe := &slsResolver{root: root, file: file, stage: "dev"}
			if v, _, ok := probe.resolveSrcs(ps, 0, new(int)); ok && v.Kind == tree.String && v.Str != "" && !strings.Contains(v.Str, "${") {
				r.stage = v.Str
			}
		}
	}
	return r
}

// resolveValue resolves the variables of a string value; ok is false when
// any part stays unknown.
func (r *slsResolver) resolveValue(n *tree.Value) (*tree.Value, []slsSrc, bool) {
	if r == nil {
		return nil, nil, false
	}
	steps := 0
	return r.resolveSrcs(n, 0, &steps)
}

// resolveSrcs resolves a value: a string with variables becomes the
// string (or, for a variable that is the whole string, the value) they
// stand for; it returns what the value rests on.
func (r *slsResolver) resolveSrcs(n *tree.Value, depth int, steps *int) (*tree.Value, []slsSrc, bool) {
	if n == nil || n.Kind != tree.String || n.Tag != "" || !strings.Contains(n.Str, "${") {
		return n, nil, n != nil && !hasPseudoParameter(n.Str)
	}
	if depth > maxSlsDepth {
		return nil, nil, false
	}
	text := n.Str
	var srcs []slsSrc
	// Innermost variables first: ${self:custom.${sls:stage}.url} reads
	// the stage, then the path.
	for strings.Contains(text, "${") {
		*steps++
		if *steps > maxSlsSteps || len(text) > maxSlsText {
			return nil, nil, false
		}
		start, end := innermost(text)
		if start < 0 {
			return nil, nil, false
		}
		inner := text[start+2 : end]
		val, s, ok := r.variable(inner, n.Pos, depth, steps)
		if !ok {
			return nil, nil, false
		}
		srcs = append(srcs, s...)
		if start == 0 && end == len(text)-1 {
			// The whole string: the value itself, a list or map too.
			out := *val
			out.Pos = n.Pos
			if out.Kind == tree.String && strings.Contains(out.Str, "${") {
				res, more, ok := r.resolveSrcs(&out, depth+1, steps)
				return res, append(srcs, more...), ok
			}
			return &out, srcs, true
		}
		str, ok := scalarString(val)
		if !ok {
			return nil, nil, false
		}
		text = text[:start] + str + text[end+1:]
	}
	return &tree.Value{Kind: tree.String, Str: text, Pos: n.Pos}, srcs, true
}

// innermost returns the start of the last "${" before the first "}"
// after it, and that "}": a variable with no other inside it.
func innermost(s string) (start, end int) {
	end = -1
	start = -1
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '$' && s[i+1] == '{' {
			start = i
			continue
		}
		if s[i] == '}' && start >= 0 {
			return start, i
		}
	}
	if start >= 0 && strings.HasSuffix(s, "}") {
		return start, len(s) - 1
	}
	return -1, -1
}

// variable resolves the inside of one ${...}: a source and address, and
// a fallback after a comma.
func (r *slsResolver) variable(inner string, at Position, depth int, steps *int) (*tree.Value, []slsSrc, bool) {
	expr, fallback, hasFallback := splitFallback(inner)
	expr = strings.TrimSpace(expr)
	if v, srcs, ok := r.source(expr, at, depth, steps); ok {
		return v, srcs, true
	}
	if !hasFallback {
		return nil, nil, false
	}
	fb := strings.TrimSpace(fallback)
	// The fallback is a default: a deployment that sets the source
	// overrides it.
	src := slsSrc{def: "${" + expr + "}"}
	if len(fb) >= 2 && (fb[0] == '\'' && fb[len(fb)-1] == '\'' || fb[0] == '"' && fb[len(fb)-1] == '"') {
		return &tree.Value{Kind: tree.String, Str: fb[1 : len(fb)-1], Pos: at}, []slsSrc{src}, true
	}
	if fb == "" || strings.ContainsAny(fb, ":(") {
		// Another variable source that did not resolve, or none.
		if v, srcs, ok := r.source(fb, at, depth, steps); ok {
			return v, append(srcs, src), true
		}
		return nil, nil, false
	}
	// A bare word or number, such as what a nested variable left.
	return &tree.Value{Kind: tree.String, Str: fb, Pos: at}, []slsSrc{src}, true
}

// splitFallback splits "source:address, fallback" at its first comma
// outside quotes and parentheses.
func splitFallback(s string) (expr, fallback string, ok bool) {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// source resolves one variable source: self:, sls:stage, opt:stage,
// param:. Anything else is unknown.
func (r *slsResolver) source(expr string, at Position, depth int, steps *int) (*tree.Value, []slsSrc, bool) {
	stageSrc := func() slsSrc {
		if r.given {
			return slsSrc{origin: &Origin{Source: "stage " + r.stage}}
		}
		return slsSrc{def: "stage " + r.stage}
	}
	switch {
	case expr == "sls:stage" || expr == "self:provider.stage" && r.given:
		return &tree.Value{Kind: tree.String, Str: r.stage, Pos: at}, []slsSrc{stageSrc()}, true
	case expr == "opt:stage":
		if !r.given {
			return nil, nil, false
		}
		return &tree.Value{Kind: tree.String, Str: r.stage, Pos: at}, []slsSrc{stageSrc()}, true
	case strings.HasPrefix(expr, "self:"):
		v := r.root
		for part := range strings.SplitSeq(strings.TrimPrefix(expr, "self:"), ".") {
			if part == "" {
				continue
			}
			if v == nil {
				return nil, nil, false
			}
			if v.Kind == tree.List {
				i := 0
				for _, c := range part {
					if c < '0' || c > '9' || i > len(v.Elems) {
						return nil, nil, false
					}
					i = i*10 + int(c-'0')
				}
				if i >= len(v.Elems) {
					return nil, nil, false
				}
				v = v.Elems[i]
				continue
			}
			v = v.Get(part)
		}
		if v == nil || v.Kind == tree.Null || isIntrinsic(v) {
			return nil, nil, false
		}
		src := slsSrc{origin: &Origin{Source: "${" + expr + "}", File: r.file, Pos: v.Pos}}
		res, more, ok := r.resolveSrcs(v, depth+1, steps)
		if !ok || res.Kind == tree.Map && hasSlsVariable(res, 0) || res.Kind == tree.List && hasSlsVariable(res, 0) {
			return nil, nil, false
		}
		return res, append(more, src), true
	case strings.HasPrefix(expr, "param:"):
		name := strings.TrimPrefix(expr, "param:")
		params := r.root.Get("params")
		for _, stage := range []string{r.stage, "default"} {
			v := params.Get(stage).Get(name)
			if v == nil || v.Kind == tree.Null {
				continue
			}
			res, more, ok := r.resolveSrcs(v, depth+1, steps)
			if !ok {
				return nil, nil, false
			}
			src := slsSrc{origin: &Origin{Source: "params." + stage + "." + name, File: r.file, Pos: v.Pos}}
			return res, append(append(more, src), stageSrc()), true
		}
	}
	return nil, nil, false
}

// note records what a member's resolved value rests on.
func (r *slsResolver) note(c *client, path string, srcs []slsSrc) {
	var defs []string
	for _, s := range srcs {
		switch {
		case s.origin != nil:
			if !containsOrigin(c.Origins[path], *s.origin) {
				c.Origins[path] = append(c.Origins[path], *s.origin)
			}
		case s.def != "":
			if !strings.Contains(c.Defaults[path], s.def) {
				defs = append(defs, s.def)
			}
		}
	}
	if len(defs) > 0 {
		if c.Defaults[path] != "" {
			defs = append([]string{c.Defaults[path]}, defs...)
		}
		c.Defaults[path] = strings.Join(defs, ", ")
	}
}

func containsOrigin(list []Origin, o Origin) bool {
	for _, x := range list {
		if x == o {
			return true
		}
	}
	return false
}
