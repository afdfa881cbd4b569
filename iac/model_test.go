package iac

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMemberTable checks the member table read from the request type
// against the names the Terraform provider documents for
// aws_cognito_user_pool_client and the types of the API model, so that a
// wrong name conversion or a new member of an unexpected type shows.
func TestMemberTable(t *testing.T) {
	type row struct {
		Path, TF string
		Type     valueType
		NoCFN    bool
	}
	want := []row{
		{"UserPoolId", "user_pool_id", typeString, false},
		{"ClientName", "name", typeString, false},
		{"GenerateSecret", "generate_secret", typeBool, false},
		{"ClientSecret", "", typeString, true},
		{"RefreshTokenValidity", "refresh_token_validity", typeInt, false},
		{"AccessTokenValidity", "access_token_validity", typeInt, false},
		{"IdTokenValidity", "id_token_validity", typeInt, false},
		{"TokenValidityUnits", "token_validity_units", typeObject, false},
		{"TokenValidityUnits.AccessToken", "access_token", typeString, false},
		{"TokenValidityUnits.IdToken", "id_token", typeString, false},
		{"TokenValidityUnits.RefreshToken", "refresh_token", typeString, false},
		{"ReadAttributes", "read_attributes", typeStringList, false},
		{"WriteAttributes", "write_attributes", typeStringList, false},
		{"ExplicitAuthFlows", "explicit_auth_flows", typeStringList, false},
		{"SupportedIdentityProviders", "supported_identity_providers", typeStringList, false},
		{"CallbackURLs", "callback_urls", typeStringList, false},
		{"LogoutURLs", "logout_urls", typeStringList, false},
		{"DefaultRedirectURI", "default_redirect_uri", typeString, false},
		{"AllowedOAuthFlows", "allowed_oauth_flows", typeStringList, false},
		{"AllowedOAuthScopes", "allowed_oauth_scopes", typeStringList, false},
		{"AllowedOAuthFlowsUserPoolClient", "allowed_oauth_flows_user_pool_client", typeBool, false},
		{"AnalyticsConfiguration", "analytics_configuration", typeObject, false},
		{"AnalyticsConfiguration.ApplicationId", "application_id", typeString, false},
		{"AnalyticsConfiguration.ApplicationArn", "application_arn", typeString, false},
		{"AnalyticsConfiguration.RoleArn", "role_arn", typeString, false},
		{"AnalyticsConfiguration.ExternalId", "external_id", typeString, false},
		{"AnalyticsConfiguration.UserDataShared", "user_data_shared", typeBool, false},
		{"PreventUserExistenceErrors", "prevent_user_existence_errors", typeString, false},
		{"EnableTokenRevocation", "enable_token_revocation", typeBool, false},
		{"EnablePropagateAdditionalUserContextData", "enable_propagate_additional_user_context_data", typeBool, false},
		{"AuthSessionValidity", "auth_session_validity", typeInt, false},
		{"RefreshTokenRotation", "refresh_token_rotation", typeObject, false},
		{"RefreshTokenRotation.Feature", "feature", typeString, false},
		{"RefreshTokenRotation.RetryGracePeriodSeconds", "retry_grace_period_seconds", typeInt, false},
	}
	var got []row
	var walk func([]memberSpec, string)
	walk = func(specs []memberSpec, prefix string) {
		for _, s := range specs {
			got = append(got, row{prefix + s.Name, s.TF, s.Type, s.NoCFN})
			walk(s.Fields, prefix+s.Name+".")
		}
	}
	walk(requestMembers, "")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("member table mismatch (-want +got):\n%s", diff)
	}
}

// TestSnakeCase checks the name conversion on the hard cases.
func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{
		"CallbackURLs":       "callback_urls",
		"DefaultRedirectURI": "default_redirect_uri",
		"AllowedOAuthScopes": "allowed_oauth_scopes",
		"IdTokenValidity":    "id_token_validity",
		"UserPoolId":         "user_pool_id",
		"Feature":            "feature",
	} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}
