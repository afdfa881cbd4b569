package appclient

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// webUpdate is a valid update of the web-app client.
func webUpdate() *UpdateUserPoolClientRequest {
	u := toUpdate(webApp(), "1example23456789")
	return &u
}

// machineUpdate is a valid update of the machine-to-machine client.
func machineUpdate() *UpdateUserPoolClientRequest {
	u := toUpdate(machine(), "2example23456789")
	return &u
}

func TestUpdateValidate(t *testing.T) {
	tests := []struct {
		name   string
		base   func() *UpdateUserPoolClientRequest // webUpdate when nil
		mutate func(u *UpdateUserPoolClientRequest)
		want   []violation
	}{
		{"valid", nil, func(*UpdateUserPoolClientRequest) {}, nil},
		{"valid machine", machineUpdate, func(*UpdateUserPoolClientRequest) {}, nil},

		{"UserPoolId missing", nil, func(u *UpdateUserPoolClientRequest) { u.UserPoolID = "" }, []violation{{"UserPoolId", "required", ipe}}},
		{"UserPoolId pattern", nil, func(u *UpdateUserPoolClientRequest) { u.UserPoolID = "pool" }, []violation{{"UserPoolId", "pattern", ipe}}},

		{"ClientId missing", nil, func(u *UpdateUserPoolClientRequest) { u.ClientID = "" }, []violation{{"ClientId", "required", ipe}}},
		{"ClientId too long", nil, func(u *UpdateUserPoolClientRequest) { u.ClientID = s("a", 129) }, []violation{{"ClientId", "length", ipe}}},
		{"ClientId neighbour: 128 characters", nil, func(u *UpdateUserPoolClientRequest) { u.ClientID = s("a", 128) }, nil},
		{"ClientId pattern", nil, func(u *UpdateUserPoolClientRequest) { u.ClientID = "abc-def" }, []violation{{"ClientId", "pattern", ipe}}},
		{"ClientId neighbour: word characters and plus", nil, func(u *UpdateUserPoolClientRequest) { u.ClientID = "abc_DEF+123" }, nil},

		{"ClientName absent is fine", nil, func(u *UpdateUserPoolClientRequest) { u.ClientName = nil }, nil},
		{"ClientName empty", nil, func(u *UpdateUserPoolClientRequest) { u.ClientName = ptr("") }, []violation{{"ClientName", "length", ipe}}},
		{"ClientName pattern", nil, func(u *UpdateUserPoolClientRequest) { u.ClientName = ptr("orders/web") }, []violation{{"ClientName", "pattern", ipe}}},
		{"ClientName too long", nil, func(u *UpdateUserPoolClientRequest) { u.ClientName = ptr(s("a", 129)) }, []violation{{"ClientName", "length", ipe}}},

		// The shared members keep the create request's checks and paths.
		{"http callback", nil, func(u *UpdateUserPoolClientRequest) {
			u.CallbackURLs = []string{"http://app.example.com/cb"}
			u.DefaultRedirectURI = nil
		}, []violation{{"CallbackURLs[0]", "redirect-https", ipe}}},
		{"openid with client_credentials", machineUpdate, func(u *UpdateUserPoolClientRequest) {
			u.AllowedOAuthScopes = []string{"openid"}
		}, []violation{{"AllowedOAuthScopes[0]", "client-credentials-reserved-scope", iofe}}},
		{"nested member", nil, func(u *UpdateUserPoolClientRequest) {
			u.TokenValidityUnits.AccessToken = "Minutes"
		}, []violation{{"TokenValidityUnits.AccessToken", "enum", ipe}}},
		{"list size", nil, func(u *UpdateUserPoolClientRequest) {
			u.AllowedOAuthScopes = manyStrings("rs/s", 51)
		}, []violation{{"AllowedOAuthScopes", "list-size", ipe}}},
		{"token lifetime", nil, func(u *UpdateUserPoolClientRequest) {
			u.AccessTokenValidity = ptr[int32](2)
		}, []violation{{"AccessTokenValidity", "token-validity-range", ipe}}},
		{"order: own members, shared members, service rules", nil, func(u *UpdateUserPoolClientRequest) {
			u.ClientID = ""
			u.ClientName = ptr("a/b")
			u.AuthSessionValidity = ptr[int32](2)
			u.WriteAttributes = []string{"email_verified"}
		}, []violation{
			{"ClientId", "required", ipe},
			{"ClientName", "pattern", ipe},
			{"AuthSessionValidity", "range", ipe},
			{"WriteAttributes[0]", "write-attribute-not-writable", ipe},
		}},

		// O3 and S2 are not decided without knowing the secret.
		{"client_credentials: secret unknown", machineUpdate, func(*UpdateUserPoolClientRequest) {}, nil},
		{"context data: secret unknown", nil, func(u *UpdateUserPoolClientRequest) {
			u.EnablePropagateAdditionalUserContextData = ptr(true)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.base
			if base == nil {
				base = webUpdate
			}
			u := base()
			tt.mutate(u)
			if diff := cmp.Diff(tt.want, violations(t, u.Validate())); diff != "" {
				t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// clientTokenUpdate updates a client of GetClientToken.
func clientTokenUpdate() *UpdateUserPoolClientRequest {
	return &UpdateUserPoolClientRequest{
		UserPoolID:         "us-east-1_AbC123xyz",
		ClientID:           "1example23456789",
		ExplicitAuthFlows:  []ExplicitAuthFlow{ExplicitAuthFlowAllowClientTokenAuth},
		AllowedOAuthScopes: []string{"inventory/read"},
	}
}

// TestUpdateValidateWithSecret: O3, S2 and F5 fire for a client known to have no
// secret, and only then; Validate alone skips them.
func TestUpdateValidateWithSecret(t *testing.T) {
	ctx := webUpdate()
	ctx.EnablePropagateAdditionalUserContextData = ptr(true)
	tests := []struct {
		name      string
		u         *UpdateUserPoolClientRequest
		hasSecret bool
		want      []violation
	}{
		{"O3 no secret", machineUpdate(), false, []violation{{"AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe}}},
		{"O3 neighbour: secret", machineUpdate(), true, nil},
		{"S2 no secret", ctx, false, []violation{{"EnablePropagateAdditionalUserContextData", "context-data-needs-secret", ipe}}},
		{"S2 neighbour: secret", ctx, true, nil},
		{"F5 no secret", clientTokenUpdate(), false, []violation{{"ExplicitAuthFlows[0]", "client-token-auth-needs-secret", ipe}}},
		{"F5 neighbour: secret", clientTokenUpdate(), true, nil},
		{"no rule needs the secret", webUpdate(), false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.u.ValidateWithSecret(tt.hasSecret)
			if diff := cmp.Diff(tt.want, violations(t, err)); diff != "" {
				t.Errorf("ValidateWithSecret(%t) mismatch (-want +got):\n%s", tt.hasSecret, diff)
			}
			// The message must not send the user to members an update lacks.
			if err != nil && (strings.Contains(err.Error(), "GenerateSecret") || strings.Contains(err.Error(), "ClientSecret")) {
				t.Errorf("message names a member an update does not have: %v", err)
			}
		})
	}
}

func TestUpdateValidateNil(t *testing.T) {
	var u *UpdateUserPoolClientRequest
	want := []violation{{"", "required", ipe}}
	if diff := cmp.Diff(want, violations(t, u.Validate())); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// FuzzUpdateValidateMatchesCreate: for any request that json.Unmarshal reads,
// its update (same members, no secret members) has exactly the create
// request's violations, given the create request's secret state, except on
// ClientName, which an update may leave out.
func FuzzUpdateValidateMatchesCreate(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "requests", "*.json"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"UserPoolId":"a_b","ClientName":"x","AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["client_credentials","code"],"AllowedOAuthScopes":["openid","x/","/y"],"CallbackURLs":["http://[::1","http://a@b:c/#","HTTP://LOCALHOST"],"DefaultRedirectURI":"\u2028"}`))
	f.Add([]byte(`{"UserPoolId":"","ClientName":"","RefreshTokenValidity":2147483647,"TokenValidityUnits":{"RefreshToken":"seconds"},"RefreshTokenRotation":{},"EnablePropagateAdditionalUserContextData":true}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r CreateUserPoolClientRequest
		if json.NewDecoder(bytes.NewReader(data)).Decode(&r) != nil {
			return
		}
		r.ClientSecret = nil // an update has none; GenerateSecret stands for the state
		u := toUpdate(&r, "c1")
		if r.ClientName == "" {
			u.ClientName = nil
		}
		skipName := func(vs []violation) []violation {
			var out []violation
			for _, v := range vs {
				if v.Field != "ClientName" {
					out = append(out, v)
				}
			}
			return out
		}
		want := skipName(violations(t, r.Validate()))
		got := skipName(violations(t, u.ValidateWithSecret(r.GenerateSecret)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("update violations differ from the create request's (-create +update):\n%s", diff)
		}
	})
}

func TestUpdateJSONRoundTrip(t *testing.T) {
	full := toUpdate(maximalRequest(), "1example23456789")
	full.EnablePropagateAdditionalUserContextData = ptr(false)
	full.RefreshTokenRotation = &RefreshTokenRotation{Feature: RotationFeatureEnabled, RetryGracePeriodSeconds: ptr[int32](0)}
	for name, u := range map[string]UpdateUserPoolClientRequest{
		"full":        full,
		"minimal":     {UserPoolID: "us-east-1_AbC123xyz", ClientID: "1example23456789"},
		"empty lists": {UserPoolID: "us-east-1_AbC123xyz", ClientID: "c", CallbackURLs: []string{}, ExplicitAuthFlows: []ExplicitAuthFlow{}, ClientName: ptr(""), RefreshTokenValidity: ptr[int32](0)},
	} {
		t.Run(name, func(t *testing.T) {
			data, err := json.Marshal(u)
			if err != nil {
				t.Fatal(err)
			}
			var back UpdateUserPoolClientRequest
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&back); err != nil {
				t.Fatalf("decoding %s: %v", data, err)
			}
			if diff := cmp.Diff(u, back); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s", diff)
			}
			strict, err := DecodeUpdateRequest(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("DecodeUpdateRequest(%s): %v", data, err)
			}
			if diff := cmp.Diff(u, strict); diff != "" {
				t.Errorf("DecodeUpdateRequest round trip mismatch (-want +got):\n%s", diff)
			}
			for _, member := range []string{"GenerateSecret", "ClientSecret"} {
				if bytes.Contains(data, []byte(`"`+member+`"`)) {
					t.Errorf("update JSON has %s: %s", member, data)
				}
			}
		})
	}
}

// BenchmarkUpdateValidate measures Validate on the web-app update, against
// BenchmarkValidateTypical for the same members in a create request.
func BenchmarkUpdateValidate(b *testing.B) {
	u := webUpdate()
	b.ReportAllocs()
	for b.Loop() {
		if err := u.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
