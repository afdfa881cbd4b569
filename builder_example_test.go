package appclient_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/cognitokit/appclient"
)

// printBuiltRequest prints the request body that would be sent to Cognito.
func printBuiltRequest(req appclient.CreateUserPoolClientRequest) {
	data, err := json.MarshalIndent(req, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
}

// A server-side web app: managed login with the authorization-code grant and a
// client secret. Only the callback URL and the scopes are the caller's to give.
func ExampleNewWebAppBuilder() {
	req, err := appclient.NewWebAppBuilder("us-east-1_AbC123xyz", "orders-web",
		"https://orders.example.com/oauth2/callback").
		AllowedOAuthScopes("openid", "email", "profile").
		LogoutURLs("https://orders.example.com/").
		AccessTokenValidity(30 * time.Minute).
		Build()
	if err != nil {
		log.Fatal(err)
	}
	printBuiltRequest(req)
	// Output:
	// {
	//   "UserPoolId": "us-east-1_AbC123xyz",
	//   "ClientName": "orders-web",
	//   "GenerateSecret": true,
	//   "AccessTokenValidity": 30,
	//   "TokenValidityUnits": {
	//     "AccessToken": "minutes"
	//   },
	//   "ExplicitAuthFlows": [
	//     "ALLOW_USER_SRP_AUTH",
	//     "ALLOW_REFRESH_TOKEN_AUTH"
	//   ],
	//   "SupportedIdentityProviders": [
	//     "COGNITO"
	//   ],
	//   "CallbackURLs": [
	//     "https://orders.example.com/oauth2/callback"
	//   ],
	//   "LogoutURLs": [
	//     "https://orders.example.com/"
	//   ],
	//   "AllowedOAuthFlows": [
	//     "code"
	//   ],
	//   "AllowedOAuthScopes": [
	//     "openid",
	//     "email",
	//     "profile"
	//   ],
	//   "AllowedOAuthFlowsUserPoolClient": true,
	//   "PreventUserExistenceErrors": "ENABLED",
	//   "EnableTokenRevocation": true
	// }
}

// A public client, here a mobile app: no secret, the authorization-code grant
// with PKCE, and a redirect to the app's own URL scheme.
func ExampleNewPublicClientBuilder() {
	req, err := appclient.NewPublicClientBuilder("us-east-1_AbC123xyz", "orders-mobile",
		"com.example.orders:/callback").
		AllowedOAuthScopes("openid", "email").
		Build()
	if err != nil {
		log.Fatal(err)
	}
	printBuiltRequest(req)
	// Output:
	// {
	//   "UserPoolId": "us-east-1_AbC123xyz",
	//   "ClientName": "orders-mobile",
	//   "ExplicitAuthFlows": [
	//     "ALLOW_USER_SRP_AUTH",
	//     "ALLOW_REFRESH_TOKEN_AUTH"
	//   ],
	//   "SupportedIdentityProviders": [
	//     "COGNITO"
	//   ],
	//   "CallbackURLs": [
	//     "com.example.orders:/callback"
	//   ],
	//   "AllowedOAuthFlows": [
	//     "code"
	//   ],
	//   "AllowedOAuthScopes": [
	//     "openid",
	//     "email"
	//   ],
	//   "AllowedOAuthFlowsUserPoolClient": true,
	//   "PreventUserExistenceErrors": "ENABLED",
	//   "EnableTokenRevocation": true
	// }
}

// A client of GetClientToken: a service that gets access tokens for itself
// from the Cognito API, with custom scopes and a generated secret, and no
// OAuth flow.
func ExampleNewClientTokenBuilder() {
	req, err := appclient.NewClientTokenBuilder("us-east-1_AbC123xyz", "inventory-service",
		"inventory/read").
		Build()
	if err != nil {
		log.Fatal(err)
	}
	printBuiltRequest(req)
	// Output:
	// {
	//   "UserPoolId": "us-east-1_AbC123xyz",
	//   "ClientName": "inventory-service",
	//   "GenerateSecret": true,
	//   "ExplicitAuthFlows": [
	//     "ALLOW_CLIENT_TOKEN_AUTH"
	//   ],
	//   "AllowedOAuthScopes": [
	//     "inventory/read"
	//   ],
	//   "PreventUserExistenceErrors": "ENABLED",
	//   "EnableTokenRevocation": true
	// }
}

// A machine-to-machine client: the client-credentials grant with the custom
// scopes of a resource server, and a generated secret.
func ExampleNewMachineToMachineBuilder() {
	req, err := appclient.NewMachineToMachineBuilder("us-east-1_AbC123xyz", "billing-worker",
		"orders/read", "orders/write").
		AccessTokenValidity(15 * time.Minute).
		Build()
	if err != nil {
		log.Fatal(err)
	}
	printBuiltRequest(req)
	// Output:
	// {
	//   "UserPoolId": "us-east-1_AbC123xyz",
	//   "ClientName": "billing-worker",
	//   "GenerateSecret": true,
	//   "AccessTokenValidity": 15,
	//   "TokenValidityUnits": {
	//     "AccessToken": "minutes"
	//   },
	//   "ExplicitAuthFlows": [
	//     "ALLOW_REFRESH_TOKEN_AUTH"
	//   ],
	//   "AllowedOAuthFlows": [
	//     "client_credentials"
	//   ],
	//   "AllowedOAuthScopes": [
	//     "orders/read",
	//     "orders/write"
	//   ],
	//   "AllowedOAuthFlowsUserPoolClient": true,
	//   "PreventUserExistenceErrors": "ENABLED",
	//   "EnableTokenRevocation": true
	// }
}

// Builders are values: one configuration forks into several clients without
// any of them seeing the others' changes.
func ExampleBuilder_fork() {
	base := appclient.NewPublicClientBuilder("us-east-1_AbC123xyz", "base",
		"https://app.example.com/callback").
		AllowedOAuthScopes("openid")

	staging := base.ClientName("app-staging").AddCallbackURLs("http://localhost:3000/callback")
	prod := base.ClientName("app-prod").AddAllowedOAuthScopes("email")

	for _, b := range []appclient.Builder{base, staging, prod} {
		req, err := b.Build()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(req.ClientName, req.CallbackURLs, req.AllowedOAuthScopes)
	}
	// Output:
	// base [https://app.example.com/callback] [openid]
	// app-staging [https://app.example.com/callback http://localhost:3000/callback] [openid]
	// app-prod [https://app.example.com/callback] [openid email]
}

// Edit reaches what the setters do not, such as making a member absent again.
func ExampleBuilder_Edit() {
	b := appclient.NewBuilder("us-east-1_AbC123xyz", "app").
		EnableTokenRevocation(false).
		AuthSessionValidity(10 * time.Minute)

	b = b.Edit(func(r *appclient.CreateUserPoolClientRequest) {
		r.EnableTokenRevocation = nil // back to Cognito's default
	})
	req, err := b.Build()
	if err != nil {
		log.Fatal(err)
	}
	printBuiltRequest(req)
	// Output:
	// {
	//   "UserPoolId": "us-east-1_AbC123xyz",
	//   "ClientName": "app",
	//   "AuthSessionValidity": 10
	// }
}

// Build reports every problem at once: first the builder's own (a lifetime no
// unit expresses exactly, which never reaches Cognito), then everything
// Validate finds, here what only the caller can give a web app.
func ExampleBuilder_Build_problems() {
	_, err := appclient.NewWebAppBuilder("us-east-1_AbC123xyz", "orders-web").
		AccessTokenValidity(90*time.Second + 500*time.Millisecond).
		Build()

	var ve *appclient.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Printf("%s %s %q\n", fe.Field, fe.Rule, fe.Exception)
		}
	}
	fmt.Println(errors.Is(err, appclient.ErrTokenValidity))
	// Output:
	// AccessTokenValidity duration ""
	// AllowedOAuthScopes oauth-flows-and-scopes-required "InvalidParameterException"
	// CallbackURLs code-implicit-need-callbacks "InvalidOAuthFlowException"
	// true
}
