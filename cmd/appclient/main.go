// Command appclient checks Amazon Cognito app-client definitions against
// everything Cognito enforces on CreateUserPoolClient, before anything is
// deployed.
//
// Usage:
//
//	appclient validate [-format text|json|sarif] [-strict] FILE...
//	appclient version
//
// validate reads each FILE ("-" is standard input) and recognises its kind
// from the content, not the file name:
//
//   - a request JSON: the body of CreateUserPoolClient, as the AWS CLI's
//     --cli-input-json takes it. It is read strictly: unknown members are
//     errors.
//   - a CloudFormation template, JSON or YAML (short-form tags such as !Ref,
//     !Sub and !GetAtt included): every resource of type
//     AWS::Cognito::UserPoolClient. Property names are the API member names;
//     CloudFormation has no ClientSecret, and makes up a ClientName when it
//     is left out.
//   - a Terraform plan, as "terraform show -json plan.out" prints it: every
//     aws_cognito_user_pool_client that the plan creates or updates, its
//     attributes and blocks mapped to the API members (callback_urls to
//     CallbackURLs, token_validity_units to TokenValidityUnits, ...). Null,
//     empty lists, empty blocks, "" and 0 mean "not set", as the provider
//     sends nothing for them (except name and user_pool_id, which it always
//     sends). In a plan that creates the client, an attribute "known after
//     apply" that the resource's configuration does not set is an optional,
//     computed attribute left unset, and is not sent either. client_secret
//     is an output of the provider, not an input.
//
// Values known only at deployment (intrinsic functions such as !Ref and
// !GetAtt, Terraform's "known after apply") are unknown, not empty. Each
// client is checked with the values that are known, and a violation is
// reported only if none of the values its rule reads is unknown: with
// DefaultRedirectURI: !Ref Url, the check that it is one of CallbackURLs is
// skipped and every other check runs. An unknown list element still counts
// as an element. The json output lists each client's unknown members.
//
// # Output
//
// Each client is checked for violations (what Cognito rejects) and for
// advisories (what Cognito accepts but almost surely works badly or
// dangerously, such as an implicit grant or a wildcard callback URL): the
// rules of the project's rule book, errors and warnings.
//
// The text format prints one line per finding, like a compiler:
//
//	FILE:LINE: RESOURCE: MEMBER: MESSAGE (EXCEPTION)
//	FILE:LINE: RESOURCE: MEMBER: warning: MESSAGE (RULE)
//
// the second form for an advisory, which names its rule.
//
// LINE is the line of the offending value (the list element for an element,
// the property otherwise, the resource when the member is missing); RESOURCE
// is the CloudFormation logical ID or the Terraform address, and is left out
// for request files. MEMBER is the AWS member path, such as CallbackURLs[1]
// or TokenValidityUnits.AccessToken. Terraform plans are usually a single
// line; the line is then that of the resource.
//
// Columns, in the json and sarif formats, count characters from 1.
//
// Problems with the input itself (a syntax error, an unknown property, a
// value of the wrong type) go to standard error in every format, as
// FILE:LINE:COLUMN: RESOURCE: MESSAGE; a client with such a problem is not
// checked, the other clients of the file are.
//
// The json format prints one object (version 1; fields are only ever added):
//
//	{
//	  "version": 1,
//	  "files": [{
//	    "file": "template.yaml",
//	    "kind": "cloudformation",          // or "request", "terraform", "" if unreadable
//	    "clients": [{"resource": "WebClient", "line": 12, "unknown": ["UserPoolId"]}],
//	    "errors": [{"line": 3, "column": 5, "resource": "", "message": "..."}]
//	  }],
//	  "violations": [{
//	    "file": "template.yaml", "line": 20, "column": 11, "resource": "WebClient",
//	    "field": "CallbackURLs[1]", "rule": "redirect-https", "severity": "error",
//	    "exception": "InvalidParameterException", "message": "..."
//	  }]
//	}
//
// The sarif format prints a SARIF 2.1.0 log for code-scanning services: one
// run, every rule with its description, one result per finding (level error
// for a violation, warning for an advisory), and input errors as tool
// execution notifications.
//
// In the json format, "severity" is "error" for a violation and "warning"
// for an advisory, whose "exception" is "" (Cognito accepts the request).
//
// Rule ids are those of the rule book: required, length, list-size, pattern,
// enum and range for the constraints of the AWS model, the service rules
// such as client-credentials-needs-secret or redirect-https, and the
// advisories such as implicit-grant or redirect-wildcard.
//
// # Exit status
//
// 0 when no violation is found (advisories allowed), 1 when there are
// violations (or, with -strict, advisories), 2 when an input
// cannot be read (the message names the file and position) or the command
// line is wrong. Inputs larger than 10 MiB (YAML: 1 MiB; CloudFormation
// itself takes templates of at most 1 MB), nested deeper than 256 levels or
// holding more than 1048576 values (YAML aliases counted as expanded) are
// refused with status 2, so that memory stays bounded.
//
// version prints the module version of the binary, or "(devel)".
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/cognitokit/appclient"
)

const usage = `appclient checks Amazon Cognito app-client definitions before deployment.

Usage:
  appclient validate [-format text|json|sarif] [-strict] FILE...
  appclient version

validate reads request JSON files (the --cli-input-json form of
create-user-pool-client), CloudFormation templates (JSON or YAML) and
Terraform plans (terraform show -json), recognised from their content; "-"
reads standard input. Values known only at deployment (!Ref, !GetAtt,
"known after apply") are unknown: checks that need them are skipped.

Findings are violations (Cognito rejects the request) and warnings
(advisories: Cognito accepts it, but it works badly or dangerously).

Output formats:
  text   FILE:LINE: RESOURCE: MEMBER: MESSAGE (EXCEPTION), one per violation;
         FILE:LINE: RESOURCE: MEMBER: warning: MESSAGE (RULE), one per warning
  json   {"version": 1, "files": [...], "violations": [{"file", "line",
         "column", "resource", "field", "rule", "severity", "exception",
         "message"}]}
  sarif  SARIF 2.1.0 for code-scanning services

Flags:
  -format FORMAT  text (default), json or sarif
  -strict         warnings fail too (exit status 1)

A text line reads:
  template.yaml:47: WebClient: CallbackURLs[1]: "http://shop.example.com/cb"
      cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
The json fields are described by go doc github.com/cognitokit/appclient/cmd/appclient.

Exit status: 0 no violation (warnings allowed), 1 violations (or warnings
with -strict), 2 unreadable input or usage error.
Inputs are limited to 10 MiB, YAML to 1 MiB.

Examples:
  appclient validate client.json
  appclient validate template.yaml other-stack.json
  terraform show -json plan.out | appclient validate -
  appclient validate -format sarif template.yaml > appclient.sarif
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command with its streams, returning the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "appclient %s\n", version())
		return 0
	case "validate":
		return runValidate(args[1:], stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "appclient: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "output format: text, json or sarif")
	strict := fs.Bool("strict", false, "exit with status 1 on warnings too")
	// Accept flags after the file names too: validate a.yaml -format json.
	// After "--" every argument is a file.
	var files []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usage)
				return 0
			}
			fmt.Fprintf(stderr, "appclient validate: %v\n\n%s", err, usage)
			return 2
		}
		remaining := fs.Args()
		consumed := rest[:len(rest)-len(remaining)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			files = append(files, remaining...)
			break
		}
		if len(remaining) == 0 {
			break
		}
		files = append(files, remaining[0])
		rest = remaining[1:]
	}
	switch *format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "appclient validate: unknown format %q (want text, json or sarif)\n", *format)
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "appclient validate: no files (use - for standard input)\n\n%s", usage)
		return 2
	}
	stdinUsed := false
	var results []*fileResult
	for _, name := range files {
		if name == "-" {
			if stdinUsed {
				results = append(results, &fileResult{Name: displayName(name), Errors: []inputError{{Msg: "standard input given twice"}}})
				continue
			}
			stdinUsed = true
		}
		data, err := readFile(name, stdin)
		if err != nil {
			results = append(results, &fileResult{Name: displayName(name), Errors: []inputError{{Msg: readErrorText(err)}}})
			continue
		}
		results = append(results, analyze(name, data))
	}

	writeErrors(stderr, results)
	var err error
	switch *format {
	case "text":
		err = writeText(stdout, results)
	case "json":
		err = writeJSON(stdout, results)
	case "sarif":
		err = writeSARIF(stdout, results)
	}
	if err != nil {
		fmt.Fprintf(stderr, "appclient: %v\n", err)
		return 2
	}
	status := 0
	for _, r := range results {
		for _, f := range r.Findings {
			if status == 0 && (f.Severity == appclient.SeverityError || *strict) {
				status = 1
			}
		}
		if len(r.Errors) > 0 {
			status = 2
		}
	}
	return status
}

// readErrorText words a read error without Go's "open x:" prefix, since
// the file name starts the line anyway.
func readErrorText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return strings.TrimSpace(err.Error())
}

// version returns the module version the binary was built from, or
// "(devel)".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
