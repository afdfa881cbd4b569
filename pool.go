package appclient

import (
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
func checkCustomScopeExists(r *CreateUserPoolClientRequest, p *Pool) (f findings) {
	if !r.scopesUsed() {
		return
	}
	for i, s := range r.AllowedOAuthScopes {
		slash := strings.LastIndexByte(s, '/')
		if slash <= 0 || slash == len(s)-1 || reservedScope(s) || !scopeValid(s) {
			continue
		}
		id, name := s[:slash], s[slash+1:]
		rs := p.resourceServer(id)
		switch {
		case rs == nil && p.Incomplete&PoolResourceServers == 0:
			f.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q names resource server %q, which %s does not have", s, id, p.name()))
		case rs != nil && !rs.Incomplete && !contains(rs.Scopes, name):
			f.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q names scope %q, which resource server %q does not have (it has %s)", s, name, id, quoteList(rs.Scopes)))
		}
	}
	return
}

// P2: every identity provider other than COGNITO is configured in the pool.
func checkIdentityProviderExists(r *CreateUserPoolClientRequest, p *Pool) (f findings) {
	if p.Incomplete&PoolIdentityProviders != 0 {
		return
	}
	for i, name := range r.SupportedIdentityProviders {
		if name == "COGNITO" || !providerValid(name) || contains(p.IdentityProviders, name) {
			continue
		}
		f.add(index("SupportedIdentityProviders", i), name,
			fmt.Sprintf("%q is not an identity provider of %s (it has %s)", name, p.name(), quoteList(p.IdentityProviders)))
	}
	return
}

// P3: a client that lists its write attributes can write every attribute
// the pool requires (sub excepted: Cognito sets it). An attribute listed as
// required is required even in an incomplete schema.
func checkWriteAttributesIncludeRequired(r *CreateUserPoolClientRequest, p *Pool) (f findings) {
	if len(r.WriteAttributes) == 0 {
		return
	}
	for _, a := range p.Attributes {
		if a.Required && a.Name != "sub" && !contains(r.WriteAttributes, a.Name) {
			f.add("WriteAttributes", a.Name,
				fmt.Sprintf("must include %q, which %s requires", a.Name, p.name()))
		}
	}
	return
}

// P4: read and write attributes exist: standard, or in the pool's schema.
func checkAttributeExists(r *CreateUserPoolClientRequest, p *Pool) (f findings) {
	if p.Incomplete&PoolAttributes != 0 {
		return
	}
	for _, list := range []struct {
		member string
		names  []string
	}{{"ReadAttributes", r.ReadAttributes}, {"WriteAttributes", r.WriteAttributes}} {
		for i, a := range list.names {
			if IsStandardAttribute(a) || !attributeValid(a) || p.attribute(a) != nil {
				continue
			}
			msg := fmt.Sprintf("%q is neither a standard attribute nor in the schema of %s", a, p.name())
			if p.attribute("custom:"+a) != nil {
				msg += fmt.Sprintf(" (custom attributes take their prefix: did you mean %q?)", "custom:"+a)
			}
			f.add(index(list.member, i), a, msg)
		}
	}
	return
}

// P5: choice-based sign-in and refresh token rotation need a plan above
// LITE.
func checkFeaturePlan(r *CreateUserPoolClientRequest, p *Pool) (f findings) {
	if p.Tier != UserPoolTierLite {
		return
	}
	for i, flow := range r.ExplicitAuthFlows {
		if flow == ExplicitAuthFlowAllowUserAuth {
			f.add(index("ExplicitAuthFlows", i), string(flow),
				fmt.Sprintf("ALLOW_USER_AUTH (choice-based sign-in) needs the ESSENTIALS or PLUS feature plan, and %s is on LITE", p.name()))
		}
	}
	if r.RefreshTokenRotation != nil && r.RefreshTokenRotation.Feature == RotationFeatureEnabled {
		f.add("RefreshTokenRotation.Feature", string(r.RefreshTokenRotation.Feature),
			fmt.Sprintf("refresh token rotation needs the ESSENTIALS or PLUS feature plan, and %s is on LITE", p.name()))
	}
	return
}

// IsStandardAttribute reports whether name is one of the attributes every user
// pool has (address, birthdate, email, ..., zoneinfo), email_verified,
// phone_number_verified and sub included. Every other attribute is a custom
// one, "custom:<name>" in the API; templates name them without the prefix.
func IsStandardAttribute(name string) bool {
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
