package appclient

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checked is what the tests compare of a Finding: never its text.
type checked struct {
	Field, Rule string
	Severity    Severity
	Exception   string
}

func checkedOf(fs []*Finding) []checked {
	var out []checked
	for _, f := range fs {
		out = append(out, checked{f.Field, f.Rule, f.Severity, f.Exception})
	}
	return out
}

// TestCheck: Check returns what Validate (ValidateInPool with a pool) and
// Lint (and LintInPool) return, violations first, and decides a rule only
// when what it needs is known.
func TestCheck(t *testing.T) {
	bad := pooledWebApp()
	bad.AllowedOAuthScopes = append(bad.AllowedOAuthScopes, "https://api.example.com/orders.delete")
	bad.CallbackURLs = append(bad.CallbackURLs, "http://app.example.com/cb")
	bad.ReadAttributes = []string{"tenant"}
	noSecret, secret := false, true
	tests := []struct {
		name string
		got  []*Finding
		want []checked
	}{
		{"without the pool", bad.Check(Known{}), []checked{
			{"CallbackURLs[2]", RuleRedirectHTTPS, SeverityError, ExceptionInvalidParameter},
			{"CallbackURLs[1]", RuleLoopbackRedirect, SeverityWarning, ""},
		}},
		{"with the pool", bad.Check(Known{Pool: ordersPool()}), []checked{
			{"CallbackURLs[2]", RuleRedirectHTTPS, SeverityError, ExceptionInvalidParameter},
			{"AllowedOAuthScopes[3]", RuleCustomScopeExists, SeverityError, ExceptionScopeDoesNotExist},
			{"CallbackURLs[1]", RuleLoopbackRedirect, SeverityWarning, ""},
			{"ReadAttributes[0]", RuleAttributeExists, SeverityWarning, ""},
		}},
		{"quiet", quietWebApp().Check(Known{}), nil},
		{"update, secret unknown", machineUpdate().Check(Known{}), []checked{
			{"PreventUserExistenceErrors", RuleUserExistenceErrors, SeverityWarning, ""},
			{"ExplicitAuthFlows", RuleMachineClientUserFlows, SeverityWarning, ""},
		}},
		{"update of a client without a secret", machineUpdate().Check(Known{Secret: &noSecret}), []checked{
			{"AllowedOAuthFlows[0]", RuleClientCredentialsNeedsSecret, SeverityError, ExceptionInvalidOAuthFlow},
			{"PreventUserExistenceErrors", RuleUserExistenceErrors, SeverityWarning, ""},
			{"ExplicitAuthFlows", RuleMachineClientUserFlows, SeverityWarning, ""},
		}},
		{"update of a client with a secret", machineUpdate().Check(Known{Secret: &secret}), []checked{
			{"PreventUserExistenceErrors", RuleUserExistenceErrors, SeverityWarning, ""},
			{"ExplicitAuthFlows", RuleMachineClientUserFlows, SeverityWarning, ""},
		}},
		{"nil request", (*CreateUserPoolClientRequest)(nil).Check(Known{}), []checked{{"", RuleRequired, SeverityError, ExceptionInvalidParameter}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, checkedOf(tc.got)); diff != "" {
				t.Errorf("Check mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckAgreesWithItsParts: on every request of the validation and lint
// cases, Check's violations are Validate's, with the same sentinels, and its
// advisories are Lint's.
func TestCheckAgreesWithItsParts(t *testing.T) {
	var reqs []*CreateUserPoolClientRequest
	for _, tc := range lintCases {
		r := quietWebApp()
		if tc.base != nil {
			r = tc.base()
		}
		tc.mutate(r)
		reqs = append(reqs, r)
	}
	for _, r := range reqs {
		var want []checked
		var verr *ValidationError
		if errors.As(r.Validate(), &verr) {
			for _, fe := range verr.Errors {
				want = append(want, checked{fe.Field, fe.Rule, SeverityError, fe.Exception})
			}
		}
		for _, a := range r.Lint() {
			want = append(want, checked{a.Field, a.Rule, SeverityWarning, ""})
		}
		got := r.Check(Known{})
		if diff := cmp.Diff(want, checkedOf(got)); diff != "" {
			t.Errorf("Check mismatch with Validate and Lint (-want +got):\n%s", diff)
		}
		for _, f := range got {
			if (f.Severity == SeverityError) != (f.Err != nil) {
				t.Errorf("%s %s: Err %v with severity %s", f.Field, f.Rule, f.Err, f.Severity)
			}
		}
	}
}
