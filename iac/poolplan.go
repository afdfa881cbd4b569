package iac

import (
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
func planResources(file string, root *Value) []*Resource {
	created := map[string]bool{}
	seen := map[string]bool{}
	if rc := root.get("resource_changes"); rc != nil {
		for _, e := range elems(rc) {
			addr := stripInstanceKeys(str(e.get("address")))
			seen[addr] = true
			for _, a := range elems(e.get("change").get("actions")) {
				if str(a) == "create" {
					created[addr] = true
				}
			}
		}
	}
	var out []*Resource
	var walk func(mod *Value, prefix string, depth int)
	walk = func(mod *Value, prefix string, depth int) {
		if mod == nil || depth > maxDepth {
			return
		}
		for _, r := range elems(mod.get("resources")) {
			typ := str(r.get("type"))
			switch typ {
			case tfPoolType, tfResourceServerType, tfProviderType, tfClientType:
			default:
				continue
			}
			if mode := str(r.get("mode")); mode != "" && mode != "managed" {
				continue
			}
			name := prefix + str(r.get("address"))
			res := &Resource{File: file, Name: name, Type: typ, Pos: r.Pos,
				Properties: planExpressions(r.get("expressions"), prefix, 0),
				exists:     seen[name] && !created[name]}
			for _, d := range elems(r.get("depends_on")) {
				res.DependsOn = append(res.DependsOn, prefix+planRef(str(d)))
			}
			out = append(out, res)
		}
		for _, m := range members(mod.get("module_calls")) {
			walk(m.Val.get("module"), prefix+"module."+m.Key+".", depth+1)
		}
	}
	walk(root.get("configuration").get("root_module"), "", 0)
	return out
}

// planExpressions turns a plan's expressions object (or a block's) into a
// Value: constant values as they are, references as unknown values, blocks
// as lists of maps.
func planExpressions(exprs *Value, prefix string, depth int) *Value {
	out := &Value{Kind: ValueMap}
	if exprs == nil || exprs.Kind != ValueMap || depth > maxDepth {
		return out
	}
	out.Pos = exprs.Pos
	for _, m := range exprs.Membs {
		var v *Value
		switch e := m.Val; {
		case e.Kind == ValueList: // a block type: one expressions object per block
			v = &Value{Kind: ValueList, Pos: e.Pos}
			for _, blk := range e.Elems {
				v.Elems = append(v.Elems, planExpressions(blk, prefix, depth+1))
			}
		case e.get("constant_value") != nil:
			v = e.get("constant_value")
		default:
			v = &Value{Kind: ValueUnknown, Pos: e.Pos, Str: "expression"}
			for _, r := range elems(e.get("references")) {
				// Terraform lists "aws_x.name.attr" and "aws_x.name": one
				// reference.
				if ref := prefix + planRef(str(r)); !slices.Contains(v.Refs, ref) {
					v.Refs = append(v.Refs, ref)
				}
			}
		}
		out.Membs = append(out.Membs, Member{Key: m.Key, KeyPos: m.KeyPos, Val: v})
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
func elems(v *Value) []*Value {
	if v == nil || v.Kind != ValueList {
		return nil
	}
	return v.Elems
}

// members returns the members of a map, or nil for anything else.
func members(v *Value) []Member {
	if v == nil || v.Kind != ValueMap {
		return nil
	}
	return v.Membs
}
