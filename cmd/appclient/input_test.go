package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient/iac"
)

// aliasBomb is the "billion laughs" document: nine levels of nine aliases
// expand to 9^9 values.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(name + ": &" + name + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	return b.String()
}

// aliasBombInTemplate puts the bomb where the checks read: in the
// properties of an app client.
func aliasBombInTemplate() string {
	var b strings.Builder
	b.WriteString("Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n")
	b.WriteString("      UserPoolId: us-east-1_AbC123xyz\n")
	b.WriteString("      ReadAttributes: &a [x, x, x, x, x, x, x, x, x]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString("      X" + name + ": &" + name + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	return b.String()
}

// manyMembers returns n JSON members "k0": 0, "k1": 1, ...
func manyMembers(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("%q: %d", fmt.Sprintf("k%d", i), i)
	}
	return strings.Join(parts, ", ")
}

// TestBadInput feeds inputs that cannot be read and checks that each one
// ends with status 2 and a message naming the file and the position.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // standard error
	}{
		{"empty", "", "in.txt: empty input\n"},
		{"blank", " \n\t\n", "in.txt: empty input\n"},
		{"NUL byte", "{\"UserPoolId\": \"x\x00\"}", "in.txt: not a text file: NUL byte at offset 17\n"},
		{"invalid UTF-8", "Resources:\n  X: \xff\xfe\n", "in.txt: not a text file: invalid UTF-8 at offset 16\n"},
		{"truncated JSON", "{\n  \"UserPoolId\": \"us-east-1_AbC123xyz\",\n  \"ClientName\": \"web", "in.txt:3:17: string not terminated\n"},
		{"truncated JSON object", "{\n  \"UserPoolId\": \"us-east-1_AbC123xyz\",\n", "in.txt:3:1: unexpected end of input, expected a member name\n"},
		{"trailing garbage", "{\"ClientName\": \"a\"} x", "in.txt:1:21: unexpected character 'x' after the top-level value\n"},
		{"JSON array", "[1, 2]", "in.txt:1:1: expected a request object, a CloudFormation template or a Terraform plan, found a list\n"},
		{"deep JSON", strings.Repeat("[", 100000), "in.txt:1:258: nesting deeper than 256 levels\n"},
		{"deep JSON object", strings.Repeat(`{"a":`, 300) + "1" + strings.Repeat("}", 300), "in.txt:1:1286: nesting deeper than 256 levels\n"},
		{"deep YAML flow", "Resources: " + strings.Repeat("[", 20000), "in.txt: exceeded max depth of 10000\n"},
		{"deep YAML blocks", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ReadAttributes: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n", "in.txt:5:276: nesting deeper than 256 levels\n"},
		{"alias bomb outside the clients", aliasBomb() + "Resources: {}\n", "in.txt:1:38: more than 1048576 values (after expanding aliases)\n"},
		{"alias bomb in a client", aliasBombInTemplate(), "in.txt:6:30: more than 1048576 values (after expanding aliases)\n"},
		{"YAML over 1 MiB", "Resources:\n" + strings.Repeat("# comment\n", 105000), "in.txt: YAML larger than 1 MiB (CloudFormation accepts templates of at most 1 MB)\n"},
		{"YAML syntax", "Resources:\n  C: [\n", "in.txt:2:1: did not find expected node content\n"},
		{"YAML scalar", "just text\n", "in.txt:1:1: expected a request object, a CloudFormation template or a Terraform plan, found a string\n"},
		{"YAML without Resources", "Description: x\n", "in.txt:1:1: not a CloudFormation template (no Resources), a request JSON or a Terraform plan\n"},
		{"Resources not a map", "Resources: [a]\n", "in.txt:1:12: Resources must be a map, not a list\n"},
		{"unknown property", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      CallbackUrls: [https://a.example.com/]\n", "in.txt:6:7: C: AWS::Cognito::UserPoolClient has no property \"CallbackUrls\" (did you mean \"CallbackURLs\"?)\n"},
		{"ClientSecret in CloudFormation", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientSecret: abc\n", "in.txt:5:7: C: AWS::Cognito::UserPoolClient has no property \"ClientSecret\" in CloudFormation\n"},
		{"nested unknown property", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      TokenValidityUnits: {AccessTokens: hours}\n", "in.txt:5:28: C: TokenValidityUnits has no property \"AccessTokens\" (did you mean \"AccessToken\"?)\n"},
		{"wrong type", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      CallbackURLs: https://a.example.com/\n      AccessTokenValidity: 1.5\n      GenerateSecret: yes please\n", "in.txt:5:21: C: CallbackURLs must be a list, not a string\nin.txt:6:28: C: AccessTokenValidity must be an integer, not \"1.5\"\nin.txt:7:23: C: GenerateSecret must be true or false, not \"yes please\"\n"},
		{"integer overflow", `{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"RefreshTokenValidity": 99999999999}}}}`, "in.txt:1:101: C: RefreshTokenValidity 99999999999 does not fit in a 32-bit integer\n"},
		{"duplicate member of a large request", "{\"ClientName\": \"a\", " + manyMembers(40) + ", \"k7\": 2}", "in.txt:1:441: duplicate member \"k7\" (first at line 1)\n"},
		{"duplicate JSON logical ID of a client", "{\"Resources\": {\n  \"C\": {},\n  \"C\": {\"Type\": \"AWS::Cognito::UserPoolClient\"}\n}}", "in.txt:3:3: C: duplicate key \"C\" (also at line 2): only the last one is used; keep one\n"},
		{"duplicate YAML key in a client", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: a\n      ClientName: b\n", "in.txt:6:7: C: duplicate key \"ClientName\" (also at line 5): only the last one is used; keep one\n"},
		{"unknown request member", "{\n  \"UserPoolId\": \"us-east-1_AbC123xyz\",\n  \"ClientName\": \"web\",\n  \"RedirectURLs\": []\n}\n", "in.txt:4:3: RedirectURLs: unknown member\n"},
		{"near miss of a request member", "{\n  \"UserPoolId\": \"us-east-1_AbC123xyz\",\n  \"ClientName\": \"web\",\n  \"CallbackUrls\": []\n}\n", "in.txt:4:3: CallbackUrls: unknown member (names are case-sensitive: did you mean \"CallbackURLs\"?)\n"},
		{"request member of the wrong type", "{\n  \"UserPoolId\": \"us-east-1_AbC123xyz\",\n  \"ClientName\": \"web\",\n  \"AccessTokenValidity\": \"60\"\n}\n", "in.txt:4:26: AccessTokenValidity: want an integer, got string\n"},
		{"plan with a bad after", `{"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[{"address":"aws_cognito_user_pool_client.a","mode":"managed","type":"aws_cognito_user_pool_client","name":"a","change":{"actions":["create"],"after":{"callback_urls":"https://x"},"after_unknown":{}}}]}`, "in.txt:1:239: aws_cognito_user_pool_client.a: callback_urls must be a list, not a string\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.txt")
			if err := os.WriteFile(path, []byte(tt.input), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", path}, strings.NewReader(""), &stdout, &stderr)
			if code != 2 {
				t.Errorf("exit status = %d, want 2", code)
			}
			got := strings.ReplaceAll(stderr.String(), path, "in.txt")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("standard error mismatch (-want +got):\n%s", diff)
			}
			if stdout.Len() != 0 {
				t.Errorf("standard output = %q, want nothing", stdout.String())
			}
		})
	}
}

// TestDuplicateKeys checks the status and output of templates with a key
// written twice: outside the app clients it is CloudFormation's business
// (the last wins) and the clients are checked; inside a client that client
// is an input error, and the file's other clients are still checked.
func TestDuplicateKeys(t *testing.T) {
	const client = "    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: web\n      CallbackURLs: [http://a.example.com/]\n"
	const httpError = `CallbackURLs[0]: "http://a.example.com/" cannot use http`
	tests := []struct {
		name       string
		input      string
		wantStatus int
		wantStderr string
		checked    []string // the clients with the http error on standard output
	}{
		{"no duplicate", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: a\n  C:\n" + client, 1, "", []string{"C"}},
		{"duplicate in another resource", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: a\n      BucketName: b\n  C:\n" + client, 1, "", []string{"C"}},
		{"duplicate in another JSON resource", `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Type": "AWS::SNS::Topic"}, "C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "us-east-1_AbC123xyz", "CallbackURLs": ["http://a.example.com/"]}}}}`, 1, "", []string{"C"}},
		{"duplicate in one of two clients", "Resources:\n  C:\n" + client + "      ClientName: api\n  D:\n" + client, 2,
			"in.txt:8:7: C: duplicate key \"ClientName\" (also at line 6): only the last one is used; keep one\n", []string{"D"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.txt")
			if err := os.WriteFile(path, []byte(tt.input), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", path}, strings.NewReader(""), &stdout, &stderr)
			if code != tt.wantStatus {
				t.Errorf("exit status = %d, want %d", code, tt.wantStatus)
			}
			if diff := cmp.Diff(tt.wantStderr, strings.ReplaceAll(stderr.String(), path, "in.txt")); diff != "" {
				t.Errorf("standard error mismatch (-want +got):\n%s", diff)
			}
			var checked []string
			for _, line := range strings.Split(stdout.String(), "\n") {
				if strings.Contains(line, httpError) {
					_, rest, _ := strings.Cut(strings.TrimPrefix(line, path+":"), ": ")
					res, _, _ := strings.Cut(rest, ": ")
					checked = append(checked, res)
				}
			}
			if diff := cmp.Diff(tt.checked, checked); diff != "" {
				t.Errorf("checked clients mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUsage checks the command line itself.
func TestUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantStderr string // prefix
		wantStdout string // prefix
	}{
		{"no arguments", nil, 2, "appclient checks", ""},
		{"help", []string{"-h"}, 0, "", "appclient checks"},
		{"validate help", []string{"validate", "-h"}, 0, "", "appclient checks"},
		{"unknown command", []string{"lint"}, 2, "appclient: unknown command \"lint\"", ""},
		{"no files", []string{"validate"}, 2, "appclient validate: no files", ""},
		{"bad format", []string{"validate", "-format", "xml", "x.json"}, 2, "appclient validate: unknown format \"xml\"", ""},
		{"bad flag", []string{"validate", "-bogus", "x.json"}, 2, "appclient validate: flag provided but not defined: -bogus", ""},
		{"warnings only", []string{"validate", "testdata/request/m2m-client.json"}, 0, "", "testdata/request/m2m-client.json:1: PreventUserExistenceErrors: warning: "},
		{"warnings only, strict", []string{"validate", "-strict", "testdata/request/m2m-client.json"}, 1, "", "testdata/request/m2m-client.json:1: PreventUserExistenceErrors: warning: "},
		{"strict after the file", []string{"validate", "testdata/request/m2m-client.json", "-strict", "-format", "json"}, 1, "", "{\n  \"version\": 1,"},
		{"missing file", []string{"validate", "testdata/nonexistent.json"}, 2, "testdata/nonexistent.json: no such file or directory\n", ""},
		{"flag after file", []string{"validate", "testdata/request/m2m-client.json", "-format", "json"}, 0, "", "{\n  \"version\": 1,"},
		{"file after --", []string{"validate", "--", "-format"}, 2, "-format: no such file or directory\n", ""},
		{"stdin twice", []string{"validate", "-", "-"}, 2, "<stdin>: empty input\n<stdin>: standard input given twice\n", ""},
		{"version", []string{"version"}, 0, "", "appclient " + version() + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.wantStatus {
				t.Errorf("exit status = %d, want %d (stderr %q)", code, tt.wantStatus, stderr.String())
			}
			if !strings.HasPrefix(stderr.String(), tt.wantStderr) || (tt.wantStderr == "" && stderr.Len() != 0) {
				t.Errorf("standard error = %q, want it to start with %q", stderr.String(), tt.wantStderr)
			}
			if !strings.HasPrefix(stdout.String(), tt.wantStdout) || (tt.wantStdout == "" && stdout.Len() != 0) {
				t.Errorf("standard output = %q, want it to start with %q", stdout.String(), tt.wantStdout)
			}
		})
	}
}

// TestLargeInput checks that a 50 MB file is refused after reading at most
// the limit, from a file and from standard input, without holding the file
// in memory.
func TestLargeInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat(`"https://a.example.com/", `, 4096))
	if _, err := f.WriteString(`{"CallbackURLs": [`); err != nil {
		t.Fatal(err)
	}
	for written := 0; written < 50<<20; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("file", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		alloc := allocated(func() {
			if code := run([]string{"validate", path}, strings.NewReader(""), &stdout, &stderr); code != 2 {
				t.Errorf("exit status = %d, want 2", code)
			}
		})
		if want := path + ": larger than 10 MiB\n"; stderr.String() != want {
			t.Errorf("standard error = %q, want %q", stderr.String(), want)
		}
		if alloc > 1<<20 {
			t.Errorf("allocated %d bytes to refuse a large file, want under 1 MiB", alloc)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		in, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		var stdout, stderr bytes.Buffer
		alloc := allocated(func() {
			if code := run([]string{"validate", "-"}, in, &stdout, &stderr); code != 2 {
				t.Errorf("exit status = %d, want 2", code)
			}
		})
		if want := "<stdin>: larger than 10 MiB\n"; stderr.String() != want {
			t.Errorf("standard error = %q, want %q", stderr.String(), want)
		}
		// The buffer doubles up to the limit: 64 KiB + ... + 8 MiB + 10 MiB.
		if alloc > 30<<20 {
			t.Errorf("allocated %d bytes to refuse a large input, want under 30 MiB", alloc)
		}
	})
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestBoundedMemory checks the memory the worst inputs of the limit size
// cost: a 10 MiB JSON list of tiny values, and alias bombs.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds large inputs")
	}
	tests := []struct {
		name     string
		input    string
		maxAlloc uint64
	}{
		{"10 MiB of one-digit values", "[" + strings.Repeat("1,", (iac.MaxFileSize-3)/2) + "1]", 300 << 20},
		{"1 MiB of YAML list entries", "Resources:\n" + strings.Repeat("- 1\n", (iac.MaxYAMLSize-11)/4), 150 << 20},
		{"1 MiB of a YAML flow list", "Resources: [" + strings.Repeat("1,", (iac.MaxYAMLSize-13)/2) + "1]", 250 << 20},
		{"alias bomb", aliasBomb() + "Resources: {}\n", 300 << 20},
		{"alias bomb in a client", aliasBombInTemplate(), 300 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res *fileResult
			alloc := allocated(func() { res = analyze("in", []byte(tt.input)) })
			if len(res.Errors) == 0 {
				t.Errorf("no input error")
			}
			t.Logf("%d input bytes, %d MiB allocated", len(tt.input), alloc>>20)
			if alloc > tt.maxAlloc {
				t.Errorf("allocated %d MiB, want at most %d MiB", alloc>>20, tt.maxAlloc>>20)
			}
		})
	}
}
