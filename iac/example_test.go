package iac_test

import (
	"fmt"

	"github.com/cognitokit/appclient/iac"
)

// A Terraform file read from memory: the variable's default is used, the
// pool's id is unknown until apply, and the finding says that it rests on
// a default.
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
			fmt.Printf("%s:%d: %s: %s\n", fd.File, fd.Pos.Line, fd.Field, fd.Message)
		}
	}
	// Output:
	// aws_cognito_user_pool_client.web unknown: [UserPoolId]
	// auth.tf:12: CallbackURLs[0]: "http://shop.example.com/callback" cannot use http (only localhost, 127.0.0.1 and [::1] may) (with the default of var.domain, which a deployment can override)
}

// Reading a directory: every template, Serverless service, plan, state and
// Terraform module under it, in path order.
func ExampleWalk() {
	err := iac.Walk("testdata/serverless", func(f *iac.File) error {
		for _, c := range f.Clients {
			fmt.Println(f.Kind, c.File, c.Resource, len(iac.Check(c)), "finding(s)")
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// serverless testdata/serverless/serverless.yml WebClient 1 finding(s)
	// serverless testdata/serverless/resources/cognito.yml MachineClient 1 finding(s)
}
