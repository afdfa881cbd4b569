package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cognitokit/appclient"
	"github.com/google/go-cmp/cmp"
)

// runStreams runs the command in-process and returns its status and
// streams.
func runStreams(t *testing.T, stdin string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	status = run(args, strings.NewReader(stdin), &out, &errb)
	return status, out.String(), errb.String()
}

// TestUnknownCommand: a misspelt command gets a suggestion, any other
// unknown command the list of commands, both with status 2.
func TestUnknownCommand(t *testing.T) {
	tests := []struct{ arg, want string }{
		{"valdiate", `appclient: unknown command "valdiate" (did you mean "validate"?)` + "\n"},
		{"vaildate", `appclient: unknown command "vaildate" (did you mean "validate"?)` + "\n"},
		{"rulez", `appclient: unknown command "rulez" (did you mean "rules"?)` + "\n"},
		{"frobnicate", `appclient: unknown command "frobnicate" (want validate, diff, audit, rules, version; appclient -h for help)` + "\n"},
	}
	for _, tt := range tests {
		status, stdout, stderr := runStreams(t, "", tt.arg, "x.json")
		if status != 2 || stdout != "" || stderr != tt.want {
			t.Errorf("appclient %s: status %d, stdout %q, stderr %q; want 2, \"\", %q", tt.arg, status, stdout, stderr, tt.want)
		}
	}
	// Every command the suggestions name exists.
	for _, c := range commands {
		if _, _, stderr := runStreams(t, "", c, "-h"); strings.Contains(stderr, "unknown command") {
			t.Errorf("commands lists %q, which run does not know", c)
		}
	}
}

// TestHelpListsEveryFlag: -h prints the flags of validate as the flag set
// defines them, and each flag it prints is one validate accepts.
func TestHelpListsEveryFlag(t *testing.T) {
	status, help, _ := runStreams(t, "", "-h")
	if status != 0 {
		t.Fatalf("appclient -h: status %d", status)
	}
	if _, validateHelp, _ := runStreams(t, "", "validate", "-h"); validateHelp != help {
		t.Errorf("appclient validate -h differs from appclient -h")
	}
	listed := regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(help, -1)
	seen := map[string]bool{}
	for _, m := range listed {
		seen[m[1]] = true
		// A flag validate does not define is a usage error naming it;
		// a defined one may still refuse the value x.
		_, _, stderr := runStreams(t, "", "validate", "-"+m[1]+"=x")
		if strings.Contains(stderr, "not defined: -"+m[1]) {
			t.Errorf("-%s: listed by -h, but validate does not define it: %s", m[1], stderr)
		}
	}
	for _, name := range []string{"format", "strict", "pool", "config"} {
		if !seen[name] {
			t.Errorf("-h does not list -%s:\n%s", name, help)
		}
	}
	if strings.Contains(help, "{{flags}}") {
		t.Errorf("-h left its placeholder:\n%s", help)
	}
}

// TestRulesCommand: "appclient rules" lists every rule of the table with
// its severity, summary and help; "appclient rules ID" one rule; an
// unknown id is a usage error with a suggestion.
func TestRulesCommand(t *testing.T) {
	status, all, stderr := runStreams(t, "", "rules")
	if status != 0 || stderr != "" {
		t.Fatalf("appclient rules: status %d, stderr %q", status, stderr)
	}
	flat := strings.Join(strings.Fields(all), " ")
	for _, r := range appclient.Rules() {
		head := r.ID + ": " + string(r.Severity)
		if !strings.Contains(all, "\n"+head) && !strings.HasPrefix(all, head) {
			t.Errorf("appclient rules lacks %q", head)
		}
		for _, text := range []string{r.Summary, r.Help} {
			if !strings.Contains(flat, strings.Join(strings.Fields(text), " ")) {
				t.Errorf("appclient rules lacks the text of %s: %q", r.ID, text)
			}
		}
	}
	for line := range strings.SplitSeq(all, "\n") {
		if len(line) > 80 && strings.Contains(line, " ") && strings.HasPrefix(line, "    ") {
			t.Errorf("line longer than 80 bytes: %q", line)
		}
	}

	status, one, _ := runStreams(t, "", "rules", "implicit-grant")
	if status != 0 || !strings.HasPrefix(one, "implicit-grant: warning (W2)\n    The implicit grant is allowed.\n") || strings.Contains(one, "redirect-https") {
		t.Errorf("appclient rules implicit-grant: status %d, output:\n%s", status, one)
	}
	status, out, stderr := runStreams(t, "", "rules", "implicit-grnt")
	if status != 2 || out != "" || stderr != `appclient rules: no rule "implicit-grnt" (did you mean "implicit-grant"?)`+"\n" {
		t.Errorf("appclient rules implicit-grnt: status %d, stdout %q, stderr %q", status, out, stderr)
	}
}

// TestSARIFInputErrors: an input error is a SARIF result of the rule
// unreadable-input, at the error's position (line 1 when the file as a
// whole is at fault), as well as a notification.
func TestSARIFInputErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "client.json")
	if err := os.WriteFile(bad, []byte("{\n  \"ClientName\": \"a\",\n  \"CallbackUrls\": []\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, []byte(" \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, stdout, _ := runStreams(t, "", "validate", "-format", "sarif", bad, empty)
	if status != 2 {
		t.Errorf("status %d, want 2", status)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }                 `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	type got struct {
		Rule, Level, URI string
		Line, Col        int
	}
	var gots []got
	for _, r := range log.Runs[0].Results {
		if r.RuleIndex < 0 || r.RuleIndex >= len(log.Runs[0].Tool.Driver.Rules) || log.Runs[0].Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result of %s has ruleIndex %d, which is not that rule", r.RuleID, r.RuleIndex)
		}
		for _, l := range r.Locations {
			p := l.PhysicalLocation
			gots = append(gots, got{r.RuleID, r.Level, p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn})
		}
	}
	want := []got{
		{"unreadable-input", "error", sarifURI(bad), 3, 3},
		{"unreadable-input", "error", sarifURI(empty), 1, 0},
	}
	if diff := cmp.Diff(want, gots); diff != "" {
		t.Errorf("SARIF results mismatch (-want +got):\n%s", diff)
	}
}
