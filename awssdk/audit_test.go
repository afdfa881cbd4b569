//go:build linux

package awssdk_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
	"github.com/cognitokit/appclient/internal/motoserver"
)

// faultTransport answers some requests with an error of the Cognito API
// instead of passing them on: those whose operation (the X-Amz-Target
// header's suffix) is op and whose body contains match, for the first times
// requests (every one for times < 0).
type faultTransport struct {
	next      http.RoundTripper
	op, match string
	exception string
	times     int

	mu       sync.Mutex
	injected int
}

func (t *faultTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.Header.Get("X-Amz-Target"), "."+t.op) {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		t.mu.Lock()
		hit := bytes.Contains(body, []byte(t.match)) && (t.times < 0 || t.injected < t.times)
		if hit {
			t.injected++
		}
		t.mu.Unlock()
		if hit {
			msg := []byte(fmt.Sprintf(`{"__type":%q,"message":"injected by the test"}`, t.exception))
			return &http.Response{
				StatusCode: http.StatusBadRequest, Status: "400 Bad Request",
				Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
				Header:        http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
				Body:          io.NopCloser(bytes.NewReader(msg)),
				ContentLength: int64(len(msg)),
				Request:       req,
			}, nil
		}
	}
	return t.next.RoundTrip(req)
}

// count returns how many errors t injected.
func (t *faultTransport) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.injected
}

// auditFixture is what motoAudit creates in moto.
type auditFixture struct {
	orders, empty, other string // user pool IDs
	goodID, badID        string // client IDs in orders
	secret               string // the secret of the client with one
}

// motoAudit creates, in moto, the pool of motoPool ("orders") with a good
// client, a bad one (with a secret) and a third one, an empty pool and
// another pool with one client named as one of orders'.
func motoAudit(t *testing.T, client *cip.Client) auditFixture {
	t.Helper()
	ctx := context.Background()
	var f auditFixture
	f.orders = motoPool(t, client)
	create := func(r *appclient.CreateUserPoolClientRequest) *types.UserPoolClientType {
		t.Helper()
		out, err := client.CreateUserPoolClient(ctx, awssdk.ToCreateInput(r))
		if err != nil {
			t.Fatalf("CreateUserPoolClient %s: %v", r.ClientName, err)
		}
		return out.UserPoolClient
	}
	good := create(&appclient.CreateUserPoolClientRequest{
		UserPoolID:                      f.orders,
		ClientName:                      "orders-web",
		ExplicitAuthFlows:               []appclient.ExplicitAuthFlow{appclient.ExplicitAuthFlowAllowUserSRPAuth, appclient.ExplicitAuthFlowAllowRefreshTokenAuth},
		SupportedIdentityProviders:      []string{"COGNITO", "CorpOIDC"},
		CallbackURLs:                    []string{"https://orders.example.com/cb"},
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
		AllowedOAuthScopes:              []string{"openid", "https://api.example.com/orders.read"},
		AllowedOAuthFlowsUserPoolClient: true,
		WriteAttributes:                 []string{"email", "name"},
		PreventUserExistenceErrors:      appclient.UserExistenceErrorsEnabled,
		EnableTokenRevocation:           ptr(true),
		AccessTokenValidity:             ptr[int32](60),
		TokenValidityUnits:              &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitMinutes},
	})
	f.goodID = aws.ToString(good.ClientId)
	// Made in a console, unreviewed: an http callback, a scope the resource
	// server lacks, a provider the pool lacks, the implicit grant.
	bad := create(&appclient.CreateUserPoolClientRequest{
		UserPoolID:                      f.orders,
		ClientName:                      "legacy-admin",
		GenerateSecret:                  true,
		SupportedIdentityProviders:      []string{"COGNITO", "Okta"},
		CallbackURLs:                    []string{"http://admin.example.com/cb"},
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowImplicit},
		AllowedOAuthScopes:              []string{"openid", "https://api.example.com/orders.delete"},
		AllowedOAuthFlowsUserPoolClient: true,
		PreventUserExistenceErrors:      appclient.UserExistenceErrorsEnabled,
		EnableTokenRevocation:           ptr(true),
	})
	f.badID, f.secret = aws.ToString(bad.ClientId), aws.ToString(bad.ClientSecret)
	if f.secret == "" {
		t.Fatal("moto gave the client with GenerateSecret no secret")
	}
	create(&appclient.CreateUserPoolClientRequest{UserPoolID: f.orders, ClientName: "mobile", PreventUserExistenceErrors: appclient.UserExistenceErrorsEnabled})

	for _, name := range []string{"empty", "other"} {
		out, err := client.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String(name)})
		if err != nil {
			t.Fatalf("CreateUserPool: %v", err)
		}
		if name == "empty" {
			f.empty = aws.ToString(out.UserPool.Id)
		} else {
			f.other = aws.ToString(out.UserPool.Id)
		}
	}
	create(&appclient.CreateUserPoolClientRequest{UserPoolID: f.other, ClientName: "orders-web", PreventUserExistenceErrors: appclient.UserExistenceErrorsEnabled})
	return f
}

// auditLine is a report in short: pool, client name, the error rules, and
// whether the report came with an error.
type auditLine struct {
	Pool, Client string
	Errors       []string
	Failed       bool
}

// collect runs an audit and returns its reports in short, and the text of
// everything it yielded (to look for secrets in).
func collect(t *testing.T, ctx context.Context, api awssdk.AuditAPI, opts awssdk.AuditOptions) ([]auditLine, []error, string) {
	t.Helper()
	var lines []auditLine
	var errs []error
	var all strings.Builder
	for r, err := range awssdk.Audit(ctx, api, opts) {
		fmt.Fprintf(&all, "%+v %#v %v\n", r, r.Client.Config, err)
		l := auditLine{Pool: r.Client.UserPoolID, Client: r.Client.ClientName, Failed: err != nil}
		for _, fe := range r.Errors {
			l.Errors = append(l.Errors, fe.Rule)
		}
		lines = append(lines, l)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return lines, errs, all.String()
}

func TestAuditMoto(t *testing.T) {
	url := motoserver.Start(t)
	counter := &countingTransport{next: http.DefaultTransport}
	client := newClient(counter, url)
	f := motoAudit(t, client)
	defer awssdk.SetPageSizes(1, 1)() // every pool and every client on a page of its own

	badErrors := []string{appclient.RuleRedirectHTTPS, appclient.RuleCustomScopeExists, appclient.RuleIdentityProviderExists}
	want := []auditLine{
		{Pool: f.orders, Client: "legacy-admin", Errors: badErrors},
		{Pool: f.orders, Client: "mobile"},
		{Pool: f.orders, Client: "orders-web"},
		{Pool: f.empty},
		{Pool: f.other, Client: "orders-web"},
	}
	for _, concurrency := range []int{1, 3} {
		t.Run(fmt.Sprintf("every pool, %d at a time", concurrency), func(t *testing.T) {
			before := counter.n.Load()
			got, errs, all := collect(t, context.Background(), client, awssdk.AuditOptions{Concurrency: concurrency})
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Audit() mismatch (-want +got):\n%s", diff)
			}
			if len(errs) > 0 {
				t.Errorf("Audit() errors: %v", errs)
			}
			if strings.Contains(all, f.secret) {
				t.Errorf("the client secret %q appears in what Audit yields", f.secret)
			}
			// 4 pages of pools (the last one empty, with a token before it
			// or not), per pool one describe, 2+1 pages of resource servers
			// and providers, the pages of clients and one describe each.
			if n := counter.n.Load() - before; n < 3+3*3+4+4 {
				t.Errorf("%d requests: fewer than one page per pool and per client", n)
			}
		})
	}

	t.Run("given pools, one twice", func(t *testing.T) {
		got, errs, _ := collect(t, context.Background(), client, awssdk.AuditOptions{Pools: []string{f.other, f.orders, f.other}})
		want := append(append([]auditLine{}, want[4]), want[:3]...)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Audit() mismatch (-want +got):\n%s", diff)
		}
		if len(errs) > 0 {
			t.Errorf("Audit() errors: %v", errs)
		}
	})

	t.Run("report details", func(t *testing.T) {
		for r, err := range awssdk.Audit(context.Background(), client, awssdk.AuditOptions{Pools: []string{f.orders}}) {
			if err != nil {
				t.Fatal(err)
			}
			if r.Pool == nil || len(r.Pool.ResourceServers) != 1 || r.Pool.IdentityProviders[0] != "CorpOIDC" {
				t.Errorf("%s: Pool = %+v, want the pool loaded with its resource server and provider", r.Client.ClientName, r.Pool)
			}
			switch r.Client.ClientName {
			case "legacy-admin":
				if r.Client.ClientID != f.badID || !r.Client.Config.GenerateSecret || r.Client.Config.ClientSecret != nil {
					t.Errorf("legacy-admin: ID %q, GenerateSecret %v, ClientSecret %v: want %q, true, nil",
						r.Client.ClientID, r.Client.Config.GenerateSecret, r.Client.Config.ClientSecret, f.badID)
				}
				if !hasRule(r.Advisories, "implicit-grant") {
					t.Errorf("legacy-admin: advisories %v lack implicit-grant", r.Advisories)
				}
			case "orders-web":
				if r.Client.ClientID != f.goodID {
					t.Errorf("orders-web: ID %q, want %q", r.Client.ClientID, f.goodID)
				}
			}
		}
	})
}

func hasRule(as []*appclient.Advisory, rule string) bool {
	for _, a := range as {
		if a.Rule == rule {
			return true
		}
	}
	return false
}

func TestAuditMotoFaults(t *testing.T) {
	url := motoserver.Start(t)
	client := newClient(http.DefaultTransport, url)
	f := motoAudit(t, client)
	defer awssdk.SetPageSizes(1, 2)()

	t.Run("throttled, retried", func(t *testing.T) {
		ft := &faultTransport{next: http.DefaultTransport, op: "DescribeUserPoolClient", exception: "TooManyRequestsException", times: 1}
		throttled := newClient(ft, url, awssdk.WithAdaptiveRetry())
		got, errs, _ := collect(t, context.Background(), throttled, awssdk.AuditOptions{Pools: []string{f.other}})
		want := []auditLine{{Pool: f.other, Client: "orders-web"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Audit() mismatch (-want +got):\n%s", diff)
		}
		if len(errs) > 0 || ft.count() != 1 {
			t.Errorf("errors %v after %d throttled answers, want none after 1", errs, ft.count())
		}
	})
	t.Run("throttled without a retryer that waits", func(t *testing.T) {
		ft := &faultTransport{next: http.DefaultTransport, op: "DescribeUserPoolClient", exception: "TooManyRequestsException", times: -1}
		throttled := newClient(ft, url, func(o *cip.Options) { o.Retryer = aws.NopRetryer{} })
		got, errs, _ := collect(t, context.Background(), throttled, awssdk.AuditOptions{Pools: []string{f.other}})
		var tm *types.TooManyRequestsException
		if len(errs) != 1 || !errors.As(errs[0], &tm) || len(got) != 1 || got[0].Client != "orders-web" {
			t.Errorf("got %v, errors %v: want orders-web's report with a TooManyRequestsException", got, errs)
		}
	})
	t.Run("a pool that cannot be described", func(t *testing.T) {
		ft := &faultTransport{next: http.DefaultTransport, op: "DescribeUserPool", match: f.orders, exception: "NotAuthorizedException", times: -1}
		got, errs, _ := collect(t, context.Background(), newClient(ft, url), awssdk.AuditOptions{Pools: []string{f.orders}})
		// Checked without the pool: only the rules that need none.
		want := []auditLine{
			{Pool: f.orders, Failed: true},
			{Pool: f.orders, Client: "legacy-admin", Errors: []string{appclient.RuleRedirectHTTPS}},
			{Pool: f.orders, Client: "mobile"},
			{Pool: f.orders, Client: "orders-web"},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Audit() mismatch (-want +got):\n%s", diff)
		}
		var na *types.NotAuthorizedException
		if len(errs) != 1 || !errors.As(errs[0], &na) || !strings.Contains(errs[0].Error(), f.orders) {
			t.Errorf("errors %v: want one NotAuthorizedException naming %s", errs, f.orders)
		}
	})
	t.Run("a client that cannot be described", func(t *testing.T) {
		ft := &faultTransport{next: http.DefaultTransport, op: "DescribeUserPoolClient", match: f.badID, exception: "ResourceNotFoundException", times: -1}
		got, errs, all := collect(t, context.Background(), newClient(ft, url), awssdk.AuditOptions{Pools: []string{f.orders}})
		want := []auditLine{
			{Pool: f.orders, Client: "legacy-admin", Failed: true},
			{Pool: f.orders, Client: "mobile"},
			{Pool: f.orders, Client: "orders-web"},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Audit() mismatch (-want +got):\n%s", diff)
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), f.badID) {
			t.Errorf("errors %v: want one naming client %s", errs, f.badID)
		}
		if strings.Contains(all, f.secret) {
			t.Errorf("the client secret appears in what Audit yields")
		}
	})
	t.Run("listing the pools fails", func(t *testing.T) {
		ft := &faultTransport{next: http.DefaultTransport, op: "ListUserPools", exception: "NotAuthorizedException", times: -1}
		got, errs, _ := collect(t, context.Background(), newClient(ft, url), awssdk.AuditOptions{})
		if len(got) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "list user pools") {
			t.Errorf("got %v, errors %v: want one error listing the pools", got, errs)
		}
	})
	t.Run("listing the clients fails", func(t *testing.T) {
		ft := &faultTransport{next: http.DefaultTransport, op: "ListUserPoolClients", match: f.other, exception: "InternalErrorException", times: -1}
		got, errs, _ := collect(t, context.Background(), newClient(ft, url, func(o *cip.Options) { o.Retryer = aws.NopRetryer{} }),
			awssdk.AuditOptions{Pools: []string{f.other, f.empty}})
		want := []auditLine{{Pool: f.other, Failed: true}, {Pool: f.empty}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Audit() mismatch (-want +got):\n%s", diff)
		}
		if len(errs) != 1 {
			t.Errorf("errors %v, want 1", errs)
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		counter := &countingTransport{next: http.DefaultTransport}
		got, errs, _ := collect(t, ctx, newClient(counter, url), awssdk.AuditOptions{})
		if len(got) != 1 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
			t.Errorf("got %v, errors %v: want one context.Canceled", got, errs)
		}
		if n := counter.n.Load(); n != 0 {
			t.Errorf("%d requests sent with a cancelled context", n)
		}
	})
	t.Run("cancelled midway", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var got []string
		var last error
		for r, err := range awssdk.Audit(ctx, client, awssdk.AuditOptions{Concurrency: 2}) {
			got = append(got, r.Client.ClientName)
			last = err
			cancel() // after the first report, as an interrupt would
		}
		if len(got) != 2 || !errors.Is(last, context.Canceled) {
			t.Errorf("got reports %q, last error %v: want one report, then context.Canceled", got, last)
		}
	})
	t.Run("break", func(t *testing.T) {
		n := 0
		for range awssdk.Audit(context.Background(), client, awssdk.AuditOptions{}) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("%d reports before break, want 1", n)
		}
	})
}

func TestDescribeClientMoto(t *testing.T) {
	url := motoserver.Start(t)
	client := newClient(http.DefaultTransport, url)
	f := motoAudit(t, client)
	defer awssdk.SetPageSizes(60, 1)()
	ctx := context.Background()

	byID, err := awssdk.DescribeClient(ctx, client, f.orders, f.badID)
	if err != nil {
		t.Fatal(err)
	}
	byName, err := awssdk.DescribeClient(ctx, client, f.orders, "legacy-admin")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(byID, byName); diff != "" {
		t.Errorf("by ID and by name mismatch (-ID +name):\n%s", diff)
	}
	if byID.ClientID != f.badID || byID.ClientName != "legacy-admin" || !byID.Config.GenerateSecret || byID.Config.ClientSecret != nil {
		t.Errorf("DescribeClient = %+v: want legacy-admin, %s, with a secret not kept", byID, f.badID)
	}
	if strings.Contains(fmt.Sprintf("%#v", byID), f.secret) {
		t.Error("the secret appears in the described client")
	}

	_, err = awssdk.DescribeClient(ctx, client, f.orders, "nobody")
	if !errors.Is(err, awssdk.ErrNoClient) {
		t.Errorf("unknown name: err = %v, want ErrNoClient", err)
	}
	// Two clients of one name.
	if _, err := client.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{UserPoolId: &f.orders, ClientName: aws.String("mobile")}); err != nil {
		t.Fatal(err)
	}
	_, err = awssdk.DescribeClient(ctx, client, f.orders, "mobile")
	if err == nil || !strings.Contains(err.Error(), `2 clients named "mobile"`) {
		t.Errorf("shared name: err = %v, want one saying 2 clients have it", err)
	}

	// Drift from Go: orders-web was created with a 60-minute access token;
	// one hour means the same, 30 minutes does not.
	live, err := awssdk.DescribeClient(ctx, client, f.orders, f.goodID)
	if err != nil {
		t.Fatal(err)
	}
	want := live.Config
	want.AccessTokenValidity, want.TokenValidityUnits = ptr[int32](1), &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitHours}
	if changes := appclient.Diff(want, live.Config); changes != nil {
		t.Errorf("1 hour against 60 minutes: Diff = %+v, want none", changes)
	}
	want.AccessTokenValidity = ptr[int32](30)
	want.TokenValidityUnits.AccessToken = appclient.TimeUnitMinutes
	changes := appclient.Diff(want, live.Config)
	if len(changes) != 1 || changes[0].Field != "AccessTokenValidity" {
		t.Errorf("30 minutes against 60: Diff = %+v, want AccessTokenValidity", changes)
	}

	var names []string
	for c, err := range awssdk.Clients(ctx, client, f.orders) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, c.ClientName)
	}
	if diff := cmp.Diff([]string{"legacy-admin", "mobile", "mobile", "orders-web"}, names); diff != "" {
		t.Errorf("Clients() names mismatch (-want +got):\n%s", diff)
	}
}
