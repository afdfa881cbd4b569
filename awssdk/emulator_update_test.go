//go:build unix

package awssdk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
)

// recordingTransport keeps the body of every UpdateUserPoolClient request it
// passes on to next.
type recordingTransport struct {
	next http.RoundTripper

	mu      sync.Mutex
	updates [][]byte
}

func (t *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.Header.Get("X-Amz-Target"), ".UpdateUserPoolClient") && req.Body != nil {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		t.mu.Lock()
		t.updates = append(t.updates, body)
		t.mu.Unlock()
	}
	return t.next.RoundTrip(req)
}

func (t *recordingTransport) last() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.updates) == 0 {
		return nil
	}
	return t.updates[len(t.updates)-1]
}

func TestEmulatorUpdate(t *testing.T) {
	url := startEmulator(t)
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	transport := &http.Transport{}
	t.Cleanup(transport.CloseIdleConnections)
	rec := &recordingTransport{next: transport}
	client := newClient(rec, url, awssdk.WithPreflight())

	pool, err := client.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("appclient-update-test")})
	if err != nil {
		t.Fatalf("CreateUserPool: %v", err)
	}
	poolID := aws.ToString(pool.UserPool.Id)

	describe := func(t *testing.T, id string) appclient.CreateUserPoolClientRequest {
		t.Helper()
		out, err := client.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: &poolID, ClientId: &id})
		if err != nil {
			t.Fatalf("DescribeUserPoolClient: %v", err)
		}
		return awssdk.FromUserPoolClient(out.UserPoolClient)
	}

	desired := map[string]appclient.CreateUserPoolClientRequest{}
	for _, name := range requestFiles(t) {
		desired[filepath.Base(name)] = readRequest(t, name)
	}
	desired["inline: defaults only"] = appclient.CreateUserPoolClientRequest{ClientName: "defaults-only"}
	var updated atomic.Int32
	t.Cleanup(func() {
		if n := updated.Load(); n < 4 {
			t.Errorf("only %d clients were updated, want at least 4", n)
		}
	})
	for name, r := range desired {
		t.Run(name, func(t *testing.T) {
			r.UserPoolID = poolID
			created, err := client.CreateUserPoolClient(ctx, awssdk.ToCreateInput(&r))
			if err != nil {
				t.Fatalf("CreateUserPoolClient: %v", err)
			}
			id := aws.ToString(created.UserPoolClient.ClientId)

			want := r
			for _, d := range emulatorDrops { // members cognito-local does not keep
				d.clear(&want)
			}
			before := describe(t, id)
			if d := appclient.Diff(want, before); len(d) != 0 {
				t.Fatalf("Diff(desired, described) = %+v, want none", d)
			}
			if err := before.Validate(); err != nil {
				// Without the members cognito-local dropped (refresh token
				// rotation), the client is one Cognito would not have made.
				t.Logf("no update: the described client is not valid without the members cognito-local drops: %v", err)
				return
			}
			updated.Add(1)

			// A safe update of one member: only that member changes.
			done, err := awssdk.UpdateClientWith(ctx, client, poolID, id, func(b appclient.Builder) appclient.Builder {
				return b.AccessTokenValidity(30 * time.Minute)
			})
			if err != nil {
				t.Fatalf("UpdateClientWith: %v", err)
			}
			after := describe(t, id)
			var changed []string
			for _, c := range appclient.Diff(after, before) {
				changed = append(changed, c.Field)
			}
			if len(changed) != 1 || changed[0] != "AccessTokenValidity" {
				t.Errorf("members changed by the update: %v, want [AccessTokenValidity]", changed)
			}
			if len(done.Changes) != 1 || done.Changes[0].Field != "AccessTokenValidity" || done.Changes[0].Want != 30*time.Minute {
				t.Errorf("UpdateClientWith reports %+v, want AccessTokenValidity to 30m", done.Changes)
			}
			if d := appclient.Diff(done.Client, after); len(d) != 0 {
				t.Errorf("UpdateClientWith's Client differs from the described client: %+v", d)
			}

			// Reset protection on the wire: cognito-local, like moto, may keep
			// what an update omits, so the proof is the request itself: it
			// carries every member the described client has.
			var sent map[string]json.RawMessage
			if err := json.Unmarshal(rec.last(), &sent); err != nil {
				t.Fatalf("update body: %v", err)
			}
			described, err := json.Marshal(before)
			if err != nil {
				t.Fatal(err)
			}
			var have map[string]json.RawMessage
			if err := json.Unmarshal(described, &have); err != nil {
				t.Fatal(err)
			}
			for member := range have {
				if _, ok := sent[member]; !ok && member != "GenerateSecret" {
					t.Errorf("the update the SDK sent leaves out %s", member)
				}
			}
			if _, ok := sent["ClientId"]; !ok {
				t.Error("the update the SDK sent has no ClientId")
			}
		})
	}
}
