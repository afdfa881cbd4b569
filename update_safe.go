package appclient

import (
	"fmt"
)

// UpdateTo returns the UpdateUserPoolClient request that makes the app client
// clientID, whose current configuration is current (as
// awssdk.FromUserPoolClient gives it from DescribeUserPoolClient), mean the
// same as desired: afterwards Diff(desired, described) is empty.
//
// UpdateUserPoolClient sets every member it omits back to its default, so the
// update carries every member of desired, not just those that differ from
// current: a member desired leaves out goes back to its default, as it would
// in a new client. It also always carries ClientName (desired's, or current's
// when desired has none) and EnableTokenRevocation (true when desired leaves it
// out, as on create), whose meaning when omitted from an update is not
// documented the same way. UserPoolId is desired's, or current's when desired
// has none.
//
// It fails, wrapping [ErrSecretChange], when desired has a secret (GenerateSecret
// or ClientSecret) and current has none or the other way round: only a new
// client can change that. A secret is compared as "has a secret": a desired
// ClientSecret is never compared with the current value, and never copied. It
// fails when desired names another user pool than current, and with a
// *[ValidationError] when the update is invalid
// ([UpdateUserPoolClientRequest.ValidateWithSecret], with current's secret
// state).
func UpdateTo(clientID string, current, desired CreateUserPoolClientRequest) (UpdateUserPoolClientRequest, error) {
	has := func(r *CreateUserPoolClientRequest) bool { return r.GenerateSecret || r.ClientSecret != nil }
	switch hc, hd := has(&current), has(&desired); {
	case hc && !hd:
		return UpdateUserPoolClientRequest{}, fmt.Errorf("appclient: %w: the client has a secret and the desired configuration has none (create a new client instead)", ErrSecretChange)
	case !hc && hd:
		return UpdateUserPoolClientRequest{}, fmt.Errorf("appclient: %w: the desired configuration has a secret and the client has none (create a new client instead)", ErrSecretChange)
	}
	if desired.UserPoolID == "" {
		desired.UserPoolID = current.UserPoolID
	}
	if current.UserPoolID != "" && desired.UserPoolID != current.UserPoolID {
		return UpdateUserPoolClientRequest{}, fmt.Errorf("appclient: the desired configuration is in user pool %q, the client in %q: an update cannot move a client", desired.UserPoolID, current.UserPoolID)
	}
	if desired.ClientName == "" {
		desired.ClientName = current.ClientName
	}
	u := toUpdate(&desired, clientID)
	if u.EnableTokenRevocation == nil {
		u.EnableTokenRevocation = ptrTo(true)
	}
	if err := u.ValidateWithSecret(has(&current)); err != nil {
		return UpdateUserPoolClientRequest{}, err
	}
	return u, nil
}

// UpdateWith returns the UpdateUserPoolClient request that applies change to
// the app client clientID, whose current configuration is current (as
// awssdk.FromUserPoolClient gives it from DescribeUserPoolClient), and keeps
// every other member as it is. change receives [BuilderFrom](current) and
// returns it changed:
//
//	u, err := appclient.UpdateWith(clientID, current, func(b appclient.Builder) appclient.Builder {
//		return b.AccessTokenValidity(30 * time.Minute)
//	})
//
// The update carries every member of current besides the change, since
// UpdateUserPoolClient sets every member it omits back to its default: an
// update that only held the change would reset the callback URLs, flows and
// scopes. It fails as [Builder.Build] fails for the changed configuration, and
// as [UpdateTo] fails for it (a change of the secret state, ErrSecretChange).
// A change that sets or changes ClientSecret fails with ErrSecretChange too,
// since the update could not send it. A nil change changes nothing.
func UpdateWith(clientID string, current CreateUserPoolClientRequest, change func(Builder) Builder) (UpdateUserPoolClientRequest, error) {
	b := BuilderFrom(current)
	if change != nil {
		b = change(b)
	}
	desired, err := b.Build()
	if err != nil {
		return UpdateUserPoolClientRequest{}, err
	}
	if c, d := current.ClientSecret, desired.ClientSecret; d != nil && (c == nil || *c != *d) {
		return UpdateUserPoolClientRequest{}, fmt.Errorf("appclient: %w: the change sets ClientSecret (create a new client instead)", ErrSecretChange)
	}
	return UpdateTo(clientID, current, desired)
}
