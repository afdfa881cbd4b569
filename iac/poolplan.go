package iac

import (
	"github.com/cognitokit/appclient/iac/internal/tree"
	"slices"
	"strings"
)

// planResources returns the resources of a Terraform plan's configuration
// section that describe user pools and their clients, for [PoolOf] and
// [CheckPool]: every aws_cognito_user_pool, aws_cognito_resource_server,
// aws_cognito_identity_provider and aws_cognito_user_pool_client of the root
// module and of every module it calls. Names are addresses without instance
// keys ("module.mobile.aws_cognito_user_pool_client.this"). An expression's
// constant_value is its value; an expression with references is unknown,
// with Refs naming the resources it refers to. A resource the plan does not
// create is marked as existing, so that no deployment order applies to it.
func planResources(file string, root *tree.Value) []*Resource {
	created := map[string]bool{}
	seen := map[string]bool{}
	if rc := root.Get("resource_changes"); rc != nil {
		for _, e := range elems(rc) {
			addr := stripInstanceKeys(str(e.Get("address")))
			seen[addr] = true
			for _, a := range elems(e.Get("change").Get("actions")) {
				if str(a) == "create" {
					created[addr] = true
				}
			}
		}
	}
	var out []*Resource
	var walk func(mod *tree.Value, prefix string, depth int)
	walk = func(mod *tree.Value, prefix string, depth int) {
		if mod == nil || depth > tree.MaxDepth {
			return
		}
		for _, r := range elems(mod.Get("resources")) {
			typ := str(r.Get("type"))
			switch typ {
			case tfPoolType, tfResourceServerType, tfProviderType, tfClientType:
			default:
				continue
			}
			if mode := str(r.Get("mode")); mode != "" && mode != "managed" {
				continue
			}
			name := prefix + str(r.Get("address"))
			res := &Resource{File: file, Name: name, Type: typ, Pos: r.Pos,
				properties: planExpressions(r.Get("expressions"), prefix, 0),
				exists:     seen[name] && !created[name]}
			for _, d := range elems(r.Get("depends_on")) {
				res.DependsOn = append(res.DependsOn, prefix+planRef(str(d)))
			}
			out = append(out, res)
		}
		for _, m := range members(mod.Get("module_calls")) {
			walk(m.Val.Get("module"), prefix+"module."+m.Key+".", depth+1)
		}
	}
	walk(root.Get("configuration").Get("root_module"), "", 0)
	return out
}

// planExpressions turns a plan's expressions object (or a block's) into a
// Value: constant values as they are, references as unknown values, blocks
// as lists of maps.
func planExpressions(exprs *tree.Value, prefix string, depth int) *tree.Value {
	out := &tree.Value{Kind: tree.Map}
	if exprs == nil || exprs.Kind != tree.Map || depth > tree.MaxDepth {
		return out
	}
	out.Pos = exprs.Pos
	for _, m := range exprs.Membs {
		var v *tree.Value
		switch e := m.Val; {
		case e.Kind == tree.List: // a block type: one expressions object per block
			v = &tree.Value{Kind: tree.List, Pos: e.Pos}
			for _, blk := range e.Elems {
				v.Elems = append(v.Elems, planExpressions(blk, prefix, depth+1))
			}
		case e.Get("constant_value") != nil:
			v = e.Get("constant_value")
		default:
			v = &tree.Value{Kind: tree.Unknown, Pos: e.Pos, Str: "expression"}
			for _, r := range elems(e.Get("references")) {
				// Terraform lists "aws_x.name.attr" and "aws_x.name": one
				// reference.
				if ref := prefix + planRef(str(r)); !slices.Contains(v.Refs, ref) {
					v.Refs = append(v.Refs, ref)
				}
			}
		}
		out.Membs = append(out.Membs, tree.Member{Key: m.Key, KeyPos: m.KeyPos, Val: v})
	}
	return out
}

// planRef turns a reference of a plan ("aws_x.name.attr",
// "data.aws_x.name", "var.v", "module.m.output") into what it names, as
// refName does for a configuration: "aws_x.name", "data.aws_x.name",
// "var.v", "module.m".
func planRef(ref string) string {
	parts := strings.Split(stripInstanceKeys(ref), ".")
	want := 2
	if parts[0] == "data" {
		want = 3
	}
	if len(parts) > want {
		parts = parts[:want]
	}
	return strings.Join(parts, ".")
}

// elems returns the elements of a list, or nil for anything else.
func elems(v *tree.Value) []*tree.Value {
	if v == nil || v.Kind != tree.List {
		return nil
	}
	return v.Elems
}

// members returns the members of a map, or nil for anything else.
func members(v *tree.Value) []tree.Member {
	if v == nil || v.Kind != tree.Map {
		return nil
	}
	return v.Membs
}
