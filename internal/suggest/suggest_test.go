package suggest

import (
	"strings"
	"testing"
)

// requestMembers are the CreateUserPoolClient members, as the decoder offers them.
var requestMembers = []string{
	"UserPoolId", "ClientName", "GenerateSecret", "ClientSecret", "RefreshTokenValidity",
	"AccessTokenValidity", "IdTokenValidity", "TokenValidityUnits", "ReadAttributes",
	"WriteAttributes", "ExplicitAuthFlows", "SupportedIdentityProviders", "CallbackURLs",
	"LogoutURLs", "DefaultRedirectURI", "AllowedOAuthFlows", "AllowedOAuthScopes",
	"AllowedOAuthFlowsUserPoolClient", "AnalyticsConfiguration", "PreventUserExistenceErrors",
	"EnableTokenRevocation", "EnablePropagateAdditionalUserContextData", "AuthSessionValidity",
	"RefreshTokenRotation",
}

func TestNearest(t *testing.T) {
	tests := []struct {
		key, want string
	}{
		{"CallbackURLs", "CallbackURLs"},
		{"callback_urls", "CallbackURLs"},
		{"CALLBACK-URLS", "CallbackURLs"},
		{"Callback URLs", "CallbackURLs"},
		{"allowed_oauth_flows_user_pool_client", "AllowedOAuthFlowsUserPoolClient"},
		{"enable_propagate_additional_user_context_data", "EnablePropagateAdditionalUserContextData"},
		{"AllowedOAuthScope", "AllowedOAuthScopes"},
		{"RefreshTokenValidty", "RefreshTokenValidity"},
		{"AccesTokenValidity", "AccessTokenValidity"},
		{"ReadAtributes", "ReadAttributes"},
		{"GenrateSecert", "GenerateSecret"}, // one deletion and one swap
		{"Nmae", ""},                        // too short for two edits
		{"ClientId", ""},
		{"RefreshTokenValidityUnits", ""},
		{"RedirectURI", ""},
		{"", ""},
		{"___", ""},
		{strings.Repeat("x", 1000), ""},
		{"ÜserPoolId", "UserPoolId"},
	}
	for _, tc := range tests {
		if got := Nearest(tc.key, requestMembers); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"abc", "abc", 0},
		{"abc", "abd", 1},
		{"abc", "acb", 1},
		{"abc", "ab", 1},
		{"ab", "abc", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau-Levenshtein (2)
		{"clientnme", "clientname", 1},
	}
	for _, tc := range tests {
		if got := editDistance([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
