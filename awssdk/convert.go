// Package awssdk connects [appclient.CreateUserPoolClientRequest] and
// [appclient.UpdateUserPoolClientRequest] to aws-sdk-go-v2's Cognito client
// (package cognitoidentityprovider).
//
// It converts requests to and from the SDK's input types ([ToCreateInput],
// [FromCreateInput], [ToUpdateInput], [FromUpdateInput]), turns the app client that DescribeUserPoolClient returns
// into a request that can be compared with the one a user wants
// ([FromUserPoolClient]), and offers a pre-flight check ([WithPreflight]): a
// client option that validates every CreateUserPoolClient call with
// [appclient.CreateUserPoolClientRequest.Validate] before it is serialized, and
// every UpdateUserPoolClient call likewise, so that a request Cognito would
// reject fails locally, with every violation at once, without a network round
// trip and without retries. [UpdateClientWith] changes one member of an existing
// client without resetting the others. [Audit] checks every app client that
// exists in an account's user pools, and [DescribeClient] finds one by ID or
// name, the secret dropped as it arrives.
//
// The conversions copy: the result never shares a slice or a pointer with its
// argument. They are lossless for every member, nested ones included, and keep
// the difference between an absent (nil) and an empty list, except where the
// SDK's types cannot express absence:
//
//   - GenerateSecret, AllowedOAuthFlowsUserPoolClient and
//     AnalyticsConfiguration.UserDataShared are plain bools on both sides
//     (absent means false), so nothing is lost.
//   - RefreshTokenValidity is a plain int32 in the SDK, where 0 means absent
//     and is not sent. A request whose RefreshTokenValidity points to 0
//     therefore becomes an input without it, and comes back with a nil
//     RefreshTokenValidity. Cognito treats 0 and absence alike (both mean the
//     default of 30 days), so the call means the same.
//   - UserPoolId and ClientName (ClientId in an update) are pointers in the
//     SDK and plain strings in appclient: "" becomes nil (absent) and nil
//     becomes "".
//
// The package does not create AWS clients or load configuration or
// credentials: the caller builds the cognitoidentityprovider.Client, and the
// calls that read AWS (LoadPool, Audit, DescribeClient, UpdateClientWith) go
// through it.
package awssdk

import (
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cognitokit/appclient"
)

// ToCreateInput returns the SDK input that sends r. It returns nil for a nil
// r; the SDK treats a nil input as an empty one.
//
// The input shares no memory with r. A RefreshTokenValidity that points to 0
// is left out, since the SDK cannot send 0 (see the package documentation).
func ToCreateInput(r *appclient.CreateUserPoolClientRequest) *cip.CreateUserPoolClientInput {
	if r == nil {
		return nil
	}
	in := toCreateInput(r)
	return &in
}

// FromCreateInput returns the request that in sends. A nil in gives the zero
// request, as the SDK sends an empty body for a nil input.
//
// The request shares no memory with in. An input RefreshTokenValidity of 0,
// which the SDK does not send, becomes nil.
func FromCreateInput(in *cip.CreateUserPoolClientInput) appclient.CreateUserPoolClientRequest {
	return fromCreateInput(in, false)
}

// FromUserPoolClient returns the request that describes the app client c, as
// DescribeUserPoolClient (or CreateUserPoolClient, UpdateUserPoolClient)
// returns it, so that a wanted request and an existing client can be compared
// member for member. A nil c gives the zero request.
//
// The client's secret is not copied: ClientSecret is always nil, and
// GenerateSecret reports whether the client has a secret (c.ClientSecret is
// not nil). A caller comparing a wanted request with the result thus learns
// whether a secret exists without the secret entering the request, where it
// could end up in a diff, a log or a file. A wanted request with a custom
// ClientSecret compares as GenerateSecret true and ClientSecret nil.
//
// The members that describe the client rather than configure it (ClientId,
// CreationDate, LastModifiedDate) have no place in a request and are dropped.
// A RefreshTokenValidity of 0 becomes nil, and a nil
// AllowedOAuthFlowsUserPoolClient becomes false.
//
// Cognito fills in defaults for members a request left out (token validities
// and units, explicit authentication flows, EnableTokenRevocation and more), so
// a described client usually has members set that the request that created it
// left absent.
func FromUserPoolClient(c *types.UserPoolClientType) appclient.CreateUserPoolClientRequest {
	return fromUserPoolClient(c)
}

// ToUpdateInput returns the SDK input that sends the update r. It returns nil
// for a nil r; the SDK treats a nil input as an empty one.
//
// The input shares no memory with r. A RefreshTokenValidity that points to 0
// is left out, since the SDK cannot send 0 (see the package documentation);
// UserPoolId and ClientId of "" are left out too.
func ToUpdateInput(r *appclient.UpdateUserPoolClientRequest) *cip.UpdateUserPoolClientInput {
	if r == nil {
		return nil
	}
	in := toUpdateInput(r)
	return &in
}

// FromUpdateInput returns the update that in sends. A nil in gives the zero
// update, as the SDK sends an empty body for a nil input.
//
// The update shares no memory with in. An input RefreshTokenValidity of 0,
// which the SDK does not send, becomes nil.
func FromUpdateInput(in *cip.UpdateUserPoolClientInput) appclient.UpdateUserPoolClientRequest {
	return fromUpdateInput(in, false)
}

// clone returns a pointer to a copy of *p, or nil.
func clone[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// cp returns p itself with share, else a copy of it.
func cp[T any](share bool, p *T) *T {
	if share {
		return p
	}
	return clone(p)
}

// cpSlice returns s itself with share, else a copy of it.
func cpSlice(share bool, s []string) []string {
	if share {
		return s
	}
	return cloneSlice(s)
}

// deref returns *p, or the zero value for a nil p.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// nonEmpty returns a pointer to a copy of s, or nil for "".
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// nonZero returns a pointer to a copy of n, or nil for 0.
func nonZero(n int32) *int32 {
	if n == 0 {
		return nil
	}
	return &n
}

// cloneSlice copies s, keeping nil as nil and empty as empty.
func cloneSlice(s []string) []string {
	if s == nil {
		return nil
	}
	return append(make([]string, 0, len(s)), s...)
}

// convertSlice copies s into a slice of another string type, keeping nil as
// nil and empty as empty.
func convertSlice[To, From ~string](s []From) []To {
	if s == nil {
		return nil
	}
	out := make([]To, len(s))
	for i, v := range s {
		out[i] = To(v)
	}
	return out
}
