package appclient

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Rule ids, the values of FieldError.Rule. The first six are the kinds of
// constraint of the AWS model; the others are Cognito's service rules, named
// as in the project's rule book.
const (
	RuleRequired = "required"
	RuleLength   = "length"
	RuleListSize = "list-size"
	RulePattern  = "pattern"
	RuleEnum     = "enum"
	RuleRange    = "range"

	RuleOAuthFlowsAndScopesRequired     = "oauth-flows-and-scopes-required"
	RuleClientCredentialsExclusive      = "client-credentials-exclusive"
	RuleClientCredentialsNeedsSecret    = "client-credentials-needs-secret"
	RuleClientCredentialsReservedScope  = "client-credentials-reserved-scope"
	RuleCodeImplicitNeedCallbacks       = "code-implicit-need-callbacks"
	RuleScopeNotFound                   = "scope-not-found"
	RuleRedirectHTTPS                   = "redirect-https"
	RuleRedirectAbsolute                = "redirect-absolute"
	RuleRedirectNoFragment              = "redirect-no-fragment"
	RuleDefaultRedirectInCallbacks      = "default-redirect-in-callbacks"
	RuleSecretGenerateOrCustom          = "secret-generate-or-custom"
	RuleContextDataNeedsSecret          = "context-data-needs-secret"
	RuleExplicitFlowsNoLegacyMix        = "explicit-flows-no-legacy-mix"
	RuleRefreshTokenAuthRequired        = "refresh-token-auth-required"
	RuleRotationForbidsRefreshTokenAuth = "rotation-forbids-refresh-token-auth"
	RuleTokenValidityRange              = "token-validity-range"
	RuleWriteAttributeNotWritable       = "write-attribute-not-writable"
)

// RuleInfo describes one rule that Validate enforces.
type RuleInfo struct {
	// ID is the rule's id, as in FieldError.Rule.
	ID string
	// Exception is the exception Cognito answers with when the rule is broken.
	Exception string
	// Err is the sentinel of FieldError.Err.
	Err error
	// Summary says in one sentence what the rule rejects.
	Summary string
}

var rules = []RuleInfo{
	{RuleRequired, ExceptionInvalidParameter, ErrRequired, "A required member is absent or empty."},
	{RuleLength, ExceptionInvalidParameter, ErrLength, "A string has fewer or more characters than the AWS model allows."},
	{RuleListSize, ExceptionInvalidParameter, ErrListSize, "A list has more entries than the AWS model allows."},
	{RulePattern, ExceptionInvalidParameter, ErrPattern, "A string holds characters that the AWS model's pattern does not allow."},
	{RuleEnum, ExceptionInvalidParameter, ErrEnum, "A value is not one of its enumeration's values (case-sensitive)."},
	{RuleRange, ExceptionInvalidParameter, ErrRange, "A number is outside the range of the AWS model."},
	{RuleOAuthFlowsAndScopesRequired, ExceptionInvalidParameter, ErrOAuth, "AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthFlows or AllowedOAuthScopes is empty."},
	{RuleClientCredentialsExclusive, ExceptionInvalidOAuthFlow, ErrOAuth, "client_credentials is combined with the code or implicit flow."},
	{RuleClientCredentialsNeedsSecret, ExceptionInvalidOAuthFlow, ErrOAuth, "client_credentials is allowed for a client without a secret."},
	{RuleClientCredentialsReservedScope, ExceptionInvalidOAuthFlow, ErrOAuth, "client_credentials is allowed with a reserved scope (openid, email, phone, profile, aws.cognito.signin.user.admin)."},
	{RuleCodeImplicitNeedCallbacks, ExceptionInvalidOAuthFlow, ErrOAuth, "The code or implicit flow is allowed without callback URLs."},
	{RuleScopeNotFound, ExceptionScopeDoesNotExist, ErrScopeNotFound, "A scope is neither a reserved scope nor of the custom form <resource-server>/<scope-name>."},
	{RuleRedirectHTTPS, ExceptionInvalidParameter, ErrRedirectURI, "A callback URL uses http with a host other than localhost, 127.0.0.1 or [::1]."},
	{RuleRedirectAbsolute, ExceptionInvalidParameter, ErrRedirectURI, "A callback URL is not an absolute URI."},
	{RuleRedirectNoFragment, ExceptionInvalidParameter, ErrRedirectURI, "A callback URL has a fragment (#)."},
	{RuleDefaultRedirectInCallbacks, ExceptionInvalidParameter, ErrRedirectURI, "DefaultRedirectURI is not one of CallbackURLs."},
	{RuleSecretGenerateOrCustom, ExceptionInvalidParameter, ErrClientSecret, "GenerateSecret is true and a ClientSecret is given too."},
	{RuleContextDataNeedsSecret, ExceptionInvalidParameter, ErrClientSecret, "EnablePropagateAdditionalUserContextData is true for a client without a secret."},
	{RuleExplicitFlowsNoLegacyMix, ExceptionInvalidParameter, ErrAuthFlows, "ExplicitAuthFlows mixes legacy values with ALLOW_ values."},
	{RuleRefreshTokenAuthRequired, ExceptionInvalidParameter, ErrAuthFlows, "ExplicitAuthFlows lacks ALLOW_REFRESH_TOKEN_AUTH while refresh token rotation is not enabled."},
	{RuleRotationForbidsRefreshTokenAuth, ExceptionInvalidParameter, ErrAuthFlows, "ExplicitAuthFlows holds ALLOW_REFRESH_TOKEN_AUTH while refresh token rotation is enabled."},
	{RuleTokenValidityRange, ExceptionInvalidParameter, ErrTokenValidity, "A token lifetime, after unit conversion, is outside 5 minutes to 1 day (access, ID) or 60 minutes to 3650 days (refresh)."},
	{RuleWriteAttributeNotWritable, ExceptionInvalidParameter, ErrAttributePermission, "WriteAttributes holds email_verified, which no client may write."},
}

// Rules returns every rule Validate enforces: the six kinds of model
// constraint, then the service rules in the order Validate reports them.
func Rules() []RuleInfo {
	return append([]RuleInfo(nil), rules...)
}

// ruleInfo returns the description of the rule id.
func ruleInfo(id string) *RuleInfo {
	for i := range rules {
		if rules[i].ID == id {
			return &rules[i]
		}
	}
	return nil
}

// List sizes of the AWS model that service rules depend on; the struct tags
// say the same (TestListLimitsMatchTags).
const (
	maxOAuthFlows   = 3
	maxCallbackURLs = 100
)

// collector gathers the violations of the service rules.
type collector struct {
	ctx  context.Context // carries the collector itself
	errs []*FieldError
}

// add records a violation of rule on field.
func (c *collector) add(field, rule string, value any, msg string) {
	info := ruleInfo(rule)
	c.errs = append(c.errs, &FieldError{Field: field, Rule: rule, Exception: info.Exception, Value: value, Message: msg, Err: info.Err})
}

// index returns the path of element i of the list member name.
func index(name string, i int) string {
	return name + "[" + strconv.Itoa(i) + "]"
}

// The reserved scopes: the OpenID Connect scopes and Cognito's own.
func reservedScope(s string) bool {
	switch s {
	case "openid", "email", "phone", "profile", "aws.cognito.signin.user.admin":
		return true
	}
	return false
}

// Predicates for values that passed their model constraints: service rules
// look only at those, so that each problem is reported once.
func scopeValid(s string) bool    { return elemScope(s) == nil }
func redirectValid(s string) bool { return elemRedirect(s) == nil }
func secretValid(s string) bool   { return lengthIn(s, 24, 64) && matchClientSecret(s) < 0 }

// hasSecret reports whether the client will have a secret. A ClientSecret that
// breaks its own constraints still counts: its problem is reported on it.
func (r *CreateUserPoolClientRequest) hasSecret() bool {
	return r.GenerateSecret || r.ClientSecret != nil
}

// hasFlow reports whether AllowedOAuthFlows holds f.
func (r *CreateUserPoolClientRequest) hasFlow(f OAuthFlow) bool {
	for _, g := range r.AllowedOAuthFlows {
		if g == f {
			return true
		}
	}
	return false
}

// rotationEnabled reports whether refresh token rotation is ENABLED.
func (r *CreateUserPoolClientRequest) rotationEnabled() bool {
	return r.RefreshTokenRotation != nil && r.RefreshTokenRotation.Feature == RotationFeatureEnabled
}

// serviceRules runs Cognito's service rules in the rule book's order.
func serviceRules(r *CreateUserPoolClientRequest, c *collector) {
	// Rules that read a whole list do not run on a list over its size: that
	// list failed its own model constraint.
	if r.AllowedOAuthFlowsUserPoolClient {
		ruleOAuthFlowsAndScopesRequired(r, c)
		if len(r.AllowedOAuthFlows) <= maxOAuthFlows {
			ruleClientCredentialsExclusive(r, c)
			ruleClientCredentialsNeedsSecret(r, c)
			ruleClientCredentialsReservedScope(r, c)
			ruleCodeImplicitNeedCallbacks(r, c)
		}
		ruleScopeNotFound(r, c)
	}
	if !r.redirectsOK() {
		ruleRedirectHTTPS(r, c)
		ruleRedirectAbsolute(r, c)
		ruleRedirectNoFragment(r, c)
	}
	if len(r.CallbackURLs) <= maxCallbackURLs {
		ruleDefaultRedirectInCallbacks(r, c)
	}
	ruleSecretGenerateOrCustom(r, c)
	ruleContextDataNeedsSecret(r, c)
	ruleExplicitFlowsNoLegacyMix(r, c)
	ruleRefreshTokenAuthRequired(r, c)
	ruleRotationForbidsRefreshTokenAuth(r, c)
	ruleTokenValidityRange(r, c)
	ruleWriteAttributeNotWritable(r, c)
}

// O1: with OAuth on, flows and scopes must both be given.
func ruleOAuthFlowsAndScopesRequired(r *CreateUserPoolClientRequest, c *collector) {
	const msg = "is required when AllowedOAuthFlowsUserPoolClient is true"
	if len(r.AllowedOAuthFlows) == 0 {
		c.add("AllowedOAuthFlows", RuleOAuthFlowsAndScopesRequired, nil, msg)
	}
	if len(r.AllowedOAuthScopes) == 0 {
		c.add("AllowedOAuthScopes", RuleOAuthFlowsAndScopesRequired, nil, msg)
	}
}

// O2: client_credentials must be the only flow.
func ruleClientCredentialsExclusive(r *CreateUserPoolClientRequest, c *collector) {
	if r.hasFlow(OAuthFlowClientCredentials) && (r.hasFlow(OAuthFlowCode) || r.hasFlow(OAuthFlowImplicit)) {
		c.add("AllowedOAuthFlows", RuleClientCredentialsExclusive, nil,
			"client_credentials cannot be combined with code or implicit")
	}
}

// O3: client_credentials needs a client secret.
func ruleClientCredentialsNeedsSecret(r *CreateUserPoolClientRequest, c *collector) {
	if r.hasSecret() {
		return
	}
	for i, f := range r.AllowedOAuthFlows {
		if f == OAuthFlowClientCredentials {
			c.add(index("AllowedOAuthFlows", i), RuleClientCredentialsNeedsSecret, string(f),
				"client_credentials needs a client secret (set GenerateSecret or ClientSecret)")
		}
	}
}

// O4: client_credentials cannot use the reserved scopes.
func ruleClientCredentialsReservedScope(r *CreateUserPoolClientRequest, c *collector) {
	if !r.hasFlow(OAuthFlowClientCredentials) {
		return
	}
	for i, s := range r.AllowedOAuthScopes {
		if reservedScope(s) {
			c.add(index("AllowedOAuthScopes", i), RuleClientCredentialsReservedScope, s,
				fmt.Sprintf("%q is not supported with client_credentials (use custom scopes)", s))
		}
	}
}

// O5: the code and implicit flows redirect, so they need callback URLs.
func ruleCodeImplicitNeedCallbacks(r *CreateUserPoolClientRequest, c *collector) {
	if len(r.CallbackURLs) == 0 && (r.hasFlow(OAuthFlowCode) || r.hasFlow(OAuthFlowImplicit)) {
		c.add("CallbackURLs", RuleCodeImplicitNeedCallbacks, nil,
			"is required with the code and implicit flows")
	}
}

// O6: a scope that is neither reserved nor "<resource-server>/<scope-name>"
// can never exist in any pool.
func ruleScopeNotFound(r *CreateUserPoolClientRequest, c *collector) {
	for i, s := range r.AllowedOAuthScopes {
		slash := strings.LastIndexByte(s, '/')
		if slash > 0 && slash < len(s)-1 || reservedScope(s) || !scopeValid(s) {
			continue
		}
		msg := fmt.Sprintf("%q is not a custom scope: the resource server and the scope name must both be non-empty", s)
		if slash < 0 {
			msg = fmt.Sprintf("%q is neither a reserved scope (openid, email, phone, profile, aws.cognito.signin.user.admin) nor a custom scope <resource-server>/<scope-name>", s)
		}
		c.add(index("AllowedOAuthScopes", i), RuleScopeNotFound, s, msg)
	}
}

// redirects calls fn for each of CallbackURLs, then for DefaultRedirectURI,
// skipping values that broke their model constraints. It passes the list index,
// or -1 for DefaultRedirectURI; field builds the member path on demand, so
// that the valid path allocates nothing.
func (r *CreateUserPoolClientRequest) redirects(fn func(i int, uri string)) {
	for i, u := range r.CallbackURLs {
		if redirectValid(u) {
			fn(i, u)
		}
	}
	if r.DefaultRedirectURI != nil && redirectValid(*r.DefaultRedirectURI) {
		fn(-1, *r.DefaultRedirectURI)
	}
}

// redirectField is the member path of the URI that redirects passed as i.
func redirectField(i int) string {
	if i < 0 {
		return "DefaultRedirectURI"
	}
	return index("CallbackURLs", i)
}

// redirectsOK reports, in one pass, whether no redirect URI breaks U1, U2 or
// U3, looking at every URI, valid or not: that is the usual case and costs one
// parse per URI. Otherwise the three rules run, each in its own pass over the
// URIs that passed their model constraints, so that their violations come in
// the rule book's order.
func (r *CreateUserPoolClientRequest) redirectsOK() bool {
	for _, u := range r.CallbackURLs {
		if redirectFaults(u) != 0 {
			return false
		}
	}
	return r.DefaultRedirectURI == nil || redirectFaults(*r.DefaultRedirectURI) == 0
}

// The redirect-URI rules a URI can break, as bits.
const (
	faultHTTP     = 1 << iota // U1: http to a host other than loopback
	faultRelative             // U2: no scheme, or http(s) without a host
	faultFragment             // U3: a fragment
)

// redirectFaults returns the redirect-URI rules that u breaks.
func redirectFaults(u string) int {
	var faults int
	if strings.IndexByte(u, '#') >= 0 {
		faults |= faultFragment
	}
	scheme, host, ok := uriSchemeHost(u)
	switch {
	case !ok:
		faults |= faultRelative
	case strings.EqualFold(scheme, "http"):
		if host == "" {
			faults |= faultRelative
		} else if !loopbackHost(host) {
			faults |= faultHTTP
		}
	case strings.EqualFold(scheme, "https") && host == "":
		faults |= faultRelative
	}
	return faults
}

// U1: http only to loopback hosts.
func ruleRedirectHTTPS(r *CreateUserPoolClientRequest, c *collector) {
	r.redirects(func(i int, u string) {
		if redirectFaults(u)&faultHTTP != 0 {
			c.add(redirectField(i), RuleRedirectHTTPS, u,
				fmt.Sprintf("%q cannot use http (only localhost, 127.0.0.1 and [::1] may)", u))
		}
	})
}

// U2: redirect URIs are absolute; http and https ones name a host.
func ruleRedirectAbsolute(r *CreateUserPoolClientRequest, c *collector) {
	r.redirects(func(i int, u string) {
		if redirectFaults(u)&faultRelative == 0 {
			return
		}
		msg := fmt.Sprintf("%q has no host", u)
		if _, _, ok := uriSchemeHost(u); !ok {
			msg = fmt.Sprintf("%q is not an absolute URI (it has no scheme)", u)
		}
		c.add(redirectField(i), RuleRedirectAbsolute, u, msg)
	})
}

// U3: no fragment, not even an empty one.
func ruleRedirectNoFragment(r *CreateUserPoolClientRequest, c *collector) {
	r.redirects(func(i int, u string) {
		if redirectFaults(u)&faultFragment != 0 {
			c.add(redirectField(i), RuleRedirectNoFragment, u, fmt.Sprintf("%q has a fragment (#), which redirect URIs cannot have", u))
		}
	})
}

// U4: the default redirect URI is one of the callback URLs, exactly.
func ruleDefaultRedirectInCallbacks(r *CreateUserPoolClientRequest, c *collector) {
	if r.DefaultRedirectURI == nil {
		return
	}
	d := *r.DefaultRedirectURI
	for _, u := range r.CallbackURLs {
		if u == d {
			return
		}
	}
	if redirectValid(d) {
		c.add("DefaultRedirectURI", RuleDefaultRedirectInCallbacks, d,
			fmt.Sprintf("%q is not one of CallbackURLs (they must match character for character)", d))
	}
}

// S1: a secret is generated or given, not both.
func ruleSecretGenerateOrCustom(r *CreateUserPoolClientRequest, c *collector) {
	if r.GenerateSecret && r.ClientSecret != nil && secretValid(*r.ClientSecret) {
		c.add("ClientSecret", RuleSecretGenerateOrCustom, nil, "cannot be set when GenerateSecret is true")
	}
}

// S2: propagating user context data needs a secret.
func ruleContextDataNeedsSecret(r *CreateUserPoolClientRequest, c *collector) {
	if p := r.EnablePropagateAdditionalUserContextData; p != nil && *p && !r.hasSecret() {
		c.add("EnablePropagateAdditionalUserContextData", RuleContextDataNeedsSecret, true,
			"can be true only for a client with a secret (GenerateSecret or ClientSecret)")
	}
}

// F1: legacy flows and ALLOW_ flows do not mix.
func ruleExplicitFlowsNoLegacyMix(r *CreateUserPoolClientRequest, c *collector) {
	var legacy, allow bool
	for _, f := range r.ExplicitAuthFlows {
		if f.Valid() {
			legacy = legacy || f.Legacy()
			allow = allow || !f.Legacy()
		}
	}
	if legacy && allow {
		c.add("ExplicitAuthFlows", RuleExplicitFlowsNoLegacyMix, nil,
			"mixes legacy flows (without ALLOW_) with ALLOW_ flows")
	}
}

// F2: an ALLOW_ list keeps ALLOW_REFRESH_TOKEN_AUTH unless rotation is on.
func ruleRefreshTokenAuthRequired(r *CreateUserPoolClientRequest, c *collector) {
	if len(r.ExplicitAuthFlows) == 0 || r.rotationEnabled() {
		return
	}
	for _, f := range r.ExplicitAuthFlows {
		if !f.Valid() || f.Legacy() || f == ExplicitAuthFlowAllowRefreshTokenAuth {
			return
		}
	}
	c.add("ExplicitAuthFlows", RuleRefreshTokenAuthRequired, nil,
		"must include ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is enabled")
}

// F3: rotation replaces ALLOW_REFRESH_TOKEN_AUTH.
func ruleRotationForbidsRefreshTokenAuth(r *CreateUserPoolClientRequest, c *collector) {
	if !r.rotationEnabled() {
		return
	}
	for i, f := range r.ExplicitAuthFlows {
		if f == ExplicitAuthFlowAllowRefreshTokenAuth {
			c.add(index("ExplicitAuthFlows", i), RuleRotationForbidsRefreshTokenAuth, string(f),
				"ALLOW_REFRESH_TOKEN_AUTH is not allowed when refresh token rotation is enabled")
		}
	}
}

// T1: lifetimes, after unit conversion, within Cognito's bounds.
func ruleTokenValidityRange(r *CreateUserPoolClientRequest, c *collector) {
	var units TokenValidityUnits
	if r.TokenValidityUnits != nil {
		units = *r.TokenValidityUnits
	}
	tokenValidity(c, "AccessTokenValidity", r.AccessTokenValidity, 1, 86400, units.AccessToken, DefaultAccessTokenUnit,
		MinAccessTokenValidity, MaxAccessTokenValidity, "5 minutes to 1 day")
	tokenValidity(c, "IdTokenValidity", r.IDTokenValidity, 1, 86400, units.IDToken, DefaultIDTokenUnit,
		MinIDTokenValidity, MaxIDTokenValidity, "5 minutes to 1 day")
	if v := r.RefreshTokenValidity; v == nil || *v != 0 {
		tokenValidity(c, "RefreshTokenValidity", v, 0, 315360000, units.RefreshToken, DefaultRefreshTokenUnit,
			MinRefreshTokenValidity, MaxRefreshTokenValidity, "60 minutes to 3650 days")
	}
}

// tokenValidity checks one lifetime whose number passed its raw range lo..hi
// and whose unit is valid.
func tokenValidity(c *collector, field string, v *int32, lo, hi int32, unit, def TimeUnit, min, max time.Duration, bounds string) {
	if v == nil || *v < lo || *v > hi {
		return
	}
	if unit == "" {
		unit = def
	}
	if !unit.Valid() {
		return
	}
	d, ok := duration(*v, unit)
	if ok && min <= d && d <= max {
		return
	}
	c.add(field, RuleTokenValidityRange, *v, fmt.Sprintf("%s is outside %s", lifetime(*v, unit), bounds))
}

// lifetime spells out a number of units: "1 day", "90 minutes".
func lifetime(v int32, unit TimeUnit) string {
	s := strconv.FormatInt(int64(v), 10) + " " + string(unit)
	if v == 1 {
		s = strings.TrimSuffix(s, "s")
	}
	return s
}

// A1: email_verified is never writable by a client.
func ruleWriteAttributeNotWritable(r *CreateUserPoolClientRequest, c *collector) {
	for i, a := range r.WriteAttributes {
		if a == "email_verified" {
			c.add(index("WriteAttributes", i), RuleWriteAttributeNotWritable, a,
				`"email_verified" cannot be writable: Cognito sets it when the user verifies the address`)
		}
	}
}

// uriSchemeHost returns the RFC 3986 scheme of an absolute URI, scheme =
// ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ":", and the host of
// the authority that may follow ("//" authority): after any userinfo (up to
// the last "@"), before any port, an IP literal with its brackets. ok is false
// where u has no scheme; host is "" where it has no authority or an empty one.
func uriSchemeHost(u string) (scheme, host string, ok bool) {
	var rest string
	for i := 0; i < len(u); i++ {
		c := u[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
			continue
		}
		if i > 0 && c == ':' {
			scheme, rest, ok = u[:i], u[i+1:], true
		}
		break
	}
	if !ok || len(rest) < 2 || rest[0] != '/' || rest[1] != '/' {
		return scheme, "", ok
	}
	auth := rest[2:]
	for i := 0; i < len(auth); i++ {
		// A backslash is no authority character; browsers read it as "/".
		if c := auth[i]; c == '/' || c == '?' || c == '#' || c == '\\' {
			auth = auth[:i]
			break
		}
	}
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		auth = auth[i+1:]
	}
	if len(auth) > 0 && auth[0] == '[' {
		if i := strings.IndexByte(auth, ']'); i >= 0 && (i == len(auth)-1 || auth[i+1] == ':') {
			return scheme, auth[:i+1], true
		}
		return scheme, auth, true // not an IP literal: all of it is the host
	}
	if i := strings.IndexByte(auth, ':'); i >= 0 {
		auth = auth[:i]
	}
	return scheme, auth, true
}

// loopbackHost reports whether host is one of the three documented loopback
// hosts. Other spellings of loopback are not accepted by Cognito's documentation.
func loopbackHost(host string) bool {
	return strings.EqualFold(host, "localhost") || host == "127.0.0.1" || host == "[::1]"
}
