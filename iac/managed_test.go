package iac

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestManagedUserPoolClient reads aws_cognito_managed_user_pool_client as
// the update it is: what it leaves out keeps the existing client's value
// (unknown), the client ID and name are the existing client's, and whether
// the client has a secret is unknown, so the secret rules are skipped; what
// it writes is checked as an aws_cognito_user_pool_client's arguments are.
func TestManagedUserPoolClient(t *testing.T) {
	const managed = "resource \"aws_cognito_managed_user_pool_client\" \"os\" {\n  name_prefix = \"AmazonOpenSearchService-example\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n"
	const plain = "resource \"aws_cognito_user_pool_client\" \"os\" {\n  name = \"os\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n"
	const addr = "aws_cognito_managed_user_pool_client.os"
	allUnknown := []string{
		"AccessTokenValidity", "AllowedOAuthFlows", "AllowedOAuthFlowsUserPoolClient", "AllowedOAuthScopes",
		"AnalyticsConfiguration", "AuthSessionValidity", "CallbackURLs", "ClientId", "DefaultRedirectURI",
		"EnablePropagateAdditionalUserContextData", "EnableTokenRevocation", "ExplicitAuthFlows", "IdTokenValidity",
		"LogoutURLs", "PreventUserExistenceErrors", "ReadAttributes", "RefreshTokenRotation", "RefreshTokenValidity",
		"SupportedIdentityProviders", "TokenValidityUnits", "WriteAttributes",
	}
	without := func(drop ...string) []string {
		var out []string
		for _, p := range allUnknown {
			keep := true
			for _, d := range drop {
				if p == d {
					keep = false
				}
			}
			if keep {
				out = append(out, p)
			}
		}
		return out
	}
	tests := []struct {
		name        string
		src         string
		wantUnknown []string
		want        []violation
		wantErrs    []string
	}{
		{"only finds the client", managed + "}\n", allUnknown, nil, nil},
		{"name_pattern", "resource \"aws_cognito_managed_user_pool_client\" \"os\" {\n  name_pattern = \"^AmazonOpenSearchService-example-(\\\\w+)$\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n}\n", allUnknown, nil, nil},
		// OAuth on with flows and scopes left as the client has them: no
		// oauth-flows-and-scopes-required.
		{"OAuth on, the rest kept", managed + "  allowed_oauth_flows_user_pool_client = true\n  callback_urls = [\"http://dashboards.example.com/_dashboards/app/home\"]\n}\n",
			without("AllowedOAuthFlowsUserPoolClient", "CallbackURLs"),
			[]violation{{addr, "CallbackURLs[0]", "redirect-https", 5, false}}, nil},
		// client_credentials on a client whose secret is not known: skipped,
		// as for an update request.
		{"secret unknown", managed + "  allowed_oauth_flows_user_pool_client = true\n  allowed_oauth_flows = [\"client_credentials\"]\n  allowed_oauth_scopes = [\"api/read\"]\n}\n",
			without("AllowedOAuthFlowsUserPoolClient", "AllowedOAuthFlows", "AllowedOAuthScopes"), nil, nil},
		{"written empty list", managed + "  logout_urls = []\n}\n", without("LogoutURLs"), nil, nil},
		{"name is the existing client's", managed + "  name = \"x\"\n}\n", nil, nil,
			[]string{`in.tf:4:3: aws_cognito_managed_user_pool_client.os: aws_cognito_managed_user_pool_client has no argument name: the name is the existing client's, found with name_prefix or name_pattern`}},
		{"no secret to generate", managed + "  generate_secret = true\n}\n", nil, nil,
			[]string{`in.tf:4:3: aws_cognito_managed_user_pool_client.os: aws_cognito_managed_user_pool_client has no argument generate_secret: an existing client's secret cannot change`}},
		{"unknown argument", managed + "  callback_url = []\n}\n", nil, nil,
			[]string{`in.tf:4:3: aws_cognito_managed_user_pool_client.os: aws_cognito_managed_user_pool_client has no argument or block "callback_url" (did you mean "callback_urls"?)`}},
		// The nearest neighbour: the same arguments creating a client,
		// whose lack of a secret is known.
		{"created client", plain + "  allowed_oauth_flows_user_pool_client = true\n  allowed_oauth_flows = [\"client_credentials\"]\n  allowed_oauth_scopes = [\"api/read\"]\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.os", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 5, false}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes("in.tf", []byte(tt.src))
			if diff := cmp.Diff(tt.wantErrs, inputErrors(f)); diff != "" {
				t.Errorf("input errors mismatch (-want +got):\n%s", diff)
			}
			if tt.wantErrs != nil {
				return
			}
			if len(f.Clients) != 1 {
				t.Fatalf("%d clients, want 1", len(f.Clients))
			}
			c := f.Clients[0]
			if diff := cmp.Diff(tt.wantUnknown, c.Unknown, cmpEmpty); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, violations(f)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
			if managed := c.Resource == addr; managed != (c.Update != nil) {
				t.Errorf("Update is %v for %s", c.Update, c.Resource)
			}
		})
	}
}

// TestManagedUserPoolClientModule: a directory whose only client is an
// aws_cognito_managed_user_pool_client is a module with a client, not one
// a walk passes over.
func TestManagedUserPoolClientModule(t *testing.T) {
	dir := t.TempDir()
	src := "resource \"aws_cognito_managed_user_pool_client\" \"os\" {\n  name_prefix = \"AmazonOpenSearchService-x\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n  callback_urls = [\"http://x.example.com/\"]\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		for _, c := range f.Clients {
			got = append(got, c.Resource)
		}
	}
	if diff := cmp.Diff([]string{"aws_cognito_managed_user_pool_client.os"}, got); diff != "" {
		t.Errorf("clients mismatch (-want +got):\n%s", diff)
	}
}

// TestManagedUserPoolClientPlanAndState: a plan or state's
// aws_cognito_managed_user_pool_client is the update too. Creating it, a
// plan knows only what the configuration writes; updating it or in state,
// every value is the client's, checked with its secret unknown.
func TestManagedUserPoolClientPlanAndState(t *testing.T) {
	const addr = "aws_cognito_managed_user_pool_client.os"
	values := `{"name": "AmazonOpenSearchService-x", "name_prefix": "AmazonOpenSearchService", "user_pool_id": "us-east-1_AbC123xyz",
  "allowed_oauth_flows_user_pool_client": true, "allowed_oauth_flows": ["client_credentials"], "allowed_oauth_scopes": ["api/read"],
  "callback_urls": ["http://x.example.com/"], "client_secret": ""}`
	plan := func(action, after, unknown string) string {
		return `{"format_version": "1.2", "terraform_version": "1.9.0", "resource_changes": [{"address": "` + addr + `",
  "type": "aws_cognito_managed_user_pool_client", "change": {"actions": ["` + action + `"], "after": ` + after + `, "after_unknown": ` + unknown + `}}],
  "configuration": {"root_module": {"resources": [{"address": "` + addr + `", "type": "aws_cognito_managed_user_pool_client",
  "expressions": {"name_prefix": {"constant_value": "AmazonOpenSearchService"}, "callback_urls": {"constant_value": ["http://x.example.com/"]}}}]}}}`
	}
	tests := []struct {
		name, src   string
		wantUnknown []string
		want        []violation
	}{
		{"plan creating it", plan("create", `{"name_prefix": "AmazonOpenSearchService", "user_pool_id": "us-east-1_AbC123xyz", "callback_urls": ["http://x.example.com/"]}`,
			`{"name": true, "allowed_oauth_flows": true, "allowed_oauth_flows_user_pool_client": true, "allowed_oauth_scopes": true, "explicit_auth_flows": true}`),
			[]string{"AllowedOAuthFlows", "AllowedOAuthFlowsUserPoolClient", "AllowedOAuthScopes", "ClientId", "ClientName", "ExplicitAuthFlows"},
			[]violation{{addr, "CallbackURLs[0]", "redirect-https", 0, false}}},
		{"plan updating it", plan("update", values, `{}`), []string{"ClientId"},
			[]violation{{addr, "CallbackURLs[0]", "redirect-https", 0, false}}},
		{"state", `{"format_version": "1.0", "terraform_version": "1.9.0", "values": {"root_module": {"resources": [{"address": "` + addr + `",
  "mode": "managed", "type": "aws_cognito_managed_user_pool_client", "values": ` + values + `}]}}}`, []string{"ClientId"},
			[]violation{{addr, "CallbackURLs[0]", "redirect-https", 0, false}}},
	}
	// The nearest neighbour: the same update of a client the plan created,
	// whose lack of a secret the plan says.
	plain := strings.ReplaceAll(plan("update", values, `{}`), "aws_cognito_managed_user_pool_client", "aws_cognito_user_pool_client")
	f := ReadBytes("plan.json", []byte(plain))
	wantPlain := []violation{
		{"aws_cognito_user_pool_client.os", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 0, false},
		{"aws_cognito_user_pool_client.os", "CallbackURLs[0]", "redirect-https", 0, false},
	}
	gotPlain := violations(f)
	for i := range gotPlain {
		gotPlain[i].Line = 0
	}
	if diff := cmp.Diff(wantPlain, gotPlain, cmpopts.SortSlices(func(a, b violation) bool { return a.Field < b.Field })); diff != "" {
		t.Errorf("aws_cognito_user_pool_client: violations mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes("plan.json", []byte(tt.src))
			if errs := inputErrors(f); errs != nil {
				t.Fatalf("input errors: %q", errs)
			}
			if len(f.Clients) != 1 {
				t.Fatalf("%d clients, want 1", len(f.Clients))
			}
			c := f.Clients[0]
			if c.Update == nil {
				t.Errorf("Update is nil, want the update")
			}
			if diff := cmp.Diff(tt.wantUnknown, c.Unknown); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
			got := violations(f)
			for i := range got {
				got[i].Line = 0 // plans and state locate values by their JSON lines
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
