package awssdk

import (
	"context"
	"sync"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go/middleware"

	"github.com/cognitokit/appclient"
)

// preflightID is the ID of the pre-flight middleware in the Initialize step.
const preflightID = "appclient.Preflight"

// WithPreflight returns a client option that validates every
// CreateUserPoolClient and UpdateUserPoolClient call before the SDK serializes
// it. Use it for all calls of a client:
//
//	client := cognitoidentityprovider.NewFromConfig(cfg, awssdk.WithPreflight())
//
// or for one call:
//
//	out, err := client.CreateUserPoolClient(ctx, in, awssdk.WithPreflight())
//
// The check is [appclient.CreateUserPoolClientRequest.Validate] on the request
// that [FromCreateInput] gives for the call's input, or
// [appclient.UpdateUserPoolClientRequest.Validate] on the update that
// [FromUpdateInput] gives. An update input does not say whether the client has
// a secret, so the two rules that depend on it (client_credentials and
// EnablePropagateAdditionalUserContextData need a secret) are not checked on
// updates here; [UpdateClientWith] checks them, since it describes the client
// first. When the check fails, the call
// returns the validation error without sending anything: the error wraps an
// [*appclient.ValidationError], so errors.As reaches every violation and
// errors.Is works with appclient's sentinels (such as [appclient.ErrOAuth]).
// Such a call is never retried: the check runs at the front of the Initialize
// step, ahead of the SDK's own input validation, while the SDK retries only
// attempts of the Finalize step; nor is the error one a retryer counts as
// retryable.
//
// Other operations pass untouched. Giving the option more than once (for the
// client and again for a call) installs the check once.
func WithPreflight() func(*cip.Options) {
	return func(o *cip.Options) {
		o.APIOptions = append(o.APIOptions, addPreflight)
	}
}

// addPreflight puts the pre-flight check at the front of the Initialize step,
// ahead of the SDK's own input validation, so that a missing required member
// is reported as an appclient violation too.
func addPreflight(stack *middleware.Stack) error {
	if _, ok := stack.Initialize.Get(preflightID); ok {
		return nil
	}
	return stack.Initialize.Add(preflight{}, middleware.Before)
}

// preflight is the middleware that WithPreflight installs.
type preflight struct{}

// ID names the middleware in the stack.
func (preflight) ID() string { return preflightID }

// HandleInitialize validates a CreateUserPoolClient or UpdateUserPoolClient
// input and stops the call if it is invalid; any other input passes on
// unchanged.
func (preflight) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	switch params := in.Parameters.(type) {
	case *cip.CreateUserPoolClientInput:
		r := createViews.Get().(*appclient.CreateUserPoolClientRequest)
		*r = fromCreateInput(params, true)
		err := r.Validate()
		*r = appclient.CreateUserPoolClientRequest{} // keep nothing of the input
		createViews.Put(r)
		if err != nil {
			return middleware.InitializeOutput{}, middleware.Metadata{}, err
		}
	case *cip.UpdateUserPoolClientInput:
		u := fromUpdateInput(params, true)
		if err := u.Validate(); err != nil {
			return middleware.InitializeOutput{}, middleware.Metadata{}, err
		}
	}
	return next.HandleInitialize(ctx, in)
}

// createViews holds the request values the pre-flight check fills from an
// input: Validate needs its request on the heap, and a call should not pay
// an allocation for it. A violation holds copies of values, never the
// request itself, so a value goes back to the pool as soon as it is checked.
var createViews = sync.Pool{New: func() any { return new(appclient.CreateUserPoolClientRequest) }}
