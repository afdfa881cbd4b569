package appclient

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// diffCase edits two copies of one base request and names the changes Diff
// must find between them; none when they mean the same.
type diffCase struct {
	name   string
	member string // the JSON member (top-level) the case is about
	want   func(r *CreateUserPoolClientRequest)
	got    func(r *CreateUserPoolClientRequest)
	diff   []Change
}

func diffBase() CreateUserPoolClientRequest {
	return CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "orders-web"}
}

func none(*CreateUserPoolClientRequest) {}

var diffCases = []diffCase{
	{"same pool", "UserPoolId", none, none, nil},
	{"other pool", "UserPoolId", none, func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_Other" },
		[]Change{{"UserPoolId", "us-east-1_AbC123xyz", "us-east-1_Other"}}},

	{"same name", "ClientName", func(r *CreateUserPoolClientRequest) { r.ClientName = "a b" }, func(r *CreateUserPoolClientRequest) { r.ClientName = "a b" }, nil},
	{"other name", "ClientName", none, func(r *CreateUserPoolClientRequest) { r.ClientName = "Orders-web" },
		[]Change{{"ClientName", "orders-web", "Orders-web"}}},

	{"generated and custom secret both have one", "GenerateSecret", func(r *CreateUserPoolClientRequest) { r.GenerateSecret = true },
		func(r *CreateUserPoolClientRequest) { r.ClientSecret = ptr("abcdefghijklmnopqrstuvwxyz012345") }, nil},
	{"secret and none", "GenerateSecret", func(r *CreateUserPoolClientRequest) { r.GenerateSecret = true }, none,
		[]Change{{"GenerateSecret", true, false}}},
	{"custom secrets of other values mean the same", "ClientSecret", func(r *CreateUserPoolClientRequest) { r.ClientSecret = ptr("abcdefghijklmnopqrstuvwxyz012345") },
		func(r *CreateUserPoolClientRequest) { r.ClientSecret = ptr("ZYXWVUTSRQPONMLKJIHGFEDCBA987654") }, nil},
	{"custom secret and none", "ClientSecret", none, func(r *CreateUserPoolClientRequest) { r.ClientSecret = ptr("abcdefghijklmnopqrstuvwxyz012345") },
		[]Change{{"GenerateSecret", false, true}}},

	{"refresh: absent is 30 days", "RefreshTokenValidity", none, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenValidity = ptr[int32](720)
		r.TokenValidityUnits = &TokenValidityUnits{RefreshToken: TimeUnitHours}
	}, nil},
	{"refresh: 0 is 30 days", "RefreshTokenValidity", func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](0) },
		func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](30) }, nil},
	{"refresh: 10 days and 30", "RefreshTokenValidity", func(r *CreateUserPoolClientRequest) { r.RefreshTokenValidity = ptr[int32](10) }, none,
		[]Change{{"RefreshTokenValidity", 10 * 24 * time.Hour, 30 * 24 * time.Hour}}},

	{"access: 1 hours is 60 minutes", "AccessTokenValidity", func(r *CreateUserPoolClientRequest) { r.AccessTokenValidity = ptr[int32](1) },
		func(r *CreateUserPoolClientRequest) {
			r.AccessTokenValidity = ptr[int32](60)
			r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitMinutes}
		}, nil},
	{"access: absent is 3600 seconds", "AccessTokenValidity", none, func(r *CreateUserPoolClientRequest) {
		r.AccessTokenValidity = ptr[int32](3600)
		r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitSeconds}
	}, nil},
	{"access: 30 minutes and 1 hour", "AccessTokenValidity", func(r *CreateUserPoolClientRequest) {
		r.AccessTokenValidity = ptr[int32](30)
		r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitMinutes}
	}, none, []Change{{"AccessTokenValidity", 30 * time.Minute, time.Hour}}},
	{"access: an invalid unit is not a duration", "AccessTokenValidity", func(r *CreateUserPoolClientRequest) {
		r.AccessTokenValidity = ptr[int32](5)
		r.TokenValidityUnits = &TokenValidityUnits{AccessToken: "weeks"}
	}, none, []Change{{"AccessTokenValidity", "5 weeks", time.Hour}}},

	{"id: 1 day is 24 hours", "IdTokenValidity", func(r *CreateUserPoolClientRequest) {
		r.IDTokenValidity = ptr[int32](1)
		r.TokenValidityUnits = &TokenValidityUnits{IDToken: TimeUnitDays}
	}, func(r *CreateUserPoolClientRequest) { r.IDTokenValidity = ptr[int32](24) }, nil},
	{"id: 2 hours and 1", "IdTokenValidity", func(r *CreateUserPoolClientRequest) { r.IDTokenValidity = ptr[int32](2) }, none,
		[]Change{{"IdTokenValidity", 2 * time.Hour, time.Hour}}},

	{"units: given for the default values", "TokenValidityUnits", func(r *CreateUserPoolClientRequest) { r.TokenValidityUnits = &TokenValidityUnits{} },
		func(r *CreateUserPoolClientRequest) {
			r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitMinutes, IDToken: TimeUnitSeconds, RefreshToken: TimeUnitHours}
		}, nil},
	{"units: the same number in another unit", "TokenValidityUnits", func(r *CreateUserPoolClientRequest) {
		r.AccessTokenValidity = ptr[int32](10)
		r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitMinutes}
	}, func(r *CreateUserPoolClientRequest) {
		r.AccessTokenValidity = ptr[int32](10)
		r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitHours}
	}, []Change{{"AccessTokenValidity", 10 * time.Minute, 10 * time.Hour}}},

	{"read: absent is every standard attribute", "ReadAttributes", none,
		func(r *CreateUserPoolClientRequest) { r.ReadAttributes = reversed(effectiveReadAttributes) }, nil},
	{"read: a set", "ReadAttributes", func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"email", "name"} },
		func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"name", "email", "name"} }, nil},
	{"read: one more", "ReadAttributes", func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"name", "email", "custom:tenant"} },
		func(r *CreateUserPoolClientRequest) { r.ReadAttributes = []string{"email", "name"} },
		[]Change{{"ReadAttributes", []string{"custom:tenant", "email", "name"}, []string{"email", "name"}}}},

	{"write: empty is every standard attribute", "WriteAttributes", func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{} },
		func(r *CreateUserPoolClientRequest) { r.WriteAttributes = effectiveWriteAttributes }, nil},
	{"write: other", "WriteAttributes", func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"email"} },
		func(r *CreateUserPoolClientRequest) { r.WriteAttributes = []string{"name"} },
		[]Change{{"WriteAttributes", []string{"email"}, []string{"name"}}}},

	{"flows: absent is the defaults", "ExplicitAuthFlows", none, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowCustomAuth, ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth}
	}, nil},
	{"flows: empty is the defaults", "ExplicitAuthFlows", func(r *CreateUserPoolClientRequest) { r.ExplicitAuthFlows = []ExplicitAuthFlow{} }, none, nil},
	{"flows: other", "ExplicitAuthFlows", func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth}
	}, none, []Change{{"ExplicitAuthFlows",
		[]ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserSRPAuth},
		[]ExplicitAuthFlow{ExplicitAuthFlowAllowCustomAuth, ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserSRPAuth}}}},

	{"flows: client token is not the defaults", "ExplicitAuthFlows", func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth}
	}, none, []Change{{"ExplicitAuthFlows",
		[]ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth},
		[]ExplicitAuthFlow{ExplicitAuthFlowAllowCustomAuth, ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserSRPAuth}}}},
	{"flows: client token on both sides", "ExplicitAuthFlows", func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth}
	}, func(r *CreateUserPoolClientRequest) {
		r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth, ExplicitAuthFlowAllowClientTokenAuth}
	}, nil},

	{"providers: empty and absent", "SupportedIdentityProviders", func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{} }, none, nil},
	{"providers: one more", "SupportedIdentityProviders", func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"COGNITO", "Google"} },
		func(r *CreateUserPoolClientRequest) { r.SupportedIdentityProviders = []string{"COGNITO"} },
		[]Change{{"SupportedIdentityProviders", []string{"COGNITO", "Google"}, []string{"COGNITO"}}}},

	{"callbacks: order", "CallbackURLs", func(r *CreateUserPoolClientRequest) {
		r.CallbackURLs = []string{"https://a.example/cb", "https://b.example/cb"}
	},
		func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = []string{"https://b.example/cb", "https://a.example/cb"}
		}, nil},
	{"callbacks: exact, not case-folded", "CallbackURLs", func(r *CreateUserPoolClientRequest) { r.CallbackURLs = []string{"https://a.example/cb"} },
		func(r *CreateUserPoolClientRequest) { r.CallbackURLs = []string{"https://a.example/CB"} },
		[]Change{{"CallbackURLs", []string{"https://a.example/cb"}, []string{"https://a.example/CB"}}}},

	{"logout: duplicates", "LogoutURLs", func(r *CreateUserPoolClientRequest) {
		r.LogoutURLs = []string{"https://a.example/", "https://a.example/"}
	},
		func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{"https://a.example/"} }, nil},
	{"logout: none and one", "LogoutURLs", none, func(r *CreateUserPoolClientRequest) { r.LogoutURLs = []string{"https://a.example/"} },
		[]Change{{"LogoutURLs", []string(nil), []string{"https://a.example/"}}}},

	{"default redirect: same", "DefaultRedirectURI", func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = ptr("https://a.example/cb") },
		func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = ptr("https://a.example/cb") }, nil},
	{"default redirect: absent and set", "DefaultRedirectURI", none, func(r *CreateUserPoolClientRequest) { r.DefaultRedirectURI = ptr("https://a.example/cb") },
		[]Change{{"DefaultRedirectURI", nil, "https://a.example/cb"}}},

	{"oauth flows: order", "AllowedOAuthFlows", func(r *CreateUserPoolClientRequest) {
		r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowCode, OAuthFlowImplicit}
	},
		func(r *CreateUserPoolClientRequest) {
			r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowImplicit, OAuthFlowCode}
		}, nil},
	{"oauth flows: other", "AllowedOAuthFlows", func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowCode} },
		func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowImplicit} },
		[]Change{{"AllowedOAuthFlows", []OAuthFlow{OAuthFlowCode}, []OAuthFlow{OAuthFlowImplicit}}}},

	{"scopes: order", "AllowedOAuthScopes", func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"openid", "email"} },
		func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"email", "openid"} }, nil},
	{"scopes: case matters", "AllowedOAuthScopes", func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"openid"} },
		func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"OpenID"} },
		[]Change{{"AllowedOAuthScopes", []string{"openid"}, []string{"OpenID"}}}},

	{"oauth on: same", "AllowedOAuthFlowsUserPoolClient", func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlowsUserPoolClient = true },
		func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlowsUserPoolClient = true }, nil},
	{"oauth on and off", "AllowedOAuthFlowsUserPoolClient", func(r *CreateUserPoolClientRequest) { r.AllowedOAuthFlowsUserPoolClient = true }, none,
		[]Change{{"AllowedOAuthFlowsUserPoolClient", true, false}}},

	{"analytics: same", "AnalyticsConfiguration", func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc")}
	}, func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc")}
	}, nil},
	{"analytics: absent and present", "AnalyticsConfiguration", func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{UserDataShared: true}
	}, none, []Change{{"AnalyticsConfiguration", AnalyticsConfiguration{UserDataShared: true}, nil}}},
	{"analytics: members one by one", "AnalyticsConfiguration", func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationID: ptr("ab"), RoleARN: ptr("arn:aws:iam::123456789012:role/a"), ExternalID: ptr("x")}
	}, func(r *CreateUserPoolClientRequest) {
		r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationID: ptr("cd"), ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc"),
			RoleARN: ptr("arn:aws:iam::123456789012:role/b"), UserDataShared: true}
	}, []Change{
		{"AnalyticsConfiguration.ApplicationId", "ab", "cd"},
		{"AnalyticsConfiguration.ApplicationArn", nil, "arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc"},
		{"AnalyticsConfiguration.RoleArn", "arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/b"},
		{"AnalyticsConfiguration.ExternalId", "x", nil},
		{"AnalyticsConfiguration.UserDataShared", false, true},
	}},

	{"existence errors: absent is LEGACY", "PreventUserExistenceErrors", none,
		func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = UserExistenceErrorsLegacy }, nil},
	{"existence errors: ENABLED and LEGACY", "PreventUserExistenceErrors", func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = UserExistenceErrorsEnabled }, none,
		[]Change{{"PreventUserExistenceErrors", UserExistenceErrorsEnabled, UserExistenceErrorsLegacy}}},

	{"revocation: absent is on", "EnableTokenRevocation", none, func(r *CreateUserPoolClientRequest) { r.EnableTokenRevocation = ptr(true) }, nil},
	{"revocation: off and on", "EnableTokenRevocation", func(r *CreateUserPoolClientRequest) { r.EnableTokenRevocation = ptr(false) }, none,
		[]Change{{"EnableTokenRevocation", false, true}}},

	{"context data: absent is off", "EnablePropagateAdditionalUserContextData", none,
		func(r *CreateUserPoolClientRequest) { r.EnablePropagateAdditionalUserContextData = ptr(false) }, nil},
	{"context data: on and off", "EnablePropagateAdditionalUserContextData",
		func(r *CreateUserPoolClientRequest) { r.EnablePropagateAdditionalUserContextData = ptr(true) }, none,
		[]Change{{"EnablePropagateAdditionalUserContextData", true, false}}},

	{"auth session: absent is 3 minutes", "AuthSessionValidity", none, func(r *CreateUserPoolClientRequest) { r.AuthSessionValidity = ptr[int32](3) }, nil},
	{"auth session: 15 and 3", "AuthSessionValidity", func(r *CreateUserPoolClientRequest) { r.AuthSessionValidity = ptr[int32](15) }, none,
		[]Change{{"AuthSessionValidity", int32(15), int32(3)}}},

	{"rotation: absent is disabled without grace", "RefreshTokenRotation", none, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureDisabled}
	}, nil},
	{"rotation: grace absent is 0", "RefreshTokenRotation", func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled, RetryGracePeriodSeconds: ptr[int32](0)}
	}, func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
	}, nil},
	{"rotation: enabled with grace and absent", "RefreshTokenRotation", func(r *CreateUserPoolClientRequest) {
		r.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled, RetryGracePeriodSeconds: ptr[int32](30)}
	}, none, []Change{
		{"RefreshTokenRotation.Feature", RotationFeatureEnabled, RotationFeatureDisabled},
		{"RefreshTokenRotation.RetryGracePeriodSeconds", int32(30), int32(0)},
	}},
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func TestDiff(t *testing.T) {
	for _, tt := range diffCases {
		t.Run(tt.member+"/"+tt.name, func(t *testing.T) {
			want, got := diffBase(), diffBase()
			tt.want(&want)
			tt.got(&got)
			before := cloneRequest(&want)
			if diff := cmp.Diff(tt.diff, Diff(want, got)); diff != "" {
				t.Errorf("Diff(want, got) mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, want); diff != "" {
				t.Errorf("Diff changed its argument (-before +after):\n%s", diff)
			}
			// Swapped, the same fields with the values swapped.
			var swapped []Change
			for _, c := range tt.diff {
				swapped = append(swapped, Change{c.Field, c.Got, c.Want})
			}
			if diff := cmp.Diff(swapped, Diff(got, want)); diff != "" {
				t.Errorf("Diff(got, want) mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDiffCoversEveryMember: the table has, for every member of the request,
// a pair that means the same and a pair that differs.
func TestDiffCoversEveryMember(t *testing.T) {
	equal, differ := map[string]bool{}, map[string]bool{}
	for _, tt := range diffCases {
		if tt.diff == nil {
			equal[tt.member] = true
		} else {
			differ[tt.member] = true
		}
	}
	typ := reflect.TypeFor[CreateUserPoolClientRequest]()
	for i := 0; i < typ.NumField(); i++ {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if !equal[name] {
			t.Errorf("no Diff case with equal meaning for %s", name)
		}
		if !differ[name] {
			t.Errorf("no Diff case with a difference for %s", name)
		}
	}
}

// TestDiffOrder: several changes come in member declaration order.
func TestDiffOrder(t *testing.T) {
	want, got := diffBase(), diffBase()
	want.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled}
	want.CallbackURLs = []string{"https://a.example/cb"}
	want.ClientName = "x"
	want.AccessTokenValidity = ptr[int32](2)
	var fields []string
	for _, c := range Diff(want, got) {
		fields = append(fields, c.Field)
	}
	wantFields := []string{"ClientName", "AccessTokenValidity", "CallbackURLs", "RefreshTokenRotation.Feature"}
	if diff := cmp.Diff(wantFields, fields); diff != "" {
		t.Errorf("fields mismatch (-want +got):\n%s", diff)
	}
}

// TestDiffNeverShowsSecret: a custom secret's value appears in no Change.
func TestDiffNeverShowsSecret(t *testing.T) {
	const secret = "abcdefghijklmnopqrstuvwxyz012345"
	want, got := diffBase(), diffBase()
	want.ClientSecret = ptr(secret)
	changes := Diff(want, got)
	data, err := json.Marshal(changes)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || strings.Contains(string(data), secret) {
		t.Errorf("Diff = %s, want one change that does not show the secret", data)
	}
	if e := want.Effective(); e.ClientSecret != nil || !e.GenerateSecret {
		t.Errorf("Effective() keeps the secret value or loses the secret: %+v", e)
	}
}

func TestEffective(t *testing.T) {
	r := diffBase()
	r.TokenValidityUnits = &TokenValidityUnits{AccessToken: TimeUnitDays, RefreshToken: TimeUnitMinutes}
	r.CallbackURLs = []string{}
	r.RefreshTokenValidity = ptr[int32](0)
	want := CreateUserPoolClientRequest{
		UserPoolID:           r.UserPoolID,
		ClientName:           r.ClientName,
		RefreshTokenValidity: ptr[int32](43200),
		AccessTokenValidity:  ptr[int32](1),
		IDTokenValidity:      ptr[int32](1),
		// One hour is no whole number of days: the access token is in hours.
		TokenValidityUnits:                       &TokenValidityUnits{AccessToken: TimeUnitHours, IDToken: TimeUnitHours, RefreshToken: TimeUnitMinutes},
		ReadAttributes:                           effectiveReadAttributes,
		WriteAttributes:                          effectiveWriteAttributes,
		ExplicitAuthFlows:                        []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowCustomAuth},
		PreventUserExistenceErrors:               UserExistenceErrorsLegacy,
		EnableTokenRevocation:                    ptr(true),
		EnablePropagateAdditionalUserContextData: ptr(false),
		AuthSessionValidity:                      ptr[int32](3),
		RefreshTokenRotation:                     &RefreshTokenRotation{Feature: RotationFeatureDisabled, RetryGracePeriodSeconds: ptr[int32](0)},
	}
	if diff := cmp.Diff(want, r.Effective()); diff != "" {
		t.Errorf("Effective() mismatch (-want +got):\n%s", diff)
	}
	// The effective configuration is what Cognito would have: valid, and
	// its lifetimes are the defaults.
	e := r.Effective()
	if err := e.Validate(); err != nil {
		t.Errorf("Effective() is not valid: %v", err)
	}
	lt, err := e.TokenLifetimes()
	wantLT := TokenLifetimes{Access: DefaultAccessTokenValidity, ID: DefaultIDTokenValidity, Refresh: DefaultRefreshTokenValidity}
	if err != nil || lt != wantLT {
		t.Errorf("Effective().TokenLifetimes() = %+v, %v, want %+v", lt, err, wantLT)
	}
}

// FuzzDiff: Diff(x, x) is empty, Diff(a, b) and Diff(b, a) name the same
// fields with the values swapped, Diff is empty exactly when the canonical
// forms are equal, a request means the same as its effective and canonical
// forms, and neither holds a secret value.
func FuzzDiff(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "requests", "*.json"))
	var seeds [][]byte
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	seeds = append(seeds,
		[]byte(`{"AccessTokenValidity":60,"TokenValidityUnits":{"AccessToken":"minutes","IdToken":"weeks"},"IdTokenValidity":-1,"RefreshTokenValidity":0}`),
		[]byte(`{"ClientSecret":"abcdefghijklmnopqrstuvwxyz012345","ReadAttributes":["b","a","a"],"ExplicitAuthFlows":[],"RefreshTokenRotation":{}}`),
		[]byte(`{"AnalyticsConfiguration":{},"RefreshTokenValidity":2147483647,"TokenValidityUnits":{"RefreshToken":"days"}}`),
	)
	for i := range seeds {
		f.Add(seeds[i], seeds[(i+1)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, da, db []byte) {
		var a, b CreateUserPoolClientRequest
		if json.NewDecoder(bytes.NewReader(da)).Decode(&a) != nil || json.NewDecoder(bytes.NewReader(db)).Decode(&b) != nil {
			return
		}
		if d := Diff(a, a); len(d) != 0 {
			t.Fatalf("Diff(a, a) = %v, want none", d)
		}
		ab, ba := Diff(a, b), Diff(b, a)
		var swapped []Change
		for _, c := range ba {
			swapped = append(swapped, Change{c.Field, c.Got, c.Want})
		}
		if diff := cmp.Diff(ab, swapped); diff != "" {
			t.Fatalf("Diff(a, b) and Diff(b, a) differ (-ab +ba swapped):\n%s", diff)
		}
		if equal := reflect.DeepEqual(a.Canonical(), b.Canonical()); equal != (len(ab) == 0) {
			t.Fatalf("canonical forms equal: %t, but Diff = %v", equal, ab)
		}
		for name, x := range map[string]CreateUserPoolClientRequest{"Effective": a.Effective(), "Canonical": a.Canonical()} {
			if d := Diff(a, x); len(d) != 0 {
				t.Fatalf("Diff(a, a.%s()) = %v, want none", name, d)
			}
		}
		c := a.Canonical()
		if cc := c.Canonical(); !reflect.DeepEqual(c, cc) {
			t.Fatalf("Canonical is not idempotent:\n%s", cmp.Diff(c, cc))
		}
		// Changes hold canonical values, which hold no secret.
		if c.ClientSecret != nil || a.Effective().ClientSecret != nil {
			t.Fatal("the canonical or effective form keeps ClientSecret")
		}
	})
}

// BenchmarkDiff compares the web-app request with its effective form, which
// means the same: the cost of a comparison that finds nothing.
func BenchmarkDiff(b *testing.B) {
	want := *webApp()
	got := want.Effective()
	b.ReportAllocs()
	for b.Loop() {
		if d := Diff(want, got); len(d) != 0 {
			b.Fatal(d)
		}
	}
}
