package awssdk

import (
	"cmp"
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cognitokit/appclient"
)

// PoolAPI is the part of the Cognito API that [LoadPool] calls.
// *cognitoidentityprovider.Client satisfies it; tests can give a fake.
type PoolAPI interface {
	DescribeUserPool(ctx context.Context, in *cip.DescribeUserPoolInput, optFns ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error)
	cip.ListResourceServersAPIClient
	cip.ListIdentityProvidersAPIClient
}

// Page sizes: the largest each List operation allows.
const (
	resourceServersPage   = 50
	identityProvidersPage = 60
)

// LoadPool describes the user pool userPoolID through api: DescribeUserPool
// for its attribute schema and feature plan, ListResourceServers and
// ListIdentityProviders, following every page, for its resource servers with
// their scopes and its identity providers. The result is complete (see
// [appclient.Pool]); its Tier is empty only if Cognito returned none.
//
// The caller needs the IAM permissions cognito-idp:DescribeUserPool,
// cognito-idp:ListResourceServers and cognito-idp:ListIdentityProviders. An
// error names the operation and wraps the SDK's, so errors.As reaches the
// service's exception (such as *types.ResourceNotFoundException).
func LoadPool(ctx context.Context, api PoolAPI, userPoolID string) (*appclient.Pool, error) {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(userPoolID)})
	if err == nil && (out == nil || out.UserPool == nil) {
		err = errNoUserPool
	}
	if err != nil {
		return nil, fmt.Errorf("awssdk: describe user pool %q: %w", userPoolID, err)
	}
	p := &appclient.Pool{
		ID:   userPoolID,
		Tier: appclient.UserPoolTier(out.UserPool.UserPoolTier),
	}
	for _, a := range out.UserPool.SchemaAttributes {
		p.Attributes = append(p.Attributes, appclient.Attribute{
			Name:     aws.ToString(a.Name),
			Required: aws.ToBool(a.Required),
			Mutable:  aws.ToBool(a.Mutable),
		})
	}

	err = allPages(func(token *string) (*string, error) {
		page, err := api.ListResourceServers(ctx, &cip.ListResourceServersInput{
			UserPoolId: aws.String(userPoolID), MaxResults: aws.Int32(resourceServersPage), NextToken: token,
		})
		if err != nil || page == nil {
			return nil, cmp.Or(err, errNoResponse)
		}
		for _, rs := range page.ResourceServers {
			p.ResourceServers = append(p.ResourceServers, resourceServer(rs))
		}
		return page.NextToken, nil
	})
	if err != nil {
		return nil, fmt.Errorf("awssdk: list resource servers of user pool %q: %w", userPoolID, err)
	}
	err = allPages(func(token *string) (*string, error) {
		page, err := api.ListIdentityProviders(ctx, &cip.ListIdentityProvidersInput{
			UserPoolId: aws.String(userPoolID), MaxResults: aws.Int32(identityProvidersPage), NextToken: token,
		})
		if err != nil || page == nil {
			return nil, cmp.Or(err, errNoResponse)
		}
		for _, idp := range page.Providers {
			p.IdentityProviders = append(p.IdentityProviders, aws.ToString(idp.ProviderName))
		}
		return page.NextToken, nil
	})
	if err != nil {
		return nil, fmt.Errorf("awssdk: list identity providers of user pool %q: %w", userPoolID, err)
	}
	return p, nil
}

var (
	errNoUserPool    = errors.New("the response holds no user pool")
	errNoResponse    = errors.New("no response and no error")
	errRepeatedToken = errors.New("a page repeats the token of an earlier page")
)

// nextToken returns the token of the page after one whose NextToken is next,
// or nil after the last page (no token, or an empty one). A token seen before
// would start an endless loop: it is an error, not a silent end, since a
// pool with pages left out would reject what the real pool has.
func nextToken(seen map[string]bool, next *string) (*string, error) {
	if next == nil || *next == "" {
		return nil, nil
	}
	if seen[*next] {
		return nil, errRepeatedToken
	}
	seen[*next] = true
	return next, nil
}

// allPages calls page with each page's token, nil first, until a page has
// no next token, page fails, or a token comes back a second time (a
// service that would page forever): the one loop of every listing.
func allPages(page func(token *string) (next *string, err error)) error {
	seen := map[string]bool{}
	var token *string
	for {
		next, err := page(token)
		if err == nil {
			token, err = nextToken(seen, next)
		}
		if err != nil || token == nil {
			return err
		}
	}
}

// resourceServer converts a resource server of the SDK.
func resourceServer(rs types.ResourceServerType) appclient.ResourceServer {
	out := appclient.ResourceServer{Identifier: aws.ToString(rs.Identifier)}
	for _, s := range rs.Scopes {
		out.Scopes = append(out.Scopes, aws.ToString(s.ScopeName))
	}
	return out
}
