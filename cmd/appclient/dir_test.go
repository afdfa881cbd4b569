package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestValidateDirectory runs validate on a directory: every input under it
// is read (update requests and described clients too), findings come in
// file order and then line order, a Serverless fragment's findings name the
// fragment, and ignored rules are dropped.
func TestValidateDirectory(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b/template.yaml":  "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthFlows: [code]\n      AllowedOAuthScopes: [Openid]\n      CallbackURLs: [http://a.example.com/]\n",
		"a/main.tf":        "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n  # appclient-ignore: redirect-https\n  callback_urls = [\"http://a.example.com/\"]\n  logout_urls = [\"https://a.example.com/#x\"]\n  default_redirect_uri = \"https://b.example.com/\"\n}\n",
		"c/serverless.yml": "service: s\nprovider:\n  name: aws\nresources:\n  - ${file(res/client.yml)}\n",
		"c/res/client.yml": "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: ${self:custom.name}\n      CallbackURLs: [http://a.example.com/]\n",
		"d/update.json":    "{\"UserPoolId\": \"us-east-1_AbC123xyz\", \"ClientId\": \"c\",\n  \"CallbackURLs\": [\"http://a.example.com/\"]}",
		"d/described.json": `{"UserPoolClient": {"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "c", "ClientSecret": "s3cr3tvalue", "CallbackURLs": ["http://b.example.com/"]}}`,
		"package.json":     `{"name": "x"}`,
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := strings.ReplaceAll(runCLI(t, "", "validate", dir), dir+string(filepath.Separator), "")
	want := `exit status 1
-- stdout --
a/main.tf:1: aws_cognito_user_pool_client.c: AllowedOAuthFlowsUserPoolClient: warning: is false, so Cognito ignores CallbackURLs, LogoutURLs: set it to true, or remove them (oauth-settings-ignored)
a/main.tf:1: aws_cognito_user_pool_client.c: PreventUserExistenceErrors: warning: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors)
a/main.tf:7: aws_cognito_user_pool_client.c: DefaultRedirectURI: "https://b.example.com/" is not one of CallbackURLs (they must match character for character) (InvalidParameterException)
b/template.yaml:2: C: PreventUserExistenceErrors: warning: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors)
b/template.yaml:8: C: AllowedOAuthScopes[0]: "Openid" is neither a reserved scope (openid, email, phone, profile, aws.cognito.signin.user.admin) nor a custom scope <resource-server>/<scope-name> (scopes are case-sensitive: did you mean "openid"?) (ScopeDoesNotExistException)
b/template.yaml:8: C: AllowedOAuthScopes[0]: warning: "Openid" is not "openid": scopes are case-sensitive, and Cognito rejects it as a scope that does not exist (scope-reserved-case)
b/template.yaml:9: C: CallbackURLs[0]: "http://a.example.com/" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
c/res/client.yml:2: C: AllowedOAuthFlowsUserPoolClient: warning: is false, so Cognito ignores CallbackURLs: set it to true, or remove them (oauth-settings-ignored)
c/res/client.yml:2: C: PreventUserExistenceErrors: warning: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors)
c/res/client.yml:7: C: CallbackURLs[0]: "http://a.example.com/" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
d/described.json:1: AllowedOAuthFlowsUserPoolClient: warning: is false, so Cognito ignores CallbackURLs: set it to true, or remove them (oauth-settings-ignored)
d/described.json:1: PreventUserExistenceErrors: warning: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors)
d/described.json:1: CallbackURLs[0]: "http://b.example.com/" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
d/update.json:1: AllowedOAuthFlowsUserPoolClient: warning: is false, so Cognito ignores CallbackURLs: set it to true, or remove them (oauth-settings-ignored)
d/update.json:1: PreventUserExistenceErrors: warning: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors)
d/update.json:2: CallbackURLs[0]: "http://a.example.com/" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
-- stderr --
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("validate DIR mismatch (-want +got):\n%s", diff)
	}
}

// TestValidateRepository runs "validate ." on a repository as teams have
// them: a 15 MB package lock and a pool description beside the templates
// are passed over (and listed in JSON), the templates are checked, and the
// exit status is what their findings say.
func TestValidateRepository(t *testing.T) {
	pool, err := os.ReadFile("../../testdata/pools/orders.json")
	if err != nil {
		t.Fatal(err)
	}
	var lock strings.Builder
	lock.WriteString("{\n  \"name\": \"shop\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n")
	for i := 0; lock.Len() < 15<<20; i++ {
		if i > 0 {
			lock.WriteString(",\n")
		}
		fmt.Fprintf(&lock, `    "node_modules/p%d": {"version": "1.0.%d", "resolved": "https://registry.example.com/p/-/p-1.0.%d.tgz", "integrity": "sha512-%s"}`, i, i, i, strings.Repeat("A", 88))
	}
	lock.WriteString("\n  }\n}\n")
	clean := "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      PreventUserExistenceErrors: ENABLED\n      CallbackURLs: [https://a.example.com/]\n      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthFlows: [code]\n      AllowedOAuthScopes: [openid]\n      DefaultRedirectURI: https://a.example.com/\n"
	tests := []struct {
		name, template string
		status         int
	}{
		{"clean", clean, 0},
		{"a violation", strings.ReplaceAll(clean, "https://a.example.com/]", "http://a.example.com/]"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range map[string]string{
				"package-lock.json":     lock.String(),
				"infra/pool.json":       string(pool),
				"infra/template.yaml":   tt.template,
				"infra/other/main.json": `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}`,
			} {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			status, stdout, stderr := runStreams(t, "", "validate", ".")
			if status != tt.status || stderr != "" {
				t.Errorf("validate .: status %d, stderr %q; want %d and nothing", status, stderr, tt.status)
			}
			if tt.status == 1 && !strings.Contains(stdout, "infra/template.yaml:8: C: CallbackURLs[0]: ") {
				t.Errorf("validate .: the template's violation is missing:\n%s", stdout)
			}
			status, stdout, _ = runStreams(t, "", "validate", "-format", "json", ".")
			var rep jsonReport
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, f := range rep.Files {
				files = append(files, f.File+" "+f.Kind)
			}
			var skipped []string
			for _, s := range rep.Skipped {
				skipped = append(skipped, s.File)
			}
			if diff := cmp.Diff([]string{"infra/template.yaml cloudformation"}, files); diff != "" || status != tt.status {
				t.Errorf("validate -format json .: status %d, files mismatch (-want +got):\n%s", status, diff)
			}
			if diff := cmp.Diff([]string{"infra/pool.json", "package-lock.json"}, skipped); diff != "" {
				t.Errorf("validate -format json .: skipped mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestValidateDirectoryLink: a directory named through a link is read,
// not skipped with status 0, and a named pipe under it is reported by
// name, with status 2, without blocking, while the rest is checked.
func TestValidateDirectoryLink(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "real")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmpl := "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      PreventUserExistenceErrors: ENABLED\n"
	if err := os.WriteFile(filepath.Join(dir, "template.yaml"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	got := runCLI(t, "", "validate", "-format", "json", link)
	if !strings.HasPrefix(got, "exit status 0\n") || !strings.Contains(got, `"file": "`+filepath.Join(link, "template.yaml")+`"`) {
		t.Errorf("validate LINK = %s, want the template read with status 0", got)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan string, 1)
	go func() { done <- runCLI(t, "", "validate", link) }()
	select {
	case got = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("validate blocks on a named pipe")
	}
	want := "exit status 2\n-- stdout --\n-- stderr --\n" + filepath.Join(link, "pipe.yaml") + ": not a regular file: a named pipe\n"
	if got != want {
		t.Errorf("validate LINK with a pipe = %q, want %q", got, want)
	}
}

// TestNestedTemplateErrorNamesItsFile: an error in a template that another
// nests is printed under the nested template's name and line, not the
// parent's.
func TestNestedTemplateErrorNamesItsFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"parent.yaml": "Resources:\n  Auth:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./child.yaml\n",
		"child.yaml":  "Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: [\n",
	})
	var stdout, stderr bytes.Buffer
	if status := run([]string{"validate", filepath.Join(dir, "parent.yaml")}, nil, &stdout, &stderr); status != 2 {
		t.Errorf("status %d, want 2\nstderr: %s", status, &stderr)
	}
	if want := filepath.Join(dir, "child.yaml") + ":4:"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q does not name %s", &stderr, want)
	}
	if strings.Contains(stderr.String(), "parent.yaml:4:") {
		t.Errorf("stderr %q names the child's line in the parent", &stderr)
	}
}
