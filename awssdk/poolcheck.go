package awssdk

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go/middleware"

	"github.com/cognitokit/appclient"
)

// PoolCache loads user pools with [LoadPool] and keeps each for a time, so
// that a service creating many app clients in one pool describes the pool
// once, not once per client. It is safe for concurrent use: callers that ask
// for a pool while it is being loaded wait for that one load.
//
// The pools it returns are shared by every caller: treat them as read-only.
type PoolCache struct {
	api PoolAPI
	ttl time.Duration
	now func() time.Time

	mu    sync.Mutex
	pools map[string]*cachedPool
}

// cachedPool is one entry of a PoolCache: a load under way (done open) or
// finished.
type cachedPool struct {
	done   chan struct{} // closed when the load has finished
	pool   *appclient.Pool
	err    error
	loaded time.Time
}

// NewPoolCache returns a cache that loads pools through api and keeps each
// for ttl after it was loaded. A ttl of 0 or less keeps pools until
// [PoolCache.Refresh]. Failed loads are not kept: the next call tries again.
//
// The ttl bounds how long a change to the pool (a new scope, a new identity
// provider) goes unseen: a client that uses it is rejected by the pre-flight
// until then, unless the service calls Refresh.
func NewPoolCache(api PoolAPI, ttl time.Duration) *PoolCache {
	return &PoolCache{api: api, ttl: ttl, now: time.Now, pools: map[string]*cachedPool{}}
}

// Pool returns the user pool userPoolID: the cached description while it is
// younger than the cache's time-to-live, otherwise one loaded now.
func (c *PoolCache) Pool(ctx context.Context, userPoolID string) (*appclient.Pool, error) {
	for {
		c.mu.Lock()
		e := c.pools[userPoolID]
		if e != nil {
			select {
			case <-e.done:
				if e.err == nil && (c.ttl <= 0 || c.now().Sub(e.loaded) < c.ttl) {
					c.mu.Unlock()
					return e.pool, nil
				}
				e = nil // failed or expired: load again
			default: // being loaded
			}
		}
		if e == nil {
			e = &cachedPool{done: make(chan struct{})}
			c.pools[userPoolID] = e
			c.mu.Unlock()
			c.load(ctx, e, userPoolID)
			return e.pool, e.err
		}
		c.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, fmt.Errorf("awssdk: waiting for user pool %q: %w", userPoolID, ctx.Err())
		}
		// The load failed only because its caller gave up: this caller has
		// not, so it loads the pool itself.
		if e.err != nil && !isContextError(e.err) {
			return nil, e.err
		}
	}
}

// load runs one load for the entry e and publishes its result. Whatever
// way the load ends, a panic in the API included, the entry's waiters are
// released and a failure is not kept: the panic reaches them as an error
// and goes on up the loading caller's stack.
func (c *PoolCache) load(ctx context.Context, e *cachedPool, userPoolID string) {
	finished := false
	defer func() {
		if !finished {
			e.pool, e.err = nil, fmt.Errorf("awssdk: loading user pool %q: %w", userPoolID, errLoadPanicked)
		}
		c.mu.Lock()
		if e.err != nil && c.pools[userPoolID] == e {
			delete(c.pools, userPoolID)
		}
		close(e.done)
		c.mu.Unlock()
	}()
	pool, err := LoadPool(ctx, c.api, userPoolID)
	if err == nil && pool == nil {
		err = errNoResponse
	}
	e.pool, e.err, e.loaded = pool, err, c.now()
	finished = true
}

// errLoadPanicked is what callers waiting for a load get when the load
// panicked.
var errLoadPanicked = errors.New("the load panicked")

// isContextError reports whether err comes from a canceled or expired
// context.
func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// Refresh forgets the cached description of userPoolID: the next call loads
// it again. Call it after changing the pool (adding a resource server, a
// scope or an identity provider) from the same service.
func (c *PoolCache) Refresh(userPoolID string) {
	// A load under way may have started before the change: callers already
	// waiting for it get its result, later ones load again.
	c.mu.Lock()
	delete(c.pools, userPoolID)
	c.mu.Unlock()
}

// poolPreflightID is the ID of the pool-aware pre-flight middleware.
const poolPreflightID = "appclient.PoolPreflight"

// WithPoolPreflight returns a client option that checks every
// CreateUserPoolClient and UpdateUserPoolClient call against its user pool
// before the SDK serializes it: ValidateInPool of
// [appclient.CreateUserPoolClientRequest] or
// [appclient.UpdateUserPoolClientRequest], with the pool that cache gives for
// the input's UserPoolId. It does everything
// [WithPreflight] does (there is no need for both) and also rejects custom
// scopes, identity providers and required attributes the pool does not have,
// and features its plan does not include.
//
//	pools := awssdk.NewPoolCache(client, 5*time.Minute)
//	out, err := client.CreateUserPoolClient(ctx, in, awssdk.WithPoolPreflight(pools))
//
// The cache may use the same client: the check acts only on
// CreateUserPoolClient and UpdateUserPoolClient. A request that breaks a constraint of UserPoolId is
// rejected without loading anything. When the pool cannot be loaded (no
// permission to describe it, no such pool), the call fails with that error,
// which wraps the SDK's, and sends nothing: the check does not pass a client
// it could not check.
//
// The pool rules' warning (attributes that do not exist) is not reported
// here: the call goes ahead; use LintInPool to see it. An update input does
// not say whether the client has a secret, so the rules that need to know
// are left to Cognito, as with [WithPreflight].
func WithPoolPreflight(cache *PoolCache) func(*cip.Options) {
	return func(o *cip.Options) {
		o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
			if _, ok := stack.Initialize.Get(poolPreflightID); ok {
				return nil
			}
			return stack.Initialize.Add(poolPreflight{cache}, middleware.Before)
		})
	}
}

// poolPreflight is the middleware that WithPoolPreflight installs.
type poolPreflight struct{ cache *PoolCache }

// ID names the middleware in the stack.
func (poolPreflight) ID() string { return poolPreflightID }

// HandleInitialize checks a CreateUserPoolClient or UpdateUserPoolClient
// input against its pool and stops the call if it is invalid; any other
// input passes on unchanged.
func (m poolPreflight) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	var r interface {
		Validate() error
		ValidateInPool(*appclient.Pool) error
	}
	var poolID string
	switch params := in.Parameters.(type) {
	case *cip.CreateUserPoolClientInput:
		c := fromCreateInput(params, true)
		r, poolID = &c, c.UserPoolID
	case *cip.UpdateUserPoolClientInput:
		u := fromUpdateInput(params, true)
		r, poolID = &u, u.UserPoolID
	default:
		return next.HandleInitialize(ctx, in)
	}
	if err := r.Validate(); err != nil && poolIDInvalid(err) {
		return middleware.InitializeOutput{}, middleware.Metadata{}, err
	}
	pool, err := m.cache.Pool(ctx, poolID)
	if err != nil {
		return middleware.InitializeOutput{}, middleware.Metadata{}, fmt.Errorf("appclient pre-flight: %w", err)
	}
	if err := r.ValidateInPool(pool); err != nil {
		return middleware.InitializeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleInitialize(ctx, in)
}

// poolIDInvalid reports whether a validation error names UserPoolId: such an
// ID cannot be described.
func poolIDInvalid(err error) bool {
	var ve *appclient.ValidationError
	if !errors.As(err, &ve) {
		return true
	}
	for _, fe := range ve.Errors {
		if fe.Field == "UserPoolId" {
			return true
		}
	}
	return false
}
