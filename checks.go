package appclient

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// finding is one finding of a check, before the rule's entry makes it a
// FieldError or an Advisory.
type finding struct {
	field string
	value any
	msg   string
}

// findings are what a check returns. The valid path returns nil and costs
// nothing; a check appends with add.
type findings []finding

// add records a finding on field.
func (f *findings) add(field string, value any, msg string) {
	*f = append(*f, finding{field, value, msg})
}

// index returns the path of element i of the list member name.
func index(name string, i int) string {
	return name + "[" + strconv.Itoa(i) + "]"
}

// reservedScopes are the OpenID Connect scopes and Cognito's own.
var reservedScopes = [...]string{"openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"}

// reservedScope reports whether s is a reserved scope.
func reservedScope(s string) bool {
	switch s {
	case "openid", "email", "phone", "profile", "aws.cognito.signin.user.admin":
		return true
	}
	return false
}

// secretBounds are ClientSecret's bounds, from its tag.
var secretBounds = memberBounds("ClientSecret")

// secretValid reports whether a ClientSecret passes its model constraints.
func secretValid(s string) bool {
	return lengthIn(s, int(secretBounds.lo), int(secretBounds.hi)) && matchClientSecret(s) < 0
}

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

// List sizes of the AWS model that service rules depend on, from the tags.
var (
	maxOAuthFlows   = int(memberBounds("AllowedOAuthFlows").hi)
	maxCallbackURLs = int(memberBounds("CallbackURLs").hi)
)

// clientToken reports whether ExplicitAuthFlows holds ALLOW_CLIENT_TOKEN_AUTH:
// then AllowedOAuthScopes are the scopes GetClientToken issues, whatever
// AllowedOAuthFlowsUserPoolClient says.
func (r *CreateUserPoolClientRequest) clientToken() bool {
	for _, flow := range r.ExplicitAuthFlows {
		if flow == ExplicitAuthFlowAllowClientTokenAuth {
			return true
		}
	}
	return false
}

// scopesUsed reports whether Cognito uses AllowedOAuthScopes: with OAuth on,
// or for GetClientToken.
func (r *CreateUserPoolClientRequest) scopesUsed() bool {
	return r.AllowedOAuthFlowsUserPoolClient || r.clientToken()
}

// oauthFlowsChecked reports whether the OAuth rules that read the whole list
// of flows run: OAuth is on, and the list is within its size (a list over its
// size failed its own model constraint).
func (r *CreateUserPoolClientRequest) oauthFlowsChecked() bool {
	return r.AllowedOAuthFlowsUserPoolClient && len(r.AllowedOAuthFlows) <= maxOAuthFlows
}

// O1: with OAuth on, flows and scopes must both be given.
func checkOAuthFlowsAndScopesRequired(r *CreateUserPoolClientRequest) (f findings) {
	if !r.AllowedOAuthFlowsUserPoolClient {
		return
	}
	const msg = "is required when AllowedOAuthFlowsUserPoolClient is true"
	if len(r.AllowedOAuthFlows) == 0 {
		f.add("AllowedOAuthFlows", nil, msg)
	}
	if len(r.AllowedOAuthScopes) == 0 {
		f.add("AllowedOAuthScopes", nil, msg)
	}
	return
}

// O2: client_credentials must be the only flow.
func checkClientCredentialsExclusive(r *CreateUserPoolClientRequest) (f findings) {
	if r.oauthFlowsChecked() && r.hasFlow(OAuthFlowClientCredentials) && (r.hasFlow(OAuthFlowCode) || r.hasFlow(OAuthFlowImplicit)) {
		f.add("AllowedOAuthFlows", nil, "client_credentials cannot be combined with code or implicit")
	}
	return
}

// O3: client_credentials needs a client secret.
func checkClientCredentialsNeedsSecret(r *CreateUserPoolClientRequest) (f findings) {
	if !r.oauthFlowsChecked() || r.hasSecret() {
		return
	}
	for i, flow := range r.AllowedOAuthFlows {
		if flow == OAuthFlowClientCredentials {
			f.add(index("AllowedOAuthFlows", i), string(flow),
				"client_credentials needs a client secret (set GenerateSecret or ClientSecret)")
		}
	}
	return
}

// O4: client_credentials cannot use the reserved scopes.
func checkClientCredentialsReservedScope(r *CreateUserPoolClientRequest) (f findings) {
	if !r.oauthFlowsChecked() || !r.hasFlow(OAuthFlowClientCredentials) {
		return
	}
	for i, s := range r.AllowedOAuthScopes {
		if reservedScope(s) {
			f.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q is not supported with client_credentials (use custom scopes)", s))
		}
	}
	return
}

// O5: the code and implicit flows redirect, so they need callback URLs.
func checkCodeImplicitNeedCallbacks(r *CreateUserPoolClientRequest) (f findings) {
	if r.oauthFlowsChecked() && len(r.CallbackURLs) == 0 && (r.hasFlow(OAuthFlowCode) || r.hasFlow(OAuthFlowImplicit)) {
		f.add("CallbackURLs", nil, "is required with the code and implicit flows")
	}
	return
}

// O6: a scope that is neither reserved nor "<resource-server>/<scope-name>"
// can never exist in any pool.
func checkScopeNotFound(r *CreateUserPoolClientRequest) (f findings) {
	if !r.AllowedOAuthFlowsUserPoolClient {
		return
	}
	for i, s := range r.AllowedOAuthScopes {
		slash := strings.LastIndexByte(s, '/')
		if slash > 0 && slash < len(s)-1 || reservedScope(s) || !scopeValid(s) {
			continue
		}
		msg := fmt.Sprintf("%s is not a custom scope: the resource server and the scope name must both be non-empty", quote(s))
		if slash < 0 {
			msg = fmt.Sprintf("%s is neither a reserved scope (openid, email, phone, profile, aws.cognito.signin.user.admin) nor a custom scope <resource-server>/<scope-name>", quote(s))
			if reserved := reservedFold(s); reserved != "" {
				msg += fmt.Sprintf(" (scopes are case-sensitive: did you mean %q?)", reserved)
			}
		}
		f.add(index("AllowedOAuthScopes", i), s, msg)
	}
	return
}

// reservedFold returns the reserved scope that s spells in another letter
// case, or "".
func reservedFold(s string) string {
	for _, r := range reservedScopes {
		if s != r && strings.EqualFold(s, r) {
			return r
		}
	}
	return ""
}

// redirects calls fn for each of CallbackURLs, then for DefaultRedirectURI,
// skipping values that broke their model constraints. It passes the list index,
// or -1 for DefaultRedirectURI; redirectField builds the member path on
// demand, so that the valid path allocates nothing.
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

// anyRedirect reports whether any redirect URI, valid or not, breaks a rule:
// the usual case is none, and each redirect rule costs one cheap pass.
func (r *CreateUserPoolClientRequest) anyRedirect(breaks func(string) bool) bool {
	for _, u := range r.CallbackURLs {
		if breaks(u) {
			return true
		}
	}
	return r.DefaultRedirectURI != nil && breaks(*r.DefaultRedirectURI)
}

// The redirect rules' tests of one URI. Each takes a shortcut for the usual
// "https://host/..." and "http://host/..." (TestRedirectShortcuts holds them
// to redirectFaults) and parses the URI fully otherwise.

func breaksHTTPS(u string) bool {
	if len(u) < 5 || !strings.EqualFold(u[:5], "http:") {
		return false // only an http URI can; most are https
	}
	if _, host, ok := simpleHTTP(u); ok {
		return host != "" && !loopbackHost(host)
	}
	return redirectFaults(u)&faultHTTP != 0
}

func breaksAbsolute(u string) bool {
	// An http or https URI whose authority starts with a letter or digit, and
	// with no "@" anywhere, has a host.
	if n := len("https://"); len(u) > n && u[:n] == "https://" && isAlnum(u[n]) && strings.IndexByte(u, '@') < 0 {
		return false
	}
	if _, host, ok := simpleHTTP(u); ok {
		return host == ""
	}
	return redirectFaults(u)&faultRelative != 0
}

func breaksNoFragment(u string) bool { return strings.IndexByte(u, '#') >= 0 }

// authorityEnd holds the bytes that end an authority.
var authorityEnd = [256]bool{'/': true, '?': true, '#': true, '\\': true}

// simpleHTTP returns the scheme and host of u where u starts with "https://"
// or "http://" and its authority holds neither userinfo nor an IP literal;
// ok is false for any other u.
func simpleHTTP(u string) (scheme, host string, ok bool) {
	switch {
	case strings.HasPrefix(u, "https://"):
		scheme, host = "https", u[len("https://"):]
	case strings.HasPrefix(u, "http://"):
		scheme, host = "http", u[len("http://"):]
	default:
		return "", "", false
	}
	for i := 0; i < len(host); i++ {
		if authorityEnd[host[i]] {
			host = host[:i]
			break
		}
	}
	if strings.IndexByte(host, '@') >= 0 || strings.IndexByte(host, '[') >= 0 {
		return "", "", false
	}
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return scheme, host, true
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
func checkRedirectHTTPS(r *CreateUserPoolClientRequest) (f findings) {
	if !r.anyRedirect(breaksHTTPS) {
		return
	}
	r.redirects(func(i int, u string) {
		if breaksHTTPS(u) {
			f.add(redirectField(i), u, fmt.Sprintf("%s cannot use http (only localhost, 127.0.0.1 and [::1] may)", quote(u)))
		}
	})
	return
}

// U2: redirect URIs are absolute; http and https ones name a host.
func checkRedirectAbsolute(r *CreateUserPoolClientRequest) (f findings) {
	if !r.anyRedirect(breaksAbsolute) {
		return
	}
	r.redirects(func(i int, u string) {
		if !breaksAbsolute(u) {
			return
		}
		msg := fmt.Sprintf("%s has no host", quote(u))
		if _, _, ok := uriSchemeHost(u); !ok {
			msg = fmt.Sprintf("%s is not an absolute URI (it has no scheme)", quote(u))
		}
		f.add(redirectField(i), u, msg)
	})
	return
}

// U3: no fragment, not even an empty one.
func checkRedirectNoFragment(r *CreateUserPoolClientRequest) (f findings) {
	if !r.anyRedirect(breaksNoFragment) {
		return
	}
	r.redirects(func(i int, u string) {
		if breaksNoFragment(u) {
			f.add(redirectField(i), u, fmt.Sprintf("%s has a fragment (#), which redirect URIs cannot have", quote(u)))
		}
	})
	return
}

// U4: the default redirect URI is one of the callback URLs, exactly.
func checkDefaultRedirectInCallbacks(r *CreateUserPoolClientRequest) (f findings) {
	if r.DefaultRedirectURI == nil || len(r.CallbackURLs) > maxCallbackURLs {
		return
	}
	d := *r.DefaultRedirectURI
	for _, u := range r.CallbackURLs {
		if u == d {
			return
		}
	}
	if redirectValid(d) {
		f.add("DefaultRedirectURI", d,
			fmt.Sprintf("%s is not one of CallbackURLs (they must match character for character)", quote(d)))
	}
	return
}

// S1: a secret is generated or given, not both.
func checkSecretGenerateOrCustom(r *CreateUserPoolClientRequest) (f findings) {
	if r.GenerateSecret && r.ClientSecret != nil && secretValid(*r.ClientSecret) {
		f.add("ClientSecret", nil, "cannot be set when GenerateSecret is true")
	}
	return
}

// S2: propagating user context data needs a secret.
func checkContextDataNeedsSecret(r *CreateUserPoolClientRequest) (f findings) {
	if p := r.EnablePropagateAdditionalUserContextData; p != nil && *p && !r.hasSecret() {
		f.add("EnablePropagateAdditionalUserContextData", true,
			"can be true only for a client with a secret (GenerateSecret or ClientSecret)")
	}
	return
}

// allowForm gives the ALLOW_ form of each legacy flow.
var allowForm = map[ExplicitAuthFlow]ExplicitAuthFlow{
	ExplicitAuthFlowAdminNoSRPAuth:     ExplicitAuthFlowAllowAdminUserPasswordAuth,
	ExplicitAuthFlowCustomAuthFlowOnly: ExplicitAuthFlowAllowCustomAuth,
	ExplicitAuthFlowUserPasswordAuth:   ExplicitAuthFlowAllowUserPasswordAuth,
}

// F1: legacy flows and ALLOW_ flows do not mix.
func checkExplicitFlowsNoLegacyMix(r *CreateUserPoolClientRequest) (f findings) {
	var legacy []string
	allow := false
	for i, flow := range r.ExplicitAuthFlows {
		switch {
		case !flow.Valid():
		case flow.Legacy():
			legacy = append(legacy, fmt.Sprintf("%s (ExplicitAuthFlows[%d]) with %s", flow, i, allowForm[flow]))
		default:
			allow = true
		}
	}
	if len(legacy) > 0 && allow {
		f.add("ExplicitAuthFlows", nil,
			"mixes legacy flows (without ALLOW_) with ALLOW_ flows: replace "+strings.Join(legacy, ", "))
	}
	return
}

// F2: an ALLOW_ list keeps ALLOW_REFRESH_TOKEN_AUTH unless rotation is on.
func checkRefreshTokenAuthRequired(r *CreateUserPoolClientRequest) (f findings) {
	if len(r.ExplicitAuthFlows) == 0 || r.rotationEnabled() {
		return
	}
	for _, flow := range r.ExplicitAuthFlows {
		// A client-token list gets no refresh token: F4 decides it.
		if !flow.Valid() || flow.Legacy() || flow == ExplicitAuthFlowAllowRefreshTokenAuth || flow == ExplicitAuthFlowAllowClientTokenAuth {
			return
		}
	}
	f.add("ExplicitAuthFlows", nil, "must include ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is enabled")
	return
}

// F3: rotation replaces ALLOW_REFRESH_TOKEN_AUTH.
func checkRotationForbidsRefreshTokenAuth(r *CreateUserPoolClientRequest) (f findings) {
	if !r.rotationEnabled() {
		return
	}
	for i, flow := range r.ExplicitAuthFlows {
		if flow == ExplicitAuthFlowAllowRefreshTokenAuth {
			f.add(index("ExplicitAuthFlows", i), string(flow),
				"ALLOW_REFRESH_TOKEN_AUTH is not allowed when refresh token rotation is enabled")
		}
	}
	return
}

// F4: ALLOW_CLIENT_TOKEN_AUTH is the client's only flow.
func checkClientTokenAuthAlone(r *CreateUserPoolClientRequest) (f findings) {
	if !r.clientToken() {
		return
	}
	var others []string
	for _, flow := range r.ExplicitAuthFlows {
		// Values that broke their enumeration are reported once, there.
		if flow != ExplicitAuthFlowAllowClientTokenAuth && (flow.Valid() || flow.lagging()) {
			others = append(others, string(flow))
		}
	}
	if len(others) > 0 {
		f.add("ExplicitAuthFlows", nil,
			"ALLOW_CLIENT_TOKEN_AUTH must be the only flow, but the list also holds "+strings.Join(others, ", ")+": use a separate client for user sign-in")
	}
	return
}

// F5: ALLOW_CLIENT_TOKEN_AUTH needs a client secret.
func checkClientTokenAuthNeedsSecret(r *CreateUserPoolClientRequest) (f findings) {
	if r.hasSecret() {
		return
	}
	for i, flow := range r.ExplicitAuthFlows {
		if flow == ExplicitAuthFlowAllowClientTokenAuth {
			f.add(index("ExplicitAuthFlows", i), string(flow),
				"ALLOW_CLIENT_TOKEN_AUTH needs a client secret (set GenerateSecret or ClientSecret)")
		}
	}
	return
}

// The raw ranges of the token lifetimes, from their tags: T1 looks only at
// numbers within them.
var (
	accessRange  = memberBounds("AccessTokenValidity")
	idRange      = memberBounds("IdTokenValidity")
	refreshRange = memberBounds("RefreshTokenValidity")
)

// T1: lifetimes, after unit conversion, within Cognito's bounds.
func checkTokenValidityRange(r *CreateUserPoolClientRequest) (f findings) {
	var units TokenValidityUnits
	if r.TokenValidityUnits != nil {
		units = *r.TokenValidityUnits
	}
	tokenValidity(&f, "AccessTokenValidity", r.AccessTokenValidity, accessRange, units.AccessToken, DefaultAccessTokenUnit,
		MinAccessTokenValidity, MaxAccessTokenValidity, "5 minutes to 1 day")
	tokenValidity(&f, "IdTokenValidity", r.IDTokenValidity, idRange, units.IDToken, DefaultIDTokenUnit,
		MinIDTokenValidity, MaxIDTokenValidity, "5 minutes to 1 day")
	if v := r.RefreshTokenValidity; v == nil || *v != 0 {
		tokenValidity(&f, "RefreshTokenValidity", v, refreshRange, units.RefreshToken, DefaultRefreshTokenUnit,
			MinRefreshTokenValidity, MaxRefreshTokenValidity, "60 minutes to 3650 days")
	}
	return
}

// tokenValidity checks one lifetime whose number passed its raw range and
// whose unit is valid.
func tokenValidity(f *findings, field string, v *int32, raw bounds, unit, def TimeUnit, min, max time.Duration, span string) {
	if v == nil || int64(*v) < raw.lo || int64(*v) > raw.hi {
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
	f.add(field, *v, fmt.Sprintf("%s is outside %s", lifetime(*v, unit), span))
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
func checkWriteAttributeNotWritable(r *CreateUserPoolClientRequest) (f findings) {
	for i, a := range r.WriteAttributes {
		if a == "email_verified" {
			f.add(index("WriteAttributes", i), a,
				`"email_verified" cannot be writable: Cognito sets it when the user verifies the address`)
		}
	}
	return
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

const oauthFlag = "AllowedOAuthFlowsUserPoolClient"
