package main

import (
	"errors"
	"io"
	"os"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
)

// fileResult is what validating one file found, in package iac's and
// appclient's own types: the command only groups them by file and prints
// them.
type fileResult struct {
	// Name is the file name as given, or "<stdin>".
	Name string
	// Kind is the input's kind (kindUserPool for audit), or "" when the file
	// could not be read.
	Kind iac.Kind
	// Clients are the clients the file defines.
	Clients []*iac.Client
	// Findings are the violations and advisories, in line order.
	Findings []report
	// Errors are input problems: the file or a client could not be read.
	Errors []*iac.Error
	// Notes are what reading left out and why, such as a module whose
	// source is not on disk; they leave the exit status alone.
	Notes []*iac.Error
	// Skipped says why a directory walk passed over the file (see
	// iac.File.Skipped); such a result has nothing else.
	Skipped string
}

// report is a finding as the command reports it: with where a
// configuration file changed its severity, and where the values a
// deployment passes that it rests on are written (iac.Client.OriginsOf).
type report struct {
	appclient.Finding
	// ConfiguredBy is where a configuration file changed the rule's
	// severity ("FILE:LINE"); "" when the severity is the rule's own.
	ConfiguredBy string
	// Origins are where the values a deployment passes that the finding
	// rests on are written: a tfvars line, a module's argument, a
	// parameter file.
	Origins []iac.Origin
}

// inputError is an input problem of the file name that no position
// locates.
func inputError(name, msg string) *iac.Error {
	return &iac.Error{File: displayName(name), Message: msg}
}

// readInput reads a file, standard input for "-", or every input under a
// directory, and hands emit what it found, file by file, in order, so that
// nothing of a file need stay in memory once it is written. Every kind of
// input is package iac's; a directory is read by one streaming walk. With a
// pool (nil for none), each request file is also checked against it as it
// is read (see checkInPool), inside that walk.
func readInput(name string, stdin io.Reader, vals *iac.Values, pool *appclient.Pool, stderr io.Writer, emit func(*fileResult)) error {
	each := func(f *iac.File) error {
		rs := result(f)
		checkInPool(rs[0], f, pool, stderr)
		for _, r := range rs {
			emit(r)
		}
		return nil
	}
	if name == "-" {
		f, err := iac.ReadFrom(displayName(name), stdin)
		if err != nil {
			return err
		}
		return each(f)
	}
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return iac.WalkWith(name, vals, each)
	}
	// A file: one input, or a .tf file with the modules it calls.
	files, err := iac.ReadWith(name, vals)
	for _, f := range files {
		each(f)
	}
	return err
}

// displayName is how a file is named in messages.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// analyze validates every app client of one input held in memory.
func analyze(name string, data []byte) *fileResult {
	return result(iac.ReadBytes(displayName(name), data))[0]
}

// result groups what iac found in a file read (File.Findings: checked,
// silenced rules left out, in line order) by the file that defines it: one
// result for the file, then one for each file it includes that defines
// clients (a Serverless fragment).
func result(f *iac.File) []*fileResult {
	res := &fileResult{Name: f.Name, Kind: f.Kind, Skipped: f.Skipped}
	out := []*fileResult{res}
	byName := map[string]*fileResult{f.Name: res}
	resultOf := func(name string) *fileResult {
		r := byName[name]
		if r == nil {
			r = &fileResult{Name: name, Kind: f.Kind}
			byName[name] = r
			out = append(out, r)
		}
		return r
	}
	// An error or a note names its own file: one in a template the file
	// nests or includes is printed under that template's name.
	for _, e := range f.Errors {
		r := res
		if e.File != "" {
			r = resultOf(e.File)
		}
		r.Errors = append(r.Errors, e)
	}
	for _, e := range f.Notes {
		r := res
		if e.File != "" {
			r = resultOf(e.File)
		}
		r.Notes = append(r.Notes, e)
	}
	clients := map[[2]string]*iac.Client{}
	for _, c := range f.Clients {
		r := resultOf(c.File)
		r.Clients = append(r.Clients, c)
		r.Errors = append(r.Errors, c.Errors...)
		clients[[2]string{c.File, c.Resource}] = c
	}
	for _, fd := range f.Findings() {
		var origins []iac.Origin
		if c := clients[[2]string{fd.File, fd.Resource}]; c != nil {
			origins = c.OriginsOf(fd)
		}
		r := resultOf(fd.File)
		r.Findings = append(r.Findings, report{Finding: fd, Origins: origins})
	}
	return out
}

// readErrorText words a read error without Go's "open x:" prefix, since
// the file name starts the line anyway.
func readErrorText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
