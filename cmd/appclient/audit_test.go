//go:build linux

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
	"github.com/cognitokit/appclient/internal/motoserver"
)

// awsEnv makes the default AWS configuration chain of this process read only
// what the test gives it: fixed credentials, no region unless region is
// set, empty shared files, no instance metadata. It returns the directory of
// the shared files.
func awsEnv(t *testing.T, region string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"config", "credentials"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":                          "local",
		"AWS_SECRET_ACCESS_KEY":                      "local",
		"AWS_SESSION_TOKEN":                          "",
		"AWS_REGION":                                 region,
		"AWS_DEFAULT_REGION":                         "",
		"AWS_PROFILE":                                "",
		"AWS_DEFAULT_PROFILE":                        "",
		"AWS_CONFIG_FILE":                            filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE":                filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED":                  "true",
		"AWS_ENDPOINT_URL":                           "",
		"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "",
		"AWS_RETRY_MODE":                             "",
		"AWS_MAX_ATTEMPTS":                           "",
	} {
		t.Setenv(k, v)
	}
	return dir
}

// motoClient is an SDK client of moto at url, for the test's own set-up.
func motoClient(url string) *cip.Client {
	return cip.New(cip.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "local", SecretAccessKey: "local"}, nil
		}),
	})
}

// liveFixture is what motoFixture creates.
type liveFixture struct {
	url                 string
	api                 *cip.Client
	orders, empty, warn string // user pool IDs
	webID, adminID      string // client IDs in orders
	kioskID             string // the client ID in warn
	secret              string // admin's secret
}

// motoFixture starts moto and creates: a pool "orders" with a resource server
// and an identity provider, a good client orders-web and a bad one,
// legacy-admin, with a secret; an empty pool; and a pool whose one client
// has only warnings.
func motoFixture(t *testing.T) liveFixture {
	t.Helper()
	url := motoserver.Start(t)
	api := motoClient(url)
	ctx := context.Background()
	f := liveFixture{url: url, api: api}
	pool := func(name string) string {
		out, err := api.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String(name)})
		if err != nil {
			t.Fatalf("CreateUserPool: %v", err)
		}
		return aws.ToString(out.UserPool.Id)
	}
	f.orders = pool("orders")
	if _, err := api.CreateResourceServer(ctx, &cip.CreateResourceServerInput{
		UserPoolId: aws.String(f.orders), Identifier: aws.String("https://api.example.com"), Name: aws.String("orders API"),
		Scopes: []types.ResourceServerScopeType{{ScopeName: aws.String("orders.read"), ScopeDescription: aws.String("read")}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.CreateIdentityProvider(ctx, &cip.CreateIdentityProviderInput{
		UserPoolId: aws.String(f.orders), ProviderName: aws.String("CorpOIDC"), ProviderType: types.IdentityProviderTypeTypeOidc,
		ProviderDetails: map[string]string{"client_id": "c", "client_secret": "s", "authorize_scopes": "openid", "oidc_issuer": "https://idp.example.com", "attributes_request_method": "GET"},
	}); err != nil {
		t.Fatal(err)
	}
	create := func(r appclient.CreateUserPoolClientRequest) *types.UserPoolClientType {
		t.Helper()
		out, err := api.CreateUserPoolClient(ctx, awssdk.ToCreateInput(&r))
		if err != nil {
			t.Fatalf("CreateUserPoolClient: %v", err)
		}
		return out.UserPoolClient
	}
	web := create(appclient.CreateUserPoolClientRequest{
		UserPoolID: f.orders, ClientName: "orders-web",
		ExplicitAuthFlows:               []appclient.ExplicitAuthFlow{appclient.ExplicitAuthFlowAllowUserSRPAuth, appclient.ExplicitAuthFlowAllowRefreshTokenAuth},
		SupportedIdentityProviders:      []string{"COGNITO", "CorpOIDC"},
		CallbackURLs:                    []string{"https://orders.example.com/cb"},
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
		AllowedOAuthScopes:              []string{"openid", "https://api.example.com/orders.read"},
		AllowedOAuthFlowsUserPoolClient: true,
		PreventUserExistenceErrors:      appclient.UserExistenceErrorsEnabled,
		EnableTokenRevocation:           aws.Bool(true),
		AccessTokenValidity:             aws.Int32(60),
		TokenValidityUnits:              &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitMinutes},
	})
	admin := create(appclient.CreateUserPoolClientRequest{
		UserPoolID: f.orders, ClientName: "legacy-admin", GenerateSecret: true,
		CallbackURLs:                    []string{"http://admin.example.com/cb"},
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
		AllowedOAuthScopes:              []string{"https://api.example.com/orders.delete"},
		AllowedOAuthFlowsUserPoolClient: true,
		PreventUserExistenceErrors:      appclient.UserExistenceErrorsEnabled,
		EnableTokenRevocation:           aws.Bool(true),
	})
	f.webID, f.adminID, f.secret = aws.ToString(web.ClientId), aws.ToString(admin.ClientId), aws.ToString(admin.ClientSecret)
	if f.secret == "" {
		t.Fatal("moto gave legacy-admin no secret")
	}
	f.empty = pool("empty")
	f.warn = pool("warn")
	f.kioskID = aws.ToString(create(appclient.CreateUserPoolClientRequest{UserPoolID: f.warn, ClientName: "kiosk", EnableTokenRevocation: aws.Bool(true)}).ClientId)
	return f
}

func TestAuditCommand(t *testing.T) {
	f := motoFixture(t)
	awsEnv(t, "us-east-1")
	base := []string{"audit", "-endpoint-url", f.url}
	admin := fmt.Sprintf("%s: legacy-admin (%s): ", f.orders, f.adminID)
	update := "; Cognito would reject an update that keeps this configuration"

	t.Run("text", func(t *testing.T) {
		code, stdout, stderr := runCmd("", base...)
		if code != 1 {
			t.Errorf("exit status %d, want 1; stderr:\n%s", code, stderr)
		}
		for _, want := range []string{
			admin + `CallbackURLs[0]: "http://admin.example.com/cb" cannot use http (only localhost, 127.0.0.1 and [::1] may)` + update + " (InvalidParameterException)\n",
			admin + `AllowedOAuthScopes[0]: "https://api.example.com/orders.delete" names scope "orders.delete", which resource server "https://api.example.com" does not have (it has "orders.read")` + update + " (ScopeDoesNotExistException)\n",
			fmt.Sprintf("%s: kiosk (", f.warn),
		} {
			if !strings.Contains(stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, stdout)
			}
		}
		if strings.Contains(stdout, "orders-web") {
			t.Errorf("stdout names the good client:\n%s", stdout)
		}
		if stderr != "" {
			t.Errorf("stderr:\n%s", stderr)
		}
		if strings.Contains(stdout+stderr, f.secret) {
			t.Error("the client secret is printed")
		}
	})

	t.Run("json", func(t *testing.T) {
		code, stdout, stderr := runCmd("", append(base, "-format", "json")...)
		if code != 1 {
			t.Errorf("exit status %d, want 1; stderr:\n%s", code, stderr)
		}
		if strings.Contains(stdout+stderr, f.secret) {
			t.Error("the client secret is printed")
		}
		var rep jsonReport
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatalf("%v:\n%s", err, stdout)
		}
		type poolClients struct {
			File, Kind string
			Clients    []string
		}
		var got []poolClients
		for _, fl := range rep.Files {
			pc := poolClients{File: fl.File, Kind: fl.Kind, Clients: []string{}}
			for _, c := range fl.Clients {
				pc.Clients = append(pc.Clients, c.Resource)
			}
			got = append(got, pc)
		}
		want := []poolClients{
			{f.orders, "user-pool", []string{"legacy-admin (" + f.adminID + ")", "orders-web (" + f.webID + ")"}},
			{f.empty, "user-pool", []string{}},
			{f.warn, "user-pool", []string{"kiosk (" + f.kioskID + ")"}},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("files mismatch (-want +got):\n%s", diff)
		}
		rules := map[string]string{}
		for _, v := range rep.Violations {
			if v.File != f.orders || v.Resource != "legacy-admin ("+f.adminID+")" {
				continue
			}
			rules[v.Rule] = v.Severity
		}
		for rule, sev := range map[string]string{
			appclient.RuleRedirectHTTPS:     "error",
			appclient.RuleCustomScopeExists: "error",
		} {
			if rules[rule] != sev {
				t.Errorf("legacy-admin: rule %s has severity %q, want %q (all: %v)", rule, rules[rule], sev, rules)
			}
		}
	})

	t.Run("sarif", func(t *testing.T) {
		code, stdout, _ := runCmd("", append(base, "-format", "sarif", "-pool", f.orders)...)
		if code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
		var log sarifLog
		if err := json.Unmarshal([]byte(stdout), &log); err != nil {
			t.Fatalf("%v:\n%s", err, stdout)
		}
		n := 0
		for _, r := range log.Runs[0].Results {
			if r.Locations[0].PhysicalLocation.ArtifactLocation.URI != f.orders {
				t.Errorf("result %q in artifact %q, want %q", r.Message.Text, r.Locations[0].PhysicalLocation.ArtifactLocation.URI, f.orders)
			}
			if r.RuleID == appclient.RuleCustomScopeExists {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d custom-scope-exists results, want 1", n)
		}
	})

	t.Run("warnings only, strict or not", func(t *testing.T) {
		if code, stdout, stderr := runCmd("", append(base, "-pool", f.warn, "-pool", f.empty)...); code != 0 || !strings.Contains(stdout, "warning:") {
			t.Errorf("exit status %d, want 0 with warnings; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		if code, _, _ := runCmd("", append(base, "-pool", f.warn, "-strict")...); code != 1 {
			t.Errorf("-strict: exit status %d, want 1", code)
		}
	})

	t.Run("a pool that does not exist", func(t *testing.T) {
		code, stdout, stderr := runCmd("", append(base, "-pool", "us-east-1_NoSuchPool", "-pool", f.warn)...)
		if code != 2 || !strings.Contains(stderr, "us-east-1_NoSuchPool: ") || !strings.Contains(stderr, "ResourceNotFoundException") {
			t.Errorf("exit status %d, stderr:\n%s\nwant 2 and the pool's error", code, stderr)
		}
		if !strings.Contains(stdout, "kiosk") {
			t.Errorf("the other pool is not audited:\n%s", stdout)
		}
	})

	t.Run("profile", func(t *testing.T) {
		dir := awsEnv(t, "")
		os.WriteFile(filepath.Join(dir, "config"), []byte("[profile audit]\nregion = us-east-1\n"), 0o600)
		os.WriteFile(filepath.Join(dir, "credentials"), []byte("[audit]\naws_access_key_id = p\naws_secret_access_key = p\n"), 0o600)
		t.Setenv("AWS_ACCESS_KEY_ID", "")
		t.Setenv("AWS_SECRET_ACCESS_KEY", "")
		if code, _, stderr := runCmd("", append(base, "-profile", "audit", "-pool", f.warn)...); code != 0 {
			t.Errorf("-profile audit: exit status %d, want 0; stderr:\n%s", code, stderr)
		}
		code, _, stderr := runCmd("", append(base, "-profile", "nobody")...)
		if code != 2 || !strings.Contains(stderr, "nobody") {
			t.Errorf("-profile nobody: exit status %d, stderr:\n%s\nwant 2 naming the profile", code, stderr)
		}
		code, _, stderr = runCmd("", base...)
		if code != 2 || !strings.Contains(stderr, "no AWS region") {
			t.Errorf("no region: exit status %d, stderr:\n%s\nwant 2 saying so", code, stderr)
		}
	})
}

func TestAuditUsage(t *testing.T) {
	awsEnv(t, "us-east-1")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"audit", "-format", "xml"}, `unknown format "xml"`},
		{[]string{"audit", "template.yaml"}, `unexpected argument "template.yaml"`},
		{[]string{"audit", "-endpoint-url", "localhost:5000"}, `-endpoint-url "localhost:5000" is not an http or https URL`},
		{[]string{"audit", "-pool", ""}, "empty user pool ID"},
		{[]string{"audit", "-nope"}, "flag provided but not defined: -nope"},
	} {
		code, _, stderr := runCmd("", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit status %d, stderr:\n%s\nwant 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	code, stdout, _ := runCmd("", "audit", "-h")
	if code != 0 || !strings.Contains(stdout, `"cognito-idp:DescribeUserPoolClient"`) {
		t.Errorf("audit -h: exit status %d, want 0 and the IAM policy:\n%s", code, stdout)
	}
	var policy struct {
		Statement []struct{ Action []string }
	}
	start := strings.Index(stdout, `{"Version"`)
	end := strings.Index(stdout[start:], "}]}") + start + 3
	if err := json.Unmarshal([]byte(stdout[start:end]), &policy); err != nil || len(policy.Statement[0].Action) != 6 {
		t.Errorf("the IAM policy of audit -h is no JSON with 6 actions (%v): %s", err, stdout[start:end])
	}
	for _, a := range policy.Statement[0].Action {
		if !regexp.MustCompile(`^cognito-idp:(List|Describe)`).MatchString(a) {
			t.Errorf("the IAM policy allows %q, which is not a read", a)
		}
	}

	// docs/audit.md gives the same policy.
	doc, err := os.ReadFile("../../docs/audit.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(doc)
	var docPolicy struct {
		Statement []struct{ Action []string }
	}
	if block == nil || json.Unmarshal(block[1], &docPolicy) != nil || len(docPolicy.Statement) != 1 {
		t.Fatalf("docs/audit.md has no IAM policy of one statement in a json block")
	}
	if diff := cmp.Diff(policy.Statement[0].Action, docPolicy.Statement[0].Action); diff != "" {
		t.Errorf("IAM actions of audit -h and docs/audit.md mismatch (-help +doc):\n%s", diff)
	}
}

// TestAuditInterruptBinary interrupts the command, built, while its first
// call hangs: it stops at once, saying so, with exit status 2.
func TestAuditInterruptBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "appclient")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	called := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // so that the server sees the client go
		select {
		case called <- struct{}{}:
		default:
		}
		select { // hangs until the client goes away
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	awsEnv(t, "us-east-1")
	cmd := exec.Command(bin, "audit", "-endpoint-url", srv.URL)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-called:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the command made no call within 30s; stderr:\n%s", stderr.String())
	}
	start := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("after an interrupt: %v, stderr:\n%s\nwant exit status 2 and interrupted", err, stderr.String())
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("the command took %v to stop", d)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the command did not stop within 20s of an interrupt; stderr:\n%s", stderr.String())
	}
}

func TestAuditInterrupted(t *testing.T) {
	f := motoFixture(t)
	awsEnv(t, "us-east-1")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := runAudit(ctx, []string{"-endpoint-url", f.url}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("exit status %d, stderr:\n%s\nwant 2 and interrupted", code, errb.String())
	}
}

// syncBuffer is a bytes.Buffer that the progress line and the test can use
// at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// slowAPI is a Cognito client whose DescribeUserPoolClient takes 20ms at
// least.
type slowAPI struct{ *cip.Client }

func (s slowAPI) DescribeUserPoolClient(ctx context.Context, in *cip.DescribeUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error) {
	time.Sleep(20 * time.Millisecond)
	return s.Client.DescribeUserPoolClient(ctx, in, optFns...)
}

func TestAuditProgress(t *testing.T) {
	f := motoFixture(t)
	awsEnv(t, "us-east-1")
	defer func(after, every time.Duration, term func(io.Writer) bool) {
		progressAfter, progressEvery, isTerminal = after, every, term
	}(progressAfter, progressEvery, isTerminal)
	isTerminal = func(io.Writer) bool { return true }
	progressAfter, progressEvery = 0, time.Millisecond

	// Slowed down, so that the line shows however fast the machine.
	var out bytes.Buffer
	var errb syncBuffer
	code := audit(context.Background(), slowAPI{f.api}, nil, "json", false, &out, &errb)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	got := errb.String()
	if !regexp.MustCompile(`appclient audit: \d+ user pools, \d+ app clients checked`).MatchString(got) {
		t.Errorf("no progress line on a terminal: %q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("the progress line is not erased at the end: %q", got)
	}

	// Not a terminal: nothing.
	isTerminal = func(io.Writer) bool { return false }
	errb = syncBuffer{}
	runAudit(context.Background(), []string{"-endpoint-url", f.url, "-format", "json"}, &out, &errb)
	if s := errb.String(); s != "" {
		t.Errorf("stderr not a terminal: %q, want nothing", s)
	}
}
