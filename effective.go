package appclient

import (
	"fmt"
	"slices"
	"time"
)

// The lists Cognito uses for ReadAttributes and WriteAttributes when a request
// leaves them out: the standard attributes of a user pool, which the client
// may all read, and all but the verification flags write.
var (
	effectiveReadAttributes = []string{
		"address", "birthdate", "email", "email_verified", "family_name", "gender", "given_name",
		"locale", "middle_name", "name", "nickname", "phone_number", "phone_number_verified",
		"picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo",
	}
	effectiveWriteAttributes = []string{
		"address", "birthdate", "email", "family_name", "gender", "given_name",
		"locale", "middle_name", "name", "nickname", "phone_number",
		"picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo",
	}
	// effectiveAuthFlows are the explicit authentication flows of a client
	// whose ExplicitAuthFlows is absent or empty.
	effectiveAuthFlows = []ExplicitAuthFlow{
		ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowCustomAuth,
	}
)

// Cognito's defaults for the members without a constant of their own.
const (
	// DefaultAuthSessionValidity is the AuthSessionValidity, in minutes, of a
	// request that leaves it out.
	DefaultAuthSessionValidity = 3
)

// Effective returns the configuration that r gives an app client once Cognito
// has applied its defaults to every member r leaves out, as the rule book's
// section on defaults lists them:
//
//   - token lifetimes: one hour for access and ID tokens and 30 days for
//     refresh tokens (also for a RefreshTokenValidity of 0), with units hours,
//     hours and days where TokenValidityUnits leaves them out; a lifetime
//     filled in is expressed in the unit given for it, or in hours where that
//     unit cannot express it exactly (one hour in days);
//   - ExplicitAuthFlows absent or empty: ALLOW_REFRESH_TOKEN_AUTH,
//     ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH;
//   - ReadAttributes absent or empty: every standard attribute;
//     WriteAttributes absent or empty: every standard attribute but
//     email_verified and phone_number_verified;
//   - PreventUserExistenceErrors LEGACY, EnableTokenRevocation true,
//     EnablePropagateAdditionalUserContextData false, AuthSessionValidity 3
//     minutes, RefreshTokenRotation DISABLED with a grace period of 0 seconds;
//   - the other lists, empty, become absent: both mean none.
//
// The secret becomes a yes or no: GenerateSecret reports whether the client has
// a secret (GenerateSecret or ClientSecret), and ClientSecret is nil, so the
// result never holds a secret value.
//
// Values are otherwise kept as r spells them, invalid ones included: a member
// whose unit is invalid keeps its absent value. The result shares no memory
// with r.
func (r *CreateUserPoolClientRequest) Effective() CreateUserPoolClientRequest {
	e := cloneRequest(r)
	e.GenerateSecret = r.GenerateSecret || r.ClientSecret != nil
	e.ClientSecret = nil

	units := TokenValidityUnits{}
	if r.TokenValidityUnits != nil {
		units = *r.TokenValidityUnits
	}
	fillLifetime(&e.AccessTokenValidity, &units.AccessToken, DefaultAccessTokenUnit, DefaultAccessTokenValidity, false)
	fillLifetime(&e.IDTokenValidity, &units.IDToken, DefaultIDTokenUnit, DefaultIDTokenValidity, false)
	fillLifetime(&e.RefreshTokenValidity, &units.RefreshToken, DefaultRefreshTokenUnit, DefaultRefreshTokenValidity, true)
	e.TokenValidityUnits = &units

	if len(e.ReadAttributes) == 0 {
		e.ReadAttributes = slices.Clone(effectiveReadAttributes)
	}
	if len(e.WriteAttributes) == 0 {
		e.WriteAttributes = slices.Clone(effectiveWriteAttributes)
	}
	if len(e.ExplicitAuthFlows) == 0 {
		e.ExplicitAuthFlows = slices.Clone(effectiveAuthFlows)
	}
	e.SupportedIdentityProviders = noneIfEmpty(e.SupportedIdentityProviders)
	e.CallbackURLs = noneIfEmpty(e.CallbackURLs)
	e.LogoutURLs = noneIfEmpty(e.LogoutURLs)
	e.AllowedOAuthFlows = noneIfEmpty(e.AllowedOAuthFlows)
	e.AllowedOAuthScopes = noneIfEmpty(e.AllowedOAuthScopes)

	if e.PreventUserExistenceErrors == "" {
		e.PreventUserExistenceErrors = UserExistenceErrorsLegacy
	}
	if e.EnableTokenRevocation == nil {
		e.EnableTokenRevocation = ptrTo(true)
	}
	if e.EnablePropagateAdditionalUserContextData == nil {
		e.EnablePropagateAdditionalUserContextData = ptrTo(false)
	}
	if e.AuthSessionValidity == nil {
		e.AuthSessionValidity = ptrTo[int32](DefaultAuthSessionValidity)
	}
	if e.RefreshTokenRotation == nil {
		e.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled}
	}
	if e.RefreshTokenRotation.RetryGracePeriodSeconds == nil {
		e.RefreshTokenRotation.RetryGracePeriodSeconds = ptrTo[int32](0)
	}
	return e
}

// fillLifetime fills in a token lifetime that is absent (or, for the refresh
// token, 0) with def, in *unit where it expresses def exactly and in hours
// otherwise, and fills in an absent unit with defUnit. A lifetime whose unit is
// invalid stays as it is.
func fillLifetime(v **int32, unit *TimeUnit, defUnit TimeUnit, def time.Duration, zeroIsDefault bool) {
	if *unit == "" {
		*unit = defUnit
	}
	if *v != nil && !(zeroIsDefault && **v == 0) {
		return
	}
	u := unit.Duration()
	if u == 0 {
		return
	}
	if def%u != 0 {
		*unit, u = TimeUnitHours, time.Hour
	}
	*v = ptrTo(int32(def / u))
}

// noneIfEmpty returns nil for an empty list, and the list otherwise.
func noneIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// Canonical returns the effective configuration of r ([CreateUserPoolClientRequest.Effective])
// spelled in one way per meaning, so that two requests that configure the same
// client have equal canonical forms (as reflect.DeepEqual and go-cmp see them)
// and two that do not, differ:
//
//   - every token lifetime that converts to a duration is expressed in the
//     largest unit that divides it ([InLargestUnit]): 60 minutes becomes 1 hours,
//     48 hours 2 days; one that does not (a negative value, an invalid unit)
//     keeps its value and unit;
//   - every list is sorted, without duplicates: Cognito's lists are sets.
//
// [Diff] reports exactly the members in which the canonical forms of its two
// arguments differ. The result shares no memory with r.
func (r *CreateUserPoolClientRequest) Canonical() CreateUserPoolClientRequest {
	c := r.Effective()
	u := c.TokenValidityUnits
	canonicalLifetime(&c.AccessTokenValidity, &u.AccessToken)
	canonicalLifetime(&c.IDTokenValidity, &u.IDToken)
	canonicalLifetime(&c.RefreshTokenValidity, &u.RefreshToken)
	c.ReadAttributes = set(c.ReadAttributes)
	c.WriteAttributes = set(c.WriteAttributes)
	c.ExplicitAuthFlows = set(c.ExplicitAuthFlows)
	c.SupportedIdentityProviders = set(c.SupportedIdentityProviders)
	c.CallbackURLs = set(c.CallbackURLs)
	c.LogoutURLs = set(c.LogoutURLs)
	c.AllowedOAuthFlows = set(c.AllowedOAuthFlows)
	c.AllowedOAuthScopes = set(c.AllowedOAuthScopes)
	return c
}

// canonicalLifetime rewrites a filled-in lifetime in the largest unit that
// expresses it exactly, if it converts to a duration.
func canonicalLifetime(v **int32, unit *TimeUnit) {
	d, ok := lifetimeOf(*v, *unit)
	if !ok {
		return
	}
	n, u, err := InLargestUnit(d)
	if err != nil {
		return // cannot happen: d came from an int32 number of a unit
	}
	*v, *unit = ptrTo(n), u
}

// set sorts s in place and drops its duplicates.
func set[S ~[]E, E ~string](s S) S {
	if s == nil {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// TokenLifetimes are the effective lifetimes of an app client's tokens.
type TokenLifetimes struct {
	// Access is the access-token lifetime.
	Access time.Duration
	// ID is the ID-token lifetime.
	ID time.Duration
	// Refresh is the refresh-token lifetime.
	Refresh time.Duration
}

// TokenLifetimes returns the lifetimes the request gives its tokens once
// Cognito has applied its defaults: one hour for access and ID tokens, 30 days
// for refresh tokens (also when RefreshTokenValidity is 0), with units hours,
// hours and days where TokenValidityUnits leaves them out. It fails, naming the
// member, where a unit is unknown (wrapping [ErrTimeUnit]), or a value is
// negative or a lifetime does not fit in a time.Duration (wrapping
// [ErrTokenValidity]). A refresh value of 0
// means the default whatever its unit. It does not check Cognito's bounds:
// that is Validate's job.
func (r *CreateUserPoolClientRequest) TokenLifetimes() (TokenLifetimes, error) {
	var units TokenValidityUnits
	if r.TokenValidityUnits != nil {
		units = *r.TokenValidityUnits
	}
	lt := TokenLifetimes{
		Access:  DefaultAccessTokenValidity,
		ID:      DefaultIDTokenValidity,
		Refresh: DefaultRefreshTokenValidity,
	}
	tokens := [...]struct {
		member string
		value  *int32
		unit   TimeUnit
		def    TimeUnit
		out    *time.Duration
	}{
		{"AccessTokenValidity", r.AccessTokenValidity, units.AccessToken, DefaultAccessTokenUnit, &lt.Access},
		{"IdTokenValidity", r.IDTokenValidity, units.IDToken, DefaultIDTokenUnit, &lt.ID},
		{"RefreshTokenValidity", r.RefreshTokenValidity, units.RefreshToken, DefaultRefreshTokenUnit, &lt.Refresh},
	}
	for _, t := range tokens {
		if t.value == nil || (t.out == &lt.Refresh && *t.value == 0) {
			continue
		}
		unit := t.unit
		if unit == "" {
			unit = t.def
		}
		d, err := Duration(*t.value, unit)
		if err != nil {
			return TokenLifetimes{}, fmt.Errorf("%s: %w", t.member, err)
		}
		*t.out = d
	}
	return lt, nil
}
