//go:build race

package iac

// raceEnabled reports whether the tests run under the race detector,
// which needs far more address space than the hostile inputs' limit.
const raceEnabled = true
