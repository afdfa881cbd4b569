//go:build unix

package iac

import "syscall"

// openFlags opens without waiting: a named pipe put in place of a file
// after it was checked does not block the open.
const openFlags = syscall.O_NONBLOCK
