package iac

import (
	"github.com/cognitokit/appclient/iac/internal/tree"
	"slices"
	"strconv"
	"strings"
)

// tfClientType is the Terraform resource type of an app client.
const tfClientType = "aws_cognito_user_pool_client"

// tfRequired are the provider's required attributes: an empty string there
// is sent as it is, while elsewhere it stands for "not set".
var tfRequired = map[string]bool{"name": true, "user_pool_id": true}

// tfClients returns the app clients that a Terraform plan (terraform show
// -json) creates or updates, in plan order.
//
// How plan values map to the request:
//   - null, an empty list and an empty block list mean the attribute is not
//     set, and the provider sends nothing;
//   - an empty string and the number 0 mean not set too, except in name and
//     user_pool_id: providers before the plugin-framework rewrite stored
//     unset attributes as "" and 0 and did not send them;
//   - an attribute that after_unknown marks true is unknown until apply,
//     unless the plan creates the client and the attribute is absent from
//     the resource's configuration: then it is an optional, computed
//     attribute left unset, which the provider does not send;
//   - client_secret, id and region are not request members and are ignored;
//   - an aws_cognito_managed_user_pool_client is the update of an existing
//     client: what after_unknown marks stays unknown even where the
//     configuration leaves the attribute out (the client keeps its value),
//     and its ClientId and secret are unknown (see finish).
func tfClients(root *tree.Value) ([]*client, error) {
	rc := root.Member("resource_changes")
	if rc == nil || rc.Val.Kind == tree.Null {
		return nil, nil
	}
	if rc.Val.Kind != tree.List {
		return nil, &tree.Error{Pos: rc.Val.Pos, Msg: "resource_changes must be a list, not " + rc.Val.Kind.String()}
	}
	config := tfConfig(root.Get("configuration"))
	var out []*client
	for _, e := range rc.Val.Elems {
		if e.Kind != tree.Map || !isTFClient(str(e.Get("type"))) {
			continue
		}
		if mode := str(e.Get("mode")); mode != "" && mode != "managed" {
			continue
		}
		ch := e.Get("change")
		var actions []string
		if a := ch.Get("actions"); a != nil {
			for _, x := range a.Elems {
				actions = append(actions, str(x))
			}
		}
		create := slices.Contains(actions, "create")
		if !create && !slices.Contains(actions, "update") {
			continue
		}
		addr := str(e.Get("address"))
		c := newClient(addr, e.Pos)
		c.managed = str(e.Get("type")) == tfManagedClientType
		c.dupErrors(e)
		after, unknown := ch.Get("after"), ch.Get("after_unknown")
		if after == nil || after.Kind != tree.Map {
			if unknown != nil && unknown.Kind == tree.Bool && unknown.Str == "true" {
				for _, s := range requestMembers {
					if s.TF != "" {
						c.Unknown[s.Name] = true
					}
				}
			} else {
				c.errorf(e.Pos, "%s: change.after must be a map", addr)
			}
			out = append(out, c)
			continue
		}
		exprs := config[stripInstanceKeys(addr)]
		r := tfReader{c: c, create: create}
		r.object("", requestMembers, after, unknown, exprs, c.Body)
		out = append(out, c)
	}
	return out, nil
}

// tfReader reads one resource's planned values.
type tfReader struct {
	c      *client
	create bool
}

func (r *tfReader) object(prefix string, specs []memberSpec, after, unknown, exprs *tree.Value, body map[string]any) {
	for i := range specs {
		spec := &specs[i]
		if spec.TF == "" {
			continue
		}
		path := joinPath(prefix, spec.Name)
		m := after.Member(spec.TF)
		if m != nil {
			r.c.Where[path] = m.KeyPos
		}
		u := unknown.Get(spec.TF)
		if isTrue(u) {
			// Unset optional, computed attributes are unknown in a plan
			// that creates the resource; the provider sends nothing for
			// them. Blocks are not computed: an unknown block comes from
			// a dynamic block whose content is unknown. Without the
			// configuration (exprs nil), unknown stays unknown.
			// A managed client keeps the value it has, which is unknown.
			if r.create && !r.c.managed && exprs != nil && exprs.Get(spec.TF) == nil && spec.Type != typeObject && !tfRequired[spec.TF] {
				continue
			}
			r.c.Unknown[path] = true
			continue
		}
		if m == nil || m.Val.Kind == tree.Null {
			continue
		}
		if v, ok := r.value(path, spec, m.Val, u, exprs.Get(spec.TF)); ok {
			body[spec.Name] = v
		}
	}
}

func (r *tfReader) value(path string, spec *memberSpec, n, unknown, exprs *tree.Value) (any, bool) {
	c := r.c
	switch spec.Type {
	case typeString:
		if n.Kind != tree.String {
			c.errorf(n.Pos, "%s must be a string, not %s", spec.TF, n.Kind)
			return nil, false
		}
		if n.Str == "" && !tfRequired[spec.TF] {
			return nil, false
		}
		return n.Str, true
	case typeInt:
		if n.Kind != tree.Number {
			c.errorf(n.Pos, "%s must be a number, not %s", spec.TF, n.Kind)
			return nil, false
		}
		v, err := scalarInt(n)
		if err != nil {
			c.errorf(n.Pos, "%s %v", spec.TF, err)
			return nil, false
		}
		if v == 0 {
			return nil, false
		}
		return v, true
	case typeBool:
		if n.Kind != tree.Bool {
			c.errorf(n.Pos, "%s must be a boolean, not %s", spec.TF, n.Kind)
			return nil, false
		}
		return n.Str == "true", true
	case typeStringList:
		if n.Kind != tree.List {
			c.errorf(n.Pos, "%s must be a list, not %s", spec.TF, n.Kind)
			return nil, false
		}
		if len(n.Elems) == 0 {
			return nil, false
		}
		list := make([]string, 0, len(n.Elems))
		for i, e := range n.Elems {
			at := joinIndex(path, i)
			c.Where[at] = e.Pos
			if unknown != nil && unknown.Kind == tree.List && i < len(unknown.Elems) && isTrue(unknown.Elems[i]) {
				c.Unknown[at] = true
				list = append(list, "")
				continue
			}
			if e.Kind != tree.String {
				c.errorf(e.Pos, "%s must hold strings, not %s", spec.TF, e.Kind)
				list = append(list, "")
				continue
			}
			list = append(list, e.Str)
		}
		return list, true
	case typeObject:
		// Blocks are lists of at most one object in plans.
		if n.Kind != tree.List {
			c.errorf(n.Pos, "%s must be a list of blocks, not %s", spec.TF, n.Kind)
			return nil, false
		}
		if len(n.Elems) == 0 {
			return nil, false
		}
		if len(n.Elems) > 1 {
			c.errorf(n.Elems[1].Pos, "%s holds %d blocks; the provider allows one", spec.TF, len(n.Elems))
			return nil, false
		}
		blk := n.Elems[0]
		if blk.Kind != tree.Map {
			c.errorf(blk.Pos, "%s must hold a block, not %s", spec.TF, blk.Kind)
			return nil, false
		}
		var u, x *tree.Value
		if unknown != nil && unknown.Kind == tree.List && len(unknown.Elems) > 0 {
			u = unknown.Elems[0]
		}
		if exprs != nil && exprs.Kind == tree.List && len(exprs.Elems) > 0 {
			x = exprs.Elems[0]
		}
		obj := map[string]any{}
		r.object(path, spec.Fields, blk, u, x, obj)
		return obj, true
	}
	return nil, false
}

func isTrue(n *tree.Value) bool { return n != nil && n.Kind == tree.Bool && n.Str == "true" }

// str returns the string value of n, or "".
func str(n *tree.Value) string {
	if n == nil || n.Kind != tree.String {
		return ""
	}
	return n.Str
}

// tfConfig indexes the configuration of every aws_cognito_user_pool_client
// in a plan by its address without instance keys
// ("module.auth.aws_cognito_user_pool_client.web"). The value is the
// resource's expressions map, which names the attributes the configuration
// sets.
func tfConfig(cfg *tree.Value) map[string]*tree.Value {
	out := map[string]*tree.Value{}
	var walk func(mod *tree.Value, prefix string, depth int)
	walk = func(mod *tree.Value, prefix string, depth int) {
		if mod == nil || depth > tree.MaxDepth {
			return
		}
		if rs := mod.Get("resources"); rs != nil {
			for _, r := range rs.Elems {
				if str(r.Get("type")) != tfClientType {
					continue
				}
				if mode := str(r.Get("mode")); mode != "" && mode != "managed" {
					continue
				}
				exprs := r.Get("expressions")
				if exprs == nil {
					exprs = &tree.Value{Kind: tree.Map}
				}
				out[prefix+str(r.Get("address"))] = exprs
			}
		}
		if mc := mod.Get("module_calls"); mc != nil {
			for _, m := range mc.Membs {
				walk(m.Val.Get("module"), prefix+"module."+m.Key+".", depth+1)
			}
		}
	}
	walk(cfg.Get("root_module"), "", 0)
	return out
}

// stripInstanceKeys removes the count and for_each keys from a resource
// address: module.a[0].aws_x.b["k"] becomes module.a.aws_x.b.
func stripInstanceKeys(addr string) string {
	var b strings.Builder
	depth, quoted := 0, false
	for i := 0; i < len(addr); i++ {
		ch := addr[i]
		switch {
		case quoted:
			if ch == '\\' {
				i++
			} else if ch == '"' {
				quoted = false
			}
		case ch == '"' && depth > 0:
			quoted = true
		case ch == '[':
			depth++
		case ch == ']':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// tfStateClients returns the app clients of Terraform state: the JSON that
// "terraform show -json" prints without a plan (values.root_module), or a
// terraform.tfstate file (resources[].instances[]). They are deployed
// clients, read like the clients of a plan: null, "", 0, [] and empty
// blocks mean not set.
func tfStateClients(root *tree.Value) ([]*client, error) {
	var out []*client
	add := func(addr, typ string, at Position, attrs *tree.Value) *client {
		c := newClient(addr, at)
		c.managed = typ == tfManagedClientType
		if attrs == nil || attrs.Kind != tree.Map {
			c.errorf(at, "%s: the attributes must be a map", addr)
		} else {
			r := tfReader{c: c}
			r.object("", requestMembers, attrs, nil, nil, c.Body)
		}
		out = append(out, c)
		return c
	}
	if vals := root.Get("values"); vals != nil {
		var walk func(mod *tree.Value, depth int)
		walk = func(mod *tree.Value, depth int) {
			if mod == nil || depth > tree.MaxDepth {
				return
			}
			for _, r := range mod.Get("resources").List() {
				if !isTFClient(str(r.Get("type"))) || (str(r.Get("mode")) != "" && str(r.Get("mode")) != "managed") {
					continue
				}
				add(str(r.Get("address")), str(r.Get("type")), r.Pos, r.Get("values")).dupErrors(r)
			}
			for _, m := range mod.Get("child_modules").List() {
				walk(m, depth+1)
			}
		}
		walk(vals.Get("root_module"), 0)
		return out, nil
	}
	for _, r := range root.Get("resources").List() {
		if !isTFClient(str(r.Get("type"))) || (str(r.Get("mode")) != "" && str(r.Get("mode")) != "managed") {
			continue
		}
		base := str(r.Get("type")) + "." + str(r.Get("name"))
		if mod := str(r.Get("module")); mod != "" {
			base = mod + "." + base
		}
		for _, inst := range r.Get("instances").List() {
			addr := base
			if k := inst.Get("index_key"); k != nil {
				switch k.Kind {
				case tree.Number:
					addr += "[" + k.Str + "]"
				case tree.String:
					addr += "[" + strconv.Quote(k.Str) + "]"
				}
			}
			c := add(addr, str(r.Get("type")), inst.Pos, inst.Get("attributes"))
			c.dupErrors(inst)
			for _, d := range r.Dups {
				c.dupError(d)
			}
		}
	}
	return out, nil
}
