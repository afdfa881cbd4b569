package appclient

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func refOf[T any](v T) *T { return &v }

// builderErrKey is what tests compare of a FieldError: never its message.
type builderErrKey struct {
	Field, Rule, Exception string
}

// builderErrKeys returns the keys of err's violations, or fails the test if err is
// not a *ValidationError.
func builderErrKeys(t *testing.T, err error) []builderErrKey {
	t.Helper()
	if err == nil {
		return nil
	}
	ve, ok := err.(*ValidationError)
	if !ok {
		t.Fatalf("error is %T, want *ValidationError: %v", err, err)
	}
	keys := make([]builderErrKey, len(ve.Errors))
	for i, fe := range ve.Errors {
		keys[i] = builderErrKey{fe.Field, fe.Rule, fe.Exception}
	}
	return keys
}

// setterTests has one row per way to call a setter. Each row starts from the
// zero Builder, so want is exactly what the setter sets and nothing else.
// A row's name starts with the method it covers.
var setterTests = []struct {
	name string
	b    Builder
	want CreateUserPoolClientRequest
}{
	{"UserPoolID", Builder{}.UserPoolID("us-east-1_AbC123xyz"), CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz"}},
	{"UserPoolID/last call wins", Builder{}.UserPoolID("us-east-1_AbC123xyz").UserPoolID("local_abc"), CreateUserPoolClientRequest{UserPoolID: "local_abc"}},
	{"ClientName", Builder{}.ClientName("web app"), CreateUserPoolClientRequest{ClientName: "web app"}},
	{"GenerateSecret", Builder{}.GenerateSecret(true), CreateUserPoolClientRequest{GenerateSecret: true}},
	{"GenerateSecret/last call wins", Builder{}.GenerateSecret(true).GenerateSecret(false), CreateUserPoolClientRequest{}},
	{"ClientSecret", Builder{}.ClientSecret("abcdefghijklmnopqrstuvwx"), CreateUserPoolClientRequest{ClientSecret: refOf("abcdefghijklmnopqrstuvwx")}},
	{"ClientSecret/empty is a value", Builder{}.ClientSecret(""), CreateUserPoolClientRequest{ClientSecret: refOf("")}},
	{
		"RefreshTokenValidity/days", Builder{}.RefreshTokenValidity(30 * 24 * time.Hour),
		CreateUserPoolClientRequest{RefreshTokenValidity: refOf[int32](30), TokenValidityUnits: &TokenValidityUnits{RefreshToken: TimeUnitDays}},
	},
	{
		"RefreshTokenValidity/minutes", Builder{}.RefreshTokenValidity(90 * time.Minute),
		CreateUserPoolClientRequest{RefreshTokenValidity: refOf[int32](90), TokenValidityUnits: &TokenValidityUnits{RefreshToken: TimeUnitMinutes}},
	},
	{
		"RefreshTokenValidity/zero", Builder{}.RefreshTokenValidity(0),
		CreateUserPoolClientRequest{RefreshTokenValidity: refOf[int32](0), TokenValidityUnits: &TokenValidityUnits{RefreshToken: TimeUnitDays}},
	},
	{
		"AccessTokenValidity", Builder{}.AccessTokenValidity(90 * time.Minute),
		CreateUserPoolClientRequest{AccessTokenValidity: refOf[int32](90), TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitMinutes}},
	},
	{
		"AccessTokenValidity/seconds", Builder{}.AccessTokenValidity(301 * time.Second),
		CreateUserPoolClientRequest{AccessTokenValidity: refOf[int32](301), TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitSeconds}},
	},
	{
		"AccessTokenValidity/last call wins", Builder{}.AccessTokenValidity(90 * time.Minute).AccessTokenValidity(2 * time.Hour),
		CreateUserPoolClientRequest{AccessTokenValidity: refOf[int32](2), TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitHours}},
	},
	{
		"IDTokenValidity", Builder{}.IDTokenValidity(24 * time.Hour),
		CreateUserPoolClientRequest{IDTokenValidity: refOf[int32](1), TokenValidityUnits: &TokenValidityUnits{IDToken: TimeUnitDays}},
	},
	{
		"IDTokenValidity/keeps the other units", Builder{}.RefreshTokenValidity(60 * time.Minute).AccessTokenValidity(5 * time.Minute).IDTokenValidity(time.Hour),
		CreateUserPoolClientRequest{
			RefreshTokenValidity: refOf[int32](1), AccessTokenValidity: refOf[int32](5), IDTokenValidity: refOf[int32](1),
			TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitMinutes, IDToken: TimeUnitHours, RefreshToken: TimeUnitHours},
		},
	},
	{"ReadAttributes", Builder{}.ReadAttributes("email", "name"), CreateUserPoolClientRequest{ReadAttributes: []string{"email", "name"}}},
	{"ReadAttributes/replaces", Builder{}.ReadAttributes("email").ReadAttributes("name"), CreateUserPoolClientRequest{ReadAttributes: []string{"name"}}},
	{"ReadAttributes/no arguments is absent", Builder{}.ReadAttributes("email").ReadAttributes(), CreateUserPoolClientRequest{}},
	{"ReadAttributes/empty list is sent", Builder{}.ReadAttributes([]string{}...), CreateUserPoolClientRequest{ReadAttributes: []string{}}},
	{"AddReadAttributes", Builder{}.ReadAttributes("email").AddReadAttributes("name", "email_verified"), CreateUserPoolClientRequest{ReadAttributes: []string{"email", "name", "email_verified"}}},
	{"AddReadAttributes/to absent", Builder{}.AddReadAttributes("email"), CreateUserPoolClientRequest{ReadAttributes: []string{"email"}}},
	{"AddReadAttributes/nothing to absent", Builder{}.AddReadAttributes(), CreateUserPoolClientRequest{}},
	{"WriteAttributes", Builder{}.WriteAttributes("name"), CreateUserPoolClientRequest{WriteAttributes: []string{"name"}}},
	{"AddWriteAttributes", Builder{}.WriteAttributes("name").AddWriteAttributes("locale"), CreateUserPoolClientRequest{WriteAttributes: []string{"name", "locale"}}},
	{
		"ExplicitAuthFlows", Builder{}.ExplicitAuthFlows(ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth),
		CreateUserPoolClientRequest{ExplicitAuthFlows: []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth}},
	},
	{
		"AddExplicitAuthFlows", Builder{}.ExplicitAuthFlows(ExplicitAuthFlowAllowRefreshTokenAuth).AddExplicitAuthFlows(ExplicitAuthFlowAllowUserAuth),
		CreateUserPoolClientRequest{ExplicitAuthFlows: []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserAuth}},
	},
	{"SupportedIdentityProviders", Builder{}.SupportedIdentityProviders("COGNITO"), CreateUserPoolClientRequest{SupportedIdentityProviders: []string{"COGNITO"}}},
	{"AddSupportedIdentityProviders", Builder{}.SupportedIdentityProviders("COGNITO").AddSupportedIdentityProviders("Google", "corp-saml"), CreateUserPoolClientRequest{SupportedIdentityProviders: []string{"COGNITO", "Google", "corp-saml"}}},
	{"CallbackURLs", Builder{}.CallbackURLs("https://a.example.com/cb"), CreateUserPoolClientRequest{CallbackURLs: []string{"https://a.example.com/cb"}}},
	{"CallbackURLs/replaces", Builder{}.CallbackURLs("https://a.example.com/cb").CallbackURLs("myapp://cb"), CreateUserPoolClientRequest{CallbackURLs: []string{"myapp://cb"}}},
	{"AddCallbackURLs", Builder{}.CallbackURLs("https://a.example.com/cb").AddCallbackURLs("myapp://cb"), CreateUserPoolClientRequest{CallbackURLs: []string{"https://a.example.com/cb", "myapp://cb"}}},
	{"LogoutURLs", Builder{}.LogoutURLs("https://a.example.com/"), CreateUserPoolClientRequest{LogoutURLs: []string{"https://a.example.com/"}}},
	{"AddLogoutURLs", Builder{}.LogoutURLs("https://a.example.com/").AddLogoutURLs("myapp://bye"), CreateUserPoolClientRequest{LogoutURLs: []string{"https://a.example.com/", "myapp://bye"}}},
	{"DefaultRedirectURI", Builder{}.DefaultRedirectURI("https://a.example.com/cb"), CreateUserPoolClientRequest{DefaultRedirectURI: refOf("https://a.example.com/cb")}},
	{"AllowedOAuthFlows", Builder{}.AllowedOAuthFlows(OAuthFlowCode), CreateUserPoolClientRequest{AllowedOAuthFlows: []OAuthFlow{OAuthFlowCode}}},
	{"AddAllowedOAuthFlows", Builder{}.AllowedOAuthFlows(OAuthFlowCode).AddAllowedOAuthFlows(OAuthFlowImplicit), CreateUserPoolClientRequest{AllowedOAuthFlows: []OAuthFlow{OAuthFlowCode, OAuthFlowImplicit}}},
	{"AllowedOAuthScopes", Builder{}.AllowedOAuthScopes("openid", "email"), CreateUserPoolClientRequest{AllowedOAuthScopes: []string{"openid", "email"}}},
	{"AddAllowedOAuthScopes", Builder{}.AllowedOAuthScopes("openid").AddAllowedOAuthScopes("email"), CreateUserPoolClientRequest{AllowedOAuthScopes: []string{"openid", "email"}}},
	{"AllowedOAuthFlowsUserPoolClient", Builder{}.AllowedOAuthFlowsUserPoolClient(true), CreateUserPoolClientRequest{AllowedOAuthFlowsUserPoolClient: true}},
	{
		"AnalyticsApplicationARN", Builder{}.AnalyticsApplicationARN("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc", true),
		CreateUserPoolClientRequest{AnalyticsConfiguration: &AnalyticsConfiguration{ApplicationARN: refOf("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc"), UserDataShared: true}},
	},
	{
		"AnalyticsApplicationARN/replaces the ID form",
		Builder{}.AnalyticsApplicationID("abc123", "arn:aws:iam::123456789012:role/pinpoint", "ext", true).AnalyticsApplicationARN("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc", false),
		CreateUserPoolClientRequest{AnalyticsConfiguration: &AnalyticsConfiguration{ApplicationARN: refOf("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc")}},
	},
	{
		"AnalyticsApplicationID", Builder{}.AnalyticsApplicationID("abc123", "arn:aws:iam::123456789012:role/pinpoint", "ext", false),
		CreateUserPoolClientRequest{AnalyticsConfiguration: &AnalyticsConfiguration{ApplicationID: refOf("abc123"), RoleARN: refOf("arn:aws:iam::123456789012:role/pinpoint"), ExternalID: refOf("ext")}},
	},
	{"PreventUserExistenceErrors", Builder{}.PreventUserExistenceErrors(UserExistenceErrorsEnabled), CreateUserPoolClientRequest{PreventUserExistenceErrors: UserExistenceErrorsEnabled}},
	{"PreventUserExistenceErrors/empty is absent", Builder{}.PreventUserExistenceErrors(UserExistenceErrorsEnabled).PreventUserExistenceErrors(""), CreateUserPoolClientRequest{}},
	{"EnableTokenRevocation", Builder{}.EnableTokenRevocation(true), CreateUserPoolClientRequest{EnableTokenRevocation: refOf(true)}},
	{"EnableTokenRevocation/false is sent", Builder{}.EnableTokenRevocation(false), CreateUserPoolClientRequest{EnableTokenRevocation: refOf(false)}},
	{"EnablePropagateAdditionalUserContextData", Builder{}.EnablePropagateAdditionalUserContextData(true), CreateUserPoolClientRequest{EnablePropagateAdditionalUserContextData: refOf(true)}},
	{"AuthSessionValidity", Builder{}.AuthSessionValidity(15 * time.Minute), CreateUserPoolClientRequest{AuthSessionValidity: refOf[int32](15)}},
	{
		"RefreshTokenRotation", Builder{}.RefreshTokenRotation(true, 10*time.Second),
		CreateUserPoolClientRequest{RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureEnabled, RetryGracePeriodSeconds: refOf[int32](10)}},
	},
	{
		"RefreshTokenRotation/disabled", Builder{}.RefreshTokenRotation(true, time.Minute).RefreshTokenRotation(false, 0),
		CreateUserPoolClientRequest{RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: refOf[int32](0)}},
	},
}

func TestBuilderSetters(t *testing.T) {
	for _, tt := range setterTests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.b.req); diff != "" {
				t.Errorf("request mismatch (-want +got):\n%s", diff)
			}
			for m, p := range tt.b.problems {
				if p.msg != "" {
					t.Errorf("unexpected problem on %s: %s", durationFields[m][0], p.msg)
				}
			}
		})
	}
}

// notSetters are the Builder's methods that set more than one member, or
// none; they have tests of their own.
var notSetters = map[string]bool{
	"Build":                  true,
	"Request":                true,
	"Edit":                   true,
	"AuthorizationCodeGrant": true,
	"ImplicitGrant":          true,
	"ClientCredentialsGrant": true,
	"ClientTokenAuth":        true,
}

// TestBuilderSettersCovered makes sure that setterTests has a row for every
// setter, and that every member of the request has a setter.
func TestBuilderSettersCovered(t *testing.T) {
	rows := make(map[string]bool)
	for _, tt := range setterTests {
		method, _, _ := strings.Cut(tt.name, "/")
		rows[method] = true
	}
	bt := reflect.TypeFor[Builder]()
	for i := range bt.NumMethod() {
		name := bt.Method(i).Name
		if !notSetters[name] && !rows[name] {
			t.Errorf("setterTests has no row for Builder.%s", name)
		}
	}
	// The members without a setter of their own, and the setters that set them.
	indirect := map[string]string{
		"TokenValidityUnits":     "AccessTokenValidity",
		"AnalyticsConfiguration": "AnalyticsApplicationARN",
	}
	rt := reflect.TypeFor[CreateUserPoolClientRequest]()
	for i := range rt.NumField() {
		name := rt.Field(i).Name
		if s, ok := indirect[name]; ok {
			name = s
		}
		if _, ok := bt.MethodByName(name); !ok {
			t.Errorf("Builder has no setter for %s", rt.Field(i).Name)
		}
	}
}

func TestBuilderZeroValue(t *testing.T) {
	req, err := Builder{}.Build()
	want := []builderErrKey{
		{"UserPoolId", "required", ExceptionInvalidParameter},
		{"ClientName", "required", ExceptionInvalidParameter},
	}
	if diff := cmp.Diff(want, builderErrKeys(t, err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(CreateUserPoolClientRequest{}, req); diff != "" {
		t.Errorf("request on error mismatch (-want +got):\n%s", diff)
	}
}

func TestBuilderDurationProblems(t *testing.T) {
	const pool, name = "us-east-1_AbC123xyz", "app"
	base := NewBuilder(pool, name)
	tests := []struct {
		name     string
		b        Builder
		wantErrs []builderErrKey
		// want is the request as the builder holds it: the failed call left
		// the member as it was.
		want CreateUserPoolClientRequest
	}{
		{
			name:     "fraction of a second",
			b:        base.AccessTokenValidity(1500 * time.Millisecond),
			wantErrs: []builderErrKey{{"AccessTokenValidity", "duration", ""}},
			want:     CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name},
		},
		{
			name:     "negative",
			b:        base.RefreshTokenValidity(-time.Hour),
			wantErrs: []builderErrKey{{"RefreshTokenValidity", "duration", ""}},
			want:     CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name},
		},
		{
			name:     "failed call keeps the earlier value",
			b:        base.IDTokenValidity(time.Hour).IDTokenValidity(time.Hour + time.Nanosecond),
			wantErrs: []builderErrKey{{"IdTokenValidity", "duration", ""}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				IDTokenValidity: refOf[int32](1), TokenValidityUnits: &TokenValidityUnits{IDToken: TimeUnitHours},
			},
		},
		{
			name: "later call wins over a failed one",
			b:    base.AccessTokenValidity(-time.Minute).AccessTokenValidity(time.Hour),
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				AccessTokenValidity: refOf[int32](1), TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitHours},
			},
		},
		{
			name:     "auth session not in whole minutes",
			b:        base.AuthSessionValidity(90 * time.Second),
			wantErrs: []builderErrKey{{"AuthSessionValidity", "duration", ""}},
			want:     CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name},
		},
		{
			name:     "auth session negative",
			b:        base.AuthSessionValidity(5 * time.Minute).AuthSessionValidity(-5 * time.Minute),
			wantErrs: []builderErrKey{{"AuthSessionValidity", "duration", ""}},
			want:     CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name, AuthSessionValidity: refOf[int32](5)},
		},
		{
			name:     "grace period not in whole seconds sets the feature",
			b:        base.RefreshTokenRotation(true, 1500*time.Millisecond),
			wantErrs: []builderErrKey{{"RefreshTokenRotation.RetryGracePeriodSeconds", "duration", ""}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureEnabled},
			},
		},
		{
			name:     "grace period failure keeps the earlier one",
			b:        base.RefreshTokenRotation(false, 20*time.Second).RefreshTokenRotation(true, -time.Second),
			wantErrs: []builderErrKey{{"RefreshTokenRotation.RetryGracePeriodSeconds", "duration", ""}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureEnabled, RetryGracePeriodSeconds: refOf[int32](20)},
			},
		},
		{
			name:     "grace period beyond int32 seconds",
			b:        base.RefreshTokenRotation(true, (math.MaxInt32+1)*time.Second),
			wantErrs: []builderErrKey{{"RefreshTokenRotation.RetryGracePeriodSeconds", "duration", ""}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureEnabled},
			},
		},
		{
			name: "builder problems first in member order, then Validate's",
			b:    Builder{}.RefreshTokenRotation(false, -1).AuthSessionValidity(time.Second).IDTokenValidity(-1).AccessTokenValidity(1).RefreshTokenValidity(time.Millisecond),
			wantErrs: []builderErrKey{
				{"RefreshTokenValidity", "duration", ""},
				{"AccessTokenValidity", "duration", ""},
				{"IdTokenValidity", "duration", ""},
				{"AuthSessionValidity", "duration", ""},
				{"RefreshTokenRotation.RetryGracePeriodSeconds", "duration", ""},
				{"UserPoolId", "required", ExceptionInvalidParameter},
				{"ClientName", "required", ExceptionInvalidParameter},
			},
			want: CreateUserPoolClientRequest{RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureDisabled}},
		},
		{
			name:     "control: a stale value alone is Validate's to report",
			b:        base.AccessTokenValidity(2 * time.Second),
			wantErrs: []builderErrKey{{"AccessTokenValidity", RuleTokenValidityRange, ExceptionInvalidParameter}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				AccessTokenValidity: refOf[int32](2), TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitSeconds},
			},
		},
		{
			name:     "a stale value is not reported besides the problem",
			b:        base.AccessTokenValidity(2 * time.Second).AccessTokenValidity(1500 * time.Millisecond),
			wantErrs: []builderErrKey{{"AccessTokenValidity", RuleDuration, ""}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				AccessTokenValidity: refOf[int32](2), TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitSeconds},
			},
		},
		{
			name: "control: a stale unit alone is Validate's to report",
			b: base.Edit(func(r *CreateUserPoolClientRequest) {
				r.IDTokenValidity = refOf[int32](1)
				r.TokenValidityUnits = &TokenValidityUnits{IDToken: "weeks"}
			}),
			wantErrs: []builderErrKey{{"TokenValidityUnits.IdToken", RuleEnum, ExceptionInvalidParameter}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				IDTokenValidity: refOf[int32](1), TokenValidityUnits: &TokenValidityUnits{IDToken: "weeks"},
			},
		},
		{
			name: "a stale unit is not reported besides the problem",
			b: base.Edit(func(r *CreateUserPoolClientRequest) {
				r.IDTokenValidity = refOf[int32](1)
				r.TokenValidityUnits = &TokenValidityUnits{IDToken: "weeks"}
			}).IDTokenValidity(-time.Hour),
			wantErrs: []builderErrKey{{"IdTokenValidity", RuleDuration, ""}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				IDTokenValidity: refOf[int32](1), TokenValidityUnits: &TokenValidityUnits{IDToken: "weeks"},
			},
		},
		{
			name:     "control: a stale session lifetime alone is Validate's to report",
			b:        base.AuthSessionValidity(time.Minute),
			wantErrs: []builderErrKey{{"AuthSessionValidity", RuleRange, ExceptionInvalidParameter}},
			want:     CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name, AuthSessionValidity: refOf[int32](1)},
		},
		{
			name:     "a stale session lifetime is not reported besides the problem",
			b:        base.AuthSessionValidity(time.Minute).AuthSessionValidity(150 * time.Second),
			wantErrs: []builderErrKey{{"AuthSessionValidity", RuleDuration, ""}},
			want:     CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name, AuthSessionValidity: refOf[int32](1)},
		},
		{
			name:     "control: a stale grace period alone is Validate's to report",
			b:        base.RefreshTokenRotation(false, 61*time.Second),
			wantErrs: []builderErrKey{{"RefreshTokenRotation.RetryGracePeriodSeconds", RuleRange, ExceptionInvalidParameter}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: refOf[int32](61)},
			},
		},
		{
			name:     "a stale grace period is not reported besides the problem",
			b:        base.RefreshTokenRotation(false, 61*time.Second).RefreshTokenRotation(false, time.Millisecond),
			wantErrs: []builderErrKey{{"RefreshTokenRotation.RetryGracePeriodSeconds", RuleDuration, ""}},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: name,
				RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: refOf[int32](61)},
			},
		},
		{
			name: "other members are still reported",
			b:    base.RefreshTokenValidity(time.Millisecond).AccessTokenValidity(time.Minute).ClientName("bad/name"),
			wantErrs: []builderErrKey{
				{"RefreshTokenValidity", RuleDuration, ""},
				{"ClientName", RulePattern, ExceptionInvalidParameter},
				{"AccessTokenValidity", RuleTokenValidityRange, ExceptionInvalidParameter},
			},
			want: CreateUserPoolClientRequest{
				UserPoolID: pool, ClientName: "bad/name",
				AccessTokenValidity: refOf[int32](1), TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitMinutes},
			},
		},
		{
			name: "Edit that changes the member drops its problem",
			b: base.AccessTokenValidity(time.Millisecond).Edit(func(r *CreateUserPoolClientRequest) {
				r.AccessTokenValidity = refOf[int32](2)
			}),
			want: CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name, AccessTokenValidity: refOf[int32](2)},
		},
		{
			name: "Edit that changes the unit drops its problem",
			b: base.RefreshTokenValidity(time.Millisecond).Edit(func(r *CreateUserPoolClientRequest) {
				r.TokenValidityUnits = &TokenValidityUnits{RefreshToken: TimeUnitHours}
			}),
			want: CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name, TokenValidityUnits: &TokenValidityUnits{RefreshToken: TimeUnitHours}},
		},
		{
			name: "Edit of other members keeps the problem",
			b: base.AuthSessionValidity(time.Millisecond).RefreshTokenRotation(true, time.Millisecond).Edit(func(r *CreateUserPoolClientRequest) {
				r.ClientName = "renamed"
			}),
			wantErrs: []builderErrKey{
				{"AuthSessionValidity", "duration", ""},
				{"RefreshTokenRotation.RetryGracePeriodSeconds", "duration", ""},
			},
			want: CreateUserPoolClientRequest{UserPoolID: pool, ClientName: "renamed", RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureEnabled}},
		},
		{
			name: "Edit that removes rotation drops the grace period problem",
			b: base.RefreshTokenRotation(true, time.Millisecond).Edit(func(r *CreateUserPoolClientRequest) {
				r.RefreshTokenRotation = nil
			}),
			want: CreateUserPoolClientRequest{UserPoolID: pool, ClientName: name},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := tt.b.Build()
			if diff := cmp.Diff(tt.wantErrs, builderErrKeys(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, tt.b.req); diff != "" {
				t.Errorf("builder's request mismatch (-want +got):\n%s", diff)
			}
			if err == nil {
				if diff := cmp.Diff(tt.want, req); diff != "" {
					t.Errorf("built request mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if diff := cmp.Diff(CreateUserPoolClientRequest{}, req); diff != "" {
				t.Errorf("request on error mismatch (-want +got):\n%s", diff)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("errors.As(%v, *FieldError) = false", err)
			}
			if fe.Rule == "duration" {
				if !errors.Is(fe, ErrTokenValidity) {
					t.Errorf("errors.Is(%v, ErrTokenValidity) = false", fe)
				}
				if fe.Message == "" || strings.HasSuffix(fe.Message, ".") || strings.ToLower(fe.Message[:1]) != fe.Message[:1] {
					t.Errorf("message %q: want lower-case, without final period", fe.Message)
				}
				if _, ok := fe.Value.(time.Duration); !ok {
					t.Errorf("Value is %T, want time.Duration", fe.Value)
				}
			}
		})
	}
}

func TestBuilderGrants(t *testing.T) {
	const pool, name = "us-east-1_AbC123xyz", "app"
	tests := []struct {
		name string
		b    Builder
		want CreateUserPoolClientRequest
	}{
		{
			name: "AuthorizationCodeGrant",
			b:    Builder{}.AuthorizationCodeGrant("https://a.example.com/cb"),
			want: CreateUserPoolClientRequest{
				AllowedOAuthFlowsUserPoolClient: true,
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowCode},
				CallbackURLs:                    []string{"https://a.example.com/cb"},
			},
		},
		{
			name: "AuthorizationCodeGrant twice adds nothing twice",
			b: Builder{}.CallbackURLs("https://a.example.com/cb").
				AuthorizationCodeGrant("https://a.example.com/cb", "myapp://cb").
				AuthorizationCodeGrant("myapp://cb", "myapp://cb", "https://b.example.com/cb"),
			want: CreateUserPoolClientRequest{
				AllowedOAuthFlowsUserPoolClient: true,
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowCode},
				CallbackURLs:                    []string{"https://a.example.com/cb", "myapp://cb", "https://b.example.com/cb"},
			},
		},
		{
			name: "ImplicitGrant after AuthorizationCodeGrant",
			b:    Builder{}.AuthorizationCodeGrant("https://a.example.com/cb").ImplicitGrant(),
			want: CreateUserPoolClientRequest{
				AllowedOAuthFlowsUserPoolClient: true,
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowCode, OAuthFlowImplicit},
				CallbackURLs:                    []string{"https://a.example.com/cb"},
			},
		},
		{
			name: "ClientCredentialsGrant",
			b:    Builder{}.ClientCredentialsGrant("api/read", "api/write", "api/read"),
			want: CreateUserPoolClientRequest{
				GenerateSecret:                  true,
				AllowedOAuthFlowsUserPoolClient: true,
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowClientCredentials},
				AllowedOAuthScopes:              []string{"api/read", "api/write"},
			},
		},
		{
			name: "ClientCredentialsGrant keeps a custom secret",
			b:    Builder{}.ClientSecret("abcdefghijklmnopqrstuvwx").ClientCredentialsGrant("api/read"),
			want: CreateUserPoolClientRequest{
				ClientSecret:                    refOf("abcdefghijklmnopqrstuvwx"),
				AllowedOAuthFlowsUserPoolClient: true,
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowClientCredentials},
				AllowedOAuthScopes:              []string{"api/read"},
			},
		},
		{
			name: "NewWebAppBuilder",
			b:    NewWebAppBuilder(pool, name, "https://app.example.com/callback"),
			want: CreateUserPoolClientRequest{
				UserPoolID:                      pool,
				ClientName:                      name,
				GenerateSecret:                  true,
				ExplicitAuthFlows:               []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth},
				SupportedIdentityProviders:      []string{"COGNITO"},
				CallbackURLs:                    []string{"https://app.example.com/callback"},
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowCode},
				AllowedOAuthFlowsUserPoolClient: true,
				PreventUserExistenceErrors:      UserExistenceErrorsEnabled,
				EnableTokenRevocation:           refOf(true),
			},
		},
		{
			name: "NewPublicClientBuilder",
			b:    NewPublicClientBuilder(pool, name, "myapp://callback"),
			want: CreateUserPoolClientRequest{
				UserPoolID:                      pool,
				ClientName:                      name,
				ExplicitAuthFlows:               []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth},
				SupportedIdentityProviders:      []string{"COGNITO"},
				CallbackURLs:                    []string{"myapp://callback"},
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowCode},
				AllowedOAuthFlowsUserPoolClient: true,
				PreventUserExistenceErrors:      UserExistenceErrorsEnabled,
				EnableTokenRevocation:           refOf(true),
			},
		},
		{
			name: "NewMachineToMachineBuilder",
			b:    NewMachineToMachineBuilder(pool, name, "orders/read"),
			want: CreateUserPoolClientRequest{
				UserPoolID:                      pool,
				ClientName:                      name,
				GenerateSecret:                  true,
				ExplicitAuthFlows:               []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth},
				AllowedOAuthFlows:               []OAuthFlow{OAuthFlowClientCredentials},
				AllowedOAuthScopes:              []string{"orders/read"},
				AllowedOAuthFlowsUserPoolClient: true,
				PreventUserExistenceErrors:      UserExistenceErrorsEnabled,
				EnableTokenRevocation:           refOf(true),
			},
		},
		{
			name: "NewClientTokenBuilder",
			b:    NewClientTokenBuilder(pool, name, "orders/read"),
			want: CreateUserPoolClientRequest{
				UserPoolID:                 pool,
				ClientName:                 name,
				GenerateSecret:             true,
				ExplicitAuthFlows:          []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth},
				AllowedOAuthScopes:         []string{"orders/read"},
				PreventUserExistenceErrors: UserExistenceErrorsEnabled,
				EnableTokenRevocation:      refOf(true),
			},
		},
		{
			// The flow excludes every other: it replaces the list.
			name: "ClientTokenAuth replaces the flows and keeps a custom secret",
			b: NewBuilder(pool, name).ExplicitAuthFlows(ExplicitAuthFlowAllowUserSRPAuth).
				ClientSecret("abcdefghijklmnopqrstuvwx").ClientTokenAuth("orders/read", "orders/read"),
			want: CreateUserPoolClientRequest{
				UserPoolID:         pool,
				ClientName:         name,
				ClientSecret:       refOf("abcdefghijklmnopqrstuvwx"),
				ExplicitAuthFlows:  []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth},
				AllowedOAuthScopes: []string{"orders/read"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.b.req); diff != "" {
				t.Errorf("request mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStartingPointsBuild checks that each starting point builds as soon as
// the caller adds what only the caller knows.
func TestStartingPointsBuild(t *testing.T) {
	const pool = "us-east-1_AbC123xyz"
	tests := []struct {
		name string
		b    Builder
	}{
		{"web app", NewWebAppBuilder(pool, "web", "https://app.example.com/callback").AllowedOAuthScopes("openid", "email")},
		{"web app with logout and default redirect", NewWebAppBuilder(pool, "web", "https://app.example.com/callback", "http://localhost:8080/callback").
			AllowedOAuthScopes("openid", "profile", "orders/read").
			LogoutURLs("https://app.example.com/").
			DefaultRedirectURI("https://app.example.com/callback")},
		{"single-page app", NewPublicClientBuilder(pool, "spa", "https://app.example.com/").AllowedOAuthScopes("openid")},
		{"mobile app", NewPublicClientBuilder(pool, "mobile", "com.example.app:/callback", "myapp://callback").AllowedOAuthScopes("openid", "email", "phone")},
		{"command-line app", NewPublicClientBuilder(pool, "cli", "http://127.0.0.1:8400/").AllowedOAuthScopes("openid")},
		{"machine to machine", NewMachineToMachineBuilder(pool, "m2m", "orders/read", "https://api.example.com/orders.write")},
		{"machine to machine with custom secret", NewMachineToMachineBuilder(pool, "m2m", "orders/read").GenerateSecret(false).ClientSecret("abcdefghijklmnopqrstuvwxyz_012+")},
		{"client token", NewClientTokenBuilder(pool, "svc", "orders/read")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := tt.b.Build()
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			if err := req.Validate(); err != nil {
				t.Errorf("Validate of the built request: %v", err)
			}
		})
	}
}

// TestStartingPointsReportWhatIsMissing checks that a starting point without
// what only the caller knows reports exactly that.
func TestStartingPointsReportWhatIsMissing(t *testing.T) {
	const pool = "us-east-1_AbC123xyz"
	missing := []builderErrKey{
		{"AllowedOAuthScopes", RuleOAuthFlowsAndScopesRequired, ExceptionInvalidParameter},
		{"CallbackURLs", RuleCodeImplicitNeedCallbacks, ExceptionInvalidOAuthFlow},
	}
	tests := []struct {
		name string
		b    Builder
		want []builderErrKey
	}{
		{"web app", NewWebAppBuilder(pool, "web"), missing},
		{"public client", NewPublicClientBuilder(pool, "spa"), missing},
		{"machine to machine", NewMachineToMachineBuilder(pool, "m2m"), missing[:1]},
		{
			"machine to machine with a reserved scope", NewMachineToMachineBuilder(pool, "m2m", "orders/read", "openid"),
			[]builderErrKey{{"AllowedOAuthScopes[1]", RuleClientCredentialsReservedScope, ExceptionInvalidOAuthFlow}},
		},
		{
			"client token without its secret", NewClientTokenBuilder(pool, "svc", "orders/read").GenerateSecret(false),
			[]builderErrKey{{"ExplicitAuthFlows[0]", RuleClientTokenAuthNeedsSecret, ExceptionInvalidParameter}},
		},
		{
			"client token with a user flow added", NewClientTokenBuilder(pool, "svc", "orders/read").AddExplicitAuthFlows(ExplicitAuthFlowAllowUserSRPAuth),
			[]builderErrKey{{"ExplicitAuthFlows", RuleClientTokenAuthAlone, ExceptionInvalidParameter}},
		},
		{"web app with a custom secret instead of a generated one", NewWebAppBuilder(pool, "web", "https://app.example.com/cb").AllowedOAuthScopes("openid").ClientSecret("abcdefghijklmnopqrstuvwx"), nil},
		{
			"custom secret, then GenerateSecret again", NewWebAppBuilder(pool, "web", "https://app.example.com/cb").AllowedOAuthScopes("openid").ClientSecret("abcdefghijklmnopqrstuvwx").GenerateSecret(true),
			[]builderErrKey{{"ClientSecret", RuleSecretGenerateOrCustom, ExceptionInvalidParameter}},
		},
		{"web app with rotation", NewWebAppBuilder(pool, "web", "https://app.example.com/cb").AllowedOAuthScopes("openid").RefreshTokenRotation(true, 0), nil},
		{
			"rotation, then ALLOW_REFRESH_TOKEN_AUTH again", NewWebAppBuilder(pool, "web", "https://app.example.com/cb").AllowedOAuthScopes("openid").RefreshTokenRotation(true, 0).AddExplicitAuthFlows(ExplicitAuthFlowAllowRefreshTokenAuth),
			[]builderErrKey{{"ExplicitAuthFlows[1]", RuleRotationForbidsRefreshTokenAuth, ExceptionInvalidParameter}},
		},
		{
			"public client with the client-credentials grant", NewPublicClientBuilder(pool, "spa", "https://app.example.com/cb").AllowedOAuthScopes("openid").AllowedOAuthFlows(OAuthFlowClientCredentials),
			[]builderErrKey{
				{"AllowedOAuthFlows[0]", RuleClientCredentialsNeedsSecret, ExceptionInvalidOAuthFlow},
				{"AllowedOAuthScopes[0]", RuleClientCredentialsReservedScope, ExceptionInvalidOAuthFlow},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.b.Build()
			if diff := cmp.Diff(tt.want, builderErrKeys(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBuilderReproducesTestdata builds the project's reference request files
// from the starting points. Token lifetimes are compared as durations: the
// builder picks the largest exact unit, the files sometimes a smaller one.
func TestBuilderReproducesTestdata(t *testing.T) {
	tests := []struct {
		file string
		b    Builder
	}{
		{
			"web-app.json",
			NewWebAppBuilder("us-east-1_AbC123xyz", "orders-web",
				"https://orders.example.com/auth/callback", "https://staging.orders.example.com/auth/callback").
				AllowedOAuthScopes("openid", "email", "profile").
				LogoutURLs("https://orders.example.com/signed-out", "https://staging.orders.example.com/signed-out").
				DefaultRedirectURI("https://orders.example.com/auth/callback").
				RefreshTokenValidity(30 * 24 * time.Hour).
				AccessTokenValidity(time.Hour).
				IDTokenValidity(time.Hour),
		},
		{
			"single-page-app.json",
			NewPublicClientBuilder("us-east-1_AbC123xyz", "orders-spa",
				"https://app.example.com/callback", "http://localhost:3000/callback").
				AllowedOAuthScopes("openid", "email", "profile").
				LogoutURLs("https://app.example.com/", "http://localhost:3000/").
				RefreshTokenValidity(7 * 24 * time.Hour).
				AccessTokenValidity(time.Hour).
				IDTokenValidity(time.Hour),
		},
		{
			"mobile-app.json",
			NewPublicClientBuilder("eu-west-1_Mb7xQ2pLk", "orders-mobile", "com.example.orders://callback").
				AllowedOAuthScopes("openid", "email", "phone", "profile").
				ReadAttributes("email", "email_verified", "name", "phone_number", "phone_number_verified").
				WriteAttributes("email", "name", "phone_number").
				LogoutURLs("com.example.orders://signout").
				DefaultRedirectURI("com.example.orders://callback").
				RefreshTokenValidity(90*24*time.Hour).
				AuthSessionValidity(5*time.Minute).
				ExplicitAuthFlows(ExplicitAuthFlowAllowUserSRPAuth).
				RefreshTokenRotation(true, 10*time.Second),
		},
		{
			"machine-to-machine.json",
			NewMachineToMachineBuilder("us-east-1_AbC123xyz", "billing-service",
				"orders-api/orders.read", "orders-api/orders.write").
				AccessTokenValidity(15 * time.Minute).
				ExplicitAuthFlows(), // the file leaves them to Cognito's defaults
		},
	}
	lifetimes := cmpopts.IgnoreFields(CreateUserPoolClientRequest{},
		"RefreshTokenValidity", "AccessTokenValidity", "IDTokenValidity", "TokenValidityUnits")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "requests", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want, err := DecodeRequest(f)
			if err != nil {
				t.Fatalf("DecodeRequest: %v", err)
			}
			got, err := tt.b.Build()
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			if diff := cmp.Diff(want, got, lifetimes); diff != "" {
				t.Errorf("request mismatch (-want +got):\n%s", diff)
			}
			wantLT, err := want.TokenLifetimes()
			if err != nil {
				t.Fatal(err)
			}
			gotLT, err := got.TokenLifetimes()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantLT, gotLT); diff != "" {
				t.Errorf("token lifetimes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// listAccessors reach each list member of a request, with its setter and Add
// variant, so that tests can treat the eight list members alike.
var listAccessors = []struct {
	name string
	get  func(*CreateUserPoolClientRequest) []string
	set  func(Builder, ...string) Builder
	add  func(Builder, ...string) Builder
}{
	{"ReadAttributes", func(r *CreateUserPoolClientRequest) []string { return r.ReadAttributes }, Builder.ReadAttributes, Builder.AddReadAttributes},
	{"WriteAttributes", func(r *CreateUserPoolClientRequest) []string { return r.WriteAttributes }, Builder.WriteAttributes, Builder.AddWriteAttributes},
	{
		"ExplicitAuthFlows",
		func(r *CreateUserPoolClientRequest) []string { return flowStrings(r.ExplicitAuthFlows) },
		func(b Builder, v ...string) Builder { return b.ExplicitAuthFlows(asTyped[ExplicitAuthFlow](v)...) },
		func(b Builder, v ...string) Builder { return b.AddExplicitAuthFlows(asTyped[ExplicitAuthFlow](v)...) },
	},
	{"SupportedIdentityProviders", func(r *CreateUserPoolClientRequest) []string { return r.SupportedIdentityProviders }, Builder.SupportedIdentityProviders, Builder.AddSupportedIdentityProviders},
	{"CallbackURLs", func(r *CreateUserPoolClientRequest) []string { return r.CallbackURLs }, Builder.CallbackURLs, Builder.AddCallbackURLs},
	{"LogoutURLs", func(r *CreateUserPoolClientRequest) []string { return r.LogoutURLs }, Builder.LogoutURLs, Builder.AddLogoutURLs},
	{
		"AllowedOAuthFlows",
		func(r *CreateUserPoolClientRequest) []string { return flowStrings(r.AllowedOAuthFlows) },
		func(b Builder, v ...string) Builder { return b.AllowedOAuthFlows(asTyped[OAuthFlow](v)...) },
		func(b Builder, v ...string) Builder { return b.AddAllowedOAuthFlows(asTyped[OAuthFlow](v)...) },
	},
	{"AllowedOAuthScopes", func(r *CreateUserPoolClientRequest) []string { return r.AllowedOAuthScopes }, Builder.AllowedOAuthScopes, Builder.AddAllowedOAuthScopes},
}

func flowStrings[T ~string](s []T) []string {
	if s == nil {
		return nil
	}
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = string(v)
	}
	return out
}

func asTyped[T ~string](s []string) []T {
	if s == nil {
		return nil
	}
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = T(v)
	}
	return out
}

func TestBuilderForksAreIndependent(t *testing.T) {
	for _, acc := range listAccessors {
		t.Run(acc.name, func(t *testing.T) {
			// Three, then a fourth: the list now most likely has spare
			// capacity, which a careless append would share between forks.
			b := acc.add(acc.set(Builder{}, "a", "b", "c"), "d")
			b1 := acc.add(b, "e1")
			b2 := acc.add(b, "e2", "f2")
			b3 := acc.set(b, "g3")

			checks := []struct {
				name string
				b    Builder
				want []string
			}{
				{"b", b, []string{"a", "b", "c", "d"}},
				{"b1", b1, []string{"a", "b", "c", "d", "e1"}},
				{"b2", b2, []string{"a", "b", "c", "d", "e2", "f2"}},
				{"b3", b3, []string{"g3"}},
			}
			for _, c := range checks {
				if diff := cmp.Diff(c.want, acc.get(&c.b.req)); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", c.name, diff)
				}
			}

			// The caller's slice is copied, not kept.
			in := []string{"x", "y"}
			bx := acc.set(Builder{}, in...)
			by := acc.add(Builder{}, in...)
			in[0] = "changed"
			for _, c := range []Builder{bx, by} {
				if diff := cmp.Diff([]string{"x", "y"}, acc.get(&c.req)); diff != "" {
					t.Errorf("caller's slice aliased (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestBuilderForksShareNoPointers(t *testing.T) {
	b := NewWebAppBuilder("us-east-1_AbC123xyz", "app", "https://app.example.com/cb").
		AllowedOAuthScopes("openid", "email").
		LogoutURLs("https://app.example.com/").
		DefaultRedirectURI("https://app.example.com/cb").
		ReadAttributes("email", "name").
		WriteAttributes("name").
		AuthSessionValidity(5*time.Minute).
		EnablePropagateAdditionalUserContextData(true).
		AccessTokenValidity(time.Hour).
		RefreshTokenRotation(false, 5*time.Second).
		AnalyticsApplicationARN("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc", false)
	b1 := b.IDTokenValidity(10*time.Minute).RefreshTokenRotation(false, 20*time.Second)
	b2 := b.RefreshTokenValidity(90*time.Minute).AnalyticsApplicationARN("arn:aws:mobiletargeting:us-east-1:123456789012:apps/def", true)

	wantB := &TokenValidityUnits{AccessToken: TimeUnitHours}
	if diff := cmp.Diff(wantB, b.req.TokenValidityUnits); diff != "" {
		t.Errorf("b units mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: refOf[int32](5)}, b.req.RefreshTokenRotation); diff != "" {
		t.Errorf("b rotation mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&AnalyticsConfiguration{ApplicationARN: refOf("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc")}, b.req.AnalyticsConfiguration); diff != "" {
		t.Errorf("b analytics mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&TokenValidityUnits{AccessToken: TimeUnitHours, IDToken: TimeUnitMinutes}, b1.req.TokenValidityUnits); diff != "" {
		t.Errorf("b1 units mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&TokenValidityUnits{AccessToken: TimeUnitHours, RefreshToken: TimeUnitMinutes}, b2.req.TokenValidityUnits); diff != "" {
		t.Errorf("b2 units mismatch (-want +got):\n%s", diff)
	}

	r1, err := b1.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	r2, err := b1.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if paths := sharedMemory(reflect.ValueOf(b1.req), reflect.ValueOf(r1), ""); len(paths) > 0 {
		t.Errorf("built request shares memory with the builder at %v", paths)
	}
	if paths := sharedMemory(reflect.ValueOf(r1), reflect.ValueOf(r2), ""); len(paths) > 0 {
		t.Errorf("two built requests share memory at %v", paths)
	}
	// Every pointer and list of the built request was checked above.
	for _, p := range []string{".CallbackURLs", ".ReadAttributes", ".EnableTokenRevocation", ".TokenValidityUnits", ".RefreshTokenRotation.RetryGracePeriodSeconds", ".AnalyticsConfiguration.ApplicationARN"} {
		if paths := sharedMemory(reflect.ValueOf(r1), reflect.ValueOf(r1), ""); !slices.Contains(paths, p) {
			t.Errorf("request built for the test lacks %s", p)
		}
	}
}

// fill sets every field reachable from v (which must be settable) to a
// non-zero value: pointers and slices get fresh memory.
func fillAll(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int32:
		v.SetInt(1)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range v.Len() {
			fillAll(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillAll(v.Field(i))
		}
	default:
		panic("fill: unexpected kind " + v.Kind().String())
	}
}

// sharedMemory returns the paths at which a and b, values of one type, hold
// the same pointer or the same slice memory.
func sharedMemory(a, b reflect.Value, path string) []string {
	var out []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			out = append(out, path)
		}
		out = append(out, sharedMemory(a.Elem(), b.Elem(), path)...)
	case reflect.Slice:
		if a.Len() == 0 || b.Len() == 0 {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			out = append(out, path)
		}
		for i := range min(a.Len(), b.Len()) {
			out = append(out, sharedMemory(a.Index(i), b.Index(i), path+"[]")...)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			out = append(out, sharedMemory(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)...)
		}
	}
	return out
}

// TestCloneRequest fills every member, so that a member added to the request
// later but forgotten in cloneRequest fails here.
func TestCloneRequest(t *testing.T) {
	var r CreateUserPoolClientRequest
	fillAll(reflect.ValueOf(&r).Elem())
	c := cloneRequest(&r)
	if diff := cmp.Diff(r, c); diff != "" {
		t.Errorf("clone mismatch (-want +got):\n%s", diff)
	}
	if paths := sharedMemory(reflect.ValueOf(r), reflect.ValueOf(c), ""); len(paths) > 0 {
		t.Errorf("clone shares memory at %v", paths)
	}
	// A sharing clone must be caught: the check above can fail.
	if paths := sharedMemory(reflect.ValueOf(r), reflect.ValueOf(r), ""); len(paths) == 0 {
		t.Error("sharedMemory finds nothing in a request compared with itself")
	}

	var empty CreateUserPoolClientRequest
	empty.CallbackURLs = []string{}
	c = cloneRequest(&empty)
	if c.CallbackURLs == nil || c.ReadAttributes != nil {
		t.Errorf("clone lost the difference between nil and empty lists: %#v, %#v", c.CallbackURLs, c.ReadAttributes)
	}
}

func TestBuilderEdit(t *testing.T) {
	secret := "abcdefghijklmnopqrstuvwx"
	b := NewBuilder("us-east-1_AbC123xyz", "app").ClientSecret(secret).CallbackURLs("https://a.example.com/cb")

	var seen *CreateUserPoolClientRequest
	cleared := b.Edit(func(r *CreateUserPoolClientRequest) {
		seen = r
		r.ClientSecret = nil
		r.CallbackURLs[0] = "https://changed.example.com/cb"
	})
	if diff := cmp.Diff(CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "app", CallbackURLs: []string{"https://changed.example.com/cb"}}, cleared.req); diff != "" {
		t.Errorf("edited request mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "app", ClientSecret: &secret, CallbackURLs: []string{"https://a.example.com/cb"}}, b.req); diff != "" {
		t.Errorf("original changed by Edit (-want +got):\n%s", diff)
	}
	// What f kept a hold of is not the builder's.
	seen.CallbackURLs[0] = "https://late.example.com/cb"
	if got := cleared.req.CallbackURLs[0]; got != "https://changed.example.com/cb" {
		t.Errorf("builder changed after Edit returned: CallbackURLs[0] = %q", got)
	}
	if diff := cmp.Diff(b.req, b.Edit(nil).req); diff != "" {
		t.Errorf("Edit(nil) changed the request (-want +got):\n%s", diff)
	}
}

func FuzzBuild(f *testing.F) {
	f.Add(uint8(1), "us-east-1_AbC123xyz", "web", "https://app.example.com/cb", "openid", int64(time.Hour), int64(time.Hour), int64(30*24*time.Hour), int64(3*time.Minute), int64(0), uint16(0x0047))
	f.Add(uint8(2), "us-east-1_AbC123xyz", "spa", "myapp://cb", "email", int64(5*time.Minute), int64(10*time.Minute), int64(time.Hour), int64(15*time.Minute), int64(time.Second), uint16(0x00ff))
	f.Add(uint8(3), "local_abc", "m2m", "https://api.example.com/", "orders/read", int64(1500*time.Millisecond), int64(-1), int64(0), int64(61*time.Second), int64(-time.Second), uint16(0x001f))
	f.Add(uint8(0), "us-east-1_AbC123xyz", "plain", "http://localhost:3000/cb", "api/x", int64(0), int64(0), int64(0), int64(0), int64(0), uint16(0xffff))
	f.Add(uint8(1), "", "", "", "", int64(math.MaxInt64), int64(math.MinInt64), int64(3650*24*time.Hour), int64(math.MaxInt64), int64(math.MaxInt64), uint16(0x5555))
	f.Add(uint8(3), "us-east-1_AbC123xyz", "m2m", "", "orders/read", int64(0), int64(0), int64(0), int64(0), int64(0), uint16(0))
	f.Add(uint8(1), "us-east-1_AbC123xyz", "web", "https://app.example.com/\xfd", "\xfd", int64(0), int64(0), int64(0), int64(0), int64(0), uint16(0x0001))
	f.Fuzz(func(t *testing.T, kind uint8, pool, name, url, scope string, access, id, refresh, session, grace int64, flags uint16) {
		var b Builder
		switch kind % 4 {
		case 0:
			b = NewBuilder(pool, name)
		case 1:
			b = NewWebAppBuilder(pool, name, url)
		case 2:
			b = NewPublicClientBuilder(pool, name, url)
		case 3:
			b = NewMachineToMachineBuilder(pool, name, scope)
		}
		var wantProblems []string
		if flags&(1<<0) != 0 {
			b = b.AllowedOAuthScopes(scope)
		}
		if flags&(1<<1) != 0 {
			if b = b.RefreshTokenValidity(time.Duration(refresh)); !expressible(refresh) {
				wantProblems = append(wantProblems, "RefreshTokenValidity")
			}
		}
		if flags&(1<<2) != 0 {
			if b = b.AccessTokenValidity(time.Duration(access)); !expressible(access) {
				wantProblems = append(wantProblems, "AccessTokenValidity")
			}
		}
		if flags&(1<<3) != 0 {
			if b = b.IDTokenValidity(time.Duration(id)); !expressible(id) {
				wantProblems = append(wantProblems, "IdTokenValidity")
			}
		}
		if flags&(1<<4) != 0 {
			if b = b.AuthSessionValidity(time.Duration(session)); session < 0 || session%int64(time.Minute) != 0 {
				wantProblems = append(wantProblems, "AuthSessionValidity")
			}
		}
		if flags&(1<<5) != 0 {
			enabled := flags&(1<<6) != 0
			if enabled {
				b = b.ExplicitAuthFlows(ExplicitAuthFlowAllowUserSRPAuth)
			}
			b = b.RefreshTokenRotation(enabled, time.Duration(grace))
			if grace < 0 || grace%int64(time.Second) != 0 || grace/int64(time.Second) > math.MaxInt32 {
				wantProblems = append(wantProblems, "RefreshTokenRotation.RetryGracePeriodSeconds")
			}
		}
		if flags&(1<<7) != 0 {
			b = b.DefaultRedirectURI(url)
		}
		if flags&(1<<8) != 0 {
			b = b.AddLogoutURLs(url)
		}
		if flags&(1<<9) != 0 {
			b = b.GenerateSecret(false).ClientSecret(scope)
		}
		if flags&(1<<10) != 0 {
			b = b.ImplicitGrant(url)
		}
		if flags&(1<<11) != 0 {
			b = b.ClientCredentialsGrant(scope)
		}
		if flags&(1<<12) != 0 {
			b = b.AnalyticsApplicationARN(url, flags&(1<<13) != 0)
		}
		if flags&(1<<14) != 0 {
			b = b.AddSupportedIdentityProviders(name).AddReadAttributes(scope).AddWriteAttributes(scope)
		}
		if flags&(1<<15) != 0 {
			b = b.AuthorizationCodeGrant(url).EnablePropagateAdditionalUserContextData(true)
		}

		req, err := b.Build()
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) == 0 {
				t.Fatalf("Build error %T %v: want a non-empty *ValidationError", err, err)
			}
			var got []string
			for i, fe := range ve.Errors {
				if fe.Rule == "duration" {
					if i != len(got) {
						t.Errorf("builder problem %v after Validate's", fe)
					}
					got = append(got, fe.Field)
				}
			}
			if diff := cmp.Diff(wantProblems, got); diff != "" {
				t.Errorf("builder problems mismatch (-want +got):\n%s", diff)
			}
			return
		}
		if len(wantProblems) > 0 {
			t.Fatalf("Build succeeded despite problems on %v", wantProblems)
		}
		if err := req.Validate(); err != nil {
			t.Fatalf("Build succeeded, Validate of its result: %v", err)
		}
		data, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
		back, err := DecodeRequest(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("DecodeRequest(%s): %v", data, err)
		}
		if diff := cmp.Diff(req, back); diff != "" {
			t.Errorf("JSON round trip mismatch (-built +decoded):\n%s", diff)
		}
	})
}

// expressible reports whether some time unit expresses d nanoseconds exactly
// as an int32, independently of InLargestUnit.
func expressible(d int64) bool {
	if d < 0 {
		return false
	}
	for _, u := range []time.Duration{time.Second, time.Minute, time.Hour, 24 * time.Hour} {
		if d%int64(u) == 0 && d/int64(u) <= math.MaxInt32 {
			return true
		}
	}
	return false
}

// TestBuilderSecretAndRotation: ClientSecret replaces a generated secret, and
// enabling rotation removes ALLOW_REFRESH_TOKEN_AUTH without touching the
// builder it came from.
func TestBuilderSecretAndRotation(t *testing.T) {
	base := NewWebAppBuilder("us-east-1_AbC123xyz", "web", "https://app.example.com/cb").AllowedOAuthScopes("openid")
	custom := base.ClientSecret("abcdefghijklmnopqrstuvwx")
	if r := custom.Request(); r.GenerateSecret || r.ClientSecret == nil {
		t.Errorf("after ClientSecret: GenerateSecret %v, ClientSecret set %v; want false, true", r.GenerateSecret, r.ClientSecret != nil)
	}
	rotated := base.RefreshTokenRotation(true, 0)
	want := []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth}
	if diff := cmp.Diff(want, rotated.Request().ExplicitAuthFlows); diff != "" {
		t.Errorf("flows with rotation mismatch (-want +got):\n%s", diff)
	}
	want = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth}
	if diff := cmp.Diff(want, base.Request().ExplicitAuthFlows); diff != "" {
		t.Errorf("the base builder's flows changed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, rotated.RefreshTokenRotation(false, 0).Request().ExplicitAuthFlows); diff == "" {
		t.Errorf("disabling rotation added ALLOW_REFRESH_TOKEN_AUTH back; the doc says it leaves the flows alone")
	}
	if got := NewBuilder("us-east-1_AbC123xyz", "x").RefreshTokenRotation(true, 0).Request().ExplicitAuthFlows; got != nil {
		t.Errorf("absent flows became %q, want them absent", got)
	}
}

// TestBuilderRequest: the request a failed Build refused is there to see,
// and shares no memory with the builder.
func TestBuilderRequest(t *testing.T) {
	b := NewWebAppBuilder("us-east-1_AbC123xyz", "web", "http://app.example.com/cb").AllowedOAuthScopes("openid")
	got, err := b.Build()
	if err == nil || !cmp.Equal(got, CreateUserPoolClientRequest{}) {
		t.Fatalf("Build() = %v, %v; want the zero request and an error", got, err)
	}
	r := b.Request()
	if diff := cmp.Diff([]string{"http://app.example.com/cb"}, r.CallbackURLs); diff != "" {
		t.Errorf("Request().CallbackURLs mismatch (-want +got):\n%s", diff)
	}
	if paths := sharedMemory(reflect.ValueOf(b.req), reflect.ValueOf(r), ""); len(paths) > 0 {
		t.Errorf("Request() shares memory with the builder at %q", paths)
	}
}
