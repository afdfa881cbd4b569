package iac

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// validatedModule is a module with one app client whose name its caller
// passes, through a variable whose validation allows only lower-case
// letters and dashes.
const validatedModule = `variable "name" {
  type    = string
  default = "web"

  validation {
    condition     = can(regex("^[a-z-]+$", var.name))
    error_message = "The name must be lower-case letters and dashes, not ${var.name}."
  }
}

resource "aws_cognito_user_pool_client" "this" {
  name         = var.name
  user_pool_id = "us-east-1_AbC123xyz"
}
`

// relErrors returns errs with dir's prefix removed wherever a path is
// written in them.
func relErrors(dir string, errs []string) []string {
	for i, e := range errs {
		errs[i] = strings.ReplaceAll(e, filepath.ToSlash(dir)+"/", "")
	}
	return errs
}

// TestTerraformVariableValidation: a value a deployment assigns that
// fails a variable's validation (a caller's argument, the default, a
// tfvars line) is an input error of the module's clients naming the
// variable, the error message and where the value was written; a value
// that passes, an unknown value and a condition that cannot be evaluated
// are none.
func TestTerraformVariableValidation(t *testing.T) {
	const refused = `m/main.tf:11:1: module.web.aws_cognito_user_pool_client.this: Terraform refuses the plan: variable "name" of module.web fails its validation: `
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"argument fails", map[string]string{
			"main.tf": "module \"web\" {\n  source = \"./m\"\n  name   = \"Web App\"\n}\n",
		}, []string{refused +
			`"The name must be lower-case letters and dashes, not Web App." (m/main.tf:6) (with module.web's argument name at main.tf:3)`}},
		{"argument passes", map[string]string{
			"main.tf": "module \"web\" {\n  source = \"./m\"\n  name   = \"web-app\"\n}\n",
		}, nil},
		{"argument unknown", map[string]string{
			"main.tf": "module \"web\" {\n  source = \"./m\"\n  name   = aws_ssm_parameter.name.value\n}\n",
		}, nil},
		{"default fails", map[string]string{
			"main.tf":   "module \"web\" {\n  source = \"./m\"\n}\n",
			"m/main.tf": strings.Replace(validatedModule, `default = "web"`, `default = "Web"`, 1),
		}, []string{refused +
			`"The name must be lower-case letters and dashes, not Web." (m/main.tf:6) (with the default of module.web.var.name)`}},
		{"condition cannot be evaluated", map[string]string{
			"main.tf":   "module \"web\" {\n  source = \"./m\"\n  name   = \"Web App\"\n}\n",
			"m/main.tf": strings.Replace(validatedModule, `can(regex("^[a-z-]+$", var.name))`, `nosuchfunction(var.name)`, 1),
		}, nil},
		{"condition reads what the deployment decides", map[string]string{
			"main.tf":   "module \"web\" {\n  source = \"./m\"\n  name   = \"Web App\"\n}\n",
			"m/main.tf": strings.Replace(validatedModule, `can(regex("^[a-z-]+$", var.name))`, `var.name != data.aws_x.y.name`, 1),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"m/main.tf": validatedModule}
			for k, v := range tt.files {
				files[k] = v
			}
			writeTree(t, dir, files)
			_, errs, notes := tfFindings(t, dir, nil)
			if notes != nil {
				t.Errorf("notes %q", notes)
			}
			if diff := cmp.Diff(tt.want, relErrors(dir, errs)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTerraformRootVariableValidation: a root module's value from
// terraform.tfvars that fails the variable's validation is an input error
// of its client naming the tfvars line; one that passes is none.
func TestTerraformRootVariableValidation(t *testing.T) {
	root := strings.Replace(tfvarsRoot, "  type = string\n", `  type = string

  validation {
    condition     = can(regex("^https://", var.callback))
    error_message = "The callback must use https."
  }
`, 1)
	for _, tt := range []struct {
		tfvars string
		want   []string
	}{
		{`callback = "http://a.example.com/cb"`, []string{`main.tf:15:1: aws_cognito_user_pool_client.web: Terraform refuses the plan: variable "callback" of the root module fails its validation: "The callback must use https." (main.tf:5) (with terraform.tfvars at terraform.tfvars:1)`}},
		{`callback = "https://a.example.com/cb"`, nil},
	} {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{"main.tf": root, "terraform.tfvars": tt.tfvars + "\n"})
		found, errs, _ := tfFindings(t, dir, nil)
		if diff := cmp.Diff(tt.want, relErrors(dir, errs)); diff != "" {
			t.Errorf("%s: errors mismatch (-want +got):\n%s", tt.tfvars, diff)
		}
		if found != nil {
			t.Errorf("%s: findings %v, want none", tt.tfvars, found)
		}
	}
}

// nullableModule is a module whose client's callback URLs its caller
// passes, NULLABLE standing for the variable's nullable and default
// arguments.
const nullableModule = `variable "callback_urls" {
  type = list(string)
NULLABLE
}

resource "aws_cognito_user_pool_client" "this" {
  name                                 = "web"
  user_pool_id                         = "us-east-1_AbC123xyz"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = var.callback_urls
}
`

// TestTerraformNullable: a caller passing null to a variable with
// nullable = false gets the default (here an http callback, a finding);
// without nullable = false it gets null (no callback URLs at all, another
// finding); with nullable = false and no default, Terraform refuses the
// null, an input error, while a value passed is read as usual.
func TestTerraformNullable(t *testing.T) {
	const deflt = `  default = ["http://a.example.com/cb"]`
	tests := []struct {
		name, args, arg string
		found           []string
		errs            []string
	}{
		{"nullable = false, null: the default", "  nullable = false\n" + deflt, "null", []string{"CallbackURLs[0] redirect-https"}, nil},
		{"nullable, null: null", deflt, "null", []string{"CallbackURLs code-implicit-need-callbacks"}, nil},
		{"nullable = false, a value: the value", "  nullable = false\n" + deflt, `["https://a.example.com/cb"]`, nil, nil},
		{"nullable = false, no default, null: refused", "  nullable = false", "null", nil,
			[]string{`m/main.tf:6:1: module.web.aws_cognito_user_pool_client.this: Terraform refuses the plan: variable "callback_urls" of module.web is null, which nullable = false refuses, and has no default to take its place (m/main.tf:1) (with module.web's argument callback_urls at main.tf:3)`}},
		{"nullable = false, no default, a value", "  nullable = false", `["http://a.example.com/cb"]`, []string{"CallbackURLs[0] redirect-https"}, nil},
		{"nullable, no default, null", "", "null", []string{"CallbackURLs code-implicit-need-callbacks"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{
				"main.tf":   "module \"web\" {\n  source        = \"./m\"\n  callback_urls = " + tt.arg + "\n}\n",
				"m/main.tf": strings.Replace(nullableModule, "NULLABLE", tt.args, 1),
			})
			found, errs, _ := tfFindings(t, dir, nil)
			var got []string
			for _, f := range found {
				got = append(got, f.Field+" "+f.Rule)
			}
			if diff := cmp.Diff(tt.found, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, relErrors(dir, errs)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
