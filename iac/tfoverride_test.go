package iac

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIsOverrideFile(t *testing.T) {
	for name, want := range map[string]bool{
		"override.tf":              true,
		"override.tf.json":         true,
		"dev_override.tf":          true,
		"infra/local_override.tf":  true,
		"cdk_override.tf.json":     true,
		"main.tf":                  false,
		"overrides.tf":             false,
		"override_dev.tf":          false,
		"myoverride.tf":            false,
		"override.tfvars":          false,
		"terraform.tfvars.json":    false,
		"dev_override.tf.json.bak": false,
	} {
		if got := isOverrideFile(name); got != want {
			t.Errorf("isOverrideFile(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTerraformOverrideFiles: an override file changes the blocks of the
// module's other files, argument by argument and nested block type by
// nested block type, in lexical order of the override files' names; it
// defines no client of its own.
const overrideBase = `resource "aws_cognito_user_pool" "pool" {
  name = "p"
}
locals {
  cb = "http://app.example.com/cb"
}
resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = [local.cb]
  supported_identity_providers         = ["COGNITO"]
  access_token_validity                = 48
  token_validity_units {
    access_token = "minutes"
  }
}
`

func TestTerraformOverrideFiles(t *testing.T) {
	tests := []struct {
		name      string
		overrides []tfSource
		want      []violation
	}{
		{"no override: the base's http callback", nil,
			[]violation{{"aws_cognito_user_pool_client.web", "CallbackURLs[0]", "redirect-https", 13, false}}},
		{"an argument replaced", []tfSource{{"override.tf", []byte(`resource "aws_cognito_user_pool_client" "web" {
  callback_urls = ["https://app.example.com/cb"]
}
`)}}, nil},
		{"an argument replaced with a fault, reported where the override writes it", []tfSource{{"override.tf", []byte(`locals {
  cb = "https://app.example.com/cb"
}
resource "aws_cognito_user_pool_client" "web" {
  callback_urls = ["https://app.example.com/cb", "http://other.example.com/cb"]
}
`)}}, []violation{{"aws_cognito_user_pool_client.web", "CallbackURLs[1]", "redirect-https", 7, false}}},
		{"a local replaced", []tfSource{{"dev_override.tf", []byte(`locals {
  cb = "https://app.example.com/cb"
}
`)}}, nil},
		{"a nested block replaced", []tfSource{
			{"override.tf", []byte(`locals {
  cb = "https://app.example.com/cb"
}
resource "aws_cognito_user_pool_client" "web" {
  token_validity_units {
    access_token = "hours"
  }
}
`)}}, []violation{{"aws_cognito_user_pool_client.web", "AccessTokenValidity", "token-validity-range", 15, false}}},
		{"later override files win, in lexical order", []tfSource{
			{"b_override.tf", []byte(`locals {
  cb = "https://app.example.com/cb"
}
`)},
			{"a_override.tf", []byte(`locals {
  cb = "http://first.example.com/cb"
}
`)}}, nil},
		{"JSON override", []tfSource{{"override.tf.json", []byte(`{
  "resource": {"aws_cognito_user_pool_client": {"web": {"callback_urls": ["https://app.example.com/cb"]}}}
}
`)}}, nil},
		{"an override of nothing defines no client", []tfSource{{"override.tf", []byte(`locals {
  cb = "https://app.example.com/cb"
}
resource "aws_cognito_user_pool_client" "other" {
  callback_urls = ["http://other.example.com/cb"]
}
`)}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srcs := append([]tfSource{{"main.tf", []byte(overrideBase)}}, tc.overrides...)
			files := readTerraform(srcs)
			if errs := inputErrors(files...); len(errs) > 0 {
				t.Fatalf("input errors: %v", errs)
			}
			var clients []string
			for _, f := range files {
				for _, c := range f.Clients {
					clients = append(clients, f.Name+" "+c.Resource)
				}
			}
			if diff := cmp.Diff([]string{"main.tf aws_cognito_user_pool_client.web"}, clients); diff != "" {
				t.Errorf("clients mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, violations(files...)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
			// A value an override writes is reported at the resource, with
			// the override file's line as its origin.
			for _, f := range files {
				for _, c := range f.Clients {
					for _, fd := range Check(c) {
						if fd.Field != "CallbackURLs[1]" {
							continue
						}
						want := []Origin{{Source: "override file", File: "override.tf", Pos: Position{Line: 5, Column: 3}}}
						if diff := cmp.Diff(want, c.OriginsOf(fd)); diff != "" || fd.File != "main.tf" || fd.Pos.Line != 7 {
							t.Errorf("%s at %s:%d, origins mismatch (-want +got):\n%s", fd.Field, fd.File, fd.Pos.Line, diff)
						}
						if !strings.Contains(fd.Message, "(with override file at override.tf:5)") {
							t.Errorf("message %q does not name the override", fd.Message)
						}
					}
				}
			}
		})
	}
}
