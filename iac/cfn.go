package iac

import (
	"strconv"
	"strings"
)

// cfnClientType is the CloudFormation resource type of an app client.
const cfnClientType = "AWS::Cognito::UserPoolClient"

// cfnClients returns every AWS::Cognito::UserPoolClient of a CloudFormation
// template, in file order.
func cfnClients(root *Value) ([]*client, error) {
	res := root.member("Resources")
	if res == nil {
		return nil, &posError{Pos: root.Pos, Msg: "not a CloudFormation template: no Resources"}
	}
	if res.Val.Kind != ValueMap {
		return nil, &posError{Pos: res.Val.Pos, Msg: "Resources must be a map, not " + res.Val.Kind.String()}
	}
	var out []*client
	for _, r := range res.Val.Membs {
		if r.Val.Kind != ValueMap {
			continue
		}
		typ := r.Val.get("Type")
		if typ == nil || typ.Kind != ValueString || typ.Str != cfnClientType {
			continue
		}
		c := newClient(r.Key, r.KeyPos)
		props := r.Val.member("Properties")
		switch {
		case props == nil || props.Val.Kind == ValueNull:
		case isIntrinsic(props.Val):
			c.errorf(props.Val.Pos, "Properties is an intrinsic function: nothing can be checked")
		case props.Val.Kind != ValueMap:
			c.errorf(props.Val.Pos, "Properties must be a map, not %s", props.Val.Kind)
		default:
			cfnObject(c, "", requestMembers, props.Val, c.Body)
		}
		// CloudFormation makes up a name when ClientName is left out, so
		// the name is unknown rather than missing.
		if _, ok := c.Body["ClientName"]; !ok && !c.Unknown["ClientName"] {
			c.Unknown["ClientName"] = true
		}
		out = append(out, c)
	}
	return out, nil
}

// cfnObject reads the members of a map node into body.
func cfnObject(c *client, prefix string, specs []memberSpec, n *Value, body map[string]any) {
	for _, m := range n.Membs {
		spec := findSpec(specs, m.Key)
		if spec == nil || spec.NoCFN {
			didYouMean := hint(m.Key, specs, func(s memberSpec) string {
				if s.NoCFN {
					return ""
				}
				return s.Name
			})
			where := cfnClientType
			if prefix != "" {
				where = prefix
			}
			if spec != nil && spec.NoCFN {
				c.errorf(m.KeyPos, "%s has no property %q in CloudFormation", where, m.Key)
			} else {
				c.errorf(m.KeyPos, "%s has no property %q%s", where, m.Key, didYouMean)
			}
			continue
		}
		path := joinPath(prefix, spec.Name)
		c.Where[path] = m.KeyPos
		if v, ok := cfnValue(c, path, spec, m.Val); ok {
			body[spec.Name] = v
		}
	}
}

func findSpec(specs []memberSpec, name string) *memberSpec {
	for i := range specs {
		if specs[i].Name == name {
			return &specs[i]
		}
	}
	return nil
}

func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// cfnValue converts the value of one property. It returns false when the
// property is absent from the request: AWS::NoValue, null, unknown or wrong.
func cfnValue(c *client, path string, spec *memberSpec, n *Value) (any, bool) {
	if isIntrinsic(n) {
		if isNoValue(n) {
			return nil, false
		}
		if spec.Type == typeString {
			if s, ok := evalString(n); ok {
				return s, true
			}
		}
		c.Unknown[path] = true
		return nil, false
	}
	if n.Kind == ValueNull {
		return nil, false
	}
	switch spec.Type {
	case typeString:
		s, ok := scalarString(n)
		if !ok {
			c.errorf(n.Pos, "%s must be a string, not %s", path, n.Kind)
			return nil, false
		}
		return s, true
	case typeInt:
		v, err := scalarInt(n)
		if err != nil {
			c.errorf(n.Pos, "%s %v", path, err)
			return nil, false
		}
		return v, true
	case typeBool:
		v, err := scalarBool(n)
		if err != nil {
			c.errorf(n.Pos, "%s %v", path, err)
			return nil, false
		}
		return v, true
	case typeStringList:
		if n.Kind != ValueList {
			c.errorf(n.Pos, "%s must be a list, not %s", path, n.Kind)
			return nil, false
		}
		list := make([]string, 0, len(n.Elems))
		for _, e := range n.Elems {
			at := joinIndex(path, len(list))
			if isIntrinsic(e) {
				if isNoValue(e) || isCondFunc(e) {
					// The element may vanish at deployment: the length
					// and the indexes after it are not known.
					c.Unknown[path+"#"] = true
				}
				if s, ok := evalString(e); ok {
					c.Where[at] = e.Pos
					list = append(list, s)
					continue
				}
				c.Unknown[at] = true
				c.Where[at] = e.Pos
				list = append(list, "")
				continue
			}
			s, ok := scalarString(e)
			if !ok {
				c.errorf(e.Pos, "%s must hold strings, not %s", at, e.Kind)
				continue
			}
			c.Where[at] = e.Pos
			list = append(list, s)
		}
		return list, true
	case typeObject:
		if n.Kind != ValueMap {
			c.errorf(n.Pos, "%s must be a map, not %s", path, n.Kind)
			return nil, false
		}
		obj := map[string]any{}
		cfnObject(c, path, spec.Fields, n, obj)
		return obj, true
	}
	return nil, false
}

func joinIndex(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// isIntrinsic reports whether n is a CloudFormation intrinsic function: a
// short-form tag such as !Ref or !Sub, or a one-key map whose key is Ref,
// Condition or Fn::Something.
func isIntrinsic(n *Value) bool {
	if n.Tag != "" {
		return true
	}
	if n.Kind != ValueMap || len(n.Membs) != 1 {
		return false
	}
	k := n.Membs[0].Key
	return k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::")
}

// intrinsic returns the long name of an intrinsic function ("Ref",
// "Fn::Sub", ...) and its argument.
func intrinsic(n *Value) (string, *Value) {
	if n.Tag != "" {
		name := strings.TrimPrefix(n.Tag, "!")
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		arg := *n
		arg.Tag = ""
		return name, &arg
	}
	return n.Membs[0].Key, n.Membs[0].Val
}

// isNoValue reports whether n is {"Ref": "AWS::NoValue"}, which removes the
// property.
func isNoValue(n *Value) bool {
	name, arg := intrinsic(n)
	return name == "Ref" && arg.Kind == ValueString && arg.Str == "AWS::NoValue"
}

// isCondFunc reports whether n is Fn::If, whose result may be AWS::NoValue.
func isCondFunc(n *Value) bool {
	name, _ := intrinsic(n)
	return name == "Fn::If"
}

// evalString evaluates the few intrinsic functions whose value is known
// without deploying: Fn::Sub of a string without variables, and Fn::Join of
// known strings.
func evalString(n *Value) (string, bool) {
	if !isIntrinsic(n) {
		return scalarString(n)
	}
	name, arg := intrinsic(n)
	switch name {
	case "Fn::Sub":
		if arg.Kind == ValueString && !strings.Contains(arg.Str, "${") {
			return arg.Str, true
		}
	case "Fn::Join":
		if arg.Kind != ValueList || len(arg.Elems) != 2 || arg.Elems[0].Kind != ValueString || arg.Elems[1].Kind != ValueList {
			return "", false
		}
		parts := make([]string, 0, len(arg.Elems[1].Elems))
		for _, e := range arg.Elems[1].Elems {
			s, ok := evalString(e)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, arg.Elems[0].Str), true
	}
	return "", false
}
