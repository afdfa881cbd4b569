package awssdk_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// fakePool answers the calls of LoadPool from memory, pageSize entries a
// page, and counts them.
type fakePool struct {
	pool      types.UserPoolType
	servers   []types.ResourceServerType
	providers []types.ProviderDescription
	pageSize  int

	describeErr, serversErr, providersErr error
	repeatToken                           bool // every page's NextToken is "again"
	gate                                  chan struct{}

	describes, serverPages, providerPages atomic.Int64
}

var _ awssdk.PoolAPI = (*cip.Client)(nil)

func (f *fakePool) DescribeUserPool(ctx context.Context, in *cip.DescribeUserPoolInput, _ ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	f.describes.Add(1)
	if f.gate != nil {
		select {
		case <-f.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if f.describeErr != nil {
		return nil, f.describeErr
	}
	p := f.pool
	p.Id = in.UserPoolId
	return &cip.DescribeUserPoolOutput{UserPool: &p}, nil
}

// page returns the entries of one page of list after token, and the next
// token.
func page[T any](f *fakePool, list []T, token *string) ([]T, *string) {
	start := 0
	if token != nil {
		start, _ = strconv.Atoi(*token)
	}
	end := min(start+f.pageSize, len(list))
	var next *string
	if end < len(list) {
		next = aws.String(strconv.Itoa(end))
	}
	if f.repeatToken {
		next = aws.String("again")
	}
	return list[start:end], next
}

func (f *fakePool) ListResourceServers(_ context.Context, in *cip.ListResourceServersInput, _ ...func(*cip.Options)) (*cip.ListResourceServersOutput, error) {
	f.serverPages.Add(1)
	if f.serversErr != nil {
		return nil, f.serversErr
	}
	if n := aws.ToInt32(in.MaxResults); n < 1 || n > 50 {
		return nil, fmt.Errorf("MaxResults %d outside 1 to 50", n)
	}
	items, next := page(f, f.servers, in.NextToken)
	return &cip.ListResourceServersOutput{ResourceServers: items, NextToken: next}, nil
}

func (f *fakePool) ListIdentityProviders(_ context.Context, in *cip.ListIdentityProvidersInput, _ ...func(*cip.Options)) (*cip.ListIdentityProvidersOutput, error) {
	f.providerPages.Add(1)
	if f.providersErr != nil {
		return nil, f.providersErr
	}
	if n := aws.ToInt32(in.MaxResults); n < 1 || n > 60 {
		return nil, fmt.Errorf("MaxResults %d outside 1 to 60", n)
	}
	items, next := page(f, f.providers, in.NextToken)
	return &cip.ListIdentityProvidersOutput{Providers: items, NextToken: next}, nil
}

// newFakePool is a pool with five resource servers and three identity
// providers, served two to a page.
func newFakePool() *fakePool {
	f := &fakePool{
		pool: types.UserPoolType{
			UserPoolTier: types.UserPoolTierTypeLite,
			SchemaAttributes: []types.SchemaAttributeType{
				{Name: aws.String("sub"), Required: aws.Bool(true), Mutable: aws.Bool(false)},
				{Name: aws.String("email"), Required: aws.Bool(true), Mutable: aws.Bool(true)},
				{Name: aws.String("custom:tenant"), Mutable: aws.Bool(false)},
			},
		},
		pageSize: 2,
	}
	for i := range 5 {
		f.servers = append(f.servers, types.ResourceServerType{
			Identifier: aws.String(fmt.Sprintf("api%d", i)),
			Scopes:     []types.ResourceServerScopeType{{ScopeName: aws.String("read")}, {ScopeName: aws.String("write")}},
		})
	}
	for _, name := range []string{"CorpSAML", "Google", "Okta"} {
		f.providers = append(f.providers, types.ProviderDescription{ProviderName: aws.String(name)})
	}
	return f
}

func TestLoadPool(t *testing.T) {
	f := newFakePool()
	got, err := awssdk.LoadPool(context.Background(), f, "us-east-1_AbC123xyz")
	if err != nil {
		t.Fatal(err)
	}
	want := &appclient.Pool{
		ID:   "us-east-1_AbC123xyz",
		Tier: appclient.UserPoolTierLite,
		Attributes: []appclient.Attribute{
			{Name: "sub", Required: true},
			{Name: "email", Required: true, Mutable: true},
			{Name: "custom:tenant"},
		},
		IdentityProviders: []string{"CorpSAML", "Google", "Okta"},
	}
	for i := range 5 {
		want.ResourceServers = append(want.ResourceServers,
			appclient.ResourceServer{Identifier: fmt.Sprintf("api%d", i), Scopes: []string{"read", "write"}})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LoadPool() mismatch (-want +got):\n%s", diff)
	}
	if d, s, p := f.describes.Load(), f.serverPages.Load(), f.providerPages.Load(); d != 1 || s != 3 || p != 2 {
		t.Errorf("calls: %d describe, %d resource-server pages, %d provider pages; want 1, 3, 2", d, s, p)
	}
}

func TestLoadPoolErrors(t *testing.T) {
	notFound := &types.ResourceNotFoundException{Message: aws.String("User pool us-east-1_AbC123xyz does not exist.")}
	denied := errors.New("access denied")
	tests := []struct {
		name   string
		modify func(f *fakePool)
		is     error
	}{
		{"describe fails", func(f *fakePool) { f.describeErr = notFound }, notFound},
		{"resource servers fail", func(f *fakePool) { f.serversErr = denied }, denied},
		{"identity providers fail", func(f *fakePool) { f.providersErr = denied }, denied},
		{"a token repeats", func(f *fakePool) { f.repeatToken = true }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePool()
			tt.modify(f)
			p, err := awssdk.LoadPool(context.Background(), f, "us-east-1_AbC123xyz")
			if err == nil || p != nil {
				t.Fatalf("LoadPool() = %v, %v; want an error and no pool", p, err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
		})
	}
	// errors.As reaches the service's exception.
	f := newFakePool()
	f.describeErr = notFound
	_, err := awssdk.LoadPool(context.Background(), f, "us-east-1_AbC123xyz")
	var rnf *types.ResourceNotFoundException
	if !errors.As(err, &rnf) {
		t.Errorf("errors.As(%v, *ResourceNotFoundException) = false", err)
	}
}

// machineInput is a valid machine-to-machine client of the fake pool.
func machineInput(scope string) *cip.CreateUserPoolClientInput {
	return &cip.CreateUserPoolClientInput{
		UserPoolId:                      aws.String("us-east-1_AbC123xyz"),
		ClientName:                      aws.String("worker"),
		GenerateSecret:                  true,
		AllowedOAuthFlowsUserPoolClient: true,
		AllowedOAuthFlows:               []types.OAuthFlowType{types.OAuthFlowTypeClientCredentials},
		AllowedOAuthScopes:              []string{scope},
		ExplicitAuthFlows:               []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth},
	}
}

func TestPoolPreflightLoadsOnce(t *testing.T) {
	f := newFakePool()
	cache := awssdk.NewPoolCache(f, 0)
	stub := &stubTransport{body: cannedCreateResponse}
	client := newClient(stub, "", awssdk.WithPoolPreflight(cache))
	for i := range 100 {
		if _, err := client.CreateUserPoolClient(context.Background(), machineInput("api1/read")); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if sent, _ := stub.requests(); sent != 100 {
		t.Errorf("%d requests sent, want 100", sent)
	}
	if n := f.describes.Load(); n != 1 {
		t.Errorf("%d DescribeUserPool calls for 100 clients, want 1", n)
	}

	// Refresh makes the next call load the pool again.
	cache.Refresh("us-east-1_AbC123xyz")
	if _, err := client.CreateUserPoolClient(context.Background(), machineInput("api1/read")); err != nil {
		t.Fatal(err)
	}
	if n := f.describes.Load(); n != 2 {
		t.Errorf("%d DescribeUserPool calls after Refresh, want 2", n)
	}
}

func TestPoolCacheConcurrentCallersShareOneLoad(t *testing.T) {
	f := newFakePool()
	f.gate = make(chan struct{})
	cache := awssdk.NewPoolCache(f, 0)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	var started atomic.Int64
	for range 100 {
		wg.Go(func() {
			started.Add(1)
			p, err := cache.Pool(context.Background(), "us-east-1_AbC123xyz")
			if err == nil && len(p.ResourceServers) != 5 {
				err = fmt.Errorf("pool has %d resource servers, want 5", len(p.ResourceServers))
			}
			errs <- err
		})
	}
	// Let the callers pile up on the one load before it finishes: a cache
	// that loaded once per caller would count a describe for each of them
	// here, each blocked on the gate.
	for started.Load() < 100 || f.describes.Load() == 0 {
		runtime.Gosched()
	}
	time.Sleep(20 * time.Millisecond)
	if n := f.describes.Load(); n != 1 {
		t.Errorf("%d DescribeUserPool calls under way, want 1", n)
	}
	close(f.gate)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := f.describes.Load(); n != 1 {
		t.Errorf("%d DescribeUserPool calls for 100 concurrent callers, want 1", n)
	}
}

func TestPoolCacheKeepsNoFailure(t *testing.T) {
	f := newFakePool()
	f.describeErr = errors.New("throttled")
	cache := awssdk.NewPoolCache(f, 0)
	if _, err := cache.Pool(context.Background(), "us-east-1_AbC123xyz"); err == nil {
		t.Fatal("Pool() succeeded, want the load's error")
	}
	f.describeErr = nil
	if _, err := cache.Pool(context.Background(), "us-east-1_AbC123xyz"); err != nil {
		t.Fatalf("Pool() after the failure: %v", err)
	}
	if n := f.describes.Load(); n != 2 {
		t.Errorf("%d DescribeUserPool calls, want 2 (a failure is not kept)", n)
	}
}

func TestPoolCacheWaiterOutlivesCanceledLoader(t *testing.T) {
	f := newFakePool()
	f.gate = make(chan struct{})
	cache := awssdk.NewPoolCache(f, 0)
	ctx, cancel := context.WithCancel(context.Background())
	loaderDone := make(chan error, 1)
	go func() {
		_, err := cache.Pool(ctx, "us-east-1_AbC123xyz")
		loaderDone <- err
	}()
	for f.describes.Load() == 0 {
		runtime.Gosched()
	}
	waiterDone := make(chan error, 1)
	go func() {
		_, err := cache.Pool(context.Background(), "us-east-1_AbC123xyz")
		waiterDone <- err
	}()
	cancel()
	if err := <-loaderDone; !errors.Is(err, context.Canceled) {
		t.Errorf("loader: %v, want context.Canceled", err)
	}
	close(f.gate) // the waiter's own load may proceed
	if err := <-waiterDone; err != nil {
		t.Errorf("waiter: %v, want the pool", err)
	}
}

func TestPoolPreflight(t *testing.T) {
	tests := []struct {
		name      string
		in        *cip.CreateUserPoolClientInput
		modify    func(f *fakePool)
		rule      string // the violation expected, "" for none
		wantErr   bool   // an error other than a violation
		describes int64
	}{
		{name: "a scope the pool has", in: machineInput("api4/write"), describes: 1},
		{name: "P1 a scope the pool lacks", in: machineInput("api4/delete"), rule: appclient.RuleCustomScopeExists, describes: 1},
		{name: "P5 ALLOW_USER_AUTH on a LITE pool", in: func() *cip.CreateUserPoolClientInput {
			in := machineInput("api1/read")
			in.ExplicitAuthFlows = append(in.ExplicitAuthFlows, types.ExplicitAuthFlowsTypeAllowUserAuth)
			return in
		}(), rule: appclient.RuleFeaturePlan, describes: 1},
		{name: "a model violation is reported with the pool's", in: func() *cip.CreateUserPoolClientInput {
			in := machineInput("api4/delete")
			in.ClientName = aws.String("bad/name")
			return in
		}(), rule: appclient.RulePattern, describes: 1},
		{name: "an invalid UserPoolId is not described", in: func() *cip.CreateUserPoolClientInput {
			in := machineInput("api1/read")
			in.UserPoolId = aws.String("no-underscore")
			return in
		}(), rule: appclient.RulePattern, describes: 0},
		{name: "a pool that cannot be loaded stops the call", in: machineInput("api1/read"),
			modify: func(f *fakePool) { f.describeErr = errors.New("access denied") }, wantErr: true, describes: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePool()
			if tt.modify != nil {
				tt.modify(f)
			}
			stub := &stubTransport{body: cannedCreateResponse}
			client := newClient(stub, "", awssdk.WithPoolPreflight(awssdk.NewPoolCache(f, 0)))
			_, err := client.CreateUserPoolClient(context.Background(), tt.in)
			sent, _ := stub.requests()
			var ve *appclient.ValidationError
			switch {
			case tt.rule == "" && !tt.wantErr:
				if err != nil || sent != 1 {
					t.Errorf("err = %v, %d requests sent; want nil and 1", err, sent)
				}
			case tt.wantErr:
				if err == nil || errors.As(err, &ve) || sent != 0 {
					t.Errorf("err = %v, %d requests sent; want a load error and none", err, sent)
				}
			default:
				if !errors.As(err, &ve) || sent != 0 {
					t.Fatalf("err = %v, %d requests sent; want a *ValidationError and none", err, sent)
				}
				if ve.Errors[0].Rule != tt.rule {
					t.Errorf("first violation %v, want rule %s", ve.Errors[0], tt.rule)
				}
			}
			if n := f.describes.Load(); n != tt.describes {
				t.Errorf("%d DescribeUserPool calls, want %d", n, tt.describes)
			}
		})
	}
}

// TestPoolPreflightUpdate: an update is checked against its pool like a
// create request, and sends nothing when it breaks a pool rule.
func TestPoolPreflightUpdate(t *testing.T) {
	update := func(scope string) *cip.UpdateUserPoolClientInput {
		return &cip.UpdateUserPoolClientInput{
			UserPoolId:                      aws.String("us-east-1_AbC123xyz"),
			ClientId:                        aws.String("1example23456789"),
			AllowedOAuthFlowsUserPoolClient: true,
			AllowedOAuthFlows:               []types.OAuthFlowType{types.OAuthFlowTypeClientCredentials},
			AllowedOAuthScopes:              []string{scope},
			ExplicitAuthFlows:               []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth},
		}
	}
	for _, tt := range []struct {
		scope string
		rule  string // "" for none
	}{
		{"api4/write", ""},
		{"api4/delete", appclient.RuleCustomScopeExists},
	} {
		t.Run(tt.scope, func(t *testing.T) {
			f := newFakePool()
			stub := &stubTransport{body: []byte(`{"UserPoolClient":{"ClientId":"1example23456789"}}`)}
			client := newClient(stub, "", awssdk.WithPoolPreflight(awssdk.NewPoolCache(f, 0)))
			_, err := client.UpdateUserPoolClient(context.Background(), update(tt.scope))
			sent, _ := stub.requests()
			var ve *appclient.ValidationError
			if tt.rule == "" {
				if err != nil || sent != 1 {
					t.Errorf("err = %v, %d requests sent; want nil and 1", err, sent)
				}
			} else if !errors.As(err, &ve) || sent != 0 || ve.Errors[0].Rule != tt.rule {
				t.Errorf("err = %v, %d requests sent; want a %s violation and none", err, sent, tt.rule)
			}
			if n := f.describes.Load(); n != 1 {
				t.Errorf("%d DescribeUserPool calls, want 1", n)
			}
		})
	}
}

func TestPoolPreflightLeavesOtherOperations(t *testing.T) {
	f := newFakePool()
	stub := &stubTransport{body: []byte(`{}`)}
	client := newClient(stub, "", awssdk.WithPoolPreflight(awssdk.NewPoolCache(f, 0)))
	_, err := client.DeleteUserPoolClient(context.Background(), &cip.DeleteUserPoolClientInput{
		UserPoolId: aws.String("us-east-1_AbC123xyz"), ClientId: aws.String("1example23456789"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if sent, _ := stub.requests(); sent != 1 || f.describes.Load() != 0 {
		t.Errorf("%d requests, %d describes; want 1 and 0", sent, f.describes.Load())
	}
}
