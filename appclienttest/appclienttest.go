// Package appclienttest helps tests, in this repository and others, check
// Amazon Cognito app-client configurations built with package appclient.
//
// [Meaning] is a go-cmp option that compares requests by what they configure,
// with the same semantics as [appclient.Diff]: defaults applied, token
// lifetimes as durations, lists as sets, the secret as "has a secret". The
// testing.TB helpers [Valid], [HasViolations] and [SameMeaning] report a
// failure with go-cmp's diff, marked "(-want +got)".
//
// The package is for tests: like go-cmp, it is not meant for production code,
// where [appclient.Diff] and the Validate methods serve. It makes no network
// call.
package appclienttest

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
)

// Meaning returns an option that makes cmp.Equal and cmp.Diff compare
// [appclient.CreateUserPoolClientRequest] values, wherever they occur (also
// behind pointers, in slices and in maps), by meaning: two requests are equal
// exactly when [appclient.Diff] reports no change between them. It does so by
// comparing their canonical forms ([appclient.CreateUserPoolClientRequest.Canonical]),
// so a diff shows the canonical values: defaults filled in, lifetimes in their
// largest exact unit, lists sorted.
//
// [appclient.UpdateUserPoolClientRequest] values compare by their ClientID and
// the canonical form of their configuration
// ([appclient.UpdateUserPoolClientRequest.Configuration]).
func Meaning() cmp.Option {
	return cmp.Options{
		cmp.Transformer("appclient.Canonical", func(r appclient.CreateUserPoolClientRequest) appclient.CreateUserPoolClientRequest {
			return r.Canonical()
		}),
		cmp.Transformer("appclient.UpdateCanonical", func(u appclient.UpdateUserPoolClientRequest) UpdateMeaning {
			c := u.Configuration()
			return UpdateMeaning{ClientID: u.ClientID, Configuration: c.Canonical()}
		}),
	}
}

// UpdateMeaning is what [Meaning] compares of an update: the client it
// names and the canonical form of the configuration it sends. It appears in
// cmp's diffs.
type UpdateMeaning struct {
	ClientID      string
	Configuration appclient.CreateUserPoolClientRequest
}

// Validator is a request that checks itself:
// *appclient.CreateUserPoolClientRequest and
// *appclient.UpdateUserPoolClientRequest are.
type Validator interface {
	Validate() error
}

// Violation names one violation by what a test should compare: the AWS member
// path and the rule id, as in [appclient.FieldError].
type Violation struct {
	Field string
	Rule  string
}

// Violations returns the violations that err (nil, or an error that wraps an
// *appclient.ValidationError) holds, in its order, and whether err is of
// that kind.
func Violations(err error) ([]Violation, bool) {
	if err == nil {
		return nil, true
	}
	var ve *appclient.ValidationError
	if !errors.As(err, &ve) {
		return nil, false
	}
	var out []Violation
	for _, fe := range ve.Errors {
		out = append(out, Violation{Field: fe.Field, Rule: fe.Rule})
	}
	return out, true
}

// Valid fails the test (without stopping it) unless r.Validate() returns
// nil. The failure lists the violations as a go-cmp diff against none.
func Valid(tb testing.TB, r Validator) {
	tb.Helper()
	HasViolations(tb, r)
}

// HasViolations fails the test (without stopping it) unless r.Validate()
// reports exactly want, in that order (model constraints in member order, then
// service rules in the rule book's order); with no want, it checks that r is
// valid. The failure shows go-cmp's diff, "(-want +got)". An error that is
// not a validation error fails the test too.
func HasViolations(tb testing.TB, r Validator, want ...Violation) {
	tb.Helper()
	err := r.Validate()
	got, ok := Violations(err)
	if !ok {
		tb.Errorf("Validate() = %v (%T), want nil or an *appclient.ValidationError", err, err)
		return
	}
	if len(want) == 0 {
		want = nil
	}
	if diff := cmp.Diff(want, got); diff != "" {
		tb.Errorf("Validate() violations mismatch (-want +got):\n%s", diff)
	}
}

// SameMeaning fails the test (without stopping it) unless want and got
// configure the same client, as [appclient.Diff] sees it. The failure shows
// go-cmp's diff of their canonical forms, "(-want +got)", and the changes Diff
// reports.
func SameMeaning(tb testing.TB, want, got appclient.CreateUserPoolClientRequest) {
	tb.Helper()
	if diff := cmp.Diff(want, got, Meaning()); diff != "" {
		tb.Errorf("configurations differ in meaning (-want +got):\n%s", diff)
	}
}
