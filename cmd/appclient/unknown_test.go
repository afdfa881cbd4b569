package main

import (
	"os"
	"testing"

	"github.com/cognitokit/appclient"
	"github.com/google/go-cmp/cmp"
)

// TestDependsOnUnknown checks which violations are set aside for which
// unknown values.
func TestDependsOnUnknown(t *testing.T) {
	tests := []struct {
		name    string
		unknown []string
		rule    string
		field   string
		want    bool
	}{
		{"nothing unknown", nil, "redirect-https", "CallbackURLs[0]", false},
		{"unknown ClientSecret counts as a secret", []string{"ClientSecret"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", true},
		{"unknown GenerateSecret counts as a secret", []string{"GenerateSecret"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", true},
		{"unknown OAuth switch", []string{"AllowedOAuthFlowsUserPoolClient"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", true},
		{"secret rule ignores callbacks", []string{"CallbackURLs[0]"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", false},
		{"context data and unknown secret", []string{"ClientSecret"}, "context-data-needs-secret", "EnablePropagateAdditionalUserContextData", true},
		{"unknown default redirect", []string{"DefaultRedirectURI"}, "default-redirect-in-callbacks", "DefaultRedirectURI", true},
		{"default redirect and an unknown callback", []string{"CallbackURLs[2]"}, "default-redirect-in-callbacks", "DefaultRedirectURI", true},
		{"default redirect and unknown logout URLs", []string{"LogoutURLs"}, "default-redirect-in-callbacks", "DefaultRedirectURI", false},
		{"known element beside an unknown one", []string{"CallbackURLs[1]"}, "redirect-https", "CallbackURLs[0]", false},
		{"element of an unknown list", []string{"CallbackURLs"}, "redirect-https", "CallbackURLs[0]", true},
		{"unknown element itself", []string{"CallbackURLs[0]"}, "redirect-absolute", "CallbackURLs[0]", true},
		{"unknown element keeps the list non-empty", []string{"CallbackURLs[0]"}, "code-implicit-need-callbacks", "CallbackURLs", false},
		{"unknown length", []string{"CallbackURLs#"}, "code-implicit-need-callbacks", "CallbackURLs", true},
		{"unknown flows for callbacks", []string{"AllowedOAuthFlows[1]"}, "code-implicit-need-callbacks", "CallbackURLs", true},
		{"list size with an unknown element", []string{"CallbackURLs[1]"}, "list-size", "CallbackURLs", false},
		{"list size with an unknown length", []string{"CallbackURLs#"}, "list-size", "CallbackURLs", true},
		{"empty scopes with an unknown scope", []string{"AllowedOAuthScopes[0]"}, "oauth-flows-and-scopes-required", "AllowedOAuthScopes", false},
		{"exclusive flows with an unknown flow", []string{"AllowedOAuthFlows[1]"}, "client-credentials-exclusive", "AllowedOAuthFlows", true},
		{"reserved scope with unknown flows", []string{"AllowedOAuthFlows"}, "client-credentials-reserved-scope", "AllowedOAuthScopes[1]", true},
		{"scope that cannot exist beside unknown flows", []string{"AllowedOAuthFlows"}, "scope-not-found", "AllowedOAuthScopes[0]", false},
		{"unit of the same token", []string{"TokenValidityUnits.AccessToken"}, "token-validity-range", "AccessTokenValidity", true},
		{"unit of another token", []string{"TokenValidityUnits.IdToken"}, "token-validity-range", "AccessTokenValidity", false},
		{"all units", []string{"TokenValidityUnits"}, "token-validity-range", "RefreshTokenValidity", true},
		{"nested member of an unknown object", []string{"RefreshTokenRotation"}, "required", "RefreshTokenRotation.Feature", true},
		{"rotation for refresh-token auth", []string{"RefreshTokenRotation.Feature"}, "refresh-token-auth-required", "ExplicitAuthFlows", true},
		{"rotation for the forbidden flow", []string{"RefreshTokenRotation.Feature"}, "rotation-forbids-refresh-token-auth", "ExplicitAuthFlows[0]", true},
		{"legacy mix with an unknown flow", []string{"ExplicitAuthFlows[2]"}, "explicit-flows-no-legacy-mix", "ExplicitAuthFlows", true},
		{"unknown ClientName in CloudFormation", []string{"ClientName"}, "required", "ClientName", true},
		{"model constraint elsewhere", []string{"ClientName"}, "pattern", "UserPoolId", false},
		{"rule this program does not know", []string{"LogoutURLs"}, "some-new-rule", "ClientName", true},
		{"unknown rule, nothing unknown", nil, "some-new-rule", "ClientName", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient("C", pos{1, 1})
			for _, u := range tt.unknown {
				c.Unknown[u] = true
			}
			if got := c.dependsOnUnknown(tt.rule, tt.field); got != tt.want {
				t.Errorf("dependsOnUnknown(%q, %q) with unknown %q = %v, want %v", tt.rule, tt.field, tt.unknown, got, tt.want)
			}
		})
	}
}

// TestUnknownMembers checks which members the readers mark unknown.
func TestUnknownMembers(t *testing.T) {
	tests := []struct {
		file string
		want map[string][]string // resource → unknown members
	}{
		{"testdata/cloudformation/unknowns.yaml", map[string][]string{
			"UnknownDefaultRedirect": {"DefaultRedirectURI", "UserPoolId"},
			"KnownDefaultRedirect":   {},
			"UnknownCallbackElement": {"AllowedOAuthScopes[1]", "CallbackURLs[0]"},
			"UnknownFlows":           {"AllowedOAuthFlows"},
			"LongForms":              {"AuthSessionValidity", "CallbackURLs[1]", "LogoutURLs", "UserPoolId"},
			"UnknownRotation":        {"RefreshTokenRotation.Feature"},
		}},
		{"testdata/template.yaml", map[string][]string{
			"WebClient":       {"CallbackURLs[0]", "ClientName", "DefaultRedirectURI", "LogoutURLs[0]", "UserPoolId"},
			"MobileClient":    {"CallbackURLs#", "CallbackURLs[1]", "ClientName", "UserPoolId"},
			"WarehouseClient": {"UserPoolId"},
			"PartnerClient":   {"AllowedOAuthScopes[0]", "GenerateSecret", "UserPoolId"},
			"AdminClient":     {"UserPoolId"},
		}},
		{"testdata/terraform/plan.json", map[string][]string{
			// Unset optional, computed attributes of created clients are
			// not unknown: the provider does not send them.
			"aws_cognito_user_pool_client.legacy":                {},
			`aws_cognito_user_pool_client.m2m["billing"]`:        {"UserPoolId"},
			"aws_cognito_user_pool_client.web":                   {"UserPoolId"},
			"module.mobile[0].aws_cognito_user_pool_client.this": {"CallbackURLs[1]"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			res := analyze(tt.file, data)
			if len(res.Errors) > 0 {
				t.Fatalf("input errors: %v", res.Errors)
			}
			got := map[string][]string{}
			for _, c := range res.Clients {
				got[c.Resource] = c.unknownPaths()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnknownFindings checks, on whole templates and plans, that checks
// needing an unknown value are skipped and all others still report. It
// compares violations (errors) by resource, field, rule and exception.
func TestUnknownFindings(t *testing.T) {
	type violation struct{ Resource, Field, Rule, Exception string }
	const ipe, iofe, sdne = "InvalidParameterException", "InvalidOAuthFlowException", "ScopeDoesNotExistException"
	tests := []struct {
		file string
		want []violation
	}{
		{"testdata/cloudformation/unknowns.yaml", []violation{
			// DefaultRedirectURI: !Ref RedirectUrl: no
			// default-redirect-in-callbacks, the http callback still.
			{"UnknownDefaultRedirect", "CallbackURLs[1]", "redirect-https", ipe},
			{"KnownDefaultRedirect", "DefaultRedirectURI", "default-redirect-in-callbacks", ipe},
			// An unknown callback keeps the list non-empty: no
			// code-implicit-need-callbacks.
			{"UnknownCallbackElement", "CallbackURLs[1]", "redirect-https", ipe},
			// Unknown flows: no oauth-flows-and-scopes-required, but a
			// scope that can never exist is reported.
			{"UnknownFlows", "AllowedOAuthScopes[0]", "scope-not-found", sdne},
			// Fn::Sub without variables is known.
			{"LongForms", "CallbackURLs[0]", "redirect-https", ipe},
			{"LongForms", "ExplicitAuthFlows", "explicit-flows-no-legacy-mix", ipe},
			// Unknown rotation: no refresh-token-auth-required.
		}},
		{"testdata/template.yaml", []violation{
			{"WebClient", "AllowedOAuthScopes[2]", "scope-not-found", sdne},
			{"WebClient", "CallbackURLs[1]", "redirect-https", ipe},
			{"WebClient", "ExplicitAuthFlows", "refresh-token-auth-required", ipe},
			{"WebClient", "AccessTokenValidity", "token-validity-range", ipe},
			// MobileClient has no ClientName (CloudFormation makes one
			// up) and a callback that may vanish (Fn::If): no required,
			// no default-redirect-in-callbacks.
			{"MobileClient", "DefaultRedirectURI", "redirect-no-fragment", ipe},
			{"MobileClient", "RefreshTokenValidity", "token-validity-range", ipe},
			{"WarehouseClient", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe},
			{"WarehouseClient", "AllowedOAuthScopes[1]", "client-credentials-reserved-scope", iofe},
			{"WarehouseClient", "WriteAttributes[1]", "write-attribute-not-writable", ipe},
			// PartnerClient: GenerateSecret: !If [...] may give a secret:
			// no client-credentials-needs-secret.
		}},
		{"testdata/terraform/plan.json", []violation{
			// legacy: an update whose "" and 0 mean unset: nothing.
			{`aws_cognito_user_pool_client.m2m["billing"]`, "AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe},
			{`aws_cognito_user_pool_client.m2m["billing"]`, "AllowedOAuthScopes[1]", "client-credentials-reserved-scope", iofe},
			{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", ipe},
			{"aws_cognito_user_pool_client.web", "DefaultRedirectURI", "default-redirect-in-callbacks", ipe},
			{"aws_cognito_user_pool_client.web", "ExplicitAuthFlows", "refresh-token-auth-required", ipe},
			{"aws_cognito_user_pool_client.web", "AccessTokenValidity", "token-validity-range", ipe},
			// mobile: a callback known after apply: no
			// default-redirect-in-callbacks.
			{"module.mobile[0].aws_cognito_user_pool_client.this", "RefreshTokenRotation.RetryGracePeriodSeconds", "range", ipe},
			{"module.mobile[0].aws_cognito_user_pool_client.this", "ExplicitAuthFlows[0]", "rotation-forbids-refresh-token-auth", ipe},
			// retired (delete) and steady (no-op) are not checked.
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			res := analyze(tt.file, data)
			if len(res.Errors) > 0 {
				t.Fatalf("input errors: %v", res.Errors)
			}
			var got []violation
			for _, f := range res.Findings {
				if f.Severity == appclient.SeverityError { // warnings: TestWarnings
					got = append(got, violation{f.Resource, f.Field, f.Rule, f.Exception})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestIgnoredRules: a client's ignore list drops the findings of the rules
// it names, errors and warnings alike, and nothing else.
func TestIgnoredRules(t *testing.T) {
	req := appclient.CreateUserPoolClientRequest{
		UserPoolID: "us-east-1_AbC123xyz", ClientName: "c",
		CallbackURLs: []string{"http://example.com/cb"},
	}
	rules := func(c *client) []string {
		var out []string
		for _, f := range validate(c, &req) {
			out = append(out, string(f.Severity)+" "+f.Rule)
		}
		return out
	}
	c := newClient("C", pos{1, 1})
	want := []string{"error redirect-https", "warning oauth-settings-ignored", "warning user-existence-errors"}
	if diff := cmp.Diff(want, rules(c)); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	c.Ignored = map[string]bool{"redirect-https": true, "user-existence-errors": true}
	want = []string{"warning oauth-settings-ignored"}
	if diff := cmp.Diff(want, rules(c)); diff != "" {
		t.Errorf("findings with an ignore list mismatch (-want +got):\n%s", diff)
	}
}
