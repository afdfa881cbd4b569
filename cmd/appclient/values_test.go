package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const tfRoot = `variable "callback" {
  type = string
}

module "remote" {
  source = "example/thing/aws"
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = "us-east-1_AbC123xyz"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = [var.callback]
  prevent_user_existence_errors        = "ENABLED"
}
`

// TestValueFlags runs validate with -var-file and -var: the value turns
// the finding on or off, the later flag wins, the finding names where the
// value is written, a module not on disk is a note that leaves the status
// alone, and bad values are status 2.
func TestValueFlags(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.tf":     tfRoot,
		"prod.tfvars": "callback = \"http://shop.example.com/cb\"\n",
		"bad.tfvars":  "\ncallback = [\n",
	})
	prod := filepath.Join(dir, "prod.tfvars")
	// Another PATH, whose root declares no variable.
	other := t.TempDir()
	writeFiles(t, other, map[string]string{"main.tf": "resource \"aws_cognito_user_pool_client\" \"api\" {\n  name                          = \"api\"\n  user_pool_id                  = \"us-east-1_AbC123xyz\"\n  prevent_user_existence_errors = \"ENABLED\"\n}\n"})
	tests := []struct {
		name      string
		args      []string
		status    int
		stdout    string // a text stdout holds
		stderr    string // a text stderr holds
		notStdout string
	}{
		{"nothing passed: unknown", []string{dir}, 0, "", "module.remote: note: source \"example/thing/aws\" is not on disk", "cannot use http"},
		{"-var-file http", []string{"-var-file", prod, dir}, 1, "(with -var-file " + prod + " at " + prod + ":1)", "note:", ""},
		{"-var https after it", []string{"-var-file", prod, "-var", "callback=https://shop.example.com/cb", dir}, 0, "", "", "cannot use http"},
		{"-var-file after -var", []string{"-var", "callback=https://shop.example.com/cb", "-var-file", prod, dir}, 1, "cannot use http", "", ""},
		{"-var naming no variable", []string{"-var", "nope=1", dir}, 2, "", "no root module declares a variable \"nope\"", ""},
		{"-var one PATH of two declares", []string{"-var", "callback=http://shop.example.com/cb", other, dir}, 1, "cannot use http", "", ""},
		{"-var naming no variable of two PATHs", []string{"-var", "nope=1", other, dir}, 2, "", "no root module declares a variable \"nope\"", ""},
		{"-var naming no variable, another PATH unreadable", []string{"-var", "nope=1", filepath.Join(dir, "missing.tf"), dir}, 2, "", "no root module declares a variable \"nope\"", ""},
		{"-var without =", []string{"-var", "nope", dir}, 2, "", "want NAME=VALUE", ""},
		{"-var-file that does not parse", []string{"-var-file", filepath.Join(dir, "bad.tfvars"), dir}, 2, "", "bad.tfvars:3:1: ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(append([]string{"validate"}, tt.args...), nil, &stdout, &stderr)
			if status != tt.status {
				t.Errorf("status %d, want %d\nstdout: %s\nstderr: %s", status, tt.status, &stdout, &stderr)
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q does not hold %q", &stdout, tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not hold %q", &stderr, tt.stderr)
			}
			if tt.notStdout != "" && strings.Contains(stdout.String(), tt.notStdout) {
				t.Errorf("stdout %q holds %q", &stdout, tt.notStdout)
			}
		})
	}
	// In json, the note is in the file's notes.
	var stdout, stderr bytes.Buffer
	if status := run([]string{"validate", "-format", "json", dir}, nil, &stdout, &stderr); status != 0 {
		t.Fatalf("json: status %d: %s", status, &stderr)
	}
	var rep struct {
		Files []struct {
			File  string `json:"file"`
			Notes []struct {
				Line     int    `json:"line"`
				Resource string `json:"resource"`
				Message  string `json:"message"`
			} `json:"notes"`
		} `json:"files"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || len(rep.Files[0].Notes) != 1 || rep.Files[0].Notes[0].Resource != "module.remote" ||
		rep.Files[0].Notes[0].Line != 5 || !strings.Contains(rep.Files[0].Notes[0].Message, "terraform init") {
		t.Errorf("json files = %+v, want one note on module.remote, line 5, naming terraform init", rep.Files)
	}
	// In json, a finding names the origins of its values: a file and
	// line for -var-file, the source alone for -var.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-var-file", prod}, `[{"source":"-var-file ` + prod + `","file":"` + prod + `","line":1,"column":1}]`},
		{[]string{"-var", "callback=http://a.example.com/cb"}, `[{"source":"-var callback"}]`},
	} {
		stdout.Reset()
		run(append(append([]string{"validate", "-format", "json"}, tt.args...), dir), nil, &stdout, &stderr)
		var rep struct {
			Violations []struct {
				Origins json.RawMessage `json:"origins"`
			} `json:"violations"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range rep.Violations {
			var compact bytes.Buffer
			if len(v.Origins) > 0 {
				json.Compact(&compact, v.Origins)
			}
			got = append(got, compact.String())
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("json %q: origins %q, want [%s]", tt.args, got, tt.want)
		}
	}
	// TF_VAR_ from the environment, under -var.
	t.Setenv("TF_VAR_callback", "http://env.example.com/cb")
	var out, errOut bytes.Buffer
	if status := run([]string{"validate", dir}, nil, &out, &errOut); status != 1 || !strings.Contains(out.String(), "(with TF_VAR_callback)") {
		t.Errorf("TF_VAR_callback: status %d, stdout %q, want 1 and the finding with TF_VAR_callback", status, &out)
	}
	out.Reset()
	if status := run([]string{"validate", "-var", "callback=https://env.example.com/cb", dir}, nil, &out, &errOut); status != 0 {
		t.Errorf("TF_VAR_callback under -var: status %d, stdout %q, want 0", status, &out)
	}
}

// TestParameterFlags runs validate with -parameters and -config-env: the
// passed value turns the finding on or off, and a parameter file that
// does not parse is status 2 naming its line.
func TestParameterFlags(t *testing.T) {
	dir, params := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{
		"template.yaml": "Parameters:\n  Url:\n    Type: String\nResources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n" +
			"    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      PreventUserExistenceErrors: ENABLED\n" +
			"      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthFlows: [code]\n      AllowedOAuthScopes: [openid]\n" +
			"      SupportedIdentityProviders: [COGNITO]\n      CallbackURLs: [!Ref Url]\n",
		"samconfig.toml": "[default.deploy.parameters]\nparameter_overrides = \"Url=https://a.example.com/cb\"\n" +
			"[prod.deploy.parameters]\nparameter_overrides = \"Url=http://a.example.com/cb\"\n",
	})
	writeFiles(t, params, map[string]string{
		"http.json": `[{"ParameterKey": "Url", "ParameterValue": "http://b.example.com/cb"}]`,
		"bad.json":  "[\n  {\"ParameterKey\": \"Url\"\n]\n",
	})
	for _, tt := range []struct {
		args   []string
		status int
		out    string
	}{
		{[]string{dir}, 0, ""},
		{[]string{"-config-env", "prod", dir}, 1, "(with samconfig.toml [prod] at "},
		{[]string{"-parameters", filepath.Join(params, "http.json"), dir}, 1, "(with -parameters " + filepath.Join(params, "http.json")},
		{[]string{"-parameters", filepath.Join(params, "bad.json"), dir}, 2, ""},
	} {
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"validate"}, tt.args...), nil, &stdout, &stderr)
		if status != tt.status || !strings.Contains(stdout.String(), tt.out) {
			t.Errorf("validate %q: status %d, stdout %q, stderr %q; want %d and %q", tt.args, status, &stdout, &stderr, tt.status, tt.out)
		}
		if tt.status == 2 && !strings.Contains(stderr.String(), "bad.json:3:") {
			t.Errorf("validate %q: stderr %q does not name bad.json:3", tt.args, &stderr)
		}
	}
}

// TestStageFlag runs validate with -stage: the stage's params turn the
// finding on, the service's own stage leaves it off.
func TestStageFlag(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"serverless.yml": "service: s\nprovider:\n  name: aws\n  stage: prod\nparams:\n  prod:\n    url: https://a.example.com/cb\n  dev:\n    url: http://a.example.com/cb\n" +
		"resources:\n  Resources:\n    C:\n      Type: AWS::Cognito::UserPoolClient\n      Properties:\n        UserPoolId: us-east-1_AbC123xyz\n        ClientName: c\n" +
		"        PreventUserExistenceErrors: ENABLED\n        AllowedOAuthFlowsUserPoolClient: true\n        AllowedOAuthFlows: [code]\n        AllowedOAuthScopes: [openid]\n" +
		"        SupportedIdentityProviders: [COGNITO]\n        CallbackURLs: [\"${param:url}\"]\n"})
	for _, tt := range []struct {
		args   []string
		status int
		out    string
	}{
		{[]string{dir}, 0, ""},
		{[]string{"-stage", "dev", dir}, 1, "(with params.dev.url at "},
	} {
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"validate"}, tt.args...), nil, &stdout, &stderr)
		if status != tt.status || !strings.Contains(stdout.String(), tt.out) {
			t.Errorf("validate %q: status %d, stdout %q, stderr %q; want %d and %q", tt.args, status, &stdout, &stderr, tt.status, tt.out)
		}
	}
}

// TestSARIFOrigins: in sarif, a finding that rests on a value a deployment
// passes gives where it is written as related locations (SARIF 2.1.0
// result.relatedLocations), each with an id and a message naming the
// source; one given on the command line has no physical location, and a
// finding that rests on a variable's default has none.
func TestSARIFOrigins(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.tf":     tfRoot,
		"prod.tfvars": "# production\n\n  callback = \"http://shop.example.com/cb\"\n",
	})
	withDefault := t.TempDir()
	writeFiles(t, withDefault, map[string]string{
		"main.tf": strings.Replace(tfRoot, "type = string", "type    = string\n  default = \"http://shop.example.com/cb\"", 1),
	})
	prod := filepath.Join(dir, "prod.tfvars")
	type location struct {
		ID               int `json:"id"`
		PhysicalLocation *struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region *struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
		Message *struct {
			Text string `json:"text"`
		} `json:"message"`
	}
	tests := []struct {
		name string
		args []string
		want string // the one result's related locations, as compact JSON
	}{
		{"-var-file: the tfvars line", []string{"-var-file", prod, dir},
			`[{"id":1,"physicalLocation":{"artifactLocation":{"uri":"` + filepath.ToSlash(prod) + `"},"region":{"startLine":3,"startColumn":3}},"message":{"text":"value from -var-file ` + prod + `"}}]`},
		{"-var: the source alone", []string{"-var", "callback=http://a.example.com/cb", dir},
			`[{"id":1,"message":{"text":"value from -var callback"}}]`},
		{"neighbour: a default is no origin", []string{withDefault}, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if status := run(append([]string{"validate", "-format", "sarif"}, tt.args...), nil, &stdout, &stderr); status != 1 {
				t.Fatalf("status %d, want 1; stderr: %s", status, &stderr)
			}
			var log struct {
				Runs []struct {
					Results []struct {
						RuleID           string          `json:"ruleId"`
						RelatedLocations json.RawMessage `json:"relatedLocations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 || log.Runs[0].Results[0].RuleID != "redirect-https" {
				t.Fatalf("results = %+v, want one of redirect-https\n%s", log.Runs, &stdout)
			}
			raw := log.Runs[0].Results[0].RelatedLocations
			var compact bytes.Buffer
			if len(raw) > 0 {
				if err := json.Compact(&compact, raw); err != nil {
					t.Fatal(err)
				}
				// Every related location has the shape SARIF gives one.
				var locs []location
				dec := json.NewDecoder(bytes.NewReader(raw))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&locs); err != nil {
					t.Errorf("related locations %s: %v", raw, err)
				}
			}
			if diff := cmp.Diff(tt.want, compact.String()); diff != "" {
				t.Errorf("relatedLocations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
