package awssdk

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cognitokit/appclient"
)

// ClientAPI is the part of the Cognito API that [DescribeClient] and
// [Clients] call: ListUserPoolClients and DescribeUserPoolClient, both
// read-only. *cognitoidentityprovider.Client satisfies it.
type ClientAPI interface {
	cip.ListUserPoolClientsAPIClient
	DescribeUserPoolClient(ctx context.Context, in *cip.DescribeUserPoolClientInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error)
}

// AuditAPI is the part of the Cognito API that [Audit] calls, all of it
// read-only: ListUserPools, the calls of [LoadPool] (DescribeUserPool,
// ListResourceServers, ListIdentityProviders) and those of [ClientAPI].
// *cognitoidentityprovider.Client satisfies it.
type AuditAPI interface {
	PoolAPI
	ClientAPI
	cip.ListUserPoolsAPIClient
}

// Page sizes of the List operations: the largest each allows. Variables, so
// that a test can make them small and see several pages.
var (
	userPoolsPage   int32 = 60
	poolClientsPage int32 = 60
)

// LiveClient is an app client that exists, as DescribeUserPoolClient
// describes it, without its secret.
type LiveClient struct {
	// UserPoolID is the ID of the user pool the client belongs to.
	UserPoolID string
	// ClientID is the client's ID.
	ClientID string
	// ClientName is the client's name. Names need not be unique in a pool.
	ClientName string
	// Config is the client's configuration, as [FromUserPoolClient] gives
	// it: GenerateSecret reports whether the client has a secret, and
	// ClientSecret is always nil. The secret is dropped as soon as the
	// description arrives: it is never kept, returned or printed.
	Config appclient.CreateUserPoolClientRequest
}

// ErrNoClient is the error of [DescribeClient] for a user pool that has no
// client of the given ID or name.
var ErrNoClient = errors.New("no such app client")

// DescribeClient describes the app client of the user pool userPoolID whose
// ID, or else whose name, is client. It lists the pool's clients (every page
// of ListUserPoolClients) to resolve the name, then calls
// DescribeUserPoolClient. A name that several clients share is an error that
// lists their IDs, since names need not be unique; a client that does not
// exist is an error that wraps [ErrNoClient].
//
// The caller needs the IAM permissions cognito-idp:ListUserPoolClients and
// cognito-idp:DescribeUserPoolClient.
func DescribeClient(ctx context.Context, api ClientAPI, userPoolID, client string) (LiveClient, error) {
	list, err := listClients(ctx, api, userPoolID)
	if err != nil {
		return LiveClient{}, err
	}
	var byName []types.UserPoolClientDescription
	for _, c := range list {
		if aws.ToString(c.ClientId) == client {
			return describe(ctx, api, userPoolID, aws.ToString(c.ClientId))
		}
		if aws.ToString(c.ClientName) == client {
			byName = append(byName, c)
		}
	}
	switch len(byName) {
	case 0:
		return LiveClient{}, fmt.Errorf("awssdk: user pool %q: %w with ID or name %q", userPoolID, ErrNoClient, client)
	case 1:
		return describe(ctx, api, userPoolID, aws.ToString(byName[0].ClientId))
	}
	ids := make([]string, len(byName))
	for i, c := range byName {
		ids[i] = fmt.Sprintf("%q", aws.ToString(c.ClientId))
	}
	return LiveClient{}, fmt.Errorf("awssdk: user pool %q has %d clients named %q (IDs %s): give an ID", userPoolID, len(byName), client, strings.Join(ids, ", "))
}

// Clients yields every app client of the user pool userPoolID, described,
// in the order of their names (then IDs): it lists them all (every page of
// ListUserPoolClients), then describes one at a time as the loop asks for
// the next. A failed listing yields one error and ends; a client that cannot
// be described yields its ID and name with the error, and the others follow,
// unless ctx is done.
//
// The caller needs the IAM permissions cognito-idp:ListUserPoolClients and
// cognito-idp:DescribeUserPoolClient.
func Clients(ctx context.Context, api ClientAPI, userPoolID string) iter.Seq2[LiveClient, error] {
	return func(yield func(LiveClient, error) bool) {
		list, err := listClients(ctx, api, userPoolID)
		if err != nil {
			yield(LiveClient{UserPoolID: userPoolID}, err)
			return
		}
		for _, c := range list {
			lc, err := describe(ctx, api, userPoolID, aws.ToString(c.ClientId))
			if err != nil {
				lc = LiveClient{UserPoolID: userPoolID, ClientID: aws.ToString(c.ClientId), ClientName: aws.ToString(c.ClientName)}
			}
			if !yield(lc, err) || ctx.Err() != nil {
				return
			}
		}
	}
}

// listClients returns every client of a pool, in the order of their names,
// then IDs.
func listClients(ctx context.Context, api ClientAPI, userPoolID string) ([]types.UserPoolClientDescription, error) {
	var out []types.UserPoolClientDescription
	err := allPages(func(token *string) (*string, error) {
		page, err := api.ListUserPoolClients(ctx, &cip.ListUserPoolClientsInput{
			UserPoolId: aws.String(userPoolID), MaxResults: aws.Int32(poolClientsPage), NextToken: token,
		})
		if err != nil || page == nil {
			return nil, cmp.Or(err, errNoResponse)
		}
		out = append(out, page.UserPoolClients...)
		return page.NextToken, nil
	})
	if err != nil {
		return nil, fmt.Errorf("awssdk: list app clients of user pool %q: %w", userPoolID, err)
	}
	slices.SortStableFunc(out, func(a, b types.UserPoolClientDescription) int {
		return cmp.Or(
			strings.Compare(aws.ToString(a.ClientName), aws.ToString(b.ClientName)),
			strings.Compare(aws.ToString(a.ClientId), aws.ToString(b.ClientId)))
	})
	return out, nil
}

// describe calls DescribeUserPoolClient and drops the secret from the
// answer before anything else reads it.
func describe(ctx context.Context, api ClientAPI, userPoolID, clientID string) (LiveClient, error) {
	out, err := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{
		UserPoolId: aws.String(userPoolID), ClientId: aws.String(clientID),
	})
	if err == nil && (out == nil || out.UserPoolClient == nil) {
		err = errors.New("the response holds no app client")
	}
	if err != nil {
		return LiveClient{}, fmt.Errorf("awssdk: describe app client %q of user pool %q: %w", clientID, userPoolID, err)
	}
	c := out.UserPoolClient
	hasSecret := c.ClientSecret != nil
	c.ClientSecret = nil
	cfg := FromUserPoolClient(c)
	cfg.GenerateSecret = hasSecret
	return LiveClient{
		UserPoolID: userPoolID,
		ClientID:   aws.ToString(c.ClientId),
		ClientName: aws.ToString(c.ClientName),
		Config:     cfg,
	}, nil
}

// AuditOptions are the options of [Audit].
type AuditOptions struct {
	// Pools are the IDs of the user pools to audit, in this order, each
	// once. Empty means every user pool of the client's region, as
	// ListUserPools lists them (every page).
	Pools []string
	// Concurrency is how many user pools are audited at a time; 0 or less
	// means 4. The clients of one pool are described one at a time.
	Concurrency int
}

// ClientReport is what [Audit] found for one app client, or the part of the
// audit that failed.
type ClientReport struct {
	// Client is the app client. ClientID is "" in the one report of a user
	// pool that has no client, and in the report of an error that concerns
	// the whole pool; Config is the zero request when the client could not
	// be described.
	Client LiveClient
	// Pool is the user pool as [LoadPool] describes it, loaded once for all
	// its clients; nil when it could not be loaded (its error is reported
	// once, and its clients are then checked without the pool rules).
	Pool *appclient.Pool
	// Errors are the violations of the client's configuration
	// ([appclient.CreateUserPoolClientRequest.ValidateInPool] against Pool),
	// in the order Validate gives them. For a client that exists, a
	// violation means that Cognito would reject an update that keeps this
	// configuration, such as one built with [appclient.UpdateWith].
	Errors []*appclient.FieldError
	// Advisories are the warnings: [appclient.CreateUserPoolClientRequest.Lint],
	// then LintInPool against Pool.
	Advisories []*appclient.Advisory
}

// Audit checks every app client that exists in the user pools of
// opts.Pools, or in every user pool of the region, against everything
// Cognito enforces and advises: Validate and the pool rules (ValidateInPool),
// Lint and LintInPool, with each pool loaded once ([LoadPool]). It yields one
// report per client, the reports of a pool together, pools in the order
// given or listed and clients in the order of their names, so that a
// service can run it on a schedule:
//
//	for r, err := range awssdk.Audit(ctx, client, awssdk.AuditOptions{}) {
//		if err != nil {
//			log.Print(err) // a pool or client that could not be read
//			continue
//		}
//		for _, fe := range r.Errors {
//			log.Printf("%s %s: %s: %s", r.Client.UserPoolID, r.Client.ClientName, fe.Field, fe.Message)
//		}
//	}
//
// A user pool without clients yields one report whose Client.ClientID is "",
// so that every pool audited appears. An error yields a report naming what
// failed (a pool, or a client of it) with the error, which wraps the SDK's;
// the audit goes on with the rest. A failed ListUserPools, or ctx being done,
// yields one error with the zero report (its Client.UserPoolID is "") and
// ends the audit. Breaking out of the loop stops the
// work under way; Audit returns once it has stopped.
//
// Pools are audited opts.Concurrency at a time. Cognito throttles with
// TooManyRequestsException: give api a retryer that backs off, such as
// [WithAdaptiveRetry]. Client secrets are dropped as each description
// arrives (see [LiveClient]).
//
// Audit only reads. The caller needs the IAM permissions
// cognito-idp:ListUserPools (unless opts.Pools is set),
// cognito-idp:DescribeUserPool, cognito-idp:ListResourceServers,
// cognito-idp:ListIdentityProviders, cognito-idp:ListUserPoolClients and
// cognito-idp:DescribeUserPoolClient.
func Audit(ctx context.Context, api AuditAPI, opts AuditOptions) iter.Seq2[ClientReport, error] {
	return func(yield func(ClientReport, error) bool) {
		parent := ctx
		stopped := func() bool {
			if err := parent.Err(); err != nil {
				yield(ClientReport{}, fmt.Errorf("awssdk: audit: %w", err))
				return true
			}
			return false
		}
		if stopped() {
			return
		}
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer cancel()

		workers := opts.Concurrency
		if workers <= 0 {
			workers = 4
		}
		// Each pool's reports arrive on a channel of their own; the channels
		// go through order in the pools' order, so that the reports come
		// out in that order while up to workers pools are audited at once.
		order := make(chan chan poolResult, workers)
		slots := make(chan struct{}, workers)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(order)
			start := func(id string) bool {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return false
				}
				res := make(chan poolResult, 1)
				select {
				case order <- res:
				case <-ctx.Done():
					<-slots
					return false
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					res <- auditPool(ctx, api, id)
					<-slots
				}()
				return true
			}
			if len(opts.Pools) > 0 {
				seen := map[string]bool{}
				for _, id := range opts.Pools {
					if seen[id] {
						continue
					}
					seen[id] = true
					if !start(id) {
						return
					}
				}
				return
			}
			err := listPools(ctx, api, start)
			if err != nil {
				res := make(chan poolResult, 1)
				res <- poolResult{fatal: err}
				select {
				case order <- res:
				case <-ctx.Done():
				}
			}
		}()

		for res := range order {
			var r poolResult
			select {
			case r = <-res:
			case <-ctx.Done():
			}
			if stopped() {
				return
			}
			if r.fatal != nil {
				yield(ClientReport{}, r.fatal)
				return
			}
			for _, rep := range r.reports {
				if stopped() || !yield(rep.ClientReport, rep.err) {
					return
				}
			}
		}
		stopped()
	}
}

// poolResult is what auditing one pool found: its reports, or an error that
// ends the audit.
type poolResult struct {
	reports []report
	fatal   error
}

// report is a ClientReport with its error.
type report struct {
	ClientReport
	err error
}

// listPools lists every user pool, every page, and starts the audit of each
// as its page arrives; it stops when start returns false.
func listPools(ctx context.Context, api AuditAPI, start func(id string) bool) error {
	stop := errors.New("stop")
	err := allPages(func(token *string) (*string, error) {
		page, err := api.ListUserPools(ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(userPoolsPage), NextToken: token})
		if err != nil || page == nil {
			return nil, cmp.Or(err, errNoResponse)
		}
		for _, p := range page.UserPools {
			if !start(aws.ToString(p.Id)) {
				return nil, stop
			}
		}
		return page.NextToken, nil
	})
	switch {
	case err == stop:
		return nil
	case err != nil:
		return fmt.Errorf("awssdk: list user pools: %w", err)
	}
	return nil
}

// auditPool loads one pool and checks each of its clients against it.
func auditPool(ctx context.Context, api AuditAPI, userPoolID string) poolResult {
	var res poolResult
	pool, err := LoadPool(ctx, api, userPoolID)
	if err != nil {
		if ctx.Err() != nil {
			return poolResult{fatal: fmt.Errorf("awssdk: audit: %w", ctx.Err())}
		}
		res.reports = append(res.reports, report{ClientReport{Client: LiveClient{UserPoolID: userPoolID}}, err})
		pool = nil
	}
	n := 0
	for c, err := range Clients(ctx, api, userPoolID) {
		if ctx.Err() != nil {
			return poolResult{fatal: fmt.Errorf("awssdk: audit: %w", ctx.Err())}
		}
		n++
		rep := report{ClientReport: ClientReport{Client: c, Pool: pool}, err: err}
		if err == nil {
			rep.Errors, rep.Advisories = check(&c.Config, pool)
		}
		res.reports = append(res.reports, rep)
	}
	if n == 0 && len(res.reports) == 0 {
		res.reports = append(res.reports, report{ClientReport: ClientReport{Client: LiveClient{UserPoolID: userPoolID}, Pool: pool}})
	}
	return res
}

// check validates and lints a configuration in its pool (nil: without the
// pool rules).
func check(r *appclient.CreateUserPoolClientRequest, pool *appclient.Pool) ([]*appclient.FieldError, []*appclient.Advisory) {
	var errs []*appclient.FieldError
	if err := r.ValidateInPool(pool); err != nil {
		var ve *appclient.ValidationError
		if errors.As(err, &ve) {
			errs = ve.Errors
		} else {
			errs = []*appclient.FieldError{{Rule: "internal", Message: err.Error(), Err: err}}
		}
	}
	return errs, append(r.Lint(), r.LintInPool(pool)...)
}

// adaptiveAttempts is how many times WithAdaptiveRetry's retryer tries a
// call: more than the SDK's 3, since an audit makes many calls against low
// quotas, and a throttled call is worth waiting for.
const adaptiveAttempts = 8

// WithAdaptiveRetry returns a client option that makes the client retry
// throttled calls (Cognito's TooManyRequestsException among them) with the
// SDK's adaptive retry mode: it backs off, and slows down its own calls while
// Cognito throttles them, trying each call up to 8 times (a
// RetryMaxAttempts of the client's options, such as AWS_MAX_ATTEMPTS sets,
// overrides that). An audit of many pools and clients needs it, since
// Cognito's read quotas are low:
//
//	client := cognitoidentityprovider.NewFromConfig(cfg, awssdk.WithAdaptiveRetry())
func WithAdaptiveRetry() func(*cip.Options) {
	return func(o *cip.Options) {
		o.Retryer = retry.NewAdaptiveMode(func(a *retry.AdaptiveModeOptions) {
			a.StandardOptions = append(a.StandardOptions, func(s *retry.StandardOptions) {
				s.MaxAttempts = adaptiveAttempts
			})
		})
	}
}
