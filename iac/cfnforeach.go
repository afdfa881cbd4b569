package iac

import (
	"github.com/cognitokit/appclient/iac/internal/tree"
	"strings"
)

// Fn::ForEach, of the AWS::LanguageExtensions transform, makes resources
// from a template, once per item of a collection:
//
//	Fn::ForEach::Clients:
//	  - App                   # the identifier
//	  - [web, admin]          # the collection
//	  - ${App}Client:         # the output key, then the output value
//	      Type: AWS::Cognito::UserPoolClient
//	      Properties: {ClientName: !Ref App, ...}
//
// The identifier is replaced in the output keys (${App}, and &{App}, which
// keeps only letters and digits of the item), in Ref and in Fn::Sub
// templates of the output values. A collection known before deployment (a
// literal list, or a list parameter with a default) expands; any other, or
// one past the budget, leaves the template once with the identifier
// unknown, so that every rule that does not read it still runs.

// Bounds of an expansion: CloudFormation nests at most five loops; the
// values the expansion builds count against maxForEachValues.
const (
	maxForEachDepth  = 5
	maxForEachValues = MaxValues / 4
)

// forEachPrefix starts the key of a loop.
const forEachPrefix = "Fn::ForEach::"

// expandForEach returns m, a Resources map, with its loops expanded; m
// itself when it has none.
func (rd *cfnReader) expandForEach(m *tree.Value) *tree.Value {
	if m == nil || m.Kind != tree.Map {
		return m
	}
	has := false
	for _, mb := range m.Membs {
		has = has || strings.HasPrefix(mb.Key, forEachPrefix)
	}
	if !has {
		return m
	}
	budget := maxForEachValues
	out := *m
	out.Membs = rd.expandMembers(m.Membs, 0, &budget)
	return &out
}

// expandMembers expands the loops among the members of a map.
func (rd *cfnReader) expandMembers(membs []tree.Member, depth int, budget *int) []tree.Member {
	var out []tree.Member
	for _, mb := range membs {
		if !strings.HasPrefix(mb.Key, forEachPrefix) {
			out = append(out, mb)
			continue
		}
		loop := mb.Val
		if loop.Kind != tree.List || len(loop.Elems) != 3 || loop.Elems[0].Kind != tree.String || loop.Elems[2].Kind != tree.Map || depth >= maxForEachDepth {
			continue // not a loop CloudFormation accepts; it rejects the template
		}
		id, tmpl := loop.Elems[0].Str, loop.Elems[2]
		items, known := rd.forEachItems(loop.Elems[1])
		if known && len(items)*size(tmpl) > *budget {
			known = false
		}
		if !known {
			// Once, with the identifier unknown.
			out = append(out, rd.expandMembers(substituteMembers(tmpl.Membs, id, nil), depth+1, budget)...)
			continue
		}
		for _, item := range items {
			*budget -= size(tmpl)
			out = append(out, rd.expandMembers(substituteMembers(tmpl.Membs, id, &item), depth+1, budget)...)
		}
	}
	return out
}

// forEachItems returns the items of a loop's collection, and whether they
// are known before deployment.
func (rd *cfnReader) forEachItems(c *tree.Value) ([]string, bool) {
	switch {
	case c.Kind == tree.List && c.Tag == "":
		var items []string
		for _, e := range c.Elems {
			if e.Kind != tree.String && e.Kind != tree.Number || e.Tag != "" {
				return nil, false
			}
			items = append(items, e.Str)
		}
		return items, true
	case isIntrinsic(c):
		name, arg := intrinsic(c)
		if name != "Ref" || arg.Kind != tree.String {
			return nil, false
		}
		p := rd.params[arg.Str]
		if p == nil || !p.list || p.def == nil || p.def.Kind != tree.String {
			return nil, false
		}
		items := strings.Split(p.def.Str, ",")
		for i := range items {
			items[i] = strings.TrimSpace(items[i])
		}
		return items, true
	}
	return nil, false
}

// size counts the values of v.
func size(v *tree.Value) int {
	n := 1
	for _, e := range v.Elems {
		n += size(e)
	}
	for _, mb := range v.Membs {
		n += size(mb.Val)
	}
	return n
}

// substituteMembers copies membs with the identifier id replaced by item;
// a nil item changes nothing.
func substituteMembers(membs []tree.Member, id string, item *string) []tree.Member {
	out := make([]tree.Member, len(membs))
	for i, mb := range membs {
		out[i] = tree.Member{Key: substituteKey(mb.Key, id, item), KeyPos: mb.KeyPos, Val: substitute(mb.Val, id, item)}
	}
	return out
}

// substituteKey replaces ${id} and &{id} in an output key. An unknown item
// leaves the key as written: the resource's name is its template's.
func substituteKey(key, id string, item *string) string {
	if item == nil {
		return key
	}
	alnum := strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, *item)
	return strings.ReplaceAll(strings.ReplaceAll(key, "${"+id+"}", *item), "&{"+id+"}", alnum)
}

// substitute copies v with Ref id and ${id} in Fn::Sub templates replaced by
// item. For a nil item it returns v: a Ref or ${} of a name that is no
// parameter is unknown to the reader already.
func substitute(v *tree.Value, id string, item *string) *tree.Value {
	if v == nil || item == nil {
		return v
	}
	if isIntrinsic(v) {
		switch name, arg := intrinsic(v); {
		case name == "Ref" && arg.Kind == tree.String && arg.Str == id:
			return &tree.Value{Kind: tree.String, Pos: v.Pos, Str: *item}
		case name == "Fn::Sub" && subMentions(arg, id):
			return withSubTemplate(v, strings.ReplaceAll(subTemplate(arg), "${"+id+"}", *item))
		}
	}
	c := *v
	if v.Elems != nil {
		c.Elems = make([]*tree.Value, len(v.Elems))
		for i, e := range v.Elems {
			c.Elems[i] = substitute(e, id, item)
		}
	}
	if v.Membs != nil {
		c.Membs = substituteMembers(v.Membs, id, item)
		// Loops nested in a loop's template are keys of it too; their
		// identifier, collection and template are values, handled above.
	}
	return &c
}

// subTemplate returns the template string of an Fn::Sub argument: the
// string itself, or the first element of [template, variables].
func subTemplate(arg *tree.Value) string {
	if arg.Kind == tree.List && len(arg.Elems) > 0 {
		return arg.Elems[0].Str
	}
	return arg.Str
}

// subMentions reports whether the Fn::Sub argument arg names ${id}.
func subMentions(arg *tree.Value, id string) bool {
	if arg.Kind == tree.List && len(arg.Elems) > 0 && arg.Elems[0].Kind == tree.String {
		return strings.Contains(arg.Elems[0].Str, "${"+id+"}")
	}
	return arg.Kind == tree.String && strings.Contains(arg.Str, "${"+id+"}")
}

// withSubTemplate returns the Fn::Sub v with its template string replaced.
func withSubTemplate(v *tree.Value, tmpl string) *tree.Value {
	c := *v
	if v.Tag != "" {
		// !Sub "..." or !Sub [..., {...}]
		if v.Kind == tree.String {
			c.Str = tmpl
			return &c
		}
		c.Elems = append([]*tree.Value{{Kind: tree.String, Pos: v.Elems[0].Pos, Str: tmpl}}, v.Elems[1:]...)
		return &c
	}
	arg := *v.Membs[0].Val
	if arg.Kind == tree.String {
		arg.Str = tmpl
	} else {
		arg.Elems = append([]*tree.Value{{Kind: tree.String, Pos: arg.Elems[0].Pos, Str: tmpl}}, arg.Elems[1:]...)
	}
	c.Membs = []tree.Member{{Key: v.Membs[0].Key, KeyPos: v.Membs[0].KeyPos, Val: &arg}}
	return &c
}
