package awssdk

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// emptyPool is a PoolAPI with an empty pool that counts its describes.
type emptyPool struct{ describes atomic.Int64 }

func (e *emptyPool) DescribeUserPool(context.Context, *cip.DescribeUserPoolInput, ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	e.describes.Add(1)
	return &cip.DescribeUserPoolOutput{UserPool: &types.UserPoolType{Id: aws.String("x")}}, nil
}

func (e *emptyPool) ListResourceServers(context.Context, *cip.ListResourceServersInput, ...func(*cip.Options)) (*cip.ListResourceServersOutput, error) {
	return &cip.ListResourceServersOutput{}, nil
}

func (e *emptyPool) ListIdentityProviders(context.Context, *cip.ListIdentityProvidersInput, ...func(*cip.Options)) (*cip.ListIdentityProvidersOutput, error) {
	return &cip.ListIdentityProvidersOutput{}, nil
}

func TestPoolCacheTimeToLive(t *testing.T) {
	api := &emptyPool{}
	c := NewPoolCache(api, time.Minute)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	steps := []struct {
		after time.Duration // since the start
		want  int64         // describes so far
	}{
		{0, 1},
		{59 * time.Second, 1},  // younger than the ttl: cached
		{60 * time.Second, 2},  // exactly the ttl: expired, loaded at 60s
		{119 * time.Second, 2}, // 59s after that load
		{120 * time.Second, 3}, // expired again
		{120*time.Second + time.Nanosecond, 3},
	}
	start := now
	for _, s := range steps {
		now = start.Add(s.after)
		if _, err := c.Pool(context.Background(), "us-east-1_AbC123xyz"); err != nil {
			t.Fatal(err)
		}
		if got := api.describes.Load(); got != s.want {
			t.Errorf("after %v: %d describes, want %d", s.after, got, s.want)
		}
	}
	// Another pool has its own entry.
	if _, err := c.Pool(context.Background(), "us-east-1_Other"); err != nil {
		t.Fatal(err)
	}
	if got := api.describes.Load(); got != 4 {
		t.Errorf("a second pool: %d describes, want 4", got)
	}
}

// panicPool is a PoolAPI whose first describe waits for gate and then
// panics; later describes succeed.
type panicPool struct {
	emptyPool
	gate    chan struct{}
	entered chan struct{}
	calls   atomic.Int64
}

func (p *panicPool) DescribeUserPool(ctx context.Context, in *cip.DescribeUserPoolInput, o ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	if p.calls.Add(1) == 1 {
		close(p.entered)
		<-p.gate
		panic("boom")
	}
	return p.emptyPool.DescribeUserPool(ctx, in, o...)
}

// TestPoolCachePanicReleasesWaiters: a load that panics releases the
// callers waiting for it with an error, keeps nothing, and lets the panic
// reach its own caller; the next call loads again.
func TestPoolCachePanicReleasesWaiters(t *testing.T) {
	api := &panicPool{gate: make(chan struct{}), entered: make(chan struct{})}
	c := NewPoolCache(api, 0)
	loader := make(chan any, 1)
	go func() {
		defer func() { loader <- recover() }()
		c.Pool(context.Background(), "us-east-1_AbC123xyz")
	}()
	<-api.entered
	waiter := make(chan error, 1)
	go func() {
		_, err := c.Pool(context.Background(), "us-east-1_AbC123xyz")
		waiter <- err
	}()
	// Let the waiter reach the entry under load before the panic.
	time.Sleep(20 * time.Millisecond)
	close(api.gate)
	if r := <-loader; r != "boom" {
		t.Errorf("loader recovered %v, want the panic \"boom\"", r)
	}
	select {
	case err := <-waiter:
		if err == nil && api.calls.Load() != 2 {
			t.Errorf("waiter got no error and %d describes, want an error or its own load", api.calls.Load())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiter is still waiting for a load that panicked")
	}
	if _, err := c.Pool(context.Background(), "us-east-1_AbC123xyz"); err != nil {
		t.Fatalf("Pool() after the panic: %v", err)
	}
}
