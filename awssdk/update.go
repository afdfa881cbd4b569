package awssdk

import (
	"context"
	"fmt"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognitokit/appclient"
)

// UpdateAPI is the part of *cognitoidentityprovider.Client that [UpdateClientWith]
// and [UpdateClientTo] use.
type UpdateAPI interface {
	DescribeUserPoolClient(ctx context.Context, in *cip.DescribeUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error)
	UpdateUserPoolClient(ctx context.Context, in *cip.UpdateUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.UpdateUserPoolClientOutput, error)
}

// Updated is what [UpdateClientWith] or [UpdateClientTo] did to a client.
type Updated struct {
	// Changes are the members whose meaning the update changed, as
	// [appclient.Diff] reports them, with Want the new value and Got the value
	// before. Empty when the client already had the configuration asked for:
	// nothing was sent then.
	Changes []appclient.Change

	// Sent reports whether an UpdateUserPoolClient request was sent.
	Sent bool

	// Request is the update that was sent, or would have been: it carries
	// every member of the client's configuration, changed or not.
	Request appclient.UpdateUserPoolClientRequest

	// Client is the client's configuration as UpdateUserPoolClient returned
	// it, or as DescribeUserPoolClient did when nothing was sent, converted by
	// [FromUserPoolClient]: it never holds the client secret.
	Client appclient.CreateUserPoolClientRequest
}

// UpdateClientWith describes the app client clientID of the user pool
// userPoolID, applies change to its configuration, and sends the
// UpdateUserPoolClient request that makes that change and keeps every other
// member as it was ([appclient.UpdateWith]): UpdateUserPoolClient resets every
// member a request leaves out, so an update that only held the change would
// reset the callback URLs, flows and scopes. change receives a Builder that
// starts from the described configuration:
//
//	done, err := awssdk.UpdateClientWith(ctx, client, poolID, clientID,
//		func(b appclient.Builder) appclient.Builder {
//			return b.AddCallbackURLs("https://orders.example.com/v2/callback")
//		})
//	for _, c := range done.Changes {
//		log.Printf("%s: %v -> %v", c.Field, c.Got, c.Want)
//	}
//
// The changed configuration is checked before anything is sent, with the
// rules that need to know whether the client has a secret. It fails without
// sending an update when the description fails, when the change makes the
// configuration invalid (a *[appclient.ValidationError]), or when it adds or
// removes a secret ([appclient.ErrSecretChange]). A change that changes no
// meaning sends nothing.
//
// The describe and the update are two calls, and Cognito has no conditional
// update: a change that another writer (the console, a deployment, another
// process) makes to the client between the two is undone by this update,
// without notice. Serialize the writers of a client, or compare Changes with
// what you meant to change. When Cognito sees two writes to one client at
// once it answers ConcurrentModificationException: UpdateClientWith returns that
// error wrapped, so errors.As with a *types.ConcurrentModificationException
// finds it; calling UpdateClientWith again describes the client afresh.
func UpdateClientWith(ctx context.Context, api UpdateAPI, userPoolID, clientID string, change func(appclient.Builder) appclient.Builder) (Updated, error) {
	return update(ctx, api, userPoolID, clientID, func(current appclient.CreateUserPoolClientRequest) (appclient.UpdateUserPoolClientRequest, error) {
		return appclient.UpdateWith(clientID, current, change)
	})
}

// UpdateClientTo is [UpdateClientWith] for a desired configuration rather than a
// change: it sends the update that makes the client mean the same as desired
// ([appclient.UpdateTo]). Members desired leaves out go back to their
// defaults. It fails, sending nothing, where UpdateClientWith fails, and when
// desired names another user pool. The same race applies.
func UpdateClientTo(ctx context.Context, api UpdateAPI, userPoolID, clientID string, desired appclient.CreateUserPoolClientRequest) (Updated, error) {
	return update(ctx, api, userPoolID, clientID, func(current appclient.CreateUserPoolClientRequest) (appclient.UpdateUserPoolClientRequest, error) {
		return appclient.UpdateTo(clientID, current, desired)
	})
}

// update describes the client, builds the update from its configuration,
// and sends it if it changes anything.
func update(ctx context.Context, api UpdateAPI, userPoolID, clientID string,
	build func(current appclient.CreateUserPoolClientRequest) (appclient.UpdateUserPoolClientRequest, error),
) (Updated, error) {
	desc, err := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: &userPoolID, ClientId: &clientID})
	if err != nil {
		return Updated{}, fmt.Errorf("appclient/awssdk: describing client %q: %w", clientID, err)
	}
	if desc.UserPoolClient == nil {
		return Updated{}, fmt.Errorf("appclient/awssdk: describing client %q: the answer has no client", clientID)
	}
	current := FromUserPoolClient(desc.UserPoolClient)
	u, err := build(current)
	if err != nil {
		return Updated{}, err
	}
	after := u.Configuration()
	after.GenerateSecret = current.GenerateSecret // an update keeps the secret state
	done := Updated{Changes: appclient.Diff(after, current), Request: u, Client: current}
	if len(done.Changes) == 0 {
		return done, nil
	}
	out, err := api.UpdateUserPoolClient(ctx, ToUpdateInput(&u))
	if err != nil {
		return Updated{}, fmt.Errorf("appclient/awssdk: updating client %q: %w", clientID, err)
	}
	done.Sent = true
	if out.UserPoolClient != nil {
		done.Client = FromUserPoolClient(out.UserPoolClient)
	} else {
		done.Client = after
	}
	return done, nil
}
