package awssdk_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// newClient builds an SDK client by hand, as the tests need it: fixed static
// credentials, a fixed region, the given endpoint (or the SDK's default for
// "") and the given transport. It loads no configuration from the
// environment.
func newClient(rt http.RoundTripper, endpoint string, optFns ...func(*cip.Options)) *cip.Client {
	o := cip.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "local", SecretAccessKey: "local", Source: "test"}, nil
		}),
		HTTPClient: &http.Client{Transport: rt},
	}
	if endpoint != "" {
		o.BaseEndpoint = aws.String(endpoint)
	}
	return cip.New(o, optFns...)
}

// countingTransport counts the requests that reach it and passes them on to
// next.
type countingTransport struct {
	next http.RoundTripper
	n    atomic.Int64
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.next.RoundTrip(req)
}

// stubTransport answers every request with status 200 and body, without any
// network, and keeps the body of the last request it was sent.
type stubTransport struct {
	body []byte

	mu   sync.Mutex
	n    int
	last []byte
}

func (t *stubTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var sent []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		sent = b
	}
	t.mu.Lock()
	t.n++
	t.last = sent
	t.mu.Unlock()
	return &http.Response{
		StatusCode:    http.StatusOK,
		Status:        "200 OK",
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body:          io.NopCloser(bytes.NewReader(t.body)),
		ContentLength: int64(len(t.body)),
		Request:       req,
	}, nil
}

// requests returns how many requests reached t and the body of the last one.
func (t *stubTransport) requests() (int, []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n, t.last
}

// cannedCreateResponse is a CreateUserPoolClient response body.
var cannedCreateResponse = []byte(`{"UserPoolClient":{"ClientId":"1example23456789","ClientName":"orders-web","UserPoolId":"us-east-1_AbC123xyz","CreationDate":1.7e9,"LastModifiedDate":1.7e9}}`)

func ptr[T any](v T) *T { return &v }
