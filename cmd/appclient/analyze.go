package main

import (
	"errors"
	"io"
	"os"

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

// finding is one violation Cognito would reject.
type finding struct {
	Pos       pos
	Resource  string
	Field     string
	Rule      string
	Exception string
	Message   string
}

// inputError is a problem with the input itself.
type inputError struct {
	Pos      pos
	Resource string
	Msg      string
}

// readInput reads a file, or standard input for "-".
func readInput(name string, stdin io.Reader) (*iac.File, error) {
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
	return result(iac.ReadBytes(displayName(name), data))
}

// result checks the clients of a file read and turns what it found into
// what the output prints.
func result(f *iac.File) *fileResult {
	res := &fileResult{Name: f.Name, Kind: string(f.Kind)}
	for _, e := range f.Errors {
		res.Errors = append(res.Errors, inputError{Pos: posOf(e.Pos), Resource: e.Resource, Msg: e.Msg})
	}
	for _, c := range f.Clients {
		res.Clients = append(res.Clients, &client{Resource: c.Resource, Pos: posOf(c.Pos), unknown: c.Unknown})
		for _, e := range c.Errors {
			res.Errors = append(res.Errors, inputError{Pos: posOf(e.Pos), Resource: e.Resource, Msg: e.Msg})
		}
		for _, fd := range append(iac.Check(c), iac.CheckPool(c, f.Resources)...) {
			if c.Ignores(fd.Rule) {
				continue
			}
			res.Findings = append(res.Findings, finding{
				Pos: posOf(fd.Pos), Resource: fd.Resource, Field: fd.Field,
				Rule: fd.Rule, Exception: fd.Exception, Message: fd.Message,
			})
		}
	}
	return res
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
