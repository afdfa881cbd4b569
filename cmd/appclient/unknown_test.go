package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
				got[c.Resource] = c.unknownPaths()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRules checks that this command has help for every rule of Validate.
func TestRules(t *testing.T) {
	var want, got []string
	for _, r := range appclient.Rules() {
		want = append(want, r.ID)
	}
	for _, r := range rules {
		got = append(got, r.ID)
		if r.Help == "" {
			t.Errorf("rule %s lacks help", r.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules mismatch with appclient.Rules (-library +command):\n%s", diff)
	}
}

// TestRuleBook checks appclient.Rules, which the SARIF output describes,
// against the rule book: every rule of sections 1 and 2 with the exception
// the book gives.
func TestRuleBook(t *testing.T) {
	path := findRuleBook()
	if path == "" {
		if os.Getenv("APPCLIENT_REQUIRE_SPEC") != "" {
			t.Fatal("shared/spec/rules.md not found beside the repository, and APPCLIENT_REQUIRE_SPEC is set")
		}
		t.Skip("shared/spec/rules.md not found beside the repository")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	book := string(data)
	if i := strings.Index(book, "\n## 3."); i > 0 {
		book = book[:i]
	}
	abbrev := map[string]string{"IPE": "InvalidParameterException", "IOFE": "InvalidOAuthFlowException", "SDNE": "ScopeDoesNotExistException"}
	row := regexp.MustCompile("(?m)^\\| [A-Z][0-9]+ `([a-z0-9-]+)` \\|[^|]*\\|[^|]*\\| ([A-Z]+) \\|")
	want := map[string]string{}
	for _, id := range []string{"required", "length", "list-size", "pattern", "enum", "range"} {
		want[id] = "InvalidParameterException"
	}
	for _, m := range row.FindAllStringSubmatch(book, -1) {
		want[m[1]] = abbrev[m[2]]
	}
	if len(want) < 20 {
		t.Fatalf("read only %d rules from %s; has its table format changed?", len(want), path)
	}
	got := map[string]string{}
	for _, r := range appclient.Rules() {
		got[r.ID] = r.Exception
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules mismatch with %s (-book +appclient.Rules):\n%s", path, diff)
	}
}

// findRuleBook looks for shared/spec/rules.md beside one of the directories
// above the package, as the workspace and CI lay it out.
func findRuleBook() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "spec", "rules.md")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestUnknownFindings checks, on whole templates and plans, that checks
// needing an unknown value are skipped and all others still report. It
// compares violations by resource, field, rule and exception.
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
			// per_env: each.key in one callback, a dynamic rotation block;
			// the other callback's redirect-https is silenced by its
			// "# appclient-ignore: redirect-https" comment.
			// counted: count.index in the name; no secret.
			{"aws_cognito_user_pool_client.counted", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe},
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
				got = append(got, violation{f.Resource, f.Field, f.Rule, f.Exception})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
