// Package iac reads the places Amazon Cognito app clients are defined
// ("infrastructure as code") and turns each definition into a
// [appclient.CreateUserPoolClientRequest] that can be validated before
// anything is deployed.
//
// It reads, recognising each file from its content (and .tf and .tf.json
// files from their name):
//
//   - request JSON: the body of CreateUserPoolClient, as the AWS CLI's
//     --cli-input-json takes it, read with [appclient.DecodeRequest];
//   - update requests: the body of UpdateUserPoolClient (recognised by its
//     ClientId), read with [appclient.DecodeUpdateRequest];
//   - described clients: the output of "aws cognito-idp
//     describe-user-pool-client", {"UserPoolClient": {...}}, read as
//     strictly as a request, its ClientId, ClientSecret, CreationDate and
//     LastModifiedDate allowed and not read (the secret's value is never
//     kept);
//   - CloudFormation templates, JSON or YAML (short-form tags such as !Ref
//     included): every AWS::Cognito::UserPoolClient resource;
//   - Serverless Framework services (serverless.yml, .yaml, .json): the
//     CloudFormation resources under resources.Resources, or in the list of
//     fragments resources holds, relative ${file(...)} fragments included;
//   - Terraform configuration (.tf, and .tf.json in Terraform's JSON
//     syntax, as CDK for Terraform writes it): every
//     aws_cognito_user_pool_client, its arguments and blocks mapped to the
//     request members; a directory's .tf and .tf.json files are read as one
//     module. A .tf.json file is read with the meaning Terraform gives it:
//     which properties are blocks follows the block's schema, strings are
//     templates (${...}, %{...}) except where Terraform reads them
//     literally or as references, and "//" properties are comments.
//     Override files (override.tf, NAME_override.tf and their .tf.json
//     forms) change the blocks of the module's other files as Terraform
//     merges them; a finding on a value an override writes is placed at
//     the resource, with the override's line as its origin. An
//     aws_cognito_managed_user_pool_client, which configures a client
//     another service created, is read as the update it is (see
//     [Client.Update]): what it leaves out keeps the client's value and is
//     unknown, and so are its client ID and whether it has a secret;
//   - Terraform plans ("terraform show -json plan.out"): every
//     aws_cognito_user_pool_client the plan creates or updates, and every
//     aws_cognito_managed_user_pool_client, as an update;
//   - Terraform state ("terraform show -json" without a plan, or a
//     terraform.tfstate file): every aws_cognito_user_pool_client, and
//     every aws_cognito_managed_user_pool_client, as an update.
//
// [ReadFile], [ReadBytes] and [ReadFrom] read one input; [Read] and [Walk]
// read a file or every input under a directory. Each definition becomes a
// [Client] with its request, the positions of its members, its unknown
// members, the defaults it rests on and the rules it silences; each file
// also lists its other [Resource]s (user pools, resource servers, identity
// providers), for checks that need the pool.
//
// # Unknown values
//
// A value known only at deployment is unknown, never empty and never a
// literal: CloudFormation intrinsic functions other than those below,
// Fn::Transform, conditions and imports; Serverless variables the service
// does not decide (${env:...} without a fallback, ${file(...)},
// ${ssm:...}, ${cf:...} and every other source, a ${self:...} path that
// leads nowhere, ${opt:stage} when no stage is given) and the
// serverless-pseudo-parameters plugin's
// #{AWS::Region}, #{LogicalId} and the like, whatever the member's type;
// Terraform references to resources, data sources and module outputs,
// variables without a default or a value assigned, each.* and count.index
// of a collection that is unknown, loops over too much and functions this
// package does not evaluate; a plan's "known after apply". A string with
// an unknown part is unknown as a whole. The client's request leaves an
// unknown member out (an unknown list element is "", so that the indexes
// of the others stay right) and [Client.Unknown] names its member path.
// [Check] validates and lints a client and sets aside every finding whose
// rule reads an unknown value; every other rule still reports. [CheckPool]
// adds the rules that need the user pool the file defines, and
// [File.Findings] does both for every client of a file, as the command does.
//
// Defaults are evaluated: a CloudFormation parameter's Default (through
// Ref, Fn::Sub and Fn::Join), a Terraform variable's default, Terraform
// locals and templates built from them and literals. They are what a
// deployment uses when nothing is passed; a finding that rests on one says
// so, since a deployment can pass another value.
//
// # Values a deployment passes
//
// Values a deployment is given take the place of defaults, as the
// deploying tool gives them (see [Values], [ReadWith] and [WalkWith]).
// Terraform: a root module's terraform.tfvars, terraform.tfvars.json and
// *.auto.tfvars[.json], TF_VAR_ variables, -var-file and -var, in
// Terraform's precedence; and the arguments a module block passes to the
// module it calls, read from a local path or from where terraform init
// installed it (.terraform/modules/modules.json), nested calls included,
// for at most 16 levels. A module whose source is not on disk is named in
// [File.Notes], with what to run. A for_each or count with a known
// collection, on a resource, a module block or a dynamic block, is
// expanded: each instance is checked with its each.key, each.value or
// count.index, under its address (aws_cognito_user_pool_client.c["web"],
// module.web.aws_cognito_user_pool_client.this); an unknown collection
// is checked once, with each and count unknown. A variable with nullable
// = false that is passed null takes its default. Where Terraform refuses
// a variable's value at plan (a known value whose validation condition is
// a known false, or a null that nullable = false forbids with no default
// to take its place), every client of the module, and of the modules it
// calls, has an input error, as for a module cycle: it names the
// variable, the validation's error_message and where the value was
// written; a condition that is unknown or cannot be evaluated decides
// nothing. Terraform's try, can,
// file and templatefile (files of the module's own directory) and most of
// its collection and string functions are evaluated. CloudFormation: the
// parameter_overrides of SAM's samconfig.toml (or samconfig.yaml) beside
// a template, for the configuration environment ([Values.ConfigEnv]),
// then a parameter file ([Values.Parameters]), over the parameters'
// Defaults; a nested stack (AWS::CloudFormation::Stack,
// AWS::Serverless::Application) whose template is a local path is read
// with the parameters its parent passes, its clients named
// "Stack.Client"; in a walk that reads the parent, the nested template is
// not read again on its own. Serverless: ${self:...} paths into the service (nested
// variables included), ${sls:stage} and ${opt:stage} (the stage given,
// [Values.Stage], else the service's provider.stage, else dev),
// ${param:...} from the service's params for the stage (or default), and
// any variable's fallback, as a default. A finding that rests on a value
// passed says where it was written ([Client.OriginsOf]).
//
// In Terraform configuration, plans and state, null, "" and an empty list
// or block mean the attribute is not set (the provider sends nothing for
// them), except in name and user_pool_id, and, in configuration, "" in
// default_redirect_uri, whose length the provider checks at plan. An empty
// list written in configuration is advisory terraform-empty-list.
//
// # Silencing a rule
//
// A definition can silence rules by id, for that client only:
// CloudFormation resource Metadata, as cfn-lint reads its own,
//
//	Metadata:
//	  appclient:
//	    config:
//	      ignore_checks: [redirect-https]
//
// and in Terraform a comment "# appclient-ignore: redirect-https" (several
// ids separated by commas; "all" for every rule) on the line before the
// resource block or anywhere inside it, as tflint reads
// "# tflint-ignore:". [Client.Ignore] lists them; Check does not drop the
// findings, the caller does (the appclient command does).
//
// # Limits
//
// Every file is opened with [OpenInput]: links are followed, anything but
// a regular file (a named pipe, a device, a directory) is refused by name
// without being opened, and the size is checked before reading. Files
// over [MaxFileSize] (YAML over [MaxYAMLSize], .tf and .tf.json over
// [MaxHCLSize]), a module whose .tf and .tf.json files hold more than [MaxModuleSize] in all (twice
// that with the module instances it calls, each instance counted), nesting
// deeper than [MaxDepth] (in a .tf file, also more than 1,024 operators in
// one expression), or more than [MaxValues] values are input errors.
//
// Every evaluator runs under budgets, so that time and memory stay
// bounded whatever the input:
//
//   - a Terraform expression may run 10,000 function calls and operations
//     and build 1 MiB of values, every intermediate value counted (what a
//     call may build is estimated from its arguments before it runs); a
//     number's exponent may have 3,400 binary digits (about 1,000 decimal
//     digits); the expressions of one module may build 256 MiB and visit
//     about a million syntax nodes in all;
//   - a CloudFormation Ref, Fn::Sub or Fn::Join may read 10,000 values
//     (YAML aliases counted each time) and build 1 MiB of text, and those
//     of one template about a million values and 64 MiB in all; each
//     named condition is evaluated once;
//   - Serverless includes may nest 8 deep;
//   - a walk visits at most about a million directory entries, links to
//     directories counted each time they are followed.
//
// Past a budget, the file (for Terraform) or the client (for
// CloudFormation) has an input error that names the expression and where
// it is, and the value is not evaluated; the rest of the file, and of a
// walk, is read. A Terraform for expression (template for directives
// included) is evaluated only when no other is nested in it and its
// collection's elements times the loop's syntax nodes are at most 64,000;
// otherwise its value is unknown, as is a value too large for other
// expressions to read (over 1,000 elements or 16 KiB). A root module reads
// at most 256 module instances, called at most 16 levels deep.
//
// Package iac does not deploy, call AWS, or evaluate anything a deployment
// decides.
package iac

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
)

// Limits that keep memory and time bounded whatever the input. A file over
// a limit is an input error, not a panic or an out-of-memory.
const (
	// MaxFileSize is the largest file read, in bytes.
	MaxFileSize = maxInputBytes
	// MaxYAMLSize is the largest YAML file read, in bytes: the YAML reader
	// needs up to about 120 bytes of memory per byte of input, and
	// CloudFormation itself accepts templates of at most 1 MB.
	MaxYAMLSize = maxYAMLBytes
	// MaxHCLSize is the largest Terraform .tf or .tf.json file read, in
	// bytes: HCL's tokens and syntax tree cost up to about 800 bytes of memory per
	// byte of input.
	MaxHCLSize = maxHCLBytes
	// MaxModuleSize is the most the .tf and .tf.json files of one directory, read
	// together as a Terraform module, may hold in all, in bytes: they are
	// parsed together, so their costs add up.
	MaxModuleSize = maxModuleBytes
	// MaxDepth is the deepest nesting of lists and maps read.
	MaxDepth = tree.MaxDepth
	// MaxValues is the largest number of values one file may hold, YAML
	// aliases counted each time they are expanded.
	MaxValues = tree.MaxNodes
)

// Kind is the kind of an input file.
type Kind string

// The kinds of input.
const (
	// KindRequest is a CreateUserPoolClient request body.
	KindRequest Kind = "request"
	// KindUpdate is an UpdateUserPoolClient request body: a JSON object
	// with a ClientId member.
	KindUpdate Kind = "update"
	// KindDescribed is the output of "aws cognito-idp
	// describe-user-pool-client": a JSON object whose one member is
	// UserPoolClient.
	KindDescribed      Kind = "described"
	KindCloudFormation Kind = "cloudformation"
	// KindTerraformPlan is a Terraform plan, as "terraform show -json plan.out"
	// prints it. Its value stays "terraform", the name the command's JSON
	// output has always given plans.
	KindTerraformPlan Kind = "terraform"
	// KindTerraformState is Terraform state: "terraform show -json"
	// without a plan, or a terraform.tfstate file.
	KindTerraformState Kind = "terraform-state"
	// KindTerraformConfig is a Terraform configuration file (.tf).
	KindTerraformConfig Kind = "terraform-config"
	// KindServerless is a Serverless Framework service file
	// (serverless.yml, serverless.yaml or serverless.json).
	KindServerless Kind = "serverless"
)

// Position is a place in a file, [appclient.Position]: its Column counts
// Unicode code points. In .tf files it is HCL's column, which counts
// grapheme clusters: the same but after a combining mark or a joined emoji.
type Position = appclient.Position

// File is what reading one input found.
type File struct {
	// Name is the file's path as given, or the name passed to [ReadBytes].
	Name string
	// Kind is the kind of input; "" when the file could not be read.
	Kind Kind
	// Clients are the app clients the file defines, in file order.
	Clients []*Client
	// Resources are every resource the file defines, clients included, in
	// file order: the user pools, resource servers and identity providers
	// that checks needing the pool read. For a plan, those of its
	// configuration section that describe pools and clients. Request files
	// and state have none.
	Resources []*Resource
	// module, for a .tf file read with the other files of its module, holds
	// the resources of every file of the module; see PoolResources.
	module []*Resource
	// Errors are problems with the file as a whole (a syntax error, a size
	// limit): when there are any, Clients is empty. Problems with one client
	// are in that client's Errors.
	Errors []*Error
	// Notes are what reading left out that may hold clients, such as a
	// Terraform module whose source is not on disk, with what to run to
	// read it. They are not errors.
	Notes []*Error
	// Skipped, for a file that [Walk] passes over, says why: it is over a
	// size limit and does not look like an input, it is a user pool
	// description, or it is a link back to a directory the walk is in. Such a File has no Kind, Clients or Errors. "" for a
	// file read.
	Skipped string
}

// Origin is where a value that a deployment passes was written.
type Origin struct {
	// Source names it as a message does: "terraform.tfvars",
	// "-var-file prod.tfvars", "-var", "TF_VAR_domain", "module.web's
	// argument callback_urls", "parameters.json", "samconfig.toml",
	// "stage prod".
	Source string
	// File is the file the value is written in, or "" (a -var, the
	// environment, a stage given on the command line).
	File string
	// Pos is where in File; the zero Position when unknown.
	Pos Position
}

// String returns the source, and where it is written: "terraform.tfvars
// at infra/terraform.tfvars:3".
func (o Origin) String() string {
	if o.File == "" || o.Pos.Line == 0 {
		return o.Source
	}
	return o.Source + " at " + o.File + ":" + strconv.Itoa(o.Pos.Line)
}

// Client is one app-client definition.
type Client struct {
	// File is the name of the file that defines the client.
	File string
	// Resource is the CloudFormation logical ID or the Terraform address
	// ("aws_cognito_user_pool_client.web"); "" for a request, an update
	// request or a described client.
	Resource string
	// Pos is where the definition starts.
	Pos Position
	// Request is the request the definition stands for, with unknown values
	// left out (an unknown list element is "", so that the indexes of the
	// known ones stay right). It is read from the definition through
	// [appclient.DecodeRequest]. It is the zero request when Errors is not
	// empty.
	//
	// For an update request, Request is the configuration the update gives
	// the client ([appclient.UpdateUserPoolClientRequest.Configuration]):
	// ClientName "" when the update keeps the current name, and
	// GenerateSecret false, since an update does not say whether the client
	// has a secret. For a described client, GenerateSecret is true when it
	// has a ClientSecret, whose value is not kept.
	Request appclient.CreateUserPoolClientRequest
	// Update is, for an update request ([KindUpdate]), the request as
	// [appclient.DecodeUpdateRequest] reads it, checked by [Check] with its
	// own Validate; for a Terraform aws_cognito_managed_user_pool_client,
	// the update the provider sends, its ClientId and every member the
	// configuration leaves out unknown (see Unknown). Nil for every other
	// client, and when Errors is not empty.
	Update *appclient.UpdateUserPoolClientRequest
	// Unknown are the member paths whose value is known only at deployment,
	// sorted: "DefaultRedirectURI", "CallbackURLs" (the whole list),
	// "CallbackURLs[2]" (one element), "CallbackURLs#" (the number of
	// elements), "TokenValidityUnits" (the whole object),
	// "TokenValidityUnits.IdToken".
	Unknown []string
	// Positions maps member paths ("CallbackURLs", "CallbackURLs[1]",
	// "TokenValidityUnits.AccessToken") to where they are written; for a
	// described client, the members of its UserPoolClient object. Members
	// a plan or state file does not locate are missing.
	Positions map[string]Position
	// Defaults maps member paths whose value rests on a default (a
	// Terraform variable's default, a CloudFormation parameter's Default)
	// to what provides it: "var.domain", "parameter CallbackUrl". A
	// deployment can pass other values.
	Defaults map[string]string
	// Origins maps member paths whose value rests on a value a deployment
	// passes (a tfvars file, -var, a module's caller, a parameter file, a
	// Serverless stage) to where those values were written.
	Origins map[string][]Origin
	// Ignore are the rule ids the definition silences: CloudFormation
	// Metadata appclient.config.ignore_checks, or a Terraform comment
	// "# appclient-ignore: rule-id" on the line before the resource or
	// inside it. "all" silences every rule.
	Ignore []string
	// Errors are problems that keep the client from being checked: an
	// unknown property, a value of the wrong type, a Terraform variable
	// whose value the plan refuses or a module call it refuses (a
	// variable with no default left out, an argument no variable
	// declares), a key written twice with two
	// different values in the client's resource (the same value twice
	// deploys the same whichever wins, and a key written twice elsewhere
	// in a template, plan or state is read as CloudFormation reads it,
	// the last one winning: neither is an error). Nil when the client was
	// read.
	Errors []*Error

	// emptyLists are, for a Terraform configuration, the member paths of
	// the list arguments written as an empty list or set, which the
	// provider does not send (advisory terraform-empty-list).
	emptyLists []string
}

// Ignores reports whether the definition silences rule.
func (c *Client) Ignores(rule string) bool {
	for _, id := range c.Ignore {
		if id == rule || id == "all" {
			return true
		}
	}
	return false
}

// Resource is one resource a file defines.
type Resource struct {
	// File is the name of the file that defines the resource.
	File string
	// Name is the CloudFormation logical ID or the Terraform address
	// ("aws_cognito_user_pool.main", "data.aws_x.y").
	Name string
	// Type is the resource type: "AWS::Cognito::UserPool",
	// "aws_cognito_user_pool".
	Type string
	// Pos is where the resource starts.
	Pos Position
	// DependsOn names the resources it explicitly depends on
	// (CloudFormation DependsOn, Terraform depends_on).
	DependsOn []string
	// properties are the resource's properties (CloudFormation) or its
	// arguments and blocks (Terraform, blocks as lists of maps). Terraform
	// values are evaluated where they are known; the others are
	// tree.Unknown with their references in Refs.
	properties *tree.Value

	// exists is true for a resource that a plan does not create: it is
	// there already, so no deployment order applies to it.
	exists bool
	// fragment is true for a resource of a template that names resources
	// it does not define (in DependsOn, Ref or Fn::GetAtt): a fragment of a
	// larger template, such as one of a Serverless service's resource
	// files read on its own, where other fragments may attach resource
	// servers and identity providers to its pool.
	fragment bool
	// poolSrcs is what the members of a user pool, resource server or
	// identity provider that the pool rules read rest on (the defaults of
	// variables and parameters, the values a deployment passes), by
	// member: UserPoolTier, Schema, Identifier, Scopes, ProviderName of a
	// template; user_pool_tier of a Terraform pool.
	poolSrcs map[string][]tfSrc
}

// PositionOf returns where a member path is written, falling back to its
// parents ("A.B[2]", "A.B", "A") and then to the client itself.
func (c *Client) PositionOf(path string) Position {
	for p := path; p != ""; p = parentPath(p) {
		if at, ok := c.Positions[p]; ok {
			return at
		}
	}
	return c.Pos
}

// Error is a problem with an input: it cannot be read, or a client in it
// cannot.
type Error struct {
	// File is the name of the file.
	File string
	// Pos is where the problem is; the zero Position when the file as a
	// whole is at fault (it is too large, empty or not text).
	Pos Position
	// Resource is the client the problem belongs to, or "".
	Resource string
	// Message describes the problem.
	Message string
}

// Error returns "FILE:LINE:COLUMN: RESOURCE: MSG", leaving out what is
// unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Pos.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Pos.Line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Pos.Column))
	}
	b.WriteString(": ")
	if e.Resource != "" {
		b.WriteString(e.Resource)
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	return b.String()
}

// ErrTooLarge is the error of a file larger than [MaxFileSize]; errors of
// the other size limits wrap it.
var ErrTooLarge = fmt.Errorf("larger than %d MiB", maxInputBytes>>20)

// ReadFile reads one file. A .tf file is read as a Terraform module of its
// own (use [Read] on its directory to read the module it belongs to); a
// Serverless service's relative ${file(...)} fragments are read from
// beside it. The file is opened with [OpenInput]: an error opening or
// reading it (not a regular file, over [MaxFileSize]) is returned as an
// *fs.PathError; every other problem is in the File's Errors.
func ReadFile(path string) (*File, error) {
	data, err := ReadInput(path, maxInputBytes)
	if err != nil {
		return nil, err
	}
	// SAM's samconfig beside a template is read, as sam deploy reads it.
	file, _ := readBytesWith(path, data, readInclude, &deployment{})
	return file, nil
}

// ReadFrom reads one input from r, such as standard input, refusing more
// than [MaxFileSize] bytes with [ErrTooLarge] as soon as it has read them.
// name names the input in positions and errors.
func ReadFrom(name string, r io.Reader) (*File, error) {
	data, err := readLimited(r, maxInputBytes)
	if err != nil {
		return nil, err
	}
	return ReadBytes(name, data), nil
}

// readLimited reads r to its end, failing with ErrTooLarge as soon as it
// holds more than limit bytes. Its buffer doubles up to limit+1 bytes, so
// refusing an endless stream costs about 2.5 times the limit.
func readLimited(r io.Reader, limit int) ([]byte, error) {
	buf := make([]byte, 0, min(64<<10, limit+1))
	for {
		if len(buf) == cap(buf) {
			if len(buf) > limit {
				return nil, ErrTooLarge
			}
			grown := make([]byte, len(buf), min(2*cap(buf), limit+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// errNotText reports binary input.
var errNotText = errors.New("not a text file")
