package main

import (
	"github.com/cognitokit/appclient"
)

// ruleInfo adds to a rule of appclient.Rules what this command needs: a
// paragraph of help for SARIF viewers. Which members each rule reads, to set
// aside violations that depend on unknown values, is in package iac.
type ruleInfo struct {
	ID   string
	Help string // a paragraph: SARIF help and fullDescription
}

// rules completes appclient.Rules, in its order: the model constraints
// first, then the service rules in the rule book's order.
var rules = []ruleInfo{
	{ID: appclient.RuleRequired,
		Help: "UserPoolId and ClientName are required (ClientName is optional in CloudFormation, which makes one up), and so is RefreshTokenRotation.Feature when RefreshTokenRotation is present. An empty string counts as missing."},
	{ID: appclient.RuleLength,
		Help: "Lengths count characters (Unicode code points). An empty string for an optional member is sent to Cognito and fails its minimum length."},
	{ID: appclient.RuleListSize,
		Help: "CallbackURLs and LogoutURLs hold at most 100 entries, AllowedOAuthScopes at most 50 and AllowedOAuthFlows at most 3."},
	{ID: appclient.RulePattern,
		Help: "Each string member has a character pattern in the AWS model: UserPoolId looks like us-east-1_AbC123xyz, ClientName allows letters, digits, whitespace and +=,.@-_, ClientSecret allows only letters, digits, _ and +, scopes are printable ASCII without space, quote or backslash."},
	{ID: appclient.RuleEnum,
		Help: "AllowedOAuthFlows, ExplicitAuthFlows, PreventUserExistenceErrors, TokenValidityUnits and RefreshTokenRotation.Feature take fixed, case-sensitive values."},
	{ID: appclient.RuleRange,
		Help: "RefreshTokenValidity is 0 to 315360000, AccessTokenValidity and IdTokenValidity 1 to 86400 (whatever the unit), AuthSessionValidity 3 to 15 minutes and RefreshTokenRotation.RetryGracePeriodSeconds 0 to 60."},

	{ID: appclient.RuleOAuthFlowsAndScopesRequired,
		Help: "With AllowedOAuthFlowsUserPoolClient true, Cognito requires at least one OAuth flow and at least one scope."},
	{ID: appclient.RuleClientCredentialsExclusive,
		Help: "The client_credentials flow must be the only OAuth flow of an app client: machine-to-machine clients and user-facing clients are separate app clients."},
	{ID: appclient.RuleClientCredentialsNeedsSecret,
		Help: "The client_credentials flow needs a client secret: set GenerateSecret to true or give a ClientSecret."},
	{ID: appclient.RuleClientCredentialsReservedScope,
		Help: "Clients of the client_credentials flow act for no user, so they can only have custom scopes (resource-server-identifier/scope-name)."},
	{ID: appclient.RuleCodeImplicitNeedCallbacks,
		Help: "The code and implicit flows redirect the user back to the app, so CallbackURLs must hold at least one URL."},
	{ID: appclient.RuleScopeNotFound,
		Help: "A scope is one of openid, email, phone, profile and aws.cognito.signin.user.admin (lower case), or a custom scope resource-server-identifier/scope-name with both parts non-empty."},
	{ID: appclient.RuleRedirectHTTPS,
		Help: "Callback URLs and the default redirect URI must use https; plain http is allowed only for localhost, 127.0.0.1 and [::1]."},
	{ID: appclient.RuleRedirectAbsolute,
		Help: "Callback URLs and the default redirect URI must be absolute URIs with a scheme (https://..., myapp://...); http and https URIs need a host."},
	{ID: appclient.RuleRedirectNoFragment,
		Help: "Callback URLs and the default redirect URI cannot contain a fragment, not even an empty one."},
	{ID: appclient.RuleDefaultRedirectInCallbacks,
		Help: "DefaultRedirectURI must equal one of CallbackURLs, character for character."},
	{ID: appclient.RuleSecretGenerateOrCustom,
		Help: "Either let Cognito generate the secret or give one, not both."},
	{ID: appclient.RuleContextDataNeedsSecret,
		Help: "Additional user context data can only be propagated by app clients that have a client secret."},
	{ID: appclient.RuleExplicitFlowsNoLegacyMix,
		Help: "ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH are legacy values that cannot be combined with ALLOW_ values; use the ALLOW_ forms."},
	{ID: appclient.RuleRefreshTokenAuthRequired,
		Help: "A list of ALLOW_ flows must include ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is enabled."},
	{ID: appclient.RuleRotationForbidsRefreshTokenAuth,
		Help: "With refresh token rotation enabled, tokens are refreshed through GetTokensFromRefreshToken and ExplicitAuthFlows must not include ALLOW_REFRESH_TOKEN_AUTH."},
	{ID: appclient.RuleTokenValidityRange,
		Help: "Access and ID tokens live 5 minutes to 1 day, refresh tokens 60 minutes to 3650 days, counted in the units of TokenValidityUnits (hours, hours and days by default)."},
	{ID: appclient.RuleWriteAttributeNotWritable,
		Help: "email_verified cannot be written by an app client; Cognito sets it when the user confirms the address."},
}

// ruleByID returns the rule with the given id, or nil.
func ruleByID(id string) *ruleInfo {
	for i := range rules {
		if rules[i].ID == id {
			return &rules[i]
		}
	}
	return nil
}
