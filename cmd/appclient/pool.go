package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
)

// poolFiles is the value of the repeatable flag -pool: files of the AWS CLI's
// output that together describe the user pool of the request files.
type poolFiles []string

func (p *poolFiles) String() string { return strings.Join(*p, ",") }

func (p *poolFiles) Set(name string) error {
	if name == "-" {
		return errors.New("-pool cannot read standard input: give a file")
	}
	*p = append(*p, name)
	return nil
}

// poolFlag registers -pool on fs.
func poolFlag(fs *flag.FlagSet) *poolFiles {
	p := new(poolFiles)
	fs.Var(p, "pool", "a `FILE` of AWS CLI output describing the user pool of request\nfiles (describe-user-pool, list-resource-servers and\nlist-identity-providers), in one file or several -pool flags")
	return p
}

// readPool reads the -pool files as one description of a pool, or returns
// nil when there are none. A problem is reported on stderr as
// FILE:LINE:COL: MESSAGE, and ok is false.
func readPool(files poolFiles, stderr io.Writer) (pool *appclient.Pool, ok bool) {
	if len(files) == 0 {
		return nil, true
	}
	var srcs []appclient.PoolSource
	for _, name := range files {
		data, err := readPoolFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", escapeText(name), escapeText(readErrorText(err)))
			return nil, false
		}
		srcs = append(srcs, appclient.PoolSource{Name: name, Reader: bytes.NewReader(data)})
	}
	pool, err := appclient.DecodePoolFrom(srcs...)
	if err == nil {
		return pool, true
	}
	var pe *appclient.PoolFileError
	if !errors.As(err, &pe) {
		fmt.Fprintf(stderr, "appclient validate: -pool: %v\n", err)
		return nil, false
	}
	fmt.Fprintf(stderr, "%s:%d:%d: %s\n", escapeText(pe.Name), pe.Line, pe.Column, escapeText(pe.Message))
	return nil, false
}

// readPoolFile reads a -pool file, refusing one larger than the inputs'
// limit.
func readPoolFile(name string) ([]byte, error) {
	return iac.ReadInput(name, iac.MaxFileSize)
}

// readInputInPool is readInput, with the request files also checked
// against pool (nil for none).
func readInputInPool(name string, stdin io.Reader, vals *iac.Values, pool *appclient.Pool, stderr io.Writer, emit func(*fileResult)) error {
	if pool == nil {
		return readInput(name, stdin, vals, emit)
	}
	var files []*iac.File
	var err error
	if name == "-" {
		var f *iac.File
		f, err = iac.ReadFrom(displayName(name), stdin)
		files = []*iac.File{f}
	} else {
		files, err = iac.ReadWith(name, vals)
	}
	if err != nil {
		return err
	}
	for _, f := range files {
		rs := result(f)
		checkInPool(rs[0], f, pool, stderr)
		for _, r := range rs {
			emit(r)
		}
	}
	return nil
}

// checkInPool adds to the result of a request file the findings of the
// rules that need the user pool: violations, and the warnings of
// attribute-exists. A request for another pool than the one
// described is an input error. Templates and plans are not checked against
// the -pool description: their pools are their own; a note on stderr says
// so.
func checkInPool(res *fileResult, f *iac.File, pool *appclient.Pool, stderr io.Writer) {
	if pool == nil || len(res.Errors) > 0 || res.Skipped != "" {
		return
	}
	apiShape := f.Kind == iac.KindRequest || f.Kind == iac.KindUpdate || f.Kind == iac.KindDescribed
	if !apiShape || len(f.Clients) != 1 {
		fmt.Fprintf(stderr, "%s: note: -pool applies to request, update and describe files, not to this %s input\n", escapeText(res.Name), res.Kind)
		return
	}
	c := f.Clients[0]
	req := &c.Request
	if pool.ID != "" && req.UserPoolID != pool.ID {
		res.Errors = append(res.Errors, inputError{Pos: posOf(c.PositionOf("UserPoolId")),
			Msg: fmt.Sprintf("UserPoolId %q is not the user pool that -pool describes (%q)", req.UserPoolID, pool.ID)})
		return
	}
	// The pool rules' findings, errors and the attribute-exists warning.
	for _, fd := range iac.CheckInPool(c, pool) {
		res.Findings = append(res.Findings, finding{
			Pos: posOf(fd.Pos), Resource: fd.Resource, Field: fd.Field,
			Rule: fd.Rule, Severity: fd.Severity, Exception: fd.Exception, Message: fd.Message,
		})
	}
	// In line order, as result gives the others.
	slices.SortStableFunc(res.Findings, func(a, b finding) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
}
