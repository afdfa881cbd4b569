package iac

import (
	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// violation is a finding as the tests compare it.
type violation struct {
	Resource, Field, Rule string
	Line                  int
	// Default is true when the message says the finding rests on a
	// default.
	Default bool
}

// violations checks every client of the files and returns the violations
// (errors); advisories have tests of their own.
func violations(files ...*File) []violation {
	var out []violation
	for _, f := range files {
		for _, c := range f.Clients {
			for _, fd := range Check(c) {
				if fd.Severity != appclient.SeverityError {
					continue
				}
				out = append(out, violation{fd.Resource, fd.Field, fd.Rule, fd.Pos.Line, strings.Contains(fd.Message, "with the default of")})
			}
		}
	}
	return out
}

// unknowns returns each client's unknown members.
func unknowns(files ...*File) map[string][]string {
	out := map[string][]string{}
	for _, f := range files {
		for _, c := range f.Clients {
			out[c.Resource] = append([]string{}, c.Unknown...)
		}
	}
	return out
}

// inputErrors returns every input error of the files, as text.
func inputErrors(files ...*File) []string {
	var out []string
	for _, f := range files {
		for _, e := range f.Errors {
			out = append(out, e.Error())
		}
		for _, c := range f.Clients {
			for _, e := range c.Errors {
				out = append(out, e.Error())
			}
		}
	}
	return out
}

// TestTerraformConfig reads a module with variables with and without
// defaults, locals, templates, for_each, count and dynamic blocks: what is
// known is checked, what is not is unknown, and findings that rest on a
// default say so.
func TestTerraformConfig(t *testing.T) {
	f, err := ReadFile("testdata/terraform/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	if errs := inputErrors(f); errs != nil {
		t.Fatalf("input errors: %q", errs)
	}
	if f.Kind != KindTerraformConfig {
		t.Errorf("kind = %q, want %q", f.Kind, KindTerraformConfig)
	}
	wantUnknown := map[string][]string{
		// name = "web-${var.stage}": stage has no default.
		"aws_cognito_user_pool_client.web": {"ClientName", "UserPoolId"},
		// One client per each.key; a dynamic block on a variable without
		// a default.
		`aws_cognito_user_pool_client.per_env["dev"]`:  {"RefreshTokenRotation", "UserPoolId"},
		`aws_cognito_user_pool_client.per_env["prod"]`: {"RefreshTokenRotation", "UserPoolId"},
		// One per count.index, and a scope built from a resource
		// attribute.
		"aws_cognito_user_pool_client.counted[0]": {"AllowedOAuthScopes[0]", "UserPoolId"},
		"aws_cognito_user_pool_client.counted[1]": {"AllowedOAuthScopes[0]", "UserPoolId"},
	}
	if diff := cmp.Diff(wantUnknown, unknowns(f)); diff != "" {
		t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
	}
	want := []violation{
		{"aws_cognito_user_pool_client.web", "AllowedOAuthScopes[1]", "scope-not-found", 41, false},
		// local.callback = "http://${var.domain}/callback", domain's default.
		{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", 42, true},
		{"aws_cognito_user_pool_client.web", "ExplicitAuthFlows", "refresh-token-auth-required", 45, false},
		// var.token_hours defaults to 48 (hours).
		{"aws_cognito_user_pool_client.web", "AccessTokenValidity", "token-validity-range", 46, true},
		// The for_each client is checked per instance, with each.key (the
		// ignore comment is the command's to apply).
		{`aws_cognito_user_pool_client.per_env["dev"]`, "CallbackURLs[0]", "redirect-https", 59, false},
		{`aws_cognito_user_pool_client.per_env["dev"]`, "CallbackURLs[1]", "redirect-https", 59, false},
		{`aws_cognito_user_pool_client.per_env["prod"]`, "CallbackURLs[0]", "redirect-https", 59, false},
		{`aws_cognito_user_pool_client.per_env["prod"]`, "CallbackURLs[1]", "redirect-https", 59, false},
		{"aws_cognito_user_pool_client.counted[0]", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 73, false},
		{"aws_cognito_user_pool_client.counted[1]", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 73, false},
	}
	if diff := cmp.Diff(want, violations(f)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
	// The comment "# appclient-ignore: redirect-https" inside per_env.
	var ignore [][]string
	for _, c := range f.Clients {
		ignore = append(ignore, c.Ignore)
	}
	if diff := cmp.Diff([][]string{nil, {"redirect-https"}, {"redirect-https"}, nil, nil}, ignore); diff != "" {
		t.Errorf("ignored rules mismatch (-want +got):\n%s", diff)
	}
	// Every resource block, for the checks that need the pool.
	var res []string
	for _, r := range f.Resources {
		res = append(res, r.Name)
	}
	wantRes := []string{"aws_cognito_user_pool.pool", "aws_cognito_resource_server.api",
		"aws_cognito_user_pool_client.web", "aws_cognito_user_pool_client.per_env", "aws_cognito_user_pool_client.counted"}
	if diff := cmp.Diff(wantRes, res); diff != "" {
		t.Errorf("resources mismatch (-want +got):\n%s", diff)
	}
	server := f.Resources[1].properties
	if got := server.Get("identifier"); got == nil || got.Str != "https://api.example.com" {
		t.Errorf("resource server identifier = %+v, want the string", got)
	}
	if got := server.Get("user_pool_id"); got == nil || got.Kind != tree.Unknown || !cmp.Equal(got.Refs, []string{"aws_cognito_user_pool.pool"}) {
		t.Errorf("resource server user_pool_id = %+v, want unknown, referring to the pool", got)
	}
	if got := server.Get("scope"); got == nil || len(got.Elems) != 1 || got.Elems[0].Get("scope_name").Str != "read" {
		t.Errorf("resource server scope = %+v, want one block with scope_name read", got)
	}
}

// TestTerraformValues checks how single arguments are read.
func TestTerraformValues(t *testing.T) {
	const head = "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n"
	tests := []struct {
		name        string
		src         string
		wantUnknown []string
		want        []violation
		wantErrs    []string
	}{
		{"numbers from strings, booleans from strings", head + "  access_token_validity = \"2\"\n  generate_secret = \"true\"\n  token_validity_units {\n    access_token = \"days\"\n  }\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "AccessTokenValidity", "token-validity-range", 4, false}}, nil},
		{"nearest valid neighbour", head + "  access_token_validity = 1\n  token_validity_units {\n    access_token = \"days\"\n  }\n}\n", nil, nil, nil},
		{"empty list is not set", head + "  callback_urls = []\n  prevent_user_existence_errors = \"\"\n}\n", nil, nil, nil},
		// The provider checks default_redirect_uri's length (1 to 1024)
		// when it reads the configuration: "" is the value written, and
		// an error at plan.
		{"empty string the provider length-checks", head + "  default_redirect_uri = \"\"\n  callback_urls = []\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "DefaultRedirectURI", "length", 4, false}}, nil},
		{"empty string from a default", "variable \"uri\" {\n  default = \"\"\n}\n" + head + "  default_redirect_uri = var.uri\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "DefaultRedirectURI", "length", 7, true}}, nil},
		{"null is not set", head + "  default_redirect_uri = null\n}\n", nil, nil, nil},
		{"conditional on a default", "variable \"prod\" {\n  default = false\n}\n" + head + "  callback_urls = [var.prod ? \"https://a.example.com/\" : \"http://a.example.com/\"]\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "CallbackURLs[0]", "redirect-https", 7, true}}, nil},
		{"a branch not taken rests on nothing", "variable \"other\" {\n  default = \"https://b.example.com/\"\n}\n" + head + "  callback_urls = [true ? \"http://a.example.com/\" : var.other]\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "CallbackURLs[0]", "redirect-https", 7, false}}, nil},
		{"the branch taken rests on its default", "variable \"other\" {\n  default = \"http://b.example.com/\"\n}\n" + head + "  callback_urls = [false ? \"https://a.example.com/\" : var.other]\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "CallbackURLs[0]", "redirect-https", 7, true}}, nil},
		{"variable without default", "variable \"url\" {}\n" + head + "  callback_urls = [var.url]\n  default_redirect_uri = \"https://b.example.com/\"\n}\n",
			[]string{"CallbackURLs[0]"}, nil, nil},
		{"undeclared variable", head + "  default_redirect_uri = var.nope\n}\n", []string{"DefaultRedirectURI"}, nil, nil},
		{"module output", head + "  callback_urls = module.site.callback_urls\n}\n", []string{"CallbackURLs"}, nil, nil},
		{"data source", head + "  callback_urls = [data.aws_ssm_parameter.cb.value]\n}\n", []string{"CallbackURLs[0]"}, nil, nil},
		{"function Terraform has and this does not", head + "  callback_urls = [templatefile(\"x\", {})]\n}\n", []string{"CallbackURLs[0]"}, nil, nil},
		{"functions", "locals {\n  hosts = [\"A.example.com\"]\n}\n" + head + "  callback_urls = [for h in local.hosts : \"http://${h}/\"]\n  logout_urls = [format(\"http://%s/\", lower(local.hosts[0]))]\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "CallbackURLs[0]", "redirect-https", 7, false}}, nil},
		{"for expression over a small collection, https", "locals {\n  hosts = [\"A.example.com\"]\n}\n" + head + "  callback_urls = [for h in local.hosts : \"https://${h}/\"]\n}\n",
			nil, nil, nil},
		// The loop's cost is its iterations times its body, not the text
		// of the list it reads.
		{"for expression over a long written list", head + "  callback_urls = [for h in [" + strings.Repeat("\"a.example.com\", ", 400) + "\"b.example.com\"] : \"http://${h}/\" if h == \"b.example.com\"]\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "CallbackURLs[0]", "redirect-https", 4, false}}, nil},
		{"for expression in a for expression", "locals {\n  hosts = [\"a\"]\n}\n" + head + "  callback_urls = flatten([for h in local.hosts : [for p in local.hosts : \"http://${h}${p}/\"]])\n}\n",
			[]string{"CallbackURLs"}, nil, nil},
		{"try and can", "locals {\n  c = { urls = [\"http://a.example.com/\"] }\n}\n" + head + "  callback_urls = try(local.c.callback_urls, local.c.urls)\n  generate_secret = can(local.c.secret)\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "CallbackURLs[0]", "redirect-https", 7, false}}, nil},
		{"try falling back to https", "locals {\n  c = { urls = [\"https://a.example.com/\"] }\n}\n" + head + "  callback_urls = try(local.c.callback_urls, local.c.urls)\n}\n",
			nil, nil, nil},
		{"local reading a local defined later", "locals {\n  a = local.b\n  b = \"http://x.example.com/\"\n}\n" + head + "  callback_urls = [local.a]\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "CallbackURLs[0]", "redirect-https", 8, false}}, nil},
		{"locals in a cycle", "locals {\n  a = local.b\n  b = local.a\n}\n" + head + "  callback_urls = [local.a]\n}\n", []string{"CallbackURLs[0]"}, nil, nil},
		{"dynamic block", head + "  dynamic \"token_validity_units\" {\n    for_each = [1]\n    content {\n      access_token = \"days\"\n    }\n  }\n  access_token_validity = 2\n}\n",
			nil, []violation{{"aws_cognito_user_pool_client.c", "AccessTokenValidity", "token-validity-range", 10, false}}, nil},
		{"dynamic block, its iterator", head + "  dynamic \"token_validity_units\" {\n    for_each = [\"hours\"]\n    content {\n      access_token = token_validity_units.value\n    }\n  }\n  access_token_validity = 2\n}\n",
			nil, nil, nil},
		{"dynamic block, none", head + "  dynamic \"token_validity_units\" {\n    for_each = []\n    content {\n      access_token = \"days\"\n    }\n  }\n  access_token_validity = 2\n}\n",
			nil, nil, nil},
		{"dynamic block, unknown", "variable \"u\" {}\n" + head + "  dynamic \"token_validity_units\" {\n    for_each = var.u\n    content {\n      access_token = \"days\"\n    }\n  }\n  access_token_validity = 2\n}\n",
			[]string{"TokenValidityUnits"}, nil, nil},
		{"unknown argument", head + "  callback_url = [\"https://a.example.com/\"]\n}\n", nil, nil,
			[]string{`in.tf:4:3: aws_cognito_user_pool_client.c: aws_cognito_user_pool_client has no argument or block "callback_url" (did you mean "callback_urls"?)`}},
		{"wrong type", head + "  callback_urls = \"https://a.example.com/\"\n  access_token_validity = \"soon\"\n}\n", nil, nil,
			[]string{
				`in.tf:4:20: aws_cognito_user_pool_client.c: callback_urls must be a list of strings, not string`,
				`in.tf:5:28: aws_cognito_user_pool_client.c: access_token_validity must be a number: a number is required`,
			}},
		{"two blocks", head + "  token_validity_units {\n  }\n  token_validity_units {\n  }\n}\n", nil, nil,
			[]string{`in.tf:6:3: aws_cognito_user_pool_client.c: a second token_validity_units block (first at line 4); the provider allows one`}},
		{"block as an argument", head + "  token_validity_units = {}\n}\n", nil, nil,
			[]string{`in.tf:4:3: aws_cognito_user_pool_client.c: token_validity_units is a block: write token_validity_units { ... }`}},
		{"meta-arguments", head + "  count = 1\n  depends_on = [aws_cognito_user_pool.p]\n  lifecycle {\n    ignore_changes = [name]\n  }\n  provider = aws.west\n}\n", nil, nil, nil},
		{"syntax error", head + "  logout_urls = \n}\n", nil, nil,
			[]string{`in.tf:4:17: Invalid expression: expected the start of an expression, but found an invalid expression token`}},
		{"unterminated block", head, nil, nil,
			[]string{`in.tf:1:45: Unclosed configuration block: there is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file`}},
		{"deep nesting", head + "  callback_urls = " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n}\n", nil, nil,
			[]string{`in.tf:4:274: nesting deeper than 256 levels`}},
		{"huge format width", head + "  default_redirect_uri = format(\"%099999999d\", 1)\n}\n", []string{"DefaultRedirectURI"}, nil, nil},
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
			if diff := cmp.Diff(tt.wantUnknown, f.Clients[0].Unknown, cmpEmpty); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, violations(f)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// cmpEmpty compares nil and empty slices as equal.
var cmpEmpty = cmp.Comparer(func(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return cmp.Equal(a, b)
})

// TestTerraformState checks the clients of state files like those of a
// plan: deployed clients whose "", 0 and [] mean not set.
func TestTerraformState(t *testing.T) {
	for _, tt := range []struct {
		file    string
		clients []string
		want    []violation
	}{
		{"testdata/state/show.json", []string{"aws_cognito_user_pool_client.web", "module.auth.aws_cognito_user_pool_client.m2m"},
			[]violation{{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", 21, false}}},
		{"testdata/state/terraform.tfstate", []string{`aws_cognito_user_pool_client.per_env["dev"]`, `aws_cognito_user_pool_client.per_env["prod"]`},
			[]violation{{`aws_cognito_user_pool_client.per_env["prod"]`, "CallbackURLs[0]", "redirect-https", 32, false}}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			f, err := ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if errs := inputErrors(f); errs != nil {
				t.Fatalf("input errors: %q", errs)
			}
			if f.Kind != KindTerraformState {
				t.Errorf("kind = %q, want %q", f.Kind, KindTerraformState)
			}
			var got []string
			for _, c := range f.Clients {
				got = append(got, c.Resource)
			}
			if diff := cmp.Diff(tt.clients, got); diff != "" {
				t.Errorf("clients mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, violations(f)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOtherJSON checks that a JSON file of another shape says what it is
// instead of failing as a request.
func TestOtherJSON(t *testing.T) {
	f, notInput := readBytes("package.json", []byte(`{"name": "x", "version": "1.0.0"}`), nil)
	if !notInput || f.Kind != "" {
		t.Errorf("package.json: kind %q, not an input %v; want no kind, not an input", f.Kind, notInput)
	}
	want := []string{`package.json:1:1: a JSON object of no kind this reads: members "name", "version"; it reads request JSON (the --cli-input-json form of create-user-pool-client), update requests (with ClientId), described clients (with UserPoolClient), CloudFormation templates (with Resources), Serverless services (with service), and Terraform plans and state (terraform show -json)`}
	if diff := cmp.Diff(want, inputErrors(f)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	// A misspelt request is still a request, with the decoder's hint.
	f, notInput = readBytes("req.json", []byte(`{"callback_urls": []}`), nil)
	if notInput || f.Kind != KindRequest {
		t.Errorf("misspelt request: kind %q, not an input %v; want a request", f.Kind, notInput)
	}
}

// TestTerraformCountByDefault reads clients whose count or for_each leaves
// them out under the variables' defaults: a deployment that creates them
// overrides those variables, so no value rests on their defaults there. A
// value resting on another default, or a client the defaults do create,
// is still checked with them.
func TestTerraformCountByDefault(t *testing.T) {
	const src = `
variable "m2m" { default = false }
variable "secret" { default = false }
variable "clients" { default = {} }
locals { m2m_on = var.m2m }

resource "aws_cognito_user_pool_client" "off" {
  count                                = var.m2m ? 1 : 0
  name                                 = "m2m"
  user_pool_id                         = "us-east-1_abc"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["api/read"]
  generate_secret                      = local.m2m_on
}

resource "aws_cognito_user_pool_client" "each_off" {
  for_each                             = var.m2m ? { a = 1 } : {}
  name                                 = "m2m"
  user_pool_id                         = "us-east-1_abc"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["api/read"]
  generate_secret                      = var.m2m
}

resource "aws_cognito_user_pool_client" "other_default" {
  count                                = var.m2m ? 1 : 0
  name                                 = "m2m"
  user_pool_id                         = "us-east-1_abc"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["api/read"]
  generate_secret                      = var.secret
}

resource "aws_cognito_user_pool_client" "on" {
  count                                = var.m2m ? 0 : 1
  name                                 = "m2m"
  user_pool_id                         = "us-east-1_abc"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["api/read"]
  generate_secret                      = var.m2m
}
`
	f := ReadBytes("main.tf", []byte(src))
	if errs := inputErrors(f); errs != nil {
		t.Fatalf("input errors: %q", errs)
	}
	wantUnknown := map[string][]string{
		"aws_cognito_user_pool_client.off":           {"GenerateSecret"},
		"aws_cognito_user_pool_client.each_off":      {"GenerateSecret"},
		"aws_cognito_user_pool_client.other_default": nil,
		// count 1: one instance, named by its index.
		"aws_cognito_user_pool_client.on[0]": nil,
	}
	got := unknowns(f)
	for k, v := range got {
		if len(v) == 0 {
			got[k] = nil
		}
	}
	if diff := cmp.Diff(wantUnknown, got); diff != "" {
		t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
	}
	want := []violation{
		{"aws_cognito_user_pool_client.other_default", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 32, true},
		{"aws_cognito_user_pool_client.on[0]", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 42, true},
	}
	if diff := cmp.Diff(want, violations(f)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformNoInstance: a client that count or for_each leaves out
// whatever a deployment passes (count = 0, for_each = {}) sends no request
// and is not checked; its nearest neighbour, left out only by a variable's
// default, which a deployment may override, is checked once.
func TestTerraformNoInstance(t *testing.T) {
	const client = `resource "aws_cognito_user_pool_client" "c" {
  META
  name          = "c"
  user_pool_id  = "us-east-1_abc123"
  callback_urls = ["http://app.example.com/cb"]
}
variable "n" {
  default = 0
}
`
	tests := []struct {
		meta    string
		clients int
	}{
		{"count = 0", 0},
		{"for_each = {}", 0},
		{"for_each = toset([])", 0},
		{"count = var.n", 1},
		{"count = 1", 1},
	}
	for _, tc := range tests {
		f := ReadBytes("main.tf", []byte(strings.Replace(client, "META", tc.meta, 1)))
		if len(f.Errors) > 0 {
			t.Fatalf("%s: %v", tc.meta, f.Errors)
		}
		if len(f.Clients) != tc.clients {
			t.Errorf("%s: %d clients, want %d", tc.meta, len(f.Clients), tc.clients)
		}
	}
}
