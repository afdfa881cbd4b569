//go:build linux

package awssdk_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
	"github.com/cognitokit/appclient/internal/motoserver"
)

// motoPool creates, through the SDK, a user pool on the LITE plan that
// requires name and has a custom attribute tenant, a resource server
// https://api.example.com with the scopes orders.read and orders.write, and
// an OIDC identity provider CorpOIDC. It returns the pool's ID.
func motoPool(t *testing.T, client *cip.Client) string {
	t.Helper()
	ctx := context.Background()
	out, err := client.CreateUserPool(ctx, &cip.CreateUserPoolInput{
		PoolName:     aws.String("orders"),
		UserPoolTier: types.UserPoolTierTypeLite,
		Schema: []types.SchemaAttributeType{
			{Name: aws.String("name"), AttributeDataType: types.AttributeDataTypeString, Required: aws.Bool(true), Mutable: aws.Bool(true)},
			{Name: aws.String("tenant"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(false)},
		},
	})
	if err != nil {
		t.Fatalf("CreateUserPool: %v", err)
	}
	id := aws.ToString(out.UserPool.Id)
	_, err = client.CreateResourceServer(ctx, &cip.CreateResourceServerInput{
		UserPoolId: aws.String(id),
		Identifier: aws.String("https://api.example.com"),
		Name:       aws.String("orders API"),
		Scopes: []types.ResourceServerScopeType{
			{ScopeName: aws.String("orders.read"), ScopeDescription: aws.String("read orders")},
			{ScopeName: aws.String("orders.write"), ScopeDescription: aws.String("write orders")},
		},
	})
	if err != nil {
		t.Fatalf("CreateResourceServer: %v", err)
	}
	_, err = client.CreateIdentityProvider(ctx, &cip.CreateIdentityProviderInput{
		UserPoolId:   aws.String(id),
		ProviderName: aws.String("CorpOIDC"),
		ProviderType: types.IdentityProviderTypeTypeOidc,
		ProviderDetails: map[string]string{
			"client_id":                 "corp-client",
			"client_secret":             "corp-secret",
			"authorize_scopes":          "openid email",
			"oidc_issuer":               "https://idp.example.com",
			"attributes_request_method": "GET",
		},
	})
	if err != nil {
		t.Fatalf("CreateIdentityProvider: %v", err)
	}
	return id
}

// TestMotoPool loads a real pool, created through the SDK in moto, and shows
// every pool rule rejecting next to its valid neighbour. moto validates no
// client itself: the test proves the pool was read, not that Cognito agrees.
func TestMotoPool(t *testing.T) {
	url := motoserver.Start(t)
	counter := &countingTransport{next: http.DefaultTransport}
	client := newClient(counter, url)
	id := motoPool(t, client)

	pool, err := awssdk.LoadPool(context.Background(), client, id)
	if err != nil {
		t.Fatal(err)
	}
	// moto's DescribeUserPool lists the attributes the pool was created with;
	// Cognito lists every standard attribute too.
	want := &appclient.Pool{
		ID: id,
		ResourceServers: []appclient.ResourceServer{
			{Identifier: "https://api.example.com", Scopes: []string{"orders.read", "orders.write"}},
		},
		IdentityProviders: []string{"CorpOIDC"},
		Attributes: []appclient.Attribute{
			{Name: "name", Required: true, Mutable: true},
			{Name: "custom:tenant"},
		},
		Tier: appclient.UserPoolTierLite,
	}
	if diff := cmp.Diff(want, pool); diff != "" {
		t.Fatalf("LoadPool() mismatch (-want +got):\n%s", diff)
	}

	valid := func() *appclient.CreateUserPoolClientRequest {
		return &appclient.CreateUserPoolClientRequest{
			UserPoolID:                      id,
			ClientName:                      "orders-web",
			GenerateSecret:                  true,
			ExplicitAuthFlows:               []appclient.ExplicitAuthFlow{appclient.ExplicitAuthFlowAllowUserSRPAuth, appclient.ExplicitAuthFlowAllowRefreshTokenAuth},
			SupportedIdentityProviders:      []string{"COGNITO", "CorpOIDC"},
			CallbackURLs:                    []string{"https://orders.example.com/cb"},
			AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
			AllowedOAuthScopes:              []string{"openid", "https://api.example.com/orders.read"},
			AllowedOAuthFlowsUserPoolClient: true,
			ReadAttributes:                  []string{"email", "name", "custom:tenant"},
			WriteAttributes:                 []string{"email", "name"},
		}
	}
	tests := []struct {
		name    string
		modify  func(r *appclient.CreateUserPoolClientRequest)
		rule    string // "" for none
		warning bool   // the rule is LintInPool's
	}{
		{name: "valid"},
		{name: "P1 scope the server lacks", rule: appclient.RuleCustomScopeExists,
			modify: func(r *appclient.CreateUserPoolClientRequest) {
				r.AllowedOAuthScopes[1] = "https://api.example.com/orders.delete"
			}},
		{name: "P1 neighbour: the server's other scope",
			modify: func(r *appclient.CreateUserPoolClientRequest) {
				r.AllowedOAuthScopes[1] = "https://api.example.com/orders.write"
			}},
		{name: "P2 provider the pool lacks", rule: appclient.RuleIdentityProviderExists,
			modify: func(r *appclient.CreateUserPoolClientRequest) { r.SupportedIdentityProviders[1] = "Google" }},
		{name: "P2 neighbour: COGNITO alone",
			modify: func(r *appclient.CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"COGNITO"} }},
		{name: "P3 required name not writable", rule: appclient.RuleWriteAttributesIncludeRequired,
			modify: func(r *appclient.CreateUserPoolClientRequest) { r.WriteAttributes = []string{"email"} }},
		{name: "P3 neighbour: name writable",
			modify: func(r *appclient.CreateUserPoolClientRequest) { r.WriteAttributes = []string{"name"} }},
		{name: "P4 custom attribute without its prefix", rule: appclient.RuleAttributeExists, warning: true,
			modify: func(r *appclient.CreateUserPoolClientRequest) { r.ReadAttributes[2] = "tenant" }},
		{name: "P4 neighbour: with its prefix",
			modify: func(r *appclient.CreateUserPoolClientRequest) { r.ReadAttributes[2] = "custom:tenant" }},
		{name: "P5 ALLOW_USER_AUTH on LITE", rule: appclient.RuleFeaturePlan,
			modify: func(r *appclient.CreateUserPoolClientRequest) {
				r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, appclient.ExplicitAuthFlowAllowUserAuth)
			}},
		{name: "P5 neighbour: SRP only on LITE",
			modify: func(r *appclient.CreateUserPoolClientRequest) {
				r.ExplicitAuthFlows = []appclient.ExplicitAuthFlow{appclient.ExplicitAuthFlowAllowUserSRPAuth, appclient.ExplicitAuthFlowAllowRefreshTokenAuth}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := valid()
			if tt.modify != nil {
				tt.modify(r)
			}
			var got []string
			if ve := (*appclient.ValidationError)(nil); errors.As(r.ValidateInPool(pool), &ve) {
				for _, fe := range ve.Errors {
					got = append(got, fe.Rule)
				}
			}
			for _, a := range r.LintInPool(pool) {
				got = append(got, a.Rule)
			}
			var want []string
			if tt.rule != "" {
				want = []string{tt.rule}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ValidateInPool and LintInPool rules mismatch (-want +got):\n%s", diff)
			}
		})
	}

	// Through the pre-flight: the pool is described once for several
	// clients, the valid ones reach moto, the invalid one does not.
	cache := awssdk.NewPoolCache(client, time.Minute)
	checked := newClient(counter, url, awssdk.WithPoolPreflight(cache))
	before := counter.n.Load()
	for i := range 3 {
		r := valid()
		r.ClientName = fmt.Sprintf("orders-web-%d", i)
		if _, err := checked.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(r)); err != nil {
			t.Fatalf("creating valid client %d: %v", i, err)
		}
	}
	// One describe, one page of resource servers, one of providers, three
	// creates.
	if n := counter.n.Load() - before; n != 6 {
		t.Errorf("%d requests for three valid clients, want 6 (the pool loaded once)", n)
	}
	bad := valid()
	bad.AllowedOAuthScopes[1] = "https://api.example.com/orders.delete"
	before = counter.n.Load()
	_, err = checked.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(bad))
	var ve *appclient.ValidationError
	if !errors.As(err, &ve) || ve.Errors[0].Rule != appclient.RuleCustomScopeExists {
		t.Errorf("invalid client: err = %v, want a custom-scope-exists violation", err)
	}
	if n := counter.n.Load() - before; n != 0 {
		t.Errorf("%d requests for an invalid client, want 0", n)
	}
	list, err := client.ListUserPoolClients(context.Background(), &cip.ListUserPoolClientsInput{UserPoolId: aws.String(id), MaxResults: aws.Int32(60)})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.UserPoolClients) != 3 {
		t.Errorf("moto holds %d clients, want the 3 valid ones", len(list.UserPoolClients))
	}
}
