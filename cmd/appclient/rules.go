package main

import (
	"strings"

	"github.com/cognitokit/appclient"
)

// ruleInfo adds to a rule of appclient.Rules what this command needs: a
// paragraph of help for SARIF viewers, and which members the rule reads, so
// that a violation that depends on a value unknown before deployment can be
// set aside.
type ruleInfo struct {
	ID   string
	Help string // a paragraph: SARIF help and fullDescription
	// inputs returns the tokens (see client.isUnknown) of every value the
	// rule reads to report a violation on field.
	inputs func(field string) []string
}

// self is the inputs of a model constraint: the value itself.
func self(field string) []string { return []string{field} }

// with returns inputs made of the field and fixed tokens.
func with(tokens ...string) func(string) []string {
	return func(field string) []string { return append([]string{field}, tokens...) }
}

const oauthFlag = "AllowedOAuthFlowsUserPoolClient"

// rules completes appclient.Rules, in its order: the model constraints
// first, then the service rules in the rule book's order.
var rules = []ruleInfo{
	{ID: appclient.RuleRequired, inputs: self,
		Help: "UserPoolId and ClientName are required (ClientName is optional in CloudFormation, which makes one up), and so is RefreshTokenRotation.Feature when RefreshTokenRotation is present. An empty string counts as missing."},
	{ID: appclient.RuleLength, inputs: self,
		Help: "Lengths count characters (Unicode code points). An empty string for an optional member is sent to Cognito and fails its minimum length."},
	{ID: appclient.RuleListSize,
		inputs: func(field string) []string { return []string{field + "#"} },
		Help:   "CallbackURLs and LogoutURLs hold at most 100 entries, AllowedOAuthScopes at most 50 and AllowedOAuthFlows at most 3."},
	{ID: appclient.RulePattern, inputs: self,
		Help: "Each string member has a character pattern in the AWS model: UserPoolId looks like us-east-1_AbC123xyz, ClientName allows letters, digits, whitespace and +=,.@-_, ClientSecret allows only letters, digits, _ and +, scopes are printable ASCII without space, quote or backslash."},
	{ID: appclient.RuleEnum, inputs: self,
		Help: "AllowedOAuthFlows, ExplicitAuthFlows, PreventUserExistenceErrors, TokenValidityUnits and RefreshTokenRotation.Feature take fixed, case-sensitive values."},
	{ID: appclient.RuleRange, inputs: self,
		Help: "RefreshTokenValidity is 0 to 315360000, AccessTokenValidity and IdTokenValidity 1 to 86400 (whatever the unit), AuthSessionValidity 3 to 15 minutes and RefreshTokenRotation.RetryGracePeriodSeconds 0 to 60."},

	{ID: appclient.RuleOAuthFlowsAndScopesRequired,
		inputs: func(field string) []string { return []string{oauthFlag, field + "#"} },
		Help:   "With AllowedOAuthFlowsUserPoolClient true, Cognito requires at least one OAuth flow and at least one scope."},
	{ID: appclient.RuleClientCredentialsExclusive,
		inputs: with(oauthFlag, "AllowedOAuthFlows[*]"),
		Help:   "The client_credentials flow must be the only OAuth flow of an app client: machine-to-machine clients and user-facing clients are separate app clients."},
	{ID: appclient.RuleClientCredentialsNeedsSecret,
		inputs: with(oauthFlag, "GenerateSecret", "ClientSecret"),
		Help:   "The client_credentials flow needs a client secret: set GenerateSecret to true or give a ClientSecret."},
	{ID: appclient.RuleClientCredentialsReservedScope,
		inputs: with(oauthFlag, "AllowedOAuthFlows[*]"),
		Help:   "Clients of the client_credentials flow act for no user, so they can only have custom scopes (resource-server-identifier/scope-name)."},
	{ID: appclient.RuleCodeImplicitNeedCallbacks,
		// Reads whether CallbackURLs is empty, not its elements.
		inputs: func(string) []string { return []string{oauthFlag, "AllowedOAuthFlows[*]", "CallbackURLs#"} },
		Help:   "The code and implicit flows redirect the user back to the app, so CallbackURLs must hold at least one URL."},
	{ID: appclient.RuleScopeNotFound,
		inputs: with(oauthFlag),
		Help:   "A scope is one of openid, email, phone, profile and aws.cognito.signin.user.admin (lower case), or a custom scope resource-server-identifier/scope-name with both parts non-empty."},
	{ID: appclient.RuleRedirectHTTPS, inputs: self,
		Help: "Callback URLs and the default redirect URI must use https; plain http is allowed only for localhost, 127.0.0.1 and [::1]."},
	{ID: appclient.RuleRedirectAbsolute, inputs: self,
		Help: "Callback URLs and the default redirect URI must be absolute URIs with a scheme (https://..., myapp://...); http and https URIs need a host."},
	{ID: appclient.RuleRedirectNoFragment, inputs: self,
		Help: "Callback URLs and the default redirect URI cannot contain a fragment, not even an empty one."},
	{ID: appclient.RuleDefaultRedirectInCallbacks,
		inputs: with("CallbackURLs[*]"),
		Help:   "DefaultRedirectURI must equal one of CallbackURLs, character for character."},
	{ID: appclient.RuleSecretGenerateOrCustom,
		inputs: with("GenerateSecret"),
		Help:   "Either let Cognito generate the secret or give one, not both."},
	{ID: appclient.RuleContextDataNeedsSecret,
		inputs: with("GenerateSecret", "ClientSecret"),
		Help:   "Additional user context data can only be propagated by app clients that have a client secret."},
	{ID: appclient.RuleExplicitFlowsNoLegacyMix,
		inputs: with("ExplicitAuthFlows[*]"),
		Help:   "ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH are legacy values that cannot be combined with ALLOW_ values; use the ALLOW_ forms."},
	{ID: appclient.RuleRefreshTokenAuthRequired,
		inputs: with("ExplicitAuthFlows[*]", "RefreshTokenRotation.Feature"),
		Help:   "A list of ALLOW_ flows must include ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is enabled."},
	{ID: appclient.RuleRotationForbidsRefreshTokenAuth,
		inputs: with("RefreshTokenRotation.Feature"),
		Help:   "With refresh token rotation enabled, tokens are refreshed through GetTokensFromRefreshToken and ExplicitAuthFlows must not include ALLOW_REFRESH_TOKEN_AUTH."},
	{ID: appclient.RuleTokenValidityRange,
		inputs: func(field string) []string {
			unit := map[string]string{
				"AccessTokenValidity":  "TokenValidityUnits.AccessToken",
				"IdTokenValidity":      "TokenValidityUnits.IdToken",
				"RefreshTokenValidity": "TokenValidityUnits.RefreshToken",
			}[field]
			if unit == "" {
				unit = "TokenValidityUnits"
			}
			return []string{field, unit}
		},
		Help: "Access and ID tokens live 5 minutes to 1 day, refresh tokens 60 minutes to 3650 days, counted in the units of TokenValidityUnits (hours, hours and days by default)."},
	{ID: appclient.RuleWriteAttributeNotWritable, inputs: self,
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

// dependsOnUnknown reports whether a violation of rule on field may be an
// artefact of a value that is unknown before deployment. A rule this
// program does not know is assumed to read everything.
func (c *client) dependsOnUnknown(rule, field string) bool {
	if len(c.Unknown) == 0 {
		return false
	}
	r := ruleByID(rule)
	if r == nil {
		return true
	}
	for _, tok := range r.inputs(field) {
		if tok == "" {
			continue
		}
		if c.isUnknown(tok) {
			return true
		}
		// A violation on a list as a whole ("AllowedOAuthFlows") reads
		// every element.
		if !strings.HasSuffix(tok, "]") && !strings.HasSuffix(tok, "#") && c.isList(tok) && c.isUnknown(tok+"[*]") {
			return true
		}
	}
	return false
}

// isList reports whether a member path names a list member.
func (c *client) isList(path string) bool {
	specs := requestMembers
	var spec *memberSpec
	for part := range strings.SplitSeq(path, ".") {
		spec = findSpec(specs, part)
		if spec == nil {
			return false
		}
		specs = spec.Fields
	}
	return spec != nil && spec.Type == typeStringList
}
