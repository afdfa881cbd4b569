package iac

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/cognitokit/appclient"
)

// Finding is a finding on a client read from a file: [appclient.Finding],
// with File, Pos and Resource set. Pos is where the offending value is
// written: the list element for an element, the member otherwise, the client
// when the member is absent.
type Finding = appclient.Finding

// Check validates a client's request and lints it, and returns the
// violations, then the advisories, that do not depend on a value unknown
// before deployment: a finding is kept only if none of the values its rule
// reads is in [Client.Unknown]. A client with Errors is not checked and has
// no findings. Check does not drop the rules the client silences: see
// [Client.Ignores].
func Check(c *Client) []Finding {
	if len(c.Errors) > 0 {
		return nil
	}
	unknown := make(map[string]bool, len(c.Unknown))
	for _, p := range c.Unknown {
		unknown[p] = true
	}
	var out []Finding
	add := func(sev appclient.Severity, field, rule, exception, msg string) {
		if dependsOnUnknown(unknown, rule, field) {
			return
		}
		out = append(out, Finding{File: c.File, Pos: c.PositionOf(field), Resource: c.Resource,
			Field: field, Rule: rule, Severity: sev, Exception: exception, Message: c.provenance(msg, rule, field)})
	}
	if err := c.validate(); err != nil {
		var ve *appclient.ValidationError
		if !errors.As(err, &ve) {
			return []Finding{{File: c.File, Pos: c.Pos, Resource: c.Resource, Rule: "internal",
				Severity: appclient.SeverityError, Message: err.Error()}}
		}
		for _, fe := range ve.Errors {
			add(appclient.SeverityError, fe.Field, fe.Rule, fe.Exception, fe.Message)
		}
	}
	for _, a := range c.lint() {
		add(appclient.SeverityWarning, a.Field, a.Rule, "", a.Message)
	}
	return out
}

// inputsOf returns the values a finding of rule on field reads, as tokens:
// member paths ("A", "A.B", "L[3]"), "L#" (the number of elements of L) and
// "L[*]" (every element of L); ok is false for a rule this package does not
// know.
func inputsOf(rule, field string) (tokens []string, ok bool) {
	if r, found := appclient.RuleByID(rule); found {
		return r.Inputs(field), true
	}
	return nil, false
}

// dependsOnUnknown reports whether a violation of rule on field may be an
// artefact of a value that is unknown before deployment. A rule this
// package does not know is assumed to read everything.
func dependsOnUnknown(unknown map[string]bool, rule, field string) bool {
	if len(unknown) == 0 {
		return false
	}
	inputs, ok := inputsOf(rule, field)
	if !ok {
		return true
	}
	for _, tok := range inputs {
		if tok == "" {
			continue
		}
		if isUnknown(unknown, tok) {
			return true
		}
		// A violation on a list as a whole ("AllowedOAuthFlows") reads
		// every element.
		if !strings.HasSuffix(tok, "]") && !strings.HasSuffix(tok, "#") && isList(tok) && isUnknown(unknown, tok+"[*]") {
			return true
		}
	}
	return false
}

// restsOn returns what provides the defaults that a violation of rule on
// field reads, sorted, or nil when it reads none.
func restsOn(defaults map[string]string, rule, field string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range readPaths(defaults, rule, field) {
		for from := range strings.SplitSeq(defaults[p], ", ") {
			if from != "" && !seen[from] {
				seen[from] = true
				out = append(out, from)
			}
		}
	}
	sort.Strings(out)
	return out
}

// OriginsOf returns where the values a deployment passes that a finding
// of c rests on are written (see [Client.Origins]): the tfvars lines, the
// module arguments, the parameter files, beside the finding's own
// position in the client. Nil for none.
func (c *Client) OriginsOf(f Finding) []Origin {
	var out []Origin
	for _, p := range readPaths(c.Origins, f.Rule, f.Field) {
		for _, o := range c.Origins[p] {
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}

// provenance adds to a finding's message the defaults and the values
// passed that it rests on.
func (c *Client) provenance(msg, rule, field string) string {
	if from := restsOn(c.Defaults, rule, field); len(from) > 0 {
		msg += " (with the default of " + strings.Join(from, ", ") + ", which a deployment can override)"
	}
	origins := c.OriginsOf(Finding{Rule: rule, Field: field})
	if len(origins) == 0 {
		return msg
	}
	names := make([]string, len(origins))
	for i, o := range origins {
		names[i] = o.String()
	}
	return msg + " (with " + strings.Join(names, ", ") + ")"
}

// readPaths returns the member paths among m's keys that a violation of
// rule on field reads: the member itself, one of its parents, or one of
// its elements or nested members; sorted.
func readPaths[T any](m map[string]T, rule, field string) []string {
	if len(m) == 0 {
		return nil
	}
	inputs, ok := inputsOf(rule, field)
	if !ok {
		inputs = []string{field}
	}
	seen := map[string]bool{}
	for _, tok := range inputs {
		tok = strings.TrimSuffix(strings.TrimSuffix(tok, "[*]"), "#")
		for p := tok; p != ""; p = parentPath(p) {
			if _, ok := m[p]; ok {
				seen[p] = true
			}
		}
		for p := range m {
			if strings.HasPrefix(p, tok+"[") || strings.HasPrefix(p, tok+".") {
				seen[p] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// isUnknown reports whether a token names a value that is unknown.
func isUnknown(unknown map[string]bool, tok string) bool {
	if len(unknown) == 0 {
		return false
	}
	switch {
	case strings.HasSuffix(tok, "[*]"):
		list := strings.TrimSuffix(tok, "[*]")
		if isUnknown(unknown, list+"#") {
			return true
		}
		for p := range unknown {
			if strings.HasPrefix(p, list+"[") {
				return true
			}
		}
		return false
	case strings.HasSuffix(tok, "#"):
		list := strings.TrimSuffix(tok, "#")
		return unknown[tok] || isUnknown(unknown, list)
	}
	for p := tok; p != ""; p = parentPath(p) {
		if unknown[p] {
			return true
		}
	}
	return false
}

// isList reports whether a member path names a list member.
func isList(path string) bool {
	specs := requestMembers
	var spec *memberSpec
	for part := range strings.SplitSeq(path, ".") {
		spec = findSpec(specs, part)
		if spec == nil {
			return false
		}
		specs = spec.Fields
	}
	return spec != nil && spec.Type == typeStringList
}

// Findings checks every client of f as the command does: [Check], then
// [CheckPool] against the resources of f (of its whole module, for a .tf
// file), leaving out the rules each client silences ([Client.Ignores]). The
// findings come in the order of the files that define the clients (f, then
// the fragments it includes), each in line and column order. Input errors
// are not findings: see [File.Errors] and [Client.Errors].
func (f *File) Findings() []Finding {
	var out []Finding
	idx := newResIndex(f.PoolResources())
	for _, c := range f.Clients {
		for _, fd := range append(Check(c), checkPool(c, idx)...) {
			if !c.Ignores(fd.Rule) {
				out = append(out, fd)
			}
		}
	}
	order := map[string]int{f.Name: 0}
	for _, c := range f.Clients {
		if _, ok := order[c.File]; !ok {
			order[c.File] = len(order)
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.File != b.File {
			return order[a.File] - order[b.File]
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Column - b.Pos.Column
	})
	return out
}
