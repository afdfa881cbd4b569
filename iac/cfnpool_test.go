package iac

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCloudFormationPoolParameters checks that the members of a
// template's user pool, resource servers and identity providers that the
// pool rules read are evaluated with the parameters the clients are read
// with: a Default turns a rule on and the message names it, a value
// passed instead turns it off (or on, naming where it is written), and a
// parameter with neither keeps the value unknown.
func TestCloudFormationPoolParameters(t *testing.T) {
	const pool = `  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolTier: %TIER%
      Schema:
        - {Name: email, Required: true}
        - {Name: %ATTR%, AttributeDataType: String}
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: %ID%
      Name: api
      Scopes:
        - {ScopeName: %SCOPE%, ScopeDescription: read}
  Idp:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Pool
      ProviderName: %IDP%
      ProviderType: OIDC
  Client:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: [Api, Idp]
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
      ExplicitAuthFlows: [ALLOW_USER_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
      PreventUserExistenceErrors: ENABLED
      GenerateSecret: true
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [api/read]
      SupportedIdentityProviders: [COGNITO, Corp]
      WriteAttributes: [email, custom:team]
      ReadAttributes: [email, custom:team]
`
	literal := map[string]string{"%TIER%": "ESSENTIALS", "%ATTR%": "team", "%ID%": "api", "%SCOPE%": "read", "%IDP%": "Corp"}
	for _, tc := range []struct {
		name, key, param string
		def              string // the parameter's Default; "" for none
		passed           string // the value a parameter file passes; "" for none
		rule, want       string // the finding and what its message holds; "" for none
	}{
		{"tier default", "%TIER%", "Tier", "LITE", "", "feature-plan", "(with the default of parameter Tier, which a deployment can override)"},
		{"tier passed", "%TIER%", "Tier", "LITE", "ESSENTIALS", "", ""},
		{"tier passed on", "%TIER%", "Tier", "", "LITE", "feature-plan", "(with -parameters "},
		{"tier no default", "%TIER%", "Tier", "", "", "", ""},
		{"identifier default", "%ID%", "ApiId", "other", "", "custom-scope-exists", "(with the default of parameter ApiId, which a deployment can override)"},
		{"identifier passed", "%ID%", "ApiId", "other", "api", "", ""},
		{"identifier no default", "%ID%", "ApiId", "", "", "", ""},
		{"scope default", "%SCOPE%", "Scope", "write", "", "custom-scope-exists", "(with the default of parameter Scope, which a deployment can override)"},
		{"scope passed", "%SCOPE%", "Scope", "write", "read", "", ""},
		{"scope no default", "%SCOPE%", "Scope", "", "", "", ""},
		{"provider default", "%IDP%", "Idp", "Other", "", "identity-provider-exists", "(with the default of parameter Idp, which a deployment can override)"},
		{"provider passed", "%IDP%", "Idp", "Other", "Corp", "", ""},
		{"provider no default", "%IDP%", "Idp", "", "", "", ""},
		{"attribute default", "%ATTR%", "Attr", "group", "", "attribute-exists", "(with the default of parameter Attr, which a deployment can override)"},
		{"attribute passed", "%ATTR%", "Attr", "group", "team", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			param := "  " + tc.param + ": {Type: String}\n"
			if tc.def != "" {
				param = "  " + tc.param + ": {Type: String, Default: " + tc.def + "}\n"
			}
			text := pool
			for k, v := range literal {
				if k == tc.key {
					v = "!Ref " + tc.param
					if tc.key == "%SCOPE%" || tc.key == "%ID%" {
						v = "!Sub '${" + tc.param + "}'"
					}
				}
				text = strings.ReplaceAll(text, k, v)
			}
			text = "Parameters:\n" + param + "Resources:\n" + text
			tmpl := filepath.Join(dir, "t.yaml")
			write := func(p, s string) {
				if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write(tmpl, text)
			vals := &Values{}
			if tc.passed != "" {
				vals.Parameters = filepath.Join(dir, "params.json")
				write(vals.Parameters, `{"`+tc.param+`": "`+tc.passed+`"}`)
			}
			files, err := ReadWith(tmpl, vals)
			if err != nil {
				t.Fatal(err)
			}
			var got []Finding
			for _, f := range files {
				for _, c := range f.Clients {
					if len(c.Errors) > 0 {
						t.Fatalf("errors %v", c.Errors)
					}
					got = append(got, CheckPool(c, f.PoolResources())...)
				}
			}
			var found []string
			for _, fd := range got {
				if fd.Rule == "dependency-order" || fd.Rule == "managed-login-without-branding" {
					continue
				}
				found = append(found, fd.Rule+": "+fd.Message)
			}
			if tc.rule == "" {
				if len(found) > 0 {
					t.Fatalf("findings %q, want none", found)
				}
				return
			}
			// An attribute is both read and written: a finding for each.
			if len(found) == 0 {
				t.Fatalf("no findings, want %s holding %q", tc.rule, tc.want)
			}
			for _, fd := range found {
				if !strings.HasPrefix(fd, tc.rule+": ") || !strings.Contains(fd, tc.want) {
					t.Fatalf("findings %q, want only %s holding %q", found, tc.rule, tc.want)
				}
			}
		})
	}
}

// TestCloudFormationPoolDependencyOrder checks that a client that uses a
// scope of a resource server whose identifier a parameter's Default
// decides, without depending on it, says that the finding rests on that
// Default.
func TestCloudFormationPoolDependencyOrder(t *testing.T) {
	text := `Parameters:
  ApiId: {Type: String, Default: api}
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: !Ref ApiId
      Name: api
      Scopes: [{ScopeName: read, ScopeDescription: read}]
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: svc
      GenerateSecret: true
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [api/read]
`
	f := ReadBytes("t.yaml", []byte(text))
	var msgs []string
	for _, c := range f.Clients {
		for _, fd := range CheckPool(c, f.PoolResources()) {
			msgs = append(msgs, fd.Rule+": "+fd.Message)
		}
	}
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], "dependency-order: ") ||
		!strings.Contains(msgs[0], "(with the default of parameter ApiId, which a deployment can override)") {
		t.Fatalf("findings %q, want one dependency-order naming parameter ApiId", msgs)
	}
}

// TestServerlessPoolVariables checks that a Serverless service's user
// pool plan is read through the variables the service decides, saying
// what it rests on, and stays unknown when a variable has no fallback.
func TestServerlessPoolVariables(t *testing.T) {
	service := `service: s
provider: {name: aws}
custom:
  tier: %TIER%
resources:
  Resources:
    Pool:
      Type: AWS::Cognito::UserPool
      Properties: {UserPoolTier: '${self:custom.tier}'}
    Client:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: !Ref Pool
        ClientName: web
        ExplicitAuthFlows: [ALLOW_USER_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
        PreventUserExistenceErrors: ENABLED
`
	for _, tc := range []struct{ tier, want string }{
		{`${opt:tier, 'LITE'}`, "(with the default of ${opt:tier}, which a deployment can override)"},
		{`${opt:tier}`, ""},
		{`ESSENTIALS`, ""},
	} {
		f := ReadBytes("serverless.yml", []byte(strings.Replace(service, "%TIER%", tc.tier, 1)))
		var msgs []string
		for _, c := range f.Clients {
			for _, fd := range CheckPool(c, f.PoolResources()) {
				msgs = append(msgs, fd.Rule+": "+fd.Message)
			}
		}
		switch {
		case tc.want == "" && len(msgs) > 0:
			t.Errorf("tier %s: findings %q, want none", tc.tier, msgs)
		case tc.want != "" && (len(msgs) != 1 || !strings.HasPrefix(msgs[0], "feature-plan: ") || !strings.Contains(msgs[0], tc.want)):
			t.Errorf("tier %s: findings %q, want one feature-plan holding %q", tc.tier, msgs, tc.want)
		}
	}
}

// TestTemplateBudget: each Ref, Fn::Sub or Fn::Join of a template has a
// budget, and all of them one together, so that a template of many values
// each built to its own budget is read in bounded work: the clients past
// the template's budget have an error that says so, and pool values past
// it stay unknown.
func TestTemplateBudget(t *testing.T) {
	big := strings.Repeat("x", 60000)
	sub := `!Sub "` + strings.Repeat("${P}", 18) + `"`
	head := "Parameters:\n  P:\n    Type: String\n    Default: " + big + "\nResources:\n"
	var clients strings.Builder
	clients.WriteString(head)
	for i := range 300 {
		fmt.Fprintf(&clients, "  C%d:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: %s\n", i, sub)
	}
	var f *File
	withinBounds(t, "300 clients", func() { f = ReadBytes("t.yaml", []byte(clients.String())) })
	var own, all int
	for _, c := range f.Clients {
		for _, e := range c.Errors {
			switch {
			case strings.Contains(e.Message, "builds more than 1024 KiB of text"):
				own++
			case strings.Contains(e.Message, "the template's functions build more than 64 MiB of text in all"):
				all++
			}
		}
	}
	if own == 0 || all == 0 || own+all != 300 {
		t.Errorf("%d clients over their own budget, %d over the template's; want both, 300 in all", own, all)
	}
	var pool strings.Builder
	pool.WriteString(head + "  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Schema:\n")
	for range 3000 {
		pool.WriteString("        - Name: " + sub + "\n")
	}
	pool.WriteString("  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      ClientName: c\n      ReadAttributes: [custom:x]\n")
	withinBounds(t, "3,000 schema attributes", func() { f = ReadBytes("p.yaml", []byte(pool.String())) })
	if len(f.Errors) > 0 || len(f.Clients) != 1 || len(f.Clients[0].Errors) > 0 {
		t.Fatalf("errors %v, %d clients", f.Errors, len(f.Clients))
	}
}
