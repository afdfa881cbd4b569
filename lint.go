package appclient

import (
	"fmt"
	"strings"
	"time"
)

// The checks of the advisories, in the rule book's order.

// W1: OAuth members without the OAuth flag, in one finding that names them
// all. A client of GetClientToken uses its scopes whatever the flag says.
func lintOAuthSettingsIgnored(r *CreateUserPoolClientRequest) (f findings) {
	if r.AllowedOAuthFlowsUserPoolClient {
		return
	}
	var ignored []string
	for _, m := range [...]struct {
		name string
		set  bool
	}{
		{"AllowedOAuthFlows", len(r.AllowedOAuthFlows) > 0},
		{"AllowedOAuthScopes", len(r.AllowedOAuthScopes) > 0 && !r.clientToken()},
		{"CallbackURLs", len(r.CallbackURLs) > 0},
		{"LogoutURLs", len(r.LogoutURLs) > 0},
	} {
		if m.set {
			ignored = append(ignored, m.name)
		}
	}
	if len(ignored) > 0 {
		f.add(oauthFlag, false, "is false, so Cognito ignores "+strings.Join(ignored, ", ")+": set it to true, or remove them")
	}
	return
}

// W2: the implicit grant.
func lintImplicitGrant(r *CreateUserPoolClientRequest) (f findings) {
	for i, flow := range r.AllowedOAuthFlows {
		if flow == OAuthFlowImplicit {
			f.add(index("AllowedOAuthFlows", i), string(flow),
				"the implicit grant returns tokens in the redirect, where they can leak (RFC 9700): use code with PKCE")
		}
	}
	return
}

// W3: OpenID Connect scopes without openid.
func lintOIDCScopeWithoutOpenID(r *CreateUserPoolClientRequest) (f findings) {
	for _, s := range r.AllowedOAuthScopes {
		if s == "openid" {
			return
		}
	}
	for i, s := range r.AllowedOAuthScopes {
		if s == "email" || s == "phone" || s == "profile" {
			f.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q works only in requests that also ask for openid, which AllowedOAuthScopes lacks", s))
		}
	}
	return
}

// W4: access or ID tokens that outlive the refresh token.
func lintTokenOutlivesRefresh(r *CreateUserPoolClientRequest) (f findings) {
	lt, err := r.TokenLifetimes()
	if err != nil || lt.Refresh < MinRefreshTokenValidity {
		return // broken lifetimes are Validate's
	}
	if v := r.AccessTokenValidity; v != nil && lt.Access > lt.Refresh {
		f.add("AccessTokenValidity", *v, outlives(lt.Access, lt.Refresh))
	}
	if v := r.IDTokenValidity; v != nil && lt.ID > lt.Refresh {
		f.add("IdTokenValidity", *v, outlives(lt.ID, lt.Refresh))
	}
	return
}

func outlives(d, refresh time.Duration) string {
	return fmt.Sprintf("the token lives %s, longer than the refresh token's %s, which ends the session first", span(d), span(refresh))
}

// span spells out a lifetime in its largest exact unit: "1 day", "90 minutes".
func span(d time.Duration) string {
	v, u, err := InLargestUnit(d)
	if err != nil {
		return d.String()
	}
	return lifetime(v, u)
}

// redirectLists calls fn for every entry of CallbackURLs, then of LogoutURLs.
func (r *CreateUserPoolClientRequest) redirectLists(fn func(field string, i int, u string)) {
	for i, u := range r.CallbackURLs {
		fn("CallbackURLs", i, u)
	}
	for i, u := range r.LogoutURLs {
		fn("LogoutURLs", i, u)
	}
}

// W5: wildcards in redirect URLs.
func lintRedirectWildcard(r *CreateUserPoolClientRequest) (f findings) {
	r.redirectLists(func(field string, i int, u string) {
		if strings.IndexByte(u, '*') >= 0 {
			f.add(index(field, i), u,
				fmt.Sprintf("%s holds a *, but Cognito compares redirect URLs character for character: a wildcard never matches", quote(u)))
		}
	})
	return
}

// httpLoopback reports whether u is plain http to a loopback host.
func httpLoopback(u string) bool {
	scheme, host, ok := uriSchemeHost(u)
	return ok && strings.EqualFold(scheme, "http") && loopbackHost(host)
}

// W6: http loopback callbacks.
func lintLoopbackRedirect(r *CreateUserPoolClientRequest) (f findings) {
	for i, u := range r.CallbackURLs {
		if httpLoopback(u) {
			f.add(index("CallbackURLs", i), u,
				fmt.Sprintf("%s is an http loopback URL, meant for testing: keep it out of production clients", quote(u)))
		}
	}
	return
}

// W7: http logout URLs to hosts other than loopback.
func lintLogoutHTTPS(r *CreateUserPoolClientRequest) (f findings) {
	for i, u := range r.LogoutURLs {
		if redirectFaults(u)&faultHTTP != 0 {
			f.add(index("LogoutURLs", i), u,
				fmt.Sprintf("%s uses http; use https (Cognito is believed to refuse http here as it does for callback URLs)", quote(u)))
		}
	}
	return
}

// W8: user existence errors not prevented.
func lintUserExistenceErrors(r *CreateUserPoolClientRequest) (f findings) {
	switch r.PreventUserExistenceErrors {
	case "":
		f.add("PreventUserExistenceErrors", nil,
			"is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED")
	case UserExistenceErrorsLegacy:
		f.add("PreventUserExistenceErrors", string(r.PreventUserExistenceErrors),
			"LEGACY lets sign-in and recovery tell callers which users exist; set it to ENABLED")
	}
	return
}

// W9: token revocation off.
func lintTokenRevocationOff(r *CreateUserPoolClientRequest) (f findings) {
	if p := r.EnableTokenRevocation; p != nil && !*p {
		f.add("EnableTokenRevocation", false, "is false: revoked refresh tokens keep working until they expire")
	}
	return
}

// passwordFlow reports whether f sends the password itself.
func passwordFlow(f ExplicitAuthFlow) bool {
	switch f {
	case ExplicitAuthFlowAllowUserPasswordAuth, ExplicitAuthFlowAllowAdminUserPasswordAuth,
		ExplicitAuthFlowUserPasswordAuth, ExplicitAuthFlowAdminNoSRPAuth:
		return true
	}
	return false
}

// W10: password flows.
func lintPasswordFlows(r *CreateUserPoolClientRequest) (f findings) {
	for i, flow := range r.ExplicitAuthFlows {
		if passwordFlow(flow) {
			f.add(index("ExplicitAuthFlows", i), string(flow),
				fmt.Sprintf("%s sends the password itself; ALLOW_USER_SRP_AUTH or ALLOW_USER_AUTH avoid that", flow))
		}
	}
	return
}

// longRefresh is the refresh-token lifetime beyond which W11 asks for rotation.
const longRefresh = DefaultRefreshTokenValidity

// W11: long refresh tokens without rotation.
func lintLongRefreshWithoutRotation(r *CreateUserPoolClientRequest) (f findings) {
	if r.RefreshTokenValidity == nil || r.rotationEnabled() {
		return
	}
	lt, err := r.TokenLifetimes()
	if err != nil || lt.Refresh <= longRefresh || lt.Refresh > MaxRefreshTokenValidity {
		return
	}
	f.add("RefreshTokenValidity", *r.RefreshTokenValidity,
		fmt.Sprintf("refresh tokens live %s, more than 30 days, without refresh token rotation: a leaked one stays usable that long", span(lt.Refresh)))
	return
}

// W12: rotation with the default flows.
func lintRotationWithDefaultFlows(r *CreateUserPoolClientRequest) (f findings) {
	if r.rotationEnabled() && len(r.ExplicitAuthFlows) == 0 {
		f.add("ExplicitAuthFlows", nil,
			"is left to its default, which includes ALLOW_REFRESH_TOKEN_AUTH, forbidden with refresh token rotation: list the flows without it")
	}
	return
}

// W13: duplicate list entries.
func lintDuplicateEntries(r *CreateUserPoolClientRequest) (f findings) {
	dups(&f, "ReadAttributes", r.ReadAttributes)
	dups(&f, "WriteAttributes", r.WriteAttributes)
	dups(&f, "ExplicitAuthFlows", r.ExplicitAuthFlows)
	dups(&f, "SupportedIdentityProviders", r.SupportedIdentityProviders)
	dups(&f, "CallbackURLs", r.CallbackURLs)
	dups(&f, "LogoutURLs", r.LogoutURLs)
	dups(&f, "AllowedOAuthFlows", r.AllowedOAuthFlows)
	dups(&f, "AllowedOAuthScopes", r.AllowedOAuthScopes)
	return
}

// dups reports every entry of list that repeats an earlier one.
func dups[T ~string](f *findings, name string, list []T) {
	first := map[T]int{}
	for i, v := range list {
		if j, ok := first[v]; ok {
			f.add(index(name, i), string(v), fmt.Sprintf("%s repeats %s[%d]", quote(string(v)), name, j))
			continue
		}
		first[v] = i
	}
}

// W14: a reserved scope in the wrong letter case.
func lintScopeReservedCase(r *CreateUserPoolClientRequest) (f findings) {
	for i, s := range r.AllowedOAuthScopes {
		if reserved := reservedFold(s); reserved != "" {
			f.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q is not %q: scopes are case-sensitive, and Cognito rejects it as a scope that does not exist", s, reserved))
		}
	}
	return
}

// W15: attributes that no client should write.
func lintPhoneNumberVerifiedWritable(r *CreateUserPoolClientRequest) (f findings) {
	for i, a := range r.WriteAttributes {
		switch a {
		case "phone_number_verified":
			f.add(index("WriteAttributes", i), a,
				`"phone_number_verified" should not be writable: Cognito sets it when the user verifies the number (as it does email_verified, which it refuses here)`)
		case "sub":
			f.add(index("WriteAttributes", i), a, `"sub" should not be writable: it is the user's immutable identifier`)
		}
	}
	return
}

// W16: analytics in neither documented form.
func lintAnalyticsIncomplete(r *CreateUserPoolClientRequest) (f findings) {
	a := r.AnalyticsConfiguration
	if a == nil {
		return
	}
	arnForm := a.ApplicationARN != nil && a.ApplicationID == nil && a.RoleARN == nil && a.ExternalID == nil
	idForm := a.ApplicationARN == nil && a.ApplicationID != nil && a.RoleARN != nil && a.ExternalID != nil
	if arnForm || idForm {
		return
	}
	var msg string
	switch {
	case a.ApplicationARN != nil && a.ApplicationID != nil:
		msg = "gives both ApplicationArn and ApplicationId: give ApplicationArn alone, or ApplicationId with RoleArn and ExternalId"
	case a.ApplicationARN != nil:
		msg = "gives RoleArn or ExternalId with ApplicationArn, which needs neither: give ApplicationArn alone"
	case a.ApplicationID != nil:
		msg = "gives ApplicationId without both RoleArn and ExternalId, which it needs"
	default:
		msg = "names no Amazon Pinpoint project: give ApplicationArn, or ApplicationId with RoleArn and ExternalId"
	}
	f.add("AnalyticsConfiguration", nil, msg)
	return
}

// W17: redirect schemes that run code or read files.
func lintRedirectSchemeUnsafe(r *CreateUserPoolClientRequest) (f findings) {
	r.redirectLists(func(field string, i int, u string) {
		scheme, _, ok := uriSchemeHost(u)
		if !ok {
			return
		}
		for _, bad := range [...]string{"javascript", "data", "vbscript", "file"} {
			if strings.EqualFold(scheme, bad) {
				f.add(index(field, i), u,
					fmt.Sprintf("%s uses the %s scheme: a browser that follows it runs code or reads local files", quote(u), strings.ToLower(scheme)))
			}
		}
	})
	return
}

// W18: a machine client that allows user sign-in.
func lintMachineClientUserFlows(r *CreateUserPoolClientRequest) (f findings) {
	if !r.hasFlow(OAuthFlowClientCredentials) {
		return
	}
	if len(r.ExplicitAuthFlows) == 0 {
		f.add("ExplicitAuthFlows", nil,
			"is left to its default, which allows user sign-in, on a client_credentials client: set it to [ALLOW_REFRESH_TOKEN_AUTH]")
		return
	}
	for i, flow := range r.ExplicitAuthFlows {
		// ALLOW_CLIENT_TOKEN_AUTH signs the client in, not a user.
		if flow.Valid() && flow != ExplicitAuthFlowAllowRefreshTokenAuth && flow != ExplicitAuthFlowAllowClientTokenAuth {
			f.add(index("ExplicitAuthFlows", i), string(flow),
				fmt.Sprintf("%s allows user sign-in on a client_credentials client, which needs none", flow))
		}
	}
	return
}

// W19: a well-formed flow that this version does not know.
func lintUnknownAuthFlow(r *CreateUserPoolClientRequest) (f findings) {
	for i, flow := range r.ExplicitAuthFlows {
		if flow.lagging() {
			f.add(index("ExplicitAuthFlows", i), string(flow),
				fmt.Sprintf("%s is not one of the flows this version knows (%s): Cognito rejects a flow it does not know, so check the name against the AWS documentation, or upgrade appclient if the flow is new", quote(string(flow)), wantAuthFlows))
		}
	}
	return
}

// W20: a reserved scope on a client of GetClientToken, which issues custom
// scopes only. Where the client also has the code or implicit grant, the
// scope serves that grant and is not reported.
func lintClientTokenReservedScope(r *CreateUserPoolClientRequest) (f findings) {
	if !r.clientToken() || r.AllowedOAuthFlowsUserPoolClient && (r.hasFlow(OAuthFlowCode) || r.hasFlow(OAuthFlowImplicit)) {
		return
	}
	for i, s := range r.AllowedOAuthScopes {
		if reservedScope(s) {
			f.add(index("AllowedOAuthScopes", i), s,
				fmt.Sprintf("%q is a reserved scope, which GetClientToken never issues: ALLOW_CLIENT_TOKEN_AUTH clients get custom scopes of resource servers only", s))
		}
	}
	return
}
