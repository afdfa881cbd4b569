package appclient

import (
	"fmt"
	"math"
	"time"
)

// TimeUnit is the unit of a token lifetime in [TokenValidityUnits].
type TimeUnit string

// The time units, in the order of [TimeUnit.Values].
const (
	TimeUnitSeconds TimeUnit = "seconds"
	TimeUnitMinutes TimeUnit = "minutes"
	TimeUnitHours   TimeUnit = "hours"
	TimeUnitDays    TimeUnit = "days"
)

// Values returns seconds, minutes, hours and days.
func (TimeUnit) Values() []TimeUnit {
	return []TimeUnit{TimeUnitSeconds, TimeUnitMinutes, TimeUnitHours, TimeUnitDays}
}

// Valid reports whether u is one of [TimeUnit.Values], compared case-sensitively.
func (u TimeUnit) Valid() bool { return u.Duration() != 0 }

// Duration returns the length of one u, or 0 if u is not a valid unit.
func (u TimeUnit) Duration() time.Duration {
	switch u {
	case TimeUnitSeconds:
		return time.Second
	case TimeUnitMinutes:
		return time.Minute
	case TimeUnitHours:
		return time.Hour
	case TimeUnitDays:
		return 24 * time.Hour
	}
	return 0
}

// Cognito's defaults for a token lifetime or unit that a request leaves out.
const (
	DefaultAccessTokenUnit  = TimeUnitHours
	DefaultIDTokenUnit      = TimeUnitHours
	DefaultRefreshTokenUnit = TimeUnitDays

	DefaultAccessTokenValidity  = time.Hour
	DefaultIDTokenValidity      = time.Hour
	DefaultRefreshTokenValidity = 30 * 24 * time.Hour
)

// The inclusive bounds Cognito sets on token lifetimes, whatever the unit.
const (
	MinAccessTokenValidity  = 5 * time.Minute
	MaxAccessTokenValidity  = 24 * time.Hour
	MinIDTokenValidity      = 5 * time.Minute
	MaxIDTokenValidity      = 24 * time.Hour
	MinRefreshTokenValidity = 60 * time.Minute
	MaxRefreshTokenValidity = 3650 * 24 * time.Hour
)

// Duration returns value units as a [time.Duration]. It fails, wrapping
// [ErrTimeUnit], if unit is not valid, and wrapping [ErrTokenValidity] if value
// is negative or the result does not fit in a time.Duration (about 292 years):
// it never wraps around. It is the inverse of [InLargestUnit].
func Duration(value int32, unit TimeUnit) (time.Duration, error) {
	d, ok := duration(value, unit)
	if !ok {
		switch {
		case !unit.Valid():
			return 0, fmt.Errorf("%w %q (want %s)", ErrTimeUnit, string(unit), wantTimeUnits)
		case value < 0:
			return 0, fmt.Errorf("%w: negative lifetime %d", ErrTokenValidity, value)
		default:
			return 0, fmt.Errorf("%w: %d %s does not fit in a time.Duration", ErrTokenValidity, value, unit)
		}
	}
	return d, nil
}

// duration is Duration without the error: ok is false where Duration fails.
func duration(value int32, unit TimeUnit) (time.Duration, bool) {
	u := unit.Duration()
	if u == 0 || value < 0 || int64(value) > math.MaxInt64/int64(u) {
		return 0, false
	}
	return time.Duration(value) * u, true
}

// InLargestUnit expresses d exactly as a number of the largest unit that
// divides it: 90 minutes is (90, minutes), 48 hours is (2, days), 90 seconds
// is (90, seconds), and 0 is (0, days). [Duration] is its inverse. It fails,
// wrapping [ErrTokenValidity], where no unit expresses d exactly: d is
// negative, has a part smaller than a second, or needs more seconds than an
// int32 holds. It never rounds.
func InLargestUnit(d time.Duration) (int32, TimeUnit, error) {
	if d < 0 {
		return 0, "", fmt.Errorf("%w: negative lifetime %s", ErrTokenValidity, d)
	}
	if d%time.Second != 0 {
		return 0, "", fmt.Errorf("%w: %s is not a whole number of seconds", ErrTokenValidity, d)
	}
	units := [...]TimeUnit{TimeUnitDays, TimeUnitHours, TimeUnitMinutes, TimeUnitSeconds}
	for _, u := range units {
		if d%u.Duration() != 0 {
			continue
		}
		n := d / u.Duration()
		if n > math.MaxInt32 {
			break
		}
		return int32(n), u, nil
	}
	return 0, "", fmt.Errorf("%w: %s needs more than %d seconds", ErrTokenValidity, d, math.MaxInt32)
}

const wantTimeUnits = `seconds, minutes, hours, days`

// lifetimeOf returns the duration of an effective lifetime, if it has one.
func lifetimeOf(v *int32, unit TimeUnit) (time.Duration, bool) {
	if v == nil {
		return 0, false
	}
	return duration(*v, unit)
}
