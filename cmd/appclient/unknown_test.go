package main

import (
	"fmt"
	"os"
	"testing"

	"github.com/cognitokit/appclient"
	"github.com/google/go-cmp/cmp"
)

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
			// AppDomain has a Default: the !Sub strings built from it are known.
			"WebClient":       {"ClientName", "UserPoolId"},
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
				got[c.Resource] = append([]string{}, c.Unknown...)
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
			// The scope of OrdersApi without a DependsOn on it.
			{"WarehouseClient", "AllowedOAuthScopes[0]", "dependency-order", sdne},
			{"WarehouseClient", "AllowedOAuthScopes[1]", "client-credentials-reserved-scope", iofe},
			{"WarehouseClient", "WriteAttributes[1]", "write-attribute-not-writable", ipe},
			// PartnerClient: GenerateSecret: !If [...] may give a secret:
			// no client-credentials-needs-secret.
		}},
		{"testdata/terraform/plan.json", []violation{
			// legacy: an update whose "" and 0 mean unset: nothing.
			{`aws_cognito_user_pool_client.m2m["billing"]`, "AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe},
			// The plan creates the pool, and its configuration defines no
			// resource server.
			{`aws_cognito_user_pool_client.m2m["billing"]`, "AllowedOAuthScopes[0]", "custom-scope-exists", sdne},
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
		{"../../iac/testdata/terraform/main.tf", []violation{
			{"aws_cognito_user_pool_client.web", "AllowedOAuthScopes[1]", "scope-not-found", sdne},
			{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", ipe},
			{"aws_cognito_user_pool_client.web", "ExplicitAuthFlows", "refresh-token-auth-required", ipe},
			{"aws_cognito_user_pool_client.web", "AccessTokenValidity", "token-validity-range", ipe},
			// per_env: one client per each.key, a dynamic rotation block;
			// their http callbacks' redirect-https is silenced by the
			// "# appclient-ignore: redirect-https" comment.
			// counted: one client per count.index; no secret.
			{"aws_cognito_user_pool_client.counted[0]", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe},
			{"aws_cognito_user_pool_client.counted[1]", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe},
		}},
		{"../../iac/testdata/serverless/serverless.yml", []violation{
			// ${...} in GenerateSecret, RefreshTokenValidity, ClientName,
			// DefaultRedirectURI: unknown, no type error; the known http
			// callback still reports. The included fragment is not read
			// from memory.
			{"WebClient", "CallbackURLs[1]", "redirect-https", ipe},
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
	const template = `Resources:
  C:
    Type: AWS::Cognito::UserPoolClient
%s    Properties:
      UserPoolId: us-east-1_AbC123xyz
      ClientName: c
      CallbackURLs: [http://example.com/cb]
`
	rules := func(metadata string) []string {
		res := analyze("t.yaml", []byte(fmt.Sprintf(template, metadata)))
		if len(res.Errors) > 0 {
			t.Fatalf("input errors: %v", res.Errors)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, string(f.Severity)+" "+f.Rule)
		}
		return out
	}
	// In line order: the resource (whose absent flag and absent
	// PreventUserExistenceErrors are reported there), then its CallbackURLs.
	want := []string{"warning oauth-settings-ignored", "warning user-existence-errors", "error redirect-https"}
	if diff := cmp.Diff(want, rules("")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	ignore := "    Metadata:\n      appclient:\n        config:\n          ignore_checks: [redirect-https, user-existence-errors]\n"
	want = []string{"warning oauth-settings-ignored"}
	if diff := cmp.Diff(want, rules(ignore)); diff != "" {
		t.Errorf("findings with an ignore list mismatch (-want +got):\n%s", diff)
	}
}
