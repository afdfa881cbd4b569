package iac

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// paramTemplate is a template whose callback URL is a parameter without
// a Default.
const paramTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  CallbackUrl:
    Type: String
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: us-east-1_AbC123xyz
      ClientName: web
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      SupportedIdentityProviders: [COGNITO]
      CallbackURLs:
        - !Ref CallbackUrl
`

// cfnFindings reads dir with vals and returns its error findings as
// "RESOURCE FIELD RULE (origins)", input errors and notes as text, paths
// relative to dir.
func cfnFindings(t *testing.T, dir string, vals *Values) (found, errs []string) {
	t.Helper()
	files, err := ReadWith(dir, vals)
	if err != nil {
		t.Fatalf("ReadWith: %v", err)
	}
	rel := func(s string) string { return strings.ReplaceAll(filepath.ToSlash(s), filepath.ToSlash(dir)+"/", "") }
	for _, f := range files {
		for _, e := range f.Errors {
			errs = append(errs, rel(e.Error()))
		}
		clients := map[string]*Client{}
		for _, c := range f.Clients {
			clients[c.Resource] = c
			for _, e := range c.Errors {
				errs = append(errs, rel(e.Error()))
			}
		}
		for _, fd := range f.Findings() {
			if fd.Severity != "error" {
				continue
			}
			var origins []string
			for _, o := range clients[fd.Resource].OriginsOf(fd) {
				origins = append(origins, rel(o.String()))
			}
			found = append(found, rel(fd.File)+": "+fd.Resource+" "+fd.Field+" "+fd.Rule+" ("+strings.Join(origins, "; ")+")")
		}
	}
	return found, errs
}

// TestCloudFormationParameters passes the template's parameter in each
// form a parameter file takes, and through samconfig: an http value turns
// redirect-https on, an https one leaves it off, nothing leaves the value
// unknown; -parameters wins over samconfig, and -config-env picks the
// samconfig environment.
func TestCloudFormationParameters(t *testing.T) {
	const http, https = "http://a.example.com/cb", "https://a.example.com/cb"
	on := func(origin string) []string {
		return []string{"template.yaml: Client CallbackURLs[0] redirect-https (" + origin + ")"}
	}
	tests := []struct {
		name  string
		files map[string]string
		vals  func(dir string) *Values
		want  []string
	}{
		{"nothing passed: unknown", nil, nil, nil},
		{"create-stack list", map[string]string{"params.json": `[{"ParameterKey": "CallbackUrl", "ParameterValue": "` + http + `"}]`},
			func(dir string) *Values { return &Values{Parameters: filepath.Join(dir, "params.json")} },
			on("-parameters params.json at params.json:1")},
		{"create-stack list, https", map[string]string{"params.json": `[{"ParameterKey": "CallbackUrl", "ParameterValue": "` + https + `"}]`},
			func(dir string) *Values { return &Values{Parameters: filepath.Join(dir, "params.json")} }, nil},
		{"template configuration", map[string]string{"config.json": "{\n  \"Parameters\": {\n    \"CallbackUrl\": \"" + http + "\"\n  }\n}\n"},
			func(dir string) *Values { return &Values{Parameters: filepath.Join(dir, "config.json")} },
			on("-parameters config.json at config.json:3")},
		{"flat object", map[string]string{"flat.json": `{"CallbackUrl": "` + http + `"}`},
			func(dir string) *Values { return &Values{Parameters: filepath.Join(dir, "flat.json")} },
			on("-parameters flat.json at flat.json:1")},
		{"samconfig.toml, default", map[string]string{"samconfig.toml": "version = 0.1\n[default.deploy.parameters]\nstack_name = \"x\"\nparameter_overrides = \"CallbackUrl=" + http + " Other=\\\"two words\\\"\"\n[prod.deploy.parameters]\nparameter_overrides = [\"CallbackUrl=" + https + "\"]\n"},
			nil, on("samconfig.toml [default] at samconfig.toml:4")},
		{"samconfig.toml, -config-env prod", map[string]string{"samconfig.toml": "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = \"CallbackUrl=" + http + "\"\n[prod.deploy.parameters]\nparameter_overrides = [\n  \"CallbackUrl=" + https + "\",\n]\n"},
			func(string) *Values { return &Values{ConfigEnv: "prod"} }, nil},
		{"samconfig.yaml", map[string]string{"samconfig.yaml": "version: 0.1\ndefault:\n  deploy:\n    parameters:\n      parameter_overrides: CallbackUrl=" + http + "\n"},
			nil, on("samconfig.yaml [default] at samconfig.yaml:5")},
		{"-parameters over samconfig", map[string]string{
			"samconfig.toml": "[default.deploy.parameters]\nparameter_overrides = \"CallbackUrl=" + http + "\"\n",
			"flat.json":      `{"CallbackUrl": "` + https + `"}`,
		}, func(dir string) *Values { return &Values{Parameters: filepath.Join(dir, "flat.json")} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The template and its samconfig in one directory, the
			// parameter files, which a walk would read as requests, in
			// another.
			dir, params := t.TempDir(), t.TempDir()
			files := map[string]string{"template.yaml": paramTemplate}
			for k, v := range tt.files {
				if strings.HasPrefix(k, "samconfig") {
					files[k] = v
				} else {
					writeTree(t, params, map[string]string{k: v})
				}
			}
			writeTree(t, dir, files)
			var vals *Values
			if tt.vals != nil {
				vals = tt.vals(params)
			}
			found, errs := cfnFindings(t, dir, vals)
			for i := range found {
				found[i] = strings.ReplaceAll(found[i], filepath.ToSlash(params)+"/", "")
			}
			if errs != nil {
				t.Fatalf("errors %q", errs)
			}
			if diff := cmp.Diff(tt.want, found); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCloudFormationParameterErrors: a parameter file or samconfig that
// does not parse is an input error naming its line.
func TestCloudFormationParameterErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"bad.json":           "{\n  \"CallbackUrl\": [1,\n}\n",
		"list.json":          `[{"ParameterKey": "CallbackUrl", "ParameterValue": ["x"]}]`,
		"t/template.yaml":    paramTemplate,
		"t/samconfig.toml":   "[default.deploy.parameters]\nparameter_overrides = \"CallbackUrl=x\nother = 1\n",
		"ok/template.yaml":   paramTemplate,
		"ok/samconfig.toml":  "# fine\n[default.deploy.parameters]\nparameter_overrides = \"CallbackUrl=https://a.example.com/\" # a comment\nconfirm_changeset = true\n",
		"odd/template.yaml":  paramTemplate,
		"odd/samconfig.toml": "[default.deploy.parameters]\nparameter_overrides = \"CallbackUrl\"\n",
	})
	for _, tc := range []struct{ file, want string }{
		{"bad.json", "bad.json:3:"},
		{"list.json", "list.json:1:"},
	} {
		_, err := ReadWith(filepath.Join(dir, "ok"), &Values{Parameters: filepath.Join(dir, tc.file)})
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(filepath.ToSlash(e.Error()), tc.want) {
			t.Errorf("-parameters %s: err = %v, want an *Error at %s", tc.file, err, tc.want)
		}
	}
	_, errs := cfnFindings(t, filepath.Join(dir, "t"), nil)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "samconfig.toml:2:1: parameter_overrides: a string is not closed") {
		t.Errorf("bad samconfig: errors %q", errs)
	}
	_, errs = cfnFindings(t, filepath.Join(dir, "odd"), nil)
	if len(errs) != 1 || !strings.Contains(errs[0], `samconfig.toml:2:1: parameter_overrides: "CallbackUrl" is not KEY=VALUE`) {
		t.Errorf("odd samconfig: errors %q", errs)
	}
	if found, errs := cfnFindings(t, filepath.Join(dir, "ok"), nil); errs != nil || found != nil {
		t.Errorf("good samconfig: errors %q, findings %q", errs, found)
	}
}

// TestNestedStacks reads a template's nested stacks whose templates are
// local paths, with the parameters the parent passes: a literal, a
// parameter of the parent's, or an attribute (unknown).
func TestNestedStacks(t *testing.T) {
	parent := `Parameters:
  Url:
    Type: String
    Default: http://parent.example.com/cb
Resources:
  Http:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./child.yaml
      Parameters:
        CallbackUrl: http://a.example.com/cb
  Https:
    Type: AWS::Serverless::Application
    Properties:
      Location: nested/../child.yaml
      Parameters:
        CallbackUrl: https://a.example.com/cb
  FromParent:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: child.yaml
      Parameters:
        CallbackUrl: !Ref Url
  FromAttribute:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: child.yaml
      Parameters:
        CallbackUrl: !GetAtt Site.Url
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/bucket/child.yaml
  Missing:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./missing.yaml
`
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"parent.yaml": parent, "child.yaml": paramTemplate})
	files, err := ReadWith(filepath.Join(dir, "parent.yaml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	clients := map[string][]string{}
	for _, c := range files[0].Clients {
		clients[c.Resource] = append(c.Request.CallbackURLs, c.Unknown...)
		for _, fd := range Check(c) {
			if fd.Severity != "error" {
				continue
			}
			var origins []string
			for _, o := range c.OriginsOf(fd) {
				origins = append(origins, strings.ReplaceAll(filepath.ToSlash(o.String()), filepath.ToSlash(dir)+"/", ""))
			}
			got = append(got, fd.Resource+" "+fd.Field+" "+fd.Rule+" "+strings.Join(origins, "; "))
		}
	}
	wantClients := map[string][]string{
		"Http.Client":          {"http://a.example.com/cb"},
		"Https.Client":         {"https://a.example.com/cb"},
		"FromParent.Client":    {"http://parent.example.com/cb"},
		"FromAttribute.Client": {"", "CallbackURLs[0]"},
	}
	if diff := cmp.Diff(wantClients, clients); diff != "" {
		t.Errorf("clients mismatch (-want +got):\n%s", diff)
	}
	want := []string{
		"Http.Client CallbackURLs[0] redirect-https stack Http's parameter CallbackUrl at parent.yaml:11",
		"FromParent.Client CallbackURLs[0] redirect-https stack FromParent's parameter CallbackUrl at parent.yaml:23",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	if len(files[0].Notes) != 1 || files[0].Notes[0].Resource != "Missing" {
		t.Errorf("notes = %v, want one for Missing", files[0].Notes)
	}
}

// TestWalkNestedStacks: a template that a template of the same walk nests
// is checked through its parent only, with the parameters the parent
// passes (a walk of the whole tree finds its client once, as
// App.Client); walked without its parent, it is checked on its own, with
// its default; a template nested by none is checked on its own in both.
func TestWalkNestedStacks(t *testing.T) {
	child := strings.Replace(paramTemplate, "    Type: String\n", "    Type: String\n    Default: http://default.example.com/cb\n", 1)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		// The parent names no client itself.
		"parent.yaml": `Resources:
  App:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: stacks/child.yaml
      Parameters:
        CallbackUrl: http://a.example.com/cb
`,
		"stacks/child.yaml": child,
		"stacks/other.yaml": child,
		// This parent defines a client of its own, with no finding.
		"web/parent.yaml": `Resources:
  Own:
    Type: AWS::Cognito::UserPoolClient
    Properties: {UserPoolId: us-east-1_AbC123xyz, ClientName: own}
  Web:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./nested/child.yaml
      Parameters:
        CallbackUrl: http://web.example.com/cb
`,
		"web/nested/child.yaml": child,
	})
	found, errs := cfnFindings(t, dir, nil)
	if errs != nil {
		t.Errorf("errors %q", errs)
	}
	want := []string{
		"stacks/child.yaml: App.Client CallbackURLs[0] redirect-https (stack App's parameter CallbackUrl at parent.yaml:7)",
		"stacks/other.yaml: Client CallbackURLs[0] redirect-https ()",
		"web/nested/child.yaml: Web.Client CallbackURLs[0] redirect-https (stack Web's parameter CallbackUrl at web/parent.yaml:10)",
	}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("whole tree: findings mismatch (-want +got):\n%s", diff)
	}
	found, errs = cfnFindings(t, filepath.Join(dir, "stacks"), nil)
	if errs != nil {
		t.Errorf("without the parent: errors %q", errs)
	}
	want = []string{
		"child.yaml: Client CallbackURLs[0] redirect-https ()",
		"other.yaml: Client CallbackURLs[0] redirect-https ()",
	}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("without the parent: findings mismatch (-want +got):\n%s", diff)
	}
}

// TestNestedStackWindowsPath: a nested stack's local path written with
// backslashes, as on Windows, is the template at that path with slashes:
// its client is read through the parent, with the parameter passed, and
// the walk does not read it again on its own.
func TestNestedStackWindowsPath(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"template.yaml": `Transform: AWS::Serverless-2016-10-31
Parameters:
  Origin:
    Type: String
    Default: http://localhost:5173
Resources:
  Auth:
    Type: AWS::Serverless::Application
    Properties:
      Location: templates\auth.yaml
      Parameters:
        CallbackUrl: !Ref Origin
`,
		"templates/auth.yaml": paramTemplate,
	})
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	var clients, notes []string
	for _, f := range files {
		for _, c := range f.Clients {
			rel, _ := filepath.Rel(dir, c.File)
			clients = append(clients, filepath.ToSlash(rel)+":"+c.Resource+" "+strings.Join(append(c.Request.CallbackURLs, c.Unknown...), ","))
		}
		for _, n := range f.Notes {
			notes = append(notes, n.Message)
		}
	}
	if diff := cmp.Diff([]string{"templates/auth.yaml:Auth.Client http://localhost:5173"}, clients); diff != "" {
		t.Errorf("clients mismatch (-want +got):\n%s", diff)
	}
	if notes != nil {
		t.Errorf("notes = %q, want none", notes)
	}
}
