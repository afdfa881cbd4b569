package awssdk_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// update generates an update: the members of a generated request, with a
// client ID and an optional name.
func (g *gen) update() appclient.UpdateUserPoolClientRequest {
	data, err := json.Marshal(g.request())
	if err != nil {
		panic(err)
	}
	var u appclient.UpdateUserPoolClientRequest
	if err := json.Unmarshal(data, &u); err != nil { // drops the secret members
		panic(err)
	}
	u.ClientID = g.plainStr()
	u.ClientName = g.optStr()
	return u
}

func generatedUpdates(n int) map[string]appclient.UpdateUserPoolClientRequest {
	ups := map[string]appclient.UpdateUserPoolClientRequest{
		"all-absent": fixedGen(1, absent).update(),
		"all-empty":  fixedGen(2, zeroish).update(),
		"all-set":    fixedGen(3, set).update(),
	}
	for i := range n {
		ups["random-"+strconv.Itoa(i)] = randomGen(uint64(i)).update()
	}
	return ups
}

func deepCopyUpdate(u appclient.UpdateUserPoolClientRequest) appclient.UpdateUserPoolClientRequest {
	b, err := json.Marshal(u)
	if err != nil {
		panic(err)
	}
	var c appclient.UpdateUserPoolClientRequest
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return c
}

// TestUpdateConversionRoundTrip: FromUpdateInput(ToUpdateInput(u)) is u, but
// for the RefreshTokenValidity of 0 the SDK cannot send, and neither direction
// shares memory with its argument.
func TestUpdateConversionRoundTrip(t *testing.T) {
	for name, u := range generatedUpdates(500) {
		t.Run(name, func(t *testing.T) {
			orig := deepCopyUpdate(u)
			want := deepCopyUpdate(u)
			if want.RefreshTokenValidity != nil && *want.RefreshTokenValidity == 0 {
				want.RefreshTokenValidity = nil
			}
			in := awssdk.ToUpdateInput(&u)
			got := awssdk.FromUpdateInput(in)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("FromUpdateInput(ToUpdateInput(u)) mismatch (-want +got):\n%s", diff)
			}
			scribble(in)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("FromUpdateInput result changed with its input (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(orig, u); diff != "" {
				t.Fatalf("update changed with ToUpdateInput's result (-want +got):\n%s", diff)
			}
			in = awssdk.ToUpdateInput(&u)
			scribble(&u)
			if diff := cmp.Diff(want, awssdk.FromUpdateInput(in)); diff != "" {
				t.Fatalf("ToUpdateInput result changed with the update (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUpdateConversionCoversEveryMember: the all-set update sets every member
// and ToUpdateInput fills every member of the SDK input from it.
func TestUpdateConversionCoversEveryMember(t *testing.T) {
	u := fixedGen(3, set).update()
	if got := zeroFields(reflect.ValueOf(u), ""); len(got) != 0 {
		t.Errorf("all-set update leaves members unset: %v", got)
	}
	if got := zeroFields(reflect.ValueOf(*awssdk.ToUpdateInput(&u)), ""); len(got) != 0 {
		t.Errorf("ToUpdateInput leaves SDK members unset: %v", got)
	}
	const members = 23
	if n := reflect.TypeFor[appclient.UpdateUserPoolClientRequest]().NumField(); n != members {
		t.Errorf("appclient update has %d members, want %d", n, members)
	}
	if n := exportedFields(reflect.TypeFor[cip.UpdateUserPoolClientInput]()); n != members {
		t.Errorf("SDK input has %d members, want %d: a new member needs converting", n, members)
	}
}

func TestUpdateConversionNil(t *testing.T) {
	if in := awssdk.ToUpdateInput(nil); in != nil {
		t.Errorf("ToUpdateInput(nil) = %+v, want nil", in)
	}
	if diff := cmp.Diff(appclient.UpdateUserPoolClientRequest{}, awssdk.FromUpdateInput(nil)); diff != "" {
		t.Errorf("FromUpdateInput(nil) mismatch (-want +got):\n%s", diff)
	}
}

// TestUpdateWire: the SDK sends the update's own JSON, member for member.
func TestUpdateWire(t *testing.T) {
	for name, u := range generatedUpdates(200) {
		t.Run(name, func(t *testing.T) {
			own, err := json.Marshal(u)
			if err != nil {
				t.Fatal(err)
			}
			var want map[string]any
			if err := json.Unmarshal(own, &want); err != nil {
				t.Fatal(err)
			}
			if u.RefreshTokenValidity != nil && *u.RefreshTokenValidity == 0 {
				delete(want, "RefreshTokenValidity")
			}
			stub := &stubTransport{body: []byte(`{}`)}
			client := newClient(stub, "", withoutSDKValidation)
			if _, err := client.UpdateUserPoolClient(context.Background(), awssdk.ToUpdateInput(&u)); err != nil {
				t.Fatalf("UpdateUserPoolClient: %v", err)
			}
			_, body := stub.requests()
			var got map[string]any
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("SDK sent a body that is not a JSON object: %v\n%s", err, body)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("wire body mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// invalidUpdates are updates that Validate rejects, the among them:
// client_credentials with an openid scope and an http callback.
func invalidUpdates(poolID string) []struct {
	name string
	u    appclient.UpdateUserPoolClientRequest
	want []violation
} {
	return []struct {
		name string
		u    appclient.UpdateUserPoolClientRequest
		want []violation
	}{{
		name: "client_credentials with openid and an http callback",
		u: appclient.UpdateUserPoolClientRequest{
			UserPoolID:                      poolID,
			ClientID:                        "1example23456789",
			CallbackURLs:                    []string{"http://app.example.com/callback"},
			AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowClientCredentials},
			AllowedOAuthScopes:              []string{"openid"},
			AllowedOAuthFlowsUserPoolClient: true,
		},
		want: []violation{
			{"AllowedOAuthScopes[0]", "client-credentials-reserved-scope", appclient.ExceptionInvalidOAuthFlow},
			{"CallbackURLs[0]", "redirect-https", appclient.ExceptionInvalidParameter},
		},
	}, {
		name: "ClientName with a slash",
		u:    appclient.UpdateUserPoolClientRequest{UserPoolID: poolID, ClientID: "1example23456789", ClientName: ptr("orders/web")},
		want: []violation{{"ClientName", "pattern", appclient.ExceptionInvalidParameter}},
	}, {
		name: "ClientId with a dash",
		u:    appclient.UpdateUserPoolClientRequest{UserPoolID: poolID, ClientID: "1example-23456789"},
		want: []violation{{"ClientId", "pattern", appclient.ExceptionInvalidParameter}},
	}}
}

func TestPreflightRejectsUpdates(t *testing.T) {
	for _, tt := range invalidUpdates("us-east-1_AbC123xyz") {
		t.Run(tt.name, func(t *testing.T) {
			stub := &stubTransport{body: []byte(`{}`)}
			count := &countingTransport{next: stub}
			client := newClient(count, "", awssdk.WithPreflight(), func(o *cip.Options) {
				o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.MaxAttempts = 5 })
			})
			_, err := client.UpdateUserPoolClient(context.Background(), awssdk.ToUpdateInput(&tt.u))
			if err == nil {
				t.Fatal("UpdateUserPoolClient succeeded, want a validation error")
			}
			if diff := cmp.Diff(tt.want, violations(t, err)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
			var opErr *smithy.OperationError
			if !errors.As(err, &opErr) || opErr.OperationName != "UpdateUserPoolClient" {
				t.Errorf("error %v is not the SDK's operation error for UpdateUserPoolClient", err)
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

// TestPreflightPassesValidUpdate: the nearest valid neighbour of the first
// invalid update (a custom scope, an https callback) is sent, once. The
// client's secret is unknown to the pre-flight check, so client_credentials
// passes.
func TestPreflightPassesValidUpdate(t *testing.T) {
	u := invalidUpdates("us-east-1_AbC123xyz")[0].u
	u.CallbackURLs = []string{"https://app.example.com/callback"}
	u.AllowedOAuthScopes = []string{"orders-api/orders.read"}
	stub := &stubTransport{body: []byte(`{}`)}
	client := newClient(stub, "", awssdk.WithPreflight())
	if _, err := client.UpdateUserPoolClient(context.Background(), awssdk.ToUpdateInput(&u)); err != nil {
		t.Fatalf("UpdateUserPoolClient: %v", err)
	}
	if n, _ := stub.requests(); n != 1 {
		t.Errorf("%d requests sent, want 1", n)
	}
}

// cognitoStub answers DescribeUserPoolClient with a fixed client and
// UpdateUserPoolClient with the client the update describes (or with
// updateErr, an exception name), and records the update bodies.
type cognitoStub struct {
	client    map[string]any // the described client, in the API's JSON
	updateErr string

	mu      sync.Mutex
	updates [][]byte
	calls   []string
}

func (s *cognitoStub) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	op := strings.TrimPrefix(req.Header.Get("X-Amz-Target"), "AWSCognitoIdentityProviderService.")
	s.mu.Lock()
	s.calls = append(s.calls, op)
	s.mu.Unlock()
	status, answer := http.StatusOK, []byte(`{}`)
	switch op {
	case "DescribeUserPoolClient":
		answer, _ = json.Marshal(map[string]any{"UserPoolClient": s.client})
	case "UpdateUserPoolClient":
		s.mu.Lock()
		s.updates = append(s.updates, body)
		s.mu.Unlock()
		if s.updateErr != "" {
			status = http.StatusBadRequest
			answer = []byte(`{"__type":"` + s.updateErr + `","message":"concurrent modification"}`)
			break
		}
		var sent map[string]any
		if err := json.Unmarshal(body, &sent); err != nil {
			return nil, err
		}
		sent["ClientSecret"] = s.client["ClientSecret"]
		answer, _ = json.Marshal(map[string]any{"UserPoolClient": sent})
	}
	return &http.Response{
		StatusCode: status,
		Header:     http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body:       io.NopCloser(strings.NewReader(string(answer))),
		Request:    req,
	}, nil
}

// describedWebApp is the web-app client as Cognito describes it: the request
// with the defaults filled in, a secret, and the describe-only members.
func describedWebApp(t *testing.T) map[string]any {
	t.Helper()
	r := webApp()
	e := r.Effective()
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "GenerateSecret")
	m["ClientId"] = "1example23456789"
	m["ClientSecret"] = "theSecretValue0123456789abcdef"
	m["CreationDate"] = 1.7e9
	m["LastModifiedDate"] = 1.7e9
	return m
}

func TestUpdateClientWith(t *testing.T) {
	stub := &cognitoStub{client: describedWebApp(t)}
	client := newClient(stub, "", awssdk.WithPreflight())
	done, err := awssdk.UpdateClientWith(context.Background(), client, "us-east-1_AbC123xyz", "1example23456789",
		func(b appclient.Builder) appclient.Builder { return b.AccessTokenValidity(30 * time.Minute) })
	if err != nil {
		t.Fatalf("UpdateClientWith: %v", err)
	}
	want := []appclient.Change{{Field: "AccessTokenValidity", Want: 30 * time.Minute, Got: time.Hour}}
	if diff := cmp.Diff(want, done.Changes); diff != "" {
		t.Errorf("Changes mismatch (-want +got):\n%s", diff)
	}
	if !done.Sent || len(stub.updates) != 1 {
		t.Fatalf("Sent = %t after %d updates, want one", done.Sent, len(stub.updates))
	}
	// Reset protection on the wire: every member the client has, but the
	// describe-only ones and the secret, is in the update the SDK sent.
	var sent map[string]any
	if err := json.Unmarshal(stub.updates[0], &sent); err != nil {
		t.Fatal(err)
	}
	for member := range stub.client {
		switch member {
		case "ClientSecret", "CreationDate", "LastModifiedDate":
			if _, ok := sent[member]; ok {
				t.Errorf("the update sends %s", member)
			}
		default:
			if _, ok := sent[member]; !ok {
				t.Errorf("the update leaves out %s, which UpdateUserPoolClient would reset", member)
			}
		}
	}
	if strings.Contains(string(stub.updates[0]), "theSecretValue") {
		t.Error("the update sends the secret")
	}
	if done.Client.ClientSecret != nil || !done.Client.GenerateSecret {
		t.Errorf("Client = %+v, want the secret as GenerateSecret only", done.Client)
	}
	if d := appclient.Diff(done.Client, awssdk.FromUserPoolClient(nil)); len(d) == 0 {
		t.Error("Client is empty")
	}
}

func TestUpdateClientNoChange(t *testing.T) {
	stub := &cognitoStub{client: describedWebApp(t)}
	client := newClient(stub, "")
	done, err := awssdk.UpdateClientWith(context.Background(), client, "us-east-1_AbC123xyz", "1example23456789",
		func(b appclient.Builder) appclient.Builder { return b.AccessTokenValidity(time.Hour) }) // 60 minutes already
	if err != nil {
		t.Fatalf("UpdateClientWith: %v", err)
	}
	if done.Sent || len(done.Changes) != 0 || len(stub.updates) != 0 {
		t.Errorf("a change of no meaning: Sent = %t, Changes = %v, %d updates sent", done.Sent, done.Changes, len(stub.updates))
	}
}

func TestUpdateClientFails(t *testing.T) {
	tests := []struct {
		name   string
		stub   *cognitoStub
		change func(appclient.Builder) appclient.Builder
		check  func(t *testing.T, err error)
		sent   int
	}{{
		name:   "invalid change",
		change: func(b appclient.Builder) appclient.Builder { return b.AddCallbackURLs("http://orders.example.com/cb") },
		check: func(t *testing.T, err error) {
			want := []violation{{"CallbackURLs[2]", "redirect-https", appclient.ExceptionInvalidParameter}}
			if diff := cmp.Diff(want, violations(t, err)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		},
	}, {
		name:   "removing the secret",
		change: func(b appclient.Builder) appclient.Builder { return b.GenerateSecret(false) },
		check: func(t *testing.T, err error) {
			if !errors.Is(err, appclient.ErrSecretChange) {
				t.Errorf("error %v, want ErrSecretChange", err)
			}
		},
	}, {
		name:   "concurrent modification",
		stub:   &cognitoStub{updateErr: "ConcurrentModificationException"},
		change: func(b appclient.Builder) appclient.Builder { return b.ClientName("renamed") },
		sent:   1,
		check: func(t *testing.T, err error) {
			var cme *types.ConcurrentModificationException
			if !errors.As(err, &cme) {
				t.Errorf("error %v (%T) does not wrap *types.ConcurrentModificationException", err, err)
			}
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stub := tt.stub
			if stub == nil {
				stub = &cognitoStub{}
			}
			stub.client = describedWebApp(t)
			client := newClient(stub, "", func(o *cip.Options) {
				o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.MaxAttempts = 1 })
			})
			_, err := awssdk.UpdateClientWith(context.Background(), client, "us-east-1_AbC123xyz", "1example23456789", tt.change)
			if err == nil {
				t.Fatal("UpdateClientWith succeeded")
			}
			tt.check(t, err)
			if len(stub.updates) != tt.sent {
				t.Errorf("%d updates sent, want %d", len(stub.updates), tt.sent)
			}
		})
	}
}

func TestUpdateClientTo(t *testing.T) {
	stub := &cognitoStub{client: describedWebApp(t)}
	client := newClient(stub, "", awssdk.WithPreflight())
	desired := webApp()
	desired.CallbackURLs = desired.CallbackURLs[:1]
	done, err := awssdk.UpdateClientTo(context.Background(), client, "us-east-1_AbC123xyz", "1example23456789", desired)
	if err != nil {
		t.Fatalf("UpdateClientTo: %v", err)
	}
	var fields []string
	for _, c := range done.Changes {
		fields = append(fields, c.Field)
	}
	if diff := cmp.Diff([]string{"CallbackURLs"}, fields); diff != "" {
		t.Errorf("changed fields mismatch (-want +got):\n%s", diff)
	}
	if d := appclient.Diff(desired, done.Client); len(d) != 0 {
		t.Errorf("after the update the client differs from desired: %+v", d)
	}
}
