package iac

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
)

// poolViolation is a finding of CheckPool as the tests compare it.
type poolViolation struct{ Resource, Field, Rule string }

// poolViolations reads a file from text and returns what CheckPool finds
// for each of its clients.
func poolViolations(t *testing.T, name, src string) []poolViolation {
	t.Helper()
	f := ReadBytes(name, []byte(src))
	if len(f.Errors) > 0 {
		t.Fatalf("reading %s: %v", name, f.Errors[0])
	}
	if len(f.Clients) == 0 {
		t.Fatalf("%s has no client", name)
	}
	var out []poolViolation
	for _, c := range f.Clients {
		if len(c.Errors) > 0 {
			t.Fatalf("client %s: %v", c.Resource, c.Errors[0])
		}
		for _, fd := range CheckPool(c, f.Resources) {
			out = append(out, poolViolation{fd.Resource, fd.Field, fd.Rule})
		}
	}
	return out
}

// edit applies old/new pairs to src, failing when one does not occur.
func edit(t *testing.T, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("edit: %q not in the base", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

// cfnBase defines a pool on the LITE plan that requires email, its
// resource server and identity provider, and a client that uses both and
// depends on both.
const cfnBase = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SharedPoolId:
    Type: String
  ExtraProvider:
    Type: String
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: orders
      UserPoolTier: LITE
      Schema:
        - Name: email
          AttributeDataType: String
          Required: true
          Mutable: true
        - Name: tenant
          AttributeDataType: String
          Mutable: false
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: https://api.example.com
      Name: orders API
      Scopes:
        - ScopeName: orders.read
          ScopeDescription: read orders
  Corp:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Pool
      ProviderName: CorpSAML
      ProviderType: SAML
      ProviderDetails:
        MetadataURL: https://idp.example.com/metadata
  Gate:
    Type: AWS::CloudFormation::WaitConditionHandle
  Client:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: [Api, Corp]
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
      GenerateSecret: true
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      CallbackURLs: [https://app.example.com/cb]
      AllowedOAuthScopes: [openid, https://api.example.com/orders.read]
      SupportedIdentityProviders: [COGNITO, CorpSAML]
      WriteAttributes: [email]
      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
`

const (
	p1 = appclient.RuleCustomScopeExists
	p2 = appclient.RuleIdentityProviderExists
	p3 = appclient.RuleWriteAttributesIncludeRequired
	p5 = appclient.RuleFeaturePlan
	p6 = appclient.RuleDependencyOrder
)

func TestCheckPoolCloudFormation(t *testing.T) {
	const scope, idp = "AllowedOAuthScopes[1]", "SupportedIdentityProviders[1]"
	userAuth := []string{"[ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]", "[ALLOW_USER_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"}
	tests := []struct {
		name  string
		edits []string
		want  []poolViolation
	}{
		{name: "uses what the template defines, depending on it"},

		{name: "P1 a scope the server lacks", edits: []string{"api.example.com/orders.read]", "api.example.com/orders.write]"},
			want: []poolViolation{{"Client", scope, p1}}},
		{name: "P1 a server the pool lacks", edits: []string{"api.example.com/orders.read]", "api.example.org/orders.read]"},
			want: []poolViolation{{"Client", scope, p1}}},
		{name: "P1 a server of another pool", edits: []string{
			"  Api:\n    Type: AWS::Cognito::UserPoolResourceServer\n    Properties:\n      UserPoolId: !Ref Pool",
			"  Api:\n    Type: AWS::Cognito::UserPoolResourceServer\n    Properties:\n      UserPoolId: !Ref SharedPoolId"},
			want: []poolViolation{{"Client", scope, p1}}},
		{name: "P1 neighbour: GetAtt UserPoolId attaches as Ref does", edits: []string{
			"      UserPoolId: !Ref Pool\n      Identifier", "      UserPoolId: !GetAtt Pool.UserPoolId\n      Identifier"}},

		{name: "P2 a provider the pool lacks", edits: []string{"[COGNITO, CorpSAML]", "[COGNITO, Okta]"},
			want: []poolViolation{{"Client", idp, p2}}},
		{name: "P2 neighbour: COGNITO only", edits: []string{"[COGNITO, CorpSAML]", "[COGNITO]"}},

		{name: "P3 the required email not writable", edits: []string{"WriteAttributes: [email]", "WriteAttributes: [name]"},
			want: []poolViolation{{"Client", "WriteAttributes", p3}}},
		{name: "P3 neighbour: custom attribute named with its prefix", edits: []string{"WriteAttributes: [email]", "WriteAttributes: [email, custom:tenant]"}},

		{name: "P5 ALLOW_USER_AUTH on LITE", edits: userAuth,
			want: []poolViolation{{"Client", "ExplicitAuthFlows[0]", p5}}},
		{name: "P5 neighbour: on ESSENTIALS", edits: append([]string{"UserPoolTier: LITE", "UserPoolTier: ESSENTIALS"}, userAuth...)},
		{name: "P5 neighbour: an omitted plan is ESSENTIALS for a pool the template creates",
			edits: append([]string{"      UserPoolTier: LITE\n", ""}, userAuth...)},
		{name: "P5 a plan known only at deployment decides nothing",
			edits: append([]string{"UserPoolTier: LITE", "UserPoolTier: !Ref SharedPoolId"}, userAuth...)},

		{name: "P6 no dependency at all", edits: []string{"    DependsOn: [Api, Corp]\n", ""},
			want: []poolViolation{{"Client", scope, p6}, {"Client", idp, p6}}},
		{name: "P6 a direct DependsOn on one of the two", edits: []string{"DependsOn: [Api, Corp]", "DependsOn: Api"},
			want: []poolViolation{{"Client", idp, p6}}},
		{name: "P6 neighbour: transitive DependsOn", edits: []string{
			"DependsOn: [Api, Corp]", "DependsOn: Gate",
			"  Gate:\n    Type: AWS::CloudFormation::WaitConditionHandle\n", "  Gate:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    DependsOn: [Api, Corp]\n"}},
		{name: "P6 neighbour: a Ref to the identity provider is its name and a dependency", edits: []string{
			"DependsOn: [Api, Corp]", "DependsOn: Api", "[COGNITO, CorpSAML]", "[COGNITO, !Ref Corp]"}},
		{name: "P6 neighbour: a !Sub naming the resource server", edits: []string{
			"DependsOn: [Api, Corp]", "DependsOn: Corp", "https://api.example.com/orders.read]", `!Sub "${Api}/orders.read"]`}},
		{name: "P6 neighbour: a !Sub naming the resource server beside a literal scope", edits: []string{
			"DependsOn: [Api, Corp]", "DependsOn: Corp", "ClientName: web", `ClientName: !Sub "web-${Api}"`}},
		{name: "P6 a !Sub literal ${!Api} is no reference", edits: []string{
			"DependsOn: [Api, Corp]", "DependsOn: Corp", "ClientName: web", `ClientName: !Sub "web-${!Api}"`},
			want: []poolViolation{{"Client", scope, p6}}},
		{name: "P6 neighbour: a long-form Fn::Sub with a variable map", edits: []string{
			"DependsOn: [Api, Corp]", "DependsOn: Corp", "ClientName: web", `ClientName: {"Fn::Sub": ["web-${X}", {"X": {"Ref": "Api"}}]}`}},
		{name: "P6 neighbour: a GetAtt in another property", edits: []string{
			"DependsOn: [Api, Corp]", "DependsOn: Api", "ClientName: web", "ClientName: !GetAtt Corp.ProviderName"}},

		// False-positive guards.
		{name: "imported pool: only P1 under a server of the template", edits: append([]string{
			"UserPoolId: !Ref Pool\n      ClientName", "UserPoolId: !Ref SharedPoolId\n      ClientName",
			"      UserPoolId: !Ref Pool\n      Identifier", "      UserPoolId: !Ref SharedPoolId\n      Identifier",
			"api.example.com/orders.read]", "api.example.com/orders.write, https://elsewhere.example.com/x]",
			"[COGNITO, CorpSAML]", "[COGNITO, Okta]",
			"WriteAttributes: [email]", "WriteAttributes: [name]"}, userAuth...),
			want: []poolViolation{{"Client", scope, p1}}},
		{name: "imported pool: a server of the template still needs the dependency", edits: []string{
			"UserPoolId: !Ref Pool\n      ClientName", "UserPoolId: !Ref SharedPoolId\n      ClientName",
			"      UserPoolId: !Ref Pool\n      Identifier", "      UserPoolId: !Ref SharedPoolId\n      Identifier",
			"DependsOn: [Api, Corp]", "DependsOn: Corp"},
			want: []poolViolation{{"Client", scope, p6}}},
		{name: "unknown provider and scope decide nothing", edits: []string{
			"[COGNITO, CorpSAML]", "[COGNITO, !Ref ExtraProvider]",
			"https://api.example.com/orders.read]", "!Sub \"${ExtraProvider}/x\"]"}},
		{name: "a server with an unknown identifier leaves the servers open", edits: []string{
			"Identifier: https://api.example.com", `Identifier: !Sub "https://${AWS::StackName}.example.com"`,
			"api.example.com/orders.read]", "api.example.org/orders.read]"}},
		{name: "a server with unknown scopes rejects none under it", edits: []string{
			"      Scopes:\n        - ScopeName: orders.read\n          ScopeDescription: read orders\n", "      Scopes: !Ref AWS::NoValue\n",
			"api.example.com/orders.read]", "api.example.com/orders.write]"}},
		{name: "a provider with an unknown name leaves the providers open", edits: []string{
			"ProviderName: CorpSAML", "ProviderName: !Ref ExtraProvider", "[COGNITO, CorpSAML]", "[COGNITO, Okta]"}},
		{name: "an unknown write attribute may be the required one", edits: []string{
			"WriteAttributes: [email]", "WriteAttributes: [name, !Ref ExtraProvider]"}},
		{name: "OAuth off: scopes decide nothing", edits: []string{
			"AllowedOAuthFlowsUserPoolClient: true", "AllowedOAuthFlowsUserPoolClient: false",
			"api.example.com/orders.read]", "api.example.com/orders.write]", "DependsOn: [Api, Corp]", "DependsOn: Corp"}},
		// A client of GetClientToken uses its scopes with the OAuth flag off:
		// P1 and P6 read them.
		{name: "P1 and P6 on a client-token client with OAuth off", edits: []string{
			"AllowedOAuthFlowsUserPoolClient: true", "AllowedOAuthFlowsUserPoolClient: false",
			"      AllowedOAuthFlows: [code]\n      CallbackURLs: [https://app.example.com/cb]\n", "",
			"[openid, https://api.example.com/orders.read]", "[https://api.example.com/orders.read, https://api.example.com/orders.write]",
			"[ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]", "[ALLOW_CLIENT_TOKEN_AUTH]",
			"DependsOn: [Api, Corp]", "DependsOn: Corp"},
			want: []poolViolation{{"Client", "AllowedOAuthScopes[1]", p1}, {"Client", "AllowedOAuthScopes[0]", p6}, {"Client", "AllowedOAuthScopes[1]", p6}}},
		{name: "P1 and P6 neighbour: the client-token client depends on the server and uses its scope", edits: []string{
			"AllowedOAuthFlowsUserPoolClient: true", "AllowedOAuthFlowsUserPoolClient: false",
			"      AllowedOAuthFlows: [code]\n      CallbackURLs: [https://app.example.com/cb]\n", "",
			"[openid, https://api.example.com/orders.read]", "[https://api.example.com/orders.read]",
			"[ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]", "[ALLOW_CLIENT_TOKEN_AUTH]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := poolViolations(t, "template.yaml", edit(t, cfnBase, tt.edits...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckPool() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckPoolServerless(t *testing.T) {
	const base = `service: orders
provider:
  name: aws
resources:
  Resources:
    Pool:
      Type: AWS::Cognito::UserPool
    Api:
      Type: AWS::Cognito::UserPoolResourceServer
      Properties:
        UserPoolId: !Ref Pool
        Identifier: orders
        Name: orders
        Scopes:
          - ScopeName: read
            ScopeDescription: read
    Client:
      Type: AWS::Cognito::UserPoolClient
      DependsOn: Api
      Properties:
        UserPoolId: !Ref Pool
        ClientName: worker-${sls:stage}
        GenerateSecret: true
        AllowedOAuthFlowsUserPoolClient: true
        AllowedOAuthFlows: [client_credentials]
        AllowedOAuthScopes: [orders/read]
`
	tests := []struct {
		name  string
		edits []string
		want  []poolViolation
	}{
		{name: "valid"},
		{name: "P1", edits: []string{"[orders/read]", "[orders/write]"}, want: []poolViolation{{"Client", "AllowedOAuthScopes[0]", p1}}},
		{name: "P6", edits: []string{"      DependsOn: Api\n", ""}, want: []poolViolation{{"Client", "AllowedOAuthScopes[0]", p6}}},
		{name: "a Serverless variable is unknown", edits: []string{"[orders/read]", `["orders/${env:STAGE}"]`}},
		{name: "a stage is known", edits: []string{"[orders/read]", `["orders/${sls:stage}"]`}, want: []poolViolation{{"Client", "AllowedOAuthScopes[0]", p1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := poolViolations(t, "serverless.yml", edit(t, base, tt.edits...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckPool() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// tfBase is cfnBase in Terraform.
const tfBase = `variable "pool_id" {
  type = string
}

variable "extra" {
  type = string
}

resource "aws_cognito_user_pool" "pool" {
  name           = "orders"
  user_pool_tier = "LITE"

  schema {
    name                = "email"
    attribute_data_type = "String"
    required            = true
    mutable             = true
  }

  schema {
    name                = "tenant"
    attribute_data_type = "String"
    mutable             = false
  }
}

resource "aws_cognito_resource_server" "api" {
  user_pool_id = aws_cognito_user_pool.pool.id
  identifier   = "https://api.example.com"
  name         = "orders API"

  scope {
    scope_name        = "orders.read"
    scope_description = "read orders"
  }
}

resource "aws_cognito_identity_provider" "corp" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "CorpSAML"
  provider_type = "SAML"
  provider_details = {
    MetadataURL = "https://idp.example.com/metadata"
  }
}

resource "terraform_data" "gate" {
  input = "gate"
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  callback_urls                        = ["https://app.example.com/cb"]
  allowed_oauth_scopes                 = ["openid", "https://api.example.com/orders.read"]
  supported_identity_providers         = ["COGNITO", "CorpSAML"]
  write_attributes                     = ["email"]
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  depends_on                           = [aws_cognito_resource_server.api, aws_cognito_identity_provider.corp]
}
`

func TestCheckPoolTerraform(t *testing.T) {
	const client = "aws_cognito_user_pool_client.web"
	const scope, idp = "AllowedOAuthScopes[1]", "SupportedIdentityProviders[1]"
	deps := "[aws_cognito_resource_server.api, aws_cognito_identity_provider.corp]"
	userAuth := []string{`["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]`, `["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]`}
	imported := []string{
		"  user_pool_id                         = aws_cognito_user_pool.pool.id", "  user_pool_id                         = var.pool_id",
		"  user_pool_id = aws_cognito_user_pool.pool.id\n  identifier", "  user_pool_id = var.pool_id\n  identifier",
	}
	tests := []struct {
		name  string
		edits []string
		want  []poolViolation
	}{
		{name: "uses what the configuration defines, depending on it"},

		{name: "P1 a scope the server lacks", edits: []string{"/orders.read\"]", "/orders.write\"]"},
			want: []poolViolation{{client, scope, p1}}},
		{name: "P1 neighbour: scope_identifiers of the server", edits: []string{
			`["openid", "https://api.example.com/orders.read"]`, "aws_cognito_resource_server.api.scope_identifiers"}},
		{name: "P2 a provider the pool lacks", edits: []string{`["COGNITO", "CorpSAML"]`, `["COGNITO", "Okta"]`},
			want: []poolViolation{{client, idp, p2}}},
		{name: "P2 neighbour: the provider's own name, referenced", edits: []string{
			`["COGNITO", "CorpSAML"]`, `["COGNITO", aws_cognito_identity_provider.corp.provider_name]`}},
		{name: "P3 the required email not writable", edits: []string{`write_attributes                     = ["email"]`, `write_attributes                     = ["name"]`},
			want: []poolViolation{{client, "WriteAttributes", p3}}},
		{name: "P3 neighbour: email and the custom attribute", edits: []string{`= ["email"]`, `= ["email", "custom:tenant"]`}},
		{name: "P5 ALLOW_USER_AUTH on LITE", edits: userAuth, want: []poolViolation{{client, "ExplicitAuthFlows[0]", p5}}},
		{name: "P5 neighbour: on PLUS", edits: append([]string{`user_pool_tier = "LITE"`, `user_pool_tier = "PLUS"`}, userAuth...)},
		{name: "P5 a plan from a variable without default decides nothing", edits: append([]string{`user_pool_tier = "LITE"`, `user_pool_tier = var.extra`}, userAuth...)},

		{name: "P6 no depends_on", edits: []string{"  depends_on                           = " + deps + "\n", ""},
			want: []poolViolation{{client, scope, p6}, {client, idp, p6}}},
		{name: "P6 depends_on one of the two", edits: []string{deps, "[aws_cognito_identity_provider.corp]"},
			want: []poolViolation{{client, scope, p6}}},
		{name: "P6 neighbour: the scope_identifiers reference", edits: []string{
			deps, "[aws_cognito_identity_provider.corp]",
			`["openid", "https://api.example.com/orders.read"]`, "aws_cognito_resource_server.api.scope_identifiers"}},
		{name: "P6 neighbour: an interpolated identifier", edits: []string{
			deps, "[aws_cognito_identity_provider.corp]",
			`"https://api.example.com/orders.read"]`, `"${aws_cognito_resource_server.api.identifier}/orders.read"]`}},
		{name: "P6 neighbour: transitive depends_on", edits: []string{
			deps, "[terraform_data.gate]",
			"  input = \"gate\"\n", "  input      = \"gate\"\n  depends_on = " + deps + "\n"}},

		{name: "imported pool: only P1 under a server of the configuration", edits: append(append([]string{
			`/orders.read"]`, `/orders.write", "https://elsewhere.example.com/x"]`,
			`["COGNITO", "CorpSAML"]`, `["COGNITO", "Okta"]`,
			`write_attributes                     = ["email"]`, `write_attributes                     = ["name"]`}, imported...), userAuth...),
			want: []poolViolation{{client, scope, p1}}},
		{name: "unknown provider and scope decide nothing", edits: []string{
			`["COGNITO", "CorpSAML"]`, `["COGNITO", var.extra]`,
			`"https://api.example.com/orders.read"]`, `"${var.extra}/x"]`}},
		{name: "a server with an unknown identifier leaves the servers open", edits: []string{
			`identifier   = "https://api.example.com"`, `identifier   = var.extra`,
			`api.example.com/orders.read"]`, `api.example.org/orders.read"]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := poolViolations(t, "main.tf", edit(t, tfBase, tt.edits...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckPool() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPoolOf(t *testing.T) {
	want := &appclient.Pool{
		ResourceServers:   []appclient.ResourceServer{{Identifier: "https://api.example.com", Scopes: []string{"orders.read"}}},
		IdentityProviders: []string{"CorpSAML"},
		Attributes: []appclient.Attribute{
			{Name: "email", Required: true, Mutable: true},
			{Name: "custom:tenant"},
		},
		Tier: appclient.UserPoolTierLite,
	}
	for _, in := range []struct{ name, src string }{{"template.yaml", cfnBase}, {"main.tf", tfBase}} {
		f := ReadBytes(in.name, []byte(in.src))
		got := PoolOf(f.Clients[0], f.Resources)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: PoolOf() mismatch (-want +got):\n%s", in.name, diff)
		}
		// P4, the warning, reads the schema with the prefix added.
		r := f.Clients[0].Request
		r.ReadAttributes = []string{"email", "tenant", "custom:tenant"}
		var rules []string
		for _, a := range r.LintInPool(got) {
			rules = append(rules, a.Field+" "+a.Rule)
		}
		if diff := cmp.Diff([]string{"ReadAttributes[1] attribute-exists"}, rules); diff != "" {
			t.Errorf("%s: LintInPool() mismatch (-want +got):\n%s", in.name, diff)
		}
	}
}

func TestPoolOfRequestFile(t *testing.T) {
	f := ReadBytes("client.json", []byte(`{"UserPoolId": "us-east-1_AbC", "ClientName": "a", "AllowedOAuthScopes": ["x/y"]}`))
	if p := PoolOf(f.Clients[0], f.Resources); p != nil {
		t.Errorf("PoolOf(request file) = %+v, want nil", p)
	}
	if got := CheckPool(f.Clients[0], f.Resources); got != nil {
		t.Errorf("CheckPool(request file) = %v, want nil", got)
	}
}

// planBase is a plan that creates a pool (on LITE), a resource server and a
// machine client, with the configuration section Terraform writes.
const planBase = `{
  "format_version": "1.2",
  "terraform_version": "1.9.8",
  "resource_changes": [
    {"address": "aws_cognito_user_pool.pool", "mode": "managed", "type": "aws_cognito_user_pool", "name": "pool",
     "change": {"actions": ["create"], "after": {"name": "orders"}, "after_unknown": {"id": true}}},
    {"address": "aws_cognito_resource_server.api", "mode": "managed", "type": "aws_cognito_resource_server", "name": "api",
     "change": {"actions": [SERVER_ACTION], "after": {"identifier": "orders"}, "after_unknown": {"user_pool_id": true}}},
    {"address": "aws_cognito_user_pool_client.worker", "mode": "managed", "type": "aws_cognito_user_pool_client", "name": "worker",
     "change": {"actions": [CLIENT_ACTION], "after": {"name": "worker", "generate_secret": true,
       "allowed_oauth_flows_user_pool_client": true, "allowed_oauth_flows": ["client_credentials"],
       "allowed_oauth_scopes": AFTER_SCOPES, "explicit_auth_flows": ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]},
      "after_unknown": {"user_pool_id": true, "allowed_oauth_scopes": SCOPES_UNKNOWN}}}
  ],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_cognito_user_pool.pool", "mode": "managed", "type": "aws_cognito_user_pool", "name": "pool",
     "expressions": {"name": {"constant_value": "orders"}, "user_pool_tier": {"constant_value": "LITE"},
       "schema": [{"name": {"constant_value": "email"}, "required": {"constant_value": true}}]}},
    {"address": "aws_cognito_resource_server.api", "mode": "managed", "type": "aws_cognito_resource_server", "name": "api",
     "expressions": {"user_pool_id": {"references": ["aws_cognito_user_pool.pool.id", "aws_cognito_user_pool.pool"]},
       "identifier": {"constant_value": "orders"}, "name": {"constant_value": "orders"},
       "scope": [{"scope_name": {"constant_value": "read"}, "scope_description": {"constant_value": "read"}}]}},
    {"address": "aws_cognito_user_pool_client.worker", "mode": "managed", "type": "aws_cognito_user_pool_client", "name": "worker",
     "expressions": {"name": {"constant_value": "worker"},
       "user_pool_id": {"references": ["aws_cognito_user_pool.pool.id", "aws_cognito_user_pool.pool"]},
       "generate_secret": {"constant_value": true},
       "allowed_oauth_flows_user_pool_client": {"constant_value": true},
       "allowed_oauth_flows": {"constant_value": ["client_credentials"]},
       "allowed_oauth_scopes": CONFIG_SCOPES,
       "explicit_auth_flows": {"constant_value": ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]}},
     "depends_on": DEPENDS_ON}
  ]}}
}`

func TestCheckPoolPlan(t *testing.T) {
	const client = "aws_cognito_user_pool_client.worker"
	base := []string{
		"SERVER_ACTION", `"create"`, "CLIENT_ACTION", `"create"`,
		"AFTER_SCOPES", `["orders/read"]`, "SCOPES_UNKNOWN", "false",
		"CONFIG_SCOPES", `{"constant_value": ["orders/read"]}`, "DEPENDS_ON", `["aws_cognito_resource_server.api"]`,
	}
	with := func(pairs ...string) []string {
		out := append([]string(nil), base...)
		for i := 0; i+1 < len(pairs); i += 2 {
			for j := 0; j < len(out); j += 2 {
				if out[j] == pairs[i] {
					out[j+1] = pairs[i+1]
				}
			}
		}
		return out
	}
	p5 := poolViolation{client, "ExplicitAuthFlows[0]", p5}
	tests := []struct {
		name  string
		edits []string
		want  []poolViolation
	}{
		{name: "P5 from the configuration's tier, nothing else", edits: base, want: []poolViolation{p5}},
		{name: "P1 a scope the server lacks", edits: with("AFTER_SCOPES", `["orders/write"]`, "CONFIG_SCOPES", `{"constant_value": ["orders/write"]}`),
			want: []poolViolation{{client, "AllowedOAuthScopes[0]", p1}, p5}},
		{name: "P6 no depends_on", edits: with("DEPENDS_ON", "[]"),
			want: []poolViolation{p5, {client, "AllowedOAuthScopes[0]", p6}}},
		{name: "P6 neighbour: scopes from the server's scope_identifiers", edits: with("DEPENDS_ON", "[]",
			"AFTER_SCOPES", "null", "SCOPES_UNKNOWN", "true",
			"CONFIG_SCOPES", `{"references": ["aws_cognito_resource_server.api.scope_identifiers", "aws_cognito_resource_server.api"]}`),
			want: []poolViolation{p5}},
		{name: "P6 neighbour: the server exists already", edits: with("DEPENDS_ON", "[]", "SERVER_ACTION", `"no-op"`),
			want: []poolViolation{p5}},
		{name: "P6 neighbour: the client exists already", edits: with("DEPENDS_ON", "[]", "CLIENT_ACTION", `"update"`),
			want: []poolViolation{p5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := planBase
			for i := 0; i+1 < len(tt.edits); i += 2 {
				src = strings.ReplaceAll(src, tt.edits[i], tt.edits[i+1])
			}
			got := poolViolations(t, "plan.json", src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckPool() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// Odd shapes of the pool resources decide less, never panic.
func TestCheckPoolOddShapes(t *testing.T) {
	const tmpl = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    DependsOn: Client
    Properties:
      Schema: {Name: email}
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    DependsOn: [Client, Api]
    Properties:
      UserPoolId: !Ref Pool
      Identifier: orders
      Scopes: read
  Other:
    Type: AWS::Cognito::UserPoolResourceServer
  Corp:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties: [1, 2]
  Client:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: [Api, Pool]
    Properties:
      UserPoolId: !Ref Pool
      ClientName: worker
      GenerateSecret: true
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [orders/read, orders/write]
      SupportedIdentityProviders: [Okta]
      WriteAttributes: [name]
`
	// The schema is no list (attributes unknown), the scopes are no list
	// (the server rejects none), the provider has no readable properties
	// (providers stay complete: it attaches to no pool). Dependency cycles
	// end.
	want := []poolViolation{{"Client", "SupportedIdentityProviders[0]", p2}}
	if diff := cmp.Diff(want, poolViolations(t, "template.yaml", tmpl)); diff != "" {
		t.Errorf("CheckPool() mismatch (-want +got):\n%s", diff)
	}
}

// A module's pool, servers and clients may sit in different .tf files.
func TestCheckPoolTerraformModule(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pool.tf": `resource "aws_cognito_user_pool" "pool" {
  name = "orders"
}

resource "aws_cognito_resource_server" "api" {
  user_pool_id = aws_cognito_user_pool.pool.id
  identifier   = "orders"
  name         = "orders"
  scope {
    scope_name        = "read"
    scope_description = "read"
  }
}
`,
		"client.tf": `resource "aws_cognito_user_pool_client" "worker" {
  name                                 = "worker"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["orders/read", "orders/write"]
  depends_on                           = [aws_cognito_resource_server.api]
}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []poolViolation
	for _, f := range read {
		for _, c := range f.Clients {
			for _, fd := range CheckPool(c, f.PoolResources()) {
				got = append(got, poolViolation{fd.Resource, fd.Field, fd.Rule})
			}
		}
	}
	// orders/read is in the other file; orders/write is nowhere.
	want := []poolViolation{{"aws_cognito_user_pool_client.worker", "AllowedOAuthScopes[1]", p1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckPool() mismatch (-want +got):\n%s", diff)
	}
}

// TestCheckPoolRealWorld runs the pool rules over the public files in
// testdata/realworld (their sources are in its SOURCES file). Most define
// their pool, servers and providers beside the clients: the rules decide,
// and find one real race, a client that names SignInWithApple but depends
// only on the Google provider.
func TestCheckPoolRealWorld(t *testing.T) {
	files, err := Read(filepath.Join("testdata", "realworld"))
	if err != nil {
		t.Fatal(err)
	}
	var got []poolViolation
	clients := 0
	for _, f := range files {
		for _, c := range f.Clients {
			clients++
			for _, fd := range CheckPool(c, f.PoolResources()) {
				got = append(got, poolViolation{filepath.ToSlash(fd.File) + " " + fd.Resource, fd.Field, fd.Rule})
			}
		}
	}
	if clients < 20 {
		t.Fatalf("read %d clients, want the real-world files' 20 or more", clients)
	}
	const (
		dasmeta = "testdata/realworld/dasmeta_terraform-aws-modules/modules/cognito-user-pool/clients.tf aws_cognito_user_pool_client.client"
		sitad   = "testdata/realworld/sitadconsulting_aws_infra/modules/cognito_user_pool_client/cognito_user_pool_client.tf aws_cognito_user_pool_client.cognito_user_pool_client"
		tsi     = "testdata/realworld/techservicesillinois_terraform-aws-cognito/main.tf aws_cognito_user_pool_client.default"
		w21     = appclient.RuleTerraformEmptyList

		emasphere = "testdata/realworld/EMAsphere_terraform-aws-cognito-google-oauth-with-custom-domain/cognito.tf aws_cognito_user_pool_client.cognito"
	)
	want := []poolViolation{
		{"testdata/realworld/CaringalML_Serverless-Auth-with-AWS-Cognito/cognito.tf aws_cognito_user_pool_client.main",
			"SupportedIdentityProviders[1]", p6},
		{"testdata/realworld/DaveButland_sans-terraform/cognito.tf aws_cognito_user_pool_client.sans_website",
			"AllowedOAuthScopes[0]", p6},
		// logout_urls, read_attributes, write_attributes and
		// explicit_auth_flows written as [] (terraform-empty-list).
		{emasphere, "LogoutURLs", w21}, {emasphere, "ReadAttributes", w21}, {emasphere, "WriteAttributes", w21},
		{emasphere, "ExplicitAuthFlows", w21},
		// Module variables whose default is [] rather than null: the
		// provider sends nothing for them (terraform-empty-list).
		{dasmeta, "CallbackURLs", w21}, {dasmeta, "LogoutURLs", w21}, {dasmeta, "AllowedOAuthFlows", w21},
		{dasmeta, "AllowedOAuthScopes", w21}, {dasmeta, "SupportedIdentityProviders", w21},
		{sitad, "ReadAttributes", w21}, {sitad, "SupportedIdentityProviders", w21}, {sitad, "WriteAttributes", w21},
		{tsi, "AllowedOAuthFlows", w21}, {tsi, "AllowedOAuthScopes", w21}, {tsi, "CallbackURLs", w21}, {tsi, "LogoutURLs", w21},
		{"testdata/realworld/vocably_vocably-pro/platform/auth.tf aws_cognito_user_pool_client.client",
			"SupportedIdentityProviders[1]", p6},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckPool() over the real-world files mismatch (-want +got):\n%s", diff)
	}
}

// TestCheckPoolAttributeExists: P4 reaches users of templates as a warning,
// never an error, and only where the template defines the pool's schema.
func TestCheckPoolAttributeExists(t *testing.T) {
	type warning struct {
		Field     string
		Rule      string
		Severity  appclient.Severity
		Exception string
	}
	p4 := func(field string) warning {
		return warning{field, appclient.RuleAttributeExists, appclient.SeverityWarning, ""}
	}
	readTenant := []string{"WriteAttributes: [email]", "WriteAttributes: [email]\n      ReadAttributes: [email, tenant]"}
	tests := []struct {
		name  string
		edits []string
		want  []warning
	}{
		{name: "P4 a custom attribute without its prefix", edits: readTenant,
			want: []warning{p4("ReadAttributes[1]")}},
		{name: "P4 neighbour: with its prefix", edits: []string{
			"WriteAttributes: [email]", "WriteAttributes: [email]\n      ReadAttributes: [email, custom:tenant]"}},
		{name: "P4 a write attribute the schema lacks, beside P3's error", edits: []string{
			"WriteAttributes: [email]", "WriteAttributes: [custom:tenantid]"},
			want: []warning{
				{"WriteAttributes", appclient.RuleWriteAttributesIncludeRequired, appclient.SeverityError, appclient.ExceptionInvalidParameter},
				p4("WriteAttributes[0]")}},
		{name: "P4 imported pool: the schema is unknown", edits: append([]string{
			"UserPoolId: !Ref Pool\n      ClientName", "UserPoolId: !Ref SharedPoolId\n      ClientName"}, readTenant...)},
		{name: "P4 an unknown attribute decides nothing", edits: []string{
			"WriteAttributes: [email]", "WriteAttributes: [email]\n      ReadAttributes: [email, !Ref ExtraProvider]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes("template.yaml", []byte(edit(t, cfnBase, tt.edits...)))
			if len(f.Errors) > 0 || len(f.Clients) != 1 {
				t.Fatalf("reading: %v, %d clients", f.Errors, len(f.Clients))
			}
			var got []warning
			for _, fd := range CheckPool(f.Clients[0], f.Resources) {
				got = append(got, warning{fd.Field, fd.Rule, fd.Severity, fd.Exception})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckPool() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckPoolFragment: a template that names resources it does not define
// is a fragment of a larger one (a Serverless service's resource file read
// on its own): another fragment may hold the pool's resource servers and
// identity providers, so P1 and P2 decide nothing there; its nearest
// neighbour, the whole template, still draws them.
func TestCheckPoolFragment(t *testing.T) {
	const fragment = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Client:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: [GoogleIdp, ApiServer]
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid, api/read]
      CallbackURLs: [https://app.example.com/cb]
      SupportedIdentityProviders: [COGNITO, Google]
`
	if got := poolViolations(t, "resources/pool.yml", fragment); got != nil {
		t.Errorf("fragment: CheckPool() = %v, want nothing decided", got)
	}
	whole := strings.Replace(fragment, "    DependsOn: [GoogleIdp, ApiServer]\n", "", 1)
	want := []poolViolation{{"Client", "AllowedOAuthScopes[1]", p1}, {"Client", "SupportedIdentityProviders[1]", p2}}
	if diff := cmp.Diff(want, poolViolations(t, "template.yaml", whole)); diff != "" {
		t.Errorf("whole template: CheckPool() mismatch (-want +got):\n%s", diff)
	}
	// A Ref to a parameter or a pseudo parameter names nothing missing.
	withParam := "Parameters:\n  Stage:\n    Type: String\n" + strings.Replace(whole, "ClientName: web", "ClientName: !Sub \"${AWS::StackName}\"\n      DefaultRedirectURI: !Ref Stage", 1)
	f := ReadBytes("template.yaml", []byte(withParam))
	for _, r := range f.Resources {
		if r.fragment {
			t.Errorf("%s: a fragment, though every name it uses is defined", r.Name)
		}
	}
}

// TestCheckPoolServiceFragments: the fragments of a Serverless service are
// read one by one but make one template, so a client whose pool is in
// another fragment, and that names a resource the Framework generates,
// still has its pool's providers decided.
func TestCheckPoolServiceFragments(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"serverless.yml": "service: s\nprovider:\n  name: aws\nresources:\n  - ${file(pool.yml)}\n  - ${file(client.yml)}\n",
		"pool.yml":       "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n",
		"client.yml": "Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    DependsOn: ApiGatewayRestApi\n    Properties:\n" +
			"      UserPoolId: !Ref Pool\n      ClientName: web\n      SupportedIdentityProviders: [COGNITO, Google]\n",
	})
	f, err := ReadFile(filepath.Join(dir, "serverless.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range f.Findings() {
		if fd.Severity == "error" {
			got = append(got, fd.Field+" "+fd.Rule)
		}
	}
	want := []string{"SupportedIdentityProviders[1] " + p2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}
