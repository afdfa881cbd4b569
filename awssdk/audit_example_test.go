package awssdk_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cognitokit/appclient/awssdk"
)

// account answers the read-only calls of an audit from memory, as an
// account with one user pool and two app clients would: the example needs
// no network and no AWS account. A service passes its
// *cognitoidentityprovider.Client instead.
type account struct{}

func (account) ListUserPools(context.Context, *cip.ListUserPoolsInput, ...func(*cip.Options)) (*cip.ListUserPoolsOutput, error) {
	return &cip.ListUserPoolsOutput{UserPools: []types.UserPoolDescriptionType{{Id: aws.String("us-east-1_AbC123xyz")}}}, nil
}

func (account) DescribeUserPool(_ context.Context, in *cip.DescribeUserPoolInput, _ ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	return &cip.DescribeUserPoolOutput{UserPool: &types.UserPoolType{Id: in.UserPoolId, UserPoolTier: types.UserPoolTierTypeEssentials}}, nil
}

func (account) ListResourceServers(context.Context, *cip.ListResourceServersInput, ...func(*cip.Options)) (*cip.ListResourceServersOutput, error) {
	return &cip.ListResourceServersOutput{ResourceServers: []types.ResourceServerType{{
		Identifier: aws.String("https://api.example.com"),
		Scopes:     []types.ResourceServerScopeType{{ScopeName: aws.String("orders.read")}},
	}}}, nil
}

func (account) ListIdentityProviders(context.Context, *cip.ListIdentityProvidersInput, ...func(*cip.Options)) (*cip.ListIdentityProvidersOutput, error) {
	return &cip.ListIdentityProvidersOutput{}, nil
}

func (account) ListUserPoolClients(context.Context, *cip.ListUserPoolClientsInput, ...func(*cip.Options)) (*cip.ListUserPoolClientsOutput, error) {
	return &cip.ListUserPoolClientsOutput{UserPoolClients: []types.UserPoolClientDescription{
		{ClientId: aws.String("2example23456789"), ClientName: aws.String("warehouse")},
		{ClientId: aws.String("1example23456789"), ClientName: aws.String("orders-web")},
	}}, nil
}

func (account) DescribeUserPoolClient(_ context.Context, in *cip.DescribeUserPoolClientInput, _ ...func(*cip.Options)) (*cip.DescribeUserPoolClientOutput, error) {
	c := &types.UserPoolClientType{
		UserPoolId: in.UserPoolId, ClientId: in.ClientId,
		ExplicitAuthFlows:          []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth},
		PreventUserExistenceErrors: types.PreventUserExistenceErrorTypesEnabled,
		EnableTokenRevocation:      aws.Bool(true),
	}
	if aws.ToString(in.ClientId) == "1example23456789" {
		c.ClientName = aws.String("orders-web")
		c.CallbackURLs = []string{"https://orders.example.com/cb"}
		c.AllowedOAuthFlows = []types.OAuthFlowType{types.OAuthFlowTypeCode}
		c.AllowedOAuthScopes = []string{"openid"}
		c.AllowedOAuthFlowsUserPoolClient = aws.Bool(true)
	} else {
		c.ClientName = aws.String("warehouse")
		c.ClientSecret = aws.String("never-printed") // dropped as it arrives
		c.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth}
		c.AllowedOAuthFlows = []types.OAuthFlowType{types.OAuthFlowTypeClientCredentials}
		c.AllowedOAuthScopes = []string{"https://api.example.com/orders.write"}
		c.AllowedOAuthFlowsUserPoolClient = aws.Bool(true)
	}
	return &cip.DescribeUserPoolClientOutput{UserPoolClient: c}, nil
}

// Audit every app client of an account, as a service would on a schedule.
func ExampleAudit() {
	for r, err := range awssdk.Audit(context.Background(), account{}, awssdk.AuditOptions{}) {
		if err != nil {
			fmt.Println("could not audit:", err)
			continue
		}
		fmt.Printf("%s %s (%s): %d violations, secret %v\n", r.Client.UserPoolID, r.Client.ClientName,
			r.Client.ClientID, len(r.Errors), r.Client.Config.GenerateSecret)
		for _, fe := range r.Errors {
			fmt.Printf("  %s: %s (%s)\n", fe.Field, fe.Rule, fe.Exception)
		}
	}
	// Output:
	// us-east-1_AbC123xyz orders-web (1example23456789): 0 violations, secret false
	// us-east-1_AbC123xyz warehouse (2example23456789): 1 violations, secret true
	//   AllowedOAuthScopes[0]: custom-scope-exists (ScopeDoesNotExistException)
}
