package appclient

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient/internal/suggest"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// requestFiles returns the paths of the request files in testdata/requests.
func requestFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "requests", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("found %d request files in testdata/requests, want at least 5", len(files))
	}
	return files
}

// generic decodes JSON text into plain Go values, for comparing documents.
func generic(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("json.Unmarshal: %v", err)
	}
	return v
}

// TestDecodeRequestTestdata checks that every request file decodes, is valid,
// and encodes back to the same JSON document: losslessly, and (as the files
// are written in canonical form) byte for byte.
func TestDecodeRequestTestdata(t *testing.T) {
	for _, file := range requestFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			req, err := DecodeRequest(f)
			if err != nil {
				t.Fatalf("DecodeRequest: %v", err)
			}
			if err := req.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
			out, err := json.Marshal(req)
			if err != nil {
				t.Fatalf("json.Marshal: %v", err)
			}
			if diff := cmp.Diff(generic(t, data), generic(t, out)); diff != "" {
				t.Errorf("round trip mismatch (-file +encoded):\n%s", diff)
			}
			indented, err := json.MarshalIndent(req, "", "  ")
			if err != nil {
				t.Fatalf("json.MarshalIndent: %v", err)
			}
			if diff := cmp.Diff(string(data), string(indented)+"\n"); diff != "" {
				t.Errorf("file is not in canonical form (members in API order, 2-space indent) (-file +canonical):\n%s", diff)
			}
		})
	}
}

// fullRequest returns a request with every member set, nested ones included.
// It need not be valid.
func fullRequest() CreateUserPoolClientRequest {
	return CreateUserPoolClientRequest{
		UserPoolID:           "us-east-1_AbC123xyz",
		ClientName:           "every member",
		GenerateSecret:       true,
		ClientSecret:         ptr("abcdefghijklmnopqrstuvwxyz0123456789"),
		RefreshTokenValidity: ptr[int32](30),
		AccessTokenValidity:  ptr[int32](60),
		IDTokenValidity:      ptr[int32](45),
		TokenValidityUnits: &TokenValidityUnits{
			AccessToken:  TimeUnitMinutes,
			IDToken:      TimeUnitSeconds,
			RefreshToken: TimeUnitDays,
		},
		ReadAttributes:                  []string{"email", "email_verified", "custom:tenant"},
		WriteAttributes:                 []string{"email", "custom:tenant"},
		ExplicitAuthFlows:               []ExplicitAuthFlow{ExplicitAuthFlowAllowUserSRPAuth, ExplicitAuthFlowAllowRefreshTokenAuth},
		SupportedIdentityProviders:      []string{"COGNITO", "Google"},
		CallbackURLs:                    []string{"https://app.example.com/cb?a=1&b=<2>", "http://localhost:3000/cb"},
		LogoutURLs:                      []string{"https://app.example.com/bye"},
		DefaultRedirectURI:              ptr("https://app.example.com/cb?a=1&b=<2>"),
		AllowedOAuthFlows:               []OAuthFlow{OAuthFlowCode, OAuthFlowImplicit},
		AllowedOAuthScopes:              []string{"openid", "orders-api/orders.read"},
		AllowedOAuthFlowsUserPoolClient: true,
		AnalyticsConfiguration: &AnalyticsConfiguration{
			ApplicationID:  ptr("d70b2ba36a8c4dc5a04a0451a31a1e12"),
			ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:123456789012:apps/d70b2ba36a8c4dc5a04a0451a31a1e12"),
			RoleARN:        ptr("arn:aws:iam::123456789012:role/cognito-pinpoint"),
			ExternalID:     ptr("ext-ünïcödé-\u2028-\"quoted\""),
			UserDataShared: true,
		},
		PreventUserExistenceErrors:               UserExistenceErrorsEnabled,
		EnableTokenRevocation:                    ptr(true),
		EnablePropagateAdditionalUserContextData: ptr(false),
		AuthSessionValidity:                      ptr[int32](15),
		RefreshTokenRotation: &RefreshTokenRotation{
			Feature:                 RotationFeatureEnabled,
			RetryGracePeriodSeconds: ptr[int32](60),
		},
	}
}

// TestDecodeRequestAllMembers checks that a request with every member set
// survives json.Marshal and DecodeRequest, and that it does set every member
// of every struct.
func TestDecodeRequestAllMembers(t *testing.T) {
	want := fullRequest()
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		t.Fatal(err)
	}
	if got, n := len(members), reflect.TypeFor[CreateUserPoolClientRequest]().NumField(); got != n {
		t.Errorf("encoded request has %d members, want all %d", got, n)
	}
	for name, typ := range map[string]reflect.Type{
		"TokenValidityUnits":     reflect.TypeFor[TokenValidityUnits](),
		"AnalyticsConfiguration": reflect.TypeFor[AnalyticsConfiguration](),
		"RefreshTokenRotation":   reflect.TypeFor[RefreshTokenRotation](),
	} {
		var nested map[string]any
		if err := json.Unmarshal(members[name], &nested); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, n := len(nested), typ.NumField(); got != n {
			t.Errorf("encoded %s has %d members, want all %d", name, got, n)
		}
	}
	got, err := DecodeRequest(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("DecodeRequest: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("json.Marshal → DecodeRequest mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeMemberTables checks that the decoder's member names are exactly
// the JSON names of the struct fields, in declaration order.
func TestDecodeMemberTables(t *testing.T) {
	for _, tc := range []struct {
		typ          reflect.Type
		names, paths []string
		parent       string
	}{
		{reflect.TypeFor[CreateUserPoolClientRequest](), createRequestType.names, createRequestType.paths, ""},
		{reflect.TypeFor[UpdateUserPoolClientRequest](), updateRequestType.names, updateRequestType.paths, ""},
		{reflect.TypeFor[TokenValidityUnits](), tokenValidityUnitsType.names, tokenValidityUnitsType.paths, "TokenValidityUnits."},
		{reflect.TypeFor[AnalyticsConfiguration](), analyticsConfigurationType.names, analyticsConfigurationType.paths, "AnalyticsConfiguration."},
		{reflect.TypeFor[RefreshTokenRotation](), refreshTokenRotationType.names, refreshTokenRotationType.paths, "RefreshTokenRotation."},
	} {
		var want, wantPaths []string
		for f := range tc.typ.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			want = append(want, name)
			wantPaths = append(wantPaths, tc.parent+name)
		}
		if diff := cmp.Diff(want, tc.names); diff != "" {
			t.Errorf("%s member names mismatch (-want +got):\n%s", tc.typ.Name(), diff)
		}
		if diff := cmp.Diff(wantPaths, tc.paths); diff != "" {
			t.Errorf("%s member paths mismatch (-want +got):\n%s", tc.typ.Name(), diff)
		}
	}
}

// TestDecodeRequestKeepsExplicitValues checks that false, 0, "", [] and {}
// survive DecodeRequest and json.Marshal: they are sent to Cognito and mean
// something other than absence.
func TestDecodeRequestKeepsExplicitValues(t *testing.T) {
	in := `{
		"UserPoolId": "us-east-1_AbC123xyz",
		"ClientName": "zeros",
		"ClientSecret": "",
		"RefreshTokenValidity": 0,
		"AccessTokenValidity": 0,
		"IdTokenValidity": -0,
		"TokenValidityUnits": {},
		"ReadAttributes": [],
		"WriteAttributes": [],
		"ExplicitAuthFlows": [],
		"SupportedIdentityProviders": [],
		"CallbackURLs": [],
		"LogoutURLs": [],
		"DefaultRedirectURI": "",
		"AllowedOAuthFlows": [],
		"AllowedOAuthScopes": [],
		"AnalyticsConfiguration": {"ApplicationId": "", "ExternalId": ""},
		"EnableTokenRevocation": false,
		"EnablePropagateAdditionalUserContextData": false,
		"AuthSessionValidity": 0,
		"RefreshTokenRotation": {"RetryGracePeriodSeconds": 0}
	}`
	want := CreateUserPoolClientRequest{
		UserPoolID:                               "us-east-1_AbC123xyz",
		ClientName:                               "zeros",
		ClientSecret:                             ptr(""),
		RefreshTokenValidity:                     ptr[int32](0),
		AccessTokenValidity:                      ptr[int32](0),
		IDTokenValidity:                          ptr[int32](0),
		TokenValidityUnits:                       &TokenValidityUnits{},
		ReadAttributes:                           []string{},
		WriteAttributes:                          []string{},
		ExplicitAuthFlows:                        []ExplicitAuthFlow{},
		SupportedIdentityProviders:               []string{},
		CallbackURLs:                             []string{},
		LogoutURLs:                               []string{},
		DefaultRedirectURI:                       ptr(""),
		AllowedOAuthFlows:                        []OAuthFlow{},
		AllowedOAuthScopes:                       []string{},
		AnalyticsConfiguration:                   &AnalyticsConfiguration{ApplicationID: ptr(""), ExternalID: ptr("")},
		EnableTokenRevocation:                    ptr(false),
		EnablePropagateAdditionalUserContextData: ptr(false),
		AuthSessionValidity:                      ptr[int32](0),
		RefreshTokenRotation:                     &RefreshTokenRotation{RetryGracePeriodSeconds: ptr[int32](0)},
	}
	got, err := DecodeRequest(strings.NewReader(in))
	if err != nil {
		t.Fatalf("DecodeRequest: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodeRequest mismatch (-want +got):\n%s", diff)
	}
	out, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	// -0 encodes as 0; everything else comes back as written.
	wantJSON := generic(t, []byte(strings.Replace(in, "-0", "0", 1)))
	if diff := cmp.Diff(wantJSON, generic(t, out)); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if !bytes.Contains(out, []byte(`"EnableTokenRevocation":false`)) {
		t.Errorf("encoded request lacks \"EnableTokenRevocation\":false: %s", out)
	}
}

// TestDecodeRequestNull checks that null means absent, for every kind of
// member.
func TestDecodeRequestNull(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "nulls"`)
	for _, name := range createRequestType.names[2:] {
		fmt.Fprintf(&b, ", %q: null", name)
	}
	b.WriteString("}")
	want := CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "nulls"}
	got, err := DecodeRequest(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("DecodeRequest: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodeRequest mismatch (-want +got):\n%s", diff)
	}

	nested := `{
		"UserPoolId": null,
		"ClientName": null,
		"TokenValidityUnits": {"AccessToken": null, "IdToken": null, "RefreshToken": null},
		"AnalyticsConfiguration": {"ApplicationId": null, "ApplicationArn": null, "RoleArn": null, "ExternalId": null, "UserDataShared": null},
		"RefreshTokenRotation": {"Feature": null, "RetryGracePeriodSeconds": null}
	}`
	want = CreateUserPoolClientRequest{
		TokenValidityUnits:     &TokenValidityUnits{},
		AnalyticsConfiguration: &AnalyticsConfiguration{},
		RefreshTokenRotation:   &RefreshTokenRotation{},
	}
	got, err = DecodeRequest(strings.NewReader(nested))
	if err != nil {
		t.Fatalf("DecodeRequest: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodeRequest of nested nulls mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeRequestAccepts checks inputs at the edges of what is accepted.
func TestDecodeRequestAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want CreateUserPoolClientRequest
	}{
		{"empty object", `{}`, CreateUserPoolClientRequest{}},
		{"surrounding whitespace", " \t\r\n{}\n\n \t", CreateUserPoolClientRequest{}},
		{"int32 bounds", `{"AccessTokenValidity": 2147483647, "IdTokenValidity": -2147483648}`,
			CreateUserPoolClientRequest{AccessTokenValidity: ptr[int32](2147483647), IDTokenValidity: ptr[int32](-2147483648)}},
		{"escapes", `{"ClientName": "a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\ud83d\ude00"}`,
			CreateUserPoolClientRequest{ClientName: "a\"b\\c/d\b\f\n\r\tAé😀"}},
		{"escaped member name", `{"Client\u004eame": "x"}`, CreateUserPoolClientRequest{ClientName: "x"}},
		{"UTF-8", `{"ClientName": "Zürich 東京"}`, CreateUserPoolClientRequest{ClientName: "Zürich 東京"}},
		{"literal U+FFFD", "{\"ClientName\": \"\uFFFD\"}", CreateUserPoolClientRequest{ClientName: "\uFFFD"}},
		{"NUL escape", `{"ClientName": "a\u0000b"}`, CreateUserPoolClientRequest{ClientName: "a\x00b"}},
		{"enum values are not checked", `{"AllowedOAuthFlows": ["CODE"], "TokenValidityUnits": {"AccessToken": "weeks"}}`,
			CreateUserPoolClientRequest{AllowedOAuthFlows: []OAuthFlow{"CODE"}, TokenValidityUnits: &TokenValidityUnits{AccessToken: "weeks"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeRequest(strings.NewReader(tc.in))
			if err != nil {
				t.Fatalf("DecodeRequest: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("DecodeRequest mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// decodeErrorCase is one input DecodeRequest must reject, and what the
// *DecodeError must say: the kind, the member path, the position and the
// suggestion; never the message text.
type decodeErrorCase struct {
	name       string
	in         string
	err        error
	field      string
	line, col  int
	suggestion string
}

type decodeErrorSummary struct {
	Err          error
	Field        string
	Line, Column int
	Suggestion   string
}

func runDecodeErrorCases(t *testing.T, tests []decodeErrorCase) {
	t.Helper()
	runDecodeErrorCasesOf(t, DecodeRequest, tests)
}

// runDecodeErrorCasesOf runs tests against decode, DecodeRequest or
// DecodeUpdateRequest.
func runDecodeErrorCasesOf[T any](t *testing.T, decode func(io.Reader) (T, error), tests []decodeErrorCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := decode(strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("decoding succeeded, want %v", tc.err)
			}
			var zero T
			if diff := cmp.Diff(zero, req); diff != "" {
				t.Errorf("request on failure is not the zero value (-want +got):\n%s", diff)
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v (%T) is not a *DecodeError", err, err)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("errors.Is(err, %v) is false; err = %v", tc.err, err)
			}
			want := decodeErrorSummary{tc.err, tc.field, tc.line, tc.col, tc.suggestion}
			got := decodeErrorSummary{de.Err, de.Field, de.Line, de.Column, de.Suggestion}
			if diff := cmp.Diff(want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("DecodeError mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if line, col := position([]byte(tc.in), int(de.Offset)); line != de.Line || col != de.Column {
				t.Errorf("Offset %d is line %d, column %d; error says line %d, column %d", de.Offset, line, col, de.Line, de.Column)
			}
			if de.Message == "" {
				t.Error("Msg is empty")
			}
		})
	}
}

func TestDecodeRequestUnknownMember(t *testing.T) {
	runDecodeErrorCases(t, []decodeErrorCase{
		{"snake case", `{"callback_urls": []}`, ErrUnknownMember, "callback_urls", 1, 2, "CallbackURLs"},
		{"mis-cased", `{"CallbackUrls": []}`, ErrUnknownMember, "CallbackUrls", 1, 2, "CallbackURLs"},
		{"lower camel", `{"callbackURLs": []}`, ErrUnknownMember, "callbackURLs", 1, 2, "CallbackURLs"},
		{"Go initialism", `{"UserPoolID": "x"}`, ErrUnknownMember, "UserPoolID", 1, 2, "UserPoolId"},
		{"Go field name", `{"IDTokenValidity": 1}`, ErrUnknownMember, "IDTokenValidity", 1, 2, "IdTokenValidity"},
		{"all caps", `{"CLIENTNAME": "x"}`, ErrUnknownMember, "CLIENTNAME", 1, 2, "ClientName"},
		{"kebab case", `{"allowed-o-auth-flows": []}`, ErrUnknownMember, "allowed-o-auth-flows", 1, 2, "AllowedOAuthFlows"},
		{"typo", `{"ClientNme": "x"}`, ErrUnknownMember, "ClientNme", 1, 2, "ClientName"},
		{"swapped letters", `{"ClinetName": "x"}`, ErrUnknownMember, "ClinetName", 1, 2, "ClientName"},
		{"singular", `{"CallbackURL": []}`, ErrUnknownMember, "CallbackURL", 1, 2, "CallbackURLs"},
		{"nothing close", `{"Foo": 1}`, ErrUnknownMember, "Foo", 1, 2, ""},
		{"empty name", `{"": 1}`, ErrUnknownMember, "", 1, 2, ""},
		{"response member", `{"ClientId": "1example23456789"}`, ErrUnknownMember, "ClientId", 1, 2, ""},
		{"response wrapper", `{"UserPoolClient": {}}`, ErrUnknownMember, "UserPoolClient", 1, 2, ""},
		{"after valid members", "{\n  \"ClientName\": \"x\",\n  \"GenerateSecrets\": true\n}", ErrUnknownMember, "GenerateSecrets", 3, 3, "GenerateSecret"},
		{"nested mis-cased", `{"TokenValidityUnits": {"accessToken": "hours"}}`, ErrUnknownMember, "TokenValidityUnits.accessToken", 1, 25, "AccessToken"},
		{"nested Go name", `{"TokenValidityUnits": {"IDToken": "hours"}}`, ErrUnknownMember, "TokenValidityUnits.IDToken", 1, 25, "IdToken"},
		{"nested snake case", `{"AnalyticsConfiguration": {"application_arn": "x"}}`, ErrUnknownMember, "AnalyticsConfiguration.application_arn", 1, 29, "ApplicationArn"},
		{"nested unknown", `{"RefreshTokenRotation": {"Enabled": true}}`, ErrUnknownMember, "RefreshTokenRotation.Enabled", 1, 27, ""},
		{"nested response member is not hinted", `{"RefreshTokenRotation": {"ClientId": "x"}}`, ErrUnknownMember, "RefreshTokenRotation.ClientId", 1, 27, ""},
		{"top-level member in nested object", `{"TokenValidityUnits": {"AccessTokenValidity": 1}}`, ErrUnknownMember, "TokenValidityUnits.AccessTokenValidity", 1, 25, ""},
	})
}

func TestDecodeRequestDuplicateMember(t *testing.T) {
	runDecodeErrorCases(t, []decodeErrorCase{
		{"top level", `{"ClientName": "a", "ClientName": "b"}`, ErrDuplicateMember, "ClientName", 1, 21, ""},
		{"null then value", `{"ClientSecret": null, "ClientSecret": "x"}`, ErrDuplicateMember, "ClientSecret", 1, 24, ""},
		{"escaped duplicate", `{"ClientName": "a", "Client\u004eame": "b"}`, ErrDuplicateMember, "ClientName", 1, 21, ""},
		{"nested", "{\"RefreshTokenRotation\": {\n\"Feature\": \"ENABLED\",\n\"Feature\": \"DISABLED\"}}", ErrDuplicateMember, "RefreshTokenRotation.Feature", 3, 1, ""},
		{"nested object twice", `{"TokenValidityUnits": {}, "TokenValidityUnits": {}}`, ErrDuplicateMember, "TokenValidityUnits", 1, 28, ""},
	})
}

func TestDecodeRequestWrongType(t *testing.T) {
	deep := strings.Repeat("[", 100000)
	runDecodeErrorCases(t, []decodeErrorCase{
		{"top-level array", `[]`, ErrType, "", 1, 1, ""},
		{"top-level string", ` "x"`, ErrType, "", 1, 2, ""},
		{"top-level number", `12`, ErrType, "", 1, 1, ""},
		{"top-level null", `null`, ErrType, "", 1, 1, ""},
		{"top-level deep array", deep, ErrType, "", 1, 1, ""},
		{"string member gets number", `{"UserPoolId": 12}`, ErrType, "UserPoolId", 1, 16, ""},
		{"string member gets boolean", `{"ClientName": true}`, ErrType, "ClientName", 1, 16, ""},
		// Columns count characters: "é" is two bytes, one column (40 in bytes).
		{"column after a two-byte character", `{"ClientName": "é", "GenerateSecret": 1}`, ErrType, "GenerateSecret", 1, 39, ""},
		{"optional string gets object", `{"ClientSecret": {}}`, ErrType, "ClientSecret", 1, 18, ""},
		{"enum gets array", `{"PreventUserExistenceErrors": ["ENABLED"]}`, ErrType, "PreventUserExistenceErrors", 1, 32, ""},
		{"bool gets string", `{"GenerateSecret": "true"}`, ErrType, "GenerateSecret", 1, 20, ""},
		{"bool gets number", `{"AllowedOAuthFlowsUserPoolClient": 1}`, ErrType, "AllowedOAuthFlowsUserPoolClient", 1, 37, ""},
		{"optional bool gets string", `{"EnableTokenRevocation": "false"}`, ErrType, "EnableTokenRevocation", 1, 27, ""},
		{"integer gets string", `{"AccessTokenValidity": "60"}`, ErrType, "AccessTokenValidity", 1, 25, ""},
		{"integer gets boolean", `{"AuthSessionValidity": false}`, ErrType, "AuthSessionValidity", 1, 25, ""},
		{"list gets string", `{"CallbackURLs": "https://example.com"}`, ErrType, "CallbackURLs", 1, 18, ""},
		{"list gets object", `{"ExplicitAuthFlows": {}}`, ErrType, "ExplicitAuthFlows", 1, 23, ""},
		{"list entry number", `{"CallbackURLs": ["https://a.example", "https://b.example", 3]}`, ErrType, "CallbackURLs[2]", 1, 61, ""},
		{"list entry null", `{"ReadAttributes": [null]}`, ErrType, "ReadAttributes[0]", 1, 21, ""},
		{"list entry array", `{"AllowedOAuthScopes": ["openid", ["email"]]}`, ErrType, "AllowedOAuthScopes[1]", 1, 35, ""},
		{"list entry deep array", `{"AllowedOAuthFlows": ` + deep, ErrType, "AllowedOAuthFlows[0]", 1, 24, ""},
		{"enum list entry", `{"AllowedOAuthFlows": [true]}`, ErrType, "AllowedOAuthFlows[0]", 1, 24, ""},
		{"object gets string", `{"TokenValidityUnits": "hours"}`, ErrType, "TokenValidityUnits", 1, 24, ""},
		{"object gets array", `{"RefreshTokenRotation": []}`, ErrType, "RefreshTokenRotation", 1, 26, ""},
		{"nested string gets number", `{"TokenValidityUnits": {"AccessToken": 5}}`, ErrType, "TokenValidityUnits.AccessToken", 1, 40, ""},
		{"nested bool gets string", `{"AnalyticsConfiguration": {"UserDataShared": "yes"}}`, ErrType, "AnalyticsConfiguration.UserDataShared", 1, 47, ""},
		{"nested integer gets string", `{"RefreshTokenRotation": {"RetryGracePeriodSeconds": "10"}}`, ErrType, "RefreshTokenRotation.RetryGracePeriodSeconds", 1, 54, ""},
		{"on a later line", "{\n\t\"ClientName\": \"x\",\n\t\"IdTokenValidity\": [60]\n}", ErrType, "IdTokenValidity", 3, 21, ""},
	})
}

func TestDecodeRequestNumber(t *testing.T) {
	runDecodeErrorCases(t, []decodeErrorCase{
		{"fraction", `{"AccessTokenValidity": 1.5}`, ErrNumber, "AccessTokenValidity", 1, 25, ""},
		{"zero fraction", `{"AccessTokenValidity": 60.0}`, ErrNumber, "AccessTokenValidity", 1, 25, ""},
		{"exponent", `{"AccessTokenValidity": 1e3}`, ErrNumber, "AccessTokenValidity", 1, 25, ""},
		{"negative exponent", `{"AccessTokenValidity": 100E-2}`, ErrNumber, "AccessTokenValidity", 1, 25, ""},
		{"above int32", `{"RefreshTokenValidity": 2147483648}`, ErrNumber, "RefreshTokenValidity", 1, 26, ""},
		{"below int32", `{"IdTokenValidity": -2147483649}`, ErrNumber, "IdTokenValidity", 1, 21, ""},
		{"uint32 max", `{"IdTokenValidity": 4294967295}`, ErrNumber, "IdTokenValidity", 1, 21, ""},
		{"many digits", `{"AuthSessionValidity": 123456789012345678901234567890}`, ErrNumber, "AuthSessionValidity", 1, 25, ""},
		{"nested", `{"RefreshTokenRotation": {"RetryGracePeriodSeconds": 0.5}}`, ErrNumber, "RefreshTokenRotation.RetryGracePeriodSeconds", 1, 54, ""},
	})
}

func TestDecodeRequestSyntax(t *testing.T) {
	runDecodeErrorCases(t, []decodeErrorCase{
		{"empty input", ``, ErrSyntax, "", 1, 1, ""},
		{"only whitespace", " \n ", ErrSyntax, "", 2, 2, ""},
		{"byte order mark", "\uFEFF{}", ErrSyntax, "", 1, 1, ""},
		{"trailing object", `{}{}`, ErrSyntax, "", 1, 3, ""},
		{"trailing garbage after newline", "{\"ClientName\": \"x\"}\nx", ErrSyntax, "", 2, 1, ""},
		{"trailing comma after object", `{},`, ErrSyntax, "", 1, 3, ""},
		{"unterminated object", `{"ClientName": "x"`, ErrSyntax, "", 1, 19, ""},
		{"unterminated string", `{"ClientName": "x`, ErrSyntax, "", 1, 18, ""},
		{"unterminated key", `{"Client`, ErrSyntax, "", 1, 9, ""},
		{"missing colon", `{"ClientName" "x"}`, ErrSyntax, "", 1, 15, ""},
		{"missing comma", "{\"ClientName\": \"x\"\n \"UserPoolId\": \"y\"}", ErrSyntax, "", 2, 2, ""},
		{"trailing comma in object", `{"ClientName": "x",}`, ErrSyntax, "", 1, 20, ""},
		{"trailing comma in list", `{"CallbackURLs": ["a",]}`, ErrSyntax, "", 1, 23, ""},
		{"missing comma in list", `{"CallbackURLs": ["a" "b"]}`, ErrSyntax, "", 1, 23, ""},
		{"unterminated list", `{"CallbackURLs": ["a"`, ErrSyntax, "", 1, 22, ""},
		{"single quotes", `{'ClientName': 'x'}`, ErrSyntax, "", 1, 2, ""},
		{"unquoted key", `{ClientName: "x"}`, ErrSyntax, "", 1, 2, ""},
		{"bad literal", `{"GenerateSecret": tru}`, ErrSyntax, "", 1, 23, ""},
		{"capitalised literal", `{"GenerateSecret": True}`, ErrSyntax, "", 1, 20, ""},
		{"truncated literal", `{"EnableTokenRevocation": nul`, ErrSyntax, "", 1, 30, ""},
		{"leading zero", `{"AccessTokenValidity": 01}`, ErrSyntax, "", 1, 26, ""},
		{"plus sign", `{"AccessTokenValidity": +1}`, ErrSyntax, "", 1, 25, ""},
		{"bare minus", `{"AccessTokenValidity": -}`, ErrSyntax, "", 1, 26, ""},
		{"dot without digits", `{"AccessTokenValidity": 1.}`, ErrSyntax, "", 1, 27, ""},
		{"exponent without digits", `{"AccessTokenValidity": 1e}`, ErrSyntax, "", 1, 27, ""},
		{"hex number", `{"AccessTokenValidity": 0x10}`, ErrSyntax, "", 1, 26, ""},
		{"NaN", `{"AccessTokenValidity": NaN}`, ErrSyntax, "", 1, 25, ""},
		{"malformed number of the wrong type", `{"ClientName": 1.e5}`, ErrSyntax, "", 1, 18, ""},
		{"control character in string", "{\"ClientName\": \"a\tb\"}", ErrSyntax, "", 1, 18, ""},
		{"newline in string", "{\"ClientName\": \"a\nb\"}", ErrSyntax, "", 1, 18, ""},
		{"bad escape", `{"ClientName": "a\x"}`, ErrSyntax, "", 1, 19, ""},
		{"short unicode escape", `{"ClientName": "\u12"}`, ErrSyntax, "", 1, 21, ""},
		{"lone high surrogate", `{"ClientName": "\ud800"}`, ErrSyntax, "", 1, 17, ""},
		{"lone low surrogate", `{"ClientName": "x\udc00"}`, ErrSyntax, "", 1, 18, ""},
		{"high surrogate then letter", `{"ClientName": "\ud800\u0041"}`, ErrSyntax, "", 1, 17, ""},
		{"invalid UTF-8", "{\"ClientName\": \"caf\xe9\"}", ErrSyntax, "", 1, 20, ""},
		{"invalid UTF-8 in key", "{\"Client\xffName\": \"x\"}", ErrSyntax, "", 1, 9, ""},
		{"UTF-8 encoded surrogate", "{\"ClientName\": \"\xed\xa0\x80\"}", ErrSyntax, "", 1, 17, ""},
		{"comment", "{\n  // the name\n  \"ClientName\": \"x\"\n}", ErrSyntax, "", 2, 3, ""},
		{"syntax error inside nested object", `{"TokenValidityUnits": {"AccessToken" "hours"}}`, ErrSyntax, "", 1, 39, ""},
		{"invalid byte at value", "{\"ClientName\": \xff}", ErrSyntax, "", 1, 16, ""},
		{"end after member name", `{"ClientName"`, ErrSyntax, "", 1, 14, ""},
		{"end at nested value", `{"TokenValidityUnits": `, ErrSyntax, "", 1, 24, ""},
		{"end in nested object", `{"TokenValidityUnits": {`, ErrSyntax, "", 1, 25, ""},
		{"end after backslash", `{"ClientName": "a\`, ErrSyntax, "", 1, 19, ""},
		{"end in unicode escape", `{"ClientName": "\u00`, ErrSyntax, "", 1, 21, ""},
		{"end after minus", `{"AccessTokenValidity": -`, ErrSyntax, "", 1, 26, ""},
		{"bad hex digit in low surrogate", `{"ClientName": "\ud83d\ude0g"}`, ErrSyntax, "", 1, 28, ""},
		{"carriage returns are not line ends", "{\r\r\r\"ClientName\" 1}", ErrSyntax, "", 1, 18, ""},
	})
}

// TestDecodeRequestReaderError checks that an error of the reader is
// returned as such, not as a DecodeError.
func TestDecodeRequestReaderError(t *testing.T) {
	errRead := errors.New("disk on fire")
	_, err := DecodeRequest(iotest.ErrReader(errRead))
	if !errors.Is(err, errRead) {
		t.Errorf("DecodeRequest error = %v, want it to wrap %v", err, errRead)
	}
	var de *DecodeError
	if errors.As(err, &de) {
		t.Errorf("reader error %v became a *DecodeError", err)
	}
	// A reader that delivers the input a byte at a time is read to its end.
	req, err := DecodeRequest(iotest.OneByteReader(strings.NewReader(`{"ClientName": "x"}`)))
	if err != nil {
		t.Fatalf("DecodeRequest: %v", err)
	}
	if diff := cmp.Diff(CreateUserPoolClientRequest{ClientName: "x"}, req); diff != "" {
		t.Errorf("DecodeRequest mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeErrorError checks the documented layout of Error.
func TestDecodeErrorError(t *testing.T) {
	tests := []struct {
		err  *DecodeError
		want string
	}{
		{&DecodeError{Field: "CallbackURLs[2]", Line: 3, Column: 7, Message: "m", Err: ErrType}, "appclient: line 3, column 7: CallbackURLs[2]: m"},
		{&DecodeError{Line: 1, Column: 1, Message: "m", Err: ErrSyntax}, "appclient: line 1, column 1: m"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
		if !errors.Is(tc.err, tc.err.Err) {
			t.Errorf("errors.Is(%v, %v) is false", tc.err, tc.err.Err)
		}
	}
}

// TestSuggestRequestMembers: the decoder's hints name the member meant, in
// the spellings that Terraform, SDK field names and typos produce.
func TestSuggestRequestMembers(t *testing.T) {
	tests := []struct {
		key, want string
	}{
		{"CallbackUrls", "CallbackURLs"},
		{"callback_urls", "CallbackURLs"},
		{"UserPoolID", "UserPoolId"},
		{"allowed_oauth_flows_user_pool_client", "AllowedOAuthFlowsUserPoolClient"},
		{"RefreshTokenValidty", "RefreshTokenValidity"},
		{"ClientId", ""},
	}
	for _, tc := range tests {
		if got := suggest.Nearest(tc.key, createRequestType.names); got != tc.want {
			t.Errorf("suggest.Nearest(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func BenchmarkDecodeRequest(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "requests", "web-app.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("DecodeRequest", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeRequest(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	update, err := json.Marshal(fullUpdateRequest())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("DecodeUpdateRequest/every-member", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeUpdateRequest(bytes.NewReader(update)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var req CreateUserPoolClientRequest
			if err := json.Unmarshal(data, &req); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestDecodeMemberSet checks that the set of members seen in one object is
// wide enough for every object type of the model, and that a duplicate of
// each member of each type is found: it fails when a struct outgrows
// maxMembers, before duplicates could go unnoticed.
func TestDecodeMemberSet(t *testing.T) {
	if width := bits.OnesCount64(uint64(^memberSet(0))); width < maxMembers {
		t.Fatalf("memberSet holds %d members, maxMembers is %d", width, maxMembers)
	}
	for _, typ := range []reflect.Type{
		reflect.TypeFor[CreateUserPoolClientRequest](),
		reflect.TypeFor[UpdateUserPoolClientRequest](),
		reflect.TypeFor[TokenValidityUnits](),
		reflect.TypeFor[AnalyticsConfiguration](),
		reflect.TypeFor[RefreshTokenRotation](),
	} {
		if n := typ.NumField(); n > maxMembers {
			t.Errorf("%s has %d members; the decoder's memberSet holds %d: widen it", typ.Name(), n, maxMembers)
		}
	}

	// null is a valid value of every member, so a member written twice with
	// null is a duplicate and nothing else.
	type table struct {
		decode       func([]byte) error
		names, paths []string
		wrap         func(string) string // puts the object where it belongs
	}
	create := func(data []byte) error { _, err := decodeRequest(data); return err }
	update := func(data []byte) error { _, err := decodeUpdateRequest(data); return err }
	top := func(s string) string { return s }
	nested := func(name string) func(string) string {
		return func(s string) string { return `{"` + name + `": ` + s + `}` }
	}
	for _, tb := range []table{
		{create, createRequestType.names, createRequestType.paths, top},
		{update, updateRequestType.names, updateRequestType.paths, top},
		{create, tokenValidityUnitsType.names, tokenValidityUnitsType.paths, nested("TokenValidityUnits")},
		{update, analyticsConfigurationType.names, analyticsConfigurationType.paths, nested("AnalyticsConfiguration")},
		{create, refreshTokenRotationType.names, refreshTokenRotationType.paths, nested("RefreshTokenRotation")},
	} {
		for i, name := range tb.names {
			// Every member before it, then it twice.
			var b strings.Builder
			b.WriteString("{")
			for _, n := range tb.names[:i+1] {
				fmt.Fprintf(&b, "%q: null, ", n)
			}
			fmt.Fprintf(&b, "%q: null}", name)
			in := tb.wrap(b.String())
			err := tb.decode([]byte(in))
			var de *DecodeError
			if !errors.As(err, &de) || de.Err != ErrDuplicateMember || de.Field != tb.paths[i] {
				t.Errorf("%s: error %v, want a duplicate %s", in, err, tb.paths[i])
			}
		}
	}
}
