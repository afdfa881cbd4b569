package appclient

import (
	"testing"
)

func typicalTry() *CreateUserPoolClientRequest {
	p := func(s string) *string { return &s }
	i := func(v int32) *int32 { return &v }
	b := func(v bool) *bool { return &v }
	return &CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "orders-web", GenerateSecret: true,
		RefreshTokenValidity: i(30), AccessTokenValidity: i(60), IDTokenValidity: i(60), TokenValidityUnits: &TokenValidityUnits{AccessToken: "minutes", IDToken: "minutes", RefreshToken: "days"},
		ExplicitAuthFlows: []ExplicitAuthFlow{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}, SupportedIdentityProviders: []string{"COGNITO"},
		CallbackURLs: []string{"https://orders.example.com/auth/callback", "http://localhost:3000/auth/callback"}, LogoutURLs: []string{"https://orders.example.com/"}, DefaultRedirectURI: p("https://orders.example.com/auth/callback"),
		AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: []OAuthFlow{"code"}, AllowedOAuthScopes: []string{"openid", "email", "profile"},
		PreventUserExistenceErrors: "ENABLED", EnableTokenRevocation: b(true)}
}
func BenchmarkTry(bb *testing.B) {
	r := typicalTry()
	bb.ReportAllocs()
	for bb.Loop() {
		_ = r.Validate()
	}
}
