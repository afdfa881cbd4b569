package iac

import (
	"errors"
	"slices"

	"path/filepath"
	"strings"
	"testing"

	"github.com/cognitokit/appclient"

	"github.com/google/go-cmp/cmp"
)

// tfFinding is a finding of a Terraform test: where it is, what it is,
// and the origins of the values it rests on, relative to the test's
// directory.
type tfFinding struct {
	Resource, Field, Rule string
	File                  string
	Line                  int
	Origins               []string
}

// tfFindings reads dir with vals and returns every finding of every file
// (File.Findings, as the command checks), and the input errors and notes
// as text, paths relative to dir.
func tfFindings(t *testing.T, dir string, vals *Values) (found []tfFinding, errs, notes []string) {
	t.Helper()
	files, err := ReadWith(dir, vals)
	if err != nil {
		t.Fatalf("ReadWith: %v", err)
	}
	rel := func(p string) string {
		r, err := filepath.Rel(dir, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	for _, f := range files {
		for _, e := range f.Errors {
			errs = append(errs, strings.TrimPrefix(filepath.ToSlash(e.Error()), filepath.ToSlash(dir)+"/"))
		}
		for _, e := range f.Notes {
			notes = append(notes, strings.TrimPrefix(filepath.ToSlash(e.Error()), filepath.ToSlash(dir)+"/"))
		}
		for _, c := range f.Clients {
			for _, e := range c.Errors {
				errs = append(errs, strings.TrimPrefix(filepath.ToSlash(e.Error()), filepath.ToSlash(dir)+"/"))
			}
		}
		clients := map[string]*Client{}
		for _, c := range f.Clients {
			clients[c.Resource] = c
		}
		for _, fd := range f.Findings() {
			if fd.Severity != appclient.SeverityError {
				continue
			}
			var origins []string
			for _, o := range clients[fd.Resource].OriginsOf(fd) {
				o.File = rel(o.File)
				origins = append(origins, o.String())
			}
			found = append(found, tfFinding{fd.Resource, fd.Field, fd.Rule, rel(fd.File), fd.Pos.Line, origins})
		}
	}
	return found, errs, notes
}

// clientModule is a module with one app client whose callback URLs and
// name its caller passes.
const clientModule = `variable "callback_urls" {
  type = list(string)
}

variable "name" {
  default = "web"
}

resource "aws_cognito_user_pool_client" "this" {
  name                                 = var.name
  user_pool_id                         = "us-east-1_AbC123xyz"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = var.callback_urls
}
`

// TestTerraformModuleArguments reads a root module that calls a local
// module twice: the http callback one caller passes is a finding on the
// module's client, named by its instance path, pointing at the caller's
// argument; the https one its neighbour passes is none. The module's
// directory is not checked again on its own.
func TestTerraformModuleArguments(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf": `module "web" {
  source        = "./modules/app-client"
  callback_urls = ["http://shop.example.com/cb"]
}

module "ok" {
  source        = "./modules/app-client"
  callback_urls = ["https://shop.example.com/cb"]
  name          = "ok"
}
`,
		"modules/app-client/main.tf": clientModule,
	})
	found, errs, notes := tfFindings(t, dir, nil)
	if errs != nil || notes != nil {
		t.Fatalf("errors %q, notes %q", errs, notes)
	}
	want := []tfFinding{{"module.web.aws_cognito_user_pool_client.this", "CallbackURLs[0]", "redirect-https",
		"modules/app-client/main.tf", 16, []string{"module.web's argument callback_urls at main.tf:3"}}}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	var clients []string
	for _, c := range readClients(t, dir) {
		clients = append(clients, c.Resource+" "+c.Request.ClientName)
	}
	wantClients := []string{"module.web.aws_cognito_user_pool_client.this web", "module.ok.aws_cognito_user_pool_client.this ok"}
	if diff := cmp.Diff(wantClients, clients); diff != "" {
		t.Errorf("clients mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformModuleForEach expands for_each on a module block and on a
// resource, and passes values through a nested module: each instance is
// checked with its own each.value.
func TestTerraformModuleForEach(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf": `variable "urls" {
  default = {
    a = "http://a.example.com/cb"
    b = "https://b.example.com/cb"
  }
}

module "app" {
  for_each      = var.urls
  source        = "./mid"
  callback_urls = [each.value]
}
`,
		"mid/main.tf": `variable "callback_urls" {}

module "leaf" {
  source        = "../modules/app-client"
  callback_urls = var.callback_urls
}
`,
		"modules/app-client/main.tf": clientModule,
	})
	found, errs, notes := tfFindings(t, dir, nil)
	if errs != nil || notes != nil {
		t.Fatalf("errors %q, notes %q", errs, notes)
	}
	want := []tfFinding{{`module.app["a"].module.leaf.aws_cognito_user_pool_client.this`, "CallbackURLs[0]", "redirect-https",
		"modules/app-client/main.tf", 16, []string{
			`module.app["a"]'s argument callback_urls at main.tf:11`,
			`module.app["a"].module.leaf's argument callback_urls at mid/main.tf:5`,
		}}}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformResourceForEach expands a client's for_each over a map
// variable with a default: each instance is checked with its each.value.
func TestTerraformResourceForEach(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf": `variable "clients" {
  default = {
    web = { url = "http://web.example.com/cb" }
    api = { url = "https://api.example.com/cb" }
  }
}

resource "aws_cognito_user_pool_client" "client" {
  for_each                             = var.clients
  name                                 = each.key
  user_pool_id                         = "us-east-1_AbC123xyz"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = [each.value.url]
}
`,
	})
	found, errs, _ := tfFindings(t, dir, nil)
	if errs != nil {
		t.Fatalf("errors %q", errs)
	}
	want := []tfFinding{{`aws_cognito_user_pool_client.client["web"]`, "CallbackURLs[0]", "redirect-https", "main.tf", 16, nil}}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// tfvarsRoot is a root module whose callback comes from a variable
// without a default.
const tfvarsRoot = `variable "callback" {
  type = string
}

variable "urls" {
  type    = list(string)
  default = []
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = "us-east-1_AbC123xyz"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = concat([var.callback], var.urls)
}
`

// TestTerraformVariableFiles assigns the root's variables as Terraform
// does, in its precedence: TF_VAR_, terraform.tfvars,
// terraform.tfvars.json, *.auto.tfvars, then -var-file and -var in
// command-line order, the later winning.
func TestTerraformVariableFiles(t *testing.T) {
	const http, https = `"http://a.example.com/cb"`, `"https://a.example.com/cb"`
	finding := func(origin string) []tfFinding {
		return []tfFinding{{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", "main.tf", 17, []string{origin}}}
	}
	tests := []struct {
		name  string
		files map[string]string
		vals  func(dir string) *Values
		want  []tfFinding
	}{
		{"nothing assigned: unknown", nil, nil, nil},
		{"terraform.tfvars", map[string]string{"terraform.tfvars": "callback = " + http + "\n"}, nil,
			finding("terraform.tfvars at terraform.tfvars:1")},
		{"terraform.tfvars, https", map[string]string{"terraform.tfvars": "callback = " + https + "\n"}, nil, nil},
		{"terraform.tfvars.json over terraform.tfvars", map[string]string{
			"terraform.tfvars":      "callback = " + https + "\n",
			"terraform.tfvars.json": `{"callback": ` + http + `}`,
		}, nil, finding("terraform.tfvars.json at terraform.tfvars.json:1")},
		{"auto.tfvars over terraform.tfvars", map[string]string{
			"terraform.tfvars": "callback = " + https + "\n",
			"x.auto.tfvars":    "\ncallback = " + http + "\n",
		}, nil, finding("x.auto.tfvars at x.auto.tfvars:2")},
		{"TF_VAR_ under terraform.tfvars", map[string]string{"terraform.tfvars": "callback = " + https + "\n"},
			func(string) *Values { return &Values{Env: []string{"TF_VAR_callback=http://a.example.com/cb"}} }, nil},
		{"TF_VAR_", nil,
			func(string) *Values { return &Values{Env: []string{"TF_VAR_callback=http://a.example.com/cb"}} }, finding("TF_VAR_callback")},
		{"-var-file over auto.tfvars", map[string]string{"b.auto.tfvars": "callback = " + https + "\n", "env/prod.tfvars": "callback = " + http + "\n"},
			func(dir string) *Values {
				return &Values{Vars: []Var{{File: filepath.Join(dir, "env/prod.tfvars")}}}
			}, finding("-var-file env/prod.tfvars at env/prod.tfvars:1")},
		{"-var after -var-file wins", map[string]string{"prod.tfvars": "callback = " + http + "\n"},
			func(dir string) *Values {
				return &Values{Vars: []Var{{File: filepath.Join(dir, "prod.tfvars")}, {Name: "callback", Value: "https://a.example.com/cb"}}}
			}, nil},
		{"-var-file after -var wins", map[string]string{"prod.tfvars": "callback = " + http + "\n"},
			func(dir string) *Values {
				return &Values{Vars: []Var{{Name: "callback", Value: "https://a.example.com/cb"}, {File: filepath.Join(dir, "prod.tfvars")}}}
			}, finding("-var-file prod.tfvars at prod.tfvars:1")},
		{"-var of a list, read as HCL", map[string]string{"terraform.tfvars": "callback = " + https + "\n"},
			func(string) *Values {
				return &Values{Vars: []Var{{Name: "urls", Value: `["http://b.example.com/cb"]`}}}
			}, []tfFinding{{"aws_cognito_user_pool_client.web", "CallbackURLs[1]", "redirect-https", "main.tf", 17, []string{"-var urls", "terraform.tfvars at terraform.tfvars:1"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"main.tf": tfvarsRoot}
			for k, v := range tt.files {
				files[k] = v
			}
			writeTree(t, dir, files)
			var vals *Values
			if tt.vals != nil {
				vals = tt.vals(dir)
			}
			found, errs, _ := tfFindings(t, dir, vals)
			if errs != nil {
				t.Fatalf("errors %q", errs)
			}
			for i := range found {
				for j, o := range found[i].Origins {
					found[i].Origins[j] = strings.ReplaceAll(o, filepath.ToSlash(dir)+"/", "")
				}
			}
			if diff := cmp.Diff(tt.want, found); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTerraformVariableErrors: a tfvars file that does not parse is an
// input error naming its line, a -var-file that does not is an error
// before anything is read, and a -var naming no variable is a usage error;
// their nearest neighbours are none.
func TestTerraformVariableErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf":          tfvarsRoot,
		"terraform.tfvars": "callback = \"https://a.example.com/cb\"\nurls = [\n",
		"bad.tfvars":       "\n\ncallback = https\n",
		"good.tfvars":      "callback = \"https://a.example.com/cb\"\n",
	})
	_, errs, _ := tfFindings(t, dir, nil)
	want := []string{"terraform.tfvars:3:1: Missing expression"}
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want[0]) {
		t.Errorf("errors = %q, want one starting %q", errs, want[0])
	}
	_, err := ReadWith(dir, &Values{Vars: []Var{{File: filepath.Join(dir, "bad.tfvars")}}})
	var e *Error
	if !errors.As(err, &e) || e.Pos.Line != 3 || !strings.HasSuffix(e.File, "bad.tfvars") {
		t.Errorf("bad -var-file: err = %v, want an *Error at bad.tfvars line 3", err)
	}
	if _, err := ReadWith(dir, &Values{Vars: []Var{{File: filepath.Join(dir, "good.tfvars")}}}); err != nil {
		t.Errorf("good -var-file: %v", err)
	}
	_, err = ReadWith(dir, &Values{Vars: []Var{{Name: "nope", Value: "x"}}})
	var ue *UsageError
	if !errors.As(err, &ue) {
		t.Errorf("-var nope: err = %v, want a *UsageError", err)
	}
	if _, err := ReadWith(dir, &Values{Vars: []Var{{Name: "callback", Value: "x"}}}); err != nil {
		t.Errorf("-var callback: %v", err)
	}
}

// TestTerraformModuleNotOnDisk: a registry module not installed gets a
// note naming it and terraform init, and no error; once installed (a
// modules.json naming its directory) its client is checked.
func TestTerraformModuleNotOnDisk(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf": `module "cognito" {
  source        = "example/app-client/aws"
  version       = "1.0.0"
  callback_urls = ["http://a.example.com/cb"]
}

resource "aws_cognito_user_pool_client" "local" {
  name         = "local"
  user_pool_id = "us-east-1_AbC123xyz"
}
`,
	})
	found, errs, notes := tfFindings(t, dir, nil)
	if errs != nil || found != nil {
		t.Errorf("errors %q, findings %v, want none", errs, found)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "main.tf:1:1: module.cognito: ") || !strings.Contains(notes[0], "terraform init") {
		t.Errorf("notes = %q, want one naming module.cognito and terraform init", notes)
	}
	writeTree(t, dir, map[string]string{
		".terraform/modules/modules.json":       `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"cognito","Source":"registry.example/example/app-client/aws","Version":"1.0.0","Dir":".terraform/modules/cognito"}]}`,
		".terraform/modules/cognito/main.tf":    clientModule,
		".terraform/modules/cognito/outputs.tf": "output \"id\" {\n  value = aws_cognito_user_pool_client.this.id\n}\n",
	})
	found, errs, notes = tfFindings(t, dir, nil)
	if errs != nil || notes != nil {
		t.Errorf("installed: errors %q, notes %q", errs, notes)
	}
	want := []tfFinding{{"module.cognito.aws_cognito_user_pool_client.this", "CallbackURLs[0]", "redirect-https",
		".terraform/modules/cognito/main.tf", 16, []string{"module.cognito's argument callback_urls at main.tf:4"}}}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("installed: findings mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformModuleLocalMissing: a local module directory that is not
// there gets a note that says so, not one to run terraform init, which
// installs nothing for a local path; once the directory is there, its
// client is checked.
func TestTerraformModuleLocalMissing(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf": `module "cognito" {
  source        = "./modules/app-client"
  callback_urls = ["http://a.example.com/cb"]
}
`,
	})
	found, errs, notes := tfFindings(t, dir, nil)
	if errs != nil || found != nil {
		t.Errorf("errors %q, findings %v, want none", errs, found)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], `source "./modules/app-client" is not a directory beside main.tf`) || strings.Contains(notes[0], "terraform init") {
		t.Errorf("notes = %q, want one saying the directory is not there", notes)
	}
	writeTree(t, dir, map[string]string{"modules/app-client/main.tf": clientModule})
	found, errs, notes = tfFindings(t, dir, nil)
	if errs != nil || notes != nil || len(found) != 1 || found[0].Rule != "redirect-https" {
		t.Errorf("with the directory: errors %q, notes %q, findings %v; want one redirect-https", errs, notes, found)
	}
}

// TestTerraformModuleCycle: modules that call each other, and a chain of
// calls more than 16 deep, are input errors; a chain of 16 is read.
func TestTerraformModuleCycle(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"root/main.tf": "module \"a\" {\n  source = \"../a\"\n}\n",
		"a/main.tf":    "module \"b\" {\n  source = \"../b\"\n}\n",
		"b/main.tf":    "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"x\"\n}\n",
	})
	_, errs, _ := tfFindings(t, filepath.Join(dir, "root"), nil)
	if len(errs) != 1 || !strings.Contains(errs[0], "module.a.module.b.module.a: module cycle") {
		t.Errorf("cycle: errors = %q, want one module cycle", errs)
	}
	chain := func(n int) string {
		d := t.TempDir()
		files := map[string]string{}
		for i := range n {
			files[filepath.Join("m", strings.Repeat("x/", i), "main.tf")] = "variable \"callback_urls\" {}\nmodule \"x\" {\n  source = \"./x\"\n  callback_urls = var.callback_urls\n}\n"
		}
		files[filepath.Join("m", strings.Repeat("x/", n), "main.tf")] = clientModule
		files["main.tf"] = "module \"x\" {\n  source = \"./m\"\n  callback_urls = []\n}\n"
		writeTree(t, d, files)
		return d
	}
	_, errs, _ = tfFindings(t, chain(16), nil)
	if len(errs) != 1 || !strings.Contains(errs[0], "more than 16 levels deep") {
		t.Errorf("17 levels: errors = %q, want one too deep", errs)
	}
	_, errs, _ = tfFindings(t, chain(15), nil)
	if errs != nil {
		t.Errorf("16 levels: errors = %q, want none", errs)
	}
}

// TestTerraformModuleFiles: file and templatefile read files of the
// module's own directory; outside it, the value is unknown.
func TestTerraformModuleFiles(t *testing.T) {
	dir := t.TempDir()
	mod := strings.Replace(clientModule, "var.callback_urls", `jsondecode(templatefile("${path.module}/urls.json.tpl", { host = file("${path.module}/host.txt") }))`, 1)
	writeTree(t, dir, map[string]string{
		"main.tf":                   "module \"in\" {\n  source = \"./mod\"\n  callback_urls = []\n}\nmodule \"out\" {\n  source = \"./out\"\n  callback_urls = []\n}\n",
		"mod/main.tf":               mod,
		"mod/urls.json.tpl":         `["http://${host}/cb"]`,
		"mod/host.txt":              "a.example.com",
		"out/main.tf":               strings.Replace(mod, "${path.module}/host.txt", "${path.module}/../mod/host.txt", 1),
		"out/urls.json.tpl":         `["http://${host}/cb"]`,
		"secret/never-read-here.tf": "",
	})
	got := map[string][]string{}
	for _, c := range readClients(t, dir) {
		got[c.Resource] = append(c.Request.CallbackURLs, c.Unknown...)
	}
	want := map[string][]string{
		"module.in.aws_cognito_user_pool_client.this":  {"http://a.example.com/cb"},
		"module.out.aws_cognito_user_pool_client.this": {"CallbackURLs"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("callback URLs and unknowns mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformLgallardModule reads a root that calls the public
// lgallard/cognito-user-pool module, installed under .terraform/modules
// with its modules.json, with a clients list: each client is checked with
// the values the caller passes, under its for_each key.
func TestTerraformLgallardModule(t *testing.T) {
	const dir = "testdata/terraform-lgallard"
	found, errs, notes := tfFindings(t, dir, nil)
	if errs != nil || notes != nil {
		t.Fatalf("errors %q, notes %q", errs, notes)
	}
	got := map[string][]string{}
	for _, c := range readClients(t, dir) {
		got[c.Resource] = append([]string{c.Request.ClientName}, c.Request.CallbackURLs...)
	}
	wantClients := map[string][]string{
		`module.aws_cognito_user_pool.aws_cognito_user_pool_client.client["web_0"]`:   {"web", "http://shop.example.com/callback"},
		`module.aws_cognito_user_pool.aws_cognito_user_pool_client.client["admin_1"]`: {"admin", "https://admin.example.com/callback"},
	}
	if diff := cmp.Diff(wantClients, got); diff != "" {
		t.Errorf("clients mismatch (-want +got):\n%s", diff)
	}
	arg := []string{"module.aws_cognito_user_pool's argument clients at main.tf:10"}
	want := []tfFinding{
		{`module.aws_cognito_user_pool.aws_cognito_user_pool_client.client["web_0"]`, "CallbackURLs[0]", "redirect-https", ".terraform/modules/aws_cognito_user_pool/client.tf", 8, arg},
		{`module.aws_cognito_user_pool.aws_cognito_user_pool_client.client["admin_1"]`, "AccessTokenValidity", "token-validity-range", ".terraform/modules/aws_cognito_user_pool/client.tf", 15, arg},
	}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformModuleNoInstance: a module call that count leaves out only
// by a variable's default, which a deployment may override, is read once
// with count unknown, as such a client is, and its clients are checked;
// an argument that rests on that default is unknown, since no deployment
// that creates the instance passes it. A call left out whatever is passed
// (count = 0) is not read.
func TestTerraformModuleNoInstance(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"main.tf": `variable "enabled" {
  type    = bool
  default = false
}

module "web" {
  count         = var.enabled ? 1 : 0
  source        = "./modules/app-client"
  callback_urls = ["http://shop.example.com/cb"]
  name          = var.enabled ? "on" : "off"
}

module "never" {
  count         = 0
  source        = "./modules/app-client"
  callback_urls = ["http://never.example.com/cb"]
}
`,
		"modules/app-client/main.tf": clientModule,
	})
	found, errs, notes := tfFindings(t, dir, nil)
	if errs != nil || notes != nil {
		t.Fatalf("errors %q, notes %q", errs, notes)
	}
	want := []tfFinding{{"module.web.aws_cognito_user_pool_client.this", "CallbackURLs[0]", "redirect-https",
		"modules/app-client/main.tf", 16, []string{"module.web's argument callback_urls at main.tf:9"}}}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	var clients []string
	for _, c := range readClients(t, dir) {
		clients = append(clients, c.Resource+" "+strings.Join(c.Unknown, ","))
	}
	if diff := cmp.Diff([]string{"module.web.aws_cognito_user_pool_client.this ClientName"}, clients); diff != "" {
		t.Errorf("clients mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformCalledRoot: an environment's root module that another
// environment calls as a local module (prod's source = "../dev") is
// still a root of its own when it configures a backend or holds a
// terraform.tfvars: it is read on its own with its variable files as well
// as through its caller, so the client its own deployment creates is
// checked. A module with neither is read only through its callers.
func TestTerraformCalledRoot(t *testing.T) {
	for _, own := range []string{"backend", "backend.tf.json", "tfvars", "none"} {
		t.Run(own, func(t *testing.T) {
			dev := `variable "callback_urls" {
  type    = list(string)
  default = ["https://dev.example.com/cb"]
}

module "app" {
  source        = "../../modules/app-client"
  callback_urls = var.callback_urls
}
`
			tree := map[string]string{
				"envs/prod/main.tf": `module "env" {
  source        = "../dev"
  callback_urls = ["https://prod.example.com/cb"]
}
`,
				"modules/app-client/main.tf": clientModule,
			}
			switch own {
			case "backend":
				dev = "terraform {\n  backend \"s3\" {}\n}\n\n" + dev
				tree["envs/dev/dev.auto.tfvars.example"] = "callback_urls = [\"http://dev.example.com/cb\"]\n"
			case "backend.tf.json":
				tree["envs/dev/backend.tf.json"] = `{"terraform": {"backend": {"s3": {}}}}`
			case "tfvars":
				tree["envs/dev/terraform.tfvars"] = "callback_urls = [\"http://dev.example.com/cb\"]\n"
			}
			tree["envs/dev/main.tf"] = dev
			dir := t.TempDir()
			writeTree(t, dir, tree)
			found, errs, notes := tfFindings(t, dir, nil)
			if errs != nil || notes != nil {
				t.Fatalf("errors %q, notes %q", errs, notes)
			}
			var want []tfFinding
			if own == "tfvars" {
				want = []tfFinding{{"module.app.aws_cognito_user_pool_client.this", "CallbackURLs[0]", "redirect-https",
					"modules/app-client/main.tf", 16, []string{"module.app's argument callback_urls at envs/dev/main.tf:8", "terraform.tfvars at envs/dev/terraform.tfvars:1"}}}
			}
			if diff := cmp.Diff(want, found); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			var clients []string
			for _, c := range readClients(t, dir) {
				clients = append(clients, c.Resource)
			}
			wantClients := []string{"module.app.aws_cognito_user_pool_client.this", "module.env.module.app.aws_cognito_user_pool_client.this"}
			if own == "none" {
				wantClients = wantClients[1:]
			}
			if diff := cmp.Diff(wantClients, clients); diff != "" {
				t.Errorf("clients mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTerraformModuleCallRefused: Terraform refuses a module call that
// leaves out a variable with no default, or passes an argument the module
// does not declare; a root's variables come at plan time, and a module
// not wholly read is given the benefit of the doubt.
func TestTerraformModuleCallRefused(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // substrings of the one refusal; nil for no error
	}{
		{"every variable passed or defaulted", map[string]string{
			"main.tf": "module \"web\" {\n  source        = \"./m\"\n  callback_urls = [\"https://a.example.com/cb\"]\n}\n",
		}, nil},
		{"a variable with no default left out", map[string]string{
			"main.tf": "module \"web\" {\n  source = \"./m\"\n  name   = \"web\"\n}\n",
		}, []string{`variable "callback_urls" of module.web has no default, and the call passes no value for it (`, `(with module.web's call at `}},
		{"a default of null makes it optional", map[string]string{
			"main.tf":   "module \"web\" {\n  source = \"./m\"\n}\n",
			"m/main.tf": "variable \"callback_urls\" {\n  type    = list(string)\n  default = null\n}\n" + clientModule[strings.Index(clientModule, "variable \"name\""):],
		}, nil},
		{"an argument no variable declares", map[string]string{
			"main.tf": "module \"web\" {\n  source        = \"./m\"\n  callback_urls = [\"https://a.example.com/cb\"]\n  pool_name     = \"p\"\n}\n",
		}, []string{`variable "pool_name" of module.web is not declared, and the call passes a value for it (with module.web's argument pool_name at `}},
		{"a module not wholly read", map[string]string{
			"main.tf":    "module \"web\" {\n  source = \"./m\"\n  extra  = 1\n}\n",
			"m/other.tf": "variable \"extra\" {\n",
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"m/main.tf": clientModule}
			for k, v := range tc.files {
				files[k] = v
			}
			writeTree(t, dir, files)
			_, errs, _ := tfFindings(t, dir, nil)
			var refused []string
			for _, e := range errs {
				if strings.Contains(e, "Terraform refuses the plan") {
					refused = append(refused, e)
				}
			}
			if tc.want == nil {
				if refused != nil {
					t.Errorf("errors = %q, want no refusal", errs)
				}
				return
			}
			if len(refused) != 1 {
				t.Fatalf("errors = %q, want one refusal", errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(refused[0], w) {
					t.Errorf("error %q does not hold %q", refused[0], w)
				}
			}
		})
	}
	// A root's variable without a default is given at plan time.
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"main.tf": clientModule})
	if _, errs, _ := tfFindings(t, dir, nil); errs != nil {
		t.Errorf("root: errors = %q, want none", errs)
	}
}

// TestTerraformIgnoredFiles: a .tf or .tf.json file whose name starts with
// a dot is one Terraform does not read, in a walked directory and in a
// called module's alike; its neighbour without the dot is read.
func TestTerraformIgnoredFiles(t *testing.T) {
	for _, hidden := range []bool{true, false} {
		name := "backup.tf"
		if hidden {
			name = ".backup.tf"
		}
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"main.tf":                 "module \"web\" {\n  source        = \"./m\"\n  callback_urls = [\"https://a.example.com/cb\"]\n}\n",
			"m/main.tf":               clientModule,
			"m/" + name:               "resource \"aws_cognito_user_pool_client\" \"old\" {\n  name          = \"old\"\n  user_pool_id  = \"us-east-1_AbC123xyz\"\n  callback_urls = [\"http://old.example.com/cb\"]\n}\n",
			"other/" + name + ".json": `{"resource": {"aws_cognito_user_pool_client": {"j": {"name": "j", "user_pool_id": "us-east-1_AbC123xyz"}}}}`,
		})
		var clients []string
		for _, c := range readClients(t, dir) {
			clients = append(clients, c.Resource)
		}
		want := []string{"module.web.aws_cognito_user_pool_client.this"}
		if !hidden {
			want = []string{"module.web.aws_cognito_user_pool_client.old", "module.web.aws_cognito_user_pool_client.this", "aws_cognito_user_pool_client.j"}
		}
		slices.Sort(clients)
		slices.Sort(want)
		if diff := cmp.Diff(want, clients); diff != "" {
			t.Errorf("%s: clients mismatch (-want +got):\n%s", name, diff)
		}
	}
}

// readClients reads dir with Read and returns its clients, file by file.
func readClients(t *testing.T, dir string) []*Client {
	t.Helper()
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*Client
	for _, f := range files {
		out = append(out, f.Clients...)
	}
	return out
}
