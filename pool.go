package appclient

import (
	"errors"
	"fmt"
	"strings"
)

// Pool describes the parts of a user pool that decide whether Cognito accepts
// an app client: its resource servers with their scopes, its identity
// providers, its attribute schema and its feature plan. The rule book's
// section 3 lists the rules it decides.
//
// A Pool is written by hand (in a test), loaded from the API (package awssdk's
// LoadPool), read from the AWS CLI's output ([DecodePool]) or built from a
// template. How much of the pool a description knows is part of it: Incomplete
// names the parts that may hold more than is listed, and an empty Tier means
// the feature plan is unknown. A rule is decided only on what is known, so a
// partial description never rejects a client that the real pool accepts.
//
// The zero Pool describes a complete pool with nothing in it (no resource
// server, no identity provider, no attribute beyond the standard ones, feature
// plan unknown).
type Pool struct {
	// ID is the user pool's ID, such as "us-east-1_AbC123xyz", used in
	// messages. Empty means unknown.
	ID string

	// ResourceServers lists the pool's resource servers, each with every one of
	// its scopes. Unless Incomplete has PoolResourceServers, a custom scope
	// whose resource server is not listed does not exist.
	ResourceServers []ResourceServer

	// IdentityProviders lists the names of the pool's identity providers:
	// SAML and OIDC providers by the name given them, social providers as
	// Google, Facebook, SignInWithApple or LoginWithAmazon. COGNITO, the
	// pool's own user directory, need not be listed. Unless Incomplete has
	// PoolIdentityProviders, a provider not listed does not exist.
	IdentityProviders []string

	// Attributes is the pool's attribute schema. Custom attributes are named
	// as the API names them, "custom:<name>". The standard attributes (email,
	// name, ...) always exist and need to be listed only where the pool marks
	// them required. Unless Incomplete has PoolAttributes, an attribute that is
	// neither standard nor listed does not exist.
	Attributes []Attribute

	// Tier is the pool's feature plan. Empty means unknown: the rules that
	// depend on the plan are then not decided (nor are they for a value
	// outside [UserPoolTier.Values]).
	Tier UserPoolTier

	// Incomplete names the parts of the pool that may hold more than this
	// description lists. Zero means every part is complete, as a pool loaded
	// from the API is, or one that a template defines (nothing else can attach
	// to a pool before its stack has created it). A template that only
	// references a pool defined elsewhere knows only its own resource servers:
	// its Pool has Incomplete set to [PoolAllParts] and an empty Tier.
	Incomplete PoolParts
}

// ResourceServer is one resource server of a user pool.
type ResourceServer struct {
	// Identifier is the resource server's identifier, such as
	// "https://api.example.com": the part of a custom scope before its last
	// "/".
	Identifier string

	// Scopes lists the names of its scopes, without the identifier: "read",
	// not "https://api.example.com/read".
	Scopes []string

	// Incomplete means the server may have scopes that Scopes does not list (a
	// template whose scope list is known only at deployment): no scope under
	// it is then rejected.
	Incomplete bool
}

// Attribute is one attribute of a user pool's schema.
type Attribute struct {
	// Name is the attribute's name as the API gives it: "email" for a
	// standard attribute, "custom:tenant" for a custom one.
	Name string
	// Required means every user must have a value for it, given at sign-up.
	Required bool
	// Mutable means the value can be changed after sign-up.
	Mutable bool
}

// PoolParts is a set of parts of a [Pool], for Pool.Incomplete.
type PoolParts uint8

// The parts of a Pool that can be incomplete.
const (
	// PoolResourceServers: the pool may have resource servers that
	// ResourceServers does not list. A listed server still knows its scopes.
	PoolResourceServers PoolParts = 1 << iota
	// PoolIdentityProviders: the pool may have identity providers that
	// IdentityProviders does not list.
	PoolIdentityProviders
	// PoolAttributes: the schema may have attributes, and required ones, that
	// Attributes does not list.
	PoolAttributes

	// PoolAllParts is every part: what a template knows about a pool it only
	// references.
	PoolAllParts = PoolResourceServers | PoolIdentityProviders | PoolAttributes
)

// UserPoolTier is a user pool's feature plan.
type UserPoolTier string

// The feature plans, in the order of [UserPoolTier.Values].
const (
	// UserPoolTierLite is the plan without the newer sign-in features.
	UserPoolTierLite UserPoolTier = "LITE"
	// UserPoolTierEssentials is the default plan of pools created since late
	// 2024.
	UserPoolTierEssentials UserPoolTier = "ESSENTIALS"
	// UserPoolTierPlus adds threat protection to Essentials.
	UserPoolTierPlus UserPoolTier = "PLUS"
)

// Values returns the feature plans, from LITE to PLUS.
func (UserPoolTier) Values() []UserPoolTier {
	return []UserPoolTier{UserPoolTierLite, UserPoolTierEssentials, UserPoolTierPlus}
}

// Valid reports whether t is one of [UserPoolTier.Values], compared
// case-sensitively.
func (t UserPoolTier) Valid() bool {
	return t == UserPoolTierLite || t == UserPoolTierEssentials || t == UserPoolTierPlus
}

// ExceptionFeatureUnavailableInTier is the exception Cognito answers when a
// client uses a feature its pool's plan does not include.
const ExceptionFeatureUnavailableInTier = "FeatureUnavailableInTierException"

// Rule ids of the rules that need the user pool (rule book section 3).
const (
	// RuleCustomScopeExists (P1, error; evidence seen): a custom scope whose resource server
	// or scope name the pool does not have.
	RuleCustomScopeExists = "custom-scope-exists"
	// RuleIdentityProviderExists (P2, error; evidence seen): an identity provider the pool
	// has not configured.
	RuleIdentityProviderExists = "identity-provider-exists"
	// RuleWriteAttributesIncludeRequired (P3, error; evidence seen): WriteAttributes leaves
	// out an attribute the pool requires.
	RuleWriteAttributesIncludeRequired = "write-attributes-include-required"
	// RuleAttributeExists (P4, warning; evidence inferred): a read or write attribute that is
	// neither standard nor in the pool's schema.
	RuleAttributeExists = "attribute-exists"
	// RuleFeaturePlan (P5, error; evidence documented): a feature the pool's plan does not include.
	RuleFeaturePlan = "feature-plan"
	// RuleDependencyOrder (P6, error; evidence seen; templates and Terraform only): the
	// client does not depend on a resource server or identity provider of
	// the same template that it uses, so a deployment may create it first.
	RuleDependencyOrder = "dependency-order"
)

// Sentinel errors of the pool rules, the Err of their FieldErrors.
var (
	// ErrScopeNotInPool: a custom scope the pool does not have (rule
	// custom-scope-exists).
	ErrScopeNotInPool = errors.New("custom scope not in user pool")
	// ErrProviderNotInPool: an identity provider the pool does not have
	// (rule identity-provider-exists).
	ErrProviderNotInPool = errors.New("identity provider not in user pool")
	// ErrRequiredAttributeNotWritable: WriteAttributes lacks an attribute the
	// pool requires (rule write-attributes-include-required).
	ErrRequiredAttributeNotWritable = errors.New("required attribute not writable")
	// ErrFeaturePlan: a feature the pool's plan does not include (rule
	// feature-plan).
	ErrFeaturePlan = errors.New("feature not in user pool's plan")
	// ErrDependencyOrder: a client that a deployment may create before a
	// resource it uses (rule dependency-order).
	ErrDependencyOrder = errors.New("client does not depend on a resource it uses")
)

// Evidence levels of the rule book: how sure the project is that Cognito
// behaves as a rule says.
const (
	EvidenceSeen       = "seen"       // a real Cognito response was quoted
	EvidenceDocumented = "documented" // the AWS documentation says so
	EvidenceInferred   = "inferred"   // reasoned, or seen only in an emulator
)

// poolRule is one rule that needs the user pool, with what the rule table
// records of every rule. The values each rule reads, which decide whether a
// value unknown before deployment sets a violation aside, are listed beside
// the other rules' in package iac (poolRuleInputs).
type poolRule struct {
	id        string
	severity  string // "error" (ValidateInPool) or "warning" (LintInPool)
	exception string
	err       error // nil for a warning
	evidence  string
	summary   string
	// check appends the rule's violations; nil for P6, which reads a
	// template's dependencies, not a request.
	check func(v *poolView, p *Pool, c *poolCollector)
}

// poolRules are the rules of the rule book's section 3, in its order.
var poolRules = []poolRule{
	{RuleCustomScopeExists, "error", ExceptionScopeDoesNotExist, ErrScopeNotInPool, EvidenceSeen,
		"A custom scope names a resource server the user pool does not have, or a scope that server does not have.",
		checkCustomScopeExists},
	{RuleIdentityProviderExists, "error", ExceptionInvalidParameter, ErrProviderNotInPool, EvidenceSeen,
		"SupportedIdentityProviders names a provider other than COGNITO that the user pool has not configured.",
		checkIdentityProviderExists},
	{RuleWriteAttributesIncludeRequired, "error", ExceptionInvalidParameter, ErrRequiredAttributeNotWritable, EvidenceSeen,
		"A non-empty WriteAttributes leaves out an attribute the user pool requires.",
		checkWriteAttributesIncludeRequired},
	{RuleAttributeExists, "warning", ExceptionInvalidParameter, nil, EvidenceInferred,
		"A read or write attribute is neither a standard attribute nor in the user pool's schema.",
		checkAttributeExists},
	{RuleFeaturePlan, "error", ExceptionFeatureUnavailableInTier, ErrFeaturePlan, EvidenceDocumented,
		"ALLOW_USER_AUTH or refresh token rotation on a user pool of the LITE feature plan.",
		checkFeaturePlan},
	{RuleDependencyOrder, "error", "", ErrDependencyOrder, EvidenceSeen,
		"A template's client uses a resource server or identity provider of the same template without depending on it.",
		nil},
}

// poolView is what the pool rules read of a create or update request.
type poolView struct {
	oauth           bool
	scopes          []string
	providers       []string
	readAttributes  []string
	writeAttributes []string
	authFlows       []ExplicitAuthFlow
	rotation        *RefreshTokenRotation
}

// poolView returns the members of r that the pool rules read.
func (r *CreateUserPoolClientRequest) poolView() *poolView {
	return &poolView{
		oauth:           r.AllowedOAuthFlowsUserPoolClient,
		scopes:          r.AllowedOAuthScopes,
		providers:       r.SupportedIdentityProviders,
		readAttributes:  r.ReadAttributes,
		writeAttributes: r.WriteAttributes,
		authFlows:       r.ExplicitAuthFlows,
		rotation:        r.RefreshTokenRotation,
	}
}

// poolCollector gathers the findings of the pool rules.
type poolCollector struct {
	rule     *poolRule // the rule being checked
	errs     []*FieldError
	warnings []*Advisory
}

// add records a finding of the rule being checked on field: a FieldError for
// an error, an Advisory for a warning.
func (c *poolCollector) add(field string, value any, msg string) {
	rule := c.rule
	if rule.severity == "warning" {
		c.warnings = append(c.warnings, &Advisory{Field: field, Rule: rule.id, Message: msg, Value: value})
		return
	}
	c.errs = append(c.errs, &FieldError{Field: field, Rule: rule.id, Exception: rule.exception, Value: value, Message: msg, Err: rule.err})
}

// checkPool runs the pool rules of the given severity.
func checkPool(v *poolView, p *Pool, severity string) *poolCollector {
	c := new(poolCollector)
	for i := range poolRules {
		if r := &poolRules[i]; r.check != nil && r.severity == severity {
			c.rule = r
			r.check(v, p, c)
		}
	}
	return c
}

// ValidateInPool is [CreateUserPoolClientRequest.Validate] plus the rules that
// need the user pool p (rule book section 3): every custom scope exists in
// the pool (custom-scope-exists), every identity provider is configured there
// (identity-provider-exists), WriteAttributes includes the attributes the
// pool requires (write-attributes-include-required), and the pool's feature
// plan includes the features the client uses (feature-plan). It returns nil
// or a *ValidationError, the pool's violations after Validate's.
//
// Each rule is decided only on what p knows (see [Pool]); like the OAuth
// rules of Validate, custom-scope-exists applies only when
// AllowedOAuthFlowsUserPoolClient is true, and every rule looks only at
// values that passed their own model constraints. A nil p makes
// ValidateInPool the same as Validate. The warning about attributes that do
// not exist is [CreateUserPoolClientRequest.LintInPool]'s.
//
// ValidateInPool does not check that UserPoolID is p's ID: a pool written by
// hand or read from a template may have none.
func (r *CreateUserPoolClientRequest) ValidateInPool(p *Pool) error {
	err := r.Validate()
	if r == nil || p == nil {
		return err
	}
	c := checkPool(r.poolView(), p, "error")
	if len(c.errs) == 0 {
		return err
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		ve = new(ValidationError)
	}
	ve.Errors = append(ve.Errors, c.errs...)
	return ve
}

// LintInPool returns the warnings that need the user pool p: read and write
// attributes that are neither standard nor in the pool's schema
// (attribute-exists), such as a custom attribute written without its
// "custom:" prefix or with a typo. Cognito's answer to those is not yet
// recorded, so they are warnings, not errors. It returns nil when p is nil or
// its schema is incomplete.
func (r *CreateUserPoolClientRequest) LintInPool(p *Pool) []*Advisory {
	if r == nil || p == nil {
		return nil
	}
	return checkPool(r.poolView(), p, "warning").warnings
}

// name names the pool in messages.
func (p *Pool) name() string {
	if p.ID == "" {
		return "the user pool"
	}
	return fmt.Sprintf("user pool %q", p.ID)
}

// resourceServer returns the pool's resource server with the identifier id,
// or nil.
func (p *Pool) resourceServer(id string) *ResourceServer {
	for i := range p.ResourceServers {
		if p.ResourceServers[i].Identifier == id {
			return &p.ResourceServers[i]
		}
	}
	return nil
}

// attribute returns the schema attribute with the given name, or nil.
func (p *Pool) attribute(name string) *Attribute {
	for i := range p.Attributes {
		if p.Attributes[i].Name == name {
			return &p.Attributes[i]
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// P1: a custom scope names a resource server of the pool and one of its
// scopes. A scope that is not of the custom form is O6's (scope-not-found).
func checkCustomScopeExists(v *poolView, p *Pool, c *poolCollector) {
	if !v.oauth {
		return
	}
	for i, s := range v.scopes {
		slash := strings.LastIndexByte(s, '/')
		if slash <= 0 || slash == len(s)-1 || reservedScope(s) || !scopeValid(s) {
			continue
		}
		id, name := s[:slash], s[slash+1:]
		rs := p.resourceServer(id)
		switch {
		case rs == nil && p.Incomplete&PoolResourceServers == 0:
			c.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q names resource server %q, which %s does not have", s, id, p.name()))
		case rs != nil && !rs.Incomplete && !contains(rs.Scopes, name):
			c.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q names scope %q, which resource server %q does not have (it has %s)", s, name, id, quoteList(rs.Scopes)))
		}
	}
}

// P2: every identity provider other than COGNITO is configured in the pool.
func checkIdentityProviderExists(v *poolView, p *Pool, c *poolCollector) {
	if p.Incomplete&PoolIdentityProviders != 0 {
		return
	}
	for i, name := range v.providers {
		if name == "COGNITO" || !providerValid(name) || contains(p.IdentityProviders, name) {
			continue
		}
		c.add(index("SupportedIdentityProviders", i), name,
			fmt.Sprintf("%q is not an identity provider of %s (it has %s)", name, p.name(), quoteList(p.IdentityProviders)))
	}
}

// P3: a client that lists its write attributes can write every attribute
// the pool requires (sub excepted: Cognito sets it). An attribute listed as
// required is required even in an incomplete schema.
func checkWriteAttributesIncludeRequired(v *poolView, p *Pool, c *poolCollector) {
	if len(v.writeAttributes) == 0 {
		return
	}
	for _, a := range p.Attributes {
		if a.Required && a.Name != "sub" && !contains(v.writeAttributes, a.Name) {
			c.add("WriteAttributes", a.Name,
				fmt.Sprintf("must include %q, which %s requires", a.Name, p.name()))
		}
	}
}

// P4: read and write attributes exist: standard, or in the pool's schema.
func checkAttributeExists(v *poolView, p *Pool, c *poolCollector) {
	if p.Incomplete&PoolAttributes != 0 {
		return
	}
	for _, list := range []struct {
		member string
		names  []string
	}{{"ReadAttributes", v.readAttributes}, {"WriteAttributes", v.writeAttributes}} {
		for i, a := range list.names {
			if StandardAttribute(a) || !attributeValid(a) || p.attribute(a) != nil {
				continue
			}
			msg := fmt.Sprintf("%q is neither a standard attribute nor in the schema of %s", a, p.name())
			if p.attribute("custom:"+a) != nil {
				msg += fmt.Sprintf(" (custom attributes take their prefix: did you mean %q?)", "custom:"+a)
			}
			c.add(index(list.member, i), a, msg)
		}
	}
}

// P5: choice-based sign-in and refresh token rotation need a plan above
// LITE.
func checkFeaturePlan(v *poolView, p *Pool, c *poolCollector) {
	if p.Tier != UserPoolTierLite {
		return
	}
	for i, f := range v.authFlows {
		if f == ExplicitAuthFlowAllowUserAuth {
			c.add(index("ExplicitAuthFlows", i), string(f),
				fmt.Sprintf("ALLOW_USER_AUTH (choice-based sign-in) needs the ESSENTIALS or PLUS feature plan, and %s is on LITE", p.name()))
		}
	}
	if v.rotation != nil && v.rotation.Feature == RotationFeatureEnabled {
		c.add("RefreshTokenRotation.Feature", string(v.rotation.Feature),
			fmt.Sprintf("refresh token rotation needs the ESSENTIALS or PLUS feature plan, and %s is on LITE", p.name()))
	}
}

// StandardAttribute reports whether name is one of the attributes every user
// pool has (address, birthdate, email, ..., zoneinfo), email_verified,
// phone_number_verified and sub included. Every other attribute is a custom
// one, "custom:<name>" in the API; templates name them without the prefix.
func StandardAttribute(name string) bool {
	switch name {
	case "address", "birthdate", "email", "email_verified", "family_name", "gender", "given_name",
		"locale", "middle_name", "name", "nickname", "phone_number", "phone_number_verified",
		"picture", "preferred_username", "profile", "sub", "updated_at", "website", "zoneinfo":
		return true
	}
	return false
}

// quoteList quotes each of list for a message, or says "none".
func quoteList(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	const most = 10
	q := make([]string, 0, min(len(list), most)+1)
	for i, s := range list {
		if i == most {
			q = append(q, fmt.Sprintf("and %d more", len(list)-most))
			break
		}
		q = append(q, fmt.Sprintf("%q", s))
	}
	return strings.Join(q, ", ")
}
