package iac_test

import (
	"fmt"

	"github.com/cognitokit/appclient"

	"github.com/cognitokit/appclient/iac"
)

// A Terraform file read from memory: the variable's default is used, the
// pool's id is unknown until apply, and the violation says that it rests on
// a default. Check reports advisories too, as warnings.
func Example() {
	src := []byte(`
variable "domain" {
  default = "shop.example.com"
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.main.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["http://${var.domain}/callback"]
}
`)
	f := iac.ReadBytes("auth.tf", src)
	for _, c := range f.Clients {
		fmt.Println(c.Resource, "unknown:", c.Unknown)
		for _, fd := range iac.Check(c) {
			fmt.Printf("%s:%d: %s: %s: %s\n", fd.File, fd.Pos.Line, fd.Severity, fd.Field, fd.Message)
		}
	}
	// Output:
	// aws_cognito_user_pool_client.web unknown: [UserPoolId]
	// auth.tf:12: error: CallbackURLs[0]: "http://shop.example.com/callback" cannot use http (only localhost, 127.0.0.1 and [::1] may) (with the default of var.domain, which a deployment can override)
	// auth.tf:6: warning: PreventUserExistenceErrors: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED
}

// Reading a directory: every template, Serverless service, plan, state and
// Terraform module under it, in path order.
func ExampleWalk() {
	err := iac.Walk("testdata/serverless", func(f *iac.File) error {
		for _, c := range f.Clients {
			errs, warnings := 0, 0
			for _, fd := range iac.Check(c) {
				if fd.Severity == appclient.SeverityError {
					errs++
				} else {
					warnings++
				}
			}
			fmt.Println(f.Kind, c.File, c.Resource, errs, "error(s),", warnings, "warning(s)")
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// serverless testdata/serverless/serverless.yml WebClient 1 error(s), 1 warning(s)
	// serverless testdata/serverless/resources/cognito.yml MachineClient 1 error(s), 3 warning(s)
}
