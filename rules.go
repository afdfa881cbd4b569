package appclient

import (
	"errors"
	"strings"
)

// Rule ids of the service rules (errors) and the advisories (warnings), the
// values of FieldError.Rule and Advisory.Rule, named as in the project's rule
// book. The ids of the kinds of model constraint are in patterns.go.
const (
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
	RuleClientTokenAuthAlone            = "client-token-auth-alone"
	RuleClientTokenAuthNeedsSecret      = "client-token-auth-needs-secret"
	RuleTokenValidityRange              = "token-validity-range"
	RuleWriteAttributeNotWritable       = "write-attribute-not-writable"

	// The rules that need the user pool (rule book section 3), with their
	// severity and evidence.

	// RuleCustomScopeExists (P1, error; evidence seen): a custom scope whose
	// resource server or scope name the pool does not have.
	RuleCustomScopeExists = "custom-scope-exists"
	// RuleIdentityProviderExists (P2, error; evidence seen): an identity
	// provider the pool has not configured.
	RuleIdentityProviderExists = "identity-provider-exists"
	// RuleWriteAttributesIncludeRequired (P3, error; evidence seen):
	// WriteAttributes leaves out an attribute the pool requires.
	RuleWriteAttributesIncludeRequired = "write-attributes-include-required"
	// RuleAttributeExists (P4, warning; evidence inferred): a read or write
	// attribute that is neither standard nor in the pool's schema.
	RuleAttributeExists = "attribute-exists"
	// RuleFeaturePlan (P5, error; evidence documented): a feature the pool's
	// plan does not include.
	RuleFeaturePlan = "feature-plan"
	// RuleDependencyOrder (P6, error; evidence seen; templates and Terraform
	// only): the client does not depend on a resource server or identity
	// provider of the same template that it uses, so a deployment may create
	// it first.
	RuleDependencyOrder = "dependency-order"

	RuleOAuthSettingsIgnored        = "oauth-settings-ignored"
	RuleImplicitGrant               = "implicit-grant"
	RuleOIDCScopeWithoutOpenID      = "oidc-scope-without-openid"
	RuleTokenOutlivesRefresh        = "token-outlives-refresh"
	RuleRedirectWildcard            = "redirect-wildcard"
	RuleLoopbackRedirect            = "loopback-redirect"
	RuleLogoutHTTPS                 = "logout-https"
	RuleUserExistenceErrors         = "user-existence-errors"
	RuleTokenRevocationOff          = "token-revocation-off"
	RulePasswordFlows               = "password-flows"
	RuleLongRefreshWithoutRotation  = "long-refresh-without-rotation"
	RuleRotationWithDefaultFlows    = "rotation-with-default-flows"
	RuleDuplicateEntries            = "duplicate-entries"
	RuleScopeReservedCase           = "scope-reserved-case"
	RulePhoneNumberVerifiedWritable = "phone-number-verified-writable"
	RuleAnalyticsIncomplete         = "analytics-incomplete"
	RuleRedirectSchemeUnsafe        = "redirect-scheme-unsafe"
	RuleMachineClientUserFlows      = "machine-client-user-flows"
	RuleUnknownAuthFlow             = "unknown-auth-flow"
	RuleClientTokenReservedScope    = "client-token-reserved-scope"

	// The advisories that need the template or configuration that defines
	// the client: package iac decides them.

	// RuleTerraformEmptyList (W21; Terraform configuration only): an
	// argument set to an explicit empty list or set, which the provider does
	// not send, so that Cognito stores its default and the next plan differs.
	RuleTerraformEmptyList = "terraform-empty-list"
	// RuleManagedLoginWithoutBranding (W22; templates and Terraform): a
	// client of the code or implicit grant under a managed login version 2
	// domain, without a managed login branding of its own, so that its login
	// pages are unavailable.
	RuleManagedLoginWithoutBranding = "managed-login-without-branding"
)

// RuleScope says what a rule needs to be decided.
type RuleScope string

const (
	// ScopeModel: a kind of constraint of the AWS model on one member value,
	// written in the request type's struct tags.
	ScopeModel RuleScope = "model"
	// ScopeRequest: a rule that needs nothing but the request.
	ScopeRequest RuleScope = "request"
	// ScopePool: a rule that needs a description of the user pool (the rule
	// book's section 3).
	ScopePool RuleScope = "pool"
	// ScopeTemplate: a rule that needs the template or configuration that
	// defines the client (dependency order).
	ScopeTemplate RuleScope = "template"
)

// Evidence says how sure the project is that Cognito behaves as a rule says,
// as the rule book grades it. For an advisory, which Cognito accepts, it
// grades the fact the advisory rests on (that a wildcard never matches, that
// the implicit grant leaks tokens, ...).
type Evidence string

// The evidence levels of the rule book.
const (
	// EvidenceSeen: a real Cognito response (or, for an advisory, Cognito's
	// observed behaviour) is quoted in a public issue, deploy log or blog.
	EvidenceSeen Evidence = "seen"
	// EvidenceDocumented: the AWS documentation, or for an advisory the
	// standard it cites, says so; no response is quoted.
	EvidenceDocumented Evidence = "documented"
	// EvidenceInferred: reasoned from the above, or seen only in an emulator.
	// No rule with this evidence is an error.
	EvidenceInferred Evidence = "inferred"
)

// RuleInfo describes one rule: an entry of the rule table that Validate,
// Lint, ValidateInPool, LintInPool, [Rules], package iac and the command all
// read.
type RuleInfo struct {
	// ID is the rule's id, as in FieldError.Rule and Advisory.Rule.
	ID string
	// Code is the rule's short name in the rule book, such as "O3" or "W2";
	// "" for the kinds of model constraint.
	Code string
	// Severity is SeverityError for rules Cognito enforces, SeverityWarning
	// for advisories and for attribute-exists, a pool rule not yet seen
	// enforced.
	Severity Severity
	// Scope says what the rule needs to be decided.
	Scope RuleScope
	// Exception is the exception Cognito answers with when the rule is broken;
	// "" for advisories, which Cognito accepts, and for dependency-order,
	// whose exception is that of the rule it leads to (custom-scope-exists or
	// identity-provider-exists). A warning that Cognito may yet be found to
	// reject (attribute-exists) names the exception it would answer.
	Exception string
	// Err is the sentinel of FieldError.Err; nil for warnings.
	Err error
	// Evidence says how sure the project is of the rule: seen, documented
	// or inferred. The kinds of model constraint are documented (the AWS
	// model); the others are graded as the rule book grades them.
	Evidence Evidence
	// Summary says in one sentence what the rule finds.
	Summary string
	// Help is a paragraph that says why, and what to do.
	Help string

	// inputs returns the members that a finding of the rule on field reads;
	// see Inputs.
	inputs func(field string) []string
	// check runs a ScopeRequest rule on a request and returns its findings,
	// nil for none; nil for the other scopes: ScopeModel rules are
	// implemented by the struct tags, ScopePool rules by poolCheck.
	check func(r *CreateUserPoolClientRequest) findings
	// poolCheck runs a ScopePool rule on a request and the pool it is meant
	// for; ValidateInPool runs the errors, LintInPool the warnings. nil for
	// the other scopes. The one ScopeTemplate rule, dependency-order, has
	// neither check: package iac decides it over a template's resources.
	poolCheck func(r *CreateUserPoolClientRequest, p *Pool) findings
}

// Inputs returns the members whose values a finding of the rule on field
// (a FieldError.Field or Advisory.Field) depends on. Each is one of:
//
//   - a member path: "ClientName", "TokenValidityUnits.AccessToken";
//   - a list element: "CallbackURLs[2]";
//   - "X[*]": every element of the list X;
//   - "X#": the number of entries of the list X.
//
// A tool that reads clients whose values are partly unknown before
// deployment (a template parameter, "known after apply") uses it to set aside
// a finding that may not hold: one whose inputs include an unknown value. A
// rule reads at least field itself, except where it says otherwise.
func (ri RuleInfo) Inputs(field string) []string {
	if ri.inputs == nil {
		return []string{field}
	}
	return ri.inputs(field)
}

// Helpers for the inputs of the table.

// self: the value itself.
func self(field string) []string { return []string{field} }

// with: the value itself and the given members.
func with(tokens ...string) func(string) []string {
	return func(field string) []string { return append([]string{field}, tokens...) }
}

// listLength: the oauth flag and the number of entries of the list field.
func flagAndLength(field string) []string { return []string{oauthFlag, field + "#"} }

// elements: the value and every element of its list.
func elements(field string) []string {
	list, _, _ := strings.Cut(field, "[")
	return []string{field, list + "[*]"}
}

// unitOf: a token lifetime and its unit.
func unitOf(field string) []string {
	unit := map[string]string{
		"AccessTokenValidity":  "TokenValidityUnits.AccessToken",
		"IdTokenValidity":      "TokenValidityUnits.IdToken",
		"RefreshTokenValidity": "TokenValidityUnits.RefreshToken",
	}[field]
	if unit == "" {
		unit = "TokenValidityUnits"
	}
	return []string{field, unit}
}

// dependencyInputs: a scope of P6 is read with OAuth on (or for
// GetClientToken, whose known flow needs no flag); a provider is read alone.
func dependencyInputs(field string) []string {
	if strings.HasPrefix(field, "AllowedOAuthScopes") {
		return []string{field, oauthFlag}
	}
	return []string{field}
}

// ruleTable is every rule, in the order findings are reported: the kinds of
// model constraint, the service rules in the rule book's order, then the
// advisories. Adding a rule is adding an entry here and writing its check.
var ruleTable = []RuleInfo{
	{ID: RuleRequired, Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeModel, Exception: ExceptionInvalidParameter, Err: ErrRequired, inputs: self,
		Summary: "A required member is absent or empty.",
		Help:    "UserPoolId and ClientName are required (ClientName is optional in CloudFormation, which makes one up), and so is RefreshTokenRotation.Feature when RefreshTokenRotation is present. An empty string counts as missing."},
	{ID: RuleLength, Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeModel, Exception: ExceptionInvalidParameter, Err: ErrLength, inputs: self,
		Summary: "A string has fewer or more characters than the AWS model allows.",
		Help:    "Lengths count characters (Unicode code points). An empty string for an optional member is sent to Cognito and fails its minimum length."},
	{ID: RuleListSize, Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeModel, Exception: ExceptionInvalidParameter, Err: ErrListSize,
		inputs:  func(field string) []string { return []string{field + "#"} },
		Summary: "A list has more entries than the AWS model allows.",
		Help:    "CallbackURLs and LogoutURLs hold at most 100 entries, AllowedOAuthScopes at most 50 and AllowedOAuthFlows at most 3."},
	{ID: RulePattern, Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeModel, Exception: ExceptionInvalidParameter, Err: ErrPattern, inputs: self,
		Summary: "A string holds characters that the AWS model's pattern does not allow.",
		Help:    "Each string member has a character pattern in the AWS model: UserPoolId looks like us-east-1_AbC123xyz (the ID, not the pool's ARN), ClientName allows ASCII letters, digits, white space and +=,.@-_, ClientSecret allows only ASCII letters, digits, _ and +, scopes are printable ASCII without space, quote or backslash."},
	{ID: RuleEnum, Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeModel, Exception: ExceptionInvalidParameter, Err: ErrEnum, inputs: self,
		Summary: "A value is not one of its enumeration's values (case-sensitive).",
		Help:    "AllowedOAuthFlows, ExplicitAuthFlows, PreventUserExistenceErrors, TokenValidityUnits and RefreshTokenRotation.Feature take fixed, case-sensitive values."},
	{ID: RuleRange, Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeModel, Exception: ExceptionInvalidParameter, Err: ErrRange, inputs: self,
		Summary: "A number is outside the range of the AWS model.",
		Help:    "RefreshTokenValidity is 0 to 315360000, AccessTokenValidity and IdTokenValidity 1 to 86400 (whatever the unit), AuthSessionValidity 3 to 15 minutes and RefreshTokenRotation.RetryGracePeriodSeconds 0 to 60."},

	{ID: RuleOAuthFlowsAndScopesRequired, Code: "O1", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrOAuth,
		inputs: flagAndLength, check: checkOAuthFlowsAndScopesRequired,
		Summary: "AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthFlows or AllowedOAuthScopes is empty.",
		Help:    "With AllowedOAuthFlowsUserPoolClient true, Cognito requires at least one OAuth flow and at least one scope."},
	{ID: RuleClientCredentialsExclusive, Code: "O2", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidOAuthFlow, Err: ErrOAuth,
		inputs: with(oauthFlag, "AllowedOAuthFlows[*]"), check: checkClientCredentialsExclusive,
		Summary: "client_credentials is combined with the code or implicit flow.",
		Help:    "The client_credentials flow must be the only OAuth flow of an app client: machine-to-machine clients and user-facing clients are separate app clients."},
	{ID: RuleClientCredentialsNeedsSecret, Code: "O3", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidOAuthFlow, Err: ErrOAuth,
		inputs: with(oauthFlag, "GenerateSecret", "ClientSecret"), check: checkClientCredentialsNeedsSecret,
		Summary: "client_credentials is allowed for a client without a secret.",
		Help:    "The client_credentials flow needs a client secret: set GenerateSecret to true or give a ClientSecret."},
	{ID: RuleClientCredentialsReservedScope, Code: "O4", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidOAuthFlow, Err: ErrOAuth,
		inputs: with(oauthFlag, "AllowedOAuthFlows[*]"), check: checkClientCredentialsReservedScope,
		Summary: "client_credentials is allowed with a reserved scope (openid, email, phone, profile, aws.cognito.signin.user.admin).",
		Help:    "Clients of the client_credentials flow act for no user, so they can only have custom scopes (resource-server-identifier/scope-name)."},
	{ID: RuleCodeImplicitNeedCallbacks, Code: "O5", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidOAuthFlow, Err: ErrOAuth,
		// Reads whether CallbackURLs is empty, not its elements.
		inputs: func(string) []string { return []string{oauthFlag, "AllowedOAuthFlows[*]", "CallbackURLs#"} }, check: checkCodeImplicitNeedCallbacks,
		Summary: "The code or implicit flow is allowed without callback URLs.",
		Help:    "The code and implicit flows redirect the user back to the app, so CallbackURLs must hold at least one URL."},
	{ID: RuleScopeNotFound, Code: "O6", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionScopeDoesNotExist, Err: ErrScopeNotFound,
		inputs: with(oauthFlag), check: checkScopeNotFound,
		Summary: "A scope is neither a reserved scope nor of the custom form resource-server/scope-name.",
		Help:    "A scope is one of openid, email, phone, profile and aws.cognito.signin.user.admin (lower case), or a custom scope resource-server-identifier/scope-name with both parts non-empty."},
	{ID: RuleRedirectHTTPS, Code: "U1", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrRedirectURI,
		inputs: self, check: checkRedirectHTTPS,
		Summary: "A callback URL uses http with a host other than localhost, 127.0.0.1 or [::1].",
		Help:    "Callback URLs and the default redirect URI must use https; plain http is allowed only for localhost, 127.0.0.1 and [::1]."},
	{ID: RuleRedirectAbsolute, Code: "U2", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrRedirectURI,
		inputs: self, check: checkRedirectAbsolute,
		Summary: "A callback URL is not an absolute URI.",
		Help:    "Callback URLs and the default redirect URI must be absolute URIs with a scheme (https://..., myapp://...); http and https URIs need a host."},
	{ID: RuleRedirectNoFragment, Code: "U3", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrRedirectURI,
		inputs: self, check: checkRedirectNoFragment,
		Summary: "A callback URL has a fragment (#).",
		Help:    "Callback URLs and the default redirect URI cannot contain a fragment, not even an empty one."},
	{ID: RuleDefaultRedirectInCallbacks, Code: "U4", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrRedirectURI,
		inputs: with("CallbackURLs[*]"), check: checkDefaultRedirectInCallbacks,
		Summary: "DefaultRedirectURI is not one of CallbackURLs.",
		Help:    "DefaultRedirectURI must equal one of CallbackURLs, character for character."},
	{ID: RuleSecretGenerateOrCustom, Code: "S1", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrClientSecret,
		inputs: with("GenerateSecret"), check: checkSecretGenerateOrCustom,
		Summary: "GenerateSecret is true and a ClientSecret is given too.",
		Help:    "Either let Cognito generate the secret or give one, not both."},
	{ID: RuleContextDataNeedsSecret, Code: "S2", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrClientSecret,
		inputs: with("GenerateSecret", "ClientSecret"), check: checkContextDataNeedsSecret,
		Summary: "EnablePropagateAdditionalUserContextData is true for a client without a secret.",
		Help:    "Additional user context data can only be propagated by app clients that have a client secret."},
	{ID: RuleExplicitFlowsNoLegacyMix, Code: "F1", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrAuthFlows,
		inputs: with("ExplicitAuthFlows[*]"), check: checkExplicitFlowsNoLegacyMix,
		Summary: "ExplicitAuthFlows mixes legacy values with ALLOW_ values.",
		Help:    "ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH are legacy values that cannot be combined with ALLOW_ values; use their ALLOW_ forms ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH and ALLOW_USER_PASSWORD_AUTH."},
	{ID: RuleRefreshTokenAuthRequired, Code: "F2", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrAuthFlows,
		inputs: with("ExplicitAuthFlows[*]", "RefreshTokenRotation.Feature"), check: checkRefreshTokenAuthRequired,
		Summary: "ExplicitAuthFlows lacks ALLOW_REFRESH_TOKEN_AUTH while refresh token rotation is not enabled.",
		Help:    "A list of ALLOW_ flows must include ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is enabled."},
	{ID: RuleRotationForbidsRefreshTokenAuth, Code: "F3", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrAuthFlows,
		inputs: with("RefreshTokenRotation.Feature"), check: checkRotationForbidsRefreshTokenAuth,
		Summary: "ExplicitAuthFlows holds ALLOW_REFRESH_TOKEN_AUTH while refresh token rotation is enabled.",
		Help:    "With refresh token rotation enabled, tokens are refreshed through GetTokensFromRefreshToken and ExplicitAuthFlows must not include ALLOW_REFRESH_TOKEN_AUTH."},
	{ID: RuleClientTokenAuthAlone, Code: "F4", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrAuthFlows,
		inputs: with("ExplicitAuthFlows[*]"), check: checkClientTokenAuthAlone,
		Summary: "ExplicitAuthFlows holds ALLOW_CLIENT_TOKEN_AUTH together with other flows.",
		Help:    "ALLOW_CLIENT_TOKEN_AUTH, the flow of GetClientToken, excludes every user authentication flow: it must be the client's only explicit authentication flow. Use a separate app client for user sign-in."},
	{ID: RuleClientTokenAuthNeedsSecret, Code: "F5", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrAuthFlows,
		inputs: with("GenerateSecret", "ClientSecret"), check: checkClientTokenAuthNeedsSecret,
		Summary: "ALLOW_CLIENT_TOKEN_AUTH is allowed for a client without a secret.",
		Help:    "GetClientToken authenticates the client with its secret: set GenerateSecret to true or give a ClientSecret."},
	{ID: RuleTokenValidityRange, Code: "T1", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrTokenValidity,
		inputs: unitOf, check: checkTokenValidityRange,
		Summary: "A token lifetime, after unit conversion, is outside 5 minutes to 1 day (access, ID) or 60 minutes to 3650 days (refresh).",
		Help:    "Access and ID tokens live 5 minutes to 1 day, refresh tokens 60 minutes to 3650 days, counted in the units of TokenValidityUnits (hours, hours and days by default)."},
	{ID: RuleWriteAttributeNotWritable, Code: "A1", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrAttributePermission,
		inputs: self, check: checkWriteAttributeNotWritable,
		Summary: "WriteAttributes holds email_verified, which no client may write.",
		Help:    "email_verified cannot be written by an app client; Cognito sets it when the user confirms the address."},

	// The rules that need the user pool (the rule book's section 3): their
	// checks, in pool.go, also read the pool.

	{ID: RuleCustomScopeExists, Code: "P1", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopePool, Exception: ExceptionScopeDoesNotExist, Err: ErrScopeNotInPool,
		inputs: with(oauthFlag), poolCheck: checkCustomScopeExists,
		Summary: "A custom scope names a resource server the user pool does not have, or a scope that server does not have.",
		Help:    "Cognito answers \"Invalid scope requested\" for a custom scope <resource-server>/<scope-name> unless the pool has that resource server with that scope. Create the resource server or scope first, or correct the scope; scopes are case-sensitive."},
	{ID: RuleIdentityProviderExists, Code: "P2", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopePool, Exception: ExceptionInvalidParameter, Err: ErrProviderNotInPool,
		inputs: self, poolCheck: checkIdentityProviderExists,
		Summary: "SupportedIdentityProviders names a provider other than COGNITO that the user pool has not configured.",
		Help:    "Every identity provider of a client but COGNITO, social ones (Google, Facebook, SignInWithApple, LoginWithAmazon) included, must be configured in the pool under that exact name before the client names it."},
	{ID: RuleWriteAttributesIncludeRequired, Code: "P3", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopePool, Exception: ExceptionInvalidParameter, Err: ErrRequiredAttributeNotWritable,
		// Reads every element: an unknown one may be the required attribute.
		inputs: func(string) []string { return []string{"WriteAttributes[*]"} }, poolCheck: checkWriteAttributesIncludeRequired,
		Summary: "A non-empty WriteAttributes leaves out an attribute the user pool requires.",
		Help:    "A client that lists its write attributes must be able to write every attribute the pool marks required (sub excepted), or it could not sign users up: add them, or leave WriteAttributes out."},
	{ID: RuleAttributeExists, Code: "P4", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopePool, Exception: ExceptionInvalidParameter,
		inputs: self, poolCheck: checkAttributeExists,
		Summary: "A read or write attribute is neither a standard attribute nor in the user pool's schema.",
		Help:    "An attribute the pool does not have is most often a custom attribute without its custom: prefix, or a typo. Cognito's answer is not yet recorded, so this is a warning; it would be InvalidParameterException."},
	{ID: RuleFeaturePlan, Code: "P5", Severity: SeverityError, Evidence: EvidenceDocumented, Scope: ScopePool, Exception: ExceptionFeatureUnavailableInTier, Err: ErrFeaturePlan,
		inputs: self, poolCheck: checkFeaturePlan,
		Summary: "ALLOW_USER_AUTH or refresh token rotation on a user pool of the LITE feature plan.",
		Help:    "Choice-based sign-in (ALLOW_USER_AUTH) and refresh token rotation need the ESSENTIALS or PLUS feature plan: move the pool to one of them, or leave the feature out."},
	// P6 has no check here: package iac decides it over the resources of a
	// template or configuration (its dependencyOrder), which a request and
	// a Pool do not describe. Its exception is that of P1 or P2.
	{ID: RuleDependencyOrder, Code: "P6", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopeTemplate, Err: ErrDependencyOrder,
		inputs:  dependencyInputs,
		Summary: "A template's client uses a resource server or identity provider of the same template without depending on it.",
		Help:    "Nothing orders a deployment's resources but their references: a client that names a scope of a resource server, or an identity provider, of the same template or configuration without a Ref, GetAtt or Sub to it (or a DependsOn; in Terraform a reference or depends_on) may be created first, and Cognito then rejects it as custom-scope-exists or identity-provider-exists would. Decided by package iac over a template's resources."},

	{ID: RuleOAuthSettingsIgnored, Code: "W1", Severity: SeverityWarning, Evidence: EvidenceSeen, Scope: ScopeRequest,
		// Reads the flag, whether each OAuth list is set, and whether the
		// client is one of GetClientToken's (whose scopes are not ignored).
		inputs: func(string) []string {
			return []string{oauthFlag, "AllowedOAuthFlows#", "AllowedOAuthScopes#", "CallbackURLs#", "LogoutURLs#", "ExplicitAuthFlows[*]"}
		},
		check:   lintOAuthSettingsIgnored,
		Summary: "OAuth flows, scopes, callback or logout URLs are set while AllowedOAuthFlowsUserPoolClient is false.",
		Help:    "The OAuth members take effect only with AllowedOAuthFlowsUserPoolClient true; Cognito has been seen to accept and ignore them otherwise. Turn the flag on, or remove the members."},
	{ID: RuleImplicitGrant, Code: "W2", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: self, check: lintImplicitGrant,
		Summary: "The implicit grant is allowed.",
		Help:    "The OAuth 2.0 Security Best Current Practice (RFC 9700) says not to use the implicit grant: tokens in the redirect can leak. Use the code grant with PKCE."},
	{ID: RuleOIDCScopeWithoutOpenID, Code: "W3", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: elements, check: lintOIDCScopeWithoutOpenID,
		Summary: "The email, phone or profile scope is allowed without openid.",
		Help:    "The email, phone and profile scopes only work in requests that also ask for openid: add openid to AllowedOAuthScopes."},
	{ID: RuleTokenOutlivesRefresh, Code: "W4", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopeRequest,
		inputs:  func(field string) []string { return append(unitOf(field), unitOf("RefreshTokenValidity")...) },
		check:   lintTokenOutlivesRefresh,
		Summary: "An access or ID token lives longer than the refresh token.",
		Help:    "A session ends when the refresh token expires, so a longer access or ID token validity means nothing: shorten it, or lengthen the refresh token validity."},
	{ID: RuleRedirectWildcard, Code: "W5", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: self, check: lintRedirectWildcard,
		Summary: "A callback or logout URL holds a *.",
		Help:    "Cognito compares redirect URIs character for character: a wildcard never matches. List every URL."},
	{ID: RuleLoopbackRedirect, Code: "W6", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: self, check: lintLoopbackRedirect,
		Summary: "A callback URL is plain http to a loopback host.",
		Help:    "http callbacks to localhost, 127.0.0.1 or [::1] are meant for testing: keep them out of production clients, or in a separate development client."},
	{ID: RuleLogoutHTTPS, Code: "W7", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopeRequest,
		inputs: self, check: lintLogoutHTTPS,
		Summary: "A logout URL uses plain http to a host other than localhost, 127.0.0.1 or [::1].",
		Help:    "Cognito is believed to apply the callback URLs' https rule to logout URLs too; use https."},
	{ID: RuleUserExistenceErrors, Code: "W8", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: self, check: lintUserExistenceErrors,
		Summary: "PreventUserExistenceErrors is not ENABLED.",
		Help:    "With LEGACY, Cognito's default, sign-in, confirmation and password recovery tell callers which users exist. Set PreventUserExistenceErrors to ENABLED."},
	{ID: RuleTokenRevocationOff, Code: "W9", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: self, check: lintTokenRevocationOff,
		Summary: "EnableTokenRevocation is false.",
		Help:    "Without token revocation, a refresh token that was revoked or signed out keeps working until it expires."},
	{ID: RulePasswordFlows, Code: "W10", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: self, check: lintPasswordFlows,
		Summary: "ExplicitAuthFlows allows a flow in which the password leaves the client.",
		Help:    "ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH and their legacy forms send the password itself; ALLOW_USER_SRP_AUTH and ALLOW_USER_AUTH avoid that."},
	{ID: RuleLongRefreshWithoutRotation, Code: "W11", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopeRequest,
		inputs:  func(field string) []string { return append(unitOf(field), "RefreshTokenRotation.Feature") },
		check:   lintLongRefreshWithoutRotation,
		Summary: "The refresh token lives more than 30 days without refresh token rotation.",
		Help:    "A leaked refresh token stays usable for its whole validity: shorten it to 30 days or less, or enable refresh token rotation."},
	{ID: RuleRotationWithDefaultFlows, Code: "W12", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs:  func(string) []string { return []string{"RefreshTokenRotation.Feature", "ExplicitAuthFlows#"} },
		check:   lintRotationWithDefaultFlows,
		Summary: "Refresh token rotation is enabled and ExplicitAuthFlows is left to its default.",
		Help:    "The default flows include ALLOW_REFRESH_TOKEN_AUTH, which rotation forbids: list the flows the client needs, without ALLOW_REFRESH_TOKEN_AUTH."},
	{ID: RuleDuplicateEntries, Code: "W13", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopeRequest,
		inputs: elements, check: lintDuplicateEntries,
		Summary: "A list holds the same value twice.",
		Help:    "Cognito's handling of duplicate list entries is undocumented, and a duplicate is almost surely a mistake: remove it."},
	{ID: RuleScopeReservedCase, Code: "W14", Severity: SeverityWarning, Evidence: EvidenceSeen, Scope: ScopeRequest,
		inputs: self, check: lintScopeReservedCase,
		Summary: "A scope differs from a reserved scope only by letter case.",
		Help:    "Scopes are case-sensitive: OpenID is not openid, and Cognito rejects it as a scope that does not exist. Write the reserved scopes in lower case."},
	{ID: RulePhoneNumberVerifiedWritable, Code: "W15", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopeRequest,
		inputs: self, check: lintPhoneNumberVerifiedWritable,
		Summary: "WriteAttributes holds phone_number_verified or sub.",
		Help:    "Like email_verified, which Cognito refuses, phone_number_verified is set by Cognito when the user verifies the number, and sub is the user's immutable identifier: no client should write them."},
	{ID: RuleAnalyticsIncomplete, Code: "W16", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs:  with("AnalyticsConfiguration.ApplicationId", "AnalyticsConfiguration.ApplicationArn", "AnalyticsConfiguration.RoleArn", "AnalyticsConfiguration.ExternalId"),
		check:   lintAnalyticsIncomplete,
		Summary: "AnalyticsConfiguration is neither ApplicationArn alone nor ApplicationId with RoleArn and ExternalId.",
		Help:    "The documented forms of AnalyticsConfiguration are ApplicationArn alone, or ApplicationId together with RoleArn and ExternalId; Cognito's answer to other combinations is unrecorded."},
	{ID: RuleRedirectSchemeUnsafe, Code: "W17", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopeRequest,
		inputs: self, check: lintRedirectSchemeUnsafe,
		Summary: "A callback or logout URL uses the javascript, data, vbscript or file scheme.",
		Help:    "A redirect to such a URL runs code or reads local files in the browser that follows it: use https or an app's own scheme."},
	{ID: RuleMachineClientUserFlows, Code: "W18", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopeRequest,
		inputs: with("AllowedOAuthFlows[*]", "ExplicitAuthFlows[*]", "ExplicitAuthFlows#"), check: lintMachineClientUserFlows,
		Summary: "A client_credentials client allows user sign-in flows.",
		Help:    "A machine-to-machine client needs no user sign-in, and each allowed flow is attack surface: set ExplicitAuthFlows to [ALLOW_REFRESH_TOKEN_AUTH] (absent means the defaults, which allow sign-in)."},
	{ID: RuleUnknownAuthFlow, Code: "W19", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: self, check: lintUnknownAuthFlow,
		Summary: "ExplicitAuthFlows holds a well-formed ALLOW_ flow that this version does not know.",
		Help:    "AWS has added authentication flows before its service model and SDK listed them, so an unknown ALLOW_ value is not an error here. Cognito rejects a flow it does not know: check the name against the AWS documentation, and upgrade appclient if the flow is new."},
	{ID: RuleClientTokenReservedScope, Code: "W20", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeRequest,
		inputs: with(oauthFlag, "ExplicitAuthFlows[*]", "AllowedOAuthFlows[*]"), check: lintClientTokenReservedScope,
		Summary: "A client of ALLOW_CLIENT_TOKEN_AUTH lists a reserved scope (openid, email, phone, profile, aws.cognito.signin.user.admin).",
		Help:    "GetClientToken issues only custom scopes of the pool's resource servers, so a reserved scope is never granted to it: remove the scope, or give it to a client of the code grant."},
	// W21 and W22 have no check here: package iac decides them over the
	// configuration or template that defines the client.
	{ID: RuleTerraformEmptyList, Code: "W21", Severity: SeverityWarning, Evidence: EvidenceSeen, Scope: ScopeTemplate,
		inputs:  self,
		Summary: "A Terraform argument is set to an explicit empty list or set.",
		Help:    "The AWS provider sends nothing for an empty list, so Cognito keeps its default and the next plan shows a change again, or apply fails with \"Provider produced inconsistent result after apply\". Remove the argument instead of setting it to []."},
	{ID: RuleManagedLoginWithoutBranding, Code: "W22", Severity: SeverityWarning, Evidence: EvidenceDocumented, Scope: ScopeTemplate,
		inputs:  with(oauthFlag, "AllowedOAuthFlows[*]"),
		Summary: "A client of the code or implicit grant has no managed login branding, while its pool's domain uses managed login version 2.",
		Help:    "Cognito assigns no branding style to app clients created outside the console, and their managed login pages are unavailable until one is applied: add an AWS::Cognito::ManagedLoginBranding (Terraform: aws_cognito_managed_login_branding) for the client."},
}

// Rules returns the rule table: the six kinds of model constraint, the
// service rules in the order Validate reports them, the rules that need the
// user pool (Scope [ScopePool], which ValidateInPool and LintInPool run, and
// the one [ScopeTemplate] rule, dependency-order, that package iac decides
// over a template), then the advisories in the order Lint reports them. The
// result is a copy.
func Rules() []RuleInfo {
	return append([]RuleInfo(nil), ruleTable...)
}

// ruleIndex maps a rule id to its entry in ruleTable.
var ruleIndex = func() map[string]*RuleInfo {
	m := make(map[string]*RuleInfo, len(ruleTable))
	for i := range ruleTable {
		m[ruleTable[i].ID] = &ruleTable[i]
	}
	return m
}()

// ruleInfo returns the entry of the rule id, or nil.
func ruleInfo(id string) *RuleInfo { return ruleIndex[id] }

// RuleByID returns the rule with the given id, as in FieldError.Rule and
// Advisory.Rule, and whether there is one.
func RuleByID(id string) (RuleInfo, bool) {
	if r := ruleIndex[id]; r != nil {
		return *r, true
	}
	return RuleInfo{}, false
}

// The checks that Validate and Lint run, in table order, made once by
// indexRules: each with its rule, side by side so that the loop reads them
// from one small array. poolErrorRules and poolWarningRules are the entries
// whose pool checks ValidateInPool and LintInPool run.
var (
	serviceChecks, lintChecks        []ruleCheck
	poolErrorRules, poolWarningRules []*RuleInfo
)

type ruleCheck struct {
	check func(r *CreateUserPoolClientRequest) findings
	rule  *RuleInfo
}

func init() { indexRules() }

// indexRules makes serviceChecks, lintChecks, poolErrorRules and
// poolWarningRules from ruleTable.
func indexRules() {
	serviceChecks, lintChecks = nil, nil
	poolErrorRules, poolWarningRules = nil, nil
	for i := range ruleTable {
		r := &ruleTable[i]
		switch {
		case r.Scope == ScopeRequest && r.Severity == SeverityError:
			serviceChecks = append(serviceChecks, ruleCheck{r.check, r})
		case r.Scope == ScopeRequest && r.Severity == SeverityWarning:
			lintChecks = append(lintChecks, ruleCheck{r.check, r})
		case r.Scope == ScopePool && r.Severity == SeverityError:
			poolErrorRules = append(poolErrorRules, r)
		case r.Scope == ScopePool && r.Severity == SeverityWarning:
			poolWarningRules = append(poolWarningRules, r)
		}
	}
}

// serviceErrors runs the checks of the service rules on r, in table order,
// and appends their violations to errs.
func serviceErrors(r *CreateUserPoolClientRequest, errs []*FieldError) []*FieldError {
	for _, c := range serviceChecks {
		for _, f := range c.check(r) {
			rule := c.rule
			errs = append(errs, &FieldError{Field: f.field, Rule: rule.ID, Exception: rule.Exception, Value: f.value, Message: f.msg, Err: rule.Err})
		}
	}
	return errs
}

// lintAdvisories runs the checks of the advisories on r, in table order.
func lintAdvisories(r *CreateUserPoolClientRequest) []*Advisory {
	var out []*Advisory
	for _, c := range lintChecks {
		for _, f := range c.check(r) {
			out = append(out, &Advisory{Field: f.field, Rule: c.rule.ID, Severity: SeverityWarning, Message: f.msg, Value: f.value})
		}
	}
	return out
}

// poolErrors runs the pool checks of the table's pool errors on r and p, in
// table order, and appends their findings to errs as FieldErrors.
func poolErrors(r *CreateUserPoolClientRequest, p *Pool, errs []*FieldError) []*FieldError {
	for _, rule := range poolErrorRules {
		for _, f := range rule.poolCheck(r, p) {
			errs = append(errs, &FieldError{Field: f.field, Rule: rule.ID, Exception: rule.Exception, Value: f.value, Message: f.msg, Err: rule.Err})
		}
	}
	return errs
}

// poolAdvisories runs the pool checks of the warnings on r and p, in table
// order.
func poolAdvisories(r *CreateUserPoolClientRequest, p *Pool) []*Advisory {
	var out []*Advisory
	for _, rule := range poolWarningRules {
		for _, f := range rule.poolCheck(r, p) {
			out = append(out, &Advisory{Field: f.field, Rule: rule.ID, Severity: SeverityWarning, Message: f.msg, Value: f.value})
		}
	}
	return out
}

// withPoolErrors returns err, the result of Validate, with the violations of
// the pool rules on r and p added after its own.
func withPoolErrors(err error, r *CreateUserPoolClientRequest, p *Pool) error {
	errs := poolErrors(r, p, nil)
	if len(errs) == 0 {
		return err
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		ve = new(ValidationError)
	}
	ve.Errors = append(ve.Errors, errs...)
	return ve
}
