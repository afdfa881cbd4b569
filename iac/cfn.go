package iac

import (
	"github.com/cognitokit/appclient/iac/internal/tree"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// cfnClientType is the CloudFormation resource type of an app client.
const cfnClientType = "AWS::Cognito::UserPoolClient"

// cfnReader reads the resources of one CloudFormation template, or of the
// resources section of a Serverless service.
type cfnReader struct {
	// file is the name of the file the resources are written in.
	file string
	// params are the template's parameters that have a Default.
	params map[string]*cfnParam
	// sls resolves the Serverless variables the service itself decides;
	// nil for a fragment read on its own.
	sls *slsResolver
	// paramNames are all of the template's parameters.
	paramNames map[string]bool
	// serverless is true in a Serverless service, where "${...}" in a
	// string is a Serverless variable, resolved at deployment.
	serverless bool
	// conds is the template's Conditions map, or nil.
	conds *tree.Value
	// fragment is true for a template that names resources it does not
	// define: a part of a larger one (see Resource.fragment).
	fragment bool
	// bare is true for a template with neither AWSTemplateFormatVersion
	// nor Transform, the shape of a Serverless service's resources
	// fragment.
	bare bool
	// budget is what the evaluation under way has spent.
	budget cfnBudget
	// conditions are the conditions evaluated so far, by name: each is
	// evaluated once, however many others name it.
	conditions map[string]condResult
}

// cfnBudget is what the evaluation of one value (a Ref, Fn::Sub or
// Fn::Join and all it reads) has spent: the same budgets as an HCL
// expression's.
type cfnBudget struct {
	steps, built int
	over         error
	// template is what every evaluation of the template has spent: each
	// value has a budget of its own, and all of them one together.
	template *cfnSpent
}

// cfnSpent is what the evaluations of one template have spent in all.
type cfnSpent struct{ steps, built int }

// fresh returns a budget for the next value of the same template.
func (b cfnBudget) fresh() cfnBudget {
	if b.template == nil {
		b.template = &cfnSpent{}
	}
	return cfnBudget{template: b.template}
}

// spend charges one step that builds size bytes, and reports whether the
// evaluation is still within its budgets.
func (b *cfnBudget) spend(size int) bool {
	switch {
	case b.over != nil:
	case b.steps+1 > maxEvalSteps:
		b.over = overBudget("reads more than %d values (YAML aliases counted each time they are read)", maxEvalSteps)
	case size > maxEvalBuild-b.built:
		b.over = overBudget("builds more than %d KiB of text", maxEvalBuild>>10)
	case b.template != nil && b.template.steps+1 > maxTemplateSteps:
		b.over = overBudget("is one too many: the template's functions read more than %d values in all", maxTemplateSteps)
	case b.template != nil && size > maxTemplateBuild-b.template.built:
		b.over = overBudget("is one too many: the template's functions build more than %d MiB of text in all", maxTemplateBuild>>20)
	default:
		b.steps++
		b.built += size
		if b.template != nil {
			b.template.steps++
			b.template.built += size
		}
	}
	return b.over == nil
}

// condResult is the value of a named condition: in progress (a condition
// that names itself, directly or not, is unknown), or done.
type condResult struct {
	done, holds, known bool
}

// evalValue evaluates an intrinsic function's string value under a fresh
// budget, as evalString does; going over the budget is an error of the
// client, at the function.
func (rd *cfnReader) evalValue(c *client, n *tree.Value, deps *[]string) (string, bool) {
	rd.budget = rd.budget.fresh()
	s, ok := rd.evalString(n, deps)
	if rd.budget.over != nil {
		name, _ := intrinsic(n)
		c.errorf(n.Pos, "%s %v; its value is not evaluated", name, rd.budget.over)
		return "", false
	}
	return s, ok
}

// cfnParam is a template parameter with a Default, or a value a
// deployment passes.
type cfnParam struct {
	// def is the Default, or the value passed.
	def *tree.Value
	// list is true for CommaDelimitedList and List<...> parameters.
	list bool
	// origin is where the value passed is written; nil for a Default.
	origin *Origin
}

// cfnParamNames returns the names of every parameter of a template.
func cfnParamNames(root *tree.Value) map[string]bool {
	out := map[string]bool{}
	if ps := root.Get("Parameters"); ps != nil {
		for _, p := range ps.Membs {
			out[p.Key] = true
		}
	}
	return out
}

// cfnParams returns the parameters of a template that have a Default.
func cfnParams(root *tree.Value) map[string]*cfnParam {
	out := map[string]*cfnParam{}
	params := root.Get("Parameters")
	if params == nil || params.Kind != tree.Map {
		return out
	}
	for _, p := range params.Membs {
		def := p.Val.Get("Default")
		if def == nil || def.Kind == tree.Null || isIntrinsic(def) {
			continue
		}
		typ := str(p.Val.Get("Type"))
		out[p.Key] = &cfnParam{def: def, list: typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")}
	}
	return out
}

// cfnClients returns every resource of a CloudFormation template's
// Resources, and every AWS::Cognito::UserPoolClient among them as a
// client, in file order.
func (rd *cfnReader) clients(res *tree.Value) ([]*client, []*Resource) {
	res = rd.expandForEach(res)
	// A Serverless service's fragments are read one by one, but together
	// they are the whole template (with the resources the Framework adds,
	// which clients may name): only a template read on its own can be a
	// fragment.
	rd.fragment = !rd.serverless && (rd.fragment || danglingRefs(res, rd.paramNames))
	var clients []*client
	var resources []*Resource
	for _, r := range res.Membs {
		if r.Val.Kind != tree.Map {
			continue
		}
		typ := str(r.Val.Get("Type"))
		rs := &Resource{File: rd.file, Name: r.Key, Type: typ, Pos: r.KeyPos, properties: r.Val.Get("Properties"), fragment: rd.fragment}
		switch dep := r.Val.Get("DependsOn"); {
		case dep == nil:
		case dep.Kind == tree.String:
			rs.DependsOn = []string{dep.Str}
		case dep.Kind == tree.List:
			for _, e := range dep.Elems {
				if e.Kind == tree.String {
					rs.DependsOn = append(rs.DependsOn, e.Str)
				}
			}
		}
		resources = append(resources, rs)
		switch typ {
		case cfnPoolType, cfnResourceServerType, cfnProviderType:
			rd.poolSide(rs, r.Val.Get("Condition"))
		}
		if typ != cfnClientType {
			continue
		}
		c := newClient(r.Key, r.KeyPos)
		// A logical ID written twice deploys its last resource, this one.
		for _, d := range res.Dups {
			if d.Key == r.Key {
				c.dupError(d)
			}
		}
		c.dupErrors(r.Val)
		c.Ignore = cfnIgnore(r.Val.Get("Metadata"))
		rd := rd
		// A client that uses Serverless variables is one of a Serverless
		// fragment read on its own, without the service that includes
		// it: its variables are unknown there too (CloudFormation itself
		// never resolves them). So is a client with the
		// serverless-pseudo-parameters plugin's "#{...}" in a bare
		// Resources map (a template that declares its format version
		// passes that on as text). Only the client itself decides: a
		// "${env:...}" in another resource of a plain template (a
		// script) changes nothing.
		if !rd.serverless && (hasSlsVariable(r.Val, 0) || rd.bare && hasPseudoParameters(r.Val, 0)) {
			sls := *rd
			sls.serverless = true
			rd = &sls
		}
		rd = rd.forCondition(r.Val.Get("Condition"))
		props := r.Val.Member("Properties")
		switch {
		case props == nil || props.Val.Kind == tree.Null || isIntrinsic(props.Val) && isNoValue(props.Val):
		case isIntrinsic(props.Val) || rd.variable(props.Val):
			// Properties: !If [...], Fn::Transform, ${file(...)}: any
			// property may be anything.
			for _, s := range requestMembers {
				if !s.NoCFN {
					c.Unknown[s.Name] = true
				}
			}
		case props.Val.Kind != tree.Map:
			c.errorf(props.Val.Pos, "Properties must be a map, not %s", props.Val.Kind)
		default:
			rd.object(c, "", requestMembers, props.Val, c.Body)
		}
		// CloudFormation makes up a name when ClientName is left out, so
		// the name is unknown rather than missing.
		if _, ok := c.Body["ClientName"]; !ok && !c.Unknown["ClientName"] {
			c.Unknown["ClientName"] = true
		}
		clients = append(clients, c)
	}
	return clients, resources
}

// cfnIgnore returns the rule ids of a resource's Metadata
// appclient.config.ignore_checks, as cfn-lint reads its own
// cfn-lint.config.ignore_checks.
func cfnIgnore(meta *tree.Value) []string {
	checks := meta.Get("appclient").Get("config").Get("ignore_checks")
	var out []string
	for _, e := range checks.List() {
		if e.Kind == tree.String && e.Str != "" {
			out = append(out, e.Str)
		}
	}
	if checks != nil && checks.Kind == tree.String && checks.Str != "" {
		out = append(out, checks.Str)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// variable reports whether n is a string holding a Serverless variable,
// "${...}", or a pseudo parameter of the serverless-pseudo-parameters
// plugin, "#{...}", in a Serverless service.
func (rd *cfnReader) variable(n *tree.Value) bool {
	return rd.serverless && n.Kind == tree.String && n.Tag == "" && (strings.Contains(n.Str, "${") || hasPseudoParameter(n.Str))
}

// object reads the members of a map node into body.
func (rd *cfnReader) object(c *client, prefix string, specs []memberSpec, n *tree.Value, body map[string]any) {
	if n.Get("Fn::Transform") != nil {
		// A macro may add or change any property of the map.
		for _, s := range specs {
			if !s.NoCFN {
				c.Unknown[joinPath(prefix, s.Name)] = true
			}
		}
		return
	}
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
		if v, ok := rd.value(c, path, spec, m.Val); ok {
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

// paramRef returns the parameter a !Ref names when it has a Default, or
// nil.
func (rd *cfnReader) paramRef(n *tree.Value) (string, *cfnParam) {
	if !isIntrinsic(n) {
		return "", nil
	}
	name, arg := intrinsic(n)
	if name != "Ref" || arg.Kind != tree.String {
		return "", nil
	}
	p := rd.params[arg.Str]
	if p == nil {
		return "", nil
	}
	return arg.Str, p
}

// value converts the value of one property. It returns false when the
// property is absent from the request: AWS::NoValue, null, unknown or wrong.
func (rd *cfnReader) value(c *client, path string, spec *memberSpec, n *tree.Value) (any, bool) {
	if name, p := rd.paramRef(n); p != nil {
		rd.noteDefaults(c, path, []string{name})
		if spec.Type == typeStringList && p.list && p.def.Kind != tree.List {
			// A CommaDelimitedList's Default is one string.
			list := []string{}
			for i, s := range strings.Split(p.def.Str, ",") {
				c.Where[joinIndex(path, i)] = n.Pos
				list = append(list, strings.TrimSpace(s))
			}
			return list, true
		}
		def := *p.def
		def.Pos = n.Pos
		n = &def
	}
	if rd.variable(n) {
		// A Serverless variable, whatever the member's type: what the
		// service decides is resolved, anything else unknown.
		v, srcs, ok := rd.sls.resolveValue(n)
		if !ok || rd.variable(v) {
			c.Unknown[path] = true
			return nil, false
		}
		rd.sls.note(c, path, srcs)
		n = v
	}
	if isIntrinsic(n) {
		if isNoValue(n) {
			return nil, false
		}
		if spec.Type == typeString {
			var deps []string
			if s, ok := rd.evalValue(c, n, &deps); ok {
				rd.noteDefaults(c, path, deps)
				return s, true
			}
		}
		c.Unknown[path] = true
		return nil, false
	}
	if n.Kind == tree.Null {
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
		if n.Kind != tree.List {
			c.errorf(n.Pos, "%s must be a list, not %s", path, n.Kind)
			return nil, false
		}
		list := make([]string, 0, len(n.Elems))
		for _, e := range n.Elems {
			at := joinIndex(path, len(list))
			c.Where[at] = e.Pos
			if rd.variable(e) {
				v, srcs, ok := rd.sls.resolveValue(e)
				if !ok || v.Kind == tree.List || v.Kind == tree.Map || rd.variable(v) {
					c.Unknown[at] = true
					list = append(list, "")
					continue
				}
				rd.sls.note(c, at, srcs)
				e = v
			}
			if isIntrinsic(e) {
				if isNoValue(e) || isCondFunc(e) {
					// The element may vanish at deployment: the length
					// is not known. The indexes stay those written, so
					// that each finding names the element it is about.
					c.Unknown[path+"#"] = true
				}
				var deps []string
				if s, ok := rd.evalValue(c, e, &deps); ok {
					rd.noteDefaults(c, at, deps)
					list = append(list, s)
					continue
				}
				c.Unknown[at] = true
				list = append(list, "")
				continue
			}
			s, ok := scalarString(e)
			if !ok {
				c.errorf(e.Pos, "%s must hold strings, not %s", at, e.Kind)
				continue
			}
			list = append(list, s)
		}
		return list, true
	case typeObject:
		if n.Kind != tree.Map {
			c.errorf(n.Pos, "%s must be a map, not %s", path, n.Kind)
			return nil, false
		}
		obj := map[string]any{}
		rd.object(c, path, spec.Fields, n, obj)
		return obj, true
	}
	return nil, false
}

// noteDefaults records the parameters a value was evaluated with.
func (rd *cfnReader) noteDefaults(c *client, path string, deps []string) {
	if len(deps) == 0 {
		return
	}
	sort.Strings(deps)
	deps = slices.Compact(deps)
	var defaults []string
	for _, d := range deps {
		if p := rd.params[d]; p != nil && p.origin != nil {
			if !slices.Contains(c.Origins[path], *p.origin) {
				c.Origins[path] = append(c.Origins[path], *p.origin)
			}
			continue
		}
		defaults = append(defaults, "parameter "+d)
	}
	if len(defaults) > 0 {
		c.Defaults[path] = strings.Join(defaults, ", ")
	}
}

func joinIndex(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// isIntrinsic reports whether n is a CloudFormation intrinsic function: a
// short-form tag such as !Ref or !Sub, or a one-key map whose key is Ref,
// Condition or Fn::Something.
func isIntrinsic(n *tree.Value) bool {
	if n.Tag != "" {
		return true
	}
	if n.Kind != tree.Map || len(n.Membs) != 1 {
		return false
	}
	k := n.Membs[0].Key
	return k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::")
}

// intrinsic returns the long name of an intrinsic function ("Ref",
// "Fn::Sub", ...) and its argument.
func intrinsic(n *tree.Value) (string, *tree.Value) {
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
func isNoValue(n *tree.Value) bool {
	name, arg := intrinsic(n)
	return name == "Ref" && arg.Kind == tree.String && arg.Str == "AWS::NoValue"
}

// isCondFunc reports whether n is Fn::If, whose result may be AWS::NoValue.
func isCondFunc(n *tree.Value) bool {
	name, _ := intrinsic(n)
	return name == "Fn::If"
}

// evalString evaluates the intrinsic functions whose value is known
// without deploying: Ref of a parameter with a Default, Fn::Sub of
// literals and such parameters, and Fn::Join of known strings. deps
// collects the parameters used.
func (rd *cfnReader) evalString(n *tree.Value, deps *[]string) (string, bool) {
	if !rd.budget.spend(0) || rd.variable(n) {
		return "", false
	}
	if !isIntrinsic(n) {
		return scalarString(n)
	}
	if name, p := rd.paramRef(n); p != nil {
		if s, ok := scalarString(p.def); ok {
			*deps = append(*deps, name)
			return s, true
		}
		return "", false
	}
	name, arg := intrinsic(n)
	switch name {
	case "Fn::Sub":
		tmpl, vars := arg, (*tree.Value)(nil)
		if arg.Kind == tree.List && len(arg.Elems) == 2 {
			tmpl, vars = arg.Elems[0], arg.Elems[1]
		}
		if tmpl.Kind != tree.String || rd.serverless && hasPseudoParameter(tmpl.Str) {
			return "", false
		}
		return rd.sub(tmpl.Str, vars, deps)
	case "Fn::Join":
		if arg.Kind != tree.List || len(arg.Elems) != 2 || arg.Elems[0].Kind != tree.String || arg.Elems[1].Kind != tree.List {
			return "", false
		}
		parts := make([]string, 0, len(arg.Elems[1].Elems))
		size := 0
		for i, e := range arg.Elems[1].Elems {
			s, ok := rd.evalString(e, deps)
			if !ok {
				return "", false
			}
			if i > 0 {
				size += len(arg.Elems[0].Str)
			}
			size += len(s)
			if size > maxEvalBuild {
				rd.budget.spend(size)
				return "", false
			}
			parts = append(parts, s)
		}
		if !rd.budget.spend(size) {
			return "", false
		}
		return strings.Join(parts, arg.Elems[0].Str), true
	}
	return "", false
}

// sub evaluates a Fn::Sub template: ${Name} from vars or a parameter with
// a Default, ${!Literal} as "${Literal}". Anything else (a resource, an
// attribute, a pseudo parameter) is unknown.
func (rd *cfnReader) sub(tmpl string, vars *tree.Value, deps *[]string) (string, bool) {
	var b strings.Builder
	// write charges each piece before it is written, so that nothing over
	// the budgets is built.
	write := func(s string) bool {
		if !rd.budget.spend(len(s)) {
			return false
		}
		b.WriteString(s)
		return true
	}
	for {
		i := strings.Index(tmpl, "${")
		if i < 0 {
			ok := write(tmpl)
			return b.String(), ok
		}
		if !write(tmpl[:i]) {
			return "", false
		}
		end := strings.IndexByte(tmpl[i:], '}')
		if end < 0 {
			ok := write(tmpl[i:])
			return b.String(), ok
		}
		name := tmpl[i+2 : i+end]
		tmpl = tmpl[i+end+1:]
		if strings.HasPrefix(name, "!") {
			if !write("${" + name[1:] + "}") {
				return "", false
			}
			continue
		}
		name = strings.TrimSpace(name)
		if v := vars.Get(name); v != nil {
			s, ok := rd.evalString(v, deps)
			if !ok || !write(s) {
				return "", false
			}
			continue
		}
		if p := rd.params[name]; p != nil {
			if s, ok := scalarString(p.def); ok {
				*deps = append(*deps, name)
				if !write(s) {
					return "", false
				}
				continue
			}
		}
		return "", false
	}
}

// forCondition returns the reader for a resource with the given
// Condition. Unless the condition holds with the parameters' defaults, a
// deployment that creates the resource may pass other values for the
// parameters it tests, so the returned reader leaves those out of params:
// the values resting on them are unknown, not their defaults.
func (rd *cfnReader) forCondition(cond *tree.Value) *cfnReader {
	if cond == nil || cond.Kind != tree.String || len(rd.params) == 0 {
		return rd
	}
	named := &tree.Value{Kind: tree.Map, Membs: []tree.Member{{Key: "Condition", Val: cond}}}
	if holds, known := rd.evalCondition(named, 0); known && holds {
		return rd
	}
	tested := map[string]bool{}
	rd.conditionParams(named, tested, map[string]bool{}, 0)
	if len(tested) == 0 {
		return rd
	}
	out := *rd
	out.conditions = nil // they rest on the parameters
	out.params = make(map[string]*cfnParam, len(rd.params))
	for name, p := range rd.params {
		if !tested[name] {
			out.params[name] = p
		}
	}
	return &out
}

// maxConditionDepth bounds how deeply conditions may nest and name each
// other, so that a cycle ends.
const maxConditionDepth = 32

// evalCondition evaluates a condition function (Fn::Equals, Fn::Not,
// Fn::And, Fn::Or, Condition) with the parameters' defaults; known is false
// when it rests on anything else.
func (rd *cfnReader) evalCondition(v *tree.Value, depth int) (holds, known bool) {
	if v == nil || depth > maxConditionDepth || !isIntrinsic(v) {
		return false, false
	}
	fn, arg := intrinsic(v)
	switch fn {
	case "Condition":
		if arg.Kind != tree.String {
			return false, false
		}
		if r, ok := rd.conditions[arg.Str]; ok {
			// Done, or in progress: a cycle, unknown.
			return r.holds, r.done && r.known
		}
		if rd.conditions == nil {
			rd.conditions = map[string]condResult{}
		}
		rd.conditions[arg.Str] = condResult{}
		holds, known := rd.evalCondition(rd.conds.Get(arg.Str), depth+1)
		rd.conditions[arg.Str] = condResult{done: true, holds: holds, known: known}
		return holds, known
	case "Fn::Equals":
		if arg.Kind != tree.List || len(arg.Elems) != 2 {
			return false, false
		}
		a, okA := rd.conditionText(arg.Elems[0])
		b, okB := rd.conditionText(arg.Elems[1])
		return a == b, okA && okB
	case "Fn::Not":
		if arg.Kind != tree.List || len(arg.Elems) != 1 {
			return false, false
		}
		h, ok := rd.evalCondition(arg.Elems[0], depth+1)
		return !h, ok
	case "Fn::And", "Fn::Or":
		if arg.Kind != tree.List || len(arg.Elems) == 0 {
			return false, false
		}
		and := fn == "Fn::And"
		allKnown := true
		for _, e := range arg.Elems {
			h, ok := rd.evalCondition(e, depth+1)
			switch {
			case !ok:
				allKnown = false
			case h != and:
				// A false operand decides Fn::And, a true one Fn::Or.
				return h, true
			}
		}
		return and, allKnown
	}
	return false, false
}

// conditionText returns the text an Fn::Equals operand compares: a
// scalar as written, or a parameter's scalar Default.
func (rd *cfnReader) conditionText(v *tree.Value) (string, bool) {
	if _, p := rd.paramRef(v); p != nil {
		v = p.def
	}
	switch v.Kind {
	case tree.String, tree.Number, tree.Bool:
		if v.Tag == "" {
			return v.Str, true
		}
	}
	return "", false
}

// conditionParams adds to out the parameters with a Default that a
// condition tests, directly or through the conditions it names; seen are
// the conditions already read, each read once.
func (rd *cfnReader) conditionParams(v *tree.Value, out, seen map[string]bool, depth int) {
	if v == nil || depth > maxConditionDepth {
		return
	}
	if isIntrinsic(v) {
		fn, arg := intrinsic(v)
		switch {
		case fn == "Ref" && arg.Kind == tree.String:
			if rd.params[arg.Str] != nil {
				out[arg.Str] = true
			}
			return
		case fn == "Condition" && arg.Kind == tree.String:
			if !seen[arg.Str] {
				seen[arg.Str] = true
				rd.conditionParams(rd.conds.Get(arg.Str), out, seen, depth+1)
			}
			return
		}
		v = arg
	}
	for _, e := range v.Elems {
		rd.conditionParams(e, out, seen, depth+1)
	}
	for _, m := range v.Membs {
		rd.conditionParams(m.Val, out, seen, depth+1)
	}
}

// danglingRefs reports whether a resource of the Resources map res names,
// in DependsOn, Ref or Fn::GetAtt, a logical ID that is neither a resource
// of res nor one of params nor a pseudo parameter: CloudFormation rejects
// such a template, so it is a fragment of a larger one.
func danglingRefs(res *tree.Value, params map[string]bool) bool {
	if res == nil || res.Kind != tree.Map {
		return false
	}
	defined := func(name string) bool {
		if strings.HasPrefix(name, "AWS::") || params[name] {
			return true
		}
		return res.Get(name) != nil
	}
	steps := 0
	var walk func(v *tree.Value, depth int) bool
	walk = func(v *tree.Value, depth int) bool {
		if v == nil || depth > MaxDepth || steps > MaxValues {
			return false
		}
		steps++
		if isIntrinsic(v) {
			switch name, arg := intrinsic(v); {
			case name == "Ref" && arg.Kind == tree.String:
				return !defined(arg.Str)
			case name == "Fn::GetAtt" && arg.Kind == tree.String:
				id, _, _ := strings.Cut(arg.Str, ".")
				return !defined(id)
			case name == "Fn::GetAtt" && arg.Kind == tree.List && len(arg.Elems) > 0 && arg.Elems[0].Kind == tree.String:
				return !defined(arg.Elems[0].Str)
			}
		}
		for _, e := range v.Elems {
			if walk(e, depth+1) {
				return true
			}
		}
		for _, m := range v.Membs {
			if walk(m.Val, depth+1) {
				return true
			}
		}
		return false
	}
	for _, r := range res.Membs {
		if strings.HasPrefix(r.Key, forEachPrefix) {
			continue
		}
		if d := r.Val.Get("DependsOn"); d != nil {
			for _, e := range append([]*tree.Value{d}, d.Elems...) {
				if e.Kind == tree.String && e.Tag == "" && !defined(e.Str) {
					return true
				}
			}
		}
		if walk(r.Val.Get("Properties"), 0) {
			return true
		}
	}
	return false
}
