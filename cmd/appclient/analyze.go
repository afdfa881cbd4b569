package main

import (
	"errors"
	"io"
	"os"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
)

// fileResult is what validating one file found.
type fileResult struct {
	// Name is the file name as given, or "<stdin>".
	Name string
	// Kind is one of the input kinds, or "" when the file could not be read.
	Kind     string
	Clients  []*client
	Findings []finding
	// Errors are input problems: the file or a client could not be read.
	Errors []inputError
	// Notes are what reading left out and why, such as a module whose
	// source is not on disk; they leave the exit status alone.
	Notes []inputError
	// Skipped says why a directory walk passed over the file (see
	// iac.File.Skipped); such a result has nothing else.
	Skipped string
}

// client is what the output says about one client read.
type client struct {
	Resource string
	Pos      pos
	unknown  []string
}

// unknownPaths returns the client's unknown member paths, sorted.
func (c *client) unknownPaths() []string { return append([]string{}, c.unknown...) }

// pos is a 1-based line and column; the zero pos means unknown.
type pos struct{ Line, Col int }

func posOf(p iac.Position) pos { return pos{Line: p.Line, Col: p.Column} }

// finding is one violation Cognito would reject, or one advisory.
type finding struct {
	Pos      pos
	Resource string
	Field    string
	Rule     string
	// Severity is "error" for a violation, "warning" for an advisory.
	Severity  appclient.Severity
	Exception string
	Message   string
	// ConfiguredBy is where a configuration file changed the rule's
	// severity ("FILE:LINE"); "" when the severity is the rule's own.
	ConfiguredBy string
	// Origins are where the values a deployment passes that the finding
	// rests on are written: a tfvars line, a module's argument, a
	// parameter file.
	Origins []iac.Origin
}

// inputError is a problem with the input itself.
type inputError struct {
	Pos      pos
	Resource string
	Msg      string
}

// readInput reads a file, standard input for "-", or every input under a
// directory, and hands emit what it found, file by file, in order, so that
// nothing of a file need stay in memory once it is written. Every kind of
// input is package iac's.
func readInput(name string, stdin io.Reader, vals *iac.Values, emit func(*fileResult)) error {
	if fi, err := os.Stat(name); name != "-" && err == nil && fi.IsDir() {
		return iac.WalkWith(name, vals, func(f *iac.File) error {
			for _, r := range result(f) {
				emit(r)
			}
			return nil
		})
	}
	if name != "-" {
		files, err := iac.ReadWith(name, vals)
		for _, f := range files {
			for _, r := range result(f) {
				emit(r)
			}
		}
		return err
	}
	f, err := readFile(name, stdin)
	if err != nil {
		return err
	}
	for _, r := range result(f) {
		emit(r)
	}
	return nil
}

// readFile reads one file, or standard input for "-".
func readFile(name string, stdin io.Reader) (*iac.File, error) {
	if name == "-" {
		return iac.ReadFrom(displayName(name), stdin)
	}
	return iac.ReadFile(name)
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

// result turns what iac found in a file read (File.Findings: checked,
// silenced rules left out, in line order) into what the output prints: one
// result for the file, then one for each file it includes that defines
// clients (a Serverless fragment).
func result(f *iac.File) []*fileResult {
	res := &fileResult{Name: f.Name, Kind: string(f.Kind), Skipped: f.Skipped}
	out := []*fileResult{res}
	byName := map[string]*fileResult{f.Name: res}
	resultOf := func(name string) *fileResult {
		r := byName[name]
		if r == nil {
			r = &fileResult{Name: name, Kind: string(f.Kind)}
			byName[name] = r
			out = append(out, r)
		}
		return r
	}
	for _, e := range f.Errors {
		res.Errors = append(res.Errors, inputError{Pos: posOf(e.Pos), Resource: e.Resource, Msg: e.Msg})
	}
	for _, e := range f.Notes {
		res.Notes = append(res.Notes, inputError{Pos: posOf(e.Pos), Resource: e.Resource, Msg: e.Msg})
	}
	for _, c := range f.Clients {
		r := resultOf(c.File)
		r.Clients = append(r.Clients, &client{Resource: c.Resource, Pos: posOf(c.Pos), unknown: c.Unknown})
		for _, e := range c.Errors {
			r.Errors = append(r.Errors, inputError{Pos: posOf(e.Pos), Resource: e.Resource, Msg: e.Msg})
		}
	}
	clients := map[[2]string]*iac.Client{}
	for _, c := range f.Clients {
		clients[[2]string{c.File, c.Resource}] = c
	}
	for _, fd := range f.Findings() {
		r := resultOf(fd.File)
		var origins []iac.Origin
		if c := clients[[2]string{fd.File, fd.Resource}]; c != nil {
			origins = c.OriginsOf(fd)
		}
		r.Findings = append(r.Findings, finding{
			Pos: posOf(fd.Pos), Resource: fd.Resource, Field: fd.Field,
			Rule: fd.Rule, Severity: fd.Severity, Exception: fd.Exception, Message: fd.Message,
			Origins: origins,
		})
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
