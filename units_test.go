package appclient

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const day = 24 * time.Hour

func TestTimeUnit(t *testing.T) {
	want := []TimeUnit{"seconds", "minutes", "hours", "days"}
	if diff := cmp.Diff(want, TimeUnit("").Values()); diff != "" {
		t.Errorf("Values mismatch (-want +got):\n%s", diff)
	}
	tests := []struct {
		unit TimeUnit
		want time.Duration
	}{
		{TimeUnitSeconds, time.Second},
		{TimeUnitMinutes, time.Minute},
		{TimeUnitHours, time.Hour},
		{TimeUnitDays, day},
		{"", 0},
		{"Hours", 0},
		{"HOURS", 0},
		{"hour", 0},
		{"weeks", 0},
		{" days", 0},
	}
	for _, tc := range tests {
		if got := tc.unit.Duration(); got != tc.want {
			t.Errorf("TimeUnit(%q).Duration() = %v, want %v", tc.unit, got, tc.want)
		}
		if got, want := tc.unit.Valid(), tc.want != 0; got != want {
			t.Errorf("TimeUnit(%q).Valid() = %v, want %v", tc.unit, got, want)
		}
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		value int32
		unit  TimeUnit
		want  time.Duration
		ok    bool
	}{
		{1, TimeUnitSeconds, time.Second, true},
		{1, TimeUnitMinutes, time.Minute, true},
		{1, TimeUnitHours, time.Hour, true},
		{1, TimeUnitDays, day, true},
		{0, TimeUnitDays, 0, true},
		{0, TimeUnitSeconds, 0, true},
		{300, TimeUnitSeconds, 5 * time.Minute, true},
		{90, TimeUnitMinutes, 90 * time.Minute, true},
		{3650, TimeUnitDays, 3650 * day, true},
		{86400, TimeUnitSeconds, day, true},
		{86400, TimeUnitDays, 86400 * day, true},
		{315360000, TimeUnitSeconds, 3650 * day, true},
		// The largest values that fit in a time.Duration, and one more.
		{math.MaxInt32, TimeUnitSeconds, math.MaxInt32 * time.Second, true},
		{153722867, TimeUnitMinutes, 153722867 * time.Minute, true},
		{153722868, TimeUnitMinutes, 0, false},
		{2562047, TimeUnitHours, 2562047 * time.Hour, true},
		{2562048, TimeUnitHours, 0, false},
		{106751, TimeUnitDays, 106751 * day, true},
		{106752, TimeUnitDays, 0, false},
		{math.MaxInt32, TimeUnitMinutes, 0, false},
		{math.MaxInt32, TimeUnitHours, 0, false},
		{math.MaxInt32, TimeUnitDays, 0, false},
		{315360000, TimeUnitDays, 0, false},
		// Negative values and invalid units.
		{-1, TimeUnitSeconds, 0, false},
		{-1, TimeUnitDays, 0, false},
		{math.MinInt32, TimeUnitHours, 0, false},
		{1, "", 0, false},
		{1, "Days", 0, false},
		{1, "weeks", 0, false},
		{0, "fortnights", 0, false},
		{-1, "weeks", 0, false},
	}
	for _, tc := range tests {
		got, err := Duration(tc.value, tc.unit)
		if tc.ok {
			if err != nil {
				t.Errorf("Duration(%d, %q) failed: %v", tc.value, tc.unit, err)
			} else if got != tc.want {
				t.Errorf("Duration(%d, %q) = %v, want %v", tc.value, tc.unit, got, tc.want)
			}
			continue
		}
		want := ErrTokenValidity
		if !tc.unit.Valid() {
			want = ErrTimeUnit
		}
		if !errors.Is(err, want) {
			t.Errorf("Duration(%d, %q) = %v, %v; want an error wrapping %v", tc.value, tc.unit, got, err, want)
		}
		if got != 0 {
			t.Errorf("Duration(%d, %q) = %v with an error, want 0", tc.value, tc.unit, got)
		}
	}
}

func TestInLargestUnit(t *testing.T) {
	type validity struct {
		Value int32
		Unit  TimeUnit
	}
	tests := []struct {
		d    time.Duration
		want validity
		ok   bool
	}{
		{0, validity{0, TimeUnitDays}, true},
		{time.Second, validity{1, TimeUnitSeconds}, true},
		{90 * time.Second, validity{90, TimeUnitSeconds}, true},
		{time.Minute, validity{1, TimeUnitMinutes}, true},
		{90 * time.Minute, validity{90, TimeUnitMinutes}, true},
		{time.Hour, validity{1, TimeUnitHours}, true},
		{25 * time.Hour, validity{25, TimeUnitHours}, true},
		{day, validity{1, TimeUnitDays}, true},
		{48 * time.Hour, validity{2, TimeUnitDays}, true},
		{3650 * day, validity{3650, TimeUnitDays}, true},
		{106751 * day, validity{106751, TimeUnitDays}, true},
		{day + time.Second, validity{86401, TimeUnitSeconds}, true},
		// The most seconds an int32 holds, and beyond it: only a larger unit
		// that divides the duration saves it.
		{math.MaxInt32 * time.Second, validity{math.MaxInt32, TimeUnitSeconds}, true},
		{(1 << 31) * time.Second, validity{}, false},
		{(1<<31)*time.Second + time.Second, validity{}, false},
		{2147483700 * time.Second, validity{35791395, TimeUnitMinutes}, true},
		{math.MaxInt64 / time.Second * time.Second, validity{}, false},
		// Not a whole number of seconds.
		{time.Nanosecond, validity{}, false},
		{1500 * time.Millisecond, validity{}, false},
		{time.Hour + time.Millisecond, validity{}, false},
		{math.MaxInt64, validity{}, false},
		// Negative.
		{-time.Second, validity{}, false},
		{-48 * time.Hour, validity{}, false},
		{math.MinInt64, validity{}, false},
	}
	for _, tc := range tests {
		v, u, err := InLargestUnit(tc.d)
		if !tc.ok {
			if !errors.Is(err, ErrTokenValidity) {
				t.Errorf("InLargestUnit(%v) = %d, %q, %v; want an error wrapping ErrTokenValidity", tc.d, v, u, err)
			}
			if v != 0 || u != "" {
				t.Errorf("InLargestUnit(%v) = %d, %q with an error, want 0, \"\"", tc.d, v, u)
			}
			continue
		}
		if err != nil {
			t.Errorf("InLargestUnit(%v) failed: %v", tc.d, err)
			continue
		}
		if diff := cmp.Diff(tc.want, validity{v, u}); diff != "" {
			t.Errorf("InLargestUnit(%v) mismatch (-want +got):\n%s", tc.d, diff)
		}
		// The value and unit express the duration exactly.
		if back, err := Duration(v, u); err != nil || back != tc.d {
			t.Errorf("Duration(InLargestUnit(%v)) = %v, %v; want %v", tc.d, back, err, tc.d)
		}
	}
}

// TestInLargestUnitInverse checks that InLargestUnit inverts Duration for every unit
// over a spread of values, choosing the largest unit that divides.
func TestInLargestUnitInverse(t *testing.T) {
	units := TimeUnit("").Values()
	for _, unit := range units {
		for _, value := range []int32{1, 2, 5, 7, 23, 24, 59, 60, 61, 90, 3599, 3600, 86399, 86400, 100000, 106751} {
			d, err := Duration(value, unit)
			if err != nil {
				continue // too long for a time.Duration in this unit
			}
			v, u, err := InLargestUnit(d)
			if err != nil {
				t.Errorf("InLargestUnit(Duration(%d, %s) = %v) failed: %v", value, unit, d, err)
				continue
			}
			if back, _ := Duration(v, u); back != d {
				t.Errorf("InLargestUnit(%v) = %d %s, which is %v", d, v, u, back)
			}
			for _, larger := range units {
				if larger.Duration() > u.Duration() && d%larger.Duration() == 0 {
					t.Errorf("InLargestUnit(%v) = %d %s, but %s divide it", d, v, u, larger)
				}
			}
		}
	}
}

func TestTokenLifetimes(t *testing.T) {
	n := func(v int32) *int32 { return &v }
	tests := []struct {
		name string
		req  CreateUserPoolClientRequest
		want TokenLifetimes
	}{
		{"all absent", CreateUserPoolClientRequest{},
			TokenLifetimes{Access: time.Hour, ID: time.Hour, Refresh: 30 * day}},
		{"values without units", CreateUserPoolClientRequest{AccessTokenValidity: n(2), IDTokenValidity: n(3), RefreshTokenValidity: n(10)},
			TokenLifetimes{Access: 2 * time.Hour, ID: 3 * time.Hour, Refresh: 10 * day}},
		{"empty units", CreateUserPoolClientRequest{AccessTokenValidity: n(2), IDTokenValidity: n(3), RefreshTokenValidity: n(10), TokenValidityUnits: &TokenValidityUnits{}},
			TokenLifetimes{Access: 2 * time.Hour, ID: 3 * time.Hour, Refresh: 10 * day}},
		{"units without values", CreateUserPoolClientRequest{TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitSeconds, IDToken: TimeUnitMinutes, RefreshToken: TimeUnitHours}},
			TokenLifetimes{Access: time.Hour, ID: time.Hour, Refresh: 30 * day}},
		{"refresh 0", CreateUserPoolClientRequest{RefreshTokenValidity: n(0)},
			TokenLifetimes{Access: time.Hour, ID: time.Hour, Refresh: 30 * day}},
		{"refresh 0 in minutes", CreateUserPoolClientRequest{RefreshTokenValidity: n(0), TokenValidityUnits: &TokenValidityUnits{RefreshToken: TimeUnitMinutes}},
			TokenLifetimes{Access: time.Hour, ID: time.Hour, Refresh: 30 * day}},
		{"each unit", CreateUserPoolClientRequest{
			AccessTokenValidity: n(300), IDTokenValidity: n(90), RefreshTokenValidity: n(36),
			TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitSeconds, IDToken: TimeUnitMinutes, RefreshToken: TimeUnitHours},
		}, TokenLifetimes{Access: 5 * time.Minute, ID: 90 * time.Minute, Refresh: 36 * time.Hour}},
		{"days", CreateUserPoolClientRequest{
			AccessTokenValidity: n(1), IDTokenValidity: n(1), RefreshTokenValidity: n(3650),
			TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitDays, IDToken: TimeUnitDays, RefreshToken: TimeUnitDays},
		}, TokenLifetimes{Access: day, ID: day, Refresh: 3650 * day}},
		{"one unit given", CreateUserPoolClientRequest{
			AccessTokenValidity: n(15), IDTokenValidity: n(2), RefreshTokenValidity: n(7),
			TokenValidityUnits: &TokenValidityUnits{AccessToken: TimeUnitMinutes},
		}, TokenLifetimes{Access: 15 * time.Minute, ID: 2 * time.Hour, Refresh: 7 * day}},
		{"bounds are not checked", CreateUserPoolClientRequest{AccessTokenValidity: n(0), IDTokenValidity: n(86400), RefreshTokenValidity: n(1),
			TokenValidityUnits: &TokenValidityUnits{RefreshToken: TimeUnitSeconds}},
			TokenLifetimes{Access: 0, ID: 86400 * time.Hour, Refresh: time.Second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.req.TokenLifetimes()
			if err != nil {
				t.Fatalf("TokenLifetimes failed: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("TokenLifetimes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTokenLifetimesErrors(t *testing.T) {
	n := func(v int32) *int32 { return &v }
	tests := []struct {
		name string
		req  CreateUserPoolClientRequest
	}{
		{"negative access", CreateUserPoolClientRequest{AccessTokenValidity: n(-1)}},
		{"negative ID", CreateUserPoolClientRequest{IDTokenValidity: n(-60)}},
		{"negative refresh", CreateUserPoolClientRequest{RefreshTokenValidity: n(-1)}},
		{"invalid access unit", CreateUserPoolClientRequest{AccessTokenValidity: n(1), TokenValidityUnits: &TokenValidityUnits{AccessToken: "weeks"}}},
		{"mis-cased ID unit", CreateUserPoolClientRequest{IDTokenValidity: n(1), TokenValidityUnits: &TokenValidityUnits{IDToken: "Hours"}}},
		{"invalid refresh unit", CreateUserPoolClientRequest{RefreshTokenValidity: n(1), TokenValidityUnits: &TokenValidityUnits{RefreshToken: "months"}}},
		{"refresh overflow", CreateUserPoolClientRequest{RefreshTokenValidity: n(math.MaxInt32)}},
		{"access overflow in hours", CreateUserPoolClientRequest{AccessTokenValidity: n(math.MaxInt32)}},
		{"ID overflow in minutes", CreateUserPoolClientRequest{IDTokenValidity: n(math.MaxInt32), TokenValidityUnits: &TokenValidityUnits{IDToken: TimeUnitMinutes}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.req.TokenLifetimes()
			want := ErrTokenValidity
			if strings.Contains(tc.name, "unit") {
				want = ErrTimeUnit
			}
			if !errors.Is(err, want) {
				t.Errorf("TokenLifetimes() = %v, %v; want an error wrapping %v", got, err, want)
			}
			if diff := cmp.Diff(TokenLifetimes{}, got); diff != "" {
				t.Errorf("TokenLifetimes with an error is not zero (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaults pins Cognito's documented defaults and bounds.
func TestDefaults(t *testing.T) {
	type defaults struct {
		Units                         [3]TimeUnit
		Lifetimes                     [3]time.Duration
		MinAccess, MaxAccess, MinID   time.Duration
		MaxID, MinRefresh, MaxRefresh time.Duration
	}
	want := defaults{
		Units:      [3]TimeUnit{TimeUnitHours, TimeUnitHours, TimeUnitDays},
		Lifetimes:  [3]time.Duration{time.Hour, time.Hour, 30 * day},
		MinAccess:  5 * time.Minute,
		MaxAccess:  day,
		MinID:      5 * time.Minute,
		MaxID:      day,
		MinRefresh: time.Hour,
		MaxRefresh: 3650 * day,
	}
	got := defaults{
		Units:      [3]TimeUnit{DefaultAccessTokenUnit, DefaultIDTokenUnit, DefaultRefreshTokenUnit},
		Lifetimes:  [3]time.Duration{DefaultAccessTokenValidity, DefaultIDTokenValidity, DefaultRefreshTokenValidity},
		MinAccess:  MinAccessTokenValidity,
		MaxAccess:  MaxAccessTokenValidity,
		MinID:      MinIDTokenValidity,
		MaxID:      MaxIDTokenValidity,
		MinRefresh: MinRefreshTokenValidity,
		MaxRefresh: MaxRefreshTokenValidity,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults mismatch (-want +got):\n%s", diff)
	}
}
