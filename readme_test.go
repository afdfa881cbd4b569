package appclient

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateREADME = flag.Bool("update-readme", false, "rewrite the rule tables of README.md from the rule table")

const (
	readmeBegin = "<!-- BEGIN RULES: generated from Rules() by go test -run TestREADMERules -update-readme -->\n"
	readmeEnd   = "<!-- END RULES -->\n"
)

// readmeRules renders the rule table as the README lists it: the errors,
// then the warnings, each in table order, with the evidence of each.
func readmeRules() string {
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
	return "Errors (`FieldError.Rule`: `Validate`; the P rules, which need the user pool, `ValidateInPool`, and P6 only in templates and Terraform):\n\n" + errs.String() +
		"\nWarnings (`Advisory.Rule`: `Lint`; P4 `LintInPool`):\n\n" + warns.String() +
		"\nEvidence: seen (a real Cognito response, or for a warning Cognito's observed behaviour, is quoted), documented (AWS documentation, or the standard a warning cites), inferred (reasoned; never an error).\n"
}

// TestREADMERules: README.md lists every rule of the table, errors and
// warnings, exactly as the table says. Run with -update-readme to rewrite
// the list after changing the table.
func TestREADMERules(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, readmeBegin), strings.Index(readme, readmeEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", readmeBegin, readmeEnd)
	}
	got, want := readme[i+len(readmeBegin):j], readmeRules()
	if *updateREADME {
		if err := os.WriteFile("README.md", []byte(readme[:i+len(readmeBegin)]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("README.md rule list mismatch with Rules() (-table +README); run go test -run TestREADMERules -update-readme:\n%s", diff)
	}
}
