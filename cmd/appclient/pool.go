package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
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
// nil when there are none. appclient.DecodePoolFrom reads the files one at
// a time, each opened as the inputs are (iac.OpenInput: a regular file of
// at most iac.MaxFileSize bytes). A problem is reported on stderr as
// FILE:LINE:COL: MESSAGE, and ok is false.
func readPool(files poolFiles, stderr io.Writer) (pool *appclient.Pool, ok bool) {
	if len(files) == 0 {
		return nil, true
	}
	srcs := make([]appclient.PoolSource, len(files))
	inputs := make([]*poolInput, len(files))
	for i, name := range files {
		inputs[i] = &poolInput{name: name}
		srcs[i] = appclient.PoolSource{Name: name, Reader: inputs[i]}
	}
	defer func() {
		for _, in := range inputs {
			in.close()
		}
	}()
	pool, err := appclient.DecodePoolFrom(srcs...)
	if err == nil {
		return pool, true
	}
	var pe *appclient.PoolFileError
	var in *poolInputError
	switch {
	case errors.As(err, &in):
		fmt.Fprintf(stderr, "%s: %s\n", escapeText(in.name), escapeText(readErrorText(in.err)))
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "%s:%d:%d: %s\n", escapeText(pe.Name), pe.Line, pe.Column, escapeText(pe.Message))
	default:
		fmt.Fprintf(stderr, "appclient validate: -pool: %v\n", err)
	}
	return nil, false
}

// poolInput is a -pool file, opened on its first Read and closed at its
// end, so that one file at a time is open and read.
type poolInput struct {
	name string
	f    *os.File
	r    io.Reader
	done bool
}

// poolInputError is a -pool file that cannot be opened or read.
type poolInputError struct {
	name string
	err  error
}

func (e *poolInputError) Error() string { return e.name + ": " + readErrorText(e.err) }
func (e *poolInputError) Unwrap() error { return e.err }

func (p *poolInput) Read(b []byte) (int, error) {
	if p.done {
		return 0, io.EOF
	}
	if p.f == nil {
		f, _, err := iac.OpenInput(p.name, iac.MaxFileSize)
		if err != nil {
			p.done = true
			return 0, &poolInputError{p.name, err}
		}
		// One byte over the limit tells a file that grew while read.
		p.f, p.r = f, io.LimitReader(f, iac.MaxFileSize+1)
	}
	n, err := p.r.Read(b)
	if lr := p.r.(*io.LimitedReader); lr.N == 0 {
		p.close()
		return 0, &poolInputError{p.name, &fs.PathError{Op: "read", Path: p.name, Err: iac.ErrTooLarge}}
	}
	if err == io.EOF {
		p.close()
	} else if err != nil {
		err = &poolInputError{p.name, err}
	}
	return n, err
}

// close closes the file, if it is open.
func (p *poolInput) close() {
	if p.f != nil {
		p.f.Close()
		p.f = nil
	}
	p.done = true
}

// checkInPool adds to the result of a request file the findings of the
// rules that need the user pool (nil for none): violations, and the
// warnings of attribute-exists. A request for another pool than the one
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
		res.Errors = append(res.Errors, &iac.Error{File: res.Name, Pos: c.PositionOf("UserPoolId"),
			Message: fmt.Sprintf("UserPoolId %q is not the user pool that -pool describes (%q)", req.UserPoolID, pool.ID)})
		return
	}
	// The pool rules' findings, errors and the attribute-exists warning.
	for _, fd := range iac.CheckInPool(c, pool) {
		res.Findings = append(res.Findings, report{Finding: fd})
	}
	// In line order, as result gives the others.
	slices.SortStableFunc(res.Findings, func(a, b report) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Column - b.Pos.Column
	})
}
