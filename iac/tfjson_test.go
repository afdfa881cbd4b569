package iac

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cdktfStack is a .tf.json file as CDK for Terraform writes it: "//"
// metadata at the root and in each resource, references as templates.
// CALLBACK is replaced by the callback URL's template.
const cdktfStack = `{
  "//": {
    "metadata": {"backend": "local", "stackName": "auth", "version": "0.20.0"},
    "outputs": {}
  },
  "provider": {"aws": [{"region": "us-east-1"}]},
  "terraform": {"required_providers": {"aws": {"source": "aws", "version": "5.0.0"}}},
  "variable": {
    "domain": {"type": "string", "default": "shop.example.com"}
  },
  "resource": {
    "aws_cognito_user_pool": {
      "pool": {
        "//": {"metadata": {"path": "auth/pool", "uniqueId": "pool"}},
        "name": "shop"
      }
    },
    "aws_cognito_user_pool_client": {
      "web": {
        "//": {"metadata": {"path": "auth/web", "uniqueId": "web"}},
        "name": "web",
        "user_pool_id": "${aws_cognito_user_pool.pool.id}",
        "allowed_oauth_flows_user_pool_client": true,
        "allowed_oauth_flows": ["code"],
        "allowed_oauth_scopes": ["openid"],
        "supported_identity_providers": ["COGNITO"],
        "prevent_user_existence_errors": "ENABLED",
        "callback_urls": ["CALLBACK"],
        "token_validity_units": {"access_token": "hours"},
        "depends_on": ["aws_cognito_user_pool.pool"]
      }
    }
  }
}
`

// TestTFJSONCDKTF reads a CDK for Terraform stack: an http callback URL
// built from a variable's default is a finding at its line of the
// .tf.json file, and its https neighbour passes.
func TestTFJSONCDKTF(t *testing.T) {
	for _, tt := range []struct {
		callback string
		want     []tfFinding
	}{
		{"http://${var.domain}/callback", []tfFinding{{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", "cdk.tf.json", 28, nil}}},
		{"https://${var.domain}/callback", nil},
	} {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{"cdk.tf.json": strings.Replace(cdktfStack, "CALLBACK", tt.callback, 1)})
		found, errs, notes := tfFindings(t, dir, nil)
		if errs != nil || notes != nil {
			t.Fatalf("%s: errors %q, notes %q", tt.callback, errs, notes)
		}
		if diff := cmp.Diff(tt.want, found); diff != "" {
			t.Errorf("%s: findings mismatch (-want +got):\n%s", tt.callback, diff)
		}
	}
	// The client's arguments and blocks are read as the .tf equivalent
	// reads them.
	f := ReadBytes("cdk.tf.json", []byte(strings.Replace(cdktfStack, "CALLBACK", "https://${var.domain}/cb", 1)))
	if len(f.Errors) > 0 || len(f.Clients) != 1 {
		t.Fatalf("errors %v, %d clients", f.Errors, len(f.Clients))
	}
	c := f.Clients[0]
	got := map[string]any{"callback": c.Request.CallbackURLs, "unit": string(c.Request.TokenValidityUnits.AccessToken),
		"unknown": c.Unknown, "line": c.Pos.Line, "callbackLine": c.PositionOf("CallbackURLs[0]").Line,
		"defaults": c.Defaults["CallbackURLs"]}
	want := map[string]any{"callback": []string{"https://shop.example.com/cb"}, "unit": "hours",
		"unknown": []string{"UserPoolId"}, "line": 19, "callbackLine": 28, "defaults": "var.domain"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("client mismatch (-want +got):\n%s", diff)
	}
	var deps []string
	for _, r := range f.Resources {
		deps = append(deps, r.Name+" "+strings.Join(r.DependsOn, ","))
	}
	if diff := cmp.Diff([]string{"aws_cognito_user_pool.pool ", "aws_cognito_user_pool_client.web aws_cognito_user_pool.pool"}, deps); diff != "" {
		t.Errorf("resources mismatch (-want +got):\n%s", diff)
	}
}

// tfjClient is a .tf.json file with one app client whose callback_urls
// value is urls (JSON).
func tfjClient(urls string) string {
	return `{
  "resource": {
    "aws_cognito_user_pool_client": {
      "web": {
        "name": "web",
        "user_pool_id": "us-east-1_AbC123xyz",
        "allowed_oauth_flows_user_pool_client": true,
        "allowed_oauth_flows": ["code"],
        "allowed_oauth_scopes": ["openid"],
        "supported_identity_providers": ["COGNITO"],
        "callback_urls": ` + urls + `
      }
    }
  }
}
`
}

// TestTFJSONMixedModule reads a directory whose .tf and .tf.json files
// are one module, either way round: a variable declared in one syntax and
// read by a client in the other, with a tfvars value or a default.
func TestTFJSONMixedModule(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  []tfFinding
	}{
		{"tf variable, json client", map[string]string{
			"variables.tf":     "variable \"urls\" {\n  type = list(string)\n}\n",
			"terraform.tfvars": "urls = [\"http://shop.example.com/cb\"]\n",
			"client.tf.json":   tfjClient(`"${var.urls}"`),
		}, []tfFinding{{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", "client.tf.json", 11, []string{"terraform.tfvars at terraform.tfvars:1"}}}},
		{"tf variable, json client, https", map[string]string{
			"variables.tf":     "variable \"urls\" {\n  type = list(string)\n}\n",
			"terraform.tfvars": "urls = [\"https://shop.example.com/cb\"]\n",
			"client.tf.json":   tfjClient(`"${var.urls}"`),
		}, nil},
		{"json variable, tf client", map[string]string{
			// A default is literal: "${" in it is no template.
			"variables.tf.json": `{"variable": {"urls": {"type": "list(string)", "default": ["http://${shop}.example.com/cb"]}}}`,
			"client.tf": `resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = "us-east-1_AbC123xyz"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = var.urls
}
`,
		}, []tfFinding{{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", "client.tf", 8, nil}}},
		{"json variable, tf client, https", map[string]string{
			"variables.tf.json": `{"variable": {"urls": {"type": "list(string)", "default": ["https://${shop}.example.com/cb"]}}}`,
			"client.tf": `resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = "us-east-1_AbC123xyz"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = var.urls
}
`,
		}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tt.files)
			found, errs, notes := tfFindings(t, dir, nil)
			if errs != nil || notes != nil {
				t.Fatalf("errors %q, notes %q", errs, notes)
			}
			if diff := cmp.Diff(tt.want, found); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTFJSONModuleCall reads a module called from a .tf root whose child
// is written in JSON, and a JSON root calling a .tf child: the finding
// points at the child's line, with the caller's argument as its origin.
func TestTFJSONModuleCall(t *testing.T) {
	jsonChild := `{
  "variable": {"callback_urls": {"type": "list(string)"}},
  "resource": {"aws_cognito_user_pool_client": {"this": {
    "name": "web",
    "user_pool_id": "us-east-1_AbC123xyz",
    "allowed_oauth_flows_user_pool_client": true,
    "allowed_oauth_flows": ["code"],
    "allowed_oauth_scopes": ["openid"],
    "supported_identity_providers": ["COGNITO"],
    "callback_urls": "${var.callback_urls}"
  }}}
}
`
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  []tfFinding
	}{
		{"tf root, json child", map[string]string{
			"main.tf":                        "module \"web\" {\n  source        = \"./modules/c\"\n  callback_urls = [\"http://shop.example.com/cb\"]\n}\n",
			"modules/c/main.tf.json":         jsonChild,
			"modules/c/unrelated.tf.json":    `{"output": {"x": {"value": "${1 + 1}"}}}`,
			"modules/c/README.tf.json.other": "not read",
		}, []tfFinding{{"module.web.aws_cognito_user_pool_client.this", "CallbackURLs[0]", "redirect-https", "modules/c/main.tf.json", 10,
			[]string{"module.web's argument callback_urls at main.tf:3"}}}},
		{"tf root, json child, https", map[string]string{
			"main.tf":                "module \"web\" {\n  source        = \"./modules/c\"\n  callback_urls = [\"https://shop.example.com/cb\"]\n}\n",
			"modules/c/main.tf.json": jsonChild,
		}, nil},
		{"json root, tf child", map[string]string{
			"main.tf.json": `{
  "module": {
    "web": {
      "source": "./modules/app-client",
      "callback_urls": ["http://shop.example.com/cb"]
    }
  }
}`,
			"modules/app-client/main.tf": clientModule,
		}, []tfFinding{{"module.web.aws_cognito_user_pool_client.this", "CallbackURLs[0]", "redirect-https", "modules/app-client/main.tf", 16,
			[]string{"module.web's argument callback_urls at main.tf.json:5"}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tt.files)
			found, errs, notes := tfFindings(t, dir, nil)
			if errs != nil || notes != nil {
				t.Fatalf("errors %q, notes %q", errs, notes)
			}
			if diff := cmp.Diff(tt.want, found); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTFJSONForEachCount expands for_each and count written in JSON: each
// instance is checked with its each.value or count.index.
func TestTFJSONForEachCount(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.tf.json": `{
  "variable": {
    "clients": {"default": {"web": "http://web.example.com/cb", "api": "https://api.example.com/cb"}}
  },
  "locals": {"hosts": ["https://a.example.com", "http://b.example.com"]},
  "resource": {
    "aws_cognito_user_pool_client": {
      "each": {
        "for_each": "${var.clients}",
        "name": "${each.key}",
        "user_pool_id": "us-east-1_AbC123xyz",
        "allowed_oauth_flows_user_pool_client": true,
        "allowed_oauth_flows": ["code"],
        "allowed_oauth_scopes": ["openid"],
        "supported_identity_providers": ["COGNITO"],
        "callback_urls": ["${each.value}"]
      },
      "counted": {
        "count": 2,
        "name": "c${count.index}",
        "user_pool_id": "us-east-1_AbC123xyz",
        "allowed_oauth_flows_user_pool_client": true,
        "allowed_oauth_flows": ["code"],
        "allowed_oauth_scopes": ["openid"],
        "supported_identity_providers": ["COGNITO"],
        "callback_urls": ["${local.hosts[count.index]}/cb"]
      }
    }
  }
}`})
	found, errs, notes := tfFindings(t, dir, nil)
	if errs != nil || notes != nil {
		t.Fatalf("errors %q, notes %q", errs, notes)
	}
	want := []tfFinding{
		{`aws_cognito_user_pool_client.each["web"]`, "CallbackURLs[0]", "redirect-https", "main.tf.json", 16, nil},
		{`aws_cognito_user_pool_client.counted[1]`, "CallbackURLs[0]", "redirect-https", "main.tf.json", 26, nil},
	}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// TestTFJSONSyntax reads what Terraform's JSON syntax means besides plain
// arguments: blocks as arrays, dynamic blocks, "//" comments (and the
// ignore comment), template escapes, expression-mode depends_on, literal
// module sources, and blocks of types the reader does not know.
func TestTFJSONSyntax(t *testing.T) {
	src := `{
  "//": "generated",
  "data": {"aws_region": {"current": {}}},
  "output": {"id": {"value": "${aws_cognito_user_pool_client.c.id}"}},
  "resource": [
    {"aws_s3_bucket": {"b": {"website": {"index_document": "index.html"}, "tags": {"Name": "${var.x}"}}}},
    {"aws_cognito_resource_server": {"api": {
      "identifier": "https://api.example.com",
      "name": "api",
      "user_pool_id": "${aws_cognito_user_pool.p.id}",
      "scope": [{"scope_name": "read", "scope_description": "r"}, {"scope_name": "write", "scope_description": "w"}]
    }}},
    {"aws_cognito_user_pool": {"p": {"name": "p"}}},
    {"aws_cognito_user_pool_client": {"c": {
      "//": "appclient-ignore: user-existence-errors",
      "name": "c",
      "user_pool_id": "${aws_cognito_user_pool.p.id}",
      "allowed_oauth_flows_user_pool_client": true,
      "allowed_oauth_flows": ["code"],
      "allowed_oauth_scopes": ["https://api.example.com/read", "https://api.example.com/delete"],
      "supported_identity_providers": ["COGNITO"],
      "callback_urls": ["https://app.example.com/cb?x=$${y}"],
      "dynamic": {"token_validity_units": {"for_each": ["x"], "content": {"id_token": "hours"}}},
      "lifecycle": {"ignore_changes": ["name"], "create_before_destroy": true},
      "depends_on": ["aws_cognito_resource_server.api"]
    }}}
  ]
}`
	f := ReadBytes("s.tf.json", []byte(src))
	if len(f.Errors) > 0 || len(f.Clients) != 1 {
		t.Fatalf("errors %v, %d clients", f.Errors, len(f.Clients))
	}
	c := f.Clients[0]
	got := []string{c.Request.CallbackURLs[0], string(c.Request.TokenValidityUnits.IDToken), strings.Join(c.Ignore, ",")}
	if diff := cmp.Diff([]string{"https://app.example.com/cb?x=${y}", "hours", "user-existence-errors"}, got); diff != "" {
		t.Errorf("client mismatch (-want +got):\n%s", diff)
	}
	var rules []string
	for _, fd := range f.Findings() {
		rules = append(rules, fd.Field+" "+fd.Rule)
	}
	// The scope blocks are read as blocks: "read" is among them, "delete"
	// is not. The rule the "//" comment silences is dropped.
	if diff := cmp.Diff([]string{"AllowedOAuthScopes[1] custom-scope-exists"}, rules); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// TestTFJSONAccepted: what HCL's JSON syntax accepts is no input error: a
// null where blocks go means no blocks, a block type written twice in one
// object (provider, output) or in each object of a top-level array is two
// blocks, and a block type the reader does not read is skipped.
func TestTFJSONAccepted(t *testing.T) {
	const client = `"aws_cognito_user_pool_client": {"c": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz", "token_validity_units": null, "callback_urls": ["http://a.example.com/cb"]}}`
	for _, tt := range []struct{ name, src string }{
		{"null nested block", `{"resource": {` + client + `}}`},
		{"null resource type", `{"resource": {"aws_s3_bucket": null, ` + client + `}}`},
		{"null resource", `{"resource": [{"aws_cognito_user_pool_client": {"gone": null}}, {` + client + `}]}`},
		{"provider twice", `{"provider": {"aws": {"region": "us-east-1"}}, "provider": {"aws": {"alias": "west", "region": "us-west-2"}}, "resource": {` + client + `}}`},
		{"output in each object of an array", `[{"output": {"a": {"value": "x"}}}, {"output": {"b": {"value": "y"}}}, {"resource": {` + client + `}}]`},
		{"blocks not read", `{"check": {"c": {"assert": {"condition": "${true}"}}}, "moved": {"from": "${a.b}", "to": "${a.c}"}, "import": [{"to": "${a.b}", "id": "x"}], "resource": {` + client + `}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes("main.tf.json", []byte(tt.src))
			if len(f.Errors) > 0 || len(f.Clients) != 1 {
				t.Fatalf("errors %v, %d clients; want none, one client", f.Errors, len(f.Clients))
			}
			if v := violations(f); len(v) != 1 || v[0].Rule != "redirect-https" {
				t.Errorf("violations = %v, want the client's redirect-https", v)
			}
		})
	}
}

// TestTFJSONErrors: a .tf.json file Terraform would refuse is an input
// error naming the file and line, never a panic and never a pass.
func TestTFJSONErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"bad JSON", "{\n  \"resource\": {\n    \"aws_cognito_user_pool_client\": {,\n", "bad.tf.json:3:38: "},
		{"template syntax", "{\"resource\": {\"aws_cognito_user_pool_client\": {\"c\": {\n  \"name\": \"${var.\"\n}}}}", "bad.tf.json:2:"},
		{"block not an object", "{\"resource\": {\"aws_cognito_user_pool_client\": {\"c\": {\n  \"token_validity_units\": \"hours\"\n}}}}",
			"bad.tf.json:2:27: token_validity_units is a block"},
		{"duplicate argument", "{\"resource\": {\"aws_cognito_user_pool_client\": {\"c\": {\n  \"name\": \"a\",\n  \"name\": \"b\"\n}}}}",
			"bad.tf.json:3:3: duplicate argument \"name\" (first at line 2)"},
		{"labels missing", "{\"resource\": {\"aws_cognito_user_pool_client\": \"c\"}}", "bad.tf.json:1:47: resource takes 2 label(s)"},
		{"not an object", "[1]", "bad.tf.json:1:2: a body written as an array must hold objects"},
		{"nesting", "{\"locals\": {\"x\": " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "}}", "bad.tf.json:1:"},
		{"template error after an escaped newline", "{\"locals\": {\"x\": \"a\\n\\n\\n${var.\"}}", "bad.tf.json:1:18: "},
		{"nested template", "{\"locals\": {\"x\": \"${" + strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300) + "}\"}}", "nesting deeper than 256 levels"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes("bad.tf.json", []byte(tt.src))
			if len(f.Errors) == 0 {
				t.Fatalf("no error, %d clients", len(f.Clients))
			}
			if got := f.Errors[0].Error(); !strings.Contains(got, tt.want) {
				t.Errorf("error %q, want it to hold %q", got, tt.want)
			}
			if len(f.Clients) != 0 {
				t.Errorf("%d clients read from a file with errors", len(f.Clients))
			}
		})
	}
	// Its neighbour, the same file well written, reads.
	f := ReadBytes("good.tf.json", []byte("{\"resource\": {\"aws_cognito_user_pool_client\": {\"c\": {\n  \"name\": \"a\",\n  \"user_pool_id\": \"us-east-1_AbC123xyz\",\n  \"token_validity_units\": {\"id_token\": \"hours\"}\n}}}}"))
	if len(f.Errors) != 0 || len(f.Clients) != 1 {
		t.Errorf("good: errors %v, %d clients", f.Errors, len(f.Clients))
	}
}
