//go:build !unix

package iac

// openFlags: no flag is needed where named pipes are not files.
const openFlags = 0
