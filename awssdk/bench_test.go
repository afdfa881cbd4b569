package awssdk_test

import (
	"context"
	"testing"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognitokit/appclient/awssdk"
)

// BenchmarkCreateUserPoolClient measures one CreateUserPoolClient call of the
// typical web-app request through the whole SDK stack (serialize, sign,
// retry, deserialize) against a transport that answers at once, without and
// with the pre-flight check.
func BenchmarkCreateUserPoolClient(b *testing.B) {
	r := webApp()
	if err := r.Validate(); err != nil {
		b.Fatalf("the web-app request is not valid: %v", err)
	}
	in := awssdk.ToCreateInput(&r)
	for _, bc := range []struct {
		name string
		opts []func(*cip.Options)
	}{
		{"plain", nil},
		{"preflight", []func(*cip.Options){awssdk.WithPreflight()}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			client := newClient(&stubTransport{body: cannedCreateResponse}, "", bc.opts...)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := client.CreateUserPoolClient(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
