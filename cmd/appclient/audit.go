package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
	"github.com/cognitokit/appclient/iac"
)

const auditUsage = `Usage:
  appclient audit [-region R] [-profile P] [-endpoint-url URL] [-pool ID]... [-format text|json|sarif] [-strict]

audit checks the app clients that exist in an AWS account: every client of
every user pool of the region (every page of ListUserPools and
ListUserPoolClients), or of the -pool ones, as DescribeUserPoolClient
describes it, with the rules of validate and those that need the pool
(each pool loaded once). For a client that exists, a violation means that
Cognito would reject an update that keeps this configuration.

Credentials and region come from the default AWS configuration chain:
environment variables (AWS_REGION, AWS_ACCESS_KEY_ID, AWS_PROFILE, ...),
the shared config and credentials files, SSO, and the role of the machine.
audit only reads, a few pools at a time, retrying throttled calls with the
SDK's adaptive retry mode. A client's secret is dropped as it arrives: it
is never printed. Ctrl-C stops the audit (exit status 2).

Flags:
  -region R           the AWS region (default: the configuration's)
  -profile P          a profile of the shared configuration files
  -endpoint-url URL   another endpoint for Cognito, such as an emulator's
  -pool ID            audit this user pool only (repeatable)
  -format FORMAT      text (default), json or sarif
  -strict             warnings fail too (exit status 1)

Output, as validate's, with the user pool in place of the file and the
client's name and ID as its resource:
  text   POOL: NAME (ID): MEMBER: MESSAGE (EXCEPTION), one per violation;
         POOL: NAME (ID): MEMBER: warning: MESSAGE (RULE), one per warning
  json   {"version": 1, "files": [{"file": POOL, "kind": "user-pool",
         "clients": [...], "errors": [...]}], "violations": [...]}
  sarif  SARIF 2.1.0, each pool an artifact

The IAM permissions it needs (ListUserPools takes no resource; the others
can be limited to the pools' ARNs):
  {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*",
    "Action": ["cognito-idp:ListUserPools", "cognito-idp:DescribeUserPool",
      "cognito-idp:ListResourceServers", "cognito-idp:ListIdentityProviders",
      "cognito-idp:ListUserPoolClients", "cognito-idp:DescribeUserPoolClient"]}]}

Exit status: 0 no violation (warnings allowed), 1 violations (or warnings
with -strict), 2 a pool or client that could not be read, an interrupted
audit, or a usage error.
`

// awsFlags are the flags that say how to reach AWS.
type awsFlags struct {
	region, profile, endpoint *string
}

// addAWSFlags registers -region, -profile and -endpoint-url on fs.
func addAWSFlags(fs *flag.FlagSet) awsFlags {
	return awsFlags{
		region:   fs.String("region", "", "the AWS region"),
		profile:  fs.String("profile", "", "a profile of the shared configuration files"),
		endpoint: fs.String("endpoint-url", "", "another endpoint for Cognito"),
	}
}

// cognitoClient builds a Cognito client through the default AWS
// configuration chain, with the flags' region, profile and endpoint, and the
// SDK's adaptive retry mode.
func (f awsFlags) cognitoClient(ctx context.Context) (*cip.Client, error) {
	var opts []func(*config.LoadOptions) error
	if *f.region != "" {
		opts = append(opts, config.WithRegion(*f.region))
	}
	if *f.profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(*f.profile))
	}
	if e := *f.endpoint; e != "" {
		u, err := url.Parse(e)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("-endpoint-url %q is not an http or https URL", e)
		}
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("loading the AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return nil, errors.New("no AWS region: give -region, set AWS_REGION, or give the profile a region")
	}
	return cip.NewFromConfig(cfg, awssdk.WithAdaptiveRetry(), func(o *cip.Options) {
		if *f.endpoint != "" {
			o.BaseEndpoint = aws.String(*f.endpoint)
		}
	}), nil
}

// poolIDs is the value of audit's repeatable -pool flag.
type poolIDs []string

func (p *poolIDs) String() string { return strings.Join(*p, ",") }

func (p *poolIDs) Set(id string) error {
	if id == "" {
		return errors.New("empty user pool ID")
	}
	*p = append(*p, id)
	return nil
}

// runAudit is the audit command. It stops at an interrupt.
func runAudit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	awsf := addAWSFlags(fs)
	var pools poolIDs
	fs.Var(&pools, "pool", "a user pool ID (repeatable)")
	format := fs.String("format", "text", "output format: text, json or sarif")
	strict := fs.Bool("strict", false, "exit with status 1 on warnings too")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, auditUsage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "appclient audit: %v\n\n%s", err, auditUsage)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "appclient audit: unexpected argument %q (audit reads AWS, not files)\n\n%s", fs.Arg(0), auditUsage)
		return 2
	}
	switch *format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "appclient audit: unknown format %q (want text, json or sarif)\n", *format)
		return 2
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	client, err := awsf.cognitoClient(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "appclient audit: %v\n", err)
		return 2
	}
	return audit(ctx, client, pools, *format, *strict, stdout, stderr)
}

// kindUserPool is the kind of an audit's results: a user pool in place of a
// file.
const kindUserPool iac.Kind = "user-pool"

// audit runs the audit through api and writes its output.
func audit(ctx context.Context, api awssdk.AuditAPI, pools []string, format string, strict bool, stdout, stderr io.Writer) int {
	prog := startProgress(stderr)
	defer prog.stop()
	status := 0
	var results []*fileResult
	var cur *fileResult
	flush := func() {
		if cur == nil {
			return
		}
		r := cur
		cur = nil
		if format != "text" {
			results = append(results, r)
			return
		}
		prog.pause(func() {
			writeErrors(stderr, r)
			if err := writeAuditText(stdout, r); err != nil {
				fmt.Fprintf(stderr, "appclient: %v\n", err)
				status = 2
			}
		})
	}
	for rep, err := range awssdk.Audit(ctx, api, awssdk.AuditOptions{Pools: pools}) {
		if ctx.Err() != nil {
			flush()
			prog.stop()
			fmt.Fprintln(stderr, "appclient audit: interrupted: the audit is incomplete")
			return 2
		}
		c := rep.Client
		if c.UserPoolID == "" { // the listing of pools failed
			flush()
			prog.stop()
			fmt.Fprintf(stderr, "appclient audit: %s\n", escapeText(err.Error()))
			return 2
		}
		if cur == nil || cur.Name != c.UserPoolID {
			flush()
			cur = &fileResult{Name: c.UserPoolID, Kind: kindUserPool}
			prog.pool()
		}
		resource := ""
		if c.ClientID != "" {
			resource = fmt.Sprintf("%s (%s)", c.ClientName, c.ClientID)
			if err == nil {
				cur.Clients = append(cur.Clients, &iac.Client{File: c.UserPoolID, Resource: resource})
				prog.client()
			}
		}
		if err != nil {
			cur.Errors = append(cur.Errors, &iac.Error{File: c.UserPoolID, Resource: resource, Message: err.Error()})
			status = 2
			continue
		}
		for _, fe := range rep.Errors {
			cur.Findings = append(cur.Findings, report{Finding: appclient.Finding{Resource: resource, Field: fe.Field, Rule: fe.Rule,
				Severity: appclient.SeverityError, Exception: fe.Exception,
				Message: fe.Message + "; Cognito would reject an update that keeps this configuration", Err: fe.Err}})
		}
		for _, a := range rep.Advisories {
			f := *a
			f.Resource = resource
			cur.Findings = append(cur.Findings, report{Finding: f})
		}
		for _, f := range cur.Findings {
			if status == 0 && (f.Severity != appclient.SeverityWarning || strict) {
				status = 1
			}
		}
	}
	flush()
	prog.stop()
	if format == "text" {
		return status
	}
	for _, r := range results {
		writeErrors(stderr, r)
	}
	var err error
	if format == "json" {
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

// writeAuditText prints the findings of one pool as validate prints a
// file's, with the pool in place of FILE:LINE:
//
//	POOL: NAME (ID): MEMBER: MESSAGE (EXCEPTION)
//	POOL: NAME (ID): MEMBER: warning: MESSAGE (RULE)
func writeAuditText(w io.Writer, r *fileResult) error {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(escapeText(r.Name) + ": " + escapeText(f.Resource) + ": ")
		if f.Field != "" {
			b.WriteString(escapeText(f.Field) + ": ")
		}
		if f.Severity == appclient.SeverityWarning {
			fmt.Fprintf(&b, "warning: %s (%s)\n", escapeText(f.Message), f.Rule)
			continue
		}
		b.WriteString(escapeText(f.Message))
		if f.Exception != "" {
			fmt.Fprintf(&b, " (%s)", f.Exception)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Progress: a line on standard error, rewritten in place, once the audit
// has taken progressAfter, when standard error is a terminal.
var (
	progressAfter = 2 * time.Second
	progressEvery = time.Second
	isTerminal    = func(w io.Writer) bool {
		f, ok := w.(*os.File)
		if !ok {
			return false
		}
		fi, err := f.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice != 0
	}
)

// progress shows how far an audit is.
type progress struct {
	w    io.Writer
	done chan struct{}
	wg   sync.WaitGroup

	mu             sync.Mutex
	pools, clients int
	shown          bool
}

// startProgress starts the progress line on w, or returns a progress that
// shows nothing when w is not a terminal.
func startProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if !isTerminal(w) {
		return p
	}
	p.done = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		select {
		case <-time.After(progressAfter):
		case <-p.done:
			return
		}
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			p.mu.Lock()
			fmt.Fprintf(p.w, "\r\x1b[Kappclient audit: %d user pools, %d app clients checked...", p.pools, p.clients)
			p.shown = true
			p.mu.Unlock()
			select {
			case <-t.C:
			case <-p.done:
				return
			}
		}
	}()
	return p
}

func (p *progress) pool() {
	p.mu.Lock()
	p.pools++
	p.mu.Unlock()
}

func (p *progress) client() {
	p.mu.Lock()
	p.clients++
	p.mu.Unlock()
}

// pause erases the progress line, if shown, and runs write, which writes
// other output, before the line is shown again.
func (p *progress) pause(write func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		io.WriteString(p.w, "\r\x1b[K")
		p.shown = false
	}
	write()
}

// stop ends the progress line and erases it.
func (p *progress) stop() {
	if p.done != nil {
		close(p.done)
		p.wg.Wait()
		p.done = nil
	}
	p.pause(func() {})
}
