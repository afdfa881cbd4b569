//go:build !race

package iac

const raceEnabled = false
