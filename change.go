package appclient

import (
	"fmt"
	"slices"
)

// Change is one member whose meaning differs between two configurations, as
// [Diff] reports it.
type Change struct {
	// Field is the AWS member path of the member, such as "CallbackURLs",
	// "AccessTokenValidity" or "RefreshTokenRotation.Feature".
	Field string

	// Want and Got are the member's values in Diff's want and got, in their
	// canonical form ([CreateUserPoolClientRequest.Canonical]), so that a
	// default shows as the value Cognito uses:
	//
	//   - token lifetimes (AccessTokenValidity, IdTokenValidity,
	//     RefreshTokenValidity) are time.Duration, their units folded in; a
	//     lifetime that does not convert to a duration is a string such as
	//     "-5 hours" or "absent, in weeks";
	//   - GenerateSecret is a bool that reports whether the client has a
	//     secret: a secret's value never appears in a Change;
	//   - lists are sorted and without duplicates, of the member's type
	//     ([]string, []OAuthFlow, []ExplicitAuthFlow), nil when empty;
	//   - optional strings, numbers and booleans are string, int32 and bool,
	//     or nil when absent; enumerations have their type, such as
	//     UserExistenceErrors;
	//   - AnalyticsConfiguration, when present on one side only, is an
	//     AnalyticsConfiguration value on that side and nil on the other;
	//     when present on both, its members are compared one by one.
	Want, Got any
}

// differ collects Changes.
type differ struct{ changes []Change }

func (d *differ) add(field string, want, got any) {
	d.changes = append(d.changes, Change{Field: field, Want: want, Got: got})
}

// value compares two comparable values.
func (d *differ) value(field string, want, got any) {
	if want != got {
		d.add(field, want, got)
	}
}

// lifetime compares two canonical token lifetimes: equal durations have equal
// canonical values and units, and so do equal lifetimes that are not
// durations.
func (d *differ) lifetime(field string, wv *int32, wu TimeUnit, gv *int32, gu TimeUnit) {
	if equalPtr(wv, gv) && wu == gu {
		return
	}
	d.add(field, lifetimeValue(wv, wu), lifetimeValue(gv, gu))
}

// lifetimeValue is a canonical lifetime as a Change shows it.
func lifetimeValue(v *int32, unit TimeUnit) any {
	if d, ok := lifetimeOf(v, unit); ok {
		return d
	}
	if v == nil {
		return "absent, in " + string(unit)
	}
	return fmt.Sprintf("%d %s", *v, unit)
}

// diffList compares two canonical lists.
func diffList[S ~[]E, E comparable](d *differ, field string, want, got S) {
	if !slices.Equal(want, got) {
		d.add(field, want, got)
	}
}

// diffPtr compares two optional values.
func diffPtr[T comparable](d *differ, field string, want, got *T) {
	if !equalPtr(want, got) {
		d.add(field, derefOrNil(want), derefOrNil(got))
	}
}

func equalPtr[T comparable](a, b *T) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// derefOrNil returns *p, or an untyped nil for a nil p.
func derefOrNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
