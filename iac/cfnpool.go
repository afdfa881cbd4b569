package iac

import (
	"slices"

	"github.com/cognitokit/appclient/iac/internal/tree"
)

// poolSide evaluates the members of a CloudFormation user pool, resource
// server or identity provider that the rules of the pool read (the plan,
// the schema's names and flags, the identifier and scope names, the
// provider's name) with the parameters and Serverless variables the
// clients are read with, and records what each value rests on. A value
// that cannot be evaluated stays as written, unknown to the pool.
func (rd *cfnReader) poolSide(rs *Resource, cond *tree.Value) {
	props := rs.properties
	if props == nil || props.Kind != tree.Map || isIntrinsic(props) {
		return
	}
	rd = rd.forCondition(cond)
	out := *props
	out.Membs = slices.Clone(props.Membs)
	srcs := map[string][]tfSrc{}
	s := cfnPool
	for i, m := range out.Membs {
		switch {
		case rs.Type == s.poolType && m.Key == s.tier,
			rs.Type == s.serverType && m.Key == s.identifier,
			rs.Type == s.providerType && m.Key == s.providerName:
			out.Membs[i].Val = rd.poolScalar(m.Val, srcs, m.Key)
		case rs.Type == s.poolType && m.Key == s.schema:
			out.Membs[i].Val = rd.poolList(m.Val, srcs, m.Key, s.name, s.required, s.mutable)
		case rs.Type == s.serverType && m.Key == s.scopes:
			out.Membs[i].Val = rd.poolList(m.Val, srcs, m.Key, s.scopeName)
		}
	}
	rs.properties = &out
	for k, v := range srcs {
		srcs[k] = sortSrcs(v)
	}
	rs.poolSrcs = srcs
}

// poolScalar evaluates one scalar as the clients' string members are: a
// Ref of a parameter, Fn::Sub and Fn::Join of known parts, a Serverless
// variable the service decides. It adds to srcs[key] what the value rests
// on, and returns n itself when it cannot be evaluated.
func (rd *cfnReader) poolScalar(n *tree.Value, srcs map[string][]tfSrc, key string) *tree.Value {
	switch {
	case n == nil:
		return n
	case rd.variable(n):
		v, from, ok := rd.sls.resolveValue(n)
		if !ok || v == nil || v.Tag != "" || rd.variable(v) {
			return n
		}
		str, ok := scalarString(v)
		if !ok {
			return n
		}
		for _, f := range from {
			switch {
			case f.origin != nil:
				srcs[key] = append(srcs[key], tfSrc{origin: *f.origin})
			case f.def != "":
				srcs[key] = append(srcs[key], tfSrc{def: f.def})
			}
		}
		return &tree.Value{Kind: tree.String, Str: str, Pos: n.Pos}
	case isIntrinsic(n) && !isNoValue(n):
		var deps []string
		rd.budget = rd.budget.fresh()
		str, ok := rd.evalString(n, &deps)
		if !ok || rd.budget.over != nil {
			return n
		}
		for _, d := range deps {
			if p := rd.params[d]; p != nil && p.origin != nil {
				srcs[key] = append(srcs[key], tfSrc{origin: *p.origin})
			} else {
				srcs[key] = append(srcs[key], tfSrc{def: "parameter " + d})
			}
		}
		return &tree.Value{Kind: tree.String, Str: str, Pos: n.Pos}
	}
	return n
}

// poolList evaluates the members fields of each map of a list (a schema's
// attributes, a resource server's scopes), adding what they rest on to
// srcs[key]. A list that is itself a function or variable stays as
// written.
func (rd *cfnReader) poolList(n *tree.Value, srcs map[string][]tfSrc, key string, fields ...string) *tree.Value {
	if n == nil || n.Kind != tree.List || isIntrinsic(n) {
		return n
	}
	out := *n
	out.Elems = slices.Clone(n.Elems)
	for i, e := range out.Elems {
		if e == nil || e.Kind != tree.Map || isIntrinsic(e) {
			continue
		}
		elem := *e
		elem.Membs = slices.Clone(e.Membs)
		for j, m := range elem.Membs {
			if slices.Contains(fields, m.Key) {
				elem.Membs[j].Val = rd.poolScalar(m.Val, srcs, key)
			}
		}
		out.Elems[i] = &elem
	}
	return &out
}
