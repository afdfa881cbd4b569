package iac

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
)

// Resource types that describe a user pool.
const (
	cfnPoolType           = "AWS::Cognito::UserPool"
	cfnResourceServerType = "AWS::Cognito::UserPoolResourceServer"
	cfnProviderType       = "AWS::Cognito::UserPoolIdentityProvider"
	tfPoolType            = "aws_cognito_user_pool"
	tfResourceServerType  = "aws_cognito_resource_server"
	tfProviderType        = "aws_cognito_identity_provider"
)

// poolSchema names the members of the pool resources in one language.
type poolSchema struct {
	terraform                                   bool
	poolType, serverType, providerType          string
	userPoolID, schema, name, required, mutable string
	tier, identifier, scopes, scopeName         string
	providerName                                string
}

var (
	cfnPool = poolSchema{
		poolType: cfnPoolType, serverType: cfnResourceServerType, providerType: cfnProviderType,
		userPoolID: "UserPoolId", schema: "Schema", name: "Name", required: "Required", mutable: "Mutable",
		tier: "UserPoolTier", identifier: "Identifier", scopes: "Scopes", scopeName: "ScopeName",
		providerName: "ProviderName",
	}
	tfPool = poolSchema{
		terraform: true, poolType: tfPoolType, serverType: tfResourceServerType, providerType: tfProviderType,
		userPoolID: "user_pool_id", schema: "schema", name: "name", required: "required", mutable: "mutable",
		tier: "user_pool_tier", identifier: "identifier", scopes: "scope", scopeName: "scope_name",
		providerName: "provider_name",
	}
)

// PoolOf returns the user pool that client c is created in, as far as
// resources (every resource of the template, Serverless service or
// Terraform configuration that defines c) describe it, following the rule
// book's section 3:
//
//   - when c's UserPoolId refers to a user pool defined among resources (a
//     Ref or GetAtt in CloudFormation, a reference to an aws_cognito_user_pool
//     in Terraform), the pool is complete: its schema and feature plan are
//     that resource's (an omitted plan is ESSENTIALS, the default of a pool
//     created now), its resource servers and identity providers are those
//     among resources that attach to it;
//   - otherwise only the resource servers among resources whose UserPoolId is
//     written exactly as c's are known (Incomplete is
//     [appclient.PoolAllParts]): only a scope under one of them is decided.
//
// A value known only at deployment decides nothing: a resource server whose
// identifier is unknown makes the resource servers incomplete, one whose
// scopes are unknown rejects no scope under it, and so on. For a Terraform
// plan, resources are those of its configuration section. PoolOf returns nil
// for a client of a request file or Terraform state, whose pool the file
// does not describe.
func PoolOf(c *Client, resources []*Resource) *appclient.Pool {
	return poolOf(c, newResIndex(resources))
}

// poolOf is PoolOf with the resources indexed.
func poolOf(c *Client, idx *resIndex) *appclient.Pool {
	self := findResource(c, idx)
	if self == nil {
		return nil
	}
	s := cfnPool
	if isTFClient(self.Type) {
		s = tfPool
	}
	poolRef := self.properties.Get(s.userPoolID)
	if poolRef == nil {
		return nil
	}
	defined := idx.poolOfResource(s, self)
	if defined != nil {
		// Every client of a pool the resources define has the same one.
		if p, ok := idx.pools[schemaIndex(s)][defined]; ok {
			return p
		}
	}
	pool := &appclient.Pool{Incomplete: appclient.PoolAllParts}
	if defined != nil {
		pool.Incomplete = 0
		if self.fragment {
			// Another fragment of the service may hold the pool's
			// resource servers and identity providers.
			pool.Incomplete = appclient.PoolResourceServers | appclient.PoolIdentityProviders
		}
		pool.Tier = s.poolTier(defined.properties)
		s.poolSchema(pool, defined.properties)
		defer func() { idx.pools[schemaIndex(s)][defined] = pool }()
	}
	attached := attachedTo(s, self, idx)
	for _, r := range idx.typed(s.serverType, s.providerType) {
		switch {
		case r.Type == s.serverType && attached(r):
			id, ok := known(r.properties.Get(s.identifier))
			if !ok {
				pool.Incomplete |= appclient.PoolResourceServers
				continue
			}
			pool.ResourceServers = append(pool.ResourceServers, s.server(id, r.properties.Get(s.scopes)))
		case r.Type == s.providerType && defined != nil && attached(r):
			name, ok := known(r.properties.Get(s.providerName))
			if !ok {
				pool.Incomplete |= appclient.PoolIdentityProviders
				continue
			}
			pool.IdentityProviders = append(pool.IdentityProviders, name)
		}
	}
	return pool
}

// PoolResources returns the resources that describe the pools of f's
// clients, for [PoolOf] and [CheckPool]: for a .tf file, those of every file
// of the Terraform module it was read with (a directory read with [Read] or
// [Walk]; a file read alone is a module of its own); for other kinds, f's
// own Resources (a Serverless service's include those of its fragments).
func (f *File) PoolResources() []*Resource {
	if f.module != nil {
		return f.module
	}
	return f.Resources
}

// findResource returns the resource that defines client c.
func findResource(c *Client, idx *resIndex) *Resource {
	if c.Resource == "" {
		return nil
	}
	for _, name := range []string{c.Resource, stripInstanceKeys(stripModulePath(c.Resource))} {
		for _, r := range idx.named(name) {
			if r.File == c.File && (r.Type == cfnClientType || isTFClient(r.Type)) {
				return r
			}
		}
	}
	return nil
}

// definedPool returns the user pool among resources that the UserPoolId
// value v refers to, or nil.
func definedPool(s poolSchema, v *tree.Value, idx *resIndex) *Resource {
	if v == nil {
		return nil
	}
	var names []string
	if s.terraform {
		if v.Kind != tree.Unknown {
			return nil
		}
		names = v.Refs
	} else {
		if !isIntrinsic(v) {
			return nil
		}
		fn, arg := intrinsic(v)
		switch {
		case fn == "Ref" && arg.Kind == tree.String:
			names = []string{arg.Str}
		case fn == "Fn::GetAtt":
			if name, attr := getAtt(arg); attr == "UserPoolId" {
				names = []string{name}
			}
		}
	}
	if len(names) != 1 {
		return nil
	}
	for _, r := range idx.named(names[0]) {
		if r.Type == s.poolType {
			return r
		}
	}
	return nil
}

// poolTier reads the feature plan of a pool the file defines.
func (s poolSchema) poolTier(props *tree.Value) appclient.UserPoolTier {
	v := props.Get(s.tier)
	if v == nil {
		// The plan of a pool created today when its definition omits it.
		return appclient.UserPoolTierEssentials
	}
	if t, ok := known(v); ok && appclient.UserPoolTier(t).Valid() {
		return appclient.UserPoolTier(t)
	}
	return ""
}

// poolSchema reads the attribute schema of a pool the file defines.
// Template schemas name custom attributes without "custom:".
func (s poolSchema) poolSchema(pool *appclient.Pool, props *tree.Value) {
	schema := props.Get(s.schema)
	if schema == nil {
		return
	}
	if schema.Kind != tree.List || isIntrinsic(schema) {
		pool.Incomplete |= appclient.PoolAttributes
		return
	}
	for _, a := range schema.Elems {
		name, ok := known(a.Get(s.name))
		if !ok || a.Kind != tree.Map || isIntrinsic(a) {
			pool.Incomplete |= appclient.PoolAttributes
			continue
		}
		if !appclient.IsStandardAttribute(name) {
			name = "custom:" + name
		}
		required, ok := knownBool(a.Get(s.required), false)
		if !ok {
			// Whether it is required is known only at deployment: leave
			// it out, so that it is neither required nor unknown.
			pool.Incomplete |= appclient.PoolAttributes
			continue
		}
		mutable, _ := knownBool(a.Get(s.mutable), true)
		pool.Attributes = append(pool.Attributes, appclient.Attribute{Name: name, Required: required, Mutable: mutable})
	}
}

// server reads a resource server's scopes: a CloudFormation Scopes list of
// {ScopeName, ScopeDescription}, or Terraform scope blocks.
func (s poolSchema) server(id string, scopes *tree.Value) appclient.ResourceServer {
	rs := appclient.ResourceServer{Identifier: id}
	if scopes == nil {
		return rs
	}
	if scopes.Kind != tree.List || isIntrinsic(scopes) {
		rs.Incomplete = true
		return rs
	}
	for _, sc := range scopes.Elems {
		name, ok := known(sc.Get(s.scopeName))
		if !ok || isIntrinsic(sc) {
			rs.Incomplete = true
			continue
		}
		rs.Scopes = append(rs.Scopes, name)
	}
	return rs
}

// known returns the text of a scalar whose value is known before
// deployment. An intrinsic function, a Terraform value known only at apply
// and a string holding a Serverless variable ("${...}") or pseudo
// parameter ("#{...}") are not.
func known(v *tree.Value) (string, bool) {
	if v == nil || v.Tag != "" || strings.Contains(v.Str, "${") || hasPseudoParameter(v.Str) {
		return "", false
	}
	return scalarString(v)
}

// knownBool reads a known boolean, true or false or their strings; def
// when v is absent.
func knownBool(v *tree.Value, def bool) (bool, bool) {
	if v == nil || v.Kind == tree.Null {
		return def, true
	}
	switch s, _ := known(v); s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// sameValue reports whether a and b are written the same way: the same
// literal, the same !Ref, the same Terraform references. Positions do not
// count.
func sameValue(a, b *tree.Value) bool {
	if a == nil || b == nil {
		return false
	}
	if a.Kind == tree.Unknown && b.Kind == tree.Unknown {
		// Terraform: an expression is known by what it refers to.
		if len(a.Refs) == 0 || len(a.Refs) != len(b.Refs) {
			return false
		}
		ra, rb := append([]string(nil), a.Refs...), append([]string(nil), b.Refs...)
		sort.Strings(ra)
		sort.Strings(rb)
		for i := range ra {
			if ra[i] != rb[i] {
				return false
			}
		}
		return true
	}
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Str != b.Str || len(a.Elems) != len(b.Elems) || len(a.Membs) != len(b.Membs) {
		return false
	}
	for i := range a.Elems {
		if !sameValue(a.Elems[i], b.Elems[i]) {
			return false
		}
	}
	for i := range a.Membs {
		if a.Membs[i].Key != b.Membs[i].Key || !sameValue(a.Membs[i].Val, b.Membs[i].Val) {
			return false
		}
	}
	return true
}

// getAtt reads the argument of Fn::GetAtt: "Name.Attr" or [Name, Attr].
func getAtt(arg *tree.Value) (name, attr string) {
	switch {
	case arg.Kind == tree.String:
		name, attr, _ = strings.Cut(arg.Str, ".")
	case arg.Kind == tree.List && len(arg.Elems) == 2 && arg.Elems[0].Kind == tree.String:
		name = arg.Elems[0].Str
		if arg.Elems[1].Kind == tree.String {
			attr = arg.Elems[1].Str
		}
	}
	return name, attr
}

// CheckPool returns the findings of the rules that need the user pool for
// client c, whose template, Serverless service or Terraform configuration
// defines resources: the violations of custom-scope-exists,
// identity-provider-exists, write-attributes-include-required and
// feature-plan against [PoolOf], the warnings of attribute-exists (Severity
// [appclient.SeverityWarning]), the violations of dependency-order, and the
// warnings of the other rules with Scope [appclient.ScopeTemplate]:
// terraform-empty-list and managed-login-without-branding. Like [Check], it
// sets aside every finding whose rule reads a value unknown before
// deployment. In a plan, dependency-order applies only where the plan
// creates both the client and the resource it uses. A client of a request
// file or of Terraform state, or one with Errors, has none.
func CheckPool(c *Client, resources []*Resource) []Finding {
	return checkPool(c, newResIndex(resources))
}

// checkPool is CheckPool with the resources indexed.
func checkPool(c *Client, idx *resIndex) []Finding {
	if len(c.Errors) > 0 {
		return nil
	}
	var out []Finding
	if pool := poolOf(c, idx); pool != nil {
		out = append(poolProvenance(CheckInPool(c, pool), c, idx), dependencyOrder(c, idx)...)
	}
	out = append(out, emptyLists(c)...)
	return append(out, managedLoginWithoutBranding(c, idx)...)
}

// poolProvenance adds to the findings of client c that rest on the user
// pool the resources describe what the pool's values they read rest on:
// the defaults of variables and parameters, which a deployment can
// override, and the values a deployment passes (a module's argument, a
// tfvars line, a parameter file, samconfig). A feature-plan finding rests
// on the plan, an attribute finding on the schema, a custom-scope-exists
// finding on the identifiers of the resource servers and the scopes of
// the one the scope names, an identity-provider-exists finding on the
// names of the identity providers.
func poolProvenance(findings []Finding, c *Client, idx *resIndex) []Finding {
	self := findResource(c, idx)
	if self == nil {
		return findings
	}
	s := cfnPool
	if isTFClient(self.Type) {
		s = tfPool
	}
	defined := idx.poolOfResource(s, self)
	attached := attachedTo(s, self, idx)
	for i := range findings {
		f := &findings[i]
		var srcs []tfSrc
		switch f.Rule {
		case appclient.RuleFeaturePlan:
			if defined != nil {
				srcs = append(srcs, defined.poolSrcs[s.tier]...)
			}
		case appclient.RuleWriteAttributesIncludeRequired, appclient.RuleAttributeExists:
			if defined != nil {
				srcs = append(srcs, defined.poolSrcs[s.schema]...)
			}
		case appclient.RuleCustomScopeExists:
			scope := listElem(c.Request.AllowedOAuthScopes, f.Field)
			for _, r := range idx.typed(s.serverType) {
				if len(r.poolSrcs) == 0 || !attached(r) {
					continue
				}
				srcs = append(srcs, r.poolSrcs[s.identifier]...)
				if id, ok := known(r.properties.Get(s.identifier)); ok && strings.HasPrefix(scope, id+"/") {
					srcs = append(srcs, r.poolSrcs[s.scopes]...)
				}
			}
		case appclient.RuleIdentityProviderExists:
			for _, r := range idx.typed(s.providerType) {
				if len(r.poolSrcs) > 0 && attached(r) {
					srcs = append(srcs, r.poolSrcs[s.providerName]...)
				}
			}
		}
		f.Message += srcsNote(srcs)
	}
	return findings
}

// srcsNote words what a value rests on for a message: "" for nothing.
func srcsNote(srcs []tfSrc) string {
	srcs = sortSrcs(srcs)
	var note string
	if from := defaultNames(srcs); len(from) > 0 {
		note += " (with the default of " + strings.Join(from, ", ") + ", which a deployment can override)"
	}
	if origins := originsOf(srcs); len(origins) > 0 {
		names := make([]string, len(origins))
		for i, o := range origins {
			names[i] = o.String()
		}
		note += " (with " + strings.Join(names, ", ") + ")"
	}
	return note
}

// listElem returns the element of list that field ("Name[3]") names, or
// "".
func listElem(list []string, field string) string {
	open := strings.LastIndexByte(field, '[')
	if open < 0 || !strings.HasSuffix(field, "]") {
		return ""
	}
	i, err := strconv.Atoi(field[open+1 : len(field)-1])
	if err != nil || i < 0 || i >= len(list) {
		return ""
	}
	return list[i]
}

// CheckInPool returns the findings of the rules of [appclient.Rules] with Scope
// [appclient.ScopePool] for client c against pool: the violations of
// [appclient.CreateUserPoolClientRequest.ValidateInPool] that Validate
// alone does not report, then the warnings of
// [appclient.CreateUserPoolClientRequest.LintInPool]. As in [Check], a
// finding whose rule reads a value unknown before deployment is set aside,
// and one that rests on a default says so. A client with Errors, or a nil
// pool, has none.
func CheckInPool(c *Client, pool *appclient.Pool) []Finding {
	if len(c.Errors) > 0 || pool == nil {
		return nil
	}
	unknown := make(map[string]bool, len(c.Unknown))
	for _, p := range c.Unknown {
		unknown[p] = true
	}
	var out []Finding
	add := func(sev appclient.Severity, field, rule, exception, msg string) {
		if r, _ := appclient.RuleByID(rule); r.Scope != appclient.ScopePool {
			return // a rule of Validate, which Check reports
		}
		if dependsOnUnknown(unknown, rule, field) {
			return
		}
		out = append(out, Finding{File: c.File, Pos: c.PositionOf(field), Resource: c.Resource,
			Field: field, Rule: rule, Severity: sev, Exception: exception, Message: c.provenance(msg, rule, field)})
	}
	var ve *appclient.ValidationError
	if errors.As(c.validateInPool(pool), &ve) {
		for _, fe := range ve.Errors {
			add(appclient.SeverityError, fe.Field, fe.Rule, fe.Exception, fe.Message)
		}
	}
	for _, a := range c.lintInPool(pool) {
		add(appclient.SeverityWarning, a.Field, a.Rule, "", a.Message)
	}
	return out
}

// dependencyOrder is rule P6: a client that uses a custom scope of a
// resource server, or an identity provider, defined among resources must
// depend on that resource, directly or through others; otherwise a
// deployment may create the client first, and Cognito rejects it.
func dependencyOrder(c *Client, idx *resIndex) []Finding {
	self := findResource(c, idx)
	if self == nil || self.exists {
		return nil
	}
	s := cfnPool
	hint := "add it to the client's DependsOn"
	if isTFClient(self.Type) {
		s, hint = tfPool, "add it to the client's depends_on"
	}
	attached := attachedTo(s, self, idx)
	deps := dependencies(self, idx)
	var out []Finding
	add := func(field, exception string, r *Resource, key string) {
		// The finding rests on the key that ties r to the client.
		out = append(out, Finding{File: c.File, Pos: c.PositionOf(field), Resource: c.Resource, Field: field,
			Rule: appclient.RuleDependencyOrder, Severity: appclient.SeverityError, Exception: exception,
			Message: fmt.Sprintf("deployment can create the client before %s, and Cognito then rejects it: %s", r.Name, hint) +
				srcsNote(append([]tfSrc(nil), r.poolSrcs[key]...))})
	}
	req := &c.Request
	// The scopes are used with OAuth on, and by GetClientToken whatever the
	// flag says.
	if req.AllowedOAuthFlowsUserPoolClient || slices.Contains(req.ExplicitAuthFlows, appclient.ExplicitAuthFlowAllowClientTokenAuth) {
		for i, scope := range req.AllowedOAuthScopes {
			slash := strings.LastIndexByte(scope, '/')
			if slash <= 0 || slash == len(scope)-1 {
				continue
			}
			for _, r := range idx.withKey(s, s.serverType, s.identifier, scope[:slash]) {
				if !r.exists && !deps[r.Name] && attached(r) {
					add(fmt.Sprintf("AllowedOAuthScopes[%d]", i), appclient.ExceptionScopeDoesNotExist, r, s.identifier)
				}
			}
		}
	}
	for i, name := range req.SupportedIdentityProviders {
		if name == "" || name == "COGNITO" {
			continue
		}
		for _, r := range idx.withKey(s, s.providerType, s.providerName, name) {
			if !r.exists && !deps[r.Name] && attached(r) {
				add(fmt.Sprintf("SupportedIdentityProviders[%d]", i), appclient.ExceptionInvalidParameter, r, s.providerName)
			}
		}
	}
	return out
}

// attachedTo returns a test of whether a resource among resources belongs
// to the user pool of client resource self: the same pool resource when
// self's UserPoolId refers to one among resources, else a UserPoolId
// written the same way.
func attachedTo(s poolSchema, self *Resource, idx *resIndex) func(*Resource) bool {
	poolRef := self.properties.Get(s.userPoolID)
	defined := idx.poolOfResource(s, self)
	return func(r *Resource) bool {
		if defined != nil {
			return idx.poolOfResource(s, r) == defined
		}
		return sameValue(r.properties.Get(s.userPoolID), poolRef)
	}
}

// dependencies returns the names of every resource that r depends on,
// directly or through others: its DependsOn and the resources its
// properties refer to (CloudFormation Ref, Fn::GetAtt and Fn::Sub;
// Terraform references).
func dependencies(r *Resource, idx *resIndex) map[string]bool {
	seen := map[string]bool{}
	var visit func(x *Resource)
	visit = func(x *Resource) {
		for _, name := range idx.references(x) {
			named := idx.named(name)
			if len(named) > 0 && !seen[name] {
				seen[name] = true
				// The last of a name written twice, as a map keeps it.
				visit(named[len(named)-1])
			}
		}
	}
	visit(r)
	return seen
}

// references appends the names of what v refers to: the targets of Ref,
// Fn::GetAtt and the ${Name} or ${Name.Attr} of Fn::Sub in CloudFormation,
// the Refs of Terraform values. Names that are no resource (parameters,
// pseudo parameters, variables) are harmless: the caller looks them up.
func references(v *tree.Value, out []string, depth int) []string {
	if v == nil || depth > tree.MaxDepth {
		return out
	}
	out = append(out, v.Refs...)
	if isIntrinsic(v) {
		fn, arg := intrinsic(v)
		switch fn {
		case "Ref":
			if arg.Kind == tree.String {
				out = append(out, arg.Str)
			}
		case "Fn::GetAtt":
			if name, _ := getAtt(arg); name != "" {
				out = append(out, name)
			}
		case "Fn::Sub":
			tmpl := arg
			if arg.Kind == tree.List && len(arg.Elems) > 0 {
				tmpl = arg.Elems[0]
			}
			if tmpl.Kind == tree.String {
				out = append(out, subNames(tmpl.Str)...)
			}
		}
	}
	// The arguments of functions, lists and maps may refer to more.
	for _, e := range v.Elems {
		out = references(e, out, depth+1)
	}
	for _, m := range v.Membs {
		out = references(m.Val, out, depth+1)
	}
	return out
}

// subNames returns the names a Fn::Sub template refers to: "Name" for
// ${Name} and ${Name.Attr}; ${!Literal} is no reference.
func subNames(tmpl string) []string {
	var out []string
	for {
		i := strings.Index(tmpl, "${")
		if i < 0 {
			return out
		}
		end := strings.IndexByte(tmpl[i:], '}')
		if end < 0 {
			return out
		}
		name := strings.TrimSpace(tmpl[i+2 : i+end])
		tmpl = tmpl[i+end+1:]
		if name == "" || strings.HasPrefix(name, "!") {
			continue
		}
		name, _, _ = strings.Cut(name, ".")
		out = append(out, name)
	}
}
