package appclient_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/cognitokit/appclient"
)

// This example reads a request file and prints the token lifetimes the app
// client gets once Cognito has applied its defaults.
func ExampleDecodeRequest() {
	f, err := os.Open("testdata/requests/web-app.json")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()

	req, err := appclient.DecodeRequest(f)
	if err != nil {
		log.Fatal(err)
	}
	lt, err := req.TokenLifetimes()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("client:", req.ClientName)
	fmt.Println("access token:", lt.Access)
	fmt.Println("ID token:", lt.ID)
	fmt.Println("refresh token:", lt.Refresh)
	// Output:
	// client: orders-web
	// access token: 1h0m0s
	// ID token: 1h0m0s
	// refresh token: 720h0m0s
}

// This example shows the error for a member name written the way Terraform
// spells it: DecodeRequest names the member, gives its position and suggests
// the AWS member name.
func ExampleDecodeRequest_unknownMember() {
	const file = "web-app.json"
	in := `{
  "UserPoolId": "us-east-1_AbC123xyz",
  "ClientName": "orders-web",
  "callback_urls": ["https://orders.example.com/auth/callback"]
}`
	_, err := appclient.DecodeRequest(strings.NewReader(in))

	var de *appclient.DecodeError
	if errors.As(err, &de) {
		fmt.Printf("%s:%d:%d: %s: %s\n", file, de.Line, de.Column, de.Field, de.Message)
		fmt.Println("suggestion:", de.Suggestion)
	}
	fmt.Println(errors.Is(err, appclient.ErrUnknownMember))
	// Output:
	// web-app.json:4:3: callback_urls: unknown member (did you mean "CallbackURLs"?)
	// suggestion: CallbackURLs
	// true
}

// This example shows the error for a value of the wrong JSON type in a nested
// member.
func ExampleDecodeError() {
	in := `{
  "UserPoolId": "us-east-1_AbC123xyz",
  "ClientName": "orders-web",
  "AccessTokenValidity": 60,
  "TokenValidityUnits": {"AccessToken": 60}
}`
	_, err := appclient.DecodeRequest(strings.NewReader(in))
	fmt.Println(err)
	fmt.Println(errors.Is(err, appclient.ErrType))
	// Output:
	// appclient: line 5, column 41: TokenValidityUnits.AccessToken: want a string, got number
	// true
}

// This example lints a request that Cognito accepts: Validate finds nothing,
// Lint finds what works badly or dangerously.
func ExampleCreateUserPoolClientRequest_Lint() {
	req := appclient.CreateUserPoolClientRequest{
		UserPoolID:                      "us-east-1_AbC123xyz",
		ClientName:                      "legacy-spa",
		AllowedOAuthFlowsUserPoolClient: true,
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowImplicit},
		AllowedOAuthScopes:              []string{"openid", "email"},
		CallbackURLs:                    []string{"https://*.example.com/callback"},
		PreventUserExistenceErrors:      appclient.UserExistenceErrorsEnabled,
	}
	fmt.Println("Validate:", req.Validate())
	for _, a := range req.Lint() {
		fmt.Println(a.Rule, "on", a.Field)
	}
	// Output:
	// Validate: <nil>
	// implicit-grant on AllowedOAuthFlows[0]
	// redirect-wildcard on CallbackURLs[0]
}
