package appclient_test

import (
	"fmt"
	"time"

	"github.com/cognitokit/appclient"
)

// A desired client compared with the one Cognito describes: the defaults
// Cognito filled in, other units and another list order are no difference.
func ExampleDiff() {
	want := appclient.CreateUserPoolClientRequest{
		UserPoolID:   "us-east-1_AbC123xyz",
		ClientName:   "orders-web",
		CallbackURLs: []string{"https://orders.example.com/cb", "https://orders.example.com/v2/cb"},
	}
	described := appclient.CreateUserPoolClientRequest{
		UserPoolID:          "us-east-1_AbC123xyz",
		ClientName:          "orders-web",
		CallbackURLs:        []string{"https://orders.example.com/cb"},
		AccessTokenValidity: updatePtr[int32](60),
		TokenValidityUnits:  &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitMinutes},
		AuthSessionValidity: updatePtr[int32](3),
	}
	for _, c := range appclient.Diff(want, described) {
		fmt.Printf("%s: want %v, got %v\n", c.Field, c.Want, c.Got)
	}
	// Output:
	// CallbackURLs: want [https://orders.example.com/cb https://orders.example.com/v2/cb], got [https://orders.example.com/cb]
}

// An update that changes one member carries all the others, since
// UpdateUserPoolClient resets every member it omits.
func ExampleUpdateWith() {
	current := appclient.CreateUserPoolClientRequest{ // as DescribeUserPoolClient shows it
		UserPoolID:                      "us-east-1_AbC123xyz",
		ClientName:                      "orders-web",
		GenerateSecret:                  true,
		CallbackURLs:                    []string{"https://orders.example.com/cb"},
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
		AllowedOAuthScopes:              []string{"openid"},
		AllowedOAuthFlowsUserPoolClient: true,
	}
	u, err := appclient.UpdateWith("1example23456789", current, func(b appclient.Builder) appclient.Builder {
		return b.AccessTokenValidity(30 * time.Minute)
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*u.ClientName, u.CallbackURLs, u.AllowedOAuthFlows, u.AllowedOAuthScopes)
	fmt.Println(*u.AccessTokenValidity, u.TokenValidityUnits.AccessToken)
	// Output:
	// orders-web [https://orders.example.com/cb] [code] [openid]
	// 30 minutes
}

// updatePtr returns a pointer to a copy of v.
func updatePtr[T any](v T) *T { return &v }
