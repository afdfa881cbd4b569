package iac

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkReadJSON measures reading JSON inputs held in memory: a small
// CloudFormation template as people write them, a 1 MiB template with
// many clients, and a Terraform plan, each read into clients.
func BenchmarkReadJSON(b *testing.B) {
	shop, err := os.ReadFile("../cmd/appclient/testdata/cloudformation/shop.json")
	if err != nil {
		b.Fatal(err)
	}
	plan, err := os.ReadFile("../cmd/appclient/testdata/terraform/plan.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name string
		data []byte
	}{
		{"template", shop},
		{"plan", plan},
		{"large-template", []byte(largeJSONTemplate(1 << 20))},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.data)))
			b.ReportAllocs()
			for b.Loop() {
				f := ReadBytes("bench.json", bm.data)
				if len(f.Errors) > 0 || len(f.Clients) == 0 {
					b.Fatalf("read %d clients, errors %v", len(f.Clients), f.Errors)
				}
			}
		})
	}
}

// largeJSONTemplate returns a JSON CloudFormation template of about size
// bytes: app clients with lists, numbers, nested objects and escapes.
func largeJSONTemplate(size int) string {
	var b strings.Builder
	b.WriteString("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n")
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `    "Client%d": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Properties": {
        "UserPoolId": "us-east-1_AbC123xyz",
        "ClientName": "web \u00e9 %d",
        "AllowedOAuthFlowsUserPoolClient": true,
        "AllowedOAuthFlows": ["code"],
        "AllowedOAuthScopes": ["openid", "email"],
        "CallbackURLs": ["https://app%d.example.com/callback", "http://localhost:3000/callback"],
        "LogoutURLs": ["https://app%d.example.com/"],
        "SupportedIdentityProviders": ["COGNITO"],
        "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        "AccessTokenValidity": 60,
        "RefreshTokenValidity": 30,
        "TokenValidityUnits": {"AccessToken": "minutes", "RefreshToken": "days"}
      }
    }`, i, i, i, i)
	}
	b.WriteString("\n  }\n}\n")
	return b.String()
}
