package appclient

import (
	"strings"
	"testing"
	"time"
)

// handCheck is the yardstick of Validate's speed: a straightforward
// hand-written check of the same model constraints and service rules, with
// the bounds written in, no reflection and no table, that answers only
// whether the request is valid. It uses the package's pattern matchers and URI
// parser, as any hand-written check would use such helpers. It is not used by
// the library; TestHandCheckAgrees keeps it honest.
func handCheck(r *CreateUserPoolClientRequest) bool {
	// Model constraints, member by member.
	if r.UserPoolID == "" || !lengthIn(r.UserPoolID, 1, 55) || matchUserPoolID(r.UserPoolID) >= 0 {
		return false
	}
	if r.ClientName == "" || !lengthIn(r.ClientName, 1, 128) || matchClientName(r.ClientName) >= 0 {
		return false
	}
	if s := r.ClientSecret; s != nil && (!lengthIn(*s, 24, 64) || matchClientSecret(*s) >= 0) {
		return false
	}
	if v := r.RefreshTokenValidity; v != nil && (*v < 0 || *v > 315360000) {
		return false
	}
	if v := r.AccessTokenValidity; v != nil && (*v < 1 || *v > 86400) {
		return false
	}
	if v := r.IDTokenValidity; v != nil && (*v < 1 || *v > 86400) {
		return false
	}
	if u := r.TokenValidityUnits; u != nil {
		for _, x := range [...]TimeUnit{u.AccessToken, u.IDToken, u.RefreshToken} {
			if x != "" && !x.Valid() {
				return false
			}
		}
	}
	for _, a := range r.ReadAttributes {
		if !lengthIn(a, 1, 2048) {
			return false
		}
	}
	for _, a := range r.WriteAttributes {
		if !lengthIn(a, 1, 2048) {
			return false
		}
	}
	for _, f := range r.ExplicitAuthFlows {
		if !f.Valid() && !f.lagging() {
			return false
		}
	}
	for _, p := range r.SupportedIdentityProviders {
		if !lengthIn(p, 1, 32) || matchProvider(p) >= 0 {
			return false
		}
	}
	if len(r.CallbackURLs) > 100 || len(r.LogoutURLs) > 100 {
		return false
	}
	for _, u := range r.CallbackURLs {
		if !lengthIn(u, 1, 1024) || matchRedirect(u) >= 0 {
			return false
		}
	}
	for _, u := range r.LogoutURLs {
		if !lengthIn(u, 1, 1024) || matchRedirect(u) >= 0 {
			return false
		}
	}
	if d := r.DefaultRedirectURI; d != nil && (!lengthIn(*d, 1, 1024) || matchRedirect(*d) >= 0) {
		return false
	}
	if len(r.AllowedOAuthFlows) > 3 {
		return false
	}
	for _, f := range r.AllowedOAuthFlows {
		if !f.Valid() {
			return false
		}
	}
	if len(r.AllowedOAuthScopes) > 50 {
		return false
	}
	for _, s := range r.AllowedOAuthScopes {
		if !lengthIn(s, 1, 256) || matchScope(s) >= 0 {
			return false
		}
	}
	if a := r.AnalyticsConfiguration; a != nil {
		if a.ApplicationID != nil && matchHex(*a.ApplicationID) >= 0 {
			return false
		}
		for _, arn := range [...]*string{a.ApplicationARN, a.RoleARN} {
			if arn != nil && (!lengthIn(*arn, 20, 2048) || matchARN(*arn) >= 0) {
				return false
			}
		}
		if a.ExternalID != nil && !lengthIn(*a.ExternalID, 0, 131072) {
			return false
		}
	}
	if p := r.PreventUserExistenceErrors; p != "" && !p.Valid() {
		return false
	}
	if v := r.AuthSessionValidity; v != nil && (*v < 3 || *v > 15) {
		return false
	}
	if rot := r.RefreshTokenRotation; rot != nil {
		if !rot.Feature.Valid() {
			return false
		}
		if g := rot.RetryGracePeriodSeconds; g != nil && (*g < 0 || *g > 60) {
			return false
		}
	}

	// Service rules.
	var code, implicit, cc bool
	for _, f := range r.AllowedOAuthFlows {
		code = code || f == OAuthFlowCode
		implicit = implicit || f == OAuthFlowImplicit
		cc = cc || f == OAuthFlowClientCredentials
	}
	secret := r.GenerateSecret || r.ClientSecret != nil
	if r.AllowedOAuthFlowsUserPoolClient {
		if len(r.AllowedOAuthFlows) == 0 || len(r.AllowedOAuthScopes) == 0 { // O1
			return false
		}
		if cc && (code || implicit || !secret) { // O2, O3
			return false
		}
		if (code || implicit) && len(r.CallbackURLs) == 0 { // O5
			return false
		}
		for _, s := range r.AllowedOAuthScopes {
			if reservedScope(s) {
				if cc { // O4
					return false
				}
				continue
			}
			if i := strings.LastIndexByte(s, '/'); i <= 0 || i == len(s)-1 { // O6
				return false
			}
		}
	}
	for _, u := range r.CallbackURLs { // U1-U3
		if redirectFaults(u) != 0 {
			return false
		}
	}
	if d := r.DefaultRedirectURI; d != nil { // U1-U4
		if redirectFaults(*d) != 0 {
			return false
		}
		found := false
		for _, u := range r.CallbackURLs {
			found = found || u == *d
		}
		if !found {
			return false
		}
	}
	if r.GenerateSecret && r.ClientSecret != nil { // S1
		return false
	}
	if p := r.EnablePropagateAdditionalUserContextData; p != nil && *p && !secret { // S2
		return false
	}
	rotation := r.RefreshTokenRotation != nil && r.RefreshTokenRotation.Feature == RotationFeatureEnabled
	var legacy, allow, refresh, lagging, clientToken, other bool
	for _, f := range r.ExplicitAuthFlows {
		other = other || f != ExplicitAuthFlowAllowClientTokenAuth
		legacy = legacy || f.Legacy()
		allow = allow || f.Valid() && !f.Legacy()
		lagging = lagging || f.lagging()
		refresh = refresh || f == ExplicitAuthFlowAllowRefreshTokenAuth
		clientToken = clientToken || f == ExplicitAuthFlowAllowClientTokenAuth
	}
	if legacy && allow { // F1
		return false
	}
	if allow && !legacy && !lagging && !refresh && !rotation && !clientToken { // F2
		return false
	}
	if clientToken && (other || !secret) { // F4, F5
		return false
	}
	if rotation && refresh { // F3
		return false
	}
	var units TokenValidityUnits // T1
	if r.TokenValidityUnits != nil {
		units = *r.TokenValidityUnits
	}
	if !handLifetime(r.AccessTokenValidity, units.AccessToken, TimeUnitHours, MinAccessTokenValidity, MaxAccessTokenValidity) ||
		!handLifetime(r.IDTokenValidity, units.IDToken, TimeUnitHours, MinIDTokenValidity, MaxIDTokenValidity) ||
		(r.RefreshTokenValidity != nil && *r.RefreshTokenValidity != 0 &&
			!handLifetime(r.RefreshTokenValidity, units.RefreshToken, TimeUnitDays, MinRefreshTokenValidity, MaxRefreshTokenValidity)) {
		return false
	}
	for _, a := range r.WriteAttributes { // A1
		if a == "email_verified" {
			return false
		}
	}
	return true
}

// handLifetime is T1 for one lifetime of handCheck.
func handLifetime(v *int32, unit, def TimeUnit, lo, hi time.Duration) bool {
	if v == nil {
		return true
	}
	if unit == "" {
		unit = def
	}
	d, ok := duration(*v, unit)
	return ok && lo <= d && d <= hi
}

// TestHandCheckAgrees: the yardstick and Validate agree on the benchmark
// requests and on every request of the validation and lint tests, so that
// the yardstick does the same work.
func TestHandCheckAgrees(t *testing.T) {
	var reqs []*CreateUserPoolClientRequest
	reqs = append(reqs, typicalRequest(), maximalRequest(), machine(), quietMachine())
	for _, cases := range [][]validationCase{modelConstraintCases(), serviceRuleCases()} {
		for _, tc := range cases {
			base := tc.base
			if base == nil {
				base = webApp
			}
			r := base()
			tc.mutate(r)
			reqs = append(reqs, r)
		}
	}
	for _, tc := range lintCases {
		base := tc.base
		if base == nil {
			base = quietWebApp
		}
		r := base()
		tc.mutate(r)
		reqs = append(reqs, r)
	}
	for i, r := range reqs {
		if got, want := handCheck(r), r.Validate() == nil; got != want {
			t.Errorf("request %d: handCheck = %v, Validate valid = %v (%v)", i, got, want, r.Validate())
		}
	}
}

// BenchmarkHandCheckTypical is the yardstick of BenchmarkValidateTypical.
func BenchmarkHandCheckTypical(b *testing.B) { benchmarkHand(b, typicalRequest()) }

// BenchmarkHandCheckMaximal is the yardstick of BenchmarkValidateMaximal.
func BenchmarkHandCheckMaximal(b *testing.B) { benchmarkHand(b, maximalRequest()) }

func benchmarkHand(b *testing.B, r *CreateUserPoolClientRequest) {
	if !handCheck(r) {
		b.Fatal("invalid")
	}
	b.ReportAllocs()
	for b.Loop() {
		if !handCheck(r) {
			b.Fatal("invalid")
		}
	}
}
