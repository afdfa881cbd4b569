package main

import (
	"strings"
)

// ruleInfo describes a rule that Validate checks: what the SARIF output and
// the help show, and which members the rule reads, so that a violation that
// depends on a value unknown before deployment can be set aside.
type ruleInfo struct {
	ID        string
	Short     string // one line: SARIF shortDescription
	Help      string // a paragraph: SARIF help and fullDescription
	Exception string
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

// rules lists the rules of the rule book that need nothing but the request:
// the model constraints first, then the service rules in the book's order.
var rules = []ruleInfo{
	{ID: "required", Exception: "InvalidParameterException", inputs: self,
		Short: "A required member is missing or empty",
		Help:  "UserPoolId and ClientName are required (ClientName is optional in CloudFormation, which makes one up), and so is RefreshTokenRotation.Feature when RefreshTokenRotation is present. An empty string counts as missing."},
	{ID: "length", Exception: "InvalidParameterException", inputs: self,
		Short: "A string is shorter or longer than the AWS model allows",
		Help:  "Lengths count characters (Unicode code points). An empty string for an optional member is sent to Cognito and fails its minimum length."},
	{ID: "list-size", Exception: "InvalidParameterException",
		inputs: func(field string) []string { return []string{field + "#"} },
		Short:  "A list has more entries than the AWS model allows",
		Help:   "CallbackURLs and LogoutURLs hold at most 100 entries, AllowedOAuthScopes at most 50 and AllowedOAuthFlows at most 3."},
	{ID: "pattern", Exception: "InvalidParameterException", inputs: self,
		Short: "A string holds characters its member does not allow",
		Help:  "Each string member has a character pattern in the AWS model: UserPoolId looks like us-east-1_AbC123xyz, ClientName allows letters, digits, whitespace and +=,.@-_, ClientSecret allows only letters, digits, _ and +, scopes are printable ASCII without space, quote or backslash."},
	{ID: "enum", Exception: "InvalidParameterException", inputs: self,
		Short: "A value is not one of its member's allowed values",
		Help:  "AllowedOAuthFlows, ExplicitAuthFlows, PreventUserExistenceErrors, TokenValidityUnits and RefreshTokenRotation.Feature take fixed, case-sensitive values."},
	{ID: "range", Exception: "InvalidParameterException", inputs: self,
		Short: "A number is out of the range the AWS model allows",
		Help:  "RefreshTokenValidity is 0 to 315360000, AccessTokenValidity and IdTokenValidity 1 to 86400 (whatever the unit), AuthSessionValidity 3 to 15 minutes and RefreshTokenRotation.RetryGracePeriodSeconds 0 to 60."},

	{ID: "oauth-flows-and-scopes-required", Exception: "InvalidParameterException",
		inputs: func(field string) []string { return []string{oauthFlag, field + "#"} },
		Short:  "OAuth is on but AllowedOAuthFlows or AllowedOAuthScopes is empty",
		Help:   "With AllowedOAuthFlowsUserPoolClient true, Cognito requires at least one OAuth flow and at least one scope."},
	{ID: "client-credentials-exclusive", Exception: "InvalidOAuthFlowException",
		inputs: with(oauthFlag, "AllowedOAuthFlows[*]"),
		Short:  "client_credentials is combined with code or implicit",
		Help:   "The client_credentials flow must be the only OAuth flow of an app client: machine-to-machine clients and user-facing clients are separate app clients."},
	{ID: "client-credentials-needs-secret", Exception: "InvalidOAuthFlowException",
		inputs: with(oauthFlag, "GenerateSecret", "ClientSecret"),
		Short:  "client_credentials on a client without a secret",
		Help:   "The client_credentials flow needs a client secret: set GenerateSecret to true or give a ClientSecret."},
	{ID: "client-credentials-reserved-scope", Exception: "InvalidOAuthFlowException",
		inputs: with(oauthFlag, "AllowedOAuthFlows[*]"),
		Short:  "client_credentials with openid, email, phone, profile or aws.cognito.signin.user.admin",
		Help:   "Clients of the client_credentials flow act for no user, so they can only have custom scopes (resource-server-identifier/scope-name)."},
	{ID: "code-implicit-need-callbacks", Exception: "InvalidOAuthFlowException",
		// Reads whether CallbackURLs is empty, not its elements.
		inputs: func(string) []string { return []string{oauthFlag, "AllowedOAuthFlows[*]", "CallbackURLs#"} },
		Short:  "code or implicit flow without CallbackURLs",
		Help:   "The code and implicit flows redirect the user back to the app, so CallbackURLs must hold at least one URL."},
	{ID: "scope-not-found", Exception: "ScopeDoesNotExistException",
		inputs: with(oauthFlag),
		Short:  "A scope that can never exist",
		Help:   "A scope is one of openid, email, phone, profile and aws.cognito.signin.user.admin (lower case), or a custom scope resource-server-identifier/scope-name with both parts non-empty."},
	{ID: "redirect-https", Exception: "InvalidParameterException", inputs: self,
		Short: "A redirect URI uses http to a host other than localhost",
		Help:  "Callback URLs and the default redirect URI must use https; plain http is allowed only for localhost, 127.0.0.1 and [::1]."},
	{ID: "redirect-absolute", Exception: "InvalidParameterException", inputs: self,
		Short: "A redirect URI is not absolute",
		Help:  "Callback URLs and the default redirect URI must be absolute URIs with a scheme (https://..., myapp://...); http and https URIs need a host."},
	{ID: "redirect-no-fragment", Exception: "InvalidParameterException", inputs: self,
		Short: "A redirect URI has a #fragment",
		Help:  "Callback URLs and the default redirect URI cannot contain a fragment, not even an empty one."},
	{ID: "default-redirect-in-callbacks", Exception: "InvalidParameterException",
		inputs: with("CallbackURLs[*]"),
		Short:  "DefaultRedirectURI is not one of CallbackURLs",
		Help:   "DefaultRedirectURI must equal one of CallbackURLs, character for character."},
	{ID: "secret-generate-or-custom", Exception: "InvalidParameterException",
		inputs: with("GenerateSecret"),
		Short:  "GenerateSecret and ClientSecret together",
		Help:   "Either let Cognito generate the secret or give one, not both."},
	{ID: "context-data-needs-secret", Exception: "InvalidParameterException",
		inputs: with("GenerateSecret", "ClientSecret"),
		Short:  "EnablePropagateAdditionalUserContextData on a client without a secret",
		Help:   "Additional user context data can only be propagated by app clients that have a client secret."},
	{ID: "explicit-flows-no-legacy-mix", Exception: "InvalidParameterException",
		inputs: with("ExplicitAuthFlows[*]"),
		Short:  "Legacy and ALLOW_ explicit auth flows are mixed",
		Help:   "ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH are legacy values that cannot be combined with ALLOW_ values; use the ALLOW_ forms."},
	{ID: "refresh-token-auth-required", Exception: "InvalidParameterException",
		inputs: with("ExplicitAuthFlows[*]", "RefreshTokenRotation.Feature"),
		Short:  "ExplicitAuthFlows lacks ALLOW_REFRESH_TOKEN_AUTH",
		Help:   "A list of ALLOW_ flows must include ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is enabled."},
	{ID: "rotation-forbids-refresh-token-auth", Exception: "InvalidParameterException",
		inputs: with("RefreshTokenRotation.Feature"),
		Short:  "ALLOW_REFRESH_TOKEN_AUTH with refresh token rotation enabled",
		Help:   "With refresh token rotation enabled, tokens are refreshed through GetTokensFromRefreshToken and ExplicitAuthFlows must not include ALLOW_REFRESH_TOKEN_AUTH."},
	{ID: "token-validity-range", Exception: "InvalidParameterException",
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
		Short: "A token lifetime is out of Cognito's bounds",
		Help:  "Access and ID tokens live 5 minutes to 1 day, refresh tokens 60 minutes to 3650 days, counted in the units of TokenValidityUnits (hours, hours and days by default)."},
	{ID: "write-attribute-not-writable", Exception: "InvalidParameterException", inputs: self,
		Short: "WriteAttributes includes email_verified",
		Help:  "email_verified cannot be written by an app client; Cognito sets it when the user confirms the address."},
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
