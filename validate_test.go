package appclient

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// violation is what the tests compare of a FieldError: never its text.
type violation struct {
	Field, Rule, Exception string
}

const (
	ipe  = ExceptionInvalidParameter
	iofe = ExceptionInvalidOAuthFlow
	sdne = ExceptionScopeDoesNotExist
)

// violations returns the violations of err, which must be nil or a
// *ValidationError.
func violations(t *testing.T, err error) []violation {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate() returned %T, want *ValidationError", err)
	}
	if len(ve.Errors) == 0 {
		t.Fatal("Validate() returned a *ValidationError without violations")
	}
	var out []violation
	for _, fe := range ve.Errors {
		out = append(out, violation{fe.Field, fe.Rule, fe.Exception})
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// webApp is a valid server-side web-app request, the base most cases mutate.
func webApp() *CreateUserPoolClientRequest {
	return &CreateUserPoolClientRequest{
		UserPoolID:           "us-east-1_AbC123xyz",
		ClientName:           "orders-web",
		GenerateSecret:       true,
		RefreshTokenValidity: ptr[int32](30),
		AccessTokenValidity:  ptr[int32](60),
		IDTokenValidity:      ptr[int32](60),
		TokenValidityUnits: &TokenValidityUnits{
			AccessToken: TimeUnitMinutes, IDToken: TimeUnitMinutes, RefreshToken: TimeUnitDays,
		},
		ExplicitAuthFlows:               []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth},
		SupportedIdentityProviders:      []string{"COGNITO"},
		CallbackURLs:                    []string{"https://orders.example.com/auth/callback", "http://localhost:3000/auth/callback"},
		LogoutURLs:                      []string{"https://orders.example.com/"},
		DefaultRedirectURI:              ptr("https://orders.example.com/auth/callback"),
		AllowedOAuthFlows:               []OAuthFlow{OAuthFlowCode},
		AllowedOAuthScopes:              []string{"openid", "email", "profile"},
		AllowedOAuthFlowsUserPoolClient: true,
		PreventUserExistenceErrors:      UserExistenceErrorsEnabled,
		EnableTokenRevocation:           ptr(true),
	}
}

// machine is a valid machine-to-machine request.
func machine() *CreateUserPoolClientRequest {
	return &CreateUserPoolClientRequest{
		UserPoolID:                      "us-east-1_AbC123xyz",
		ClientName:                      "billing-worker",
		GenerateSecret:                  true,
		AllowedOAuthFlows:               []OAuthFlow{OAuthFlowClientCredentials},
		AllowedOAuthScopes:              []string{"orders-api/orders.read", "https://api.example.com/orders/orders.write"},
		AllowedOAuthFlowsUserPoolClient: true,
	}
}

// clientToken is a client of GetClientToken as AWS's own example template
// creates it: ALLOW_CLIENT_TOKEN_AUTH alone, a generated secret, a custom
// scope, and the OAuth flag off.
func clientToken() *CreateUserPoolClientRequest {
	return &CreateUserPoolClientRequest{
		UserPoolID:         "us-east-1_AbC123xyz",
		ClientName:         "inventory-service",
		GenerateSecret:     true,
		ExplicitAuthFlows:  []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth},
		AllowedOAuthScopes: []string{"orders-api/orders.read"},
	}
}

// validationCase mutates a base request and names the violations it wants.
type validationCase struct {
	name   string
	base   func() *CreateUserPoolClientRequest // webApp when nil
	mutate func(r *CreateUserPoolClientRequest)
	want   []violation
}

func runValidationCases(t *testing.T, cases []validationCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			base := tc.base
			if base == nil {
				base = webApp
			}
			r := base()
			tc.mutate(r)
			got := violations(t, r.Validate())
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateBasesAreValid(t *testing.T) {
	for name, r := range map[string]*CreateUserPoolClientRequest{"webApp": webApp(), "machine": machine()} {
		if err := r.Validate(); err != nil {
			t.Errorf("%s: Validate() = %v, want nil", name, err)
		}
	}
}

// s returns a string of n copies of c.
func s(c string, n int) string { return strings.Repeat(c, n) }

func TestValidateModelConstraints(t *testing.T) { runValidationCases(t, modelConstraintCases()) }

// modelConstraintCases are the cases of TestValidateModelConstraints.
func modelConstraintCases() []validationCase {
	return []validationCase{
		// UserPoolId: required, 1-55, ^[\w-]+_[0-9a-zA-Z]+$.
		{"UserPoolId empty", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "" }, []violation{{"UserPoolId", "required", ipe}}},
		{"UserPoolId 55", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_" + s("a", 45) }, nil},
		{"UserPoolId 56", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_" + s("a", 46) }, []violation{{"UserPoolId", "length", ipe}}},
		{"UserPoolId emulator form", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "local_3kD9x0aB" }, nil},
		{"UserPoolId underscores in prefix", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "a_b_c" }, nil},
		{"UserPoolId no underscore", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1AbC" }, []violation{{"UserPoolId", "pattern", ipe}}},
		{"UserPoolId empty prefix", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "_AbC" }, []violation{{"UserPoolId", "pattern", ipe}}},
		{"UserPoolId empty suffix", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_" }, []violation{{"UserPoolId", "pattern", ipe}}},
		{"UserPoolId dash in suffix", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_Ab-c" }, []violation{{"UserPoolId", "pattern", ipe}}},
		{"UserPoolId space", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us east-1_AbC" }, []violation{{"UserPoolId", "pattern", ipe}}},
		{"UserPoolId non-ASCII", nil, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_Äbc" }, []violation{{"UserPoolId", "pattern", ipe}}},

		// ClientName: required, 1-128 characters, ^[\w\s+=,.@-]+$.
		{"ClientName empty", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "" }, []violation{{"ClientName", "required", ipe}}},
		{"ClientName 1", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "a" }, nil},
		{"ClientName 128", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = s("a", 128) }, nil},
		{"ClientName 129", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = s("a", 129) }, []violation{{"ClientName", "length", ipe}}},
		{"ClientName all allowed punctuation", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "a+b=c,d.e@f-g_h 9" }, nil},
		{"ClientName Java whitespace", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "a\tb\nc\x0bd\fe\rf" }, nil},
		{"ClientName punctuation", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "my app!" }, []violation{{"ClientName", "pattern", ipe}}},
		{"ClientName slash", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "web/app" }, []violation{{"ClientName", "pattern", ipe}}},
		{"ClientName non-breaking space", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "web\u00a0app" }, []violation{{"ClientName", "pattern", ipe}}},
		{"ClientName non-ASCII letter", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = "naïve" }, []violation{{"ClientName", "pattern", ipe}}},
		// 128 two-byte characters: the length counts characters, so only the pattern fails.
		{"ClientName 128 code points", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = s("é", 128) }, []violation{{"ClientName", "pattern", ipe}}},
		{"ClientName 129 code points", nil, func(r *CreateUserPoolClientRequest) { r.ClientName = s("é", 129) }, []violation{{"ClientName", "length", ipe}}},

		// ClientSecret: 24-64, ^[\w+]+$ (and not with GenerateSecret).
		{"ClientSecret 23", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a", 23)) }, []violation{{"ClientSecret", "length", ipe}}},
		{"ClientSecret 24", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a", 24)) }, nil},
		{"ClientSecret 64", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a_+9", 16)) }, nil},
		{"ClientSecret 65", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a", 65)) }, []violation{{"ClientSecret", "length", ipe}}},
		{"ClientSecret slash", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a", 23) + "/") }, []violation{{"ClientSecret", "pattern", ipe}}},
		{"ClientSecret base64 padding", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a", 23) + "=") }, []violation{{"ClientSecret", "pattern", ipe}}},
		{"ClientSecret dash", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a", 23) + "-") }, []violation{{"ClientSecret", "pattern", ipe}}},

		// Raw ranges, whatever the unit.
		{"RefreshTokenValidity -1", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](-1) }, []violation{{"RefreshTokenValidity", "range", ipe}}},
		{"RefreshTokenValidity 0 means default", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](0) }, nil},
		{"RefreshTokenValidity 315360000 seconds", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenValidity = ptr[int32](315360000)
			r.TokenValidityUnits.RefreshToken = TimeUnitSeconds
		}, nil},
		{"RefreshTokenValidity 315360001", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenValidity = ptr[int32](315360001)
			r.TokenValidityUnits.RefreshToken = TimeUnitSeconds
		}, []violation{{"RefreshTokenValidity", "range", ipe}}},
		{"AccessTokenValidity 0", nil, func(r *CreateUserPoolClientRequest) { r.AccessTokenValidity = ptr[int32](0) }, []violation{{"AccessTokenValidity", "range", ipe}}},
		{"AccessTokenValidity 1 hour", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](1)
			r.TokenValidityUnits.AccessToken = TimeUnitHours
		}, nil},
		{"AccessTokenValidity 86400 seconds", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](86400)
			r.TokenValidityUnits.AccessToken = TimeUnitSeconds
		}, nil},
		{"AccessTokenValidity 86401", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](86401)
			r.TokenValidityUnits.AccessToken = TimeUnitSeconds
		}, []violation{{"AccessTokenValidity", "range", ipe}}},
		{"IdTokenValidity 0", nil, func(r *CreateUserPoolClientRequest) { r.IDTokenValidity = ptr[int32](0) }, []violation{{"IdTokenValidity", "range", ipe}}},
		{"IdTokenValidity 86401", nil, func(r *CreateUserPoolClientRequest) { r.IDTokenValidity = ptr[int32](86401) }, []violation{{"IdTokenValidity", "range", ipe}}},

		// Units: case-sensitive enumeration; "" is absent.
		{"AccessToken unit Hours", nil, func(r *CreateUserPoolClientRequest) { r.TokenValidityUnits.AccessToken = "Minutes" }, []violation{{"TokenValidityUnits.AccessToken", "enum", ipe}}},
		{"IdToken unit singular", nil, func(r *CreateUserPoolClientRequest) { r.TokenValidityUnits.IDToken = "minute" }, []violation{{"TokenValidityUnits.IdToken", "enum", ipe}}},
		{"RefreshToken unit unknown", nil, func(r *CreateUserPoolClientRequest) { r.TokenValidityUnits.RefreshToken = "weeks" }, []violation{{"TokenValidityUnits.RefreshToken", "enum", ipe}}},
		{"units absent", nil, func(r *CreateUserPoolClientRequest) {
			r.TokenValidityUnits = &TokenValidityUnits{}
			r.AccessTokenValidity, r.IDTokenValidity = ptr[int32](1), ptr[int32](24)
		}, nil},

		// Attribute lists: each 1-2048, no list limit.
		{"ReadAttributes entry empty", nil, func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"email", ""} }, []violation{{"ReadAttributes[1]", "length", ipe}}},
		{"ReadAttributes entry 2048", nil, func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"custom:" + s("a", 2041)} }, nil},
		{"ReadAttributes entry 2049", nil, func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"custom:" + s("a", 2042)} }, []violation{{"ReadAttributes[0]", "length", ipe}}},
		{"ReadAttributes many", nil, func(r *CreateUserPoolClientRequest) { r.ReadAttributes = manyStrings("custom:a", 300) }, nil},
		{"WriteAttributes entry empty", nil, func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{""} }, []violation{{"WriteAttributes[0]", "length", ipe}}},
		{"WriteAttributes entry 2049", nil, func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"name", s("a", 2049)} }, []violation{{"WriteAttributes[1]", "length", ipe}}},

		// ExplicitAuthFlows: case-sensitive enumeration per entry.
		{"ExplicitAuthFlows lower case", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{"ALLOW_REFRESH_TOKEN_AUTH", "allow_user_srp_auth"}
		}, []violation{{"ExplicitAuthFlows[1]", "enum", ipe}}},
		// Enum lag: a well-formed ALLOW_ flow that this version does not know
		// passes (Lint's unknown-auth-flow reports it); a near miss of a
		// known flow, or anything not of the ALLOW_ form, is an error.
		{"ExplicitAuthFlows unknown but well formed", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_PASSKEY_AUTH"}
		}, nil},
		{"ExplicitAuthFlows near miss: suffix left out", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP"}
		}, []violation{{"ExplicitAuthFlows[1]", "enum", ipe}}},
		{"ExplicitAuthFlows near miss: letter case", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{"ALLOW_REFRESH_TOKEN_AUTH", "allow_user_srp_auth"}
		}, []violation{{"ExplicitAuthFlows[1]", "enum", ipe}}},
		{"ExplicitAuthFlows near miss: two edits", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SPR_AUTH"}
		}, []violation{{"ExplicitAuthFlows[1]", "enum", ipe}}},
		{"ExplicitAuthFlows not of the ALLOW_ form", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{"ALLOW_REFRESH_TOKEN_AUTH", "PASSKEY_AUTH", "ALLOW_", "ALLOW_Passkey"}
		}, []violation{{"ExplicitAuthFlows[1]", "enum", ipe}, {"ExplicitAuthFlows[2]", "enum", ipe}, {"ExplicitAuthFlows[3]", "enum", ipe}}},
		{"ExplicitAuthFlows client token, known from this version on", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{"ALLOW_CLIENT_TOKEN_AUTH"}
			r.AllowedOAuthFlowsUserPoolClient, r.AllowedOAuthFlows, r.AllowedOAuthScopes = false, nil, []string{"orders-api/orders.read"}
			r.CallbackURLs, r.LogoutURLs, r.DefaultRedirectURI = nil, nil, nil
		}, nil},

		// SupportedIdentityProviders: each 1-32, letters, marks, symbols, numbers, punctuation, separators.
		{"provider empty", nil, func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{""} }, []violation{{"SupportedIdentityProviders[0]", "length", ipe}}},
		{"provider 32", nil, func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{s("ä", 32)} }, nil},
		{"provider 33", nil, func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{s("a", 33)} }, []violation{{"SupportedIdentityProviders[0]", "length", ipe}}},
		{"provider with space", nil, func(r *CreateUserPoolClientRequest) {
			r.SupportedIdentityProviders = []string{"Corp SAML", "Entra-ID (prod)"}
		}, nil},
		{"provider not UTF-8", nil, func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"Corp\xffIdP"} }, []violation{{"SupportedIdentityProviders[0]", "pattern", ipe}}},
		{"provider with tab", nil, func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"COGNITO", "Corp\tSAML"} }, []violation{{"SupportedIdentityProviders[1]", "pattern", ipe}}},

		// CallbackURLs and LogoutURLs: at most 100, each 1-1024 of L, M, S, N, P.
		{"CallbackURLs 100", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs = manyURLs(100) }, nil},
		{"CallbackURLs 101", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs = manyURLs(101) }, []violation{{"CallbackURLs", "list-size", ipe}}},
		{"CallbackURLs 101 with a bad entry", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = append(manyURLs(100), "https://example.com/a b")
		}, []violation{{"CallbackURLs", "list-size", ipe}, {"CallbackURLs[100]", "pattern", ipe}}},
		{"CallbackURLs entry empty", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs = append(r.CallbackURLs, "") }, []violation{{"CallbackURLs[2]", "length", ipe}}},
		{"CallbackURLs entry 1024", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = append(r.CallbackURLs, "https://example.com/"+s("a", 1004))
		}, nil},
		{"CallbackURLs entry 1025", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = append(r.CallbackURLs, "https://example.com/"+s("a", 1005))
		}, []violation{{"CallbackURLs[2]", "length", ipe}}},
		{"CallbackURLs entry with space", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://example.com/a b" }, []violation{{"CallbackURLs[1]", "pattern", ipe}}},
		{"CallbackURLs entry with control character", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://example.com/\x7f" }, []violation{{"CallbackURLs[1]", "pattern", ipe}}},
		{"CallbackURLs entry not UTF-8", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "myapp:\x93" }, []violation{{"CallbackURLs[1]", "pattern", ipe}}},
		{"CallbackURLs entry U+FFFD itself", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "myapp:\ufffd" }, nil},
		{"CallbackURLs entry Unicode", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://例え.jp/コールバック" }, nil},
		{"LogoutURLs 101", nil, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = manyURLs(101) }, []violation{{"LogoutURLs", "list-size", ipe}}},
		{"LogoutURLs entry empty", nil, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{""} }, []violation{{"LogoutURLs[0]", "length", ipe}}},
		{"LogoutURLs entry with space", nil, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{"https://a.example/ x"} }, []violation{{"LogoutURLs[0]", "pattern", ipe}}},

		// DefaultRedirectURI: 1-1024 and the URL pattern; "" is a length problem only.
		{"DefaultRedirectURI empty", nil, func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = ptr("") }, []violation{{"DefaultRedirectURI", "length", ipe}}},
		{"DefaultRedirectURI 1025", nil, func(r *CreateUserPoolClientRequest) {
			r.DefaultRedirectURI = ptr("https://example.com/" + s("a", 1005))
		}, []violation{{"DefaultRedirectURI", "length", ipe}}},
		{"DefaultRedirectURI space", nil, func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = ptr("https://example.com/a b") }, []violation{{"DefaultRedirectURI", "pattern", ipe}}},

		// AllowedOAuthFlows: at most 3, case-sensitive enumeration.
		{"AllowedOAuthFlows 3", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlows = []OAuthFlow{"code", "implicit", "code"}
		}, nil},
		{"AllowedOAuthFlows 4", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlows = []OAuthFlow{"code", "implicit", "code", "implicit"}
		}, []violation{{"AllowedOAuthFlows", "list-size", ipe}}},
		{"AllowedOAuthFlows Code", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlows = []OAuthFlow{"Code"} }, []violation{{"AllowedOAuthFlows[0]", "enum", ipe}}},
		{"AllowedOAuthFlows token", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlows = []OAuthFlow{"code", "token"} }, []violation{{"AllowedOAuthFlows[1]", "enum", ipe}}},

		// AllowedOAuthScopes: at most 50, each 1-256 of [\x21\x23-\x5B\x5D-\x7E].
		{"AllowedOAuthScopes 50", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = manyStrings("api/s", 50) }, nil},
		{"AllowedOAuthScopes 51", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = manyStrings("api/s", 51) }, []violation{{"AllowedOAuthScopes", "list-size", ipe}}},
		{"scope empty", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"openid", ""} }, []violation{{"AllowedOAuthScopes[1]", "length", ipe}}},
		{"scope 256", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"api/" + s("a", 252)} }, nil},
		{"scope 257", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"api/" + s("a", 253)} }, []violation{{"AllowedOAuthScopes[0]", "length", ipe}}},
		{"scope all printable ASCII allowed", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthScopes = []string{"!#$%&'()*+,-./0123456789:;<=>?@AZ[]^_`az{|}~"}
		}, nil},
		{"scope space", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"api/read write"} }, []violation{{"AllowedOAuthScopes[0]", "pattern", ipe}}},
		{"scope quote", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{`api/"read"`} }, []violation{{"AllowedOAuthScopes[0]", "pattern", ipe}}},
		{"scope backslash", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{`api\read`} }, []violation{{"AllowedOAuthScopes[0]", "pattern", ipe}}},
		{"scope non-ASCII", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"api/lesen-ü"} }, []violation{{"AllowedOAuthScopes[0]", "pattern", ipe}}},

		// AnalyticsConfiguration.
		{"ApplicationId hex", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationID: ptr("0123456789abcdefABCDEF"), RoleARN: ptr("arn:aws:iam::123456789012:role/pinpoint"), ExternalID: ptr("x")}
		}, nil},
		{"ApplicationId empty", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationID: ptr("")}
		}, []violation{{"AnalyticsConfiguration.ApplicationId", "pattern", ipe}}},
		{"ApplicationId 0x", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationID: ptr("0x12ab")}
		}, []violation{{"AnalyticsConfiguration.ApplicationId", "pattern", ipe}}},
		{"ApplicationArn valid", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:123456789012:apps/6f9b0c1d2e3f"), UserDataShared: true}
		}, nil},
		{"ApplicationArn 8 parts", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:svc:us-east-1:123456789012:a:b:c")}
		}, nil},
		{"ApplicationArn 9 parts", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:svc:us-east-1:123456789012:a:b:c:d")}
		}, []violation{{"AnalyticsConfiguration.ApplicationArn", "pattern", ipe}}},
		{"ApplicationArn 19", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:s:r:1:abcde")}
		}, []violation{{"AnalyticsConfiguration.ApplicationArn", "length", ipe}}},
		{"ApplicationArn account not numeric", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:acct:apps/x")}
		}, []violation{{"AnalyticsConfiguration.ApplicationArn", "pattern", ipe}}},
		{"ApplicationArn empty service", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws::us-east-1:123456789012:apps/x")}
		}, []violation{{"AnalyticsConfiguration.ApplicationArn", "pattern", ipe}}},
		{"ApplicationArn 2049", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:svc:us-east-1:123456789012:" + s("a", 2049-35))}
		}, []violation{{"AnalyticsConfiguration.ApplicationArn", "length", ipe}}},
		{"RoleArn not an ARN", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{RoleARN: ptr("role/pinpoint-events-publisher")}
		}, []violation{{"AnalyticsConfiguration.RoleArn", "pattern", ipe}}},
		{"ExternalId empty", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ExternalID: ptr("")}
		}, nil},
		{"ExternalId 131073", nil, func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ExternalID: ptr(s("x", 131073))}
		}, []violation{{"AnalyticsConfiguration.ExternalId", "length", ipe}}},

		// Scalars.
		{"PreventUserExistenceErrors lower case", nil, func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = "enabled" }, []violation{{"PreventUserExistenceErrors", "enum", ipe}}},
		{"PreventUserExistenceErrors absent", nil, func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = "" }, nil},
		{"AuthSessionValidity 2", nil, func(r *CreateUserPoolClientRequest) { r.AuthSessionValidity = ptr[int32](2) }, []violation{{"AuthSessionValidity", "range", ipe}}},
		{"AuthSessionValidity 3", nil, func(r *CreateUserPoolClientRequest) { r.AuthSessionValidity = ptr[int32](3) }, nil},
		{"AuthSessionValidity 15", nil, func(r *CreateUserPoolClientRequest) { r.AuthSessionValidity = ptr[int32](15) }, nil},
		{"AuthSessionValidity 16", nil, func(r *CreateUserPoolClientRequest) { r.AuthSessionValidity = ptr[int32](16) }, []violation{{"AuthSessionValidity", "range", ipe}}},

		// RefreshTokenRotation.
		{"rotation without Feature", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenRotation = &RefreshTokenRotation{} }, []violation{{"RefreshTokenRotation.Feature", "required", ipe}}},
		{"rotation Feature lower case", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: "disabled"}
		}, []violation{{"RefreshTokenRotation.Feature", "enum", ipe}}},
		{"rotation DISABLED", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: ptr[int32](0)}
		}, nil},
		{"rotation grace 60", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: ptr[int32](60)}
		}, nil},
		{"rotation grace 61", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: ptr[int32](61)}
		}, []violation{{"RefreshTokenRotation.RetryGracePeriodSeconds", "range", ipe}}},
		{"rotation grace -1", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: ptr[int32](-1)}
		}, []violation{{"RefreshTokenRotation.RetryGracePeriodSeconds", "range", ipe}}},
	}
}

func manyStrings(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return out
}

// manyURLs returns n valid callback URLs, the first being webApp's default.
func manyURLs(n int) []string {
	out := manyStrings("https://orders.example.com/cb/", n)
	out[0] = "https://orders.example.com/auth/callback"
	return out
}

// TestValidateServiceRules gives every rule of the rule book's section 2 a
// request it rejects and its nearest valid neighbour.
func TestValidateServiceRules(t *testing.T) { runValidationCases(t, serviceRuleCases()) }

// serviceRuleCases are the cases of TestValidateServiceRules.
func serviceRuleCases() []validationCase {
	return []validationCase{
		// O1 oauth-flows-and-scopes-required.
		{"O1 no flows", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlows = nil }, []violation{{"AllowedOAuthFlows", "oauth-flows-and-scopes-required", ipe}}},
		{"O1 empty scopes", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{} }, []violation{{"AllowedOAuthScopes", "oauth-flows-and-scopes-required", ipe}}},
		{"O1 both, one violation per list", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlows, r.AllowedOAuthScopes = nil, nil },
			[]violation{{"AllowedOAuthFlows", "oauth-flows-and-scopes-required", ipe}, {"AllowedOAuthScopes", "oauth-flows-and-scopes-required", ipe}}},
		{"O1 neighbour: OAuth off", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlowsUserPoolClient = false
			r.AllowedOAuthFlows, r.AllowedOAuthScopes = nil, nil
		}, nil},

		// O2 client-credentials-exclusive.
		{"O2 with code", machine, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowClientCredentials, OAuthFlowCode}
			r.CallbackURLs = []string{"https://app.example.com/cb"}
		}, []violation{{"AllowedOAuthFlows", "client-credentials-exclusive", iofe}}},
		{"O2 with implicit", machine, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowImplicit, OAuthFlowClientCredentials}
			r.CallbackURLs = []string{"https://app.example.com/cb"}
		}, []violation{{"AllowedOAuthFlows", "client-credentials-exclusive", iofe}}},
		{"O2 neighbour: alone", machine, func(r *CreateUserPoolClientRequest) {}, nil},
		{"O2 neighbour: OAuth off", machine, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlowsUserPoolClient = false
			r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowClientCredentials, OAuthFlowCode}
		}, nil},

		// O3 client-credentials-needs-secret.
		{"O3 no secret", machine, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false }, []violation{{"AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe}}},
		{"O3 neighbour: custom secret", machine, func(r *CreateUserPoolClientRequest) {
			r.GenerateSecret = false
			r.ClientSecret = ptr("s3cr3tS3cr3tS3cr3tS3cr3t_+")
		}, nil},
		{"O3 and O2 both reported", machine, func(r *CreateUserPoolClientRequest) {
			r.GenerateSecret = false
			r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowCode, OAuthFlowClientCredentials}
			r.CallbackURLs = []string{"https://app.example.com/cb"}
		}, []violation{{"AllowedOAuthFlows", "client-credentials-exclusive", iofe}, {"AllowedOAuthFlows[1]", "client-credentials-needs-secret", iofe}}},

		// O4 client-credentials-reserved-scope.
		{"O4 openid and email", machine, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthScopes = []string{"openid", "orders-api/orders.read", "email"}
		}, []violation{{"AllowedOAuthScopes[0]", "client-credentials-reserved-scope", iofe}, {"AllowedOAuthScopes[2]", "client-credentials-reserved-scope", iofe}}},
		{"O4 every reserved scope", machine, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthScopes = []string{"phone", "profile", "aws.cognito.signin.user.admin"}
		}, []violation{
			{"AllowedOAuthScopes[0]", "client-credentials-reserved-scope", iofe},
			{"AllowedOAuthScopes[1]", "client-credentials-reserved-scope", iofe},
			{"AllowedOAuthScopes[2]", "client-credentials-reserved-scope", iofe},
		}},
		{"O4 neighbour: code flow may use openid", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthScopes = []string{"openid", "aws.cognito.signin.user.admin", "phone"}
		}, nil},

		// O5 code-implicit-need-callbacks.
		{"O5 code without callbacks", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs, r.DefaultRedirectURI = nil, nil },
			[]violation{{"CallbackURLs", "code-implicit-need-callbacks", iofe}}},
		{"O5 implicit with empty callbacks", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowImplicit}
			r.CallbackURLs, r.DefaultRedirectURI = []string{}, nil
		}, []violation{{"CallbackURLs", "code-implicit-need-callbacks", iofe}}},
		{"O5 neighbour: one callback", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs = r.CallbackURLs[:1] }, nil},
		{"O5 neighbour: client_credentials needs none", machine, func(r *CreateUserPoolClientRequest) { r.CallbackURLs = nil }, nil},

		// O6 scope-not-found.
		{"O6 bare words", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthScopes = []string{"openid", "Cognito", "Openid", "read"}
		}, []violation{
			{"AllowedOAuthScopes[1]", "scope-not-found", sdne},
			{"AllowedOAuthScopes[2]", "scope-not-found", sdne},
			{"AllowedOAuthScopes[3]", "scope-not-found", sdne},
		}},
		{"O6 empty scope name", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"orders-api/"} }, []violation{{"AllowedOAuthScopes[0]", "scope-not-found", sdne}}},
		{"O6 empty resource server", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"/read"} }, []violation{{"AllowedOAuthScopes[0]", "scope-not-found", sdne}}},
		{"O6 neighbour: custom scopes", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthScopes = []string{"orders-api/read", "https://api.example.com/v1/orders.write", "a/b"}
		}, nil},
		{"O6 not on a scope that failed its pattern", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"read write"} },
			[]violation{{"AllowedOAuthScopes[0]", "pattern", ipe}}},
		{"O6 neighbour: OAuth off", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlowsUserPoolClient = false
			r.AllowedOAuthScopes = []string{"read"}
		}, nil},

		// U1 redirect-https.
		{"U1 http host", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "http://app.example.com/cb" }, []violation{{"CallbackURLs[1]", "redirect-https", ipe}}},
		{"U1 upper-case scheme", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "HTTP://app.example.com/cb" }, []violation{{"CallbackURLs[1]", "redirect-https", ipe}}},
		{"U1 not loopback lookalikes", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = append(r.CallbackURLs, "http://localhost.com/cb", "http://127.0.0.2/cb", "http://localhost./cb",
				"http://[0:0:0:0:0:0:0:1]/cb", "http://192.168.1.10:8080/cb", "http://my-bucket.s3-website-us-east-1.amazonaws.com/")
		}, []violation{
			{"CallbackURLs[2]", "redirect-https", ipe}, {"CallbackURLs[3]", "redirect-https", ipe}, {"CallbackURLs[4]", "redirect-https", ipe},
			{"CallbackURLs[5]", "redirect-https", ipe}, {"CallbackURLs[6]", "redirect-https", ipe}, {"CallbackURLs[7]", "redirect-https", ipe},
		}},
		{"U1 userinfo does not make a host", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "http://localhost@evil.example/cb" },
			[]violation{{"CallbackURLs[1]", "redirect-https", ipe}}},
		{"U1 backslash ends the authority", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = `http://evil.example\@localhost/cb` },
			[]violation{{"CallbackURLs[1]", "redirect-https", ipe}}},
		{"U1 text after an IP literal", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "http://[::1]x/cb" },
			[]violation{{"CallbackURLs[1]", "redirect-https", ipe}}},
		{"U1 default redirect", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs[1] = "http://app.example.com/cb"
			r.DefaultRedirectURI = ptr("http://app.example.com/cb")
		}, []violation{{"CallbackURLs[1]", "redirect-https", ipe}, {"DefaultRedirectURI", "redirect-https", ipe}}},
		{"U1 neighbour: loopback hosts, any port, any case", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = append(r.CallbackURLs, "http://127.0.0.1:8080/cb", "http://[::1]:9000/cb", "HTTP://LOCALHOST/cb",
				"http://user@localhost/cb", "http://localhost?x=1")
		}, nil},
		{"U1 neighbour: https", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://app.example.com/cb" }, nil},

		// U2 redirect-absolute.
		{"U2 no scheme", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "app.example.com/cb" }, []violation{{"CallbackURLs[1]", "redirect-absolute", ipe}}},
		{"U2 relative path", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "/auth/callback" }, []violation{{"CallbackURLs[1]", "redirect-absolute", ipe}}},
		{"U2 scheme starts with digit", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "1app://cb" }, []violation{{"CallbackURLs[1]", "redirect-absolute", ipe}}},
		{"U2 https without host", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://" }, []violation{{"CallbackURLs[1]", "redirect-absolute", ipe}}},
		{"U2 https empty authority", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https:///cb" }, []violation{{"CallbackURLs[1]", "redirect-absolute", ipe}}},
		{"U2 http without authority", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "http:localhost/cb" }, []violation{{"CallbackURLs[1]", "redirect-absolute", ipe}}},
		{"U2 default redirect", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs[1] = "callback"
			r.DefaultRedirectURI = ptr("callback")
		}, []violation{{"CallbackURLs[1]", "redirect-absolute", ipe}, {"DefaultRedirectURI", "redirect-absolute", ipe}}},
		{"U2 neighbour: app schemes", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = append(r.CallbackURLs, "myapp://cb", "com.example.app:/oauth2redirect", "localhost:3000/cb", "x-app+v1.2://done")
		}, nil},

		// U3 redirect-no-fragment.
		{"U3 fragment", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://app.example.com/cb#done" }, []violation{{"CallbackURLs[1]", "redirect-no-fragment", ipe}}},
		{"U3 empty fragment", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://app.example.com/cb#" }, []violation{{"CallbackURLs[1]", "redirect-no-fragment", ipe}}},
		{"U3 default redirect", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs[1] = "myapp://cb#x"
			r.DefaultRedirectURI = ptr("myapp://cb#x")
		}, []violation{{"CallbackURLs[1]", "redirect-no-fragment", ipe}, {"DefaultRedirectURI", "redirect-no-fragment", ipe}}},
		{"U3 neighbour: query", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "https://app.example.com/cb?state=x" }, nil},
		{"U1 U2 U3 in rule order", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = []string{"https://orders.example.com/auth/callback", "http://a.example/#x", "nocolon#y"}
		}, []violation{{"CallbackURLs[1]", "redirect-https", ipe}, {"CallbackURLs[2]", "redirect-absolute", ipe},
			{"CallbackURLs[1]", "redirect-no-fragment", ipe}, {"CallbackURLs[2]", "redirect-no-fragment", ipe}}},
		{"U1-U3 apply with OAuth off", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlowsUserPoolClient = false
			r.CallbackURLs[1] = "http://app.example.com/cb"
		}, []violation{{"CallbackURLs[1]", "redirect-https", ipe}}},
		{"U rules not on a URL that failed its pattern", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs[1] = "http://a b/#" },
			[]violation{{"CallbackURLs[1]", "pattern", ipe}}},
		{"U rules ignore logout URLs", nil, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{"http://app.example.com/bye#x"} }, nil},

		// U4 default-redirect-in-callbacks.
		{"U4 not among callbacks", nil, func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = ptr("https://orders.example.com/other") },
			[]violation{{"DefaultRedirectURI", "default-redirect-in-callbacks", ipe}}},
		{"U4 differs by a trailing slash", nil, func(r *CreateUserPoolClientRequest) {
			r.DefaultRedirectURI = ptr("https://orders.example.com/auth/callback/")
		},
			[]violation{{"DefaultRedirectURI", "default-redirect-in-callbacks", ipe}}},
		{"U4 differs by case", nil, func(r *CreateUserPoolClientRequest) {
			r.DefaultRedirectURI = ptr("https://Orders.example.com/auth/callback")
		},
			[]violation{{"DefaultRedirectURI", "default-redirect-in-callbacks", ipe}}},
		{"U4 no callbacks at all", nil, func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlowsUserPoolClient = false
			r.CallbackURLs = nil
		}, []violation{{"DefaultRedirectURI", "default-redirect-in-callbacks", ipe}}},
		{"U4 neighbour: the second callback", nil, func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = ptr(r.CallbackURLs[1]) }, nil},
		{"U4 neighbour: absent", nil, func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = nil }, nil},

		// S1 secret-generate-or-custom.
		{"S1 both", nil, func(r *CreateUserPoolClientRequest) { r.ClientSecret = ptr(s("a", 32)) }, []violation{{"ClientSecret", "secret-generate-or-custom", ipe}}},
		{"S1 neighbour: custom only", nil, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false; r.ClientSecret = ptr(s("a", 32)) }, nil},

		// S2 context-data-needs-secret.
		{"S2 no secret", nil, func(r *CreateUserPoolClientRequest) {
			r.GenerateSecret = false
			r.EnablePropagateAdditionalUserContextData = ptr(true)
		}, []violation{{"EnablePropagateAdditionalUserContextData", "context-data-needs-secret", ipe}}},
		{"S2 neighbour: generated secret", nil, func(r *CreateUserPoolClientRequest) { r.EnablePropagateAdditionalUserContextData = ptr(true) }, nil},
		{"S2 neighbour: false without secret", nil, func(r *CreateUserPoolClientRequest) {
			r.GenerateSecret = false
			r.EnablePropagateAdditionalUserContextData = ptr(false)
		}, nil},

		// F1 explicit-flows-no-legacy-mix.
		{"F1 mixed", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowUserPasswordAuth}
		}, []violation{{"ExplicitAuthFlows", "explicit-flows-no-legacy-mix", ipe}}},
		{"F1 neighbour: legacy only", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAdminNoSRPAuth, ExplicitAuthFlowCustomAuthFlowOnly, ExplicitAuthFlowUserPasswordAuth}
		}, nil},

		// F2 refresh-token-auth-required.
		{"F2 missing", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowUserAuth}
		}, []violation{{"ExplicitAuthFlows", "refresh-token-auth-required", ipe}}},
		{"F2 rotation DISABLED still needs it", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled}
		}, []violation{{"ExplicitAuthFlows", "refresh-token-auth-required", ipe}}},
		{"F2 neighbour: present", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserAuth, ExplicitAuthFlowAllowRefreshTokenAuth}
		}, nil},
		{"F2 neighbour: rotation enabled", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled, RetryGracePeriodSeconds: ptr[int32](10)}
		}, nil},
		{"F2 neighbour: empty list means defaults", nil, func(r *CreateUserPoolClientRequest) { r.ExplicitAuthFlows = []ExplicitAuthFlow{} }, nil},
		{"F2 not on a mixed list", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowUserPasswordAuth}
		}, []violation{{"ExplicitAuthFlows", "explicit-flows-no-legacy-mix", ipe}}},
		{"F2 not on a list with an invalid entry", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, "ALLOW_refresh_token_auth"}
		}, []violation{{"ExplicitAuthFlows[1]", "enum", ipe}}},
		{"F2 invalid Feature counts as not enabled", nil, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: "enabled"}
		}, []violation{{"RefreshTokenRotation.Feature", "enum", ipe}, {"ExplicitAuthFlows", "refresh-token-auth-required", ipe}}},

		// F3 rotation-forbids-refresh-token-auth.
		{"F3 rotation with refresh token auth", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
		}, []violation{{"ExplicitAuthFlows[1]", "rotation-forbids-refresh-token-auth", ipe}}},
		{"F3 neighbour: rotation disabled", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled}
		}, nil},

		// F2 and the client-token flow: such a client gets no refresh token.
		{"F2 neighbour: client token alone", clientToken, func(r *CreateUserPoolClientRequest) {}, nil},

		// F4 client-token-auth-alone.
		{"F4 client token with a user flow", clientToken, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserSRPAuth)
		}, []violation{{"ExplicitAuthFlows", "client-token-auth-alone", ipe}}},
		{"F4 client token with refresh token auth", clientToken, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowClientTokenAuth}
		}, []violation{{"ExplicitAuthFlows", "client-token-auth-alone", ipe}}},
		{"F4 client token with a legacy flow", clientToken, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowUserPasswordAuth)
		}, []violation{{"ExplicitAuthFlows", "explicit-flows-no-legacy-mix", ipe}, {"ExplicitAuthFlows", "client-token-auth-alone", ipe}}},
		{"F4 an invalid entry is reported once, as enum", clientToken, func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, "ALLOW_USER_SRP")
		}, []violation{{"ExplicitAuthFlows[1]", "enum", ipe}}},
		{"F4 neighbour: client token alone, OAuth off", clientToken, func(r *CreateUserPoolClientRequest) {}, nil},

		// F5 client-token-auth-needs-secret.
		{"F5 client token without a secret", clientToken, func(r *CreateUserPoolClientRequest) { r.GenerateSecret = false },
			[]violation{{"ExplicitAuthFlows[0]", "client-token-auth-needs-secret", ipe}}},
		{"F5 neighbour: a custom secret", clientToken, func(r *CreateUserPoolClientRequest) {
			r.GenerateSecret, r.ClientSecret = false, ptr("c0ffeeC0FFEEc0ffeeC0FFEE_1")
		}, nil},

		// T1 token-validity-range, with units.
		{"T1 access 4 minutes", nil, func(r *CreateUserPoolClientRequest) { r.AccessTokenValidity = ptr[int32](4) }, []violation{{"AccessTokenValidity", "token-validity-range", ipe}}},
		{"T1 access 5 minutes", nil, func(r *CreateUserPoolClientRequest) { r.AccessTokenValidity = ptr[int32](5) }, nil},
		{"T1 access 299 seconds", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](299)
			r.TokenValidityUnits.AccessToken = TimeUnitSeconds
		}, []violation{{"AccessTokenValidity", "token-validity-range", ipe}}},
		{"T1 access 300 seconds", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](300)
			r.TokenValidityUnits.AccessToken = TimeUnitSeconds
		}, nil},
		{"T1 access 1441 minutes", nil, func(r *CreateUserPoolClientRequest) { r.AccessTokenValidity = ptr[int32](1441) }, []violation{{"AccessTokenValidity", "token-validity-range", ipe}}},
		{"T1 access 1 day", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](1)
			r.TokenValidityUnits.AccessToken = TimeUnitDays
		}, nil},
		{"T1 access 2 days", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](2)
			r.TokenValidityUnits.AccessToken = TimeUnitDays
		}, []violation{{"AccessTokenValidity", "token-validity-range", ipe}}},
		{"T1 ID 60 hours by default unit", nil, func(r *CreateUserPoolClientRequest) {
			r.IDTokenValidity = ptr[int32](60)
			r.TokenValidityUnits = nil
			r.AccessTokenValidity, r.RefreshTokenValidity = nil, nil
		}, []violation{{"IdTokenValidity", "token-validity-range", ipe}}},
		{"T1 ID 24 hours by default unit", nil, func(r *CreateUserPoolClientRequest) {
			r.IDTokenValidity = ptr[int32](24)
			r.TokenValidityUnits = nil
			r.AccessTokenValidity, r.RefreshTokenValidity = nil, nil
		}, nil},
		{"T1 refresh 36500 days", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](36500) }, []violation{{"RefreshTokenValidity", "token-validity-range", ipe}}},
		{"T1 refresh 3650 days", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](3650) }, nil},
		{"T1 refresh 3651 days", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](3651) }, []violation{{"RefreshTokenValidity", "token-validity-range", ipe}}},
		{"T1 refresh 36500 minutes", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenValidity = ptr[int32](36500)
			r.TokenValidityUnits.RefreshToken = TimeUnitMinutes
		}, nil},
		{"T1 refresh 59 minutes", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenValidity = ptr[int32](59)
			r.TokenValidityUnits.RefreshToken = TimeUnitMinutes
		}, []violation{{"RefreshTokenValidity", "token-validity-range", ipe}}},
		{"T1 refresh 60 minutes", nil, func(r *CreateUserPoolClientRequest) {
			r.RefreshTokenValidity = ptr[int32](60)
			r.TokenValidityUnits.RefreshToken = TimeUnitMinutes
		}, nil},
		{"T1 refresh beyond time.Duration", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](315360000) },
			[]violation{{"RefreshTokenValidity", "token-validity-range", ipe}}},
		{"T1 not on a value out of its raw range", nil, func(r *CreateUserPoolClientRequest) { r.AccessTokenValidity = ptr[int32](100000) },
			[]violation{{"AccessTokenValidity", "range", ipe}}},
		{"T1 not with an invalid unit", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](2)
			r.TokenValidityUnits.AccessToken = "Days"
		}, []violation{{"TokenValidityUnits.AccessToken", "enum", ipe}}},
		{"T1 neighbour: unit without value", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = nil
			r.TokenValidityUnits.AccessToken = TimeUnitSeconds
		}, nil},
		{"T1 all three", nil, func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity, r.IDTokenValidity, r.RefreshTokenValidity = ptr[int32](1), ptr[int32](2), ptr[int32](59)
			r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitMinutes, IDToken: TimeUnitDays, RefreshToken: TimeUnitMinutes}
		}, []violation{
			{"AccessTokenValidity", "token-validity-range", ipe},
			{"IdTokenValidity", "token-validity-range", ipe},
			{"RefreshTokenValidity", "token-validity-range", ipe},
		}},

		// Rules that read a whole list skip a list over its size.
		{"O2-O5 not on a flow list over its size", machine, func(r *CreateUserPoolClientRequest) {
			r.GenerateSecret = false
			r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowCode, OAuthFlowClientCredentials, OAuthFlowImplicit, OAuthFlowCode}
			r.AllowedOAuthScopes = []string{"openid"}
		}, []violation{{"AllowedOAuthFlows", "list-size", ipe}}},
		{"U4 not on a callback list over its size", nil, func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = manyStrings("https://orders.example.com/cb/", 101)
		}, []violation{{"CallbackURLs", "list-size", ipe}}},

		// A1 write-attribute-not-writable.
		{"A1 email_verified", nil, func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"email", "email_verified"} },
			[]violation{{"WriteAttributes[1]", "write-attribute-not-writable", ipe}}},
		{"A1 neighbour: readable", nil, func(r *CreateUserPoolClientRequest) {
			r.WriteAttributes = []string{"email"}
			r.ReadAttributes = []string{"email", "email_verified"}
		}, nil},
	}
}

// TestValidateOrder checks that violations come all at once in declaration
// order, then service rules in the rule book's order.
func TestValidateOrder(t *testing.T) {
	r := webApp()
	r.UserPoolID = ""
	r.ClientName = "bad name!"
	r.GenerateSecret = false
	r.EnablePropagateAdditionalUserContextData = ptr(true)
	r.AccessTokenValidity = ptr[int32](2)
	r.TokenValidityUnits.AccessToken = TimeUnitDays
	r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowClientCredentials, OAuthFlowCode}
	r.AllowedOAuthScopes = []string{"openid", "Cognito", "bad scope"}
	r.CallbackURLs = []string{"http://example.com/cb"}
	r.WriteAttributes = []string{"email_verified"}
	r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
	r.AuthSessionValidity = ptr[int32](60)
	want := []violation{
		{"UserPoolId", "required", ipe},
		{"ClientName", "pattern", ipe},
		{"AllowedOAuthScopes[2]", "pattern", ipe},
		{"AuthSessionValidity", "range", ipe},
		{"AllowedOAuthFlows", "client-credentials-exclusive", iofe},
		{"AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe},
		{"AllowedOAuthScopes[0]", "client-credentials-reserved-scope", iofe},
		{"AllowedOAuthScopes[1]", "scope-not-found", sdne},
		{"CallbackURLs[0]", "redirect-https", ipe},
		{"DefaultRedirectURI", "default-redirect-in-callbacks", ipe},
		{"EnablePropagateAdditionalUserContextData", "context-data-needs-secret", ipe},
		{"ExplicitAuthFlows", "refresh-token-auth-required", ipe},
		{"AccessTokenValidity", "token-validity-range", ipe},
		{"WriteAttributes[0]", "write-attribute-not-writable", ipe},
	}
	for i := 0; i < 3; i++ { // deterministic, run after run
		if diff := cmp.Diff(want, violations(t, r.Validate())); diff != "" {
			t.Fatalf("Validate() mismatch (-want +got):\n%s", diff)
		}
	}
}

func TestValidationErrorSentinels(t *testing.T) {
	r := machine()
	r.ClientName = ""
	r.GenerateSecret = false
	r.AllowedOAuthScopes = []string{"read"}
	r.CallbackURLs = []string{"http://example.com/"}
	err := r.Validate()
	for _, want := range []error{ErrRequired, ErrOAuth, ErrScopeNotFound, ErrRedirectURI} {
		if !errors.Is(err, want) {
			t.Errorf("errors.Is(err, %v) = false, want true", want)
		}
	}
	for _, unwanted := range []error{ErrLength, ErrTokenValidity, ErrAuthFlows} {
		if errors.Is(err, unwanted) {
			t.Errorf("errors.Is(err, %v) = true, want false", unwanted)
		}
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "ClientName" {
		t.Errorf("errors.As(err, *FieldError) = %v, want the ClientName violation", fe)
	}
	// Every FieldError's sentinel and exception agree with the rule catalogue.
	var ve *ValidationError
	errors.As(err, &ve)
	for _, fe := range ve.Errors {
		info := ruleInfo(fe.Rule)
		if info == nil || fe.Err != info.Err || fe.Exception != info.Exception {
			t.Errorf("%s: rule %q has Err %v and Exception %q, catalogue says %+v", fe.Field, fe.Rule, fe.Err, fe.Exception, info)
		}
	}
}

func TestValidateNeverShowsSecret(t *testing.T) {
	for _, secret := range []string{
		"Sup3rS3cretValue/With=Base64-", // pattern
		"Sh0rtS3cret",                   // length
		strings.Repeat("LongS3cret", 7), // length
		"ValidLookingS3cretValue_12345", // S1 with GenerateSecret
	} {
		r := webApp()
		r.ClientSecret = ptr(secret)
		err := r.Validate()
		if err == nil {
			t.Fatalf("secret %q: Validate() = nil, want a violation", secret)
		}
		var ve *ValidationError
		errors.As(err, &ve)
		for _, fe := range ve.Errors {
			if fmt.Sprint(fe.Value) != "<nil>" && fe.Field == "ClientSecret" {
				t.Errorf("ClientSecret violation carries Value %v", fe.Value)
			}
		}
		for _, part := range []string{secret, secret[:8]} {
			if strings.Contains(err.Error(), part) {
				t.Errorf("error text shows the secret: %s", err)
			}
		}
	}
}

func TestValidateNil(t *testing.T) {
	var r *CreateUserPoolClientRequest
	if err := r.Validate(); !errors.Is(err, ErrRequired) {
		t.Errorf("nil request: Validate() = %v, want ErrRequired", err)
	}
	var zero CreateUserPoolClientRequest
	want := []violation{{"UserPoolId", "required", ipe}, {"ClientName", "required", ipe}}
	if diff := cmp.Diff(want, violations(t, zero.Validate())); diff != "" {
		t.Errorf("zero request mismatch (-want +got):\n%s", diff)
	}
}

func TestFieldErrorText(t *testing.T) {
	r := webApp()
	r.CallbackURLs[1] = "http://app.example.com/cb"
	err := r.Validate()
	want := `appclient: CallbackURLs[1]: "http://app.example.com/cb" cannot use http (only localhost, 127.0.0.1 and [::1] may)`
	if err == nil || err.Error() != want {
		t.Errorf("Error() = %v, want %s", err, want)
	}
	r.ClientName = ""
	if got := r.Validate().Error(); !strings.HasPrefix(got, "appclient: 2 violations:\n\tClientName: is required\n\tCallbackURLs[1]: ") {
		t.Errorf("Error() = %q", got)
	}
}

func TestPatternFunctions(t *testing.T) {
	tests := []struct {
		name  string
		match func(string) int
		in    string
		want  int
	}{
		{"user pool id", matchUserPoolID, "us-east-1_AbC", -1},
		{"user pool id bad char", matchUserPoolID, "us-east-1_A!", 11},
		{"user pool id trailing underscore", matchUserPoolID, "abc_", 3},
		{"client name vertical tab", matchClientName, "a\x0bb", -1},
		{"client name NEL", matchClientName, "a\u0085b", 1},
		{"arn minimal", matchARN, "arn:a:b::1:c", -1},
		{"arn too few parts", matchARN, "arn:a:b:c:1", 11},
		{"arn digits", matchARN, "arn:a:b:c:1x:d", 11},
		{"provider separator", matchProvider, "a\u2028b", -1},
		{"redirect separator", matchRedirect, "a\u2028b", 1},
		{"redirect symbol", matchRedirect, "a€b", -1},
		{"redirect printable ASCII edges", matchRedirect, "!~", -1},
		{"redirect space", matchRedirect, "a b", 1},
		{"redirect DEL", matchRedirect, "ab\x7f", 2},
		{"redirect control", matchRedirect, "\x1fa", 0},
		{"provider space", matchProvider, "a b", -1},
		{"provider DEL", matchProvider, "a\x7f", 1},
		{"empty", matchHex, "", 0},
	}
	for _, tc := range tests {
		if got := tc.match(tc.in); got != tc.want {
			t.Errorf("%s: match(%q) = %d, want %d", tc.name, tc.in, got, tc.want)
		}
	}
}

// typicalRequest is the benchmark's web-app request.
func typicalRequest() *CreateUserPoolClientRequest { return webApp() }

// maximalRequest has 100 callback and 100 logout URLs, 50 scopes and 50 read
// attributes, and is valid.
func maximalRequest() *CreateUserPoolClientRequest {
	r := webApp()
	r.CallbackURLs = manyURLs(100)
	r.LogoutURLs = manyStrings("https://orders.example.com/signed-out/", 100)
	r.AllowedOAuthScopes = append([]string{"openid", "email", "profile"}, manyStrings("orders-api/scope.", 47)...)
	r.ReadAttributes = append([]string{"email", "email_verified"}, manyStrings("custom:attr", 48)...)
	return r
}

func BenchmarkValidateTypical(b *testing.B) { benchmarkValid(b, typicalRequest()) }

func BenchmarkValidateMaximal(b *testing.B) { benchmarkValid(b, maximalRequest()) }

func benchmarkValid(b *testing.B, r *CreateUserPoolClientRequest) {
	if err := r.Validate(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if r.Validate() != nil {
			b.Fatal("invalid")
		}
	}
}

// BenchmarkValidateInvalid measures the error path: a request with a dozen
// violations.
func BenchmarkValidateInvalid(b *testing.B) {
	r := webApp()
	r.ClientName = "bad name!"
	r.AllowedOAuthScopes = []string{"openid", "Cognito", "bad scope"}
	r.CallbackURLs = []string{"http://example.com/cb", "nohost#x"}
	r.AccessTokenValidity = ptr[int32](2)
	r.TokenValidityUnits.AccessToken = TimeUnitDays
	b.ReportAllocs()
	for b.Loop() {
		if r.Validate() == nil {
			b.Fatal("valid")
		}
	}
}

// FuzzValidate: whatever JSON decodes, Validate and Lint never panic and
// answer the same twice.
func FuzzValidate(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "requests", "*.json"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"UserPoolId":"a_b","ClientName":"x","AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["client_credentials","code"],"AllowedOAuthScopes":["openid","x/","/y"],"CallbackURLs":["http://[::1","http://a@b:c/#","HTTP://LOCALHOST"],"DefaultRedirectURI":"\u2028"}`))
	f.Add([]byte(`{"UserPoolId":"","ClientSecret":"/","RefreshTokenValidity":2147483647,"TokenValidityUnits":{"RefreshToken":"seconds"},"RefreshTokenRotation":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRequest(bytes.NewReader(data))
		if err != nil {
			return
		}
		first, second := r.Validate(), r.Validate()
		if diff := cmp.Diff(fmt.Sprint(first), fmt.Sprint(second)); diff != "" {
			t.Fatalf("Validate() differs between runs (-first +second):\n%s", diff)
		}
		if diff := cmp.Diff(fmt.Sprint(r.Lint()), fmt.Sprint(r.Lint())); diff != "" {
			t.Fatalf("Lint() differs between runs (-first +second):\n%s", diff)
		}
		var ve *ValidationError
		if first != nil && (!errors.As(first, &ve) || len(ve.Errors) == 0) {
			t.Fatalf("Validate() = %v (%T), want a non-empty *ValidationError", first, first)
		}
		if ve == nil || r.ClientSecret == nil || *r.ClientSecret == "" {
			return
		}
		// A secret of a few characters may occur in any message by chance
		// ("1" in "has 1 characters"); its quoted form may not, nor may a
		// longer secret at all.
		secret := *r.ClientSecret
		for _, fe := range ve.Errors {
			shown := strings.Contains(fe.Message, fmt.Sprintf("%q", secret)) ||
				len(secret) >= 8 && strings.Contains(fe.Message, secret)
			if fe.Field == "ClientSecret" && (fe.Value != nil || shown) {
				t.Fatalf("ClientSecret violation shows the secret: %+v", fe)
			}
		}
	})
}

// TestValidateConcurrent runs Validate from many goroutines at once, valid and
// invalid requests mixed: the engine and the rule table are shared, so
// under -race this shows they are safe, and each result must stay its own.
func TestValidateConcurrent(t *testing.T) {
	valid, invalid := webApp(), machine()
	invalid.GenerateSecret = false
	want := violations(t, invalid.Validate())
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if err := valid.Validate(); err != nil {
					errs <- err.Error()
					return
				}
				var ve *ValidationError
				if !errors.As(invalid.Validate(), &ve) || len(ve.Errors) != len(want) || ve.Errors[0].Field != want[0].Field {
					errs <- fmt.Sprintf("invalid request: got %v", ve)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestValidateAllocations guards the valid path's allocation count, so that
// it cannot grow unseen. validator/v10, used as documented, allocates for
// each present pointer member under omitnil and for the path of each list
// element it dives into: about 22 for the typical request, 11 for the
// machine-to-machine one, and about 3 per list element for the maximal one
// (every list full). The speed budget itself is BenchmarkValidateTypical's.
func TestValidateAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates on its own: allocations are counted without it")
	}
	for _, tc := range []struct {
		name string
		r    *CreateUserPoolClientRequest
		max  float64
	}{
		{"typical", typicalRequest(), 26},
		{"maximal", maximalRequest(), 340},
		{"machine", machine(), 14},
	} {
		if got := testing.AllocsPerRun(100, func() { _ = tc.r.Validate() }); got > tc.max {
			t.Errorf("%s: Validate allocates %.0f times, want at most %.0f", tc.name, got, tc.max)
		}
	}
}

// TestListConstraints: every list member has its element constraints, which
// listElements reads to examine the elements of a list over its size.
func TestListConstraints(t *testing.T) {
	n := 0
	for member, c := range memberConstraints {
		if !strings.HasSuffix(member, "[]") {
			continue
		}
		n++
		if c.tags == "" {
			t.Errorf("%s: no element tags", member)
		}
	}
	if n != 8 {
		t.Errorf("found %d list members, want 8", n)
	}
}
