package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// secretInTestdata is the ClientSecret of testdata/diff/described*.json: it
// must never be printed.
const secretInTestdata = "examplesecret0123456789abcdefghijklmnopqrstuvwxyz"

// runCmd runs the command in-process.
func runCmd(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestDiffCommand(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	tests := []struct {
		name       string
		stdin      string
		args       []string
		code       int
		stdout     string
		stderrHas  []string
		stderrNone bool
	}{{
		name:       "same meaning: request and described client",
		args:       []string{"diff", "testdata/diff/desired.json", "testdata/diff/described.json"},
		code:       0,
		stderrNone: true,
	}, {
		name: "different",
		args: []string{"diff", "testdata/diff/desired.json", "testdata/diff/described-changed.json"},
		code: 1,
		stdout: `AccessTokenValidity: desired 1 hour, actual 30 minutes; update sends AccessTokenValidity=60, TokenValidityUnits.AccessToken="minutes"
CallbackURLs: only desired has ["https://staging.orders.example.com/auth/callback"]; only actual has ["http://localhost:3000/auth/callback"]; update sends CallbackURLs=["https://orders.example.com/auth/callback", "https://staging.orders.example.com/auth/callback"]
AuthSessionValidity: desired 3, actual 5; update leaves AuthSessionValidity out, which resets it to 3
`,
		stderrNone: true,
	}, {
		name:      "update request: secret and name not compared",
		args:      []string{"diff", "testdata/diff/update.json", "testdata/diff/described-changed.json"},
		code:      1,
		stdout:    "CallbackURLs: only desired has [\"https://staging.orders.example.com/auth/callback\"]; only actual has [\"http://localhost:3000/auth/callback\"]; update sends CallbackURLs=[\"https://orders.example.com/auth/callback\", \"https://staging.orders.example.com/auth/callback\"]\n",
		stderrHas: []string{"the secret is not compared", "the name is not compared"},
	}, {
		name:       "standard input",
		stdin:      read("testdata/diff/described.json"),
		args:       []string{"diff", "testdata/diff/desired.json", "-"},
		code:       0,
		stderrNone: true,
	}, {
		name:      "secret differs",
		stdin:     strings.Replace(read("testdata/diff/described.json"), `"ClientSecret": "`+secretInTestdata+`",`, "", 1),
		args:      []string{"diff", "testdata/diff/desired.json", "-"},
		code:      1,
		stdout:    "GenerateSecret: desired true, actual false\nno update can make actual mean desired: appclient: an update cannot add, remove or change a client secret: the desired configuration has a secret and the client has none (create a new client instead)\n",
		stderrHas: nil,
	}, {
		name:      "unreadable: unknown member in a described client",
		stdin:     "{\n  \"UserPoolClient\": {\n    \"ClientSecret\": \"" + secretInTestdata + "\",\n    \"CallbackUrls\": []\n  }\n}\n",
		args:      []string{"diff", "-", "testdata/diff/desired.json"},
		code:      2,
		stderrHas: []string{`<stdin>:4:5: CallbackUrls: unknown member`, `did you mean "CallbackURLs"?`},
	}, {
		name:      "unreadable: describe output with other members",
		stdin:     `{"UserPoolClient": {}, "ResponseMetadata": {}}`,
		args:      []string{"diff", "-", "testdata/diff/desired.json"},
		code:      2,
		stderrHas: []string{"<stdin>:1:24: ResponseMetadata: unknown member"},
	}, {
		name:      "unreadable: a secret in an update",
		stdin:     `{"UserPoolId": "us-east-1_AbC123xyz", "ClientId": "c", "GenerateSecret": true}`,
		args:      []string{"diff", "-", "testdata/diff/desired.json"},
		code:      2,
		stderrHas: []string{"<stdin>:1:", "GenerateSecret"},
	}, {
		name:      "unreadable: syntax",
		stdin:     `{"UserPoolClient": {"ClientName": "x",}}`,
		args:      []string{"diff", "testdata/diff/desired.json", "-"},
		code:      2,
		stderrHas: []string{"<stdin>:1:"},
	}, {
		name: "a template's client by logical ID, 60 minutes against 1 hour, unknown members",
		args: []string{"diff", "testdata/diff/stack.yaml#OrdersWeb", "testdata/diff/desired.json"},
		code: 1,
		stdout: `CallbackURLs: only actual has ["https://staging.orders.example.com/auth/callback"]; update sends CallbackURLs=["https://orders.example.com/auth/callback"]
DefaultRedirectURI: desired absent, actual "https://orders.example.com/auth/callback"; update leaves DefaultRedirectURI out, which removes it
AllowedOAuthScopes: only actual has ["profile"]; update sends AllowedOAuthScopes=["openid", "email"]
LogoutURLs: unknown in desired until deployment: not compared
UserPoolId: unknown in desired until deployment: not compared
`,
		stderrNone: true,
	}, {
		name: "a file of several clients against one: matched by name",
		args: []string{"diff", "testdata/diff/stack.yaml", "testdata/diff/desired.json"},
		code: 1,
		stdout: `kiosk: only desired has it (testdata/diff/stack.yaml#Kiosk)
orders-web: CallbackURLs: only actual has ["https://staging.orders.example.com/auth/callback"]; update sends CallbackURLs=["https://orders.example.com/auth/callback"]
orders-web: DefaultRedirectURI: desired absent, actual "https://orders.example.com/auth/callback"; update leaves DefaultRedirectURI out, which removes it
orders-web: AllowedOAuthScopes: only actual has ["profile"]; update sends AllowedOAuthScopes=["openid", "email"]
orders-web: LogoutURLs: unknown in desired until deployment: not compared
orders-web: UserPoolId: unknown in desired until deployment: not compared
`,
		stderrNone: true,
	}, {
		name:  "standard input, a client picked by logical ID",
		stdin: read("testdata/diff/stack.yaml"),
		args:  []string{"diff", "--", "-#Kiosk", "testdata/diff/stack.yaml#Kiosk"},
		code:  0,
		stdout: "UserPoolId: unknown in desired until deployment: not compared\n" +
			"UserPoolId: unknown in actual until deployment: not compared\n",
		stderrNone: true,
	}, {
		name:      "unreadable: no such logical ID",
		args:      []string{"diff", "testdata/diff/stack.yaml#Web", "testdata/diff/desired.json"},
		code:      2,
		stderrHas: []string{`testdata/diff/stack.yaml: no app client with the logical ID or address "Web" (it has "OrdersWeb", "Kiosk")`},
	}, {
		name:      "unreadable: a client CloudFormation names cannot be matched by name",
		args:      []string{"diff", "testdata/template.yaml", "testdata/diff/desired.json"},
		code:      2,
		stderrHas: []string{"testdata/template.yaml#MobileClient: cannot be matched by name"},
	}, {
		name:      "usage: live side without a pool",
		args:      []string{"diff", "testdata/diff/desired.json", "live:/orders-web"},
		code:      2,
		stderrHas: []string{"live:/orders-web: want live:POOL_ID/CLIENT"},
	}, {
		name:      "unreadable: missing file",
		args:      []string{"diff", "testdata/diff/desired.json", "testdata/diff/no-such-file.json"},
		code:      2,
		stderrHas: []string{"testdata/diff/no-such-file.json: no such file or directory"},
	}, {
		name:      "unreadable: too large",
		stdin:     strings.Repeat(" ", 10<<20+1),
		args:      []string{"diff", "testdata/diff/desired.json", "-"},
		code:      2,
		stderrHas: []string{"<stdin>: larger than 10 MiB"},
	}, {
		name:      "usage: one file",
		args:      []string{"diff", "testdata/diff/desired.json"},
		code:      2,
		stderrHas: []string{"want 2 files"},
	}, {
		name:      "usage: stdin twice",
		args:      []string{"diff", "-", "-"},
		code:      2,
		stderrHas: []string{"standard input given twice"},
	}, {
		name:      "usage: format",
		args:      []string{"diff", "-format", "sarif", "a", "b"},
		code:      2,
		stderrHas: []string{`unknown format "sarif"`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if tt.code != 2 {
				if diff := cmp.Diff(tt.stdout, stdout); diff != "" {
					t.Errorf("stdout mismatch (-want +got):\n%s", diff)
				}
			}
			if tt.stderrNone && stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr %q does not contain %q", stderr, s)
				}
			}
			if strings.Contains(stdout+stderr, secretInTestdata) {
				t.Errorf("the output shows the secret:\n%s%s", stdout, stderr)
			}
		})
	}
}

func TestDiffCommandJSON(t *testing.T) {
	code, stdout, _ := runCmd("", "diff", "testdata/diff/desired.json", "testdata/diff/described-changed.json", "-format", "json")
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	var got jsonDiff
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output is not the documented JSON: %v\n%s", err, stdout)
	}
	want := jsonDiff{
		Version: 1,
		Desired: jsonSide{File: "testdata/diff/desired.json", Kind: "request"},
		Actual:  jsonSide{File: "testdata/diff/described-changed.json", Kind: "described"},
		Changes: []jsonChange{
			{Field: "AccessTokenValidity", Desired: "1h0m0s", Actual: "30m0s",
				Update: &jsonUpdate{Sends: map[string]any{"AccessTokenValidity": 60.0, "TokenValidityUnits.AccessToken": "minutes"}}},
			{Field: "CallbackURLs",
				Desired: []any{"https://orders.example.com/auth/callback", "https://staging.orders.example.com/auth/callback"},
				Actual:  []any{"http://localhost:3000/auth/callback", "https://orders.example.com/auth/callback"},
				Update:  &jsonUpdate{Sends: map[string]any{"CallbackURLs": []any{"https://orders.example.com/auth/callback", "https://staging.orders.example.com/auth/callback"}}}},
			{Field: "AuthSessionValidity", Desired: 3.0, Actual: 5.0, Update: &jsonUpdate{Sends: map[string]any{}, Resets: true}},
		},
		Unknown: []jsonUnknown{},
		Notes:   []string{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("json output mismatch (-want +got):\n%s", diff)
	}

	code, stdout, _ = runCmd("", "diff", "-format", "json", "testdata/diff/desired.json", "testdata/diff/described.json")
	if code != 0 || !strings.Contains(stdout, `"same": true`) || !strings.Contains(stdout, `"changes": []`) {
		t.Errorf("same meaning: exit status %d, output\n%s", code, stdout)
	}
	if strings.Contains(stdout, secretInTestdata) {
		t.Error("the json output shows the secret")
	}
}

// TestValidateAPIInputs: validate recognises update requests and described
// clients, and points at the offending lines.
func TestValidateAPIInputs(t *testing.T) {
	code, stdout, stderr := runCmd("", "validate", "testdata/diff/update-invalid.json", "testdata/diff/described.json", "testdata/diff/update.json")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (stderr %q)", code, stderr)
	}
	// Findings come in line order, as for every other kind of input.
	want := `testdata/diff/update-invalid.json:1: PreventUserExistenceErrors: warning: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors)
testdata/diff/update-invalid.json:1: ExplicitAuthFlows: warning: is left to its default, which allows user sign-in, on a client_credentials client: set it to [ALLOW_REFRESH_TOKEN_AUTH] (machine-client-user-flows)
testdata/diff/update-invalid.json:5: CallbackURLs[0]: "http://app.example.com/callback" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
testdata/diff/update-invalid.json:11: AllowedOAuthScopes[0]: "openid" is not supported with client_credentials (use custom scopes) (InvalidOAuthFlowException)
`
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("validate output mismatch (-want +got):\n%s", diff)
	}

	code, stdout, _ = runCmd("", "validate", "-format", "json", "testdata/diff/described.json", "testdata/diff/update.json")
	if code != 0 {
		t.Errorf("valid inputs: exit status %d, output\n%s", code, stdout)
	}
	for _, kind := range []string{`"kind": "described"`, `"kind": "update"`} {
		if !strings.Contains(stdout, kind) {
			t.Errorf("json output lacks %s:\n%s", kind, stdout)
		}
	}
	if strings.Contains(stdout, secretInTestdata) {
		t.Error("validate's output shows the secret")
	}

	// A described client: findings point into the UserPoolClient object,
	// at list elements and nested members.
	described := "{\"UserPoolClient\": {\n  \"UserPoolId\": \"us-east-1_AbC123xyz\",\n  \"ClientName\": \"c\",\n" +
		"  \"ClientSecret\": \"" + secretInTestdata + "\",\n" +
		"  \"CallbackURLs\": [\"https://a.example/cb\",\n    \"http://b.example/cb\"],\n" +
		"  \"TokenValidityUnits\": {\"AccessToken\": \"weeks\"}\n}}\n"
	code, stdout, _ = runCmd(described, "validate", "-")
	want = `<stdin>:6: CallbackURLs[1]: "http://b.example/cb" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
`
	if code != 1 || !strings.Contains(stdout, want) || !strings.Contains(stdout, "<stdin>:7: TokenValidityUnits.AccessToken:") {
		t.Errorf("described client: exit status %d, output\n%s\nwant lines 6 and 7", code, stdout)
	}
	if strings.Contains(stdout, secretInTestdata) {
		t.Error("validate's output shows the secret")
	}

	code, _, stderr = runCmd(`{"UserPoolId": "us-east-1_AbC123xyz", "ClientId": "c", "ClientSecret": "x"}`, "validate", "-")
	if code != 2 || !strings.Contains(stderr, "<stdin>:1:") {
		t.Errorf("update with a secret: exit status %d, stderr %q, want 2 with a position", code, stderr)
	}
}
