package appclient

import (
	"errors"
	"fmt"

	"github.com/go-playground/validator/v10"
)

// UpdateUserPoolClientRequest is the request of Cognito's UpdateUserPoolClient
// operation. UpdateUserPoolClient replaces the client's whole configuration:
// every member the request omits goes back to its default, so an update that
// means to change one member must carry every other member of the current
// configuration.
//
// Its members are those of [CreateUserPoolClientRequest], with the same Go
// names, types and constraints, except that ClientID names the client,
// ClientName is optional, and GenerateSecret and ClientSecret do not exist: an
// update cannot add, remove or change a client secret.
type UpdateUserPoolClientRequest struct {
	// UserPoolID is the ID of the user pool that holds the app client, such as
	// "us-east-1_AbC123xyz". Required; 1 to 55 characters matching
	// [\w-]+_[0-9a-zA-Z]+.
	UserPoolID string `json:"UserPoolId,omitzero" validate:"required,min=1,max=55,userpoolid"`

	// ClientID is the ID of the app client to update. Required; 1 to 128
	// characters of letters, digits, underscore and plus.
	ClientID string `json:"ClientId,omitzero" validate:"required,min=1,max=128,clientid"`

	// ClientName is the new friendly (display) name of the app client: 1 to 128
	// characters of letters, digits, underscore, whitespace and +=,.@-. Absent
	// keeps the current name.
	ClientName *string `json:"ClientName,omitzero" validate:"omitnil,min=1,max=128,clientname"`

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
	// default), Cognito ignores the OAuth members and only SDK sign-in works.
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

// Validate checks the update against everything Cognito enforces on
// UpdateUserPoolClient that can be decided from the request alone, as
// [CreateUserPoolClientRequest.Validate] does for a create request: UserPoolId,
// ClientId and ClientName against their own constraints (ClientName only when
// present), and every other member against the same model constraints and
// service rules as in a create request, with the same member paths.
//
// Two rules need to know whether the client has a secret, which an update
// request does not say: client-credentials-needs-secret and
// context-data-needs-secret. Validate skips them;
// [UpdateUserPoolClientRequest.ValidateWithSecret] decides them too. The rule
// about GenerateSecret together with ClientSecret never applies, as an update
// has neither.
//
// It returns nil or a *[ValidationError] that holds every violation, in the
// order Validate gives for a create request.
func (r *UpdateUserPoolClientRequest) Validate() error {
	return r.validate(true)
}

// ValidateWithSecret is [UpdateUserPoolClientRequest.Validate] for a client
// whose secret state the caller knows, for example from
// DescribeUserPoolClient (the described client has a ClientSecret) or from
// the configuration it was created with: it also decides
// client-credentials-needs-secret and context-data-needs-secret. hasSecret
// reports whether the client has a client secret; an update cannot add or
// remove one.
func (r *UpdateUserPoolClientRequest) ValidateWithSecret(hasSecret bool) error {
	return r.validate(hasSecret)
}

// validate checks r as for a client whose secret state is hasSecret. Validate
// passes true: a client assumed to have a secret breaks neither of the two
// rules that need one, which is what skipping them means.
func (r *UpdateUserPoolClientRequest) validate(hasSecret bool) error {
	if r == nil {
		return &ValidationError{Errors: []*FieldError{{Rule: RuleRequired, Exception: ExceptionInvalidParameter,
			Message: "request is nil", Err: ErrRequired}}}
	}
	var errs []*FieldError
	// The members of the update's own: their tags are checked on r itself.
	if err := engine.StructPartial(r, "UserPoolID", "ClientID", "ClientName"); err != nil {
		var verrs validator.ValidationErrors
		if !errors.As(err, &verrs) {
			// Only a non-struct argument makes the validator fail this way.
			panic(fmt.Sprintf("appclient: validator: %v", err))
		}
		errs = modelErrors(verrs)
	}
	// The shared members: the create request's checks, on a view of r. Its
	// ClientName is a valid stand-in, checked above in r's own terms.
	v := r.view()
	v.ClientName = "x"
	v.GenerateSecret = hasSecret
	if err := v.Validate(); err != nil {
		var ve *ValidationError
		if !errors.As(err, &ve) {
			return err
		}
		for _, fe := range ve.Errors {
			switch fe.Field {
			case "UserPoolId", "ClientName":
				continue // reported above
			}
			switch fe.Rule {
			case RuleClientCredentialsNeedsSecret:
				fe.Message = "client_credentials needs a client secret, and the client has none (an update cannot add one)"
			case RuleContextDataNeedsSecret:
				fe.Message = "can be true only for a client with a secret, and the client has none (an update cannot add one)"
			case RuleClientTokenAuthNeedsSecret:
				fe.Message = "ALLOW_CLIENT_TOKEN_AUTH needs a client secret, and the client has none (an update cannot add one)"
			}
			errs = append(errs, fe)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: errs}
}

// view returns the create request that holds r's configuration: every shared
// member as r has it, ClientName as *r.ClientName or "" when absent, and no
// secret (GenerateSecret false, ClientSecret nil), since an update does not
// say whether the client has one. The view shares r's lists and pointers: it
// is for reading, such as running the create request's checks. It is the one
// converter from an update to a create request: Validate, Lint,
// ValidateInPool, LintInPool and Configuration all read it.
func (r *UpdateUserPoolClientRequest) view() CreateUserPoolClientRequest {
	var name string
	if r.ClientName != nil {
		name = *r.ClientName
	}
	return CreateUserPoolClientRequest{
		UserPoolID:                               r.UserPoolID,
		ClientName:                               name,
		RefreshTokenValidity:                     r.RefreshTokenValidity,
		AccessTokenValidity:                      r.AccessTokenValidity,
		IDTokenValidity:                          r.IDTokenValidity,
		TokenValidityUnits:                       r.TokenValidityUnits,
		ReadAttributes:                           r.ReadAttributes,
		WriteAttributes:                          r.WriteAttributes,
		ExplicitAuthFlows:                        r.ExplicitAuthFlows,
		SupportedIdentityProviders:               r.SupportedIdentityProviders,
		CallbackURLs:                             r.CallbackURLs,
		LogoutURLs:                               r.LogoutURLs,
		DefaultRedirectURI:                       r.DefaultRedirectURI,
		AllowedOAuthFlows:                        r.AllowedOAuthFlows,
		AllowedOAuthScopes:                       r.AllowedOAuthScopes,
		AllowedOAuthFlowsUserPoolClient:          r.AllowedOAuthFlowsUserPoolClient,
		AnalyticsConfiguration:                   r.AnalyticsConfiguration,
		PreventUserExistenceErrors:               r.PreventUserExistenceErrors,
		EnableTokenRevocation:                    r.EnableTokenRevocation,
		EnablePropagateAdditionalUserContextData: r.EnablePropagateAdditionalUserContextData,
		AuthSessionValidity:                      r.AuthSessionValidity,
		RefreshTokenRotation:                     r.RefreshTokenRotation,
	}
}

// Configuration returns the configuration that r gives the client, as a
// create request: a copy of every shared member, ClientName as *r.ClientName
// or "" when r leaves it out, and GenerateSecret false and ClientSecret nil,
// since an update does not say whether the client has a secret (set
// GenerateSecret yourself where you know it). The result shares no memory with
// r. It is what [Diff] compares an update with.
func (r *UpdateUserPoolClientRequest) Configuration() CreateUserPoolClientRequest {
	v := r.view()
	return cloneRequest(&v)
}
