package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/internal/suggest"
)

const rulesUsage = `usage: appclient rules [RULE...]

rules prints every rule appclient checks, or the rules named: its id (what
a finding names, and what silences it), its severity (error: Cognito
rejects the request; warning: an advisory), its code in the project's rule
book, the exception Cognito answers with, a summary and help.
`

// runRules prints the rule table, or the rules named in args.
func runRules(args []string, stdout, stderr io.Writer) int {
	rules := appclient.Rules()
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help":
			fmt.Fprint(stdout, rulesUsage)
			return 0
		}
		ids := make([]string, len(rules))
		for i, r := range rules {
			ids[i] = r.ID
		}
		var picked []appclient.RuleInfo
		for _, id := range args {
			r, ok := appclient.RuleByID(id)
			if !ok {
				if s := suggest.Nearest(id, ids); s != "" {
					fmt.Fprintf(stderr, "appclient rules: no rule %q (did you mean %q?)\n", id, s)
				} else {
					fmt.Fprintf(stderr, "appclient rules: no rule %q (appclient rules lists them)\n", id)
				}
				return 2
			}
			picked = append(picked, r)
		}
		rules = picked
	}
	var b strings.Builder
	for i, r := range rules {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeRule(&b, r)
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		fmt.Fprintf(stderr, "appclient: %v\n", err)
		return 2
	}
	return 0
}

// writeRule prints one rule: a head line, then its summary and help
// wrapped and indented.
//
//	redirect-https: error (U1, InvalidParameterException)
//	    A callback URL uses http with a host other than ...
func writeRule(b *strings.Builder, r appclient.RuleInfo) {
	fmt.Fprintf(b, "%s: %s", r.ID, r.Severity)
	var notes []string
	if r.Code != "" {
		notes = append(notes, r.Code)
	}
	if r.Exception != "" {
		notes = append(notes, r.Exception)
	}
	if len(notes) > 0 {
		fmt.Fprintf(b, " (%s)", strings.Join(notes, ", "))
	}
	b.WriteByte('\n')
	wrap(b, r.Summary, "    ", 76)
	if r.Help != "" {
		wrap(b, r.Help, "    ", 76)
	}
}

// wrap writes text in lines of at most width bytes after indent, breaking
// at spaces (a longer word gets a line of its own).
func wrap(b *strings.Builder, text, indent string, width int) {
	line := 0
	for i, w := range strings.Fields(text) {
		if i > 0 && line+1+len(w) > width {
			b.WriteByte('\n')
			line = 0
		}
		if line == 0 {
			b.WriteString(indent)
		} else {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	if line > 0 {
		b.WriteByte('\n')
	}
}
