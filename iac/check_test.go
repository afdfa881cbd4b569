package iac

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/cognitokit/appclient"
)

// TestDependsOnUnknown checks which violations are set aside for which
// unknown values.
func TestDependsOnUnknown(t *testing.T) {
	tests := []struct {
		name    string
		unknown []string
		rule    string
		field   string
		want    bool
	}{
		{"nothing unknown", nil, "redirect-https", "CallbackURLs[0]", false},
		{"unknown ClientSecret counts as a secret", []string{"ClientSecret"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", true},
		{"unknown GenerateSecret counts as a secret", []string{"GenerateSecret"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", true},
		{"unknown OAuth switch", []string{"AllowedOAuthFlowsUserPoolClient"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", true},
		{"secret rule ignores callbacks", []string{"CallbackURLs[0]"}, "client-credentials-needs-secret", "AllowedOAuthFlows[0]", false},
		{"context data and unknown secret", []string{"ClientSecret"}, "context-data-needs-secret", "EnablePropagateAdditionalUserContextData", true},
		{"unknown default redirect", []string{"DefaultRedirectURI"}, "default-redirect-in-callbacks", "DefaultRedirectURI", true},
		{"default redirect and an unknown callback", []string{"CallbackURLs[2]"}, "default-redirect-in-callbacks", "DefaultRedirectURI", true},
		{"default redirect and unknown logout URLs", []string{"LogoutURLs"}, "default-redirect-in-callbacks", "DefaultRedirectURI", false},
		{"known element beside an unknown one", []string{"CallbackURLs[1]"}, "redirect-https", "CallbackURLs[0]", false},
		{"element of an unknown list", []string{"CallbackURLs"}, "redirect-https", "CallbackURLs[0]", true},
		{"unknown element itself", []string{"CallbackURLs[0]"}, "redirect-absolute", "CallbackURLs[0]", true},
		{"unknown element keeps the list non-empty", []string{"CallbackURLs[0]"}, "code-implicit-need-callbacks", "CallbackURLs", false},
		{"unknown length", []string{"CallbackURLs#"}, "code-implicit-need-callbacks", "CallbackURLs", true},
		{"unknown flows for callbacks", []string{"AllowedOAuthFlows[1]"}, "code-implicit-need-callbacks", "CallbackURLs", true},
		{"list size with an unknown element", []string{"CallbackURLs[1]"}, "list-size", "CallbackURLs", false},
		{"list size with an unknown length", []string{"CallbackURLs#"}, "list-size", "CallbackURLs", true},
		{"empty scopes with an unknown scope", []string{"AllowedOAuthScopes[0]"}, "oauth-flows-and-scopes-required", "AllowedOAuthScopes", false},
		{"exclusive flows with an unknown flow", []string{"AllowedOAuthFlows[1]"}, "client-credentials-exclusive", "AllowedOAuthFlows", true},
		{"reserved scope with unknown flows", []string{"AllowedOAuthFlows"}, "client-credentials-reserved-scope", "AllowedOAuthScopes[1]", true},
		{"scope that cannot exist beside unknown flows", []string{"AllowedOAuthFlows"}, "scope-not-found", "AllowedOAuthScopes[0]", false},
		{"unit of the same token", []string{"TokenValidityUnits.AccessToken"}, "token-validity-range", "AccessTokenValidity", true},
		{"unit of another token", []string{"TokenValidityUnits.IdToken"}, "token-validity-range", "AccessTokenValidity", false},
		{"all units", []string{"TokenValidityUnits"}, "token-validity-range", "RefreshTokenValidity", true},
		{"nested member of an unknown object", []string{"RefreshTokenRotation"}, "required", "RefreshTokenRotation.Feature", true},
		{"rotation for refresh-token auth", []string{"RefreshTokenRotation.Feature"}, "refresh-token-auth-required", "ExplicitAuthFlows", true},
		{"rotation for the forbidden flow", []string{"RefreshTokenRotation.Feature"}, "rotation-forbids-refresh-token-auth", "ExplicitAuthFlows[0]", true},
		{"legacy mix with an unknown flow", []string{"ExplicitAuthFlows[2]"}, "explicit-flows-no-legacy-mix", "ExplicitAuthFlows", true},
		{"unknown ClientName in CloudFormation", []string{"ClientName"}, "required", "ClientName", true},
		{"model constraint elsewhere", []string{"ClientName"}, "pattern", "UserPoolId", false},
		{"rule this program does not know", []string{"LogoutURLs"}, "some-new-rule", "ClientName", true},
		{"unknown rule, nothing unknown", nil, "some-new-rule", "ClientName", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			unknown := map[string]bool{}
			for _, u := range tt.unknown {
				unknown[u] = true
			}
			if got := dependsOnUnknown(unknown, tt.rule, tt.field); got != tt.want {
				t.Errorf("dependsOnUnknown(%q, %q) with unknown %q = %v, want %v", tt.rule, tt.field, tt.unknown, got, tt.want)
			}
		})
	}
}

// TestRuleInputs checks that this package knows what every rule it reports
// reads, so that unknown values set aside exactly what they should: the
// rules of the table, and those of ValidateInPool.
func TestRuleInputs(t *testing.T) {
	ids := []string{appclient.RuleCustomScopeExists, appclient.RuleIdentityProviderExists,
		appclient.RuleWriteAttributesIncludeRequired, appclient.RuleFeaturePlan}
	for _, r := range appclient.Rules() {
		ids = append(ids, r.ID)
	}
	for _, id := range ids {
		if in, ok := inputsOf(id, "ClientName"); !ok || len(in) == 0 {
			t.Errorf("rule %s: inputsOf = %q, %v; want its inputs", id, in, ok)
		}
	}
	if _, ok := inputsOf("no-such-rule", "ClientName"); ok {
		t.Error("inputsOf knows a rule that does not exist")
	}
}

// TestReadLimited checks the size limit at its edges, whatever the reader
// returns per call.
func TestReadLimited(t *testing.T) {
	readers := map[string]func(string) io.Reader{
		"plain":         func(s string) io.Reader { return strings.NewReader(s) },
		"one byte":      func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		"data with EOF": func(s string) io.Reader { return iotest.DataErrReader(strings.NewReader(s)) },
	}
	for name, reader := range readers {
		for _, tt := range []struct {
			size, limit int
			tooLarge    bool
		}{
			{0, 10, false}, {9, 10, false}, {10, 10, false}, {11, 10, true},
			{200 << 10, 200 << 10, false}, {200<<10 + 1, 200 << 10, true},
		} {
			in := strings.Repeat("x", tt.size)
			got, err := readLimited(reader(in), tt.limit)
			if tt.tooLarge {
				if !errors.Is(err, ErrTooLarge) {
					t.Errorf("%s: readLimited(%d bytes, limit %d) error = %v, want ErrTooLarge", name, tt.size, tt.limit, err)
				}
				continue
			}
			if err != nil || string(got) != in {
				t.Errorf("%s: readLimited(%d bytes, limit %d) = %d bytes, %v; want all of it", name, tt.size, tt.limit, len(got), err)
			}
		}
	}
	if _, err := readLimited(iotest.ErrReader(io.ErrUnexpectedEOF), 10); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("readLimited of a failing reader: error = %v, want io.ErrUnexpectedEOF", err)
	}
}
