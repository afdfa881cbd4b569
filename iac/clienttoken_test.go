package iac

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
)

// TestClientTokenExample reads AWS's own template of a GetClientToken
// client (testdata/clienttoken, its source in SOURCE): it draws no error,
// and its nearest neighbours draw the error Cognito gives them: another
// flow beside ALLOW_CLIENT_TOKEN_AUTH (client-token-auth-alone), no secret
// (client-token-auth-needs-secret, with client-credentials-needs-secret for
// its client_credentials flow), and a misspelt flow (enum).
func TestClientTokenExample(t *testing.T) {
	const name = "testdata/clienttoken/cfn_template.yaml"
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	const flows = "      ExplicitAuthFlows:\n        - ALLOW_CLIENT_TOKEN_AUTH\n"
	tests := []struct {
		name string
		src  string
		want []violation
	}{
		{"as published", src, nil},
		{"another flow", edit(t, src, flows, flows+"        - ALLOW_REFRESH_TOKEN_AUTH\n"),
			[]violation{{"M2MAppClient", "ExplicitAuthFlows", appclient.RuleClientTokenAuthAlone, 43, false}}},
		{"GenerateSecret removed", edit(t, src, "      GenerateSecret: true\n", ""),
			[]violation{
				{"M2MAppClient", "AllowedOAuthFlows[0]", appclient.RuleClientCredentialsNeedsSecret, 46, false},
				{"M2MAppClient", "ExplicitAuthFlows[0]", appclient.RuleClientTokenAuthNeedsSecret, 43, false},
			}},
		{"misspelt flow", edit(t, src, "- ALLOW_CLIENT_TOKEN_AUTH", "- ALLOW_CLIENT_TOKN_AUTH"),
			[]violation{{"M2MAppClient", "ExplicitAuthFlows[0]", appclient.RuleEnum, 44, false}}},
		{"flow in lower case", edit(t, src, "- ALLOW_CLIENT_TOKEN_AUTH", "- allow_client_token_auth"),
			[]violation{{"M2MAppClient", "ExplicitAuthFlows[0]", appclient.RuleEnum, 44, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes(name, []byte(tt.src))
			if errs := inputErrors(f); errs != nil {
				t.Fatalf("input errors: %q", errs)
			}
			if len(f.Clients) != 1 {
				t.Fatalf("%d clients, want 1", len(f.Clients))
			}
			var got []violation
			for _, fd := range append(Check(f.Clients[0]), CheckPool(f.Clients[0], f.PoolResources())...) {
				if fd.Severity == appclient.SeverityError {
					got = append(got, violation{fd.Resource, fd.Field, fd.Rule, fd.Pos.Line, strings.Contains(fd.Message, "with the default of")})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
