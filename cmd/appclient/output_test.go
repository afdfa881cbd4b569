package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cognitokit/appclient/iac"
)

// TestSARIFURI checks how file names become SARIF artifact URIs.
func TestSARIFURI(t *testing.T) {
	tests := []struct{ name, want string }{
		{"template.yaml", "template.yaml"},
		{"infra/stacks/auth.yaml", "infra/stacks/auth.yaml"},
		{"my stack.yaml", "my%20stack.yaml"},
		{"/abs/plan #1.json", "/abs/plan%20%231.json"},
		{"a:b.json", "./a:b.json"},
		{"<stdin>", "stdin"},
	}
	for _, tt := range tests {
		if got := sarifURI(tt.name); got != tt.want {
			t.Errorf("sarifURI(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestRuleName checks the SARIF rule names made from rule ids.
func TestRuleName(t *testing.T) {
	tests := []struct{ id, want string }{
		{"redirect-https", "RedirectHttps"},
		{"client-credentials-needs-secret", "ClientCredentialsNeedsSecret"},
		{"list-size", "ListSize"},
		{"required", ""},
	}
	for _, tt := range tests {
		if got := ruleName(tt.id); got != tt.want {
			t.Errorf("ruleName(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

// TestTextEscapesControlCharacters: a file name and a logical ID holding a
// newline, a carriage return or a terminal escape cannot forge or recolour
// a line of text output; every line the command prints starts with the
// file's (escaped) name.
func TestTextEscapesControlCharacters(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a\nforged.yaml:1: fake\x1b[31m.yaml")
	tmpl := "Resources:\n  \"Web\\rClient\\n\\u202eX\":\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      CallbackURLs: [\"http://app.example.com/cb\"]\n      AllowedOAuthFlows: [code]\n      AllowedOAuthScopes: [openid]\n      AllowedOAuthFlowsUserPoolClient: true\n      SupportedIdentityProviders: [COGNITO]\n"
	if err := os.WriteFile(name, []byte(tmpl), 0o600); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	bad := filepath.Join(dir, "b\x1b]0;title\x07.yaml")
	if err := os.WriteFile(bad, []byte("Resources: [\n"), 0o600); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	var stdout, stderr bytes.Buffer
	status := run([]string{"validate", name, bad}, strings.NewReader(""), &stdout, &stderr)
	if status != 2 {
		t.Errorf("status %d, want 2 (the second file is unreadable)", status)
	}
	for _, out := range []string{stdout.String(), stderr.String()} {
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if !strings.HasPrefix(line, filepath.Join(dir, "a\\nforged")) && !strings.HasPrefix(line, filepath.Join(dir, "b\\x1b]0;title\\x07.yaml")) {
				t.Errorf("line %q does not start with an escaped file name", line)
			}
			if strings.ContainsAny(line, "\r\x1b\x07\u202e") {
				t.Errorf("line %q holds a raw control character", line)
			}
		}
	}
	if !strings.Contains(stdout.String(), `Web\rClient\n\u202eX: CallbackURLs[0]`) {
		t.Errorf("stdout does not name the escaped logical ID:\n%s", stdout.String())
	}
}

// TestDocumentResult: what the json and sarif documents keep of a file
// until every file is read prints exactly as the whole result does, and
// keeps no client's request, member positions or origins.
func TestDocumentResult(t *testing.T) {
	var results, kept []*fileResult
	for _, name := range []string{"testdata/cloudformation", "testdata/terraform", "testdata/request", "testdata/template.yaml"} {
		err := readInput(name, nil, &iac.Values{}, nil, io.Discard, func(r *fileResult) {
			results = append(results, r)
			kept = append(kept, documentResult(r))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	clients := 0
	for _, r := range kept {
		for _, c := range r.Clients {
			clients++
			if c.Request.ClientName != "" || c.Update != nil || c.Positions != nil || c.Origins != nil || c.Defaults != nil {
				t.Errorf("%s: %s keeps more than the documents print: %+v", r.Name, c.Resource, c)
			}
		}
	}
	if clients < 5 {
		t.Fatalf("read %d clients, want the test inputs' clients", clients)
	}
	for _, w := range []struct {
		name  string
		write func(io.Writer, []*fileResult) error
	}{{"json", writeJSON}, {"sarif", writeSARIF}} {
		var whole, slim bytes.Buffer
		if err := w.write(&whole, results); err != nil {
			t.Fatal(err)
		}
		if err := w.write(&slim, kept); err != nil {
			t.Fatal(err)
		}
		if whole.String() != slim.String() {
			t.Errorf("%s of the kept results differs from the whole results:\n%s\nwant\n%s", w.name, slim.String(), whole.String())
		}
	}
}
