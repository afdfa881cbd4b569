package iac

import (
	"fmt"
	"github.com/cognitokit/appclient"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeTree writes files (path → content) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const walkTemplate = "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      CallbackURLs: [http://a.example.com/]\n"

// TestWalk reads a repository-like tree: every input is found, in path
// order, the skipped directories are skipped, files of other kinds are
// left out, a module's .tf files are read together, and a Serverless
// fragment is read once, as part of its service.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a/template.yaml":              walkTemplate,
		"a/other.yaml":                 "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n",
		"a/package.json":               `{"name": "x", "dependencies": {}}`,
		"a/broken.yaml":                "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n   Properties: [\n",
		"b/client.json":                `{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "c"}`,
		"infra/variables.tf":           "variable \"url\" {\n  default = \"http://a.example.com/\"\n}\n",
		"infra/main.tf":                "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n  callback_urls = [var.url]\n}\n",
		"infra/other/main.tf":          "resource \"aws_s3_bucket\" \"b\" {}\n",
		"svc/serverless.yml":           "service: s\nprovider:\n  name: aws\nresources:\n  - ${file(cognito.yml)}\n",
		"svc/cognito.yml":              walkTemplate,
		"state/terraform.tfstate":      `{"version": 4, "terraform_version": "1.9.8", "resources": [{"mode": "managed", "type": "aws_cognito_user_pool_client", "name": "c", "instances": [{"attributes": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz"}}]}]}`,
		".git/template.yaml":           walkTemplate,
		"node_modules/x/template.yaml": walkTemplate,
		"infra/.terraform/m/main.tf":   "resource \"aws_cognito_user_pool_client\" \"x\" {\n}\n",
		"notes.txt":                    "aws_cognito_user_pool_client",
	})
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		File    string
		Kind    Kind
		Clients int
		Errors  int
	}
	var got []row
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Name)
		got = append(got, row{filepath.ToSlash(rel), f.Kind, len(f.Clients), len(f.Errors)})
	}
	want := []row{
		{"a/broken.yaml", "", 0, 1},
		{"a/template.yaml", KindCloudFormation, 1, 0},
		{"b/client.json", KindRequest, 1, 0},
		{"infra/main.tf", KindTerraformConfig, 1, 0},
		{"infra/variables.tf", KindTerraformConfig, 0, 0},
		{"state/terraform.tfstate", KindTerraformState, 1, 0},
		{"svc/serverless.yml", KindServerless, 1, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	// The module's variable default reaches the client in another file.
	for _, f := range files {
		if filepath.Base(f.Name) == "main.tf" {
			var errs []Finding
			for _, fd := range Check(f.Clients[0]) {
				if fd.Severity == appclient.SeverityError {
					errs = append(errs, fd)
				}
			}
			if len(errs) != 1 || errs[0].Rule != "redirect-https" {
				t.Errorf("module client violations = %+v, want one redirect-https", errs)
			}
		}
	}
}

// BenchmarkWalk measures reading a tree of CloudFormation templates, each
// with one app client, and reports files per second.
func BenchmarkWalk(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("%d-templates", n), func(b *testing.B) {
			dir := b.TempDir()
			for i := range n {
				sub := filepath.Join(dir, fmt.Sprintf("stack%03d", i%100))
				if i < 100 {
					if err := os.MkdirAll(sub, 0o755); err != nil {
						b.Fatal(err)
					}
				}
				if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("template%05d.yaml", i)), []byte(benchTemplate(i)), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for b.Loop() {
				count := 0
				err := Walk(dir, func(f *File) error {
					f.Findings() // what the command does with each file
					count++
					return nil
				})
				if err != nil || count != n {
					b.Fatalf("read %d files, error %v; want %d", count, err, n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
			b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "workers")
		})
	}
}

// benchTemplate is a realistic template: a pool, a resource server and a
// web client with the usual properties.
func benchTemplate(i int) string {
	return fmt.Sprintf(`AWSTemplateFormatVersion: "2010-09-09"
Description: stack %d
Parameters:
  Stage:
    Type: String
    Default: dev
  Domain:
    Type: String
    Default: app%d.example.com
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub pool-${Stage}
      UsernameAttributes: [email]
      AutoVerifiedAttributes: [email]
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref UserPool
      Identifier: https://api.example.com
      Name: api
      Scopes:
        - ScopeName: read
          ScopeDescription: read
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: Api
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: !Sub web-${Stage}
      GenerateSecret: false
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid, email, https://api.example.com/read]
      CallbackURLs:
        - !Sub https://${Domain}/callback
        - http://localhost:3000/callback
      LogoutURLs: [!Sub "https://${Domain}/"]
      SupportedIdentityProviders: [COGNITO]
      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
      PreventUserExistenceErrors: ENABLED
      EnableTokenRevocation: true
      AccessTokenValidity: 60
      IdTokenValidity: 60
      RefreshTokenValidity: 30
      TokenValidityUnits:
        AccessToken: minutes
        IdToken: minutes
        RefreshToken: days
Outputs:
  ClientId:
    Value: !Ref WebClient
`, i, i)
}

// TestWalkMemory checks that a walk holds only a few files at a time: the
// live heap, sampled as files are handed over, stays far below what all
// the files would take, however many there are.
func TestWalkMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 2,000 files")
	}
	dir := t.TempDir()
	const n = 2000
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("t%05d.yaml", i)), []byte(benchTemplate(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	count := 0
	err := Walk(dir, func(f *File) error {
		count++
		if count%100 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc-min(base, ms.HeapAlloc))
		}
		return nil
	})
	if err != nil || count != n {
		t.Fatalf("read %d files, error %v; want %d", count, err, n)
	}
	// One template read costs about 130 KB; all of them would take
	// 260 MB. The window holds 2 per worker.
	t.Logf("peak live heap during the walk: %d KiB", peak>>10)
	if peak > 16<<20 {
		t.Errorf("peak live heap %d MiB, want at most 16 MiB", peak>>20)
	}
}

// TestWalkSkipsUnparsedTemplate: a walk reads a JSON file with a backslash
// even where it names no client, since an escape may spell one; when it
// is not JSON at all (a template with another tool's directives), it
// spells none, and the walk says nothing of it. Named, it is still an
// input error.
func TestWalkSkipsUnparsedTemplate(t *testing.T) {
	dir := t.TempDir()
	const tpl = "{\n  \"paths\": {\n    %{ if stage == \"dev\" }\n    \"/a\": {\"pattern\": \"^\\\\d+$\"},\n    %{ endif }\n    \"/b\": {}\n  }\n}\n"
	writeTree(t, dir, map[string]string{"api/openapi.tpl.json": tpl})
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 0 {
		t.Errorf("walk: %d files, want none: %+v", len(files), files[0])
	}
	f, err := ReadFile(filepath.Join(dir, "api", "openapi.tpl.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 1 {
		t.Errorf("named: errors %v, want one", f.Errors)
	}
}
