package awssdk

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
)

// inputOf returns the SDK input of a request file in ../testdata/requests.
func inputOf(tb testing.TB, name string) *cip.CreateUserPoolClientInput {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "requests", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r, err := appclient.DecodeRequest(f)
	if err != nil {
		tb.Fatal(err)
	}
	return ToCreateInput(&r)
}

// TestSharedView: the view the middleware validates equals the copying
// conversion, member for member, and shares the input's strings and
// pointers. The enumeration lists are copied (a slice of one string type
// cannot be seen as another without package unsafe): at most ten entries.
func TestSharedView(t *testing.T) {
	for _, name := range []string{"web-app.json", "aws-example.json"} {
		in := inputOf(t, name)
		view := fromCreateInput(in, true)
		if diff := cmp.Diff(FromCreateInput(in), view); diff != "" {
			t.Errorf("%s: shared view mismatch (-copy +view):\n%s", name, diff)
		}
		if &view.CallbackURLs[0] != &in.CallbackURLs[0] || view.DefaultRedirectURI != in.DefaultRedirectURI {
			t.Errorf("%s: the view copies instead of sharing", name)
		}
	}
}

// TestPreflightViolationsOutliveTheView: the middleware reuses its request
// value, so a violation it returned must not change when the next call
// fills that value with another input.
func TestPreflightViolationsOutliveTheView(t *testing.T) {
	next := middleware.InitializeHandlerFunc(func(context.Context, middleware.InitializeInput) (middleware.InitializeOutput, middleware.Metadata, error) {
		return middleware.InitializeOutput{}, middleware.Metadata{}, nil
	})
	bad := inputOf(t, "web-app.json")
	bad.CallbackURLs = append([]string{"http://app.example.com/cb"}, bad.CallbackURLs...)
	bad.ClientName = new("bad/name")
	_, _, err := (preflight{}).HandleInitialize(context.Background(), middleware.InitializeInput{Parameters: bad}, next)
	if err == nil {
		t.Fatal("the invalid input passed")
	}
	before := err.Error()
	for range 10 {
		if _, _, err := (preflight{}).HandleInitialize(context.Background(), middleware.InitializeInput{Parameters: inputOf(t, "aws-example.json")}, next); err != nil {
			t.Fatal(err)
		}
	}
	if after := err.Error(); after != before {
		t.Errorf("violations changed after later calls:\nbefore: %s\nafter:  %s", before, after)
	}
}

// BenchmarkPreflightCheck measures the pre-flight middleware alone on the
// web-app request: the conversion and Validate, as a call runs them.
func BenchmarkPreflightCheck(b *testing.B) {
	in := inputOf(b, "web-app.json")
	next := middleware.InitializeHandlerFunc(func(context.Context, middleware.InitializeInput) (middleware.InitializeOutput, middleware.Metadata, error) {
		return middleware.InitializeOutput{}, middleware.Metadata{}, nil
	})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := (preflight{}).HandleInitialize(ctx, middleware.InitializeInput{Parameters: in}, next); err != nil {
			b.Fatal(err)
		}
	}
}
