package awssdk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// requestFiles returns the request files of the repository's testdata. It
// fails the test when there are none, so that the tests using them cannot
// pass without checking anything.
func requestFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "requests", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no request files in ../testdata/requests: nothing to check")
	}
	return files
}

func readRequest(t *testing.T, name string) appclient.CreateUserPoolClientRequest {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := appclient.DecodeRequest(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("DecodeRequest(%s): %v", name, err)
	}
	return r
}

// withoutSDKValidation removes the SDK's own input validation, so that the
// wire test sees what the serializer makes of any request, valid or not.
func withoutSDKValidation(o *cip.Options) {
	o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
		_, err := s.Initialize.Remove("OperationInputValidation")
		return err
	})
}

// sentBody sends r through the SDK with a recording transport and returns
// the body the SDK sent.
func sentBody(t *testing.T, r appclient.CreateUserPoolClientRequest) []byte {
	t.Helper()
	stub := &stubTransport{body: cannedCreateResponse}
	client := newClient(stub, "", withoutSDKValidation)
	if _, err := client.CreateUserPoolClient(context.Background(), awssdk.ToCreateInput(&r)); err != nil {
		t.Fatalf("CreateUserPoolClient: %v", err)
	}
	n, body := stub.requests()
	if n != 1 {
		t.Fatalf("%d requests sent, want 1", n)
	}
	return body
}

// checkWire checks that the SDK sends r's own JSON, member for member.
func checkWire(t *testing.T, r appclient.CreateUserPoolClientRequest) {
	t.Helper()
	own, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(own, &want); err != nil {
		t.Fatal(err)
	}
	// The one known loss: the SDK cannot send RefreshTokenValidity 0.
	if r.RefreshTokenValidity != nil && *r.RefreshTokenValidity == 0 {
		delete(want, "RefreshTokenValidity")
	}

	body := sentBody(t, r)
	var got map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("SDK sent a body that is not a JSON object: %v\n%s", err, body)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("wire body mismatch (-want +got):\n%s", diff)
	}
}

func TestWireTestdata(t *testing.T) {
	for _, name := range requestFiles(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			checkWire(t, readRequest(t, name))
		})
	}
}

func TestWireGenerated(t *testing.T) {
	for name, r := range generatedRequests(200) {
		t.Run(name, func(t *testing.T) { checkWire(t, r) })
	}
}
