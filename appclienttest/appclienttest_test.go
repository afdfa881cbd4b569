package appclienttest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/appclienttest"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func ptr[T any](v T) *T { return &v }

func machine() *appclient.CreateUserPoolClientRequest {
	return &appclient.CreateUserPoolClientRequest{
		UserPoolID:                      "us-east-1_AbC123xyz",
		ClientName:                      "billing-worker",
		GenerateSecret:                  true,
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowClientCredentials},
		AllowedOAuthScopes:              []string{"orders-api/orders.read"},
		AllowedOAuthFlowsUserPoolClient: true,
	}
}

// check runs f with a recorder and compares whether it failed, and that a
// failure shows a -want +got diff.
func check(t *testing.T, name string, wantFail bool, f func(tb testing.TB)) {
	t.Helper()
	rec := &recorder{TB: t}
	f(rec)
	if failed := len(rec.errs) > 0; failed != wantFail {
		t.Errorf("%s: failed = %t (%q), want %t", name, failed, rec.errs, wantFail)
	}
	for _, e := range rec.errs {
		if !strings.Contains(e, "(-want +got)") {
			t.Errorf("%s: failure without a -want +got diff: %s", name, e)
		}
	}
}

func TestValid(t *testing.T) {
	check(t, "valid", false, func(tb testing.TB) { appclienttest.Valid(tb, machine()) })
	bad := machine()
	bad.GenerateSecret = false
	check(t, "invalid", true, func(tb testing.TB) { appclienttest.Valid(tb, bad) })
	u := &appclient.UpdateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz", ClientID: "c1"}
	check(t, "valid update", false, func(tb testing.TB) { appclienttest.Valid(tb, u) })
	check(t, "invalid update", true, func(tb testing.TB) {
		appclienttest.Valid(tb, &appclient.UpdateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz"})
	})
}

func TestHasViolations(t *testing.T) {
	bad := machine()
	bad.GenerateSecret = false
	bad.AllowedOAuthScopes = []string{"openid"}
	want := []appclienttest.Violation{
		{Field: "AllowedOAuthFlows[0]", Rule: appclient.RuleClientCredentialsNeedsSecret},
		{Field: "AllowedOAuthScopes[0]", Rule: appclient.RuleClientCredentialsReservedScope},
	}
	check(t, "exactly", false, func(tb testing.TB) { appclienttest.HasViolations(tb, bad, want...) })
	check(t, "one missing", true, func(tb testing.TB) { appclienttest.HasViolations(tb, bad, want[0]) })
	check(t, "order matters", true, func(tb testing.TB) { appclienttest.HasViolations(tb, bad, want[1], want[0]) })
	check(t, "valid has none", false, func(tb testing.TB) { appclienttest.HasViolations(tb, machine()) })
	check(t, "valid has not these", true, func(tb testing.TB) { appclienttest.HasViolations(tb, machine(), want...) })
}

func TestSameMeaning(t *testing.T) {
	a := machine()
	b := machine()
	b.AccessTokenValidity = ptr[int32](60)
	b.TokenValidityUnits = &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitMinutes}
	b.ExplicitAuthFlows = []appclient.ExplicitAuthFlow{}
	check(t, "same", false, func(tb testing.TB) { appclienttest.SameMeaning(tb, *a, *b) })
	b.AllowedOAuthScopes = append(b.AllowedOAuthScopes, "orders-api/orders.write")
	check(t, "differ", true, func(tb testing.TB) { appclienttest.SameMeaning(tb, *a, *b) })
}

// TestMeaningInStructures: the option reaches requests behind pointers and
// in slices and maps, and compares updates.
func TestMeaningInStructures(t *testing.T) {
	a, b := machine(), machine()
	b.EnableTokenRevocation = ptr(true)
	if !cmp.Equal([]*appclient.CreateUserPoolClientRequest{a}, []*appclient.CreateUserPoolClientRequest{b}, appclienttest.Meaning()) {
		t.Error("pointers in slices: not equal by meaning")
	}
	if !cmp.Equal(map[string]appclient.CreateUserPoolClientRequest{"x": *a}, map[string]appclient.CreateUserPoolClientRequest{"x": *b}, appclienttest.Meaning()) {
		t.Error("map values: not equal by meaning")
	}
	if cmp.Equal(*a, *b) {
		t.Error("without the option the requests compare equal: the test proves nothing")
	}
	u1 := appclient.UpdateUserPoolClientRequest{UserPoolID: "p_1", ClientID: "c", CallbackURLs: []string{"https://a.example/", "https://b.example/"}}
	u2 := appclient.UpdateUserPoolClientRequest{UserPoolID: "p_1", ClientID: "c", CallbackURLs: []string{"https://b.example/", "https://a.example/"}}
	if !cmp.Equal(u1, u2, appclienttest.Meaning()) {
		t.Error("updates that differ in list order only: not equal by meaning")
	}
	u2.ClientID = "d"
	if cmp.Equal(u1, u2, appclienttest.Meaning()) {
		t.Error("updates of other clients: equal by meaning")
	}
}

// FuzzMeaningMatchesDiff: the option and Diff agree on every pair.
func FuzzMeaningMatchesDiff(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "requests", "*.json"))
	var seeds [][]byte
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	seeds = append(seeds, []byte(`{"AccessTokenValidity":60,"TokenValidityUnits":{"AccessToken":"minutes"},"ReadAttributes":[]}`), []byte(`{}`))
	for i := range seeds {
		f.Add(seeds[i], seeds[(i+1)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, da, db []byte) {
		var a, b appclient.CreateUserPoolClientRequest
		if json.NewDecoder(bytes.NewReader(da)).Decode(&a) != nil || json.NewDecoder(bytes.NewReader(db)).Decode(&b) != nil {
			return
		}
		changes := appclient.Diff(a, b)
		if equal := cmp.Equal(a, b, appclienttest.Meaning()); equal != (len(changes) == 0) {
			t.Fatalf("cmp.Equal with Meaning = %t, Diff = %+v", equal, changes)
		}
	})
}
