// Command appclient checks Amazon Cognito app-client definitions against
// everything Cognito enforces on CreateUserPoolClient, before anything is
// deployed.
//
// Usage:
//
//	appclient validate [-format text|json|sarif] [-strict] [-pool FILE]... [-config FILE] [-var-file FILE]... [-var NAME=VALUE]... [-parameters FILE] [-config-env NAME] [-stage STAGE] PATH...
//	appclient diff [-region R] [-profile P] [-endpoint-url URL] [-format text|json] DESIRED ACTUAL
//	appclient audit [-region R] [-profile P] [-endpoint-url URL] [-pool ID]... [-format text|json|sarif] [-strict]
//	appclient rules [RULE...]
//	appclient version
//
// validate reads each PATH: a file ("-" is standard input), or a directory,
// under which it reads every input it finds (skipping .git, node_modules
// and .terraform) and each directory's .tf and .tf.json files as one
// Terraform module. It recognises each file's kind from its content (.tf
// and .tf.json files from their name), with package github.com/cognitokit/appclient/iac:
//
//   - a request JSON: the body of CreateUserPoolClient, as the AWS CLI's
//     --cli-input-json takes it. It is read strictly: unknown members are
//     errors.
//   - an update request: the body of UpdateUserPoolClient (it has ClientId),
//     read as strictly. Whether the client has a secret is unknown, so the
//     two rules that need to know (client_credentials and
//     EnablePropagateAdditionalUserContextData need a secret) are skipped.
//   - a described client: the output of aws cognito-idp
//     describe-user-pool-client, {"UserPoolClient": {...}}, checked as the
//     create request it amounts to. The secret's value is never read.
//   - a CloudFormation template, JSON or YAML (short-form tags such as !Ref,
//     !Sub and !GetAtt included): every resource of type
//     AWS::Cognito::UserPoolClient. Property names are the API member names;
//     CloudFormation has no ClientSecret, and makes up a ClientName when it
//     is left out.
//   - a Serverless Framework service (serverless.yml): the CloudFormation
//     resources under resources.Resources, or in the fragments resources
//     lists, relative ${file(...)} fragments included. The variables the
//     service decides are resolved: ${self:...} paths (nested variables
//     included), ${sls:stage} and ${opt:stage} (-stage STAGE, else
//     provider.stage, else dev), ${param:...} from params, and fallbacks
//     (${env:X, 'value'}) as defaults; other sources are unknown.
//   - Terraform configuration (.tf, and .tf.json in Terraform's JSON
//     syntax, as CDK for Terraform writes it): every
//     aws_cognito_user_pool_client, with variables' defaults, locals and
//     templates evaluated. A directory of .tf and .tf.json files is a root
//     module: its terraform.tfvars,
//     terraform.tfvars.json and *.auto.tfvars[.json], TF_VAR_ variables,
//     and -var-file FILE and -var NAME=VALUE (repeatable; the later wins,
//     as in Terraform) assign its variables, and the modules it calls
//     (local paths, and what terraform init installed under
//     .terraform/modules) are read with the arguments it passes, each
//     client named by its instance path
//     (module.web.aws_cognito_user_pool_client.this,
//     aws_cognito_user_pool_client.c["web"]). A module whose source is not
//     on disk is named in a note (standard error in text, the file's
//     "notes" in json), with what to run; notes leave the exit status
//     alone. A module directory that a root of the same walk calls is
//     checked through its callers only. A -var naming no variable of any
//     root read is a usage error.
//   - CloudFormation parameters without a Default take the values a
//     deployment passes: SAM's samconfig.toml (or .yaml) beside the
//     template, its [NAME.deploy.parameters] parameter_overrides for
//     -config-env NAME ("default" when absent), and over them -parameters
//     FILE: create-stack's [{"ParameterKey": ..., "ParameterValue": ...}],
//     a template configuration {"Parameters": {...}}, or a flat
//     {"Key": "Value"}. A nested stack whose template is a local path is
//     read with the parameters its parent passes.
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
//   - Terraform state, as "terraform show -json" prints it without a plan,
//     or a terraform.tfstate file: every aws_cognito_user_pool_client, read
//     like those of a plan.
//
// Values known only at deployment (intrinsic functions such as !Ref and
// !GetAtt, Serverless variables, Terraform references and variables
// without a default, "known after apply") are unknown, not empty. Each
// client is checked with the values that are known, and a violation is
// reported only if none of the values its rule reads is unknown: with
// DefaultRedirectURI: !Ref Url, the check that it is one of CallbackURLs is
// skipped and every other check runs. An unknown list element still counts
// as an element. The json output lists each client's unknown members.
// Parameter and variable defaults are used, and a violation that rests on
// one says so; a violation that rests on a value passed (a tfvars line, a
// module's argument) says where it is written.
//
// A client can silence rules by id: CloudFormation Metadata
// appclient.config.ignore_checks, or a Terraform comment
// "# appclient-ignore: RULE" before or inside the resource.
//
// -pool FILE (repeatable) checks request files against a user pool too: the
// rules that need it (custom-scope-exists,
// identity-provider-exists, write-attributes-include-required,
// feature-plan, and attribute-exists as a warning). The files hold the AWS CLI's JSON output of
// describe-user-pool, list-resource-servers and list-identity-providers,
// in any order, in one file or several (see appclient.DecodePool); a part
// of the pool whose output is missing decides nothing. A request whose
// UserPoolId is not the described pool's is an input error. Templates,
// Serverless services, Terraform configurations and plans are not checked
// against -pool (a note on standard error says so): they are checked against
// the pools they define themselves, with the rule dependency-order for a
// client that does not depend on a resource server or identity provider of
// the same file that it uses (see package iac's CheckPool).
//
// # Configuration
//
// A repository records its decisions in .appclient.yaml, which validate
// finds in each checked directory (a file's directory, for a file; the
// current directory for "-") or its nearest parent up to the repository
// root, the directory holding .git; -config FILE names one instead:
//
//	rules:                          # off, warning or error, by rule id
//	  user-existence-errors: error
//	  loopback-redirect: off
//	exclude:                        # slash-separated globs, relative to the file
//	  - vendor/**
//	  - "**/testdata/**"
//	var-file: [envs/prod.tfvars]    # deployment values: validate's flags
//	stage: prod
//
// A rule set to off is not reported; one set to warning or error is
// reported with that severity, and the exit status follows it. A finding
// whose severity the file changed says so: in text, "(RULE, SEVERITY by
// FILE:LINE)" ends the line (after the exception, for a violation); in
// json, "configured_by" is "FILE:LINE" ("" otherwise); in sarif, the
// result's level is the new severity and properties.configuredBy says
// where. exclude leaves out files a directory walk finds that match a
// glob ("*" and "?" within a path element, "**" across any number of them;
// a matching directory leaves out what lies in it); a file named on the
// command line is checked. The deployment-value keys set the flags of the
// same names before the command line does (a flag on the command line
// replaces the file's value; -var-file and -var add to it, the later
// winning); file values are relative to the configuration file. An unknown key, an unknown rule id,
// a bad severity or glob is a usage error naming the line.
//
// # Output
//
// Each client is checked for violations (what Cognito rejects) and for
// advisories (what Cognito accepts but almost surely works badly or
// dangerously, such as an implicit grant or a wildcard callback URL): the
// rules that "appclient rules" lists, errors and warnings.
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
//	    "kind": "cloudformation",          // or "request", "update", "described", "serverless",
//	                                       // "terraform" (a plan), "terraform-state",
//	                                       // "terraform-config", "" if unreadable
//	    "clients": [{"resource": "WebClient", "line": 12, "unknown": ["UserPoolId"]}],
//	    "errors": [{"line": 3, "column": 5, "resource": "", "message": "..."}]
//	  }],
//	  "violations": [{
//	    "file": "template.yaml", "line": 20, "column": 11, "resource": "WebClient",
//	    "field": "CallbackURLs[1]", "rule": "redirect-https", "severity": "error",
//	    "exception": "InvalidParameterException", "message": "...",
//	    "origins": [{"source": "-var-file prod.tfvars", "file": "prod.tfvars", "line": 3, "column": 1}]
//	  }],
//	  "skipped": [{"file": "package-lock.json", "reason": "larger than 10 MiB, ..."}]
//	}
//
// "skipped" lists the files a directory walk passed over: see below.
// "origins", present when a finding rests on values a deployment passes,
// says where each is written (a tfvars line, a module's argument, a
// parameter file; source alone for -var, TF_VAR_ and -stage), beside the
// client's member that "file" and "line" point at; "notes" says what
// reading left out, such as a module whose source is not on disk.
//
// The sarif format prints a SARIF 2.1.0 log for code-scanning services: one
// run, every rule with its description, one result per finding (level error
// for a violation, warning for an advisory; a finding's origins, where the
// values a deployment passes that it rests on are written, as the result's
// relatedLocations, each with the message "value from SOURCE"), and input
// errors both as results of the rule unreadable-input, at their position,
// and as tool execution notifications.
//
// In the json format, "severity" is "error" for a violation and "warning"
// for an advisory, whose "exception" is "" (Cognito accepts the request).
//
// Rule ids are required, length, list-size, pattern, enum and range for the
// constraints of the AWS model, the service rules such as
// client-credentials-needs-secret or redirect-https, and the advisories such
// as implicit-grant or redirect-wildcard. "appclient rules" lists every rule
// with its severity, summary and help; "appclient rules ID" explains one.
//
// # Exit status
//
// 0 when no violation is found (advisories allowed), 1 when there are
// violations (or, with -strict, advisories), 2 when an input
// cannot be read (the message names the file and position) or the command
// line is wrong. Inputs larger than 10 MiB (YAML: 1 MiB, as CloudFormation
// itself takes templates of at most 1 MB; Terraform .tf files: 512 KiB),
// nested deeper than 256 levels or holding more than 1048576 values (YAML
// aliases counted as expanded) are refused with status 2, so that memory
// stays bounded. In a directory, a file over a size limit whose start does
// not look like an input (no template, request, plan or state keys at its
// top level, no app-client type: a package-lock.json, an API description)
// is skipped instead, and listed in the json output's "skipped"; so is a
// user pool description (the AWS CLI output that -pool reads), which is not
// taken as the pool of the files beside it: give it with -pool. Text output is written file by file, so a directory of any
// size needs no more memory than its largest file; json and sarif are
// single documents, written once every file is read.
//
// # Diff
//
// diff compares two configurations of one app client by meaning, as
// appclient.Diff does, and exits 0 when they mean the same, 1 when they differ
// and 2 for unreadable input; "appclient diff -h" describes its inputs and
// output. A side is a file of any kind validate reads (FILE#NAME picks a
// client by logical ID or Terraform address), "-", or live:POOL_ID/CLIENT, a
// client that exists (by ID or name); a directory or a file of several
// clients against live:POOL_ID matches clients by name. For each change, diff
// says what the update that makes the actual client mean the desired one
// sends, or that it leaves the member out, which resets it. A described
// client's secret is never read or printed.
//
// # Audit
//
// audit checks the app clients that exist in an AWS account, every client of
// every user pool of the region or of the -pool ones, with validate's rules
// and those that need the pool; output and exit statuses are validate's, with
// the pool in place of the file (json kind "user-pool") and "NAME (ID)" as
// the resource. It only reads; "appclient audit -h" gives the IAM policy it
// needs.
//
// rules prints the rule table (appclient.Rules): each rule's id, severity,
// code in the project's rule book, exception, summary and help.
//
// version prints the module version of the binary, or "(devel)".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
	"github.com/cognitokit/appclient/internal/suggest"
)

const usage = `appclient checks Amazon Cognito app-client definitions before deployment.

Usage:
  appclient validate [-format text|json|sarif] [-strict] [-pool FILE]... [-config FILE]
                     [-var-file FILE]... [-var NAME=VALUE]... [-parameters FILE]
                     [-config-env NAME] [-stage STAGE] PATH...
  appclient diff [-region R] [-profile P] [-endpoint-url URL] [-format text|json] DESIRED ACTUAL
  appclient audit [-region R] [-profile P] [-endpoint-url URL] [-pool ID]... [-format text|json|sarif] [-strict]
  appclient rules [RULE...]
  appclient version

validate reads request JSON files (the --cli-input-json form of
create-user-pool-client or update-user-pool-client, or the output of
describe-user-pool-client), CloudFormation templates (JSON or YAML),
Serverless services, Terraform .tf and .tf.json files, plans and state (terraform show
-json), recognised from their content; "-" reads standard input, and a
directory is searched for all of them. Values known only at deployment
(!Ref, !GetAtt, Serverless variables, Terraform references, "known after
apply") are unknown: checks that need them are skipped.

-pool FILE checks request files against a user pool as well: FILE holds
the AWS CLI's JSON output of describe-user-pool, list-resource-servers
and list-identity-providers (one file or several -pool flags).

A .appclient.yaml in a checked directory or its nearest parent up to the
repository root (or the file -config names) sets rule severities
(rules: {RULE: off|warning|error}), leaves files out of directory checks
(exclude: [GLOB, ...]) and gives deployment values (var-file, var,
parameters, config-env, stage, as the flags of those names).

Findings are violations (Cognito rejects the request) and warnings
(advisories: Cognito accepts it, but it works badly or dangerously), each
with its rule id; "appclient rules" lists every rule with its help, and
"appclient rules ID" explains one.

Output formats:
  text   FILE:LINE: RESOURCE: MEMBER: MESSAGE (EXCEPTION), one per violation;
         FILE:LINE: RESOURCE: MEMBER: warning: MESSAGE (RULE), one per warning
  json   {"version": 1, "files": [...], "violations": [{"file", "line",
         "column", "resource", "field", "rule", "severity", "exception",
         "message"}]}
  sarif  SARIF 2.1.0 for code-scanning services

Flags of validate:
{{flags}}
A text line reads:
  template.yaml:47: WebClient: CallbackURLs[1]: "http://shop.example.com/cb"
      cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)
The json fields are described by go doc github.com/cognitokit/appclient/cmd/appclient.

Exit status: 0 no violation (warnings allowed), 1 violations (or warnings
with -strict), 2 unreadable input or usage error.
Inputs are limited to 10 MiB, YAML to 1 MiB, .tf and .tf.json files to
512 KiB.

Examples:
  appclient validate client.json
  appclient validate template.yaml other-stack.json
  appclient validate .                      # every input under the directory
  appclient validate infra/main.tf serverless.yml
  appclient validate -pool pool.json client.json
  terraform show -json plan.out | appclient validate -
  appclient validate -format sarif template.yaml > appclient.sarif
`

// commands are the command's subcommands, for "did you mean".
var commands = []string{"validate", "diff", "audit", "rules", "version", "help"}

// writeUsage prints the usage text, with the flags of validate as fs
// defines them, so that -h lists every flag there is.
func writeUsage(w io.Writer, fs *flag.FlagSet) {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		name, text := flag.UnquoteUsage(f)
		left := "  -" + f.Name
		if name != "" {
			left += " " + name
		}
		if len(left) < 20 {
			left += strings.Repeat(" ", 20-len(left))
		} else {
			left += "\n" + strings.Repeat(" ", 20)
		}
		b.WriteString(left)
		b.WriteString(strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", 20)))
		b.WriteByte('\n')
	})
	io.WriteString(w, strings.Replace(usage, "{{flags}}", b.String(), 1))
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command with its streams, returning the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		runValidate([]string{"-h"}, stdin, stderr, stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		return runValidate([]string{"-h"}, stdin, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "appclient %s\n", version())
		return 0
	case "validate":
		return runValidate(args[1:], stdin, stdout, stderr)
	case "diff":
		return runDiff(args[1:], stdin, stdout, stderr)
	case "audit":
		return runAudit(context.Background(), args[1:], stdout, stderr)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	}
	if s := suggest.Nearest(args[0], commands); s != "" {
		fmt.Fprintf(stderr, "appclient: unknown command %q (did you mean %q?)\n", args[0], s)
		return 2
	}
	fmt.Fprintf(stderr, "appclient: unknown command %q (want %s; appclient -h for help)\n", args[0], strings.Join(commands[:len(commands)-1], ", "))
	return 2
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "`FORMAT` of the output: text (default), json or sarif")
	pools := poolFlag(fs)
	strict := fs.Bool("strict", false, "warnings fail too (exit status 1)")
	values := addValueFlags(fs)
	fs.String("config", "", "read this configuration `FILE` instead of the "+configName+"\nfound from each PATH up to the repository root")
	cfg, files, err := parseWithConfig(fs, args)
	var ce *configError
	switch {
	case errors.Is(err, flag.ErrHelp):
		writeUsage(stdout, fs)
		return 0
	case errors.As(err, &ce):
		fmt.Fprintf(stderr, "%v\n", err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "appclient validate: %v (appclient validate -h lists the flags)\n", err)
		return 2
	}
	switch *format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "appclient validate: unknown format %q (want text, json or sarif)\n", *format)
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "appclient validate: no files (use - for standard input, . for the current directory)\n")
		return 2
	}
	// The pool's description is read before the walk, and each request
	// file checked against it as the walk reads it.
	pool, ok := readPool(*pools, stderr)
	if !ok {
		return 2
	}
	// Terraform reads TF_VAR_name variables from the environment.
	values.vals.Env = os.Environ()
	// Text is written file by file, as each is read; json and sarif are
	// documents, written once every file is read.
	status := 0
	var results []*fileResult
	emit := func(r *fileResult) {
		for _, f := range r.Findings {
			if status == 0 && (f.Severity != appclient.SeverityWarning || *strict) {
				status = 1
			}
		}
		if len(r.Errors) > 0 {
			status = 2
		}
		if *format != "text" {
			results = append(results, documentResult(r))
			return
		}
		writeErrors(stderr, r)
		if err := writeText(stdout, r); err != nil && status != 2 {
			fmt.Fprintf(stderr, "appclient: %s\n", escapeText(err.Error()))
			status = 2
		}
	}
	stdinUsed := false
	// A -var is refused when no PATH's root module declares it: each read
	// says which of them its roots do not declare.
	var unusedVars map[string]bool // nil until the first PATH is read
	for _, name := range files {
		if name == "-" {
			if stdinUsed {
				emit(&fileResult{Name: displayName(name), Errors: []*iac.Error{inputError(name, "standard input given twice")}})
				continue
			}
			stdinUsed = true
		}
		var unused []string // the -var names this PATH's roots do not declare
		read := true        // whether the PATH was read, and so says which it declares
		if err := readInput(name, stdin, &values.vals, pool, stderr, cfg.filter(name, emit)); err != nil {
			var usage *iac.UsageError
			var ie *iac.Error
			switch {
			case errors.As(err, &usage) && len(usage.Vars) > 0:
				unused = usage.Vars
			case errors.As(err, &usage):
				fmt.Fprintf(stderr, "appclient validate: %v\n", err)
				status = 2
			case errors.As(err, &ie):
				read = false
				emit(&fileResult{Name: ie.File, Errors: []*iac.Error{ie}})
			default:
				read = false
				emit(&fileResult{Name: displayName(name), Errors: []*iac.Error{inputError(name, readErrorText(err))}})
			}
		}
		if !read {
			continue
		}
		if unusedVars == nil {
			unusedVars = map[string]bool{}
			for _, v := range unused {
				unusedVars[v] = true
			}
		} else {
			for v := range unusedVars {
				if !slices.Contains(unused, v) {
					delete(unusedVars, v)
				}
			}
		}
	}
	for _, v := range values.vals.Vars {
		if v.File == "" && unusedVars[v.Name] {
			delete(unusedVars, v.Name)
			fmt.Fprintf(stderr, "appclient validate: %s\n", iac.UnusedVarMessage(v.Name))
			status = 2
		}
	}
	if *format == "text" {
		return status
	}
	for _, r := range results {
		writeErrors(stderr, r)
	}
	if *format == "json" {
		err = writeJSON(stdout, results)
	} else {
		err = writeSARIF(stdout, results)
	}
	if err != nil {
		fmt.Fprintf(stderr, "appclient: %v\n", err)
		return 2
	}
	return status
}

// version returns the module version the binary was built from, or
// "(devel)".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// parseArgs parses the flags of fs wherever they stand among the file
// arguments ("validate a.yaml -format json" too), and returns the file
// arguments in order. After "--" every argument is a file.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return nil, err
		}
		remaining := fs.Args()
		consumed := rest[:len(rest)-len(remaining)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(files, remaining...), nil
		}
		if len(remaining) == 0 {
			return files, nil
		}
		files = append(files, remaining[0])
		rest = remaining[1:]
	}
}
