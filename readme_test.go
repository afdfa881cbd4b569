package appclient

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateRules = flag.Bool("update-rules", false, "rewrite docs/rules.md from the rule table")

// rulesDoc renders the rule table as docs/rules.md lists it: the errors,
// then the warnings, each in table order, with the evidence of each.
func rulesDoc() string {
	var errs, warns strings.Builder
	errs.WriteString("| Rule | Book | Rejects | Exception | Evidence |\n|---|---|---|---|---|\n")
	warns.WriteString("| Rule | Book | Finds | Evidence |\n|---|---|---|---|\n")
	for _, r := range Rules() {
		summary := strings.ReplaceAll(r.Summary, "|", `\|`)
		code := r.Code
		if r.Scope == ScopeModel {
			code = "model"
		}
		exception := r.Exception
		if exception == "" {
			exception = "as the rule it leads to"
		}
		switch r.Severity {
		case SeverityError:
			errs.WriteString("| `" + r.ID + "` | " + code + " | " + summary + " | " + exception + " | " + string(r.Evidence) + " |\n")
		case SeverityWarning:
			warns.WriteString("| `" + r.ID + "` | " + code + " | " + summary + " | " + string(r.Evidence) + " |\n")
		}
	}
	return "<!-- Generated from the rule table (Rules()) by go test -run TestRulesDoc -update-rules. DO NOT EDIT. -->\n\n" +
		"# What appclient checks\n\n" +
		"Every rule has an id, the Rule of each Finding and FieldError, and a short name in the project's rule book (\"Book\"). " +
		"`appclient rules ID` prints a rule's help. Model constraints come first, in member order, then the service rules in the order below; " +
		"a service rule looks only at values that passed their own model constraints, so each problem is reported once. " +
		"The OAuth rules O1-O6 apply only when AllowedOAuthFlowsUserPoolClient is true (the scopes of an ALLOW_CLIENT_TOKEN_AUTH client are used whatever it says); " +
		"the redirect rules U1-U4 whenever the URLs are present. The P rules need the user pool (ValidateInPool, Known.Pool); P6, W21 and W22 need the template or configuration, and package iac decides them.\n\n" +
		"## Errors: Cognito rejects the request\n\n" + errs.String() +
		"\n## Warnings: Cognito accepts it, but it works badly or dangerously\n\n" + warns.String() +
		"\nEvidence: seen (a real Cognito response, or for a warning Cognito's observed behaviour, is quoted), documented (AWS documentation, or the standard a warning cites), inferred (reasoned; never an error).\n"
}

// TestRulesDoc: docs/rules.md lists every rule of the table, errors and
// warnings, exactly as the table says. Run with -update-rules to rewrite it
// after changing the table.
func TestRulesDoc(t *testing.T) {
	path := filepath.Join("docs", "rules.md")
	want := rulesDoc()
	if *updateRules {
		if err := os.MkdirAll("docs", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("%s mismatch with Rules() (-table +file); run go test -run TestRulesDoc -update-rules:\n%s", path, diff)
	}
}

// TestREADME: the README stays short (what it is, the two commands, short
// examples: the rest is in go doc and docs/rules.md), its first screen
// holds the two commands, and every rule id it names exists.
func TestREADME(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 12*1024 {
		t.Errorf("README.md has %d bytes, want at most 12 KiB: say it once, in go doc", len(data))
	}
	first := string(data[:min(len(data), 2500)])
	for _, cmd := range []string{"go run ./cmd/appclient validate cmd/appclient/testdata/template.yaml", "go test -race ./..."} {
		if !strings.Contains(first, cmd) {
			t.Errorf("the README's first screen lacks %q", cmd)
		}
	}
	for _, m := range regexp.MustCompile(`\(([a-z0-9]+(?:-[a-z0-9]+)+)\)`).FindAllStringSubmatch(string(data), -1) {
		if _, ok := RuleByID(m[1]); !ok && strings.Contains(m[1], "-") {
			t.Errorf("README.md names rule %q, which the table lacks", m[1])
		}
	}
}
