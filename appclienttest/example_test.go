package appclienttest_test

import (
	"fmt"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/appclienttest"
)

// A request file and the client Cognito describes differ in spelling, not in
// meaning: the described client has the defaults filled in, minutes instead
// of hours, and its own list order.
func ExampleMeaning() {
	want := appclient.CreateUserPoolClientRequest{
		UserPoolID:   "us-east-1_AbC123xyz",
		ClientName:   "orders-web",
		CallbackURLs: []string{"https://orders.example.com/cb", "https://staging.orders.example.com/cb"},
	}
	described := appclient.CreateUserPoolClientRequest{
		UserPoolID:          "us-east-1_AbC123xyz",
		ClientName:          "orders-web",
		CallbackURLs:        []string{"https://staging.orders.example.com/cb", "https://orders.example.com/cb"},
		AccessTokenValidity: ptr[int32](60),
		TokenValidityUnits:  &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitMinutes},
		ExplicitAuthFlows: []appclient.ExplicitAuthFlow{
			appclient.ExplicitAuthFlowAllowRefreshTokenAuth, appclient.ExplicitAuthFlowAllowUserSRPAuth, appclient.ExplicitAuthFlowAllowCustomAuth,
		},
		EnableTokenRevocation: ptr(true),
	}
	fmt.Println(cmp.Equal(want, described))
	fmt.Println(cmp.Equal(want, described, appclienttest.Meaning()))
	// Output:
	// false
	// true
}
