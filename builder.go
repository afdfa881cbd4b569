package appclient

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Builder builds a [CreateUserPoolClientRequest] one member at a time.
//
// A Builder is a value. Every method has a value receiver and returns a
// modified copy, so a Builder can be stored, passed around and forked: two
// builders derived from one share nothing that either can change, and a
// request returned by [Builder.Build] shares no memory with the builder.
//
// There is one setter per member, named like the request's Go field, that
// takes a plain value and replaces the member: the last call wins. List setters
// replace the list and the Add variants append to it. A list setter called
// without arguments (or with a nil slice) makes the member absent; given an
// empty, non-nil slice, it sends an empty list. Token lifetimes and other
// durations go in as [time.Duration] and come out as a number and, for token
// lifetimes, its unit.
// The members without a setter of their own are TokenValidityUnits, which the
// three token-lifetime setters keep consistent with their values, and
// AnalyticsConfiguration, which [Builder.AnalyticsApplicationARN] and
// [Builder.AnalyticsApplicationID] set in its two valid forms. [Builder.Edit]
// reaches everything else, including making a member absent again.
//
// Setters never panic and never fail. A duration that cannot be sent exactly
// (a negative one, or one with a part smaller than the member's unit) leaves
// its member as it was and is reported by Build, together with everything
// [CreateUserPoolClientRequest.Validate] finds.
//
// Besides the setters, the grant methods ([Builder.AuthorizationCodeGrant],
// [Builder.ImplicitGrant], [Builder.ClientCredentialsGrant],
// [Builder.ClientTokenAuth]) set the members
// that one OAuth grant needs, and [NewWebAppBuilder], [NewPublicClientBuilder]
// and [NewMachineToMachineBuilder] start from the settings that current advice
// gives each common kind of client.
//
// The zero Builder is ready to use; it builds a request without a user pool ID
// or client name, which Build reports as missing.
type Builder struct {
	req      CreateUserPoolClientRequest
	problems [numDurationMembers]durationProblem
}

// durationMember identifies a member that a Builder sets from a time.Duration,
// in the request's member order.
type durationMember uint8

const (
	durRefreshToken durationMember = iota
	durAccessToken
	durIDToken
	durAuthSession
	durGracePeriod
	numDurationMembers
)

// durationFields gives, for each duration member, the AWS member path that its
// problem names, followed by the other members its setter sets: Validate's
// findings on any of them are left out while the setter's problem stands.
var durationFields = [numDurationMembers][]string{
	durRefreshToken: {"RefreshTokenValidity", "TokenValidityUnits.RefreshToken"},
	durAccessToken:  {"AccessTokenValidity", "TokenValidityUnits.AccessToken"},
	durIDToken:      {"IdTokenValidity", "TokenValidityUnits.IdToken"},
	durAuthSession:  {"AuthSessionValidity"},
	durGracePeriod:  {"RefreshTokenRotation.RetryGracePeriodSeconds"},
}

// durationProblem records a duration that a setter could not express; an empty
// message means there is none.
type durationProblem struct {
	value time.Duration
	msg   string
}

// RuleDuration is the Rule of the problems that [Builder.Build] finds in the
// builder itself rather than in the request: a duration given to a setter that
// no unit of its member expresses exactly. Unlike the other rules, it never
// reaches Cognito, so such a FieldError has Exception "".
const RuleDuration = "duration"

// NewBuilder returns a Builder for an app client named clientName in the user
// pool userPoolID, with every other member absent.
func NewBuilder(userPoolID, clientName string) Builder {
	var b Builder
	b.req.UserPoolID = userPoolID
	b.req.ClientName = clientName
	return b
}

// NewWebAppBuilder returns a Builder for a server-side web application: a
// confidential client that signs users in through managed login with the
// authorization-code grant and redeems codes with its client secret. It sets
//
//   - GenerateSecret to true;
//   - AllowedOAuthFlowsUserPoolClient to true, AllowedOAuthFlows to ["code"] and
//     CallbackURLs to callbackURLs;
//   - SupportedIdentityProviders to ["COGNITO"] (add federated providers with
//     [Builder.AddSupportedIdentityProviders]);
//   - ExplicitAuthFlows to ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]: no
//     flow that sends the password;
//   - EnableTokenRevocation to true and PreventUserExistenceErrors to ENABLED.
//
// What only the caller knows is left to the caller: the request builds once
// it has at least one callback URL and the scopes the app asks for
// ([Builder.AllowedOAuthScopes], such as "openid" and "email").
func NewWebAppBuilder(userPoolID, clientName string, callbackURLs ...string) Builder {
	return NewBuilder(userPoolID, clientName).
		recommended().
		GenerateSecret(true).
		SupportedIdentityProviders("COGNITO").
		ExplicitAuthFlows(ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth).
		AuthorizationCodeGrant(callbackURLs...)
}

// NewPublicClientBuilder returns a Builder for a public client: a single-page,
// mobile, desktop or command-line app that runs where a secret cannot be kept.
// It is [NewWebAppBuilder] without a client secret: the app uses the
// authorization-code grant with PKCE, which Cognito supports for clients
// without a secret, and never the implicit grant. The request builds once it
// has at least one callback URL (an https URL, an app scheme such as
// "myapp://callback", or an http loopback URL for a command-line app) and its
// scopes.
func NewPublicClientBuilder(userPoolID, clientName string, callbackURLs ...string) Builder {
	return NewBuilder(userPoolID, clientName).
		recommended().
		SupportedIdentityProviders("COGNITO").
		ExplicitAuthFlows(ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth).
		AuthorizationCodeGrant(callbackURLs...)
}

// NewMachineToMachineBuilder returns a Builder for a machine-to-machine client:
// a service that gets access tokens for itself with the client-credentials
// grant. It sets what [Builder.ClientCredentialsGrant] sets (the flow, the
// scopes and a generated secret), ExplicitAuthFlows to
// ["ALLOW_REFRESH_TOKEN_AUTH"] alone so that the client cannot sign users in,
// EnableTokenRevocation to true and PreventUserExistenceErrors to ENABLED.
//
// The scopes are custom scopes "<resource-server-identifier>/<scope-name>" of
// the pool's resource servers; the request builds once it has at least one.
func NewMachineToMachineBuilder(userPoolID, clientName string, scopes ...string) Builder {
	return NewBuilder(userPoolID, clientName).
		recommended().
		ExplicitAuthFlows(ExplicitAuthFlowAllowRefreshTokenAuth).
		ClientCredentialsGrant(scopes...)
}

// NewClientTokenBuilder returns a Builder for a client of GetClientToken: a
// service that gets access tokens for itself from the Cognito API, without
// the OAuth token endpoint. It sets what [Builder.ClientTokenAuth] sets
// (ExplicitAuthFlows to ["ALLOW_CLIENT_TOKEN_AUTH"] alone, the scopes and a
// generated secret), EnableTokenRevocation to true and
// PreventUserExistenceErrors to ENABLED. The OAuth flag stays off: the
// client needs no OAuth flow.
//
// The scopes are custom scopes "<resource-server-identifier>/<scope-name>" of
// the pool's resource servers; GetClientToken issues no other.
func NewClientTokenBuilder(userPoolID, clientName string, scopes ...string) Builder {
	return NewBuilder(userPoolID, clientName).
		recommended().
		ClientTokenAuth(scopes...)
}

// recommended sets what current advice wants of every kind of client.
func (b Builder) recommended() Builder {
	return b.EnableTokenRevocation(true).PreventUserExistenceErrors(UserExistenceErrorsEnabled)
}

// Build returns a copy of the request that shares no memory with the builder,
// if the builder has no problem and the request passes
// [CreateUserPoolClientRequest.Validate].
//
// Otherwise it returns the zero request (use [Builder.Request] to see the
// request it refused) and a *[ValidationError] that holds
// every problem: first those of the builder itself, in member order, then
// Validate's. A problem of the builder itself is a duration given to a setter
// that no unit of its member expresses exactly (a negative one, or one with a
// part smaller than the unit): its [FieldError] has the member's path as
// Field, such as "AccessTokenValidity" or
// "RefreshTokenRotation.RetryGracePeriodSeconds", Rule [RuleDuration], the
// time.Duration given as Value, Err [ErrTokenValidity] and Exception "", since
// such a value never reaches Cognito.
//
// While a setter's problem stands, Validate's findings on the members that
// setter sets are left out: they are about the value the failed call left in
// place, which the caller has already replaced, so each member is reported
// once, for the caller's last call.
func (b Builder) Build() (CreateUserPoolClientRequest, error) {
	req := cloneRequest(&b.req)
	var errs []*FieldError
	for m, p := range b.problems {
		if p.msg == "" {
			continue
		}
		errs = append(errs, &FieldError{
			Field:   durationFields[m][0],
			Rule:    RuleDuration,
			Value:   p.value,
			Message: p.msg,
			Err:     ErrTokenValidity,
		})
	}
	if err := req.Validate(); err != nil {
		ve, ok := err.(*ValidationError)
		if !ok {
			return CreateUserPoolClientRequest{}, err
		}
		for _, fe := range ve.Errors {
			if !b.hides(fe.Field) {
				errs = append(errs, fe)
			}
		}
	}
	if len(errs) == 0 {
		return req, nil
	}
	return CreateUserPoolClientRequest{}, &ValidationError{Errors: errs}
}

// Request returns a copy of the request as the builder holds it, whether or
// not it is valid, sharing no memory with the builder: for logging the request
// that Build refused, or for inspecting one before building it. A setter's
// duration that could not be expressed is not in it (the member keeps its
// earlier value); Build reports it.
func (b Builder) Request() CreateUserPoolClientRequest {
	return cloneRequest(&b.req)
}

// hides reports whether field is set by a setter whose problem stands.
func (b Builder) hides(field string) bool {
	for m, p := range b.problems {
		if p.msg != "" && slices.Contains(durationFields[m], field) {
			return true
		}
	}
	return false
}

// Edit returns a copy of b whose request is what f makes of a copy of b's
// request. It reaches what the setters do not: making an optional member
// absent again, or setting TokenValidityUnits or AnalyticsConfiguration
// directly. f may keep or change the values it finds, and b keeps none of the
// memory f leaves behind, so forks stay independent. A duration problem that an
// earlier setter recorded is dropped if f changes the member concerned: the
// last change wins. A nil f changes nothing.
func (b Builder) Edit(f func(r *CreateUserPoolClientRequest)) Builder {
	if f == nil {
		return b
	}
	r := cloneRequest(&b.req)
	f(&r)
	for m := range b.problems {
		if !sameDurationMember(&b.req, &r, durationMember(m)) {
			b.problems[m] = durationProblem{}
		}
	}
	b.req = cloneRequest(&r)
	return b
}

// sameDurationMember reports whether a and b agree on the members that the
// setter of m sets.
func sameDurationMember(a, b *CreateUserPoolClientRequest, m durationMember) bool {
	var ua, ub TokenValidityUnits
	if a.TokenValidityUnits != nil {
		ua = *a.TokenValidityUnits
	}
	if b.TokenValidityUnits != nil {
		ub = *b.TokenValidityUnits
	}
	switch m {
	case durRefreshToken:
		return samePtr(a.RefreshTokenValidity, b.RefreshTokenValidity) && ua.RefreshToken == ub.RefreshToken
	case durAccessToken:
		return samePtr(a.AccessTokenValidity, b.AccessTokenValidity) && ua.AccessToken == ub.AccessToken
	case durIDToken:
		return samePtr(a.IDTokenValidity, b.IDTokenValidity) && ua.IDToken == ub.IDToken
	case durAuthSession:
		return samePtr(a.AuthSessionValidity, b.AuthSessionValidity)
	case durGracePeriod:
		// Removing RefreshTokenRotation altogether changes its grace period
		// too, even one that was absent.
		ra, rb := a.RefreshTokenRotation, b.RefreshTokenRotation
		if ra == nil || rb == nil {
			return ra == rb
		}
		return samePtr(ra.RetryGracePeriodSeconds, rb.RetryGracePeriodSeconds)
	}
	return true
}

// samePtr reports whether a and b are both nil or point to equal values.
func samePtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// UserPoolID sets the ID of the user pool, such as "us-east-1_AbC123xyz".
func (b Builder) UserPoolID(id string) Builder {
	b.req.UserPoolID = id
	return b
}

// ClientName sets the app client's display name.
func (b Builder) ClientName(name string) Builder {
	b.req.ClientName = name
	return b
}

// GenerateSecret sets whether Cognito generates a client secret. It must be
// false when ClientSecret is set.
func (b Builder) GenerateSecret(generate bool) Builder {
	b.req.GenerateSecret = generate
	return b
}

// ClientSecret sets a client secret of the caller's choosing, 24 to 64 ASCII
// letters, digits, underscores and plus signs, and turns GenerateSecret off: a
// client has one secret, generated or given, so on a starting point that
// generates one ([NewWebAppBuilder], [NewMachineToMachineBuilder]) it means
// "use this secret instead". A later GenerateSecret(true) makes the request
// ask for both, which Build reports.
func (b Builder) ClientSecret(secret string) Builder {
	b.req.ClientSecret = &secret
	b.req.GenerateSecret = false
	return b
}

// RefreshTokenValidity sets the refresh-token lifetime, as RefreshTokenValidity
// and TokenValidityUnits.RefreshToken in the largest unit that expresses d
// exactly (see [InLargestUnit]): 30 days is (30, days), 90 minutes is (90,
// minutes). Cognito accepts 60 minutes to 3650 days; 0 means its default of 30
// days. A negative d or one with a part smaller than a second is reported by
// Build.
func (b Builder) RefreshTokenValidity(d time.Duration) Builder {
	return b.tokenValidity(durRefreshToken, d)
}

// AccessTokenValidity sets the access-token lifetime, as AccessTokenValidity and
// TokenValidityUnits.AccessToken in the largest unit that expresses d exactly
// (see [InLargestUnit]). Cognito accepts 5 minutes to 1 day. A negative d or one
// with a part smaller than a second is reported by Build.
func (b Builder) AccessTokenValidity(d time.Duration) Builder {
	return b.tokenValidity(durAccessToken, d)
}

// IDTokenValidity sets the ID-token lifetime, as IDTokenValidity and
// TokenValidityUnits.IDToken in the largest unit that expresses d exactly (see
// [InLargestUnit]). Cognito accepts 5 minutes to 1 day. A negative d or one with a
// part smaller than a second is reported by Build.
func (b Builder) IDTokenValidity(d time.Duration) Builder {
	return b.tokenValidity(durIDToken, d)
}

// tokenValidity sets the value and unit of one token lifetime, or records why
// it cannot.
func (b Builder) tokenValidity(m durationMember, d time.Duration) Builder {
	v, unit, err := InLargestUnit(d)
	if err != nil {
		// The sentinel's text ("token validity out of range") does not describe
		// every case; the FieldError carries the sentinel in Err instead.
		msg := strings.TrimPrefix(err.Error(), ErrTokenValidity.Error()+": ")
		b.problems[m] = durationProblem{value: d, msg: msg}
		return b
	}
	b.problems[m] = durationProblem{}
	var units TokenValidityUnits
	if b.req.TokenValidityUnits != nil {
		units = *b.req.TokenValidityUnits
	}
	switch m {
	case durRefreshToken:
		b.req.RefreshTokenValidity = &v
		units.RefreshToken = unit
	case durAccessToken:
		b.req.AccessTokenValidity = &v
		units.AccessToken = unit
	case durIDToken:
		b.req.IDTokenValidity = &v
		units.IDToken = unit
	}
	b.req.TokenValidityUnits = &units
	return b
}

// ReadAttributes sets the user attributes the client may read, replacing any
// set before. Called without arguments, it makes the member absent (every
// standard attribute).
func (b Builder) ReadAttributes(attributes ...string) Builder {
	b.req.ReadAttributes = slices.Clone(attributes)
	return b
}

// AddReadAttributes appends to the user attributes the client may read.
func (b Builder) AddReadAttributes(attributes ...string) Builder {
	b.req.ReadAttributes = appendCopy(b.req.ReadAttributes, attributes)
	return b
}

// WriteAttributes sets the user attributes the client may write, replacing any
// set before. Called without arguments, it makes the member absent (every
// standard attribute).
func (b Builder) WriteAttributes(attributes ...string) Builder {
	b.req.WriteAttributes = slices.Clone(attributes)
	return b
}

// AddWriteAttributes appends to the user attributes the client may write.
func (b Builder) AddWriteAttributes(attributes ...string) Builder {
	b.req.WriteAttributes = appendCopy(b.req.WriteAttributes, attributes)
	return b
}

// ExplicitAuthFlows sets the authentication flows the client allows, replacing
// any set before. Called without arguments, it makes the member absent
// (Cognito's default flows).
func (b Builder) ExplicitAuthFlows(flows ...ExplicitAuthFlow) Builder {
	b.req.ExplicitAuthFlows = slices.Clone(flows)
	return b
}

// AddExplicitAuthFlows appends to the authentication flows the client allows.
func (b Builder) AddExplicitAuthFlows(flows ...ExplicitAuthFlow) Builder {
	b.req.ExplicitAuthFlows = appendCopy(b.req.ExplicitAuthFlows, flows)
	return b
}

// SupportedIdentityProviders sets the identity providers that managed login
// offers, such as "COGNITO" or the name of one of the pool's SAML or OIDC
// providers, replacing any set before. Called without arguments, it makes the
// member absent.
func (b Builder) SupportedIdentityProviders(providers ...string) Builder {
	b.req.SupportedIdentityProviders = slices.Clone(providers)
	return b
}

// AddSupportedIdentityProviders appends to the identity providers that managed
// login offers.
func (b Builder) AddSupportedIdentityProviders(providers ...string) Builder {
	b.req.SupportedIdentityProviders = appendCopy(b.req.SupportedIdentityProviders, providers)
	return b
}

// CallbackURLs sets the redirect URIs managed login may send users back to,
// replacing any set before. Called without arguments, it makes the member
// absent.
func (b Builder) CallbackURLs(urls ...string) Builder {
	b.req.CallbackURLs = slices.Clone(urls)
	return b
}

// AddCallbackURLs appends to the redirect URIs managed login may send users
// back to.
func (b Builder) AddCallbackURLs(urls ...string) Builder {
	b.req.CallbackURLs = appendCopy(b.req.CallbackURLs, urls)
	return b
}

// LogoutURLs sets the allowed logout_uri targets, replacing any set before.
// Called without arguments, it makes the member absent.
func (b Builder) LogoutURLs(urls ...string) Builder {
	b.req.LogoutURLs = slices.Clone(urls)
	return b
}

// AddLogoutURLs appends to the allowed logout_uri targets.
func (b Builder) AddLogoutURLs(urls ...string) Builder {
	b.req.LogoutURLs = appendCopy(b.req.LogoutURLs, urls)
	return b
}

// DefaultRedirectURI sets the redirect URI used when a sign-in request names
// none. It must also be one of the callback URLs.
func (b Builder) DefaultRedirectURI(uri string) Builder {
	b.req.DefaultRedirectURI = &uri
	return b
}

// AllowedOAuthFlows sets the OAuth 2.0 grants the client may use, replacing any
// set before. Called without arguments, it makes the member absent.
func (b Builder) AllowedOAuthFlows(flows ...OAuthFlow) Builder {
	b.req.AllowedOAuthFlows = slices.Clone(flows)
	return b
}

// AddAllowedOAuthFlows appends to the OAuth 2.0 grants the client may use.
func (b Builder) AddAllowedOAuthFlows(flows ...OAuthFlow) Builder {
	b.req.AllowedOAuthFlows = appendCopy(b.req.AllowedOAuthFlows, flows)
	return b
}

// AllowedOAuthScopes sets the scopes the client may request, replacing any set
// before. Called without arguments, it makes the member absent.
func (b Builder) AllowedOAuthScopes(scopes ...string) Builder {
	b.req.AllowedOAuthScopes = slices.Clone(scopes)
	return b
}

// AddAllowedOAuthScopes appends to the scopes the client may request.
func (b Builder) AddAllowedOAuthScopes(scopes ...string) Builder {
	b.req.AllowedOAuthScopes = appendCopy(b.req.AllowedOAuthScopes, scopes)
	return b
}

// AllowedOAuthFlowsUserPoolClient sets whether the client uses the OAuth 2.0
// features of the user pool: flows, scopes, callback and logout URLs.
func (b Builder) AllowedOAuthFlowsUserPoolClient(allowed bool) Builder {
	b.req.AllowedOAuthFlowsUserPoolClient = allowed
	return b
}

// AnalyticsApplicationARN sends the client's events to the Amazon Pinpoint
// project with the ARN arn, through Cognito's service-linked role. It replaces
// the whole AnalyticsConfiguration.
func (b Builder) AnalyticsApplicationARN(arn string, userDataShared bool) Builder {
	b.req.AnalyticsConfiguration = &AnalyticsConfiguration{
		ApplicationARN: &arn,
		UserDataShared: userDataShared,
	}
	return b
}

// AnalyticsApplicationID sends the client's events to the Amazon Pinpoint
// project applicationID, through the IAM role roleARN that Cognito assumes
// with externalID. It replaces the whole AnalyticsConfiguration.
func (b Builder) AnalyticsApplicationID(applicationID, roleARN, externalID string, userDataShared bool) Builder {
	b.req.AnalyticsConfiguration = &AnalyticsConfiguration{
		ApplicationID:  &applicationID,
		RoleARN:        &roleARN,
		ExternalID:     &externalID,
		UserDataShared: userDataShared,
	}
	return b
}

// PreventUserExistenceErrors sets whether sign-in, confirmation and recovery
// hide that a user does not exist: [UserExistenceErrorsEnabled] hides it. ""
// makes the member absent (LEGACY, which reveals it).
func (b Builder) PreventUserExistenceErrors(setting UserExistenceErrors) Builder {
	b.req.PreventUserExistenceErrors = setting
	return b
}

// EnableTokenRevocation sets whether refresh tokens can be revoked.
func (b Builder) EnableTokenRevocation(enable bool) Builder {
	b.req.EnableTokenRevocation = &enable
	return b
}

// EnablePropagateAdditionalUserContextData sets whether the app may send extra
// user context data to threat protection; true needs a client secret.
func (b Builder) EnablePropagateAdditionalUserContextData(enable bool) Builder {
	b.req.EnablePropagateAdditionalUserContextData = &enable
	return b
}

// AuthSessionValidity sets the lifetime of the session token that links the
// challenges of one authentication flow. The member counts whole minutes, so d
// must be a whole number of minutes, and Cognito accepts 3 to 15 of them. A
// negative d or one with a part smaller than a minute is reported by Build.
func (b Builder) AuthSessionValidity(d time.Duration) Builder {
	switch {
	case d < 0:
		b.problems[durAuthSession] = durationProblem{value: d, msg: fmt.Sprintf("negative lifetime %s", d)}
	case d%time.Minute != 0:
		b.problems[durAuthSession] = durationProblem{value: d, msg: fmt.Sprintf("%s is not a whole number of minutes", d)}
	default:
		// A time.Duration holds fewer than 2^31 minutes: no overflow.
		n := int32(d / time.Minute)
		b.req.AuthSessionValidity = &n
		b.problems[durAuthSession] = durationProblem{}
	}
	return b
}

// RefreshTokenRotation turns refresh-token rotation on (Feature ENABLED) or
// off (DISABLED), with gracePeriod as RetryGracePeriodSeconds: how long a
// rotated-out refresh token stays valid, a whole number of seconds that Cognito
// accepts from 0 to 60. A negative gracePeriod, or one with a part smaller than
// a second, is reported by Build and leaves RetryGracePeriodSeconds as it was;
// Feature is set all the same.
//
// Rotation cannot be combined with ALLOW_REFRESH_TOKEN_AUTH, so enabling it
// removes that flow from ExplicitAuthFlows (the starting points put it there).
// An absent ExplicitAuthFlows stays absent, which Cognito reads as its default
// flows, ALLOW_REFRESH_TOKEN_AUTH included: give the flows the client needs
// (Lint reports rotation-with-default-flows otherwise). Disabling rotation
// leaves ExplicitAuthFlows alone.
func (b Builder) RefreshTokenRotation(enabled bool, gracePeriod time.Duration) Builder {
	rot := RefreshTokenRotation{Feature: RotationFeatureDisabled}
	if enabled {
		rot.Feature = RotationFeatureEnabled
		if slices.Contains(b.req.ExplicitAuthFlows, ExplicitAuthFlowAllowRefreshTokenAuth) {
			// A new slice: other builders may hold the old one.
			b.req.ExplicitAuthFlows = slices.DeleteFunc(slices.Clone(b.req.ExplicitAuthFlows),
				func(f ExplicitAuthFlow) bool { return f == ExplicitAuthFlowAllowRefreshTokenAuth })
		}
	}
	if b.req.RefreshTokenRotation != nil {
		rot.RetryGracePeriodSeconds = b.req.RefreshTokenRotation.RetryGracePeriodSeconds
	}
	switch {
	case gracePeriod < 0:
		b.problems[durGracePeriod] = durationProblem{value: gracePeriod, msg: fmt.Sprintf("negative grace period %s", gracePeriod)}
	case gracePeriod%time.Second != 0:
		b.problems[durGracePeriod] = durationProblem{value: gracePeriod, msg: fmt.Sprintf("%s is not a whole number of seconds", gracePeriod)}
	case gracePeriod/time.Second > math.MaxInt32:
		b.problems[durGracePeriod] = durationProblem{value: gracePeriod, msg: fmt.Sprintf("%s needs more than %d seconds", gracePeriod, math.MaxInt32)}
	default:
		n := int32(gracePeriod / time.Second)
		rot.RetryGracePeriodSeconds = &n
		b.problems[durGracePeriod] = durationProblem{}
	}
	b.req.RefreshTokenRotation = &rot
	return b
}

// AuthorizationCodeGrant lets the client use the authorization-code grant: it
// turns AllowedOAuthFlowsUserPoolClient on, adds "code" to AllowedOAuthFlows
// and callbackURLs to CallbackURLs, each unless already there. The client also
// needs scopes ([Builder.AllowedOAuthScopes]).
func (b Builder) AuthorizationCodeGrant(callbackURLs ...string) Builder {
	b.req.AllowedOAuthFlowsUserPoolClient = true
	b.req.AllowedOAuthFlows = appendMissing(b.req.AllowedOAuthFlows, []OAuthFlow{OAuthFlowCode})
	b.req.CallbackURLs = appendMissing(b.req.CallbackURLs, callbackURLs)
	return b
}

// ImplicitGrant lets the client use the implicit grant, as
// [Builder.AuthorizationCodeGrant] does the code grant. Current advice (RFC
// 9700) is not to use it: tokens in the redirect can leak; prefer the code
// grant with PKCE.
func (b Builder) ImplicitGrant(callbackURLs ...string) Builder {
	b.req.AllowedOAuthFlowsUserPoolClient = true
	b.req.AllowedOAuthFlows = appendMissing(b.req.AllowedOAuthFlows, []OAuthFlow{OAuthFlowImplicit})
	b.req.CallbackURLs = appendMissing(b.req.CallbackURLs, callbackURLs)
	return b
}

// ClientCredentialsGrant lets the client use the client-credentials grant: it
// turns AllowedOAuthFlowsUserPoolClient on, adds "client_credentials" to
// AllowedOAuthFlows and scopes to AllowedOAuthScopes, each unless already
// there, and sets GenerateSecret unless the client has a custom ClientSecret.
// The grant takes custom scopes only, and must be the client's only grant.
func (b Builder) ClientCredentialsGrant(scopes ...string) Builder {
	b.req.AllowedOAuthFlowsUserPoolClient = true
	b.req.AllowedOAuthFlows = appendMissing(b.req.AllowedOAuthFlows, []OAuthFlow{OAuthFlowClientCredentials})
	b.req.AllowedOAuthScopes = appendMissing(b.req.AllowedOAuthScopes, scopes)
	if b.req.ClientSecret == nil {
		b.req.GenerateSecret = true
	}
	return b
}

// ClientTokenAuth lets the client get tokens for itself with GetClientToken:
// it sets ExplicitAuthFlows to ["ALLOW_CLIENT_TOKEN_AUTH"] alone (the flow
// excludes every other), adds scopes to AllowedOAuthScopes unless already
// there, and sets GenerateSecret unless the client has a custom ClientSecret.
// The scopes are those GetClientToken issues, whatever
// AllowedOAuthFlowsUserPoolClient says, and must be custom scopes.
func (b Builder) ClientTokenAuth(scopes ...string) Builder {
	b.req.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth}
	b.req.AllowedOAuthScopes = appendMissing(b.req.AllowedOAuthScopes, scopes)
	if b.req.ClientSecret == nil {
		b.req.GenerateSecret = true
	}
	return b
}

// appendCopy returns s followed by vals in new memory whenever vals is not
// empty, so that s, which other builders may hold, is never written to.
func appendCopy[T any](s, vals []T) []T {
	return append(slices.Clip(s), vals...)
}

// appendMissing is appendCopy for the values of vals that are in neither s
// nor earlier in vals.
func appendMissing[T comparable](s, vals []T) []T {
	s = slices.Clip(s)
	for _, v := range vals {
		if !slices.Contains(s, v) {
			s = append(s, v)
		}
	}
	return s
}
