package awssdk_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// offline is an HTTP client that answers every call like Cognito would a
// successful CreateUserPoolClient, and counts the calls: the example needs no
// network and no AWS account.
type offline struct{ calls int }

func (o *offline) Do(req *http.Request) (*http.Response, error) {
	o.calls++
	body := `{"UserPoolClient":{"ClientId":"1example23456789","ClientName":"billing-service"}}`
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body:       io.NopCloser(bytes.NewReader([]byte(body))),
		Request:    req,
	}, nil
}

func ExampleWithPreflight() {
	httpClient := &offline{}
	// In a program: cognitoidentityprovider.NewFromConfig(cfg, awssdk.WithPreflight()).
	client := cognitoidentityprovider.New(cognitoidentityprovider.Options{
		Region:      "us-east-1",
		Credentials: aws.AnonymousCredentials{},
		HTTPClient:  httpClient,
	}, awssdk.WithPreflight())

	// A machine-to-machine client without a secret, asking for a scope that
	// only users can have.
	bad := appclient.CreateUserPoolClientRequest{
		UserPoolID:                      "us-east-1_AbC123xyz",
		ClientName:                      "billing-service",
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowClientCredentials},
		AllowedOAuthScopes:              []string{"openid"},
		AllowedOAuthFlowsUserPoolClient: true,
	}
	_, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&bad))
	var verr *appclient.ValidationError
	if errors.As(err, &verr) {
		for _, fe := range verr.Errors {
			fmt.Printf("rejected: %s (%s)\n", fe.Field, fe.Rule)
		}
	}
	fmt.Println("calls sent:", httpClient.calls)

	good := bad
	good.GenerateSecret = true
	good.AllowedOAuthScopes = []string{"billing-api/invoices.read"}
	out, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&good))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("created:", aws.ToString(out.UserPoolClient.ClientId))
	fmt.Println("calls sent:", httpClient.calls)
	// Output:
	// rejected: AllowedOAuthFlows[0] (client-credentials-needs-secret)
	// rejected: AllowedOAuthScopes[0] (client-credentials-reserved-scope)
	// calls sent: 0
	// created: 1example23456789
	// calls sent: 1
}
