package appclient

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// fullUpdateRequest returns an update request with every member set, nested
// ones included. It need not be valid.
func fullUpdateRequest() UpdateUserPoolClientRequest {
	c := fullRequest()
	return UpdateUserPoolClientRequest{
		UserPoolID:                               c.UserPoolID,
		ClientID:                                 "1example23456789abcdefghij",
		ClientName:                               ptr("every member"),
		RefreshTokenValidity:                     c.RefreshTokenValidity,
		AccessTokenValidity:                      c.AccessTokenValidity,
		IDTokenValidity:                          c.IDTokenValidity,
		TokenValidityUnits:                       c.TokenValidityUnits,
		ReadAttributes:                           c.ReadAttributes,
		WriteAttributes:                          c.WriteAttributes,
		ExplicitAuthFlows:                        c.ExplicitAuthFlows,
		SupportedIdentityProviders:               c.SupportedIdentityProviders,
		CallbackURLs:                             c.CallbackURLs,
		LogoutURLs:                               c.LogoutURLs,
		DefaultRedirectURI:                       c.DefaultRedirectURI,
		AllowedOAuthFlows:                        c.AllowedOAuthFlows,
		AllowedOAuthScopes:                       c.AllowedOAuthScopes,
		AllowedOAuthFlowsUserPoolClient:          c.AllowedOAuthFlowsUserPoolClient,
		AnalyticsConfiguration:                   c.AnalyticsConfiguration,
		PreventUserExistenceErrors:               c.PreventUserExistenceErrors,
		EnableTokenRevocation:                    c.EnableTokenRevocation,
		EnablePropagateAdditionalUserContextData: c.EnablePropagateAdditionalUserContextData,
		AuthSessionValidity:                      c.AuthSessionValidity,
		RefreshTokenRotation:                     c.RefreshTokenRotation,
	}
}

// TestDecodeUpdateRequestAllMembers checks that an update request with every
// member set survives json.Marshal and DecodeUpdateRequest, and that it does
// set every member of every struct.
func TestDecodeUpdateRequestAllMembers(t *testing.T) {
	want := fullUpdateRequest()
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		t.Fatal(err)
	}
	if got, n := len(members), reflect.TypeFor[UpdateUserPoolClientRequest]().NumField(); got != n {
		t.Errorf("encoded update request has %d members, want all %d", got, n)
	}
	got, err := DecodeUpdateRequest(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("DecodeUpdateRequest: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("json.Marshal → DecodeUpdateRequest mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeUpdateRequestKeepsExplicitValues checks that the update's own
// members keep the difference between absent, null and empty, and that
// explicit zeros survive a round trip.
func TestDecodeUpdateRequestKeepsExplicitValues(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want UpdateUserPoolClientRequest
	}{
		{"empty object", `{}`, UpdateUserPoolClientRequest{}},
		{"ClientName absent", `{"UserPoolId": "us-east-1_AbC123xyz", "ClientId": "abc"}`,
			UpdateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientID: "abc"}},
		{"ClientName null", `{"ClientName": null}`, UpdateUserPoolClientRequest{}},
		{"ClientName empty", `{"ClientName": ""}`, UpdateUserPoolClientRequest{ClientName: ptr("")}},
		{"ClientId null", `{"ClientId": null}`, UpdateUserPoolClientRequest{}},
		{"zeros", `{"RefreshTokenValidity": 0, "CallbackURLs": [], "EnableTokenRevocation": false, "TokenValidityUnits": {}}`,
			UpdateUserPoolClientRequest{RefreshTokenValidity: ptr[int32](0), CallbackURLs: []string{}, EnableTokenRevocation: ptr(false), TokenValidityUnits: &TokenValidityUnits{}}},
		{"nested", `{"RefreshTokenRotation": {"Feature": "ENABLED"}, "AnalyticsConfiguration": {"UserDataShared": true}}`,
			UpdateUserPoolClientRequest{RefreshTokenRotation: &RefreshTokenRotation{Feature: RotationFeatureEnabled}, AnalyticsConfiguration: &AnalyticsConfiguration{UserDataShared: true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeUpdateRequest(strings.NewReader(tc.in))
			if err != nil {
				t.Fatalf("DecodeUpdateRequest: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("DecodeUpdateRequest mismatch (-want +got):\n%s", diff)
			}
			out, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			again, err := DecodeUpdateRequest(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("DecodeUpdateRequest of re-encoded %s: %v", out, err)
			}
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("round trip mismatch (-first +second):\n%s", diff)
			}
		})
	}
}

// TestDecodeUpdateRequestNull checks that null means absent for every member
// of the update.
func TestDecodeUpdateRequestNull(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"UserPoolId": "us-east-1_AbC123xyz"`)
	for _, name := range updateRequestType.names[1:] {
		fmt.Fprintf(&b, ", %q: null", name)
	}
	b.WriteString("}")
	got, err := DecodeUpdateRequest(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("DecodeUpdateRequest: %v", err)
	}
	if diff := cmp.Diff(UpdateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz"}, got); diff != "" {
		t.Errorf("DecodeUpdateRequest mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeUpdateRequestSecret checks that the members an update cannot
// have, GenerateSecret and ClientSecret, are refused with ErrSecretInUpdate,
// whatever their value, while create requests still read them.
func TestDecodeUpdateRequestSecret(t *testing.T) {
	runDecodeErrorCasesOf(t, DecodeUpdateRequest, []decodeErrorCase{
		{"GenerateSecret", `{"GenerateSecret": true}`, ErrSecretInUpdate, "GenerateSecret", 1, 2, ""},
		{"GenerateSecret false", `{"GenerateSecret": false}`, ErrSecretInUpdate, "GenerateSecret", 1, 2, ""},
		{"ClientSecret", `{"ClientId": "abc", "ClientSecret": "abcdefghijklmnopqrstuvwxyz"}`, ErrSecretInUpdate, "ClientSecret", 1, 21, ""},
		{"ClientSecret null", "{\n  \"ClientSecret\": null\n}", ErrSecretInUpdate, "ClientSecret", 2, 3, ""},
		{"escaped name", `{"Client\u0053ecret": "x"}`, ErrSecretInUpdate, "ClientSecret", 1, 2, ""},
	})
	_, err := DecodeUpdateRequest(strings.NewReader(`{"GenerateSecret": true}`))
	if errors.Is(err, ErrUnknownMember) {
		t.Errorf("secret member error %v is also ErrUnknownMember; want only ErrSecretInUpdate", err)
	}
	if _, err := DecodeRequest(strings.NewReader(`{"GenerateSecret": true, "ClientSecret": "x"}`)); err != nil {
		t.Errorf("DecodeRequest refuses the secret members: %v", err)
	}
}

// TestDecodeUpdateRequestErrors has a case of every other class of decode
// error, in update requests: the classes are shared with DecodeRequest, the
// member names are the update's.
func TestDecodeUpdateRequestErrors(t *testing.T) {
	runDecodeErrorCasesOf(t, DecodeUpdateRequest, []decodeErrorCase{
		{"syntax", `{"ClientId": "abc",}`, ErrSyntax, "", 1, 20, ""},
		{"trailing data", `{} []`, ErrSyntax, "", 1, 4, ""},
		{"empty input", ``, ErrSyntax, "", 1, 1, ""},
		{"not an object", `["ClientId"]`, ErrType, "", 1, 1, ""},
		{"unknown member, Go initialism", `{"ClientID": "abc"}`, ErrUnknownMember, "ClientID", 1, 2, "ClientId"},
		{"unknown member, snake case", `{"client_id": "abc"}`, ErrUnknownMember, "client_id", 1, 2, "ClientId"},
		{"unknown member, describe output", `{"UserPoolClient": {}}`, ErrUnknownMember, "UserPoolClient", 1, 2, ""},
		{"unknown nested member", `{"TokenValidityUnits": {"accessToken": "hours"}}`, ErrUnknownMember, "TokenValidityUnits.accessToken", 1, 25, "AccessToken"},
		{"duplicate ClientId", `{"ClientId": "a", "ClientId": "b"}`, ErrDuplicateMember, "ClientId", 1, 19, ""},
		{"duplicate last member", `{"RefreshTokenRotation": null, "RefreshTokenRotation": {}}`, ErrDuplicateMember, "RefreshTokenRotation", 1, 32, ""},
		{"ClientId gets number", `{"ClientId": 12}`, ErrType, "ClientId", 1, 14, ""},
		{"ClientName gets boolean", `{"ClientName": true}`, ErrType, "ClientName", 1, 16, ""},
		{"list entry", `{"CallbackURLs": ["https://a.example", 1]}`, ErrType, "CallbackURLs[1]", 1, 40, ""},
		{"nested type", `{"AnalyticsConfiguration": {"UserDataShared": "yes"}}`, ErrType, "AnalyticsConfiguration.UserDataShared", 1, 47, ""},
		{"fraction", `{"AccessTokenValidity": 1.5}`, ErrNumber, "AccessTokenValidity", 1, 25, ""},
		{"out of range", `{"AuthSessionValidity": 2147483648}`, ErrNumber, "AuthSessionValidity", 1, 25, ""},
	})
}

// TestDecodeUpdateRequestReaderError checks that an error of the reader is
// returned as such.
func TestDecodeUpdateRequestReaderError(t *testing.T) {
	errRead := errors.New("disk on fire")
	_, err := DecodeUpdateRequest(iotest.ErrReader(errRead))
	if !errors.Is(err, errRead) {
		t.Errorf("DecodeUpdateRequest error = %v, want it to wrap %v", err, errRead)
	}
	var de *DecodeError
	if errors.As(err, &de) {
		t.Errorf("reader error %v became a *DecodeError", err)
	}
}
