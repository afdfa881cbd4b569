package appclient

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const featureTier = ExceptionFeatureUnavailableInTier

// ordersPool is a complete pool, written by hand as a test would: one
// resource server, one SAML provider, email and name required, one custom
// attribute, the ESSENTIALS plan.
func ordersPool() *Pool {
	return &Pool{
		ID: "us-east-1_AbC123xyz",
		ResourceServers: []ResourceServer{
			{Identifier: "https://api.example.com", Scopes: []string{"orders.read", "orders.write"}},
			{Identifier: "billing", Scopes: []string{"invoices"}},
		},
		IdentityProviders: []string{"CorpSAML", "Google"},
		Attributes: []Attribute{
			{Name: "sub", Required: true},
			{Name: "email", Required: true, Mutable: true},
			{Name: "name", Required: true, Mutable: true},
			{Name: "custom:tenant", Mutable: false},
		},
		Tier: UserPoolTierEssentials,
	}
}

// pooledWebApp is a web app that uses what ordersPool has.
func pooledWebApp() *CreateUserPoolClientRequest {
	r := webApp()
	r.AllowedOAuthScopes = []string{"openid", "email", "https://api.example.com/orders.read"}
	r.SupportedIdentityProviders = []string{"COGNITO", "CorpSAML"}
	r.ReadAttributes = []string{"email", "email_verified", "name", "custom:tenant"}
	r.WriteAttributes = []string{"email", "name", "custom:tenant"}
	return r
}

func lite(p *Pool) *Pool { p.Tier = UserPoolTierLite; return p }

func TestValidateInPool(t *testing.T) {
	tests := []struct {
		name   string
		pool   *Pool
		modify func(r *CreateUserPoolClientRequest)
		want   []violation
	}{
		{name: "uses only what the pool has", pool: ordersPool()},
		{name: "nil pool is Validate", pool: nil,
			modify: func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"Salesforce"} }},

		// P1 custom-scope-exists.
		{name: "P1 unknown scope name", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) {
				r.AllowedOAuthScopes[2] = "https://api.example.com/orders.delete"
			},
			want: []violation{{"AllowedOAuthScopes[2]", RuleCustomScopeExists, sdne}}},
		{name: "P1 neighbour: the other scope of the server", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes[2] = "https://api.example.com/orders.write" }},
		{name: "P1 unknown resource server", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes[2] = "https://api.example.org/orders.read" },
			want:   []violation{{"AllowedOAuthScopes[2]", RuleCustomScopeExists, sdne}}},
		{name: "P1 neighbour: the second server", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes[2] = "billing/invoices" }},
		{name: "P1 scope names are case-sensitive", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes[2] = "billing/Invoices" },
			want:   []violation{{"AllowedOAuthScopes[2]", RuleCustomScopeExists, sdne}}},
		{name: "P1 not decided with OAuth off (Cognito ignores the scopes)", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) {
				r.AllowedOAuthFlowsUserPoolClient = false
				r.AllowedOAuthScopes[2] = "billing/nothing"
			}},
		// A client of GetClientToken uses its scopes whatever the flag says.
		{name: "P1 decided with OAuth off on a client-token client", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) {
				*r = CreateUserPoolClientRequest{UserPoolID: r.UserPoolID, ClientName: "svc", GenerateSecret: true,
					ExplicitAuthFlows:  []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth},
					AllowedOAuthScopes: []string{"billing/invoices", "billing/nothing"}}
			},
			want: []violation{{"AllowedOAuthScopes[1]", RuleCustomScopeExists, sdne}}},
		{name: "P1 neighbour: a client-token client's scopes the pool has", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) {
				*r = CreateUserPoolClientRequest{UserPoolID: r.UserPoolID, ClientName: "svc", GenerateSecret: true,
					ExplicitAuthFlows:  []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth},
					AllowedOAuthScopes: []string{"billing/invoices", "https://api.example.com/orders.read"}}
			}},
		{name: "P1 leaves non-custom scopes to O6", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes[2] = "billing/" },
			want:   []violation{{"AllowedOAuthScopes[2]", RuleScopeNotFound, sdne}}},
		{name: "P1 leaves a scope that breaks its pattern to the pattern", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes[2] = "billing/in voices" },
			want:   []violation{{"AllowedOAuthScopes[2]", RulePattern, ipe}}},
		{name: "P1 identifier with a slash splits at the last one", pool: &Pool{
			ResourceServers: []ResourceServer{{Identifier: "https://api.example.com/v2", Scopes: []string{"read"}}}},
			modify: func(r *CreateUserPoolClientRequest) {
				r.AllowedOAuthScopes = []string{"https://api.example.com/v2/read", "https://api.example.com/v2/write"}
				r.SupportedIdentityProviders = nil
			},
			want: []violation{{"AllowedOAuthScopes[1]", RuleCustomScopeExists, sdne}}},

		// P2 identity-provider-exists.
		{name: "P2 provider not configured", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"COGNITO", "Salesforce"} },
			want:   []violation{{"SupportedIdentityProviders[1]", RuleIdentityProviderExists, ipe}}},
		{name: "P2 neighbour: a configured social provider", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"COGNITO", "Google"} }},
		{name: "P2 a social provider needs configuring too", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"Facebook"} },
			want:   []violation{{"SupportedIdentityProviders[0]", RuleIdentityProviderExists, ipe}}},
		{name: "P2 COGNITO needs no configuring", pool: &Pool{},
			modify: func(r *CreateUserPoolClientRequest) {
				r.SupportedIdentityProviders = []string{"COGNITO"}
				r.AllowedOAuthScopes = []string{"openid"}
				r.ReadAttributes, r.WriteAttributes = nil, nil
			}},
		{name: "P2 provider names are case-sensitive", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"corpsaml"} },
			want:   []violation{{"SupportedIdentityProviders[0]", RuleIdentityProviderExists, ipe}}},
		{name: "P2 leaves a name that breaks its length to the length", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{""} },
			want:   []violation{{"SupportedIdentityProviders[0]", RuleLength, ipe}}},

		// P3 write-attributes-include-required.
		{name: "P3 required attribute not writable", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"email", "custom:tenant"} },
			want:   []violation{{"WriteAttributes", RuleWriteAttributesIncludeRequired, ipe}}},
		{name: "P3 neighbour: every required attribute writable, sub excepted", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"name", "email"} }},
		{name: "P3 one violation per missing attribute", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"custom:tenant"} },
			want: []violation{
				{"WriteAttributes", RuleWriteAttributesIncludeRequired, ipe},
				{"WriteAttributes", RuleWriteAttributesIncludeRequired, ipe},
			}},
		{name: "P3 absent WriteAttributes is not decided", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.WriteAttributes = nil }},
		{name: "P3 empty WriteAttributes is not decided", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{} }},

		// P5 feature-plan.
		{name: "P5 ALLOW_USER_AUTH on LITE", pool: lite(ordersPool()),
			modify: func(r *CreateUserPoolClientRequest) {
				r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserAuth)
			},
			want: []violation{{"ExplicitAuthFlows[2]", RuleFeaturePlan, featureTier}}},
		{name: "P5 neighbour: ALLOW_USER_AUTH on ESSENTIALS", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) {
				r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserAuth)
			}},
		{name: "P5 neighbour: LITE without the features", pool: lite(ordersPool())},
		{name: "P5 rotation on LITE", pool: lite(ordersPool()),
			modify: func(r *CreateUserPoolClientRequest) {
				r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
				r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
			},
			want: []violation{{"RefreshTokenRotation.Feature", RuleFeaturePlan, featureTier}}},
		{name: "P5 neighbour: rotation disabled on LITE", pool: lite(ordersPool()),
			modify: func(r *CreateUserPoolClientRequest) {
				r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled}
			}},
		{name: "P5 unknown plan decides nothing", pool: func() *Pool { p := ordersPool(); p.Tier = ""; return p }(),
			modify: func(r *CreateUserPoolClientRequest) {
				r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserAuth)
			}},

		// Completeness: a pool a template only references.
		{name: "partial pool: P1 under a known server still fires", pool: &Pool{
			ResourceServers: []ResourceServer{{Identifier: "billing", Scopes: []string{"invoices"}}},
			Incomplete:      PoolAllParts},
			modify: func(r *CreateUserPoolClientRequest) {
				r.AllowedOAuthScopes = []string{"openid", "billing/invoices", "billing/refunds"}
			},
			want: []violation{{"AllowedOAuthScopes[2]", RuleCustomScopeExists, sdne}}},
		{name: "partial pool: an unknown server, provider or required attribute decides nothing", pool: &Pool{
			ResourceServers: []ResourceServer{{Identifier: "billing", Scopes: []string{"invoices"}}},
			Incomplete:      PoolAllParts},
			modify: func(r *CreateUserPoolClientRequest) {
				r.AllowedOAuthScopes = []string{"openid", "https://api.example.com/anything"}
				r.SupportedIdentityProviders = []string{"Salesforce"}
				r.WriteAttributes = []string{"email"}
				r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserAuth)
			}},
		{name: "a server whose scopes are not all known rejects no scope under it", pool: &Pool{
			ResourceServers: []ResourceServer{{Identifier: "billing", Scopes: []string{"invoices"}, Incomplete: true}}},
			modify: func(r *CreateUserPoolClientRequest) {
				r.AllowedOAuthScopes = []string{"billing/refunds"}
				r.SupportedIdentityProviders = nil
			}},
		{name: "incomplete providers only: P2 undecided, P1 decided", pool: func() *Pool {
			p := ordersPool()
			p.Incomplete = PoolIdentityProviders
			return p
		}(),
			modify: func(r *CreateUserPoolClientRequest) {
				r.SupportedIdentityProviders = []string{"Salesforce"}
				r.AllowedOAuthScopes = []string{"nothing/here"}
			},
			want: []violation{{"AllowedOAuthScopes[0]", RuleCustomScopeExists, sdne}}},

		// Pool rules come after Validate's, each rule in the rule book's order.
		{name: "after Validate's violations, in rule order", pool: lite(ordersPool()),
			modify: func(r *CreateUserPoolClientRequest) {
				r.ClientName = ""
				r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserAuth)
				r.WriteAttributes = []string{"email", "email_verified"}
				r.SupportedIdentityProviders = []string{"Okta"}
				r.AllowedOAuthScopes = []string{"billing/x"}
			},
			want: []violation{
				{"ClientName", RuleRequired, ipe},
				{"WriteAttributes[1]", RuleWriteAttributeNotWritable, ipe},
				{"AllowedOAuthScopes[0]", RuleCustomScopeExists, sdne},
				{"SupportedIdentityProviders[0]", RuleIdentityProviderExists, ipe},
				{"WriteAttributes", RuleWriteAttributesIncludeRequired, ipe},
				{"ExplicitAuthFlows[2]", RuleFeaturePlan, featureTier},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pooledWebApp()
			if tt.modify != nil {
				tt.modify(r)
			}
			got := violations(t, r.ValidateInPool(tt.pool))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ValidateInPool() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateInPoolSentinels(t *testing.T) {
	r := pooledWebApp()
	r.AllowedOAuthScopes = []string{"billing/x"}
	r.SupportedIdentityProviders = []string{"Okta"}
	r.WriteAttributes = []string{"email"}
	r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserAuth)
	err := r.ValidateInPool(lite(ordersPool()))
	for _, want := range []error{ErrScopeNotInPool, ErrProviderNotInPool, ErrRequiredAttributeNotWritable, ErrFeaturePlan} {
		if !errors.Is(err, want) {
			t.Errorf("errors.Is(err, %v) = false; err = %v", want, err)
		}
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("ValidateInPool() = %T, want *ValidationError", err)
	}
	got := map[string]any{}
	for _, fe := range ve.Errors {
		got[fe.Rule] = fe.Value
	}
	want := map[string]any{
		RuleCustomScopeExists:              "billing/x",
		RuleIdentityProviderExists:         "Okta",
		RuleWriteAttributesIncludeRequired: "name",
		RuleFeaturePlan:                    "ALLOW_USER_AUTH",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Value by rule mismatch (-want +got):\n%s", diff)
	}
}

// poolAdvisory is what the pool tests compare of an Advisory.
type poolAdvisory struct{ Field, Rule string }

func TestLintInPool(t *testing.T) {
	tests := []struct {
		name   string
		pool   *Pool
		modify func(r *CreateUserPoolClientRequest)
		want   []poolAdvisory
	}{
		{name: "standard and schema attributes", pool: ordersPool()},
		{name: "nil pool", pool: nil,
			modify: func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"tenant"} }},
		{name: "P4 custom attribute without its prefix", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"email", "tenant"} },
			want:   []poolAdvisory{{"ReadAttributes[1]", RuleAttributeExists}}},
		{name: "P4 neighbour: with its prefix", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"email", "custom:tenant"} }},
		{name: "P4 custom attribute the schema lacks, read and write", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) {
				r.ReadAttributes = []string{"custom:tenantid"}
				r.WriteAttributes = []string{"email", "name", "custom:tenantid"}
			},
			want: []poolAdvisory{{"ReadAttributes[0]", RuleAttributeExists}, {"WriteAttributes[2]", RuleAttributeExists}}},
		{name: "P4 misspelt standard attribute", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"e-mail"} },
			want:   []poolAdvisory{{"ReadAttributes[0]", RuleAttributeExists}}},
		{name: "P4 neighbour: every standard attribute, verified ones and sub", pool: &Pool{},
			modify: func(r *CreateUserPoolClientRequest) {
				r.ReadAttributes = []string{"address", "birthdate", "email", "email_verified", "family_name", "gender",
					"given_name", "locale", "middle_name", "name", "nickname", "phone_number", "phone_number_verified",
					"picture", "preferred_username", "profile", "sub", "updated_at", "website", "zoneinfo"}
				r.WriteAttributes = nil
			}},
		{name: "P4 incomplete schema decides nothing", pool: &Pool{Incomplete: PoolAttributes},
			modify: func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"custom:anything"} }},
		{name: "P4 leaves an empty name to its length", pool: ordersPool(),
			modify: func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{""} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pooledWebApp()
			if tt.modify != nil {
				tt.modify(r)
			}
			var got []poolAdvisory
			for _, a := range r.LintInPool(tt.pool) {
				got = append(got, poolAdvisory{a.Field, a.Rule})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("LintInPool() mismatch (-want +got):\n%s", diff)
			}
			// A warning is never an error.
			if err := r.ValidateInPool(tt.pool); errors.Is(err, ErrRequired) || hasRule(err, RuleAttributeExists) {
				t.Errorf("ValidateInPool() reports %v", err)
			}
		})
	}
}

func TestLintInPoolSuggestsPrefix(t *testing.T) {
	r := pooledWebApp()
	r.ReadAttributes = []string{"tenant"}
	got := r.LintInPool(ordersPool())
	if len(got) != 1 {
		t.Fatalf("LintInPool() = %v, want one advisory", got)
	}
	want := `"tenant" is neither a standard attribute nor in the schema of user pool "us-east-1_AbC123xyz" (custom attributes take their prefix: did you mean "custom:tenant"?)`
	if got[0].Message != want {
		t.Errorf("Message = %q, want %q", got[0].Message, want)
	}
}

func hasRule(err error, rule string) bool {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, fe := range ve.Errors {
		if fe.Rule == rule {
			return true
		}
	}
	return false
}

// TestPoolRulesList: the table's pool entries are the rule book's section 3,
// in its order, each complete, and none inferred is an error.
func TestPoolRulesList(t *testing.T) {
	var ids []string
	for _, r := range ruleTable {
		// The template advisories W21 and W22 are the rule book's section 4.
		if r.Scope != ScopePool && r.Scope != ScopeTemplate || r.Code[0] == 'W' {
			continue
		}
		ids = append(ids, r.ID)
		if r.Summary == "" || r.Evidence == "" || r.Err == nil && r.Severity == SeverityError {
			t.Errorf("incomplete entry %+v", r)
		}
		// Only seen or documented rules may be errors (rule book, severity).
		if r.Severity == SeverityError && r.Evidence == EvidenceInferred {
			t.Errorf("%s: an inferred rule is an error", r.ID)
		}
	}
	want := []string{RuleCustomScopeExists, RuleIdentityProviderExists, RuleWriteAttributesIncludeRequired,
		RuleAttributeExists, RuleFeaturePlan, RuleDependencyOrder}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("pool rules mismatch (-want +got):\n%s", diff)
	}
}

func TestUserPoolTier(t *testing.T) {
	for _, v := range UserPoolTier("").Values() {
		if !v.Valid() {
			t.Errorf("%q not Valid", v)
		}
	}
	for _, v := range []UserPoolTier{"", "lite", "Essentials", "FREE"} {
		if v.Valid() {
			t.Errorf("%q Valid", v)
		}
	}
}

// TestStandardAttributesMatchRuleBook checks IsStandardAttribute against the
// rule book's list of standard attributes.
func TestStandardAttributesMatchRuleBook(t *testing.T) {
	ruleBook := filepath.Join("..", "shared", "spec", "rules.md")
	data, err := os.ReadFile(ruleBook)
	if errors.Is(err, os.ErrNotExist) && os.Getenv("APPCLIENT_REQUIRE_SPEC") == "" {
		t.Skipf("%s is absent (it sits beside the repository in the project's workspace and CI): the standard attributes are not checked", ruleBook)
	}
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "Standard attributes (P4):")
	if !ok {
		t.Fatalf("%s has no list of standard attributes", ruleBook)
	}
	paragraph, _, _ := strings.Cut(rest, "\n\n")
	var names []string
	for i, part := range strings.Split(paragraph, "`") {
		if i%2 == 1 {
			names = append(names, part)
		}
	}
	if len(names) != 20 {
		t.Fatalf("read %d names from the rule book, want 19 standard attributes and sub: %q", len(names), names)
	}
	for _, n := range names {
		if !IsStandardAttribute(n) {
			t.Errorf("IsStandardAttribute(%q) = false", n)
		}
	}
	for _, n := range []string{"custom:tenant", "Email", "e-mail", "cognito:username", "identities", ""} {
		if IsStandardAttribute(n) {
			t.Errorf("IsStandardAttribute(%q) = true", n)
		}
	}
}

// BenchmarkValidateInPool is ValidateInPool on a valid web app in a pool of
// two resource servers, two providers and four attributes; compare
// BenchmarkValidateInPoolNil, which is Validate alone on the same request.
func BenchmarkValidateInPool(b *testing.B) {
	r, p := pooledWebApp(), ordersPool()
	b.ReportAllocs()
	for b.Loop() {
		if err := r.ValidateInPool(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateInPoolNil(b *testing.B) {
	r := pooledWebApp()
	b.ReportAllocs()
	for b.Loop() {
		if err := r.ValidateInPool(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUpdateInPool: the update request's ValidateInPool and LintInPool
// decide the pool rules on the configuration the update gives, with the
// update's member paths, and leave the secret rules undecided as Validate
// does.
func TestUpdateInPool(t *testing.T) {
	pooledUpdate := func() *UpdateUserPoolClientRequest {
		u := toUpdate(pooledWebApp(), "1example23456789")
		return &u
	}
	tests := []struct {
		name     string
		pool     *Pool
		modify   func(u *UpdateUserPoolClientRequest)
		want     []violation
		warnings []poolAdvisory
	}{
		{name: "uses only what the pool has", pool: ordersPool()},
		{name: "nil pool is Validate", pool: nil,
			modify: func(u *UpdateUserPoolClientRequest) {
				u.SupportedIdentityProviders = []string{"Salesforce"}
				u.ReadAttributes = []string{"tenant"}
			}},
		{name: "P1 a scope the server lacks", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) {
				u.AllowedOAuthScopes[2] = "https://api.example.com/orders.delete"
			},
			want: []violation{{"AllowedOAuthScopes[2]", RuleCustomScopeExists, sdne}}},
		{name: "P1 neighbour: the other scope of the server", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) { u.AllowedOAuthScopes[2] = "https://api.example.com/orders.write" }},
		{name: "P2 provider not configured, after Validate's own", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) {
				u.SupportedIdentityProviders = []string{"COGNITO", "Salesforce"}
				u.ClientID = ""
			},
			want: []violation{{"ClientId", RuleRequired, ipe}, {"SupportedIdentityProviders[1]", RuleIdentityProviderExists, ipe}}},
		{name: "P2 neighbour: a configured provider", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) { u.SupportedIdentityProviders = []string{"COGNITO", "Google"} }},
		{name: "P3 required attribute not writable", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) { u.WriteAttributes = []string{"email", "custom:tenant"} },
			want:   []violation{{"WriteAttributes", RuleWriteAttributesIncludeRequired, ipe}}},
		{name: "P3 neighbour: WriteAttributes left out", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) { u.WriteAttributes = nil }},
		{name: "P5 rotation on LITE", pool: lite(ordersPool()),
			modify: func(u *UpdateUserPoolClientRequest) {
				u.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
				u.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
			},
			want: []violation{{"RefreshTokenRotation.Feature", RuleFeaturePlan, featureTier}}},
		{name: "P5 neighbour: rotation on ESSENTIALS", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) {
				u.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
				u.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
			}},
		{name: "P4 custom attribute without its prefix is a warning", pool: ordersPool(),
			modify:   func(u *UpdateUserPoolClientRequest) { u.ReadAttributes = []string{"email", "tenant"} },
			warnings: []poolAdvisory{{"ReadAttributes[1]", RuleAttributeExists}}},
		{name: "P4 neighbour: with its prefix", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) { u.ReadAttributes = []string{"email", "custom:tenant"} }},
		{name: "O3 undecided as in Validate: client_credentials without a known secret", pool: ordersPool(),
			modify: func(u *UpdateUserPoolClientRequest) {
				u.AllowedOAuthFlows = []OAuthFlow{OAuthFlowClientCredentials}
				u.AllowedOAuthScopes = []string{"billing/invoices"}
				u.CallbackURLs, u.LogoutURLs, u.DefaultRedirectURI = nil, nil, nil
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := pooledUpdate()
			if tt.modify != nil {
				tt.modify(u)
			}
			if diff := cmp.Diff(tt.want, violations(t, u.ValidateInPool(tt.pool))); diff != "" {
				t.Errorf("ValidateInPool() mismatch (-want +got):\n%s", diff)
			}
			var got []poolAdvisory
			for _, a := range u.LintInPool(tt.pool) {
				got = append(got, poolAdvisory{a.Field, a.Rule})
			}
			if diff := cmp.Diff(tt.warnings, got); diff != "" {
				t.Errorf("LintInPool() mismatch (-want +got):\n%s", diff)
			}
			// The update decides what the create request with the same
			// configuration decides, but for its own members.
			v := u.view()
			v.GenerateSecret = true // as Validate assumes
			var fromCreate []violation
			for _, e := range violations(t, v.ValidateInPool(tt.pool)) {
				if e.Field != "ClientName" && e.Field != "UserPoolId" {
					fromCreate = append(fromCreate, e)
				}
			}
			var own []violation
			for _, e := range violations(t, u.ValidateInPool(tt.pool)) {
				if e.Field != "ClientId" {
					own = append(own, e)
				}
			}
			if diff := cmp.Diff(fromCreate, own); diff != "" {
				t.Errorf("update and create views disagree (-create +update):\n%s", diff)
			}
		})
	}
	var nilUpdate *UpdateUserPoolClientRequest
	if err := nilUpdate.ValidateInPool(ordersPool()); !errors.Is(err, ErrRequired) {
		t.Errorf("nil request: ValidateInPool() = %v, want ErrRequired", err)
	}
	if got := nilUpdate.LintInPool(ordersPool()); got != nil {
		t.Errorf("nil request: LintInPool() = %v", got)
	}
}
