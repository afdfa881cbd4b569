package iac

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// slsService is a service whose client's callback URL comes from
// variables the service decides.
const slsService = `service: shop
provider:
  name: aws
  stage: ${opt:stage, 'prod'}
params:
  prod:
    host: https://shop.example.com
  dev:
    host: http://dev.example.com
  default:
    path: /cb
custom:
  urls:
    prod: https://shop.example.com/cb
    staging: http://staging.example.com/cb
  url: ${self:custom.urls.${sls:stage}}
resources:
  Resources:
    C:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: us-east-1_AbC123xyz
        ClientName: shop-${sls:stage}
        AllowedOAuthFlowsUserPoolClient: true
        AllowedOAuthFlows: [code]
        AllowedOAuthScopes: [openid]
        SupportedIdentityProviders: [COGNITO]
        CallbackURLs:
          - CALLBACK
`

// TestServerlessResolution resolves the variables a Serverless service
// decides, with the stage given or the service's own: the value that
// turns redirect-https on, and its neighbour that leaves it off; what the
// service does not decide stays unknown.
func TestServerlessResolution(t *testing.T) {
	tests := []struct {
		name, callback, stage string
		want                  []string
		unknown               []string
	}{
		{"self path with a nested stage, provider.stage prod", "${self:custom.url}", "", nil, nil},
		{"self path with a nested stage, stage staging", "${self:custom.url}", "staging",
			[]string{"CallbackURLs[0] redirect-https (stage staging; ${self:custom.urls.staging} at serverless.yml:15; ${self:custom.url} at serverless.yml:16)"}, nil},
		{"a stage without a URL: unknown", "${self:custom.url}", "qa", nil, []string{"CallbackURLs[0]"}},
		{"params of the stage, prod", "${param:host}${param:path}", "", nil, nil},
		{"params of the stage, dev", "${param:host}${param:path}", "dev",
			[]string{"CallbackURLs[0] redirect-https (params.dev.host at serverless.yml:9; stage dev; params.default.path at serverless.yml:11)"}, nil},
		{"a fallback is a default", "${env:URL, 'http://x.example.com/cb'}", "",
			[]string{"CallbackURLs[0] redirect-https default ${env:URL}"}, nil},
		{"a fallback, https", "${env:URL, 'https://x.example.com/cb'}", "", nil, nil},
		{"no fallback: unknown", "${env:URL}", "", nil, []string{"CallbackURLs[0]"}},
		{"opt:stage given", "http://${opt:stage}.example.com/cb", "prod",
			[]string{"CallbackURLs[0] redirect-https (stage prod)"}, nil},
		{"opt:stage not given: unknown", "http://${opt:stage}.example.com/cb", "", nil, []string{"CallbackURLs[0]"}},
		{"sls:stage by default", "http://${sls:stage}.example.com/cb", "",
			[]string{"CallbackURLs[0] redirect-https default stage prod"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"serverless.yml": strings.Replace(slsService, "CALLBACK", `"`+tt.callback+`"`, 1)})
			files, err := ReadWith(filepath.Join(dir, "serverless.yml"), &Values{Stage: tt.stage})
			if err != nil {
				t.Fatal(err)
			}
			if errs := inputErrors(files...); errs != nil {
				t.Fatalf("input errors %q", errs)
			}
			c := files[0].Clients[0]
			var got []string
			for _, fd := range Check(c) {
				if fd.Severity != "error" {
					continue
				}
				s := fd.Field + " " + fd.Rule
				if o := c.OriginsOf(fd); o != nil {
					var names []string
					for _, x := range o {
						names = append(names, strings.ReplaceAll(filepath.ToSlash(x.String()), filepath.ToSlash(dir)+"/", ""))
					}
					s += " (" + strings.Join(names, "; ") + ")"
				}
				if from := restsOn(c.Defaults, fd.Rule, fd.Field); from != nil {
					s += " default " + strings.Join(from, ", ")
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			var unknown []string
			for _, u := range c.Unknown {
				if strings.HasPrefix(u, "CallbackURLs") {
					unknown = append(unknown, u)
				}
			}
			if diff := cmp.Diff(tt.unknown, unknown); diff != "" {
				t.Errorf("unknown mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
