package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
)

const diffUsage = `Usage:
  appclient diff [-format text|json] DESIRED ACTUAL

diff compares two app-client configurations by meaning, as appclient.Diff
does: Cognito's defaults apply, token lifetimes compare as durations (1 hour
equals 60 minutes), lists compare as sets, and the secret compares as "has a
secret" (its value is never read or printed). Each side is a request JSON
(the --cli-input-json form of create-user-pool-client), an update request
(update-user-pool-client, recognised by its ClientId), or the output of
"aws cognito-idp describe-user-pool-client" ({"UserPoolClient": {...}});
"-" reads standard input. An update request does not say whether the client
has a secret, and may leave ClientName out to keep it: those are then not
compared, and a note on standard error says so.

Output formats:
  text   one line per member that differs:
           MEMBER: desired VALUE, actual VALUE
         or, for lists, the entries only one side has
  json   {"version": 1, "desired": {"file", "kind"}, "actual": {"file", "kind"},
          "same": BOOL, "changes": [{"field", "desired", "actual"}], "notes": [...]}
         token lifetimes are Go durations ("30m0s"), absent values null

Exit status: 0 same meaning, 1 different, 2 unreadable input (also an
input over 10 MiB) or usage error.
`

// runDiff is the diff command.
func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "output format: text or json")
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

	var sides [2]side
	failed := false
	for i, name := range files {
		sd, msgs := readDiffSide(name, stdin)
		for _, m := range msgs {
			fmt.Fprintln(stderr, escapeText(m))
		}
		failed = failed || len(msgs) > 0
		sides[i] = sd
	}
	if failed {
		return 2
	}

	desired, actual := sides[0], sides[1]
	var notes []string
	for _, p := range [...]struct {
		side, other *side
		name        string
	}{{&desired, &actual, displayName(files[0])}, {&actual, &desired, displayName(files[1])}} {
		if !p.side.SecretKnown {
			p.side.Config.GenerateSecret = p.other.Config.GenerateSecret
			notes = append(notes, fmt.Sprintf("%s is an update request, which does not say whether the client has a secret: the secret is not compared", p.name))
		}
		if !p.side.NameKnown {
			p.side.Config.ClientName = p.other.Config.ClientName
			notes = append(notes, fmt.Sprintf("%s keeps the client's name (it has no ClientName): the name is not compared", p.name))
		}
	}
	changes := appclient.Diff(desired.Config, actual.Config)

	if *format == "json" {
		err = writeDiffJSON(stdout, files, desired.Kind, actual.Kind, changes, notes)
	} else {
		for _, n := range notes {
			fmt.Fprintf(stderr, "appclient diff: note: %s\n", n)
		}
		err = writeDiffText(stdout, changes)
	}
	if err != nil {
		fmt.Fprintf(stderr, "appclient: %v\n", err)
		return 2
	}
	if len(changes) > 0 {
		return 1
	}
	return 0
}

// side is one side of a diff: the configuration a request, an update
// request or a described client gives a client.
type side struct {
	// Kind is the kind of input: request, update or described.
	Kind string
	// Config is the configuration. For an update, ClientName is "" when the
	// update keeps the current name, and GenerateSecret is false.
	Config appclient.CreateUserPoolClientRequest
	// SecretKnown reports whether the input says if the client has a
	// secret: an update does not.
	SecretKnown bool
	// NameKnown reports whether the input names the client: an update may
	// leave ClientName out to keep the current one.
	NameKnown bool
}

// readDiffSide reads one side of a diff with package iac, or returns the
// messages that say why it cannot be compared: it cannot be read, or it is
// no request, update request or described client.
func readDiffSide(name string, stdin io.Reader) (side, []string) {
	f, err := readFile(name, stdin)
	if err != nil {
		return side{}, []string{displayName(name) + ": " + readErrorText(err)}
	}
	var msgs []string
	for _, e := range f.Errors {
		msgs = append(msgs, e.Error())
	}
	for _, c := range f.Clients {
		for _, e := range c.Errors {
			msgs = append(msgs, e.Error())
		}
	}
	if len(msgs) > 0 {
		return side{}, msgs
	}
	switch f.Kind {
	case iac.KindRequest, iac.KindUpdate, iac.KindDescribed:
	default:
		return side{}, []string{fmt.Sprintf("%s: a %s input: diff compares a request, an update request or a described client", f.Name, f.Kind)}
	}
	c := f.Clients[0]
	return side{
		Kind:        string(f.Kind),
		Config:      c.Request,
		SecretKnown: c.Update == nil,
		NameKnown:   c.Update == nil || c.Update.ClientName != nil,
	}, nil
}

// writeDiffText prints one line per change.
func writeDiffText(w io.Writer, changes []appclient.Change) error {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString(c.Field)
		b.WriteString(": ")
		if onlyWant, onlyGot, ok := listDifference(c.Want, c.Got); ok {
			var parts []string
			if len(onlyWant) > 0 {
				parts = append(parts, "only desired has "+textValue(onlyWant))
			}
			if len(onlyGot) > 0 {
				parts = append(parts, "only actual has "+textValue(onlyGot))
			}
			b.WriteString(strings.Join(parts, "; "))
		} else {
			b.WriteString("desired " + textValue(c.Want) + ", actual " + textValue(c.Got))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
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
		n, unit, err := appclient.Validity(v)
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

type jsonDiff struct {
	Version int          `json:"version"`
	Desired jsonSide     `json:"desired"`
	Actual  jsonSide     `json:"actual"`
	Same    bool         `json:"same"`
	Changes []jsonChange `json:"changes"`
	Notes   []string     `json:"notes"`
}

type jsonSide struct {
	File string `json:"file"`
	Kind string `json:"kind"`
}

type jsonChange struct {
	Field   string `json:"field"`
	Desired any    `json:"desired"`
	Actual  any    `json:"actual"`
}

// writeDiffJSON prints the comparison as one JSON object.
func writeDiffJSON(w io.Writer, files []string, desiredKind, actualKind string, changes []appclient.Change, notes []string) error {
	out := jsonDiff{
		Version: 1,
		Desired: jsonSide{File: displayName(files[0]), Kind: desiredKind},
		Actual:  jsonSide{File: displayName(files[1]), Kind: actualKind},
		Same:    len(changes) == 0,
		Changes: []jsonChange{},
		Notes:   append([]string{}, notes...),
	}
	for _, c := range changes {
		out.Changes = append(out.Changes, jsonChange{Field: c.Field, Desired: jsonValue(c.Want), Actual: jsonValue(c.Got)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
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
