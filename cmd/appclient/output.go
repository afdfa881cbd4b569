package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
)

// escapeText returns s with every character that could break a line of
// text output or change how a terminal shows it escaped as in a Go string
// literal: control characters (C0, DEL, C1), the Unicode line and
// paragraph separators, bidirectional overrides and isolates, and bytes
// that are not UTF-8. A file name or logical ID holding a newline cannot
// forge a line of output, nor an escape sequence recolour one.
func escapeText(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if mustEscape(r, size) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && mustEscape(r, size):
			fmt.Fprintf(&b, `\x%02x`, r)
		case mustEscape(r, size):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// mustEscape reports whether escapeText escapes the rune r, which took
// size bytes.
func mustEscape(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// writeText prints one line per finding of a file, in the style of compiler errors:
//
//	FILE:LINE: RESOURCE: MEMBER: MESSAGE (EXCEPTION)
//	FILE:LINE: RESOURCE: MEMBER: warning: MESSAGE (RULE)
//
// RESOURCE is left out for request files, which hold one client.
func writeText(w io.Writer, r *fileResult) error {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s:%d: ", escapeText(r.Name), max(f.Pos.Line, 1))
		if f.Resource != "" {
			b.WriteString(escapeText(f.Resource))
			b.WriteString(": ")
		}
		if f.Field != "" {
			b.WriteString(escapeText(f.Field))
			b.WriteString(": ")
		}
		switch {
		case f.ConfiguredBy != "":
			// The rule's severity is the configuration's: say so, with
			// the rule id, whatever the severity.
			if f.Severity == appclient.SeverityWarning {
				b.WriteString("warning: ")
			}
			b.WriteString(escapeText(f.Message))
			b.WriteString(" (")
			if f.Exception != "" {
				b.WriteString(f.Exception)
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%s, %s by %s)\n", f.Rule, f.Severity, escapeText(f.ConfiguredBy))
		case f.Severity == appclient.SeverityWarning:
			fmt.Fprintf(&b, "warning: %s (%s)\n", escapeText(f.Message), f.Rule)
		default:
			b.WriteString(escapeText(f.Message))
			if f.Exception != "" {
				fmt.Fprintf(&b, " (%s)", f.Exception)
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeErrors prints the input errors as FILE:LINE:COL: RESOURCE: MESSAGE,
// then the notes as FILE:LINE:COL: RESOURCE: note: MESSAGE.
func writeErrors(w io.Writer, r *fileResult) {
	for _, e := range r.Errors {
		fmt.Fprintf(w, "%s\n", formatInputError(r.Name, e, ""))
	}
	for _, e := range r.Notes {
		fmt.Fprintf(w, "%s\n", formatInputError(r.Name, e, "note: "))
	}
}

// formatInputError is e.Error() with file in place of e.File, every part
// escaped, and prefix before the message.
func formatInputError(file string, e *iac.Error, prefix string) string {
	var b strings.Builder
	b.WriteString(escapeText(file))
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Pos.Line, e.Pos.Column)
	}
	b.WriteString(": ")
	if e.Resource != "" {
		b.WriteString(escapeText(e.Resource))
		b.WriteString(": ")
	}
	b.WriteString(prefix)
	b.WriteString(escapeText(e.Message))
	return b.String()
}

// The json output. Its structure is part of the command's contract: fields
// are only ever added.
type jsonReport struct {
	// Version is the version of this structure: 1.
	Version    int             `json:"version"`
	Files      []jsonFile      `json:"files"`
	Violations []jsonViolation `json:"violations"`
	// Skipped are the files a directory walk passed over, with why.
	Skipped []jsonSkipped `json:"skipped"`
}

type jsonSkipped struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

type jsonFile struct {
	File    string       `json:"file"`
	Kind    string       `json:"kind"`
	Clients []jsonClient `json:"clients"`
	Errors  []jsonError  `json:"errors"`
	// Notes are what reading left out and why (a Terraform module whose
	// source is not on disk): not errors.
	Notes []jsonError `json:"notes"`
}

type jsonClient struct {
	Resource string   `json:"resource"`
	Line     int      `json:"line"`
	Unknown  []string `json:"unknown"`
}

type jsonError struct {
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Resource string `json:"resource"`
	Message  string `json:"message"`
}

type jsonViolation struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Resource  string `json:"resource"`
	Field     string `json:"field"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Exception string `json:"exception"`
	Message   string `json:"message"`
	// ConfiguredBy is where a configuration file set the severity
	// ("FILE:LINE"), when it differs from the rule's own; "" otherwise.
	ConfiguredBy string `json:"configured_by"`
	// Origins are where the values a deployment passes that the finding
	// rests on are written (a tfvars line, a module's argument, a
	// parameter file), beside file and line, the client's member; absent
	// when there are none.
	Origins []jsonOrigin `json:"origins,omitempty"`
}

// jsonOrigin is where a value a deployment passes is written: source
// names it ("terraform.tfvars", "-var-file prod.tfvars", "module.web's
// argument callback_urls", "stage prod"); file and line are absent for a
// value given on the command line or in the environment.
type jsonOrigin struct {
	Source string `json:"source"`
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// documentResult returns r as the json and sarif documents keep it until
// every file is read: each client reduced to what they print of it (its
// file, resource, position and unknown members), so that what the command
// holds grows with the findings, not with the requests, the member
// positions and the origins of every client read.
func documentResult(r *fileResult) *fileResult {
	if len(r.Clients) == 0 {
		return r
	}
	kept := *r
	kept.Clients = make([]*iac.Client, len(r.Clients))
	for i, c := range r.Clients {
		kept.Clients[i] = &iac.Client{File: c.File, Resource: c.Resource, Pos: c.Pos, Unknown: c.Unknown}
	}
	return &kept
}

func writeJSON(w io.Writer, results []*fileResult) error {
	rep := jsonReport{Version: 1, Files: []jsonFile{}, Violations: []jsonViolation{}, Skipped: []jsonSkipped{}}
	for _, r := range results {
		if r.Skipped != "" {
			rep.Skipped = append(rep.Skipped, jsonSkipped{File: r.Name, Reason: r.Skipped})
			continue
		}
		f := jsonFile{File: r.Name, Kind: string(r.Kind), Clients: []jsonClient{}, Errors: jsonErrors(r.Errors), Notes: jsonErrors(r.Notes)}
		for _, c := range r.Clients {
			// Unknown is [] when there are none: the documented shape.
			f.Clients = append(f.Clients, jsonClient{Resource: c.Resource, Line: c.Pos.Line, Unknown: append([]string{}, c.Unknown...)})
		}
		rep.Files = append(rep.Files, f)
		for _, v := range r.Findings {
			rep.Violations = append(rep.Violations, jsonViolation{
				File: r.Name, Line: v.Pos.Line, Column: v.Pos.Column, Resource: v.Resource,
				Field: v.Field, Rule: v.Rule, Severity: string(v.Severity), Exception: v.Exception, Message: v.Message,
				ConfiguredBy: v.ConfiguredBy, Origins: jsonOrigins(v.Origins),
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// SARIF 2.1.0, the subset code-scanning services read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	SemVer         string      `json:"semanticVersion,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name,omitempty"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           map[string]string `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	// RelatedLocations are where the values a deployment passes that the
	// finding rests on are written (its origins), each with an id unique
	// in the result and a message naming the source.
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	// Properties hold configuredBy, where a configuration file set the
	// result's level.
	Properties map[string]string `json:"properties,omitempty"`
}

type sarifLocation struct {
	// ID distinguishes a related location from the result's others; 0
	// (absent) for a result's own location.
	ID int `json:"id,omitempty"`
	// PhysicalLocation is nil for a related location of no file (a value
	// given on the command line or in the environment).
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

const informationURI = "https://github.com/cognitokit/appclient"

// unreadableInput is the SARIF rule of input errors, which are not rules
// of the rule table: a file or client that cannot be read.
const unreadableInput = "unreadable-input"

// sarifURI is the artifact URI of a file: its path as given (relative
// paths stay relative, for code-scanning services to resolve against the
// repository), with forward slashes and escaped as a URI path.
func sarifURI(name string) string {
	if name == "<stdin>" {
		return "stdin"
	}
	return (&url.URL{Path: filepath.ToSlash(name)}).String()
}

func writeSARIF(w io.Writer, results []*fileResult) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "appclient",
			InformationURI: informationURI,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}
	// SARIF wants a version that starts with a number: v1.2.3 becomes 1.2.3,
	// and a development build, "(devel)" elsewhere, is 0.0.0-devel.
	run.Tool.Driver.Version = "0.0.0-devel"
	if v := version(); strings.HasPrefix(v, "v") {
		run.Tool.Driver.Version = strings.TrimPrefix(v, "v")
		run.Tool.Driver.SemVer = run.Tool.Driver.Version
	}
	index := map[string]int{}
	for i, r := range appclient.Rules() {
		index[r.ID] = i
		rule := sarifRule{
			ID:                   r.ID,
			Name:                 ruleName(r.ID),
			ShortDescription:     sarifText{Text: r.Summary},
			FullDescription:      sarifText{Text: r.Help},
			Help:                 sarifText{Text: r.Help},
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
		}
		rule.Properties = map[string]string{"evidence": string(r.Evidence), "scope": string(r.Scope)}
		if r.Code != "" {
			rule.Properties["book"] = r.Code
		}
		if r.Exception != "" {
			if r.Severity == appclient.SeverityWarning {
				rule.Help.Text += " Were Cognito to reject it, it would answer " + r.Exception + "."
			} else {
				rule.Help.Text += " Cognito answers " + r.Exception + "."
			}
			rule.Properties["exception"] = r.Exception
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
	}
	// Input errors are results of their own rule too, with a location, so
	// that code-scanning services show them on the file, not only in the
	// run's notifications.
	inputRule := len(run.Tool.Driver.Rules)
	run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
		ID:                   unreadableInput,
		Name:                 ruleName(unreadableInput),
		ShortDescription:     sarifText{Text: "The input cannot be read, and the app clients it holds are not checked."},
		FullDescription:      sarifText{Text: "A syntax error, an unknown property or member, a value of the wrong type, a key written twice in an app client, or a file over a size limit."},
		Help:                 sarifText{Text: "Fix the input at the position given: the message says what is wrong. The clients of the file, or the client named, are checked once it can be read."},
		DefaultConfiguration: sarifRuleConfig{Level: "error"},
	})
	for _, r := range results {
		uri := sarifURI(r.Name)
		if r.Skipped != "" {
			run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, sarifNotification{
				Level:     "note",
				Message:   sarifText{Text: r.Name + ": skipped: " + r.Skipped},
				Locations: []sarifLocation{{PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}},
			})
			continue
		}
		for _, e := range r.Errors {
			run.Invocations[0].ExecutionSuccessful = false
			text := formatInputError(r.Name, e, "")
			n := sarifNotification{Level: "error", Message: sarifText{Text: text}}
			if e.Pos.Line > 0 {
				n.Locations = []sarifLocation{{PhysicalLocation: &sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: uri},
					Region:           &sarifRegion{StartLine: e.Pos.Line, StartColumn: e.Pos.Column},
				}}}
			}
			run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
			loc := sarifLocation{PhysicalLocation: &sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri},
				Region:           &sarifRegion{StartLine: max(e.Pos.Line, 1), StartColumn: e.Pos.Column},
			}}
			if e.Resource != "" {
				loc.LogicalLocations = []sarifLogical{{Name: e.Resource, FullyQualifiedName: e.Resource, Kind: "resource"}}
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: unreadableInput, RuleIndex: inputRule, Level: "error",
				Message: sarifText{Text: text}, Locations: []sarifLocation{loc},
			})
		}
		for _, f := range r.Findings {
			msg := f.Message
			if f.Field != "" {
				msg = f.Field + ": " + msg
			}
			if f.Resource != "" {
				msg = f.Resource + ": " + msg
			}
			if f.Exception != "" {
				msg += " (" + f.Exception + ")"
			}
			var props map[string]string
			if f.ConfiguredBy != "" {
				msg += " (" + string(f.Severity) + " by " + f.ConfiguredBy + ")"
				props = map[string]string{"configuredBy": f.ConfiguredBy}
			}
			loc := sarifLocation{PhysicalLocation: &sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri},
				Region:           &sarifRegion{StartLine: max(f.Pos.Line, 1), StartColumn: f.Pos.Column},
			}}
			if f.Field != "" {
				fq := f.Field
				if f.Resource != "" {
					fq = f.Resource + "." + f.Field
				}
				loc.LogicalLocations = []sarifLogical{{Name: f.Field, FullyQualifiedName: fq, Kind: "member"}}
			}
			idx, ok := index[f.Rule]
			if !ok {
				// A rule Validate knows and this table does not yet: add it
				// so that ruleIndex stays valid.
				idx = len(run.Tool.Driver.Rules)
				index[f.Rule] = idx
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
					ID: f.Rule, Name: ruleName(f.Rule),
					ShortDescription:     sarifText{Text: f.Rule},
					FullDescription:      sarifText{Text: f.Rule},
					Help:                 sarifText{Text: f.Rule},
					DefaultConfiguration: sarifRuleConfig{Level: "error"},
				})
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity),
				Message: sarifText{Text: msg}, Locations: []sarifLocation{loc},
				RelatedLocations: sarifOrigins(f.Origins),
				Properties:       props,
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// sarifOrigins are the origins of a finding as SARIF related locations:
// ids from 1, the message "value from SOURCE", and the file and position
// where the value is written, when there is one.
func sarifOrigins(origins []iac.Origin) []sarifLocation {
	var out []sarifLocation
	for i, o := range origins {
		loc := sarifLocation{ID: i + 1, Message: &sarifText{Text: "value from " + o.Source}}
		if o.File != "" {
			loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(o.File)}}
			if o.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: o.Pos.Line, StartColumn: o.Pos.Column}
			}
		}
		out = append(out, loc)
	}
	return out
}

// sarifLevel is the SARIF level of a severity: "error" or "warning".
func sarifLevel(s appclient.Severity) string {
	if s == appclient.SeverityWarning {
		return "warning"
	}
	return "error"
}

// ruleName turns a rule id into the PascalCase name SARIF viewers show:
// redirect-https becomes RedirectHttps. One-word ids have no name, since
// SARIF wants a name that differs from the id.
func ruleName(id string) string {
	if !strings.Contains(id, "-") {
		return ""
	}
	var b strings.Builder
	for part := range strings.SplitSeq(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

// jsonErrors are input errors or notes as the json output writes them;
// [] for none.
func jsonErrors(errs []*iac.Error) []jsonError {
	out := []jsonError{}
	for _, e := range errs {
		out = append(out, jsonError{Line: e.Pos.Line, Column: e.Pos.Column, Resource: e.Resource, Message: e.Message})
	}
	return out
}

// jsonOrigins are the origins of a finding as the json output writes them.
func jsonOrigins(origins []iac.Origin) []jsonOrigin {
	var out []jsonOrigin
	for _, o := range origins {
		out = append(out, jsonOrigin{Source: o.Source, File: o.File, Line: o.Pos.Line, Column: o.Pos.Column})
	}
	return out
}
