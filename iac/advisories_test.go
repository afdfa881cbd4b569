package iac

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
)

// templateWarning is a finding of a template advisory as the tests compare
// it.
type templateWarning struct {
	Field string
	Line  int
	// Default is true when the message says the finding rests on a
	// default.
	Default bool
}

// templateWarnings reads one file from text and returns the findings of
// rule that CheckPool gives its clients, failing on any input error.
func templateWarnings(t *testing.T, name, src, rule string) []templateWarning {
	t.Helper()
	f := ReadBytes(name, []byte(src))
	if errs := inputErrors(f); errs != nil {
		t.Fatalf("input errors: %q", errs)
	}
	if len(f.Clients) == 0 {
		t.Fatalf("%s has no client", name)
	}
	var out []templateWarning
	for _, c := range f.Clients {
		for _, fd := range CheckPool(c, f.PoolResources()) {
			if fd.Rule != rule {
				continue
			}
			if fd.Severity != appclient.SeverityWarning || fd.Exception != "" {
				t.Errorf("%s: severity %q, exception %q: want a warning without exception", fd.Field, fd.Severity, fd.Exception)
			}
			out = append(out, templateWarning{fd.Field, fd.Pos.Line, strings.Contains(fd.Message, "with the default of")})
		}
	}
	return out
}

// TestTerraformEmptyList: W21 fires on a list argument of a Terraform
// configuration written as an empty list or set, at the argument, and the
// list is otherwise absent; a list left out, null, or not empty draws
// nothing, and neither does a plan, whose [] means not set.
func TestTerraformEmptyList(t *testing.T) {
	const head = "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n"
	tests := []struct {
		name string
		src  string
		want []templateWarning
	}{
		{"empty list", head + "  allowed_oauth_scopes = []\n  write_attributes = []\n}\n",
			[]templateWarning{{"AllowedOAuthScopes", 4, false}, {"WriteAttributes", 5, false}}},
		{"empty set", head + "  callback_urls = toset([])\n}\n", []templateWarning{{"CallbackURLs", 4, false}}},
		{"a variable's default", "variable \"scopes\" {\n  default = []\n}\n" + head + "  allowed_oauth_scopes = var.scopes\n}\n",
			[]templateWarning{{"AllowedOAuthScopes", 7, true}}},
		{"left out", head + "}\n", nil},
		{"null", head + "  allowed_oauth_scopes = null\n}\n", nil},
		{"null default", "variable \"scopes\" {\n  default = null\n}\n" + head + "  allowed_oauth_scopes = var.scopes\n}\n", nil},
		{"not empty", head + "  write_attributes = [\"email\"]\n}\n", nil},
		{"unknown", head + "  allowed_oauth_scopes = var.scopes\n}\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, templateWarnings(t, "in.tf", tt.src, appclient.RuleTerraformEmptyList)); diff != "" {
				t.Errorf("terraform-empty-list mismatch (-want +got):\n%s", diff)
			}
			f := ReadBytes("in.tf", []byte(tt.src))
			if req := f.Clients[0].Request; req.AllowedOAuthScopes != nil && len(req.AllowedOAuthScopes) == 0 ||
				req.WriteAttributes != nil && len(req.WriteAttributes) == 0 {
				t.Errorf("an empty list is in the request; want it absent")
			}
		})
	}
	// A plan writes [] for what the configuration leaves out: no advisory.
	plan := `{"format_version": "1.2", "terraform_version": "1.9.0", "resource_changes": [{"address": "aws_cognito_user_pool_client.c",
  "type": "aws_cognito_user_pool_client", "change": {"actions": ["create"], "after": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz",
  "allowed_oauth_scopes": [], "write_attributes": []}}}]}`
	if got := templateWarnings(t, "plan.json", plan, appclient.RuleTerraformEmptyList); got != nil {
		t.Errorf("plan: terraform-empty-list %v, want none", got)
	}
}

// cfnManagedLogin is a template whose pool has a managed login version 2
// domain and whose code-grant client has a branding.
const cfnManagedLogin = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Version:
    Type: Number
    Default: 2
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Domain:
    Type: AWS::Cognito::UserPoolDomain
    Properties:
      Domain: example-auth
      UserPoolId: !Ref Pool
      ManagedLoginVersion: 2
  Web:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      CallbackURLs: ["https://app.example.com/cb"]
  Machine:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: machine
      GenerateSecret: true
      ExplicitAuthFlows: [ALLOW_CLIENT_TOKEN_AUTH]
  Branding:
    Type: AWS::Cognito::ManagedLoginBranding
    Properties:
      UserPoolId: !Ref Pool
      ClientId: !Ref Web
      UseCognitoProvidedValues: true
`

// tfManagedLogin is cfnManagedLogin in Terraform.
const tfManagedLogin = `resource "aws_cognito_user_pool" "pool" {
  name = "pool"
}

resource "aws_cognito_user_pool_domain" "domain" {
  domain                = "example-auth"
  user_pool_id          = aws_cognito_user_pool.pool.id
  managed_login_version = 2
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["https://app.example.com/cb"]
}

resource "aws_cognito_user_pool_client" "machine" {
  name                = "machine"
  user_pool_id        = aws_cognito_user_pool.pool.id
  generate_secret     = true
  explicit_auth_flows = ["ALLOW_CLIENT_TOKEN_AUTH"]
}

resource "aws_cognito_managed_login_branding" "branding" {
  client_id                   = aws_cognito_user_pool_client.web.id
  user_pool_id                = aws_cognito_user_pool.pool.id
  use_cognito_provided_values = true
}
`

// TestManagedLoginWithoutBranding: W22 fires on a code or implicit client
// whose pool's domain is of managed login version 2 and that no branding
// names, in CloudFormation and Terraform; a branding of the client, a
// classic domain, a machine client, and every value known only at
// deployment leave it silent.
func TestManagedLoginWithoutBranding(t *testing.T) {
	web := []templateWarning{{"AllowedOAuthFlows", 21, false}}
	webTF := []templateWarning{{"AllowedOAuthFlows", 15, false}}
	tests := []struct {
		name, file, src string
		want            []templateWarning
	}{
		{"CloudFormation: branded", "t.yaml", cfnManagedLogin, nil},
		{"CloudFormation: no branding", "t.yaml", edit(t, cfnManagedLogin, "  Branding:\n    Type: AWS::Cognito::ManagedLoginBranding", "  Branding:\n    Type: AWS::S3::Bucket"), web},
		{"CloudFormation: branding of another client", "t.yaml", edit(t, cfnManagedLogin, "ClientId: !Ref Web", "ClientId: !GetAtt Machine.ClientId"), web},
		{"CloudFormation: branding by GetAtt", "t.yaml", edit(t, cfnManagedLogin, "ClientId: !Ref Web", "ClientId: !GetAtt Web.ClientId"), nil},
		{"CloudFormation: branding of a parameter's client", "t.yaml", edit(t, cfnManagedLogin, "ClientId: !Ref Web", "ClientId: !Ref Version"), nil},
		{"CloudFormation: classic domain", "t.yaml", edit(t, cfnManagedLogin, "ManagedLoginVersion: 2", "ManagedLoginVersion: 1", "ClientId: !Ref Web", "ClientId: !Ref Machine"), nil},
		{"CloudFormation: domain without version", "t.yaml", edit(t, cfnManagedLogin, "      ManagedLoginVersion: 2\n", "", "ClientId: !Ref Web", "ClientId: !Ref Machine"), nil},
		{"CloudFormation: version from a parameter", "t.yaml", edit(t, cfnManagedLogin, "ManagedLoginVersion: 2", "ManagedLoginVersion: !Ref Version", "ClientId: !Ref Web", "ClientId: !Ref Machine"), nil},
		{"CloudFormation: implicit grant", "t.yaml", edit(t, cfnManagedLogin, "AllowedOAuthFlows: [code]", "AllowedOAuthFlows: [implicit]", "ClientId: !Ref Web", "ClientId: !Ref Machine"), web},
		{"CloudFormation: OAuth off", "t.yaml", edit(t, cfnManagedLogin, "AllowedOAuthFlowsUserPoolClient: true", "AllowedOAuthFlowsUserPoolClient: false", "ClientId: !Ref Web", "ClientId: !Ref Machine"), nil},
		{"CloudFormation: flows unknown", "t.yaml", edit(t, cfnManagedLogin, "AllowedOAuthFlows: [code]", "AllowedOAuthFlows: !Split [',', !Ref Version]", "ClientId: !Ref Web", "ClientId: !Ref Machine"), nil},
		{"CloudFormation: domain of another pool", "t.yaml", edit(t, cfnManagedLogin, "      UserPoolId: !Ref Pool\n      ManagedLoginVersion", "      UserPoolId: us-east-1_Other1\n      ManagedLoginVersion", "ClientId: !Ref Web", "ClientId: !Ref Machine"), nil},
		{"Terraform: branded", "t.tf", tfManagedLogin, nil},
		{"Terraform: branding of another client", "t.tf", edit(t, tfManagedLogin, "aws_cognito_user_pool_client.web.id", "aws_cognito_user_pool_client.machine.id"), webTF},
		{"Terraform: no branding", "t.tf", edit(t, tfManagedLogin, "resource \"aws_cognito_managed_login_branding\"", "resource \"aws_s3_bucket\""), webTF},
		{"Terraform: classic domain", "t.tf", edit(t, tfManagedLogin, "managed_login_version = 2", "managed_login_version = 1", "aws_cognito_user_pool_client.web.id", "aws_cognito_user_pool_client.machine.id"), nil},
		{"Terraform: version unknown", "t.tf", edit(t, tfManagedLogin, "managed_login_version = 2", "managed_login_version = var.version", "aws_cognito_user_pool_client.web.id", "aws_cognito_user_pool_client.machine.id"), nil},
		{"Terraform: branding for each client", "t.tf", edit(t, tfManagedLogin, "aws_cognito_user_pool_client.web.id", "each.value"), nil},
		{"Terraform: branding of the Cloud Control provider", "t.tf", edit(t, tfManagedLogin, "resource \"aws_cognito_managed_login_branding\"", "resource \"awscc_cognito_managed_login_branding\""), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, templateWarnings(t, tt.file, tt.src, appclient.RuleManagedLoginWithoutBranding)); diff != "" {
				t.Errorf("managed-login-without-branding mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestManagedLoginWithoutBrandingServerless: in a Serverless service, the
// domain, the client and the branding may sit in different fragments; the
// service's resources decide together.
func TestManagedLoginWithoutBrandingServerless(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"serverless.yml": "service: s\nprovider:\n  name: aws\nresources:\n  - ${file(resources/pool.yml)}\n  - ${file(resources/client.yml)}\n",
		"resources/pool.yml": "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n  Domain:\n    Type: AWS::Cognito::UserPoolDomain\n" +
			"    Properties:\n      Domain: \"${self:service}-auth\"\n      UserPoolId: !Ref Pool\n      ManagedLoginVersion: 2\n",
		"resources/client.yml": "Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      ClientName: web\n" +
			"      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthFlows: [code]\n      AllowedOAuthScopes: [openid]\n      CallbackURLs: [\"https://app.example.com/cb\"]\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rules := func() []string {
		f, err := ReadFile(filepath.Join(dir, "serverless.yml"))
		if err != nil {
			t.Fatal(err)
		}
		if errs := inputErrors(f); errs != nil {
			t.Fatalf("input errors: %q", errs)
		}
		var out []string
		for _, fd := range f.Findings() {
			if fd.Rule == appclient.RuleManagedLoginWithoutBranding {
				out = append(out, fd.Resource+" "+fd.Field)
			}
		}
		return out
	}
	if diff := cmp.Diff([]string{"Web AllowedOAuthFlows"}, rules()); diff != "" {
		t.Errorf("without a branding: mismatch (-want +got):\n%s", diff)
	}
	branding := "  Branding:\n    Type: AWS::Cognito::ManagedLoginBranding\n    Properties:\n      UserPoolId: !Ref Pool\n      ClientId: !Ref Web\n      UseCognitoProvidedValues: true\n"
	if err := os.WriteFile(filepath.Join(dir, "resources", "pool.yml"), []byte(files["resources/pool.yml"]+branding), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := rules(); got != nil {
		t.Errorf("with a branding in another fragment: %v, want none", got)
	}
}
