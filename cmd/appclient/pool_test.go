package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
)

// ordersPool is the AWS CLI output of the library's example pool.
var ordersPool = filepath.Join("..", "..", "testdata", "pools", "orders.json")

// writeTemp writes files into a temporary directory and returns its path.
func writeTemp(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestValidatePool(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"describe.json":  `{"UserPool": {"Id": "us-east-1_AbC123xyz", "UserPoolTier": "LITE"}}`,
		"servers.json":   `{"ResourceServers": [{"UserPoolId": "us-east-1_AbC123xyz", "Identifier": "billing", "Scopes": [{"ScopeName": "invoices"}]}]}`,
		"providers.json": `{"Providers": []}`,
		"broken.json":    "{\"Providers\": []}\n{\"Providers\": [}\n",
		"other.json":     `{"UserPool": {"Id": "eu-west-1_Other"}}`,
		"m2m.json": `{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "billing", "GenerateSecret": true,
			"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"],
			"AllowedOAuthScopes": ["billing/invoices"],
			"ExplicitAuthFlows": ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]}`,
		"m2m-bad-scope.json": `{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "billing", "GenerateSecret": true,
			"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"],
			"AllowedOAuthScopes": ["billing/refunds"]}`,
		"update-bad-scope.json": `{"UserPoolId": "us-east-1_AbC123xyz", "ClientId": "1example23456789",
			"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"],
			"AllowedOAuthScopes": ["billing/refunds"]}`,
		"update.json": `{"UserPoolId": "us-east-1_AbC123xyz", "ClientId": "1example23456789",
			"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"],
			"AllowedOAuthScopes": ["billing/invoices"]}`,
	})
	in := func(name string) string { return filepath.Join(dir, name) }
	// A sparse file one byte over the inputs' limit, refused before it is
	// read.
	if err := os.WriteFile(in("big.json"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(in("big.json"), iac.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	partner := filepath.Join("testdata", "request", "orders-partner.json")
	web := filepath.Join("..", "..", "testdata", "requests", "web-app.json")
	type result struct {
		Status int
		Rules  []string // of the violations (errors), from the json output
		Stderr string   // "" for none; checked as a prefix
	}
	tests := []struct {
		name string
		args []string
		want result
	}{
		{"without -pool the pool rules are silent", []string{partner}, result{Status: 0}},
		{"P1 P2 P3 from the CLI's outputs", []string{"-pool", ordersPool, partner},
			// In line order: WriteAttributes, SupportedIdentityProviders, AllowedOAuthScopes.
			result{Status: 1, Rules: []string{appclient.RuleWriteAttributesIncludeRequired, appclient.RuleIdentityProviderExists, appclient.RuleCustomScopeExists}}},
		{"neighbour: a client that uses what the pool has", []string{"-pool", ordersPool, web}, result{Status: 0}},
		{"P5 with the outputs in three files", []string{"-pool", in("describe.json"), "-pool", in("servers.json"), "-pool", in("providers.json"), in("m2m.json")},
			result{Status: 1, Rules: []string{appclient.RuleFeaturePlan}}},
		{"P1 under a server of a pool known only by its servers", []string{"-pool", in("servers.json"), in("m2m-bad-scope.json")},
			result{Status: 1, Rules: []string{appclient.RuleCustomScopeExists}}},
		{"neighbour: P5 undecided without describe-user-pool", []string{"-pool", in("servers.json"), in("m2m.json")}, result{Status: 0}},
		{"flags after the files", []string{in("m2m-bad-scope.json"), "-pool", in("servers.json")},
			result{Status: 1, Rules: []string{appclient.RuleCustomScopeExists}}},
		{"a broken pool file names its file and line", []string{"-pool", in("servers.json"), "-pool", in("broken.json"), partner},
			result{Status: 2, Stderr: in("broken.json") + ":2:16: invalid JSON"}},
		{"a missing pool file", []string{"-pool", in("nothing.json"), partner},
			result{Status: 2, Stderr: in("nothing.json") + ": no such file"}},
		{"a pool file over the size limit", []string{"-pool", in("servers.json"), "-pool", in("big.json"), partner},
			result{Status: 2, Stderr: in("big.json") + ": larger than 10 MiB\n"}},
		{"a directory as a pool file", []string{"-pool", dir, partner},
			result{Status: 2, Stderr: dir + ": not a regular file: a directory\n"}},
		{"a request for another pool", []string{"-pool", in("other.json"), partner},
			result{Status: 2, Stderr: partner + ":2:3: UserPoolId \"us-east-1_AbC123xyz\" is not the user pool that -pool describes"}},
		{"-pool cannot be standard input", []string{"-pool", "-", partner},
			result{Status: 2, Stderr: "appclient validate: invalid value \"-\" for flag -pool"}},
		{"P1 in an update request", []string{"-pool", in("servers.json"), in("update-bad-scope.json")},
			result{Status: 1, Rules: []string{appclient.RuleCustomScopeExists}}},
		{"neighbour: an update with the server's scope", []string{"-pool", in("servers.json"), in("update.json")}, result{Status: 0}},
		{"a template gets a note", []string{"-pool", ordersPool, "testdata/template.yaml"},
			result{Status: 1, Stderr: "testdata/template.yaml: note: -pool applies to request, update and describe files"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(append([]string{"validate", "-format", "json"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
			got := result{Status: status}
			if status != 2 {
				var report struct {
					Violations []struct{ Rule, Severity string }
				}
				if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
					t.Fatalf("json output: %v\n%s", err, stdout.String())
				}
				for _, v := range report.Violations {
					if v.Severity == "warning" {
						continue // advisories have tests of their own
					}
					if tt.want.Rules != nil || status == 0 {
						got.Rules = append(got.Rules, v.Rule)
					}
				}
			}
			if tt.want.Stderr != "" && strings.HasPrefix(stderr.String(), tt.want.Stderr) {
				got.Stderr = tt.want.Stderr
			} else {
				got.Stderr = stderr.String()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("validate %v mismatch (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

// TestValidatePoolAttributeExists: with -pool, a request file's attribute
// that the pool lacks is reported as a warning (rule attribute-exists) in
// every format; it fails the run only with -strict.
func TestValidatePoolAttributeExists(t *testing.T) {
	web, err := os.ReadFile(filepath.Join("..", "..", "testdata", "requests", "web-app.json"))
	if err != nil {
		t.Fatal(err)
	}
	withRead := func(attrs string) string {
		return strings.Replace(string(web), `"EnableTokenRevocation": true`, `"EnableTokenRevocation": true, "ReadAttributes": `+attrs, 1)
	}
	dir := writeTemp(t, map[string]string{
		"typo.json":      withRead(`["email", "tenant"]`),
		"neighbour.json": withRead(`["email", "custom:tenant"]`),
	})
	typo, neighbour := filepath.Join(dir, "typo.json"), filepath.Join(dir, "neighbour.json")
	p4Index := slices.IndexFunc(appclient.Rules(), func(r appclient.RuleInfo) bool { return r.ID == appclient.RuleAttributeExists })
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    string // a line of standard output; "" means attribute-exists is absent
	}{
		{"text: a warning, exit 0", []string{"-pool", ordersPool, typo}, 0,
			`ReadAttributes[1]: warning: "tenant" is neither a standard attribute nor in the schema of user pool "us-east-1_AbC123xyz" (custom attributes take their prefix: did you mean "custom:tenant"?) (attribute-exists)`},
		{"json: severity warning", []string{"-format", "json", "-pool", ordersPool, typo}, 0,
			`"field": "ReadAttributes[1]",
      "rule": "attribute-exists",
      "severity": "warning",`},
		{"sarif: level warning", []string{"-format", "sarif", "-pool", ordersPool, typo}, 0,
			`"ruleId": "attribute-exists",
          "ruleIndex": ` + strconv.Itoa(p4Index) + `,
          "level": "warning",`},
		{"-strict makes it fail", []string{"-strict", "-pool", ordersPool, typo}, 1, "(attribute-exists)"},
		{"neighbour: with its prefix", []string{"-pool", ordersPool, neighbour}, 0, ""},
		{"neighbour passes -strict", []string{"-strict", "-pool", ordersPool, neighbour}, 0, ""},
		{"without -pool it is not decided", []string{typo}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(append([]string{"validate"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
			if status != tt.wantStatus {
				t.Errorf("status %d, want %d; stderr:\n%s\nstdout:\n%s", status, tt.wantStatus, stderr.String(), stdout.String())
			}
			out := stdout.String()
			if tt.wantOut == "" {
				if strings.Contains(out, appclient.RuleAttributeExists) && !strings.Contains(out, `"id": "attribute-exists"`) {
					t.Errorf("output reports attribute-exists:\n%s", out)
				}
				return
			}
			if !strings.Contains(out, tt.wantOut) || !strings.Contains(out, appclient.RuleAttributeExists) {
				t.Errorf("output lacks %q:\n%s", tt.wantOut, out)
			}
		})
	}
}

// lastFileWriter is standard output that, on the first write, rewrites
// file with text: what a run prints afterwards about that file shows
// whether it was read after the first output was written.
type lastFileWriter struct {
	t       *testing.T
	file    string
	text    string
	written bool
	out     bytes.Buffer
}

func (w *lastFileWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.written = true
		if err := os.WriteFile(w.file, []byte(w.text), 0o644); err != nil {
			w.t.Error(err)
		}
	}
	return w.out.Write(b)
}

// TestValidatePoolStreams: with -pool, a directory is checked by the one
// streaming walk, the pool rules as each file is read, and each file's
// findings written before the walk reads far ahead: the last file of a
// directory is read after the first file's findings are written, so the
// files of a directory are not all held at once. (Reading the directory
// whole, then checking it against the pool, would read the last file before
// writing anything, and miss its rewrite.)
func TestValidatePoolStreams(t *testing.T) {
	request := func(scope string) string {
		return `{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "billing", "GenerateSecret": true,
			"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"],
			"AllowedOAuthScopes": ["billing/` + scope + `"],
			"ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"], "PreventUserExistenceErrors": "ENABLED"}`
	}
	pool := filepath.Join(writeTemp(t, map[string]string{
		"servers.json": `{"ResourceServers": [{"UserPoolId": "us-east-1_AbC123xyz", "Identifier": "billing", "Scopes": [{"ScopeName": "invoices"}]}]}`,
	}), "servers.json")
	// Well past what the walk reads ahead: two files per worker.
	n := 4*runtime.GOMAXPROCS(0) + 16
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("r%04d.json", i)] = request("invoices")
	}
	files["r0000.json"] = request("refunds") // custom-scope-exists
	dir := writeTemp(t, files)
	last := filepath.Join(dir, fmt.Sprintf("r%04d.json", n-1))

	tests := []struct {
		name    string
		rewrite string // the last file's text once the first output is written
		want    []string
	}{
		{"the last file, rewritten after the first output, is read rewritten", request("refunds"),
			[]string{"r0000.json", filepath.Base(last)}},
		{"neighbour: rewritten to what it held", request("invoices"), []string{"r0000.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(last, []byte(request("invoices")), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout := &lastFileWriter{t: t, file: last, text: tt.rewrite}
			var stderr bytes.Buffer
			status := run([]string{"validate", "-pool", pool, dir}, strings.NewReader(""), stdout, &stderr)
			if status != 1 || stderr.Len() > 0 {
				t.Fatalf("status %d, stderr %q; want 1 and nothing", status, &stderr)
			}
			var got []string
			for line := range strings.Lines(stdout.out.String()) {
				if !strings.Contains(line, appclient.RuleCustomScopeExists) && !strings.Contains(line, "ScopeDoesNotExistException") {
					t.Errorf("unexpected finding: %s", line)
				}
				got = append(got, filepath.Base(strings.SplitN(line, ":", 2)[0]))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("files with findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
