package appclient

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestMessages checks the words of the messages that say what is wrong with a
// value's structure, since those words are the feature: each case names a
// member value and fragments its message must hold.
func TestMessages(t *testing.T) {
	const poolARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123xyz"
	tests := []struct {
		name   string
		mutate func(r *CreateUserPoolClientRequest)
		field  string
		rule   string
		want   []string
	}{
		{"pool ID without _", func(r *CreateUserPoolClientRequest) { r.UserPoolID = "useast1AbC123" },
			"UserPoolId", RulePattern, []string{`"useast1AbC123" lacks the "_" between the region prefix and the ID`}},
		{"pool ID ending in _", func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_" },
			"UserPoolId", RulePattern, []string{`"us-east-1_" has nothing after the last "_"`}},
		{"pool ID starting with _", func(r *CreateUserPoolClientRequest) { r.UserPoolID = "_AbC" },
			"UserPoolId", RulePattern, []string{`has nothing before the "_"`}},
		{"pool ID with a bad character", func(r *CreateUserPoolClientRequest) { r.UserPoolID = "us-east-1_Ab!" },
			"UserPoolId", RulePattern, []string{`contains '!'`}},
		{"pool ARN, too long", func(r *CreateUserPoolClientRequest) { r.UserPoolID = poolARN },
			"UserPoolId", RuleLength, []string{`this is the user pool's ARN; use its ID "us-east-1_AbC123xyz"`}},
		{"pool ARN, short", func(r *CreateUserPoolClientRequest) { r.UserPoolID = "arn:aws:cognito-idp:x:1:userpool/a_b" },
			"UserPoolId", RulePattern, []string{`is the user pool's ARN; use its ID "a_b"`}},
		{"ARN without region and account", func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:mobiletargeting:apps/0123abcd")}
		}, "AnalyticsConfiguration.ApplicationArn", RulePattern, []string{"has 3 of the 5 parts", "lacks its region or account"}},
		{"ARN with a region but no account", func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:apps/0123abcd")}
		}, "AnalyticsConfiguration.ApplicationArn", RulePattern, []string{"lacks its region or account"}},
		{"ARN with a letter in the account", func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("arn:aws:mobiletargeting:us-east-1:12345678901a:apps/x")}
		}, "AnalyticsConfiguration.ApplicationArn", RulePattern, []string{`the account "12345678901a", which is not digits only`}},
		{"not an ARN", func(r *CreateUserPoolClientRequest) {
			r.AnalyticsConfiguration = &AnalyticsConfiguration{ApplicationARN: ptr("mobiletargeting:us-east-1:1:apps/x")}
		}, "AnalyticsConfiguration.ApplicationArn", RulePattern, []string{`does not start with "arn:"`}},
		{"ClientName with a letter outside ASCII", func(r *CreateUserPoolClientRequest) { r.ClientName = "café" },
			"ClientName", RulePattern, []string{`contains 'é', which is not allowed (allowed: ASCII letters, digits`}},
		{"legacy mix names the entries and their replacements", func(r *CreateUserPoolClientRequest) {
			r.ExplicitAuthFlows = []ExplicitAuthFlow{ExplicitAuthFlowAllowRefreshTokenAuth, ExplicitAuthFlowAdminNoSRPAuth, ExplicitAuthFlowCustomAuthFlowOnly}
		}, "ExplicitAuthFlows", RuleExplicitFlowsNoLegacyMix, []string{
			"ADMIN_NO_SRP_AUTH (ExplicitAuthFlows[1]) with ALLOW_ADMIN_USER_PASSWORD_AUTH",
			"CUSTOM_AUTH_FLOW_ONLY (ExplicitAuthFlows[2]) with ALLOW_CUSTOM_AUTH",
		}},
		{"scope in the wrong case", func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{"OpenID"} },
			"AllowedOAuthScopes[0]", RuleScopeNotFound, []string{`did you mean "openid"?`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := quietWebApp()
			tc.mutate(r)
			fe := findError(t, r.Validate(), tc.field, tc.rule)
			for _, w := range tc.want {
				if !strings.Contains(fe.Message, w) {
					t.Errorf("message %q lacks %q", fe.Message, w)
				}
			}
		})
	}
}

// findError returns the violation of rule on field in err, failing the test
// if there is none.
func findError(t *testing.T, err error, field, rule string) *FieldError {
	t.Helper()
	var ve *ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			if fe.Field == field && fe.Rule == rule {
				return fe
			}
		}
	}
	t.Fatalf("Validate() = %v, want a %s violation on %s", err, rule, field)
	return nil
}

// TestLongValuesQuotedShort: a message quotes at most 80 characters of a
// value, with an ellipsis, and Value keeps the whole value.
func TestLongValuesQuotedShort(t *testing.T) {
	long := strings.Repeat("é", 100000)
	tests := []struct {
		name   string
		mutate func(r *CreateUserPoolClientRequest)
		field  string
		rule   string
	}{
		{"ClientName length", func(r *CreateUserPoolClientRequest) { r.ClientName = long }, "ClientName", RuleLength},
		{"ClientName pattern", func(r *CreateUserPoolClientRequest) { r.ClientName = long[:200] }, "ClientName", RulePattern},
		{"callback length", func(r *CreateUserPoolClientRequest) { r.CallbackURLs = []string{long} }, "CallbackURLs[0]", RuleLength},
		{"callback http", func(r *CreateUserPoolClientRequest) {
			r.CallbackURLs = []string{"http://example.com/" + strings.Repeat("a", 900)}
		}, "CallbackURLs[0]", RuleRedirectHTTPS},
		{"scope", func(r *CreateUserPoolClientRequest) { r.AllowedOAuthScopes = []string{strings.Repeat("s", 200)} }, "AllowedOAuthScopes[0]", RuleScopeNotFound},
		{"enum", func(r *CreateUserPoolClientRequest) { r.PreventUserExistenceErrors = UserExistenceErrors(long) }, "PreventUserExistenceErrors", RuleEnum},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := quietWebApp()
			tc.mutate(r)
			fe := findError(t, r.Validate(), tc.field, tc.rule)
			if len([]rune(fe.Message)) > 250 || !strings.Contains(fe.Message, `"…`) {
				t.Errorf("message has %d characters: %.300s", len([]rune(fe.Message)), fe.Message)
			}
			if s := fmt.Sprint(fe.Value); len(s) < 200 {
				t.Errorf("Value = %.100q..., want the whole value", fe.Value)
			}
		})
	}
	if got := quote(strings.Repeat("a", 80)); got != `"`+strings.Repeat("a", 80)+`"` {
		t.Errorf("quote of 80 characters = %s, want it whole", got)
	}
	if got := quote(strings.Repeat("é", 81)); got != `"`+strings.Repeat("é", 80)+`"…` {
		t.Errorf("quote of 81 characters = %s", got)
	}
}

// TestRequiredValueIsNil: a required member that is absent or empty has no
// value, as FieldError.Value's doc says.
func TestRequiredValueIsNil(t *testing.T) {
	r := quietWebApp()
	r.ClientName = ""
	r.RefreshTokenRotation = &RefreshTokenRotation{}
	for _, field := range []string{"ClientName", "RefreshTokenRotation.Feature"} {
		if fe := findError(t, r.Validate(), field, RuleRequired); fe.Value != nil {
			t.Errorf("%s: Value = %#v, want nil", field, fe.Value)
		}
	}
}

// TestTimeUnitError: an unknown unit has its own sentinel and message.
func TestTimeUnitError(t *testing.T) {
	_, err := Duration(1, "weeks")
	if !errors.Is(err, ErrTimeUnit) || errors.Is(err, ErrTokenValidity) {
		t.Errorf("Duration(1, weeks) = %v: want ErrTimeUnit, not ErrTokenValidity", err)
	}
	if got, want := err.Error(), `unknown time unit "weeks" (want seconds, minutes, hours, days)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
