package iac

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLooksLikeInput: the start of a file says whether it is a kind of
// input, by its top-level keys, an app-client type or its name.
func TestLooksLikeInput(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"package-lock.json", `{"name": "shop", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {"": {"name": "shop"`, false},
		{"openapi.json", `{"openapi": "3.1.0", "info": {"title": "Orders"}, "paths": {"/orders": {"get": {"parameters": [{"name": "ClientId"`, false},
		{"cognito-idp.json", `{"version": "2.0", "metadata": {}, "shapes": {"CreateUserPoolClientRequest": {"members": {"UserPoolId": {"shape": "x"}, "ClientName": {`, false},
		{"template.json", `{"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {`, true},
		{"stack.json", "\xef\xbb\xbf  {\n  \"Description\": \"x\",\n  \"Resources\": {\"A\":", true},
		{"plan.json", `{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{`, true},
		{"request.json", `{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "c"`, true},
		{"update.json", `{"ClientId": "abc", "UserPoolId": "`, true},
		{"described.json", `{"UserPoolClient": {"ClientName": "c"`, true},
		{"escaped.json", `{"a\"b": "x", "c": {"Resources": 1}, "d": "Resources", "e": ["Resources"], "ClientName": "c"`, true},
		{"nested.json", `{"a\"b": "x", "c": {"Resources": 1}, "d": "Resources", "e": ["Resources"]}`, false},
		{"cut.json", `{"name": "x", "description": "a string cut in the mid`, false},
		{"any.json", `{"x": "AWS::Cognito::UserPoolClient"`, true},
		{"template.yaml", "# a stack\nAWSTemplateFormatVersion: '2010-09-09'\n", true},
		{"stack.yml", "Description: x\nResources:\n  A:\n", true},
		{"quoted.yaml", "\"Resources\":\n  A: 1\n", true},
		{"openapi.yaml", "openapi: 3.1.0\ninfo:\n  title: Orders\npaths:\n  /x:\n    Resources: 1\n", false},
		{"compose.yaml", "services:\n  web:\n    image: x\n", false},
		{"serverless.yml", "# nothing yet\n", true},
		{"deep/dir/main.tf", "", true},
		{"list.json", `[{"Resources": 1}]`, false},
	}
	for _, tt := range tests {
		if got := looksLikeInput(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("looksLikeInput(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
}

// TestIsPoolOutput: the AWS CLI's pool outputs are recognised by their
// first member, and nothing the package reads is taken for one.
func TestIsPoolOutput(t *testing.T) {
	pool, err := os.ReadFile("../testdata/pools/orders.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		data string
		want bool
	}{
		{string(pool), true},
		{`{"ResourceServers": [{"UserPoolId": "us-east-1_AbC123xyz", "Identifier": "x", "Name": "x"}]}`, true},
		{"\n {\"Providers\": []}\n{\"UserPool\": {}}", true},
		{`{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "c"}`, false},
		{`{"UserPoolClient": {"UserPoolId": "x"}}`, false},
		{`{"Resources": {"UserPool": {"Type": "AWS::Cognito::UserPool"}}}`, false},
		{"UserPool:\n  Id: x\n", false},
		{`[{"UserPool": {}}]`, false},
	}
	for _, tt := range tests {
		if got := isPoolOutput([]byte(tt.data)); got != tt.want {
			t.Errorf("isPoolOutput(%.60q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}

// TestWalkSkips: in a walk, a file over a size limit is passed over when
// its start is no input (a 15 MB package lock, a large YAML that merely
// mentions a client member) and stays an input error when it looks like
// one; a pool description is passed over, and named as such when given
// on its own.
func TestWalkSkips(t *testing.T) {
	dir := t.TempDir()
	pool, err := os.ReadFile("../testdata/pools/orders.json")
	if err != nil {
		t.Fatal(err)
	}
	var lock strings.Builder
	lock.WriteString(`{"name": "shop", "lockfileVersion": 3, "packages": {`)
	for i := 0; lock.Len() < 15<<20; i++ {
		if i > 0 {
			lock.WriteString(",")
		}
		lock.WriteString(`"node_modules/p` + strings.Repeat("x", 40) + `": {"version": "1.0.0", "resolved": "https://example.com/p.tgz", "ClientName": "none"}`)
	}
	lock.WriteString("}}\n")
	bigCFN := `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "x", "ClientName": "` + strings.Repeat("a", 11<<20) + `"}}}}`
	bigYAML := "openapi: 3.1.0\ncomponents:\n  schemas:\n    ClientName:\n      description: " + strings.Repeat("y", 2<<20) + "\n"
	bigTemplate := "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: " + strings.Repeat("y", 2<<20) + "\n"
	writeTree(t, dir, map[string]string{
		"package-lock.json":   lock.String(),
		"pool.json":           string(pool),
		"api/openapi.yaml":    bigYAML,
		"infra/big.json":      bigCFN,
		"infra/big.yaml":      bigTemplate,
		"infra/template.yaml": walkTemplate,
	})
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		File    string
		Kind    Kind
		Clients int
		Errors  []string
		Skipped string
	}
	var got []row
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Name)
		r := row{File: filepath.ToSlash(rel), Kind: f.Kind, Clients: len(f.Clients), Skipped: f.Skipped}
		for _, e := range f.Errors {
			r.Errors = append(r.Errors, e.Message)
		}
		got = append(got, r)
	}
	want := []row{
		{File: "api/openapi.yaml", Skipped: "larger than 1 MiB, and its start is no kind of input this reads"},
		{File: "infra/big.json", Errors: []string{"larger than 10 MiB"}},
		{File: "infra/big.yaml", Errors: []string{"YAML larger than 1 MiB (CloudFormation accepts templates of at most 1 MB)"}},
		{File: "infra/template.yaml", Kind: KindCloudFormation, Clients: 1},
		{File: "package-lock.json", Skipped: "larger than 10 MiB, and its start is no kind of input this reads"},
		{File: "pool.json", Skipped: skippedPool},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}

	// Named on its own, a pool file is an input error that says what it is.
	f, err := ReadFile(filepath.Join(dir, "pool.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 1 || f.Errors[0].Message != skippedPool || f.Skipped != "" {
		t.Errorf("ReadFile(pool.json): Errors %v, Skipped %q; want the pool error", f.Errors, f.Skipped)
	}
}
