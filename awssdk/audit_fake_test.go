package awssdk_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient/awssdk"
)

// slowAccount is the account of ExampleAudit with n user pools, whose
// DescribeUserPool takes longer for the earlier pools, and which records
// how many pools are being described at once.
type slowAccount struct {
	account
	n int

	mu            sync.Mutex
	running, most int
}

func (a *slowAccount) ListUserPools(_ context.Context, in *cip.ListUserPoolsInput, _ ...func(*cip.Options)) (*cip.ListUserPoolsOutput, error) {
	var out cip.ListUserPoolsOutput
	for i := range a.n {
		out.UserPools = append(out.UserPools, types.UserPoolDescriptionType{Id: aws.String(fmt.Sprintf("us-east-1_pool%02d", i))})
	}
	return &out, nil
}

func (a *slowAccount) DescribeUserPool(ctx context.Context, in *cip.DescribeUserPoolInput, opts ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	a.mu.Lock()
	a.running++
	a.most = max(a.most, a.running)
	a.mu.Unlock()
	var i int
	fmt.Sscanf(aws.ToString(in.UserPoolId), "us-east-1_pool%d", &i)
	time.Sleep(time.Duration(a.n-i) * 3 * time.Millisecond) // the first pools finish last
	a.mu.Lock()
	a.running--
	a.mu.Unlock()
	return a.account.DescribeUserPool(ctx, in, opts...)
}

// TestAuditOrderAndConcurrency: pools are audited a few at a time, and
// their reports come in the order of the listing whatever order the pools
// finish in.
func TestAuditOrderAndConcurrency(t *testing.T) {
	for _, concurrency := range []int{0, 1, 3} {
		api := &slowAccount{n: 10}
		var got []string
		for r, err := range awssdk.Audit(context.Background(), api, awssdk.AuditOptions{Concurrency: concurrency}) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, r.Client.UserPoolID+" "+r.Client.ClientName)
		}
		var want []string
		for i := range api.n {
			for _, name := range []string{"orders-web", "warehouse"} {
				want = append(want, fmt.Sprintf("us-east-1_pool%02d %s", i, name))
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("concurrency %d: reports mismatch (-want +got):\n%s", concurrency, diff)
		}
		limit := concurrency
		if limit == 0 {
			limit = 4
		}
		if api.most > limit {
			t.Errorf("concurrency %d: %d pools described at once", concurrency, api.most)
		}
		if concurrency > 1 && api.most < 2 {
			t.Errorf("concurrency %d: never more than one pool at once", concurrency)
		}
	}
}
