package appclient

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// described is the web-app client as DescribeUserPoolClient shows it: every
// default filled in, the secret as GenerateSecret.
func described() CreateUserPoolClientRequest {
	return webApp().Effective()
}

// appliedBy returns the configuration the client has after u: u's members,
// with the secret state of current, which an update keeps.
func appliedBy(u UpdateUserPoolClientRequest, current CreateUserPoolClientRequest) CreateUserPoolClientRequest {
	c := u.Configuration()
	c.GenerateSecret = current.GenerateSecret || current.ClientSecret != nil
	return c
}

// presentMembers lists the JSON names of the members of v (a struct) that are
// not their zero value.
func presentMembers(v any) []string {
	rv := reflect.ValueOf(v)
	var out []string
	for i := 0; i < rv.NumField(); i++ {
		if !rv.Field(i).IsZero() {
			out = append(out, jsonName(rv.Type().Field(i)))
		}
	}
	return out
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i]
		}
	}
	return tag
}

func TestUpdateWithChangesOnlyThat(t *testing.T) {
	current := described()
	tests := []struct {
		name   string
		change func(Builder) Builder
		want   []string // the fields Diff(desired, current) names
	}{
		{"nothing", nil, nil},
		{"access token lifetime", func(b Builder) Builder { return b.AccessTokenValidity(30 * time.Minute) }, []string{"AccessTokenValidity"}},
		{"same lifetime in another unit", func(b Builder) Builder { return b.AccessTokenValidity(time.Hour) }, nil},
		{"name", func(b Builder) Builder { return b.ClientName("orders-web-v2") }, []string{"ClientName"}},
		{"one more callback", func(b Builder) Builder { return b.AddCallbackURLs("https://orders.example.com/v2/callback") }, []string{"CallbackURLs"}},
		{"revocation off", func(b Builder) Builder { return b.EnableTokenRevocation(false) }, []string{"EnableTokenRevocation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := UpdateWith("1example23456789", current, tt.change)
			if err != nil {
				t.Fatalf("UpdateWith: %v", err)
			}
			var fields []string
			for _, c := range Diff(appliedBy(u, current), current) {
				fields = append(fields, c.Field)
			}
			if diff := cmp.Diff(tt.want, fields); diff != "" {
				t.Errorf("changed members mismatch (-want +got):\n%s", diff)
			}
			// Reset protection: every member the client has is in the update.
			have := map[string]bool{}
			for _, m := range presentMembers(u) {
				have[m] = true
			}
			for _, m := range presentMembers(current) {
				if m != "GenerateSecret" && !have[m] {
					t.Errorf("the update leaves out %s, which UpdateUserPoolClient would reset", m)
				}
			}
			if u.ClientID != "1example23456789" || u.UserPoolID != current.UserPoolID {
				t.Errorf("update names client %q in pool %q", u.ClientID, u.UserPoolID)
			}
		})
	}
}

func TestUpdateWithSharesNoMemory(t *testing.T) {
	current := described()
	u, err := UpdateWith("c1", current, func(b Builder) Builder { return b })
	if err != nil {
		t.Fatal(err)
	}
	u.CallbackURLs[0] = "https://changed.example/"
	*u.AccessTokenValidity = 1
	if diff := cmp.Diff(described(), current); diff != "" {
		t.Errorf("changing the update changed current (-before +after):\n%s", diff)
	}
}

func TestUpdateWithFails(t *testing.T) {
	public := described()
	public.GenerateSecret = false
	tests := []struct {
		name    string
		current CreateUserPoolClientRequest
		change  func(Builder) Builder
		is      error
		want    []violation
	}{
		{"invalid change", described(), func(b Builder) Builder { return b.AddCallbackURLs("http://orders.example.com/cb") }, nil,
			[]violation{{"CallbackURLs[2]", "redirect-https", ipe}}},
		{"client_credentials on a client without a secret", public, func(b Builder) Builder {
			return b.Edit(func(r *CreateUserPoolClientRequest) {
				r.AllowedOAuthFlows = []OAuthFlow{OAuthFlowClientCredentials}
				r.AllowedOAuthScopes = []string{"orders-api/read"}
			})
		}, nil, []violation{{"AllowedOAuthFlows[0]", "client-credentials-needs-secret", iofe}}},
		{"add a secret", public, func(b Builder) Builder { return b.GenerateSecret(true) }, ErrSecretChange, nil},
		{"remove the secret", described(), func(b Builder) Builder { return b.GenerateSecret(false) }, ErrSecretChange, nil},
		{"set a custom secret", described(), func(b Builder) Builder {
			return b.Edit(func(r *CreateUserPoolClientRequest) {
				r.GenerateSecret = false
				r.ClientSecret = ptr("abcdefghijklmnopqrstuvwxyz012345")
			})
		}, ErrSecretChange, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := UpdateWith("c1", tt.current, tt.change)
			if err == nil {
				t.Fatalf("UpdateWith succeeded: %+v", u)
			}
			if tt.is != nil {
				if !errors.Is(err, tt.is) {
					t.Errorf("error %v is not %v", err, tt.is)
				}
				return
			}
			if diff := cmp.Diff(tt.want, violations(t, err)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUpdateTo(t *testing.T) {
	current := described()

	// A desired configuration that leaves members out: they go back to
	// their defaults, and the client then means what desired means.
	desired := CreateUserPoolClientRequest{UserPoolID: current.UserPoolID, ClientName: "orders-web", GenerateSecret: true}
	u, err := UpdateTo("c1", current, desired)
	if err != nil {
		t.Fatalf("UpdateTo: %v", err)
	}
	if d := Diff(desired, appliedBy(u, current)); len(d) != 0 {
		t.Errorf("after the update the client differs from desired: %+v", d)
	}
	if u.EnableTokenRevocation == nil || !*u.EnableTokenRevocation || u.ClientName == nil {
		t.Errorf("update leaves out EnableTokenRevocation or ClientName: %+v", u)
	}

	// Without a pool or a name, desired keeps current's.
	u, err = UpdateTo("c1", current, CreateUserPoolClientRequest{ClientSecret: ptr("abcdefghijklmnopqrstuvwxyz012345")})
	if err != nil {
		t.Fatalf("UpdateTo: %v", err)
	}
	if u.UserPoolID != current.UserPoolID || u.ClientName == nil || *u.ClientName != current.ClientName {
		t.Errorf("update is in pool %q with name %v, want current's", u.UserPoolID, u.ClientName)
	}

	other := desired
	other.UserPoolID = "us-east-1_Other"
	if _, err := UpdateTo("c1", current, other); err == nil {
		t.Error("UpdateTo moved a client to another pool")
	}
	noSecret := desired
	noSecret.GenerateSecret = false
	if _, err := UpdateTo("c1", current, noSecret); !errors.Is(err, ErrSecretChange) {
		t.Errorf("UpdateTo without the secret: %v, want ErrSecretChange", err)
	}
	if _, err := UpdateTo("", current, desired); err == nil {
		t.Error("UpdateTo without a client ID succeeded")
	}
}

func TestBuilderFrom(t *testing.T) {
	r := *webApp()
	got, err := BuilderFrom(r).Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if diff := cmp.Diff(r, got); diff != "" {
		t.Errorf("BuilderFrom(r).Build() mismatch (-want +got):\n%s", diff)
	}
	b := BuilderFrom(r)
	r.CallbackURLs[0] = "https://changed.example/"
	got, _ = b.Build()
	if got.CallbackURLs[0] == "https://changed.example/" {
		t.Error("the builder shares memory with the request it started from")
	}
}
