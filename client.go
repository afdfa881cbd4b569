// Package appclient models, builds and checks the request of Amazon Cognito's
// CreateUserPoolClient operation: the definition of an app client of a user pool.
//
// [CreateUserPoolClientRequest] is the request as a Go value. Its JSON encoding is
// exactly the body the Cognito API takes, which is also the AWS CLI's
// --cli-input-json format, so a request file, a Go value and the wire agree member
// for member. [DecodeRequest] reads such a file strictly: member names must match
// exactly, and every mistake is reported with its member path.
//
// [CreateUserPoolClientRequest.Validate] checks a request against everything
// Cognito itself enforces and that can be decided from the request alone: every
// length, pattern, range, enumeration and list size of the AWS service model, and
// the service's cross-member rules (OAuth flows and scopes, redirect URIs, client
// secrets, authentication flows, token lifetimes). It reports every violation at
// once, each with the AWS member path and the exception Cognito would answer with.
// The OAuth rules that combine flows, scopes and secrets apply only when
// AllowedOAuthFlowsUserPoolClient is true; the redirect-URI rules apply whenever
// callback URLs or a default redirect URI are present, whatever the flag.
//
// [CreateUserPoolClientRequest.Lint] reports advisories: settings Cognito
// accepts but that almost surely work badly or dangerously, such as the
// implicit grant, a wildcard callback URL or OAuth members that the flag above
// leaves without effect. [Rules] lists every rule, errors and warnings, with
// its id, severity, exception and help.
//
// [Builder] builds requests fluently, with token lifetimes as [time.Duration].
//
// The package does not talk to AWS: it makes no network call, needs no AWS
// account or credentials, and does not import the AWS SDK. Rules that need to
// know the user pool (which resource servers, identity providers and attributes it
// defines, its feature plan) are checked only by
// [CreateUserPoolClientRequest.ValidateInPool], against a [Pool] the caller
// describes. The subpackage awssdk connects the request to aws-sdk-go-v2 and
// loads pools from the API.
//
// # New values from AWS
//
// AWS adds values before its published service model and the SDK's
// enumerations list them: ALLOW_USER_AUTH in 2024, ALLOW_CLIENT_TOKEN_AUTH in
// 2026. A pre-flight check that blocks what Cognito accepts is worse than
// none, so an ExplicitAuthFlows value of the ALLOW_ form ("ALLOW_" then
// upper-case letters and underscores) that this version does not know
// passes Validate, and Lint reports it as unknown-auth-flow; a near miss of
// a known flow ("ALLOW_USER_SRP", "allow_user_srp_auth") stays an
// enumeration error that names the flow it means. Every other enumeration
// is closed.
//
// A new value gets in this way: the project's model extract records it
// under source.additions with the AWS documentation that shows it; its
// constant goes into client.go, in Values (the model's order) and Valid,
// which the model test holds to the extract; the rules it brings go into
// the rule table (rules.go), each with a test that shows it rejecting and
// one that shows its nearest valid neighbour passing. The SDK conversions
// of package awssdk carry enumeration values as strings and need nothing.
package appclient

//go:generate go run ./internal/gen

import (
	"strings"

	"github.com/cognitokit/appclient/internal/suggest"
)

// CreateUserPoolClientRequest is the request of Cognito's CreateUserPoolClient
// operation. Its fields are the API's members in the API's order, required
// members first. The JSON tags are the exact AWS member names, so encoding/json
// reads and writes the exact request body.
//
// Optional strings, numbers and nullable booleans are pointers: nil means the
// member is absent and Cognito applies its default, while a pointer to "" or 0
// is sent and means something (often an error). Lists keep the difference
// between nil (absent) and empty (sent as []). Enumerations are typed strings
// whose "" means absent.
//
// The zero value is not a valid request: UserPoolID and ClientName are required.
type CreateUserPoolClientRequest struct {
	// UserPoolID is the ID of the user pool in which the app client is created,
	// such as "us-east-1_AbC123xyz". Required; 1 to 55 characters matching
	// [\w-]+_[0-9a-zA-Z]+.
	UserPoolID string `json:"UserPoolId,omitzero" validate:"required,min=1,max=55,userpoolid"`

	// ClientName is the friendly (display) name of the app client. Required; 1 to
	// 128 characters of letters, digits, underscore, whitespace and +=,.@-.
	ClientName string `json:"ClientName,omitzero" validate:"required,min=1,max=128,clientname"`

	// GenerateSecret makes Cognito generate a client secret, as server-side web
	// apps and machine-to-machine clients need. False (the default) creates a
	// public client without a secret, unless ClientSecret is set.
	GenerateSecret bool `json:"GenerateSecret,omitzero" validate:"-"`

	// ClientSecret is a client secret of the caller's choosing: 24 to 64
	// characters of letters, digits, underscore and plus. It cannot be combined
	// with GenerateSecret. Absent means no custom secret. The value never appears
	// in an error message.
	ClientSecret *string `json:"ClientSecret,omitzero" validate:"omitnil,min=24,max=64,clientsecret"`

	// RefreshTokenValidity is the refresh-token lifetime, counted in
	// TokenValidityUnits.RefreshToken (days when absent). The number must be
	// within 0 to 315360000, and the lifetime it gives within 60 minutes to 3650
	// days. Absent or 0 means the default of 30 days.
	RefreshTokenValidity *int32 `json:"RefreshTokenValidity,omitzero" validate:"omitnil,min=0,max=315360000"`

	// AccessTokenValidity is the access-token lifetime, counted in
	// TokenValidityUnits.AccessToken (hours when absent). The number must be
	// within 1 to 86400, and the lifetime it gives within 5 minutes to 1 day.
	// Absent means one hour.
	AccessTokenValidity *int32 `json:"AccessTokenValidity,omitzero" validate:"omitnil,min=1,max=86400"`

	// IDTokenValidity is the ID-token lifetime, counted in
	// TokenValidityUnits.IdToken (hours when absent). The number must be within 1
	// to 86400, and the lifetime it gives within 5 minutes to 1 day. Absent means
	// one hour.
	IDTokenValidity *int32 `json:"IdTokenValidity,omitzero" validate:"omitnil,min=1,max=86400"`

	// TokenValidityUnits gives the units of the three token lifetimes. Absent
	// means hours for access and ID tokens and days for refresh tokens.
	TokenValidityUnits *TokenValidityUnits `json:"TokenValidityUnits,omitzero"`

	// ReadAttributes lists the user attributes the app client may read, each 1 to
	// 2048 characters. Absent means every standard attribute, plus email_verified
	// and phone_number_verified.
	ReadAttributes []string `json:"ReadAttributes,omitzero" validate:"dive,min=1,max=2048"`

	// WriteAttributes lists the user attributes the app client may write, each 1
	// to 2048 characters; email_verified is never writable. Absent means every
	// standard attribute.
	WriteAttributes []string `json:"WriteAttributes,omitzero" validate:"dive,min=1,max=2048"`

	// ExplicitAuthFlows lists the authentication flows the app client allows.
	// Legacy values (without ALLOW_) cannot be mixed with ALLOW_ values, and an
	// ALLOW_ list must hold ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation
	// is enabled. Absent or empty means ALLOW_REFRESH_TOKEN_AUTH,
	// ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH.
	ExplicitAuthFlows []ExplicitAuthFlow `json:"ExplicitAuthFlows,omitzero" validate:"dive,authflow"`

	// SupportedIdentityProviders names the identity providers that managed login
	// offers for this client: COGNITO, Facebook, Google, SignInWithApple,
	// LoginWithAmazon, or the name of one of the pool's SAML or OIDC providers.
	// Each name has 1 to 32 characters. Absent means none.
	SupportedIdentityProviders []string `json:"SupportedIdentityProviders,omitzero" validate:"dive,min=1,max=32,provider"`

	// CallbackURLs lists the redirect URIs managed login may send users back to,
	// at most 100. Each is an absolute URI of 1 to 1024 characters without a
	// fragment; http is allowed only for localhost, 127.0.0.1 and [::1]; app
	// schemes such as myapp://callback are allowed. Cognito compares them exactly:
	// a wildcard never matches. Required (non-empty) with the code and implicit
	// OAuth flows.
	CallbackURLs []string `json:"CallbackURLs,omitzero" validate:"max=100,dive,min=1,max=1024,redirect"`

	// LogoutURLs lists the allowed logout_uri targets of the /logout endpoint, at
	// most 100, each 1 to 1024 characters.
	LogoutURLs []string `json:"LogoutURLs,omitzero" validate:"max=100,dive,min=1,max=1024,redirect"`

	// DefaultRedirectURI is the redirect URI used when a sign-in request names
	// none, in clients with one identity provider. It must be one of CallbackURLs,
	// character for character. Absent means none.
	DefaultRedirectURI *string `json:"DefaultRedirectURI,omitzero" validate:"omitnil,min=1,max=1024,redirect"`

	// AllowedOAuthFlows lists the OAuth 2.0 grants the client may use, at most
	// three. client_credentials must be the only flow when present, and needs a
	// client secret.
	AllowedOAuthFlows []OAuthFlow `json:"AllowedOAuthFlows,omitzero" validate:"max=3,dive,oneof=code implicit client_credentials"`

	// AllowedOAuthScopes lists the scopes the client may request, at most 50:
	// openid, email, phone, profile, aws.cognito.signin.user.admin, or a custom
	// scope "<resource-server-identifier>/<scope-name>". Each is 1 to 256
	// printable ASCII characters other than space, double quote and backslash.
	AllowedOAuthScopes []string `json:"AllowedOAuthScopes,omitzero" validate:"max=50,dive,min=1,max=256,scope"`

	// AllowedOAuthFlowsUserPoolClient turns on the OAuth 2.0 authorization-server
	// features (flows, scopes, callback and logout URLs). When false (the
	// default), Cognito has been seen to accept and ignore the OAuth flows and
	// scopes, and only SDK sign-in works; the callback URLs must still satisfy
	// the redirect rules.
	AllowedOAuthFlowsUserPoolClient bool `json:"AllowedOAuthFlowsUserPoolClient,omitzero" validate:"-"`

	// AnalyticsConfiguration sends the client's events to an Amazon Pinpoint
	// project. Absent means no analytics.
	AnalyticsConfiguration *AnalyticsConfiguration `json:"AnalyticsConfiguration,omitzero"`

	// PreventUserExistenceErrors decides whether sign-in, confirmation and
	// recovery reveal that a user does not exist. Absent ("") means LEGACY, which
	// does.
	PreventUserExistenceErrors UserExistenceErrors `json:"PreventUserExistenceErrors,omitzero" validate:"omitempty,oneof=LEGACY ENABLED"`

	// EnableTokenRevocation turns refresh-token revocation on or off. Absent
	// means on.
	EnableTokenRevocation *bool `json:"EnableTokenRevocation,omitzero" validate:"-"`

	// EnablePropagateAdditionalUserContextData lets the app send extra user
	// context data (such as the source IP) to threat protection. It can be true
	// only for clients with a secret. Absent means false.
	EnablePropagateAdditionalUserContextData *bool `json:"EnablePropagateAdditionalUserContextData,omitzero" validate:"-"`

	// AuthSessionValidity is the lifetime, in minutes, of the session token that
	// links the challenges of one authentication flow: 3 to 15. Absent means 3
	// minutes.
	AuthSessionValidity *int32 `json:"AuthSessionValidity,omitzero" validate:"omitnil,min=3,max=15"`

	// RefreshTokenRotation configures refresh-token rotation. Absent means
	// rotation is off.
	RefreshTokenRotation *RefreshTokenRotation `json:"RefreshTokenRotation,omitzero"`
}

// TokenValidityUnits gives the units of a request's three token lifetimes.
type TokenValidityUnits struct {
	// AccessToken is the unit of AccessTokenValidity. Absent ("") means hours.
	AccessToken TimeUnit `json:"AccessToken,omitzero" validate:"omitempty,oneof=seconds minutes hours days"`

	// IDToken is the unit of IDTokenValidity. Absent ("") means hours.
	IDToken TimeUnit `json:"IdToken,omitzero" validate:"omitempty,oneof=seconds minutes hours days"`

	// RefreshToken is the unit of RefreshTokenValidity. Absent ("") means days.
	RefreshToken TimeUnit `json:"RefreshToken,omitzero" validate:"omitempty,oneof=seconds minutes hours days"`
}

// AnalyticsConfiguration sends an app client's events to Amazon Pinpoint. Give
// either ApplicationARN, or ApplicationID together with RoleARN and ExternalID.
type AnalyticsConfiguration struct {
	// ApplicationID is the Amazon Pinpoint project ID: hexadecimal digits.
	// Absent means none.
	ApplicationID *string `json:"ApplicationId,omitzero" validate:"omitnil,hexstring"`

	// ApplicationARN is the ARN of the Amazon Pinpoint project, 20 to 2048
	// characters. With it, Cognito uses its service-linked role and needs no
	// RoleARN or ExternalID. Absent means none.
	ApplicationARN *string `json:"ApplicationArn,omitzero" validate:"omitnil,min=20,max=2048,arn"`

	// RoleARN is the ARN of an IAM role that lets Cognito publish events to
	// Amazon Pinpoint, 20 to 2048 characters. Absent means none.
	RoleARN *string `json:"RoleArn,omitzero" validate:"omitnil,min=20,max=2048,arn"`

	// ExternalID is the external ID Cognito uses when it assumes RoleARN, at most
	// 131072 characters. Absent means none.
	ExternalID *string `json:"ExternalId,omitzero" validate:"omitnil,max=131072"`

	// UserDataShared makes Cognito include user data in the events it publishes.
	// Absent means false.
	UserDataShared bool `json:"UserDataShared,omitzero" validate:"-"`
}

// RefreshTokenRotation configures refresh-token rotation: when enabled, every
// refresh returns a new refresh token and invalidates the old one.
type RefreshTokenRotation struct {
	// Feature is ENABLED or DISABLED. Required when RefreshTokenRotation is
	// present.
	Feature RotationFeature `json:"Feature,omitzero" validate:"required,oneof=ENABLED DISABLED"`

	// RetryGracePeriodSeconds is how long, in seconds, the rotated-out refresh
	// token stays valid so that a client may retry: 0 to 60. Absent or 0 means no
	// grace period.
	RetryGracePeriodSeconds *int32 `json:"RetryGracePeriodSeconds,omitzero" validate:"omitnil,min=0,max=60"`
}

// OAuthFlow is an OAuth 2.0 grant an app client may use.
type OAuthFlow string

// The OAuth flows, in the order of [OAuthFlow.Values].
const (
	// OAuthFlowCode is the authorization-code grant: the client exchanges a
	// code at the token endpoint. Use it with PKCE for public clients.
	OAuthFlowCode OAuthFlow = "code"
	// OAuthFlowImplicit is the implicit grant: tokens come directly in the
	// redirect. Current advice (RFC 9700) is not to use it.
	OAuthFlowImplicit OAuthFlow = "implicit"
	// OAuthFlowClientCredentials is the client-credentials grant for
	// machine-to-machine clients; it needs a secret and must be the only flow.
	OAuthFlowClientCredentials OAuthFlow = "client_credentials"
)

// Values returns the OAuth flows Cognito knows: code, implicit,
// client_credentials.
func (OAuthFlow) Values() []OAuthFlow {
	return []OAuthFlow{OAuthFlowCode, OAuthFlowImplicit, OAuthFlowClientCredentials}
}

// Valid reports whether f is one of [OAuthFlow.Values], compared case-sensitively.
func (f OAuthFlow) Valid() bool {
	switch f {
	case OAuthFlowCode, OAuthFlowImplicit, OAuthFlowClientCredentials:
		return true
	}
	return false
}

// ExplicitAuthFlow is an authentication flow an app client allows. The values
// without the ALLOW_ prefix are legacy and cannot be mixed with ALLOW_ values.
type ExplicitAuthFlow string

// The explicit authentication flows, in the order of [ExplicitAuthFlow.Values].
const (
	// ExplicitAuthFlowAdminNoSRPAuth is the legacy form of
	// ALLOW_ADMIN_USER_PASSWORD_AUTH.
	ExplicitAuthFlowAdminNoSRPAuth ExplicitAuthFlow = "ADMIN_NO_SRP_AUTH"
	// ExplicitAuthFlowCustomAuthFlowOnly is the legacy form of ALLOW_CUSTOM_AUTH.
	ExplicitAuthFlowCustomAuthFlowOnly ExplicitAuthFlow = "CUSTOM_AUTH_FLOW_ONLY"
	// ExplicitAuthFlowUserPasswordAuth is the legacy form of
	// ALLOW_USER_PASSWORD_AUTH.
	ExplicitAuthFlowUserPasswordAuth ExplicitAuthFlow = "USER_PASSWORD_AUTH"
	// ExplicitAuthFlowAllowAdminUserPasswordAuth allows server-side sign-in with
	// a password (AdminInitiateAuth).
	ExplicitAuthFlowAllowAdminUserPasswordAuth ExplicitAuthFlow = "ALLOW_ADMIN_USER_PASSWORD_AUTH"
	// ExplicitAuthFlowAllowCustomAuth allows sign-in through custom-challenge
	// Lambda triggers.
	ExplicitAuthFlowAllowCustomAuth ExplicitAuthFlow = "ALLOW_CUSTOM_AUTH"
	// ExplicitAuthFlowAllowUserPasswordAuth allows sign-in with a password sent
	// by the client.
	ExplicitAuthFlowAllowUserPasswordAuth ExplicitAuthFlow = "ALLOW_USER_PASSWORD_AUTH"
	// ExplicitAuthFlowAllowUserSRPAuth allows sign-in with the Secure Remote
	// Password protocol: the password never leaves the client.
	ExplicitAuthFlowAllowUserSRPAuth ExplicitAuthFlow = "ALLOW_USER_SRP_AUTH"
	// ExplicitAuthFlowAllowRefreshTokenAuth allows refreshing tokens. Required
	// in an ALLOW_ list unless refresh token rotation is enabled, and forbidden
	// when it is.
	ExplicitAuthFlowAllowRefreshTokenAuth ExplicitAuthFlow = "ALLOW_REFRESH_TOKEN_AUTH"
	// ExplicitAuthFlowAllowUserAuth allows choice-based sign-in (passkeys,
	// one-time passwords, passwords) through USER_AUTH.
	ExplicitAuthFlowAllowUserAuth ExplicitAuthFlow = "ALLOW_USER_AUTH"
	// ExplicitAuthFlowAllowClientTokenAuth allows GetClientToken: an access
	// token for the client itself, with custom scopes, without the OAuth
	// token endpoint. It must be the client's only flow, and the client needs
	// a secret. AWS documents it ahead of its service model and the SDK's
	// enumeration (see the package doc on new values).
	ExplicitAuthFlowAllowClientTokenAuth ExplicitAuthFlow = "ALLOW_CLIENT_TOKEN_AUTH"
)

// Values returns the ten explicit authentication flows in the AWS model's
// order: the three legacy values, then the seven ALLOW_ values, the last
// of which, ALLOW_CLIENT_TOKEN_AUTH, AWS documents ahead of its model.
func (ExplicitAuthFlow) Values() []ExplicitAuthFlow {
	return []ExplicitAuthFlow{
		ExplicitAuthFlowAdminNoSRPAuth,
		ExplicitAuthFlowCustomAuthFlowOnly,
		ExplicitAuthFlowUserPasswordAuth,
		ExplicitAuthFlowAllowAdminUserPasswordAuth,
		ExplicitAuthFlowAllowCustomAuth,
		ExplicitAuthFlowAllowUserPasswordAuth,
		ExplicitAuthFlowAllowUserSRPAuth,
		ExplicitAuthFlowAllowRefreshTokenAuth,
		ExplicitAuthFlowAllowUserAuth,
		ExplicitAuthFlowAllowClientTokenAuth,
	}
}

// Valid reports whether f is one of [ExplicitAuthFlow.Values], compared
// case-sensitively.
func (f ExplicitAuthFlow) Valid() bool {
	switch f {
	case ExplicitAuthFlowAdminNoSRPAuth, ExplicitAuthFlowCustomAuthFlowOnly, ExplicitAuthFlowUserPasswordAuth,
		ExplicitAuthFlowAllowAdminUserPasswordAuth, ExplicitAuthFlowAllowCustomAuth, ExplicitAuthFlowAllowUserPasswordAuth,
		ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserAuth,
		ExplicitAuthFlowAllowClientTokenAuth:
		return true
	}
	return false
}

// lagging reports whether f is a flow this version does not know but that
// Cognito may: "ALLOW_" then upper-case letters and underscores, and not a
// near miss of a known flow (see nearFlow). AWS has added such flows before
// its service model and SDK listed them, so Validate accepts them and Lint
// reports them (unknown-auth-flow).
func (f ExplicitAuthFlow) lagging() bool {
	s, ok := strings.CutPrefix(string(f), "ALLOW_")
	if !ok || s == "" || f.Valid() {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && c != '_' {
			return false
		}
	}
	return nearFlow(f) == ""
}

// nearFlow returns the known flow that f most likely misspells, or "" if
// none: one equal to f but for letter case, within two edits of it, or
// within two edits once both lose a final "_AUTH" (ALLOW_USER_SRP).
func nearFlow(f ExplicitAuthFlow) ExplicitAuthFlow {
	v := string(f)
	if len(v) > 64 {
		return "" // no known flow is half as long; spare the distance
	}
	best, bestDist := ExplicitAuthFlow(""), 3
	for _, k := range f.Values() {
		if k == f {
			return ""
		}
		if strings.EqualFold(v, string(k)) {
			return k
		}
		d := min(suggest.Distance(v, string(k)),
			suggest.Distance(strings.TrimSuffix(v, "_AUTH"), strings.TrimSuffix(string(k), "_AUTH")))
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// Legacy reports whether f is one of the three legacy values without the
// ALLOW_ prefix.
func (f ExplicitAuthFlow) Legacy() bool {
	switch f {
	case ExplicitAuthFlowAdminNoSRPAuth, ExplicitAuthFlowCustomAuthFlowOnly, ExplicitAuthFlowUserPasswordAuth:
		return true
	}
	return false
}

// UserExistenceErrors is the value of PreventUserExistenceErrors.
type UserExistenceErrors string

// The settings of PreventUserExistenceErrors, in the order of
// [UserExistenceErrors.Values].
const (
	// UserExistenceErrorsLegacy answers UserNotFoundException for unknown users,
	// which lets callers find out which users exist. Cognito's default.
	UserExistenceErrorsLegacy UserExistenceErrors = "LEGACY"
	// UserExistenceErrorsEnabled answers as if the user existed.
	UserExistenceErrorsEnabled UserExistenceErrors = "ENABLED"
)

// Values returns LEGACY and ENABLED.
func (UserExistenceErrors) Values() []UserExistenceErrors {
	return []UserExistenceErrors{UserExistenceErrorsLegacy, UserExistenceErrorsEnabled}
}

// Valid reports whether u is one of [UserExistenceErrors.Values], compared
// case-sensitively.
func (u UserExistenceErrors) Valid() bool {
	return u == UserExistenceErrorsLegacy || u == UserExistenceErrorsEnabled
}

// RotationFeature turns refresh-token rotation on or off.
type RotationFeature string

// The states of refresh-token rotation, in the order of [RotationFeature.Values].
const (
	// RotationFeatureEnabled turns rotation on.
	RotationFeatureEnabled RotationFeature = "ENABLED"
	// RotationFeatureDisabled turns rotation off.
	RotationFeatureDisabled RotationFeature = "DISABLED"
)

// Values returns ENABLED and DISABLED.
func (RotationFeature) Values() []RotationFeature {
	return []RotationFeature{RotationFeatureEnabled, RotationFeatureDisabled}
}

// Valid reports whether f is one of [RotationFeature.Values], compared
// case-sensitively.
func (f RotationFeature) Valid() bool {
	return f == RotationFeatureEnabled || f == RotationFeatureDisabled
}

// clonePtr returns a pointer to a copy of *p, or nil if p is nil. T must hold
// no pointers or slices of its own.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// ptrTo returns a pointer to a copy of v.
func ptrTo[T any](v T) *T { return &v }
