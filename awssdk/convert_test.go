package awssdk_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// The three variants a generated member takes.
const (
	absent  = iota // nil, "" or false
	zeroish        // present but empty: a pointer to "" or 0 or false, [], {}
	set            // present with a value
)

// gen generates requests. choose picks the variant of each member in turn.
type gen struct {
	rng    *rand.Rand
	choose func() int
}

func randomGen(seed uint64) *gen {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &gen{rng: rng, choose: func() int { return rng.IntN(3) }}
}

func fixedGen(seed uint64, variant int) *gen {
	return &gen{rng: rand.New(rand.NewPCG(seed, 1)), choose: func() int { return variant }}
}

var sampleStrings = []string{
	"a", "us-east-1_AbC123xyz", "orders-web", "https://app.example.com/cb",
	"http://localhost:3000/cb", "myapp://callback", "openid", "orders-api/orders.read",
	"custom:tenant", " spaced out ", "héllo wörld", "日本語", "<&>\"\\'", "line\nbreak\ttab",
	"\u2028\u2029", "emoji 🙂", "arn:aws:iam::123456789012:role/x", "0123456789abcdef",
}

func (g *gen) str() string {
	if g.rng.IntN(4) == 0 {
		b := make([]rune, 1+g.rng.IntN(40))
		for i := range b {
			b[i] = rune(0x20 + g.rng.IntN(0x7fe0))
			if b[i] >= 0xd800 && b[i] <= 0xdfff { // surrogates are not valid UTF-8
				b[i] = 'x'
			}
		}
		return string(b)
	}
	return sampleStrings[g.rng.IntN(len(sampleStrings))]
}

func (g *gen) plainStr() string {
	if g.choose() == set {
		return g.str()
	}
	return ""
}

func (g *gen) optStr() *string {
	switch g.choose() {
	case absent:
		return nil
	case zeroish:
		return ptr("")
	}
	return ptr(g.str())
}

// num returns a non-zero number, often a boundary.
func (g *gen) num() int32 {
	edge := []int32{1, -1, 3, 15, 60, 86400, 315360000, math.MaxInt32, math.MinInt32}
	if g.rng.IntN(2) == 0 {
		return edge[g.rng.IntN(len(edge))]
	}
	for {
		if n := int32(g.rng.Uint32()); n != 0 {
			return n
		}
	}
}

func (g *gen) optNum() *int32 {
	switch g.choose() {
	case absent:
		return nil
	case zeroish:
		return ptr[int32](0)
	}
	return ptr(g.num())
}

func (g *gen) plainBool() bool { return g.choose() == set }

func (g *gen) optBool() *bool {
	switch g.choose() {
	case absent:
		return nil
	case zeroish:
		return ptr(false)
	}
	return ptr(true)
}

func (g *gen) list() []string {
	switch g.choose() {
	case absent:
		return nil
	case zeroish:
		return []string{}
	}
	s := make([]string, 1+g.rng.IntN(4))
	for i := range s {
		s[i] = g.str()
	}
	return s
}

// enum returns "" or one of values, or now and then a value outside them.
func genEnum[T ~string](g *gen, values []T) T {
	if g.choose() != set {
		return ""
	}
	if g.rng.IntN(8) == 0 {
		return T(g.str())
	}
	return values[g.rng.IntN(len(values))]
}

func genEnumList[T ~string](g *gen, values []T) []T {
	switch g.choose() {
	case absent:
		return nil
	case zeroish:
		return []T{}
	}
	s := make([]T, 1+g.rng.IntN(4))
	for i := range s {
		s[i] = values[g.rng.IntN(len(values))]
		if g.rng.IntN(8) == 0 {
			s[i] = T(g.str())
		}
	}
	return s
}

func (g *gen) request() appclient.CreateUserPoolClientRequest {
	r := appclient.CreateUserPoolClientRequest{
		UserPoolID:           g.plainStr(),
		ClientName:           g.plainStr(),
		GenerateSecret:       g.plainBool(),
		ClientSecret:         g.optStr(),
		RefreshTokenValidity: g.optNum(),
		AccessTokenValidity:  g.optNum(),
		IDTokenValidity:      g.optNum(),
	}
	switch g.choose() {
	case zeroish:
		r.TokenValidityUnits = &appclient.TokenValidityUnits{}
	case set:
		units := appclient.TimeUnit("").Values()
		r.TokenValidityUnits = &appclient.TokenValidityUnits{
			AccessToken:  genEnum(g, units),
			IDToken:      genEnum(g, units),
			RefreshToken: genEnum(g, units),
		}
	}
	r.ReadAttributes = g.list()
	r.WriteAttributes = g.list()
	r.ExplicitAuthFlows = genEnumList(g, appclient.ExplicitAuthFlow("").Values())
	r.SupportedIdentityProviders = g.list()
	r.CallbackURLs = g.list()
	r.LogoutURLs = g.list()
	r.DefaultRedirectURI = g.optStr()
	r.AllowedOAuthFlows = genEnumList(g, appclient.OAuthFlow("").Values())
	r.AllowedOAuthScopes = g.list()
	r.AllowedOAuthFlowsUserPoolClient = g.plainBool()
	switch g.choose() {
	case zeroish:
		r.AnalyticsConfiguration = &appclient.AnalyticsConfiguration{}
	case set:
		r.AnalyticsConfiguration = &appclient.AnalyticsConfiguration{
			ApplicationID:  g.optStr(),
			ApplicationARN: g.optStr(),
			RoleARN:        g.optStr(),
			ExternalID:     g.optStr(),
			UserDataShared: g.plainBool(),
		}
	}
	r.PreventUserExistenceErrors = genEnum(g, appclient.UserExistenceErrors("").Values())
	r.EnableTokenRevocation = g.optBool()
	r.EnablePropagateAdditionalUserContextData = g.optBool()
	r.AuthSessionValidity = g.optNum()
	switch g.choose() {
	case zeroish:
		r.RefreshTokenRotation = &appclient.RefreshTokenRotation{}
	case set:
		r.RefreshTokenRotation = &appclient.RefreshTokenRotation{
			Feature:                 genEnum(g, appclient.RotationFeature("").Values()),
			RetryGracePeriodSeconds: g.optNum(),
		}
	}
	return r
}

// generatedRequests returns requests with every member absent, every member
// empty, every member set, and n random mixes.
func generatedRequests(n int) map[string]appclient.CreateUserPoolClientRequest {
	reqs := map[string]appclient.CreateUserPoolClientRequest{
		"all-absent": fixedGen(1, absent).request(),
		"all-empty":  fixedGen(2, zeroish).request(),
		"all-set":    fixedGen(3, set).request(),
	}
	for i := range n {
		reqs["random-"+strconv.Itoa(i)] = randomGen(uint64(i)).request()
	}
	return reqs
}

// roundTripWant is what FromCreateInput(ToCreateInput(r)) must give: r itself,
// except for the one loss the SDK forces. The SDK's RefreshTokenValidity is a
// plain int32 whose 0 means absent, so a request with RefreshTokenValidity
// pointing to 0 comes back with it nil. Nothing else may differ.
func roundTripWant(r appclient.CreateUserPoolClientRequest) appclient.CreateUserPoolClientRequest {
	want := deepCopy(r)
	if want.RefreshTokenValidity != nil && *want.RefreshTokenValidity == 0 {
		want.RefreshTokenValidity = nil
	}
	return want
}

// deepCopy copies r through its JSON encoding, which keeps every member,
// nil and empty lists apart, and shares no memory with r.
func deepCopy(r appclient.CreateUserPoolClientRequest) appclient.CreateUserPoolClientRequest {
	b, err := json.Marshal(r)
	if err != nil {
		panic(err) // a request always marshals; the tests generate valid UTF-8
	}
	var c appclient.CreateUserPoolClientRequest
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return c
}

// scribble overwrites every string, number and boolean reachable from p
// through pointers, slices and structs, in place. Anything that aliases that
// memory changes with it.
func scribble(p any) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Field(i).CanSet() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.String:
			v.SetString(v.String() + "~scribbled")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Int32:
			v.SetInt(v.Int() ^ 0x5a5a)
		}
	}
	walk(reflect.ValueOf(p))
}

// checkConversion checks the round-trip property and that neither direction
// shares memory with its argument.
func checkConversion(t *testing.T, r appclient.CreateUserPoolClientRequest) {
	t.Helper()
	orig := deepCopy(r)
	want := roundTripWant(r)

	in := awssdk.ToCreateInput(&r)
	got := awssdk.FromCreateInput(in)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("FromCreateInput(ToCreateInput(r)) mismatch (-want +got):\n%s", diff)
	}

	// FromCreateInput's result must not change with the input.
	scribble(in)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("FromCreateInput result changed with its input (-want +got):\n%s", diff)
	}
	// ToCreateInput's result must not change the request.
	if diff := cmp.Diff(orig, r); diff != "" {
		t.Fatalf("request changed with ToCreateInput's result (-want +got):\n%s", diff)
	}
	// Nor may the request change ToCreateInput's result.
	in = awssdk.ToCreateInput(&r)
	scribble(&r)
	if diff := cmp.Diff(want, awssdk.FromCreateInput(in)); diff != "" {
		t.Fatalf("ToCreateInput result changed with the request (-want +got):\n%s", diff)
	}
}

func TestConversionRoundTrip(t *testing.T) {
	for name, r := range generatedRequests(500) {
		t.Run(name, func(t *testing.T) { checkConversion(t, r) })
	}
}

// TestConversionRefreshTokenValidityZero pins the one known loss: an explicit
// RefreshTokenValidity of 0 cannot be sent by the SDK.
func TestConversionRefreshTokenValidityZero(t *testing.T) {
	r := appclient.CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "c", RefreshTokenValidity: ptr[int32](0)}
	in := awssdk.ToCreateInput(&r)
	if in.RefreshTokenValidity != 0 {
		t.Errorf("ToCreateInput: RefreshTokenValidity = %d, want 0 (absent)", in.RefreshTokenValidity)
	}
	got := awssdk.FromCreateInput(in)
	if got.RefreshTokenValidity != nil {
		t.Errorf("FromCreateInput: RefreshTokenValidity = %d, want nil", *got.RefreshTokenValidity)
	}
}

// TestGeneratorCoversEveryMember makes sure the all-set request sets every
// member, nested ones included, and that ToCreateInput fills every member of
// the SDK input from it: a member the generator or the conversion forgot, or
// one a new SDK version adds, fails here.
func TestGeneratorCoversEveryMember(t *testing.T) {
	r := fixedGen(3, set).request()
	if got := zeroFields(reflect.ValueOf(r), ""); len(got) != 0 {
		t.Errorf("all-set request leaves members unset: %v", got)
	}
	if got := zeroFields(reflect.ValueOf(*awssdk.ToCreateInput(&r)), ""); len(got) != 0 {
		t.Errorf("ToCreateInput leaves SDK members unset: %v", got)
	}
	const members = 24
	if n := reflect.TypeFor[appclient.CreateUserPoolClientRequest]().NumField(); n != members {
		t.Errorf("appclient request has %d members, want %d", n, members)
	}
	if n := exportedFields(reflect.TypeFor[cip.CreateUserPoolClientInput]()); n != members {
		t.Errorf("SDK input has %d members, want %d: a new member needs converting", n, members)
	}
}

func exportedFields(t reflect.Type) int {
	n := 0
	for f := range t.Fields() {
		if f.IsExported() {
			n++
		}
	}
	return n
}

// zeroFields lists the exported fields of the struct v that hold their zero
// value, descending into pointers to structs.
func zeroFields(v reflect.Value, prefix string) []string {
	var zero []string
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		fv := v.Field(i)
		if fv.IsZero() {
			zero = append(zero, prefix+f.Name)
			continue
		}
		if fv.Kind() == reflect.Pointer && fv.Elem().Kind() == reflect.Struct {
			zero = append(zero, zeroFields(fv.Elem(), prefix+f.Name+".")...)
		}
	}
	return zero
}

func TestConversionNil(t *testing.T) {
	if in := awssdk.ToCreateInput(nil); in != nil {
		t.Errorf("ToCreateInput(nil) = %+v, want nil", in)
	}
	if diff := cmp.Diff(appclient.CreateUserPoolClientRequest{}, awssdk.FromCreateInput(nil)); diff != "" {
		t.Errorf("FromCreateInput(nil) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(appclient.CreateUserPoolClientRequest{}, awssdk.FromUserPoolClient(nil)); diff != "" {
		t.Errorf("FromUserPoolClient(nil) mismatch (-want +got):\n%s", diff)
	}
}

// TestConversionRequiredStrings checks the one difference of representation
// in the required members: "" in appclient is nil in the SDK.
func TestConversionRequiredStrings(t *testing.T) {
	in := awssdk.ToCreateInput(&appclient.CreateUserPoolClientRequest{})
	if in.UserPoolId != nil || in.ClientName != nil {
		t.Errorf("ToCreateInput(empty request): UserPoolId = %v, ClientName = %v, want nil, nil", in.UserPoolId, in.ClientName)
	}
	got := awssdk.FromCreateInput(&cip.CreateUserPoolClientInput{UserPoolId: ptr(""), ClientName: ptr("")})
	if diff := cmp.Diff(appclient.CreateUserPoolClientRequest{}, got); diff != "" {
		t.Errorf("FromCreateInput(empty strings) mismatch (-want +got):\n%s", diff)
	}
}

// describe builds the app client that Cognito would describe for in, with
// secret as its secret. It maps the SDK members one by one, independently of
// the code under test.
func describe(in *cip.CreateUserPoolClientInput, secret *string) *types.UserPoolClientType {
	return &types.UserPoolClientType{
		AccessTokenValidity:                      in.AccessTokenValidity,
		AllowedOAuthFlows:                        in.AllowedOAuthFlows,
		AllowedOAuthFlowsUserPoolClient:          ptr(in.AllowedOAuthFlowsUserPoolClient),
		AllowedOAuthScopes:                       in.AllowedOAuthScopes,
		AnalyticsConfiguration:                   in.AnalyticsConfiguration,
		AuthSessionValidity:                      in.AuthSessionValidity,
		CallbackURLs:                             in.CallbackURLs,
		ClientId:                                 ptr("1example23456789"),
		ClientName:                               in.ClientName,
		ClientSecret:                             secret,
		DefaultRedirectURI:                       in.DefaultRedirectURI,
		EnablePropagateAdditionalUserContextData: in.EnablePropagateAdditionalUserContextData,
		EnableTokenRevocation:                    in.EnableTokenRevocation,
		ExplicitAuthFlows:                        in.ExplicitAuthFlows,
		IdTokenValidity:                          in.IdTokenValidity,
		LogoutURLs:                               in.LogoutURLs,
		PreventUserExistenceErrors:               in.PreventUserExistenceErrors,
		ReadAttributes:                           in.ReadAttributes,
		RefreshTokenRotation:                     in.RefreshTokenRotation,
		RefreshTokenValidity:                     in.RefreshTokenValidity,
		SupportedIdentityProviders:               in.SupportedIdentityProviders,
		TokenValidityUnits:                       in.TokenValidityUnits,
		UserPoolId:                               in.UserPoolId,
		WriteAttributes:                          in.WriteAttributes,
	}
}

// TestFromUserPoolClient checks that a described client comes back as the
// request that created it, with the secret reported only as GenerateSecret.
func TestFromUserPoolClient(t *testing.T) {
	for name, r := range generatedRequests(200) {
		t.Run(name, func(t *testing.T) {
			var secret *string
			if r.GenerateSecret || r.ClientSecret != nil {
				secret = ptr("s3cr3tS3cr3tS3cr3tS3cr3tS3cr3t")
			}
			c := describe(awssdk.ToCreateInput(&r), secret)
			want := roundTripWant(r)
			want.GenerateSecret = secret != nil
			want.ClientSecret = nil

			got := awssdk.FromUserPoolClient(c)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("FromUserPoolClient mismatch (-want +got):\n%s", diff)
			}
			scribble(c)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("FromUserPoolClient result changed with its argument (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFromUserPoolClientSecret(t *testing.T) {
	tests := []struct {
		name   string
		client types.UserPoolClientType
		want   appclient.CreateUserPoolClientRequest
	}{{
		name:   "no secret",
		client: types.UserPoolClientType{UserPoolId: ptr("us-east-1_AbC123xyz"), ClientName: ptr("spa")},
		want:   appclient.CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "spa"},
	}, {
		name:   "secret",
		client: types.UserPoolClientType{UserPoolId: ptr("us-east-1_AbC123xyz"), ClientName: ptr("web"), ClientSecret: ptr("abcdefghijklmnopqrstuvwxyz0123456789")},
		want:   appclient.CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientName: "web", GenerateSecret: true},
	}, {
		name:   "refresh token validity 0 and OAuth flag nil",
		client: types.UserPoolClientType{ClientName: ptr("x"), RefreshTokenValidity: 0},
		want:   appclient.CreateUserPoolClientRequest{ClientName: "x"},
	}, {
		name:   "OAuth flag false",
		client: types.UserPoolClientType{ClientName: ptr("x"), AllowedOAuthFlowsUserPoolClient: ptr(false), RefreshTokenValidity: 30},
		want:   appclient.CreateUserPoolClientRequest{ClientName: "x", RefreshTokenValidity: ptr[int32](30)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, awssdk.FromUserPoolClient(&tt.client)); diff != "" {
				t.Errorf("FromUserPoolClient mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzConversion checks the round-trip property and the absence of shared
// memory on requests decoded from arbitrary JSON.
func FuzzConversion(f *testing.F) {
	for _, r := range generatedRequests(20) {
		b, err := json.Marshal(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "requests", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r appclient.CreateUserPoolClientRequest
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		checkConversion(t, r)
	})
}
