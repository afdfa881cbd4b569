package iac

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFileFindings: File.Findings is Check and CheckPool for every client,
// without the rules a client silences, in line order.
func TestFileFindings(t *testing.T) {
	const template = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolTier: LITE
  Quiet:
    Type: AWS::Cognito::UserPoolClient
    Metadata:
      appclient:
        config:
          ignore_checks: [redirect-https, user-existence-errors]
    Properties:
      UserPoolId: !Ref Pool
      CallbackURLs: [http://quiet.example.com/cb]
  Loud:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      PreventUserExistenceErrors: ENABLED
      CallbackURLs: [http://loud.example.com/cb]
      ExplicitAuthFlows: [ALLOW_USER_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
`
	f := ReadBytes("t.yaml", []byte(template))
	if len(f.Errors) > 0 {
		t.Fatalf("input errors: %v", f.Errors)
	}
	var got []string
	for _, fd := range f.Findings() {
		got = append(got, fmt.Sprintf("%d %s %s %s %s", fd.Pos.Line, fd.Resource, fd.Severity, fd.Field, fd.Rule))
	}
	want := []string{
		"6 Quiet warning AllowedOAuthFlowsUserPoolClient oauth-settings-ignored",
		"15 Loud warning AllowedOAuthFlowsUserPoolClient oauth-settings-ignored",
		"20 Loud error CallbackURLs[0] redirect-https",
		"21 Loud error ExplicitAuthFlows[0] feature-plan",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Findings() mismatch (-want +got):\n%s", diff)
	}
}
