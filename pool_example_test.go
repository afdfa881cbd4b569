package appclient_test

import (
	"errors"
	"fmt"

	"github.com/cognitokit/appclient"
)

func ExampleCreateUserPoolClientRequest_ValidateInPool() {
	pool := &appclient.Pool{
		ID: "us-east-1_AbC123xyz",
		ResourceServers: []appclient.ResourceServer{
			{Identifier: "https://api.example.com", Scopes: []string{"orders.read"}},
		},
		Attributes: []appclient.Attribute{{Name: "email", Required: true, Mutable: true}},
		Tier:       appclient.UserPoolTierEssentials,
	}
	req, err := appclient.NewMachineToMachineBuilder("us-east-1_AbC123xyz", "billing-worker",
		"https://api.example.com/orders.read", "https://api.example.com/orders.write").Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	var ve *appclient.ValidationError
	if errors.As(req.ValidateInPool(pool), &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe.Field, fe.Rule, fe.Exception)
		}
	}
	// Output:
	// AllowedOAuthScopes[1] custom-scope-exists ScopeDoesNotExistException
}

func ExampleCreateUserPoolClientRequest_LintInPool() {
	pool := &appclient.Pool{Attributes: []appclient.Attribute{{Name: "custom:tenant"}}}
	req := appclient.CreateUserPoolClientRequest{
		UserPoolID:     "us-east-1_AbC123xyz",
		ClientName:     "orders-web",
		ReadAttributes: []string{"email", "tenant"},
	}
	for _, a := range req.LintInPool(pool) {
		fmt.Println(a)
	}
	// Output:
	// ReadAttributes[1]: "tenant" is neither a standard attribute nor in the schema of the user pool (custom attributes take their prefix: did you mean "custom:tenant"?) (attribute-exists)
}
