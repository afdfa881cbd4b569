package iac

import (
	"errors"
	"sort"
	"strings"

	"github.com/cognitokit/appclient"
)

// Finding is one violation of a client that Cognito would reject.
type Finding struct {
	// File is the name of the file that defines the client.
	File string
	// Pos is where the offending value is written: the list element for an
	// element, the member otherwise, the client when the member is absent.
	Pos Position
	// Resource is the client's logical ID or address, as in
	// [Client.Resource].
	Resource string
	// Field is the AWS member path, as in [appclient.FieldError.Field].
	Field string
	// Rule is the rule id, as in [appclient.FieldError.Rule].
	Rule string
	// Exception is the exception Cognito would answer with.
	Exception string
	// Message says what is wrong, without the member path.
	Message string
}

// Check validates a client's request and returns the violations that do
// not depend on a value unknown before deployment: a violation is kept
// only if none of the values its rule reads is in [Client.Unknown]. A
// client with Errors is not checked and has no findings.
func Check(c *Client) []Finding {
	if len(c.Errors) > 0 {
		return nil
	}
	err := c.validate()
	if err == nil {
		return nil
	}
	var ve *appclient.ValidationError
	if !errors.As(err, &ve) {
		return []Finding{{File: c.File, Pos: c.Pos, Resource: c.Resource, Rule: "internal", Message: err.Error()}}
	}
	unknown := make(map[string]bool, len(c.Unknown))
	for _, p := range c.Unknown {
		unknown[p] = true
	}
	var out []Finding
	for _, fe := range ve.Errors {
		if dependsOnUnknown(unknown, fe.Rule, fe.Field) {
			continue
		}
		msg := fe.Message
		if from := restsOn(c.Defaults, fe.Rule, fe.Field); len(from) > 0 {
			msg += " (with the default of " + strings.Join(from, ", ") + ", which a deployment can override)"
		}
		out = append(out, Finding{
			File:      c.File,
			Pos:       c.PositionOf(fe.Field),
			Resource:  c.Resource,
			Field:     fe.Field,
			Rule:      fe.Rule,
			Exception: fe.Exception,
			Message:   msg,
		})
	}
	return out
}

// ruleInputs says, for each rule of Validate, which values the rule reads
// to report a violation on field, as tokens: member paths ("A", "A.B",
// "L[3]"), "L#" (the number of elements of L) and "L[*]" (every element
// of L). A violation is set aside when one of them is unknown.
var ruleInputs = map[string]func(field string) []string{
	appclient.RuleRequired:                       self,
	appclient.RuleLength:                         self,
	appclient.RuleListSize:                       func(field string) []string { return []string{field + "#"} },
	appclient.RulePattern:                        self,
	appclient.RuleEnum:                           self,
	appclient.RuleRange:                          self,
	appclient.RuleOAuthFlowsAndScopesRequired:    func(field string) []string { return []string{oauthFlag, field + "#"} },
	appclient.RuleClientCredentialsExclusive:     with(oauthFlag, "AllowedOAuthFlows[*]"),
	appclient.RuleClientCredentialsNeedsSecret:   with(oauthFlag, "GenerateSecret", "ClientSecret"),
	appclient.RuleClientCredentialsReservedScope: with(oauthFlag, "AllowedOAuthFlows[*]"),
	// Reads whether CallbackURLs is empty, not its elements.
	appclient.RuleCodeImplicitNeedCallbacks:       func(string) []string { return []string{oauthFlag, "AllowedOAuthFlows[*]", "CallbackURLs#"} },
	appclient.RuleScopeNotFound:                   with(oauthFlag),
	appclient.RuleRedirectHTTPS:                   self,
	appclient.RuleRedirectAbsolute:                self,
	appclient.RuleRedirectNoFragment:              self,
	appclient.RuleDefaultRedirectInCallbacks:      with("CallbackURLs[*]"),
	appclient.RuleSecretGenerateOrCustom:          with("GenerateSecret"),
	appclient.RuleContextDataNeedsSecret:          with("GenerateSecret", "ClientSecret"),
	appclient.RuleExplicitFlowsNoLegacyMix:        with("ExplicitAuthFlows[*]"),
	appclient.RuleRefreshTokenAuthRequired:        with("ExplicitAuthFlows[*]", "RefreshTokenRotation.Feature"),
	appclient.RuleRotationForbidsRefreshTokenAuth: with("RefreshTokenRotation.Feature"),
	appclient.RuleTokenValidityRange: func(field string) []string {
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
	appclient.RuleWriteAttributeNotWritable: self,
}

// self is the inputs of a model constraint: the value itself.
func self(field string) []string { return []string{field} }

// with returns inputs made of the field and fixed tokens.
func with(tokens ...string) func(string) []string {
	return func(field string) []string { return append([]string{field}, tokens...) }
}

const oauthFlag = "AllowedOAuthFlowsUserPoolClient"

// dependsOnUnknown reports whether a violation of rule on field may be an
// artefact of a value that is unknown before deployment. A rule this
// package does not know is assumed to read everything.
func dependsOnUnknown(unknown map[string]bool, rule, field string) bool {
	if len(unknown) == 0 {
		return false
	}
	inputs := ruleInputs[rule]
	if inputs == nil {
		return true
	}
	for _, tok := range inputs(field) {
		if tok == "" {
			continue
		}
		if isUnknown(unknown, tok) {
			return true
		}
		// A violation on a list as a whole ("AllowedOAuthFlows") reads
		// every element.
		if !strings.HasSuffix(tok, "]") && !strings.HasSuffix(tok, "#") && isList(tok) && isUnknown(unknown, tok+"[*]") {
			return true
		}
	}
	return false
}

// restsOn returns what provides the defaults that a violation of rule on
// field reads, sorted, or nil when it reads none.
func restsOn(defaults map[string]string, rule, field string) []string {
	if len(defaults) == 0 {
		return nil
	}
	inputs := ruleInputs[rule]
	if inputs == nil {
		inputs = self
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		for from := range strings.SplitSeq(defaults[p], ", ") {
			if from != "" && !seen[from] {
				seen[from] = true
				out = append(out, from)
			}
		}
	}
	for _, tok := range inputs(field) {
		tok = strings.TrimSuffix(strings.TrimSuffix(tok, "[*]"), "#")
		// The member itself, one of its parents, or one of its elements
		// or nested members.
		for p := tok; p != ""; p = parentPath(p) {
			add(p)
		}
		for p := range defaults {
			if strings.HasPrefix(p, tok+"[") || strings.HasPrefix(p, tok+".") {
				add(p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// isUnknown reports whether a token names a value that is unknown.
func isUnknown(unknown map[string]bool, tok string) bool {
	if len(unknown) == 0 {
		return false
	}
	switch {
	case strings.HasSuffix(tok, "[*]"):
		list := strings.TrimSuffix(tok, "[*]")
		if isUnknown(unknown, list+"#") {
			return true
		}
		for p := range unknown {
			if strings.HasPrefix(p, list+"[") {
				return true
			}
		}
		return false
	case strings.HasSuffix(tok, "#"):
		list := strings.TrimSuffix(tok, "#")
		return unknown[tok] || isUnknown(unknown, list)
	}
	for p := tok; p != ""; p = parentPath(p) {
		if unknown[p] {
			return true
		}
	}
	return false
}

// isList reports whether a member path names a list member.
func isList(path string) bool {
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
