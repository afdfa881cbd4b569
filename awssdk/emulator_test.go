//go:build unix

package awssdk_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// emulatorStart is cognito-local's entry point, installed by
// `npm ci --prefix awssdk/testdata/cognito-local`.
var emulatorStart = filepath.Join("testdata", "cognito-local", "node_modules", "cognito-local", "lib", "bin", "start.js")

// exitWithStdin is a node program that runs the script named by its first
// argument, and exits once its standard input is closed.
const exitWithStdin = `process.stdin.on("end", () => process.exit(0)); process.stdin.resume(); require(process.argv[1]);`

// logWatcher collects a process's output and reports the emulator's URL
// once it has printed it.
type logWatcher struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	url  chan string
	seen bool
}

var (
	ansiEscape  = regexp.MustCompile(`\x1b\[[0-9;]*m`)
	listeningOn = regexp.MustCompile(`Cognito Local running on (http://[0-9.]+:[0-9]+)`)
)

func (w *logWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.seen {
		if m := listeningOn.FindSubmatch(ansiEscape.ReplaceAll(w.buf.Bytes(), nil)); m != nil {
			w.seen = true
			w.url <- string(m[1])
		}
	}
	return len(p), nil
}

func (w *logWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return ansiEscape.ReplaceAllString(w.buf.String(), "")
}

// startEmulator starts cognito-local on 127.0.0.1 with a port the kernel
// picks and an empty data directory, and returns its URL. The emulator is
// stopped, with its whole process group, when the test ends. Without node or
// the installed emulator the test is skipped, or fails when
// APPCLIENT_REQUIRE_EMULATOR=1.
func startEmulator(t *testing.T) string {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("APPCLIENT_REQUIRE_EMULATOR") == "1" {
			t.Fatalf(format, args...)
		}
		t.Skipf(format, args...)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed: %v", err)
	}
	start, err := filepath.Abs(emulatorStart)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(start); err != nil {
		missing("cognito-local is not installed (run npm ci --prefix awssdk/testdata/cognito-local): %v", err)
	}

	// cognito-local keeps its configuration and data in .cognito below its
	// working directory, and takes its address from PORT and HOST. The
	// wrapper exits when its standard input closes, which happens when this
	// process dies in any way, so that even a test binary killed before its
	// cleanup leaves no emulator behind.
	cmd := exec.Command(node, "-e", exitWithStdin, start)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "PORT=0", "HOST=127.0.0.1", "NODE_NO_WARNINGS=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out := &logWatcher{url: make(chan string, 1)}
	cmd.Stdout = out
	cmd.Stderr = out
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting cognito-local: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		stdin.Close()
		// Kill the process group: node and anything it started.
		if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
			t.Errorf("stopping cognito-local: %v", err)
		}
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			t.Errorf("cognito-local did not exit")
		}
	})

	var url string
	select {
	case url = <-out.url:
	case err := <-exited:
		exited <- err
		t.Fatalf("cognito-local exited (%v) before listening:\n%s", err, out)
	case <-time.After(20 * time.Second):
		t.Fatalf("cognito-local did not start listening within 20s:\n%s", out)
	}

	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return url
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("cognito-local at %s does not answer /health (%v):\n%s", url, err, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Token-validity units cognito-local fills in for units a request leaves out
// (Cognito's own default for IdToken is hours, not minutes).
var emulatorDefaultUnits = appclient.TokenValidityUnits{
	AccessToken:  appclient.TimeUnitHours,
	IDToken:      appclient.TimeUnitMinutes,
	RefreshToken: appclient.TimeUnitDays,
}

// emulatorDrop is a member that cognito-local (5.3.0) accepts but does not
// store: DescribeUserPoolClient never returns it.
type emulatorDrop struct {
	member string
	sent   func(*appclient.CreateUserPoolClientRequest) bool
	kept   func(*types.UserPoolClientType) bool
	clear  func(*appclient.CreateUserPoolClientRequest)
}

var emulatorDrops = []emulatorDrop{{
	member: "AuthSessionValidity",
	sent:   func(r *appclient.CreateUserPoolClientRequest) bool { return r.AuthSessionValidity != nil },
	kept:   func(c *types.UserPoolClientType) bool { return c.AuthSessionValidity != nil },
	clear:  func(r *appclient.CreateUserPoolClientRequest) { r.AuthSessionValidity = nil },
}, {
	member: "EnablePropagateAdditionalUserContextData",
	sent: func(r *appclient.CreateUserPoolClientRequest) bool {
		return r.EnablePropagateAdditionalUserContextData != nil
	},
	kept:  func(c *types.UserPoolClientType) bool { return c.EnablePropagateAdditionalUserContextData != nil },
	clear: func(r *appclient.CreateUserPoolClientRequest) { r.EnablePropagateAdditionalUserContextData = nil },
}, {
	member: "RefreshTokenRotation",
	sent:   func(r *appclient.CreateUserPoolClientRequest) bool { return r.RefreshTokenRotation != nil },
	kept:   func(c *types.UserPoolClientType) bool { return c.RefreshTokenRotation != nil },
	clear:  func(r *appclient.CreateUserPoolClientRequest) { r.RefreshTokenRotation = nil },
}, {
	// A custom secret: the emulator stores a secret only when it generates
	// one, so the client ends up without any.
	member: "ClientSecret",
	sent:   func(r *appclient.CreateUserPoolClientRequest) bool { return r.ClientSecret != nil && !r.GenerateSecret },
	kept:   func(c *types.UserPoolClientType) bool { return c.ClientSecret != nil },
	clear:  func(r *appclient.CreateUserPoolClientRequest) { r.ClientSecret = nil },
}}

// emulatorRequests are valid requests beyond the testdata files: one that
// sets every member the emulator drops, and one with every list empty.
func emulatorRequests() map[string]appclient.CreateUserPoolClientRequest {
	return map[string]appclient.CreateUserPoolClientRequest{
		"inline: every member": {
			ClientName:           "every-member",
			ClientSecret:         ptr("abcdefghijklmnopqrstuvwxyz012345"),
			RefreshTokenValidity: ptr[int32](10),
			AccessTokenValidity:  ptr[int32](30),
			IDTokenValidity:      ptr[int32](30),
			TokenValidityUnits:   &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitMinutes, IDToken: appclient.TimeUnitMinutes, RefreshToken: appclient.TimeUnitDays},
			ReadAttributes:       []string{"email", "name"},
			WriteAttributes:      []string{"email", "name"},
			ExplicitAuthFlows: []appclient.ExplicitAuthFlow{
				appclient.ExplicitAuthFlowAllowUserSRPAuth, appclient.ExplicitAuthFlowAllowUserAuth,
			},
			SupportedIdentityProviders:      []string{"COGNITO"},
			CallbackURLs:                    []string{"https://app.example.com/callback"},
			LogoutURLs:                      []string{"https://app.example.com/signed-out"},
			DefaultRedirectURI:              ptr("https://app.example.com/callback"),
			AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
			AllowedOAuthScopes:              []string{"openid", "email"},
			AllowedOAuthFlowsUserPoolClient: true,
			AnalyticsConfiguration: &appclient.AnalyticsConfiguration{
				ApplicationID:  ptr("d70b2ba36a8c4dc5a04a0451a31a1e12"),
				RoleARN:        ptr("arn:aws:iam::123456789012:role/cognito-pinpoint"),
				ExternalID:     ptr("external-id"),
				UserDataShared: true,
			},
			PreventUserExistenceErrors:               appclient.UserExistenceErrorsEnabled,
			EnableTokenRevocation:                    ptr(true),
			EnablePropagateAdditionalUserContextData: ptr(true),
			AuthSessionValidity:                      ptr[int32](10),
			RefreshTokenRotation:                     &appclient.RefreshTokenRotation{Feature: appclient.RotationFeatureEnabled, RetryGracePeriodSeconds: ptr[int32](30)},
		},
		"inline: empty lists": {
			ClientName:                 "empty-lists",
			GenerateSecret:             true,
			RefreshTokenValidity:       ptr[int32](0),
			TokenValidityUnits:         &appclient.TokenValidityUnits{},
			ReadAttributes:             []string{},
			WriteAttributes:            []string{},
			ExplicitAuthFlows:          []appclient.ExplicitAuthFlow{},
			SupportedIdentityProviders: []string{},
			CallbackURLs:               []string{},
			LogoutURLs:                 []string{},
			AllowedOAuthFlows:          []appclient.OAuthFlow{},
			AllowedOAuthScopes:         []string{},
		},
	}
}

func TestEmulator(t *testing.T) {
	url := startEmulator(t)
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()

	transport := &http.Transport{}
	t.Cleanup(transport.CloseIdleConnections)
	count := &countingTransport{next: transport}
	plain := newClient(count, url)
	checked := newClient(count, url, awssdk.WithPreflight())

	pool, err := plain.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("appclient-test")})
	if err != nil {
		t.Fatalf("CreateUserPool: %v", err)
	}
	poolID := aws.ToString(pool.UserPool.Id)

	listClients := func(t *testing.T) []string {
		t.Helper()
		out, err := plain.ListUserPoolClients(ctx, &cip.ListUserPoolClientsInput{UserPoolId: aws.String(poolID)})
		if err != nil {
			t.Fatalf("ListUserPoolClients: %v", err)
		}
		var names []string
		for _, c := range out.UserPoolClients {
			names = append(names, aws.ToString(c.ClientName))
		}
		return names
	}

	t.Run("valid requests are created as sent", func(t *testing.T) {
		reqs := emulatorRequests()
		for _, name := range requestFiles(t) {
			reqs[filepath.Base(name)] = readRequest(t, name)
		}
		dropsSeen := map[string]bool{}
		for name, r := range reqs {
			t.Run(name, func(t *testing.T) {
				r.UserPoolID = poolID
				if err := r.Validate(); err != nil {
					t.Fatalf("request is not valid: %v", err)
				}
				created, err := checked.CreateUserPoolClient(ctx, awssdk.ToCreateInput(&r))
				if err != nil {
					t.Fatalf("CreateUserPoolClient: %v", err)
				}
				desc, err := checked.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{
					UserPoolId: aws.String(poolID),
					ClientId:   created.UserPoolClient.ClientId,
				})
				if err != nil {
					t.Fatalf("DescribeUserPoolClient: %v", err)
				}
				c := desc.UserPoolClient

				want := roundTripWant(r)
				want.GenerateSecret = r.GenerateSecret
				for _, d := range emulatorDrops {
					if !d.sent(&r) {
						continue
					}
					dropsSeen[d.member] = true
					if d.kept(c) {
						t.Errorf("cognito-local now keeps %s: update emulatorDrops", d.member)
					}
					d.clear(&want)
				}
				units := emulatorDefaultUnits
				if u := r.TokenValidityUnits; u != nil {
					units = fillUnits(*u, emulatorDefaultUnits)
				}
				want.TokenValidityUnits = &units

				if diff := cmp.Diff(want, awssdk.FromUserPoolClient(c)); diff != "" {
					t.Errorf("described client mismatch (-want +got):\n%s", diff)
				}
			})
		}
		for _, d := range emulatorDrops {
			if !dropsSeen[d.member] {
				t.Errorf("no request sets %s: its drop was not checked", d.member)
			}
		}
	})

	t.Run("invalid requests never reach the emulator", func(t *testing.T) {
		before := listClients(t)
		for _, tt := range invalidRequests(poolID) {
			t.Run(tt.name, func(t *testing.T) {
				n := count.n.Load()
				_, err := checked.CreateUserPoolClient(ctx, awssdk.ToCreateInput(&tt.req))
				if err == nil {
					t.Fatal("CreateUserPoolClient succeeded, want a validation error")
				}
				if diff := cmp.Diff(tt.want, violations(t, err)); diff != "" {
					t.Errorf("violations mismatch (-want +got):\n%s", diff)
				}
				if sent := count.n.Load() - n; sent != 0 {
					t.Errorf("%d requests sent, want 0", sent)
				}
			})
		}
		if diff := cmp.Diff(before, listClients(t)); diff != "" {
			t.Errorf("app clients changed (-before +after):\n%s", diff)
		}
	})

	// The emulator validates nothing: without the pre-flight check the same
	// requests are created, so the check is what stopped them above.
	t.Run("without preflight the emulator accepts them", func(t *testing.T) {
		before := len(listClients(t))
		created := 0
		for _, tt := range invalidRequests(poolID) {
			t.Run(tt.name, func(t *testing.T) {
				n := count.n.Load()
				out, err := plain.CreateUserPoolClient(ctx, awssdk.ToCreateInput(&tt.req))
				sent := count.n.Load() - n
				if tt.sdkRejects {
					var params smithy.InvalidParamsError
					if !errors.As(err, &params) || sent != 0 {
						t.Errorf("got error %v after %d requests, want the SDK's own InvalidParamsError after none", err, sent)
					}
					return
				}
				if err != nil {
					t.Fatalf("CreateUserPoolClient: %v", err)
				}
				if sent != 1 {
					t.Errorf("%d requests sent, want 1", sent)
				}
				if got := aws.ToString(out.UserPoolClient.ClientName); got != tt.req.ClientName {
					t.Errorf("created ClientName = %q, want %q", got, tt.req.ClientName)
				}
				created++
			})
		}
		if created == 0 {
			t.Error("no invalid request went through without the pre-flight check")
		}
		if after := len(listClients(t)); after != before+created {
			t.Errorf("%d app clients after creating %d, want %d", after, created, before+created)
		}
	})
}

// fillUnits returns u with its absent units taken from defaults.
func fillUnits(u, defaults appclient.TokenValidityUnits) appclient.TokenValidityUnits {
	if u.AccessToken == "" {
		u.AccessToken = defaults.AccessToken
	}
	if u.IDToken == "" {
		u.IDToken = defaults.IDToken
	}
	if u.RefreshToken == "" {
		u.RefreshToken = defaults.RefreshToken
	}
	return u
}
