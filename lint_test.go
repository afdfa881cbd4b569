package appclient

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// advisory is what the tests compare of an Advisory: never its text.
type advisory struct {
	Field, Rule string
	Value       any
}

func advisories(as []*Advisory) []advisory {
	var out []advisory
	for _, a := range as {
		out = append(out, advisory{a.Field, a.Rule, a.Value})
	}
	return out
}

// quietWebApp is webApp without its loopback callback: a request with no
// advisory, the base the web-app cases mutate.
func quietWebApp() *CreateUserPoolClientRequest {
	r := webApp()
	r.CallbackURLs = r.CallbackURLs[:1]
	return r
}

// quietMachine is machine with the settings the advisories want.
func quietMachine() *CreateUserPoolClientRequest {
	r := machine()
	r.PreventUserExistenceErrors = UserExistenceErrorsEnabled
	r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth}
	return r
}

type lintCase struct {
	name   string
	base   func() *CreateUserPoolClientRequest // quietWebApp when nil
	mutate func(r *CreateUserPoolClientRequest)
	want   []advisory
}

// lintCases holds, for every advisory, a case that fires and its nearest
// neighbour that stays quiet (want nil).
var lintCases = []lintCase{
	// W1
	{"W1 flows without the flag", nil, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthFlowsUserPoolClient = false
		r.AllowedOAuthScopes, r.CallbackURLs, r.LogoutURLs, r.DefaultRedirectURI = nil, nil, nil, nil
	}, []advisory{{"AllowedOAuthFlowsUserPoolClient", RuleOAuthSettingsIgnored, false}}},
	// One cause, one finding: the flag, whatever number of members it leaves
	// without effect.
	{"W1 every OAuth member without the flag", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlowsUserPoolClient = false }, []advisory{
		{"AllowedOAuthFlowsUserPoolClient", RuleOAuthSettingsIgnored, false},
	}},
	{"W1 client token: scopes used, flows ignored", clientTokenClient, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowClientCredentials}
	}, []advisory{{"AllowedOAuthFlowsUserPoolClient", RuleOAuthSettingsIgnored, false}}},
	{"W1 quiet: client token's scopes without the flag", clientTokenClient, func(r *CreateUserPoolClientRequest) {}, nil},
	{"W1 quiet: no OAuth member without the flag", nil, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthFlowsUserPoolClient = false
		r.AllowedOAuthFlows, r.AllowedOAuthScopes, r.CallbackURLs, r.LogoutURLs, r.DefaultRedirectURI = nil, nil, nil, nil, nil
	}, nil},
	// W2
	{"W2 implicit", nil, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowCode, OAuthFlowImplicit}
	},
		[]advisory{{"AllowedOAuthFlows[1]", RuleImplicitGrant, "implicit"}}},
	{"W2 quiet: code", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowCode} }, nil},
	// W3
	{"W3 email and profile without openid", nil, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthScopes = []string{"email", "orders/read", "profile"}
	},
		[]advisory{{"AllowedOAuthScopes[0]", RuleOIDCScopeWithoutOpenID, "email"}, {"AllowedOAuthScopes[2]", RuleOIDCScopeWithoutOpenID, "profile"}}},
	{"W3 quiet: with openid last", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"email", "phone", "openid"} }, nil},
	// W4
	{"W4 access outlives refresh", nil, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenValidity, r.TokenValidityUnits.RefreshToken = ptr[int32](60), TimeUnitMinutes
		r.AccessTokenValidity = ptr[int32](61)
	}, []advisory{{"AccessTokenValidity", RuleTokenOutlivesRefresh, int32(61)}}},
	{"W4 ID outlives refresh", nil, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenValidity, r.TokenValidityUnits.RefreshToken = ptr[int32](2), TimeUnitHours
		r.IDTokenValidity, r.TokenValidityUnits.IDToken = ptr[int32](1), TimeUnitDays
	}, []advisory{{"IdTokenValidity", RuleTokenOutlivesRefresh, int32(1)}}},
	{"W4 quiet: equal lifetimes", nil, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenValidity, r.TokenValidityUnits.RefreshToken = ptr[int32](60), TimeUnitMinutes
		r.AccessTokenValidity = ptr[int32](60)
	}, nil},
	// W5
	{"W5 wildcard callback and logout", nil, func(r *CreateUserPoolClientRequest) {
		r.CallbackURLs = append(r.CallbackURLs, "https://*.example.com/cb")
		r.LogoutURLs = []string{"https://example.com/*"}
	}, []advisory{{"CallbackURLs[1]", RuleRedirectWildcard, "https://*.example.com/cb"}, {"LogoutURLs[0]", RuleRedirectWildcard, "https://example.com/*"}}},
	{"W5 quiet: escaped star", nil, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{"https://example.com/%2A"} }, nil},
	// W6
	{"W6 http loopback callback", nil, func(r *CreateUserPoolClientRequest) {
		r.CallbackURLs = append(r.CallbackURLs, "http://127.0.0.1:8080/cb")
	},
		[]advisory{{"CallbackURLs[1]", RuleLoopbackRedirect, "http://127.0.0.1:8080/cb"}}},
	{"W6 quiet: https loopback callback", nil, func(r *CreateUserPoolClientRequest) {
		r.CallbackURLs = append(r.CallbackURLs, "https://localhost:8080/cb")
	}, nil},
	// W7
	{"W7 http logout", nil, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{"http://orders.example.com/"} },
		[]advisory{{"LogoutURLs[0]", RuleLogoutHTTPS, "http://orders.example.com/"}}},
	{"W7 quiet: http loopback logout", nil, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{"http://localhost/"} }, nil},
	// W8
	{"W8 absent", nil, func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = "" },
		[]advisory{{"PreventUserExistenceErrors", RuleUserExistenceErrors, nil}}},
	{"W8 LEGACY", nil, func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = UserExistenceErrorsLegacy },
		[]advisory{{"PreventUserExistenceErrors", RuleUserExistenceErrors, "LEGACY"}}},
	{"W8 quiet: invalid value is Validate's", nil, func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = "enabled" }, nil},
	// W9
	{"W9 revocation off", nil, func(r *CreateUserPoolClientRequest) { r.EnableTokenRevocation = ptr(false) },
		[]advisory{{"EnableTokenRevocation", RuleTokenRevocationOff, false}}},
	{"W9 quiet: absent means on", nil, func(r *CreateUserPoolClientRequest) { r.EnableTokenRevocation = nil }, nil},
	// W10
	{"W10 password flows", nil, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserPasswordAuth, ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowAdminUserPasswordAuth}
	}, []advisory{{"ExplicitAuthFlows[0]", RulePasswordFlows, "ALLOW_USER_PASSWORD_AUTH"}, {"ExplicitAuthFlows[2]", RulePasswordFlows, "ALLOW_ADMIN_USER_PASSWORD_AUTH"}}},
	{"W10 legacy password flow", nil, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAdminNoSRPAuth}
	},
		[]advisory{{"ExplicitAuthFlows[0]", RulePasswordFlows, "ADMIN_NO_SRP_AUTH"}}},
	{"W10 quiet: SRP and USER_AUTH", nil, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowUserAuth, ExplicitAuthFlowAllowRefreshTokenAuth}
	}, nil},
	// W11
	{"W11 31 days without rotation", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](31) },
		[]advisory{{"RefreshTokenValidity", RuleLongRefreshWithoutRotation, int32(31)}}},
	{"W11 quiet: 30 days", nil, func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](30) }, nil},
	{"W11 quiet: 90 days with rotation", nil, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenValidity = ptr[int32](90)
		r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
	}, nil},
	// W12
	{"W12 rotation with default flows", nil, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
		r.ExplicitAuthFlows = nil
	}, []advisory{{"ExplicitAuthFlows", RuleRotationWithDefaultFlows, nil}}},
	{"W12 quiet: rotation with listed flows", nil, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
	}, nil},
	// W13
	{"W13 duplicates", nil, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthScopes = []string{"openid", "email", "openid", "openid"}
		r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserSRPAuth)
	}, []advisory{
		{"ExplicitAuthFlows[2]", RuleDuplicateEntries, "ALLOW_USER_SRP_AUTH"},
		{"AllowedOAuthScopes[2]", RuleDuplicateEntries, "openid"},
		{"AllowedOAuthScopes[3]", RuleDuplicateEntries, "openid"},
	}},
	{"W13 quiet: values that differ in case", nil, func(r *CreateUserPoolClientRequest) {
		r.CallbackURLs = []string{"https://orders.example.com/auth/callback", "https://orders.example.com/auth/Callback"}
	}, nil},
	// W14
	{"W14 OpenID", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"openid", "Email"} },
		[]advisory{{"AllowedOAuthScopes[1]", RuleScopeReservedCase, "Email"}}},
	{"W14 quiet: custom scope named like a reserved one", nil, func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"openid", "api/Email"} }, nil},
	// W15
	{"W15 phone_number_verified and sub", nil, func(r *CreateUserPoolClientRequest) {
		r.WriteAttributes = []string{"phone_number_verified", "name", "sub"}
	},
		[]advisory{{"WriteAttributes[0]", RulePhoneNumberVerifiedWritable, "phone_number_verified"}, {"WriteAttributes[2]", RulePhoneNumberVerifiedWritable, "sub"}}},
	{"W15 quiet: phone_number", nil, func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"phone_number"} }, nil},
	{"W15 quiet: readable", nil, func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"phone_number_verified", "sub"} }, nil},
	// W16
	{"W16 empty", nil, func(r *CreateUserPoolClientRequest) { r.AnalyticsConfiguration = &AnalyticsConfiguration{} },
		[]advisory{{"AnalyticsConfiguration", RuleAnalyticsIncomplete, nil}}},
	{"W16 id without role", nil, func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationID: ptr("0123abcd"), ExternalID: ptr("x")}
	}, []advisory{{"AnalyticsConfiguration", RuleAnalyticsIncomplete, nil}}},
	{"W16 both forms", nil, func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr(pinpointARN), ApplicationID: ptr("0123abcd"), RoleARN: ptr(roleARN), ExternalID: ptr("x")}
	}, []advisory{{"AnalyticsConfiguration", RuleAnalyticsIncomplete, nil}}},
	{"W16 ARN with a role", nil, func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr(pinpointARN), RoleARN: ptr(roleARN)}
	}, []advisory{{"AnalyticsConfiguration", RuleAnalyticsIncomplete, nil}}},
	{"W16 quiet: ARN alone", nil, func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr(pinpointARN), UserDataShared: true}
	}, nil},
	{"W16 quiet: id, role and external id", nil, func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationID: ptr("0123abcd"), RoleARN: ptr(roleARN), ExternalID: ptr("x")}
	}, nil},
	// W17
	{"W17 javascript and file", nil, func(r *CreateUserPoolClientRequest) {
		r.CallbackURLs = append(r.CallbackURLs, "JavaScript:alert(1)")
		r.LogoutURLs = []string{"file:///etc/passwd"}
	}, []advisory{{"CallbackURLs[1]", RuleRedirectSchemeUnsafe, "JavaScript:alert(1)"}, {"LogoutURLs[0]", RuleRedirectSchemeUnsafe, "file:///etc/passwd"}}},
	{"W17 data", nil, func(r *CreateUserPoolClientRequest) { r.CallbackURLs = append(r.CallbackURLs, "data:text/html,x") },
		[]advisory{{"CallbackURLs[1]", RuleRedirectSchemeUnsafe, "data:text/html,x"}}},
	{"W17 quiet: app scheme", nil, func(r *CreateUserPoolClientRequest) {
		r.CallbackURLs = append(r.CallbackURLs, "myapp://callback", "javascripts://x")
	}, nil},
	// W18
	{"W18 default flows", quietMachine, func(r *CreateUserPoolClientRequest) { r.ExplicitAuthFlows = nil },
		[]advisory{{"ExplicitAuthFlows", RuleMachineClientUserFlows, nil}}},
	{"W18 SRP", quietMachine, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserSRPAuth}
	}, []advisory{{"ExplicitAuthFlows[1]", RuleMachineClientUserFlows, "ALLOW_USER_SRP_AUTH"}}},
	{"W18 quiet: refresh only", quietMachine, func(r *CreateUserPoolClientRequest) {}, nil},
	{"W18 quiet: user client with default flows", nil, func(r *CreateUserPoolClientRequest) { r.ExplicitAuthFlows = nil }, nil},
	// W19
	{"W19 a flow newer than this version", nil, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, "ALLOW_PASSKEY_AUTH")
	}, []advisory{{"ExplicitAuthFlows[2]", RuleUnknownAuthFlow, "ALLOW_PASSKEY_AUTH"}}},
	{"W19 quiet: the newest known flow", nil, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, ExplicitAuthFlowAllowUserAuth)
	}, nil},
	{"W19 quiet: a near miss is Validate's", nil, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = append(r.ExplicitAuthFlows, "ALLOW_USER_SRP")
	}, nil},
	// W20
	{"W20 reserved scope on a client-token client", clientTokenClient, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthScopes = append(r.AllowedOAuthScopes, "openid")
	}, []advisory{{"AllowedOAuthScopes[1]", RuleClientTokenReservedScope, "openid"}}},
	{"W20 quiet: custom scopes only", clientTokenClient, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthScopes = append(r.AllowedOAuthScopes, "orders-api/orders.write")
	}, nil},
	{"W20 quiet: reserved scope without client-token auth", quietMachine, func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthFlowsUserPoolClient, r.AllowedOAuthFlows = true, []OAuthFlow{OAuthFlowCode}
		r.CallbackURLs = []string{"https://orders.example.com/cb"}
		r.AllowedOAuthScopes = []string{"openid"}
	}, nil},
}

// clientTokenClient is clientToken with the settings the advisories want.
func clientTokenClient() *CreateUserPoolClientRequest {
	r := clientToken()
	r.PreventUserExistenceErrors = UserExistenceErrorsEnabled
	return r
}

const (
	pinpointARN = "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123abcd"
	roleARN     = "arn:aws:iam::123456789012:role/pinpoint"
)

func TestLint(t *testing.T) {
	for _, tc := range lintCases {
		t.Run(tc.name, func(t *testing.T) {
			base := tc.base
			if base == nil {
				base = quietWebApp
			}
			r := base()
			tc.mutate(r)
			if diff := cmp.Diff(tc.want, advisories(r.Lint())); diff != "" {
				t.Errorf("Lint() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLintCasesCoverEveryAdvisory: every advisory of the table has a case
// that fires and a quiet neighbour.
func TestLintCasesCoverEveryAdvisory(t *testing.T) {
	fires, quiet := map[string]bool{}, map[string]bool{}
	for _, tc := range lintCases {
		for _, a := range tc.want {
			fires[a.Rule] = true
		}
	}
	for _, tc := range lintCases {
		if tc.want == nil {
			// "W13 quiet: ..." is the neighbour of the rule with code W13.
			code, _, _ := strings.Cut(tc.name, " ")
			for _, r := range ruleTable {
				if r.Code == code {
					quiet[r.ID] = true
				}
			}
		}
	}
	for _, r := range ruleTable {
		if r.Severity != SeverityWarning || r.Scope != ScopeRequest {
			continue
		}
		if !fires[r.ID] {
			t.Errorf("%s %s: no case fires it", r.Code, r.ID)
		}
		if !quiet[r.ID] {
			t.Errorf("%s %s: no quiet neighbour", r.Code, r.ID)
		}
	}
}

func TestLintBasesAreQuiet(t *testing.T) {
	for name, r := range map[string]*CreateUserPoolClientRequest{"quietWebApp": quietWebApp(), "quietMachine": quietMachine()} {
		if err := r.Validate(); err != nil {
			t.Errorf("%s: Validate() = %v", name, err)
		}
		if got := r.Lint(); got != nil {
			t.Errorf("%s: Lint() = %v, want nil", name, advisories(got))
		}
	}
	var nilReq *CreateUserPoolClientRequest
	if got := nilReq.Lint(); got != nil {
		t.Errorf("nil request: Lint() = %v", got)
	}
}

// TestLintMessages: advisories have a message, and quote long values short.
func TestLintMessages(t *testing.T) {
	r := quietWebApp()
	long := "https://*.example.com/" + strings.Repeat("a", 500)
	r.LogoutURLs = []string{long}
	as := r.Lint()
	if len(as) != 1 {
		t.Fatalf("Lint() = %v, want one advisory", advisories(as))
	}
	if a := as[0]; a.Value != long || len(a.Message) > 300 || !strings.Contains(a.Message, "…") {
		t.Errorf("advisory = %+v: want the whole value and a message that quotes it cut short", a)
	}
	if got := as[0].String(); !strings.HasPrefix(got, "LogoutURLs[0]: ") || !strings.HasSuffix(got, " (redirect-wildcard)") {
		t.Errorf("String() = %q, want the member path first and the rule id last", got)
	}
	if got, want := (&Advisory{Rule: "token-revocation-off", Message: "m"}).String(), "m (token-revocation-off)"; got != want {
		t.Errorf("String() without a field = %q, want %q", got, want)
	}
}

// TestUpdateLint: the update request's Lint reads the same members.
func TestUpdateLint(t *testing.T) {
	u := &UpdateUserPoolClientRequest{
		UserPoolID:                      "us-east-1_AbC123xyz",
		ClientID:                        "1example23456789",
		AllowedOAuthFlowsUserPoolClient: true,
		AllowedOAuthFlows:               []OAuthFlow{OAuthFlowImplicit},
		AllowedOAuthScopes:              []string{"openid"},
		CallbackURLs:                    []string{"https://example.com/cb"},
		PreventUserExistenceErrors:      UserExistenceErrorsEnabled,
	}
	want := []advisory{{"AllowedOAuthFlows[0]", RuleImplicitGrant, "implicit"}}
	if diff := cmp.Diff(want, advisories(u.Lint())); diff != "" {
		t.Errorf("Lint() mismatch (-want +got):\n%s", diff)
	}
	u.AllowedOAuthFlows = []OAuthFlow{OAuthFlowCode}
	if got := u.Lint(); got != nil {
		t.Errorf("Lint() = %v, want nil", advisories(got))
	}
	var nilReq *UpdateUserPoolClientRequest
	if got := nilReq.Lint(); got != nil {
		t.Errorf("nil request: Lint() = %v", got)
	}
}

// TestUpdateView: the view, the one converter from an update to a create
// request that Validate, Lint, ValidateInPool and LintInPool read, carries
// every member the two requests share, so that no rule misses one. It fills every field of an update by
// reflection and checks that the view has each, by JSON name.
func TestUpdateView(t *testing.T) {
	var u UpdateUserPoolClientRequest
	fillAll(reflect.ValueOf(&u).Elem())
	v := u.view()
	uv, cv := reflect.ValueOf(u), reflect.ValueOf(v)
	for i := 0; i < uv.NumField(); i++ {
		name := uv.Type().Field(i).Name
		f := cv.FieldByName(name)
		switch {
		case name == "ClientID":
			continue // the create request has none
		case name == "ClientName":
			if v.ClientName != *u.ClientName {
				t.Errorf("ClientName = %q, want %q", v.ClientName, *u.ClientName)
			}
		case !f.IsValid():
			t.Errorf("create request has no field %s", name)
		case !cmp.Equal(f.Interface(), uv.Field(i).Interface()):
			t.Errorf("%s not carried over", name)
		}
	}
}
