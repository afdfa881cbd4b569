package awssdk_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// offlinePool is an HTTP client that answers like Cognito for a pool with one
// resource server, "billing-api" with the scope "invoices.read", and counts
// the calls of each operation: the example needs no network and no AWS
// account.
type offlinePool struct{ calls map[string]int }

func (o *offlinePool) Do(req *http.Request) (*http.Response, error) {
	op := strings.TrimPrefix(req.Header.Get("X-Amz-Target"), "AWSCognitoIdentityProviderService.")
	o.calls[op]++
	body := map[string]string{
		"DescribeUserPool":      `{"UserPool":{"Id":"us-east-1_AbC123xyz","UserPoolTier":"ESSENTIALS"}}`,
		"ListResourceServers":   `{"ResourceServers":[{"Identifier":"billing-api","Scopes":[{"ScopeName":"invoices.read","ScopeDescription":"read"}]}]}`,
		"ListIdentityProviders": `{"Providers":[]}`,
		"CreateUserPoolClient":  `{"UserPoolClient":{"ClientId":"1example23456789"}}`,
	}[op]
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body:       io.NopCloser(bytes.NewReader([]byte(body))),
		Request:    req,
	}, nil
}

func ExampleWithPoolPreflight() {
	httpClient := &offlinePool{calls: map[string]int{}}
	// In a program: cognitoidentityprovider.NewFromConfig(cfg).
	client := cognitoidentityprovider.New(cognitoidentityprovider.Options{
		Region:      "us-east-1",
		Credentials: aws.AnonymousCredentials{},
		HTTPClient:  httpClient,
	})
	pools := awssdk.NewPoolCache(client, 5*time.Minute)

	create := func(name, scope string) error {
		req := appclient.CreateUserPoolClientRequest{
			UserPoolID:                      "us-east-1_AbC123xyz",
			ClientName:                      name,
			GenerateSecret:                  true,
			AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowClientCredentials},
			AllowedOAuthScopes:              []string{scope},
			AllowedOAuthFlowsUserPoolClient: true,
		}
		_, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&req),
			awssdk.WithPoolPreflight(pools))
		return err
	}
	for _, name := range []string{"billing-worker-1", "billing-worker-2", "billing-worker-3"} {
		if err := create(name, "billing-api/invoices.read"); err != nil {
			fmt.Println(err)
		}
	}
	err := create("billing-worker-4", "billing-api/invoices.write")
	var verr *appclient.ValidationError
	if errors.As(err, &verr) {
		for _, fe := range verr.Errors {
			fmt.Printf("rejected: %s (%s)\n", fe.Field, fe.Rule)
		}
	}
	fmt.Println("DescribeUserPool calls:", httpClient.calls["DescribeUserPool"])
	fmt.Println("CreateUserPoolClient calls:", httpClient.calls["CreateUserPoolClient"])
	// Output:
	// rejected: AllowedOAuthScopes[0] (custom-scope-exists)
	// DescribeUserPool calls: 1
	// CreateUserPoolClient calls: 3
}
