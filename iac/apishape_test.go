package iac

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
)

// secretInTestdata is the ClientSecret of the described clients in
// ../cmd/appclient/testdata/diff: it must never be kept or shown.
const secretInTestdata = "examplesecret0123456789abcdefghijklmnopqrstuvwxyz"

// apiShapes are the request, update and described inputs the command's
// diff tests use.
const apiShapes = "../cmd/appclient/testdata/diff"

// outcome is what a test compares of a file read: its kind, its input
// errors, and its findings as "LINE: FIELD: RULE".
type outcome struct {
	Kind     Kind
	Errors   []string
	Findings []string
}

// shown is everything of a file read that a caller may print or keep: its
// errors, the findings of its clients, and its clients' requests.
func shown(f *File) string {
	var b strings.Builder
	for _, e := range f.Errors {
		b.WriteString(e.Error() + "\n")
	}
	for _, c := range f.Clients {
		for _, e := range c.Errors {
			b.WriteString(e.Error() + "\n")
		}
		for _, fd := range Check(c) {
			fmt.Fprintf(&b, "%+v\n", fd)
		}
		b.WriteString(fmt.Sprint(c.Request.ClientName, c.Request.ClientSecret, c.Positions, c.Unknown) + "\n")
		if data, err := json.Marshal(c.Request); err == nil {
			b.Write(data)
		}
		if c.Update != nil {
			if data, err := json.Marshal(c.Update); err == nil {
				b.Write(data)
			}
		}
	}
	return b.String()
}

func outcomeOf(f *File) outcome {
	out := outcome{Kind: f.Kind, Errors: inputErrors(f)}
	for _, c := range f.Clients {
		for _, fd := range Check(c) {
			if fd.Severity != appclient.SeverityError {
				continue // advisories have tests of their own
			}
			out.Findings = append(out.Findings, fmt.Sprintf("%d: %s: %s", fd.Pos.Line, fd.Field, fd.Rule))
		}
	}
	return out
}

// TestAPIShapes reads update requests and described clients: each is
// recognised, read strictly, checked by its own rules, and its findings
// and errors point at the member they are about.
func TestAPIShapes(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(apiShapes, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	described := read("described.json")
	tests := []struct {
		name string
		in   string
		want outcome
	}{
		{"create request", read("desired.json"), outcome{Kind: KindRequest}},
		{"update request", read("update.json"), outcome{Kind: KindUpdate}},
		{"invalid update: rules in Validate's order, client credentials without a secret not decided",
			read("update-invalid.json"), outcome{Kind: KindUpdate, Findings: []string{
				"11: AllowedOAuthScopes[0]: client-credentials-reserved-scope",
				"5: CallbackURLs[0]: redirect-https",
			}}},
		{"update without ClientName or UserPoolId",
			`{"ClientId": "1example23456789", "AccessTokenValidity": 0}`,
			outcome{Kind: KindUpdate, Findings: []string{"1: UserPoolId: required", "1: AccessTokenValidity: range"}}},
		{"update with an invalid ClientId", "{\"UserPoolId\": \"us-east-1_AbC123xyz\",\n \"ClientId\": \"\"}",
			outcome{Kind: KindUpdate, Findings: []string{"2: ClientId: required"}}},
		{"update with a secret", "{\"UserPoolId\": \"us-east-1_AbC123xyz\", \"ClientId\": \"c\",\n  \"ClientSecret\": \"x\"}",
			outcome{Kind: KindUpdate, Errors: []string{"in.json:2:3: ClientSecret: an update cannot add, remove or change the client secret (only CreateUserPoolClient takes ClientSecret)"}}},
		{"update with a near miss", "{\"UserPoolId\": \"us-east-1_AbC123xyz\", \"ClientId\": \"c\",\n  \"callbackURLs\": []}",
			outcome{Kind: KindUpdate, Errors: []string{`in.json:2:3: callbackURLs: unknown member (names are case-sensitive: did you mean "CallbackURLs"?)`}}},
		{"update with a wrong type", "{\"UserPoolId\": \"us-east-1_AbC123xyz\", \"ClientId\": \"c\",\n  \"AuthSessionValidity\": \"3\"}",
			outcome{Kind: KindUpdate, Errors: []string{"in.json:2:26: AuthSessionValidity: want an integer, got string"}}},
		{"described client", described, outcome{Kind: KindDescribed}},
		{"described client with findings at lists and nested members",
			"{\"UserPoolClient\": {\n  \"UserPoolId\": \"us-east-1_AbC123xyz\",\n  \"ClientName\": \"c\",\n" +
				"  \"ClientSecret\": \"" + secretInTestdata + "\",\n" +
				"  \"CallbackURLs\": [\"https://a.example/cb\",\n    \"http://b.example/cb\"],\n" +
				"  \"TokenValidityUnits\": {\"AccessToken\": \"weeks\"}\n}}\n",
			outcome{Kind: KindDescribed, Findings: []string{"7: TokenValidityUnits.AccessToken: enum", "6: CallbackURLs[1]: redirect-https"}}},
		{"described client with client credentials and a secret",
			`{"UserPoolClient": {"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "m2m", "ClientSecret": "s", "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"], "AllowedOAuthScopes": ["api/read"]}}`,
			outcome{Kind: KindDescribed}},
		{"described client with client credentials and no secret",
			`{"UserPoolClient": {"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "m2m", "ClientSecret": null, "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"], "AllowedOAuthScopes": ["api/read"]}}`,
			outcome{Kind: KindDescribed, Findings: []string{"1: AllowedOAuthFlows[0]: client-credentials-needs-secret"}}},
		{"described client with an unknown member after the secret",
			"{\n  \"UserPoolClient\": {\n    \"ClientSecret\": \"" + secretInTestdata + "\",\n    \"CallbackUrls\": []\n  }\n}\n",
			outcome{Kind: KindDescribed, Errors: []string{`in.json:4:5: CallbackUrls: unknown member (names are case-sensitive: did you mean "CallbackURLs"?)`}}},
		{"described client with a wrong type between describe-only members",
			"{\"UserPoolClient\": {\"ClientId\": \"x\",\n  \"AccessTokenValidity\": 1.5,\n  \"CreationDate\": 1.7e9}}",
			outcome{Kind: KindDescribed, Errors: []string{"in.json:2:26: AccessTokenValidity: want an integer, got 1.5"}}},
		{"describe output with other members", `{"UserPoolClient": {}, "ResponseMetadata": {}}`,
			outcome{Kind: KindDescribed, Errors: []string{"in.json:1:24: ResponseMetadata: unknown member (describe-user-pool-client output has only UserPoolClient)"}}},
		{"described client that is not an object", "{\"UserPoolClient\":\n  null}",
			outcome{Kind: KindDescribed, Errors: []string{"in.json:2:3: UserPoolClient must be an object, not null"}}},
		{"described client with a duplicate member", "{\"UserPoolClient\": {\"ClientSecret\": \"a\",\n \"ClientSecret\": \"b\"}}",
			outcome{Errors: []string{`in.json:2:2: duplicate member "ClientSecret" (first at line 1)`}}},
		{"described client with a syntax error", `{"UserPoolClient": {"ClientName": "x",}}`,
			outcome{Errors: []string{"in.json:1:39: unexpected character '}', expected a member name"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes("in.json", []byte(tt.in))
			if diff := cmp.Diff(tt.want, outcomeOf(f)); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			if s := shown(f); strings.Contains(s, secretInTestdata) {
				t.Errorf("the file read holds the secret: %s", s)
			}
			for _, c := range f.Clients {
				if c.Request.ClientSecret != nil {
					t.Errorf("ClientSecret = %q, want nil", *c.Request.ClientSecret)
				}
			}
		})
	}
}

// TestAPIShapeRequests checks the requests read from an update and a
// described client: an update keeps its request in Update and gives its
// configuration in Request; a described client's secret becomes
// GenerateSecret.
func TestAPIShapeRequests(t *testing.T) {
	for _, name := range []string{"update.json", "described.json", "desired.json"} {
		t.Run(name, func(t *testing.T) {
			f, err := ReadFile(filepath.Join(apiShapes, name))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Clients) != 1 || len(f.Clients[0].Errors) > 0 {
				t.Fatalf("clients %+v", f.Clients)
			}
			c := f.Clients[0]
			switch f.Kind {
			case KindUpdate:
				data, err := os.ReadFile(filepath.Join(apiShapes, name))
				if err != nil {
					t.Fatal(err)
				}
				want, err := appclient.DecodeUpdateRequest(strings.NewReader(string(data)))
				if err != nil {
					t.Fatal(err)
				}
				if c.Update == nil {
					t.Fatal("Update is nil")
				}
				if diff := cmp.Diff(want, *c.Update); diff != "" {
					t.Errorf("Update mismatch (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(want.Configuration(), c.Request); diff != "" {
					t.Errorf("Request mismatch (-want +got):\n%s", diff)
				}
			case KindDescribed:
				if c.Update != nil || !c.Request.GenerateSecret || c.Request.ClientSecret != nil {
					t.Errorf("Update %v, GenerateSecret %v, ClientSecret %v; want nil, true, nil", c.Update, c.Request.GenerateSecret, c.Request.ClientSecret)
				}
				// The desired configuration the diff tests compare it with.
				desired, err := ReadFile(filepath.Join(apiShapes, "desired.json"))
				if err != nil {
					t.Fatal(err)
				}
				if changes := appclient.Diff(desired.Clients[0].Request, c.Request); len(changes) != 0 {
					t.Errorf("Diff(desired, described) = %+v, want none", changes)
				}
				if got, want := c.PositionOf("AllowedOAuthScopes[2]"), (Position{Line: 39, Column: 13}); got != want {
					t.Errorf("position of AllowedOAuthScopes[2] = %+v, want %+v", got, want)
				}
			case KindRequest:
				if c.Update != nil {
					t.Error("a create request has an Update")
				}
			default:
				t.Errorf("kind %q", f.Kind)
			}
		})
	}
}

// TestWalkAPIShapes checks that a directory walk reads update requests
// and described clients: they define clients too.
func TestWalkAPIShapes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"clients/update.json":    `{"UserPoolId": "us-east-1_AbC123xyz", "ClientId": "1example23456789", "CallbackURLs": ["http://a.example.com/"]}`,
		"clients/described.json": `{"UserPoolClient": {"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "c", "ClientSecret": "s"}}`,
		"clients/other.json":     `{"ClientIds": ["a"]}`,
	})
	var got []outcome
	err := Walk(dir, func(f *File) error {
		got = append(got, outcomeOf(f))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []outcome{{Kind: KindDescribed}, {Kind: KindUpdate, Findings: []string{"1: CallbackURLs[0]: redirect-https"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}
}

// TestSplice checks the way back from offsets of a spliced object.
func TestSplice(t *testing.T) {
	src := []byte(`{"a": 1, "b": 2, "c": 3}`)
	s := &splice{data: []byte{'{'}}
	s.add(src, 1, 7)   // "a": 1
	s.add(src, 17, 23) // "c": 3
	s.data = append(s.data, '}')
	if got, want := string(s.data), `{"a": 1,"c": 3}`; got != want {
		t.Fatalf("data = %q, want %q", got, want)
	}
	for off, want := range []int{0, 1, 2, 3, 4, 5, 6, 7, 17, 18, 19, 20, 21, 22, 23} {
		if got := s.source(off); got != want {
			t.Errorf("source(%d) = %d, want %d", off, got, want)
		}
	}
}

// FuzzAPIShapes feeds arbitrary bytes, seeded with requests, updates and
// described clients, to ReadBytes. Properties: it never panics; every
// error is inside the input; an update's Update and Request agree; and a
// described client's secret is never kept or shown.
func FuzzAPIShapes(f *testing.F) {
	for _, name := range []string{"desired.json", "described.json", "described-changed.json", "update.json", "update-invalid.json"} {
		data, err := os.ReadFile(filepath.Join(apiShapes, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"UserPoolClient": {"ClientSecret": "s3cr3tvalue", "ClientId": "x",}}`))
	f.Add([]byte(`{"UserPoolClient": {"ClientName": "a", "ClientSecret": "s3cr3tvalue"}}`))
	f.Add([]byte(`{"UserPoolClient": {"ClientSecret": "s3cr3tvalue", "ClientName": 1}}`))
	f.Add([]byte(`{"UserPoolClient": null}`))
	f.Add([]byte(`{"ClientId": 1, "UserPoolClient": {}}`))
	f.Add([]byte(`{"ClientId": "c", "ClientName": null, "GenerateSecret": false}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := ReadBytes("in.json", data)
		// Line breaks as the readers count them: YAML also breaks lines at
		// NEL, U+2028 and U+2029.
		lines := 1 + strings.Count(string(data), "\n") + strings.Count(string(data), "\r") - strings.Count(string(data), "\r\n") +
			strings.Count(string(data), "\u0085") + strings.Count(string(data), "\u2028") + strings.Count(string(data), "\u2029")
		var errs []*Error
		errs = append(errs, file.Errors...)
		for _, c := range file.Clients {
			errs = append(errs, c.Errors...)
			if c.Update != nil {
				if file.Kind != KindUpdate || len(c.Errors) > 0 {
					t.Fatalf("Update set on a %q file with errors %v", file.Kind, c.Errors)
				}
				if diff := cmp.Diff(c.Update.Configuration(), c.Request); diff != "" {
					t.Fatalf("Request is not the update's configuration (-want +got):\n%s", diff)
				}
			}
			Check(c)
		}
		for _, e := range errs {
			if e.Pos.Line < 0 || e.Pos.Line > lines+1 {
				t.Errorf("error at line %d of a %d-line input: %s", e.Pos.Line, lines, e.Message)
			}
		}
		if file.Kind != KindDescribed {
			return
		}
		// The secret as the tree reader reads it, when it is long enough
		// not to appear by chance.
		root, err := tree.ParseJSON(data)
		if err != nil {
			t.Fatalf("a described client whose JSON does not parse: %v", err)
		}
		secret := root.Get("UserPoolClient").Get("ClientSecret")
		for _, c := range file.Clients {
			if c.Request.ClientSecret != nil {
				t.Fatal("a described client's secret was read into the request")
			}
		}
		if secret != nil && len(secret.Str) >= 8 && strings.Contains(shown(file), secret.Str) {
			t.Fatalf("the file read shows the secret %q", secret.Str)
		}
	})
}
