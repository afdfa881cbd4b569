package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
	"github.com/cognitokit/appclient/iac"
)

const diffUsage = `Usage:
  appclient diff [-region R] [-profile P] [-endpoint-url URL] [-format text|json] DESIRED ACTUAL

diff compares app-client configurations by meaning, as appclient.Diff
does: Cognito's defaults apply, token lifetimes compare as durations (1 hour
equals 60 minutes), lists compare as sets, and the secret compares as "has a
secret" (its value is never read or printed).

Each side is one of:
  FILE                 any file validate reads that holds one app client: a
                       request JSON, an update request, the output of
                       "aws cognito-idp describe-user-pool-client", a
                       CloudFormation template, a Serverless service, a
                       Terraform .tf file, plan or state
  FILE#NAME            the client of FILE with this logical ID or Terraform
                       address (FILE#WebClient, main.tf#aws_cognito_user_pool_client.web)
  DIR, or a FILE with several clients
                       every client in it, matched by name with the other side
  -                    standard input (after --, -#NAME picks a client of it)
  live:POOL_ID/CLIENT  the client of a user pool that exists, by ID or by
                       name, described through the AWS API
  live:POOL_ID         every client of the user pool, matched by name

live sides go through the default AWS configuration chain, as audit does
(-region, -profile, -endpoint-url); they need cognito-idp:ListUserPoolClients
and cognito-idp:DescribeUserPoolClient.

A member known only at deployment (a !Ref, a Terraform variable without a
value, "known after apply") is listed as unknown and not compared. An update
request does not say whether the client has a secret, and may leave
ClientName out to keep it; CloudFormation names a client that has no
ClientName: those are then not compared, and a note says so.

For each change, diff says what the UpdateUserPoolClient request that makes
ACTUAL mean DESIRED (awssdk.UpdateClientTo, appclient.UpdateTo) sends for
that member, or that it leaves the member out, which resets it to its
default: UpdateUserPoolClient resets every member it omits.

Output formats:
  text   one line per member that differs:
           MEMBER: desired VALUE, actual VALUE; update sends MEMBER=VALUE
         or, for lists, the entries only one side has; clients matched by
         name start each line with NAME: , and a client on one side only
         is a line NAME: only desired has it (or only actual)
  json   {"version": 1, "desired": {"file", "kind"}, "actual": {"file", "kind"},
          "same": BOOL, "changes": [{"field", "desired", "actual", "update"}],
          "unknown": [{"side", "member"}], "notes": [...],
          "clients": [...] when clients are matched by name}
         token lifetimes are Go durations ("30m0s"), absent values null

Exit status: 0 same meaning, 1 different (or a client on one side only), 2
unreadable input (also an input over 10 MiB), a live client that cannot be
read, or a usage error.
`

// runDiff is the diff command. It stops at an interrupt.
func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "output format: text or json")
	awsf := addAWSFlags(fs)
	files, err := parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, diffUsage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "appclient diff: %v\n\n%s", err, diffUsage)
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "appclient diff: unknown format %q (want text or json)\n", *format)
		return 2
	}
	if len(files) != 2 {
		fmt.Fprintf(stderr, "appclient diff: want 2 files, DESIRED and ACTUAL, got %d\n\n%s", len(files), diffUsage)
		return 2
	}
	if files[0] == "-" && files[1] == "-" {
		fmt.Fprintln(stderr, "appclient diff: standard input given twice")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var api awssdk.ClientAPI
	connect := func() (awssdk.ClientAPI, error) {
		if api == nil {
			c, err := awsf.cognitoClient(ctx)
			if err != nil {
				return nil, err
			}
			api = c
		}
		return api, nil
	}

	var sets [2]sideSet
	failed := false
	for i, arg := range files {
		set, msgs := readSideSet(ctx, arg, stdin, connect)
		for _, m := range msgs {
			fmt.Fprintln(stderr, escapeText(m))
		}
		failed = failed || len(msgs) > 0
		sets[i] = set
	}
	if failed {
		return 2
	}

	status := 0
	var pairs []pairDiff
	if sets[0].single && sets[1].single {
		pairs = []pairDiff{compare(sets[0].clients[0], sets[1].clients[0])}
	} else {
		var msgs []string
		pairs, msgs = matchByName(sets[0], sets[1])
		for _, m := range msgs {
			fmt.Fprintln(stderr, escapeText("appclient diff: "+m))
		}
		if len(msgs) > 0 {
			status = 2
		}
	}
	for _, p := range pairs {
		if status == 0 && !p.same() {
			status = 1
		}
	}
	byName := !(sets[0].single && sets[1].single)
	if *format == "json" {
		err = writeDiffJSON(stdout, sets, pairs, byName)
	} else {
		for _, p := range pairs {
			for _, n := range p.Notes {
				fmt.Fprintf(stderr, "appclient diff: note: %s\n", escapeText(n))
			}
		}
		err = writeDiffText(stdout, pairs, byName)
	}
	if err != nil {
		fmt.Fprintf(stderr, "appclient: %v\n", err)
		return 2
	}
	return status
}

// side is one app client on one side of a diff: what a file, standard
// input or the API gives it.
type side struct {
	// Label names the client in notes: the file and, where the file has
	// several, the resource; or live:POOL/ID.
	Label string
	// Kind is the kind of input (iac's kinds), or "live".
	Kind string
	// Resource is the logical ID or Terraform address; ClientID the ID of
	// a live client.
	Resource, ClientID string
	// Config is the configuration. For an update, ClientName is "" when the
	// update keeps the current name, and GenerateSecret is false.
	Config appclient.CreateUserPoolClientRequest
	// SecretKnown reports whether the input says if the client has a
	// secret: an update does not.
	SecretKnown bool
	// NameKnown reports whether the input names the client: an update may
	// leave ClientName out to keep the current one, and CloudFormation names
	// a client that has none.
	NameKnown bool
	// Unknown are the member paths known only at deployment (iac.Client's).
	Unknown []string
}

// sideSet is what one argument of diff gives: one client, or several to
// match by name with the other side.
type sideSet struct {
	// Arg is the argument as given; Kind the kind of its input, or "live",
	// or "directory".
	Arg, Kind string
	clients   []side
	// single reports whether the argument stands for one client.
	single bool
}

// readSideSet reads one argument of diff, or returns the messages that say
// why it cannot be compared. connect gives the API client for live sides.
func readSideSet(ctx context.Context, arg string, stdin io.Reader, connect func() (awssdk.ClientAPI, error)) (sideSet, []string) {
	if rest, ok := strings.CutPrefix(arg, "live:"); ok {
		return readLive(ctx, arg, rest, connect)
	}
	set := sideSet{Arg: arg}
	path, pick := arg, ""
	if arg != "-" {
		if _, err := os.Stat(arg); err != nil {
			if i := strings.LastIndexByte(arg, '#'); i > 0 {
				path, pick = arg[:i], arg[i+1:]
			}
		}
	}
	var files []*iac.File
	isDir := false
	if path == "-" {
		f, err := iac.ReadFrom(displayName(path), stdin)
		if err != nil {
			return set, []string{displayName(path) + ": " + readErrorText(err)}
		}
		files = []*iac.File{f}
	} else {
		fi, err := os.Stat(path)
		if err != nil {
			return set, []string{path + ": " + readErrorText(err)}
		}
		isDir = fi.IsDir()
		if files, err = iac.Read(path); err != nil {
			return set, []string{path + ": " + readErrorText(err)}
		}
	}
	var msgs []string
	var all []side
	for _, f := range files {
		for _, e := range f.Errors {
			msgs = append(msgs, e.Error())
		}
		set.Kind = string(f.Kind)
		for _, c := range f.Clients {
			for _, e := range c.Errors {
				msgs = append(msgs, e.Error())
			}
			all = append(all, fileSide(f, c))
		}
	}
	if isDir {
		set.Kind = "directory"
	}
	if len(msgs) > 0 {
		return set, msgs
	}
	name := displayName(path)
	switch {
	case pick != "":
		for _, sd := range all {
			if sd.Resource == pick {
				set.clients = append(set.clients, sd)
			}
		}
		if len(set.clients) != 1 {
			var have []string
			for _, sd := range all {
				if sd.Resource != "" {
					have = append(have, fmt.Sprintf("%q", sd.Resource))
				}
			}
			what := "no app client"
			if len(set.clients) > 1 {
				what = fmt.Sprintf("%d app clients", len(set.clients))
			}
			return set, []string{fmt.Sprintf("%s: %s with the logical ID or address %q (it has %s)", name, what, pick, orNone(have))}
		}
		set.single = true
	case len(all) == 0:
		return set, []string{name + ": holds no app client"}
	default:
		set.clients = all
		set.single = len(all) == 1 && !isDir
	}
	return set, nil
}

// orNone joins quoted names, or says "none".
func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// fileSide is the side of a client that a file defines.
func fileSide(f *iac.File, c *iac.Client) side {
	sd := side{
		Label:       c.File,
		Kind:        string(f.Kind),
		Resource:    c.Resource,
		Config:      c.Request,
		SecretKnown: c.Update == nil,
		NameKnown:   c.Update == nil || c.Update.ClientName != nil,
		Unknown:     c.Unknown,
	}
	if c.Resource != "" {
		sd.Label += "#" + c.Resource
	}
	if c.Request.ClientName == "" && !slices.Contains(c.Unknown, "ClientName") &&
		(f.Kind == iac.KindCloudFormation || f.Kind == iac.KindServerless) {
		sd.NameKnown = false // CloudFormation makes a name up
	}
	return sd
}

// readLive describes live:POOL_ID/CLIENT, or every client of live:POOL_ID.
func readLive(ctx context.Context, arg, rest string, connect func() (awssdk.ClientAPI, error)) (sideSet, []string) {
	set := sideSet{Arg: arg, Kind: "live"}
	pool, client, one := strings.Cut(rest, "/")
	if pool == "" || (one && client == "") {
		return set, []string{fmt.Sprintf("%s: want live:POOL_ID/CLIENT (a client ID or name) or live:POOL_ID", arg)}
	}
	api, err := connect()
	if err != nil {
		return set, []string{arg + ": " + err.Error()}
	}
	liveSide := func(c awssdk.LiveClient) side {
		return side{Label: "live:" + pool + "/" + c.ClientID, Kind: "live", ClientID: c.ClientID,
			Config: c.Config, SecretKnown: true, NameKnown: true}
	}
	if one {
		c, err := awssdk.DescribeClient(ctx, api, pool, client)
		if err != nil {
			return set, []string{arg + ": " + err.Error()}
		}
		set.clients, set.single = []side{liveSide(c)}, true
		return set, nil
	}
	var msgs []string
	for c, err := range awssdk.Clients(ctx, api, pool) {
		if err != nil {
			msgs = append(msgs, arg+": "+err.Error())
			continue
		}
		set.clients = append(set.clients, liveSide(c))
	}
	return set, msgs
}

// pairDiff is the comparison of one desired client with one actual client,
// or a client on one side only.
type pairDiff struct {
	// Name is the client's name, for clients matched by name.
	Name string
	// Desired and Actual are the two sides; one is nil for a client on one
	// side only.
	Desired, Actual *side
	Changes         []appclient.Change
	// Unknown are the members known only at deployment, per side.
	Unknown []unknownMember
	// Update says, per changed member, what the update that makes actual
	// mean desired sends; UpdateErr why no update can, if none can.
	Update    map[string]updateMember
	UpdateErr error
	Notes     []string
}

// same reports whether the two sides mean the same.
func (p *pairDiff) same() bool {
	return p.Desired != nil && p.Actual != nil && len(p.Changes) == 0
}

// unknownMember is a member one side knows only at deployment.
type unknownMember struct {
	Side, Member string
}

// updateMember is what an update sends for one member: the values of the
// request members that carry it, or nothing (Resets), which makes Cognito
// reset the member to its default.
type updateMember struct {
	Sends  map[string]any
	Resets bool
}

// compare compares two clients as Diff does, leaving out the members one
// side knows only at deployment, and works out the update.
func compare(desired, actual side) pairDiff {
	p := pairDiff{Desired: &desired, Actual: &actual}
	for _, q := range [...]struct {
		side, other *side
		which       string
	}{{&desired, &actual, "desired"}, {&actual, &desired, "actual"}} {
		if !q.side.SecretKnown {
			q.side.Config.GenerateSecret = q.other.Config.GenerateSecret
			p.Notes = append(p.Notes, fmt.Sprintf("%s is an update request, which does not say whether the client has a secret: the secret is not compared", q.side.Label))
		}
		if !q.side.NameKnown {
			q.side.Config.ClientName = q.other.Config.ClientName
			if q.side.Kind == string(iac.KindUpdate) {
				p.Notes = append(p.Notes, fmt.Sprintf("%s keeps the client's name (it has no ClientName): the name is not compared", q.side.Label))
			} else {
				p.Notes = append(p.Notes, fmt.Sprintf("%s has no ClientName, and CloudFormation makes one up: the name is not compared", q.side.Label))
			}
		}
		for _, m := range unknownMembers(q.side.Unknown) {
			p.Unknown = append(p.Unknown, unknownMember{Side: q.which, Member: m})
		}
	}
	for _, c := range appclient.Diff(desired.Config, actual.Config) {
		if !dependsOnUnknown(c.Field, p.Unknown) {
			p.Changes = append(p.Changes, c)
		}
	}
	if len(p.Changes) > 0 {
		// The update is worked out with each unknown member as the other
		// side has it: what it will be is not known, and an unknown list
		// element, "" in the request, is no value an update can send.
		d, a := desired, actual
		for _, u := range p.Unknown {
			if u.Side == "desired" {
				d.Config = withMember(d.Config, a.Config, u.Member)
			} else {
				a.Config = withMember(a.Config, d.Config, u.Member)
			}
		}
		p.Update, p.UpdateErr = updateOf(d, a, p.Changes)
	}
	return p
}

// withMember returns dst with the member at path (a dotted member path)
// set as src has it, or absent where src has none.
func withMember(dst, src appclient.CreateUserPoolClientRequest, path string) appclient.CreateUserPoolClientRequest {
	var d, s map[string]any
	if toMap(dst, &d) != nil || toMap(src, &s) != nil {
		return dst
	}
	parts := strings.Split(path, ".")
	parent := d
	for _, part := range parts[:len(parts)-1] {
		child, ok := parent[part].(map[string]any)
		if !ok {
			child = map[string]any{}
			parent[part] = child
		}
		parent = child
	}
	last := parts[len(parts)-1]
	if v, ok := lookup(s, path); ok {
		parent[last] = v
	} else {
		delete(parent, last)
	}
	data, err := json.Marshal(d)
	if err != nil {
		return dst
	}
	var out appclient.CreateUserPoolClientRequest
	if json.Unmarshal(data, &out) != nil {
		return dst
	}
	return out
}

// toMap turns v into a JSON object.
func toMap(v any, m *map[string]any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, m)
}

// unknownMembers returns the members that unknown paths (iac.Client.Unknown)
// name, without element indexes and counts, sorted and once each.
func unknownMembers(paths []string) []string {
	var out []string
	for _, p := range paths {
		p = strings.TrimSuffix(p, "#")
		if i := strings.IndexByte(p, '['); i >= 0 {
			p = p[:i]
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// unitOf maps each lifetime member to its unit in TokenValidityUnits.
var unitOf = map[string]string{
	"AccessTokenValidity":  "AccessToken",
	"IdTokenValidity":      "IdToken",
	"RefreshTokenValidity": "RefreshToken",
}

// dependsOnUnknown reports whether the change of field reads a member that
// is unknown: the member itself, a part of it or what holds it, the unit of
// a lifetime, or a secret for GenerateSecret.
func dependsOnUnknown(field string, unknown []unknownMember) bool {
	for _, u := range unknown {
		m := u.Member
		switch {
		case m == field, strings.HasPrefix(field, m+"."), strings.HasPrefix(m, field+"."):
			return true
		case m == "TokenValidityUnits" && unitOf[field] != "":
			return true
		case unitOf[field] != "" && m == "TokenValidityUnits."+unitOf[field]:
			return true
		case m == "ClientSecret" && field == "GenerateSecret":
			return true
		}
	}
	return false
}

// updateOf works out what the update that makes actual mean desired
// (appclient.UpdateTo, which awssdk.UpdateClientTo sends) carries for each
// changed member.
func updateOf(desired, actual side, changes []appclient.Change) (map[string]updateMember, error) {
	id := actual.ClientID
	if id == "" {
		id = "CLIENT_ID" // any valid ID: the request's other members do not depend on it
	}
	u, err := appclient.UpdateTo(id, actual.Config, desired.Config)
	if err != nil {
		return nil, err
	}
	var wire map[string]any
	if err := toMap(u, &wire); err != nil {
		return nil, err
	}
	out := map[string]updateMember{}
	for _, c := range changes {
		paths := []string{c.Field}
		if unit := unitOf[c.Field]; unit != "" {
			paths = append(paths, "TokenValidityUnits."+unit)
		}
		um := updateMember{Sends: map[string]any{}}
		for i, p := range paths {
			v, ok := lookup(wire, p)
			if ok {
				um.Sends[p] = v
			} else if i == 0 {
				um.Resets = true
			}
		}
		out[c.Field] = um
	}
	return out, nil
}

// lookup returns the value at a dotted member path of a JSON object.
func lookup(m map[string]any, path string) (any, bool) {
	var v any = m
	for part := range strings.SplitSeq(path, ".") {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = obj[part]; !ok {
			return nil, false
		}
	}
	return v, true
}

// matchByName pairs the clients of two sides by name, in name order, and
// returns messages for clients that cannot be matched: one without a name,
// or a name two clients of one side share.
func matchByName(desired, actual sideSet) ([]pairDiff, []string) {
	var msgs []string
	index := func(set sideSet) map[string]*side {
		m := map[string]*side{}
		dup := map[string]bool{}
		for i := range set.clients {
			sd := &set.clients[i]
			name := sd.Config.ClientName
			why := ""
			switch {
			case slices.Contains(sd.Unknown, "ClientName"):
				why = "its ClientName is known only at deployment"
			case sd.Kind == string(iac.KindUpdate) && !sd.NameKnown:
				why = "the update request has no ClientName"
			case !sd.NameKnown:
				why = "it has no ClientName, and CloudFormation makes one up"
			case name == "":
				why = "it has no ClientName"
			}
			if why != "" {
				msgs = append(msgs, fmt.Sprintf("%s: cannot be matched by name: %s", sd.Label, why))
				continue
			}
			if m[name] != nil && !dup[name] {
				dup[name] = true
				msgs = append(msgs, fmt.Sprintf("%s: %d or more clients are named %q (%s, %s): compare them one by one", set.Arg, 2, name, m[name].Label, sd.Label))
			}
			m[name] = sd
		}
		for name := range dup {
			delete(m, name)
		}
		return m
	}
	d, a := index(desired), index(actual)
	var names []string
	for n := range d {
		names = append(names, n)
	}
	for n := range a {
		if d[n] == nil {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var pairs []pairDiff
	for _, n := range names {
		var p pairDiff
		switch {
		case d[n] != nil && a[n] != nil:
			p = compare(*d[n], *a[n])
		case d[n] != nil:
			p = pairDiff{Desired: d[n]}
		default:
			p = pairDiff{Actual: a[n]}
		}
		p.Name = n
		pairs = append(pairs, p)
	}
	return pairs, msgs
}

// writeDiffText prints one line per change, and per client on one side
// only; clients matched by name start their lines with the name.
func writeDiffText(w io.Writer, pairs []pairDiff, byName bool) error {
	var b strings.Builder
	for _, p := range pairs {
		prefix := ""
		if byName {
			prefix = p.Name + ": "
		}
		switch {
		case p.Actual == nil:
			b.WriteString(escapeText(prefix+"only desired has it ("+p.Desired.Label+")") + "\n")
			continue
		case p.Desired == nil:
			b.WriteString(escapeText(prefix+"only actual has it ("+p.Actual.Label+")") + "\n")
			continue
		}
		for _, c := range p.Changes {
			line := prefix + c.Field + ": "
			if onlyWant, onlyGot, ok := listDifference(c.Want, c.Got); ok {
				var parts []string
				if len(onlyWant) > 0 {
					parts = append(parts, "only desired has "+textValue(onlyWant))
				}
				if len(onlyGot) > 0 {
					parts = append(parts, "only actual has "+textValue(onlyGot))
				}
				line += strings.Join(parts, "; ")
			} else {
				line += "desired " + textValue(c.Want) + ", actual " + textValue(c.Got)
			}
			if um, ok := p.Update[c.Field]; ok {
				line += "; " + um.text(c.Field, c.Want)
			}
			b.WriteString(escapeText(line) + "\n")
		}
		if p.UpdateErr != nil {
			b.WriteString(escapeText(prefix+"no update can make actual mean desired: "+p.UpdateErr.Error()) + "\n")
		}
		for _, u := range p.Unknown {
			b.WriteString(escapeText(prefix+u.Member+": unknown in "+u.Side+" until deployment: not compared") + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// text says what the update does with the member field, whose value in
// the desired configuration is want.
func (um updateMember) text(field string, want any) string {
	if um.Resets {
		if rv := reflect.ValueOf(want); want == nil || (rv.Kind() == reflect.Slice && rv.Len() == 0) {
			return "update leaves " + field + " out, which removes it"
		}
		return "update leaves " + field + " out, which resets it to " + textValue(want)
	}
	keys := make([]string, 0, len(um.Sends))
	for k := range um.Sends {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + compactJSON(um.Sends[k])
	}
	return "update sends " + strings.Join(parts, ", ")
}

// listDifference returns, for two lists (sorted sets, as Diff gives them),
// the entries only the first has and those only the second has.
func listDifference(a, b any) (onlyA, onlyB []string, ok bool) {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Kind() != reflect.Slice || vb.Kind() != reflect.Slice {
		return nil, nil, false
	}
	in := func(v reflect.Value) map[string]bool {
		m := map[string]bool{}
		for i := 0; i < v.Len(); i++ {
			m[v.Index(i).String()] = true
		}
		return m
	}
	ma, mb := in(va), in(vb)
	for i := 0; i < va.Len(); i++ {
		if s := va.Index(i).String(); !mb[s] {
			onlyA = append(onlyA, s)
		}
	}
	for i := 0; i < vb.Len(); i++ {
		if s := vb.Index(i).String(); !ma[s] {
			onlyB = append(onlyB, s)
		}
	}
	return onlyA, onlyB, true
}

// textValue spells a value of a Change for the text output: lifetimes in
// words ("30 minutes"), absent values as "absent", the rest as JSON.
func textValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "absent"
	case time.Duration:
		n, unit, err := appclient.InLargestUnit(v)
		if err != nil {
			return v.String()
		}
		s := fmt.Sprintf("%d %s", n, unit)
		if n == 1 {
			s = strings.TrimSuffix(s, "s")
		}
		return s
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.Len() == 0 {
		return "none"
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return strings.ReplaceAll(string(data), `","`, `", "`)
}

// The json output of diff. Its structure is part of the command's contract:
// fields are only ever added.
type jsonDiff struct {
	Version int          `json:"version"`
	Desired jsonSide     `json:"desired"`
	Actual  jsonSide     `json:"actual"`
	Same    bool         `json:"same"`
	Changes []jsonChange `json:"changes"`
	// Unknown are the members a side knows only at deployment, not
	// compared.
	Unknown []jsonUnknown `json:"unknown"`
	Notes   []string      `json:"notes"`
	// UpdateError says why no update can make actual mean desired.
	UpdateError string `json:"update_error,omitempty"`
	// Clients are the clients matched by name, when a side holds several;
	// Changes is then empty.
	Clients []jsonClientDiff `json:"clients,omitempty"`
}

type jsonSide struct {
	File     string `json:"file"`
	Kind     string `json:"kind"`
	Resource string `json:"resource,omitempty"`
	ClientID string `json:"client_id,omitempty"`
}

type jsonChange struct {
	Field   string `json:"field"`
	Desired any    `json:"desired"`
	Actual  any    `json:"actual"`
	// Update is what the update that makes actual mean desired does with
	// the member.
	Update *jsonUpdate `json:"update,omitempty"`
}

// jsonUpdate is what an update sends for one member: the request members
// that carry it, with their values, or nothing, which resets it.
type jsonUpdate struct {
	Sends  map[string]any `json:"sends"`
	Resets bool           `json:"resets"`
}

type jsonUnknown struct {
	Side   string `json:"side"`
	Member string `json:"member"`
}

// jsonClientDiff is one client matched by name: on both sides, or on one
// (the other is null).
type jsonClientDiff struct {
	Name        string        `json:"name"`
	Desired     *jsonSide     `json:"desired"`
	Actual      *jsonSide     `json:"actual"`
	Same        bool          `json:"same"`
	Changes     []jsonChange  `json:"changes"`
	Unknown     []jsonUnknown `json:"unknown"`
	Notes       []string      `json:"notes"`
	UpdateError string        `json:"update_error,omitempty"`
}

// writeDiffJSON prints the comparison as one JSON object.
func writeDiffJSON(w io.Writer, sets [2]sideSet, pairs []pairDiff, byName bool) error {
	out := jsonDiff{
		Version: 1,
		Desired: jsonSide{File: displayName(sets[0].Arg), Kind: sets[0].Kind},
		Actual:  jsonSide{File: displayName(sets[1].Arg), Kind: sets[1].Kind},
		Same:    true,
		Changes: []jsonChange{},
		Unknown: []jsonUnknown{},
		Notes:   []string{},
	}
	for _, p := range pairs {
		out.Same = out.Same && p.same()
	}
	if !byName {
		p := pairs[0]
		out.Desired.Resource, out.Desired.ClientID = p.Desired.Resource, p.Desired.ClientID
		out.Actual.Resource, out.Actual.ClientID = p.Actual.Resource, p.Actual.ClientID
		out.Changes, out.Unknown, out.Notes, out.UpdateError = jsonPair(p)
	} else {
		out.Clients = []jsonClientDiff{}
		for _, p := range pairs {
			c := jsonClientDiff{Name: p.Name, Same: p.same()}
			if p.Desired != nil {
				c.Desired = &jsonSide{File: sideFile(p.Desired), Kind: p.Desired.Kind, Resource: p.Desired.Resource, ClientID: p.Desired.ClientID}
			}
			if p.Actual != nil {
				c.Actual = &jsonSide{File: sideFile(p.Actual), Kind: p.Actual.Kind, Resource: p.Actual.Resource, ClientID: p.Actual.ClientID}
			}
			c.Changes, c.Unknown, c.Notes, c.UpdateError = jsonPair(p)
			out.Clients = append(out.Clients, c)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// sideFile is the file of a side, or live:POOL/ID.
func sideFile(sd *side) string {
	file, _, _ := strings.Cut(sd.Label, "#")
	return file
}

// jsonPair is the json form of one comparison.
func jsonPair(p pairDiff) (changes []jsonChange, unknown []jsonUnknown, notes []string, updateErr string) {
	changes, unknown, notes = []jsonChange{}, []jsonUnknown{}, append([]string{}, p.Notes...)
	for _, c := range p.Changes {
		jc := jsonChange{Field: c.Field, Desired: jsonValue(c.Want), Actual: jsonValue(c.Got)}
		if um, ok := p.Update[c.Field]; ok {
			jc.Update = &jsonUpdate{Sends: um.Sends, Resets: um.Resets}
		}
		changes = append(changes, jc)
	}
	for _, u := range p.Unknown {
		unknown = append(unknown, jsonUnknown{Side: u.Side, Member: u.Member})
	}
	if p.UpdateErr != nil {
		updateErr = p.UpdateErr.Error()
	}
	return changes, unknown, notes, updateErr
}

// compactJSON is v as compact JSON, HTML characters as they are, list
// entries separated by ", ".
func compactJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.ReplaceAll(strings.TrimSuffix(b.String(), "\n"), `","`, `", "`)
}

// jsonValue is a value of a Change as the json output gives it: lifetimes as
// Go duration strings, empty lists as [].
func jsonValue(v any) any {
	if d, ok := v.(time.Duration); ok {
		return d.String()
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.Len() == 0 {
		return []string{}
	}
	return v
}
