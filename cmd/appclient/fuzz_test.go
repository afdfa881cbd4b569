package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// analyzeBudget is the time FuzzAnalyze allows one input, read twice, under
// the fuzzer's instrumentation on a loaded machine.
const analyzeBudget = 5 * time.Second

// FuzzAnalyze feeds arbitrary bytes to input detection, the JSON, YAML and
// HCL readers and every input kind: each input is read once as a file of
// unknown kind, once as a Terraform .tf file and once as a .tf.json file. Properties: it never
// panics, a file is either read (a kind) or reported (an error), every
// reported position is inside the file, and it ends within analyzeBudget.
func FuzzAnalyze(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*/*.*")
	more, _ := filepath.Glob("../../iac/testdata/*/*.*")
	paths = append(paths, more...)
	for _, p := range paths {
		if filepath.Base(filepath.Dir(p)) == "golden" {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "{", "[", "{}", `{"Resources": {}}`, "Resources:\n  A: !Ref B\n",
		"Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      CallbackURLs: [!Ref A, *x]\n",
		"a: &a [*a]\n", "Resources: {C: {Type: AWS::Cognito::UserPoolClient, Properties: {<<: {ClientName: x}}}}",
		`{"format_version":"1.2","terraform_version":"1","resource_changes":[{"type":"aws_cognito_user_pool_client","change":{"actions":["create"],"after":{"callback_urls":[null]},"after_unknown":{"callback_urls":[true]}}}]}`,
		"\"\\ud800\"", "{\"a\":\"\\u00e9\\ud83d\\ude00\"}",
		"service: s\nprovider: {name: aws}\nresources:\n  Resources:\n    C:\n      Type: AWS::Cognito::UserPoolClient\n      Properties: {GenerateSecret: ${self:x}, CallbackURLs: [${opt:a, 'b'}]}\n",
		"service: s\nresources: [${file(x.yml)}, {Resources: {}}]\n",
		"resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"${var.a}\"\n  callback_urls = [for x in local.l : x]\n  dynamic \"token_validity_units\" {\n    for_each = [1]\n  }\n}\n",
		"variable \"a\" {\n  default = \"x\"\n}\nlocals {\n  b = \"${var.a}${local.b}\"\n}\n",
		"Parameters: {P: {Default: a}}\nConditions: {A: !Not [!Condition B], B: !Or [!Condition A, !Equals [!Ref P, a]]}\nResources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Condition: A\n    Properties: {GenerateSecret: !Ref P}\n",
		"Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {ClientName: ${self:custom.x}, CallbackURLs: [\"${sls:stage}\"]}\n",
		"variable \"on\" {\n  default = false\n}\nresource \"aws_cognito_user_pool_client\" \"c\" {\n  count = var.on ? 1 : 0\n  for_each = var.on ? {} : {a = 1}\n  generate_secret = var.on\n}\n",
		`{"UserPoolClient": {"ClientSecret": "s3cr3tvalue", "ClientId": 1, "CallbackURLs": ["http://a"]}}`,
		`{"UserPoolId": "us-east-1_AbC123xyz", "ClientId": "c", "AllowedOAuthFlows": ["client_credentials"]}`,
		"{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":[{\"type\":\"aws_cognito_user_pool_client\",\"values\":{\"callback_urls\":[1]}}]}}}",
		"B: &b {ClientName: a, ClientName: b}\nResources:\n  C: {Type: AWS::S3::Bucket, Type: x}\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {<<: [*b, *b], UserPoolId: u, UserPoolId: v}\n",
		`{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient"}, "C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"ClientName": "a", "ClientName": "b"}}}}`,
		`{"UserPoolId": "u", "TokenValidityUnits": {"IdToken": "hours", "IdToken": "days"}, "TokenValidityUnits": {}}`,
		"resource \"aws_cognito_managed_user_pool_client\" \"m\" {\n  name_prefix = \"x\"\n  user_pool_id = \"u\"\n  callback_urls = toset([])\n  default_redirect_uri = \"\"\n}\n",
		"resource \"aws_cognito_user_pool_domain\" \"d\" {\n  user_pool_id = aws_cognito_user_pool.p.id\n  managed_login_version = 2\n}\nresource \"aws_cognito_user_pool_client\" \"c\" {\n  user_pool_id = aws_cognito_user_pool.p.id\n  allowed_oauth_flows_user_pool_client = true\n  allowed_oauth_flows = [\"code\"]\n  write_attributes = []\n}\n",
		"Resources:\n  D: {Type: AWS::Cognito::UserPoolDomain, Properties: {UserPoolId: !Ref P, ManagedLoginVersion: 2}}\n  B: {Type: AWS::Cognito::ManagedLoginBranding, Properties: {ClientId: !GetAtt [C, ClientId]}}\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: !Ref P, ClientName: \"#{AWS::StackName}\", DefaultRedirectURI: {\"Fn::Sub\": \"#{X}/#{\"}}\n",
		"{\"UserPool\": {\"Id\": \"us-east-1_AbC123xyz\"}}\n{\"ResourceServers\": [{\"UserPoolId\": \"x\"}]}\n",
		`{"a\"b": {"UserPool": 1}, "ClientName": "c", "UserPoolId": "u"}`,
		`{"//": {"metadata": {}}, "resource": {"aws_cognito_user_pool_client": {"c": {"//": "appclient-ignore: all", "name": "$${x}", "callback_urls": ["${var.u}"], "token_validity_units": [{"id_token": "hours"}, {}]}}}}`,
		`{"variable": {"u": {"type": "list(string)", "default": ["${x}"]}}, "locals": [{"a": "%{for x in var.u}${x}%{endfor}"}], "module": {"m": {"source": "./m", "for_each": "${toset(var.u)}"}}}`,
		`{"resource": [{"aws_cognito_user_pool_client": {"c": [{"count": 2, "dynamic": {"analytics_configuration": {"for_each": [1], "iterator": "it", "content": {"role_arn": "${it.value}"}}}}]}}], "data": {"x": {"y": {"a": {"b": 1}}}}}`,
		"{\"locals\": {\"x\": \"a\\n\\n${var.\"}, \"resource\": \"x\", \"\\u0000\": null}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Terminates within budget: every reader and evaluator is bounded,
		// so no input of a fuzzer's size may take long. An input that does
		// fails here, and the fuzzer keeps it.
		start := time.Now()
		check(t, data, analyze("fuzz", data))
		check(t, data, analyze("fuzz.tf", data))
		check(t, data, analyze("fuzz.tf.json", data))
		if d := time.Since(start); d > analyzeBudget {
			t.Fatalf("reading %d bytes took %s, more than %s", len(data), d, analyzeBudget)
		}
	})
}

// check checks the properties of one result of FuzzAnalyze.
func check(t *testing.T, data []byte, res *fileResult) {
	t.Helper()
	if res.Kind == "" && len(res.Errors) == 0 {
		t.Fatalf("neither a kind nor an error for %q", data)
	}
	// YAML also breaks lines at a lone \r.
	// Line breaks as the readers count them: YAML also breaks lines at
	// NEL, U+2028 and U+2029.
	lines := 1 + strings.Count(string(data), "\n") + strings.Count(string(data), "\r") - strings.Count(string(data), "\r\n") +
		strings.Count(string(data), "\u0085") + strings.Count(string(data), "\u2028") + strings.Count(string(data), "\u2029")
	for _, fd := range res.Findings {
		if fd.Pos.Line < 0 || fd.Pos.Line > lines {
			t.Errorf("finding at line %d of a %d-line input", fd.Pos.Line, lines)
		}
	}
	for _, e := range res.Errors {
		if e.Pos.Line < 0 || e.Pos.Line > lines+1 {
			t.Errorf("error at line %d of a %d-line input: %s", e.Pos.Line, lines, e.Message)
		}
	}
}
