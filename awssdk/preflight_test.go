package awssdk_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// violation is what the tests compare of a FieldError: never its message.
type violation struct{ Field, Rule, Exception string }

func violations(t *testing.T, err error) []violation {
	t.Helper()
	var verr *appclient.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("error %v (%T) does not wrap *appclient.ValidationError", err, err)
	}
	var vs []violation
	for _, fe := range verr.Errors {
		vs = append(vs, violation{fe.Field, fe.Rule, fe.Exception})
	}
	return vs
}

// webApp is a typical web-app request: server-side, code flow, a secret.
func webApp() appclient.CreateUserPoolClientRequest {
	return appclient.CreateUserPoolClientRequest{
		UserPoolID:           "us-east-1_AbC123xyz",
		ClientName:           "orders-web",
		GenerateSecret:       true,
		RefreshTokenValidity: ptr[int32](30),
		AccessTokenValidity:  ptr[int32](60),
		IDTokenValidity:      ptr[int32](60),
		TokenValidityUnits: &appclient.TokenValidityUnits{
			AccessToken: appclient.TimeUnitMinutes, IDToken: appclient.TimeUnitMinutes, RefreshToken: appclient.TimeUnitDays,
		},
		ExplicitAuthFlows: []appclient.ExplicitAuthFlow{
			appclient.ExplicitAuthFlowAllowUserSRPAuth, appclient.ExplicitAuthFlowAllowRefreshTokenAuth,
		},
		SupportedIdentityProviders:      []string{"COGNITO"},
		CallbackURLs:                    []string{"https://orders.example.com/auth/callback", "https://staging.orders.example.com/auth/callback"},
		LogoutURLs:                      []string{"https://orders.example.com/signed-out", "https://staging.orders.example.com/signed-out"},
		DefaultRedirectURI:              ptr("https://orders.example.com/auth/callback"),
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
		AllowedOAuthScopes:              []string{"openid", "email", "profile"},
		AllowedOAuthFlowsUserPoolClient: true,
		PreventUserExistenceErrors:      appclient.UserExistenceErrorsEnabled,
		EnableTokenRevocation:           ptr(true),
	}
}

// invalidRequest is a request that Validate rejects, with the violations it
// must report.
type invalidRequest struct {
	name string
	req  appclient.CreateUserPoolClientRequest
	want []violation
	// sdkRejects: the SDK's own input validation refuses the request even
	// without the pre-flight check (it only checks that required members
	// are present).
	sdkRejects bool
}

// invalidRequests returns clearly invalid requests, each with one violation,
// for the pool poolID.
func invalidRequests(poolID string) []invalidRequest {
	return []invalidRequest{{
		name: "client_credentials without a secret",
		req: appclient.CreateUserPoolClientRequest{
			UserPoolID:                      poolID,
			ClientName:                      "m2m-without-secret",
			AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowClientCredentials},
			AllowedOAuthScopes:              []string{"orders-api/orders.read"},
			AllowedOAuthFlowsUserPoolClient: true,
		},
		want: []violation{{"AllowedOAuthFlows[0]", "client-credentials-needs-secret", appclient.ExceptionInvalidOAuthFlow}},
	}, {
		name: "http callback to a non-loopback host",
		req: appclient.CreateUserPoolClientRequest{
			UserPoolID:                      poolID,
			ClientName:                      "http-callback",
			CallbackURLs:                    []string{"http://app.example.com/callback"},
			AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
			AllowedOAuthScopes:              []string{"openid"},
			AllowedOAuthFlowsUserPoolClient: true,
		},
		want: []violation{{"CallbackURLs[0]", "redirect-https", appclient.ExceptionInvalidParameter}},
	}, {
		name: "ClientName with a slash",
		req:  appclient.CreateUserPoolClientRequest{UserPoolID: poolID, ClientName: "orders/web"},
		want: []violation{{"ClientName", "pattern", appclient.ExceptionInvalidParameter}},
	}, {
		name:       "missing ClientName",
		req:        appclient.CreateUserPoolClientRequest{UserPoolID: poolID},
		want:       []violation{{"ClientName", "required", appclient.ExceptionInvalidParameter}},
		sdkRejects: true,
	}}
}

func TestPreflightRejects(t *testing.T) {
	for _, tt := range invalidRequests("us-east-1_AbC123xyz") {
		t.Run(tt.name, func(t *testing.T) {
			stub := &stubTransport{body: cannedCreateResponse}
			count := &countingTransport{next: stub}
			client := newClient(count, "", awssdk.WithPreflight(), func(o *cip.Options) {
				o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.MaxAttempts = 5 })
			})

			out, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&tt.req))
			if err == nil {
				t.Fatalf("CreateUserPoolClient succeeded (%+v), want a validation error", out)
			}
			if diff := cmp.Diff(tt.want, violations(t, err)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
			var verr *appclient.ValidationError
			if errors.As(err, &verr) {
				for _, fe := range verr.Errors {
					if fe.Err == nil || !errors.Is(err, fe.Err) {
						t.Errorf("errors.Is does not find the sentinel of %s (%v) in %v", fe.Field, fe.Err, err)
					}
				}
			}
			var opErr *smithy.OperationError
			if !errors.As(err, &opErr) || opErr.OperationName != "CreateUserPoolClient" {
				t.Errorf("error %v is not the SDK's operation error for CreateUserPoolClient", err)
			}
			if n := count.n.Load(); n != 0 {
				t.Errorf("%d requests sent, want 0 (and no retries)", n)
			}
			if retry.NewStandard().IsErrorRetryable(err) {
				t.Errorf("the standard retryer classifies %v as retryable", err)
			}
		})
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// TestPreflightRetriesOthers makes sure the test above can tell: with the
// same retryer, a retryable answer (a 500) is retried up to the limit.
func TestPreflightRetriesOthers(t *testing.T) {
	failing := &countingTransport{next: roundTripFunc(func(req *http.Request) (*http.Response, error) {
		body := `{"__type":"InternalErrorException","message":"try again"}`
		return &http.Response{
			StatusCode: http.StatusInternalServerError,
			Header:     http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
			Body:       io.NopCloser(strings.NewReader(body)),
			Request:    req,
		}, nil
	})}
	client := newClient(failing, "", awssdk.WithPreflight(), func(o *cip.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
			so.MaxAttempts = 5
			so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		})
	})
	r := webApp()
	if _, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&r)); err == nil {
		t.Fatal("CreateUserPoolClient succeeded through a failing transport")
	}
	if n := failing.n.Load(); n != 5 {
		t.Errorf("%d attempts, want 5", n)
	}
}

func TestPreflightPassesValid(t *testing.T) {
	stub := &stubTransport{body: cannedCreateResponse}
	client := newClient(stub, "", awssdk.WithPreflight())
	r := webApp()
	out, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&r))
	if err != nil {
		t.Fatalf("CreateUserPoolClient: %v", err)
	}
	if got := aws.ToString(out.UserPoolClient.ClientId); got != "1example23456789" {
		t.Errorf("ClientId = %q, want the canned response's", got)
	}
	if n, _ := stub.requests(); n != 1 {
		t.Errorf("%d requests sent, want 1", n)
	}
}

// TestPreflightOtherOperations sends requests to other operations, one of
// them with a client ID that UpdateUserPoolClient's rules would reject: they
// must pass untouched.
func TestPreflightOtherOperations(t *testing.T) {
	stub := &stubTransport{body: []byte(`{}`)}
	client := newClient(stub, "", awssdk.WithPreflight())
	_, err := client.DescribeUserPoolClient(context.Background(), &cip.DescribeUserPoolClientInput{
		UserPoolId: aws.String("us-east-1_AbC123xyz"),
		ClientId:   aws.String("1example-23456789"),
	})
	if err != nil {
		t.Fatalf("DescribeUserPoolClient: %v", err)
	}
	if _, err := client.ListUserPoolClients(context.Background(), &cip.ListUserPoolClientsInput{UserPoolId: aws.String("us-east-1_AbC123xyz")}); err != nil {
		t.Fatalf("ListUserPoolClients: %v", err)
	}
	if n, _ := stub.requests(); n != 2 {
		t.Errorf("%d requests sent, want 2", n)
	}
}

// TestPreflightTwice gives the option to the client and again to the call:
// the check is installed once and the call works.
func TestPreflightTwice(t *testing.T) {
	stub := &stubTransport{body: cannedCreateResponse}
	client := newClient(stub, "", awssdk.WithPreflight())
	r := webApp()
	if _, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&r), awssdk.WithPreflight()); err != nil {
		t.Fatalf("valid request: %v", err)
	}
	bad := appclient.CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz"}
	_, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&bad), awssdk.WithPreflight())
	want := []violation{{"ClientName", "required", appclient.ExceptionInvalidParameter}}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
	if n, _ := stub.requests(); n != 1 {
		t.Errorf("%d requests sent, want 1", n)
	}
}

// TestPreflightPerCall installs the check for one call only.
func TestPreflightPerCall(t *testing.T) {
	stub := &stubTransport{body: cannedCreateResponse}
	client := newClient(stub, "")
	bad := appclient.CreateUserPoolClientRequest{UserPoolID: "us-east-1_AbC123xyz"}
	_, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&bad), awssdk.WithPreflight())
	want := []violation{{"ClientName", "required", appclient.ExceptionInvalidParameter}}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
	// Without the option the SDK's own check answers, with its own error type.
	_, err = client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&bad))
	var params smithy.InvalidParamsError
	if !errors.As(err, &params) {
		t.Errorf("without WithPreflight: error %v (%T), want the SDK's InvalidParamsError", err, err)
	}
	if n, _ := stub.requests(); n != 0 {
		t.Errorf("%d requests sent, want 0", n)
	}
}

// TestPreflightNilInput: the SDK replaces a nil input by an empty one, which
// lacks the required members.
func TestPreflightNilInput(t *testing.T) {
	stub := &stubTransport{body: cannedCreateResponse}
	client := newClient(stub, "", awssdk.WithPreflight())
	_, err := client.CreateUserPoolClient(context.Background(), nil)
	want := []violation{
		{"UserPoolId", "required", appclient.ExceptionInvalidParameter},
		{"ClientName", "required", appclient.ExceptionInvalidParameter},
	}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
}

// TestPreflightClientToken: a client of GetClientToken, as AWS's own example
// creates it, goes through the pre-flight check and reaches the wire with
// ALLOW_CLIENT_TOKEN_AUTH intact, though the SDK's enumeration lacks the
// value; the same client without its secret is stopped before any request.
func TestPreflightClientToken(t *testing.T) {
	r := appclient.CreateUserPoolClientRequest{
		UserPoolID:         "us-east-1_AbC123xyz",
		ClientName:         "inventory-service",
		GenerateSecret:     true,
		ExplicitAuthFlows:  []appclient.ExplicitAuthFlow{appclient.ExplicitAuthFlowAllowClientTokenAuth},
		AllowedOAuthScopes: []string{"inventory/read"},
	}
	stub := &stubTransport{body: cannedCreateResponse}
	client := newClient(stub, "", awssdk.WithPreflight())
	if _, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&r)); err != nil {
		t.Fatalf("CreateUserPoolClient: %v", err)
	}
	n, sent := stub.requests()
	if n != 1 || !strings.Contains(string(sent), `"ExplicitAuthFlows":["ALLOW_CLIENT_TOKEN_AUTH"]`) {
		t.Errorf("%d requests, last body %s; want one that carries ALLOW_CLIENT_TOKEN_AUTH", n, sent)
	}
	back := awssdk.FromCreateInput(awssdk.ToCreateInput(&r))
	if diff := cmp.Diff(r, back); diff != "" {
		t.Errorf("FromCreateInput(ToCreateInput(r)) mismatch (-want +got):\n%s", diff)
	}

	r.GenerateSecret = false
	stub = &stubTransport{body: cannedCreateResponse}
	client = newClient(stub, "", awssdk.WithPreflight())
	_, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&r))
	want := []violation{{"ExplicitAuthFlows[0]", appclient.RuleClientTokenAuthNeedsSecret, appclient.ExceptionInvalidParameter}}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
	if n, _ := stub.requests(); n != 0 {
		t.Errorf("%d requests sent, want 0", n)
	}
}
