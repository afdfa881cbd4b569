package main

import (
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseConfig: every problem in a configuration file is an error that
// names its line and column, and a near miss gets a suggestion.
func TestParseConfig(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown key", "rules: {}\nexlcude: [vendor/**]\n", `.appclient.yaml:2:1: unknown key "exlcude" (did you mean "exclude"?)`},
		{"unknown key far off", "colour: red\n", `.appclient.yaml:1:1: unknown key "colour" (want rules, exclude, var-file, var, parameters, config-env, stage)`},
		{"unknown rule", "rules:\n  implicit-grant: off\n  redirect-http: error\n", `.appclient.yaml:3:3: rules: unknown rule "redirect-http" (did you mean "redirect-https"?)`},
		{"unknown rule far off", "rules:\n  no-such-thing-at-all: off\n", `.appclient.yaml:2:3: rules: unknown rule "no-such-thing-at-all" (appclient rules lists them)`},
		{"bad severity", "rules:\n  implicit-grant: ignore\n", `.appclient.yaml:2:19: rules: implicit-grant: want off, warning or error, not "ignore"`},
		{"severity list", "rules:\n  implicit-grant: [off]\n", `.appclient.yaml:2:19: rules: implicit-grant: want off, warning or error, not a list`},
		{"rule twice", "rules:\n  implicit-grant: off\n  implicit-grant: error\n", `.appclient.yaml:3:3: rules: implicit-grant is written twice (first on line 2)`},
		{"key twice", "exclude: [a]\nrules: {}\nexclude: [b]\n", `.appclient.yaml:3:1: exclude is written twice (first on line 1)`},
		{"rules not a map", "rules: [implicit-grant]\n", `.appclient.yaml:1:8: rules: want a mapping of rule ids to off, warning or error`},
		{"not a map", "- rules\n", `.appclient.yaml:1:1: want a mapping of rules, exclude, var-file, var, parameters, config-env, stage`},
		{"exclude map", "exclude:\n  vendor: true\n", `.appclient.yaml:2:3: exclude: want a string or a list of strings, not a mapping`},
		{"exclude absolute", "exclude:\n  - vendor/**\n  - /tmp/x\n", `.appclient.yaml:3:5: exclude: "/tmp/x" is absolute: patterns are relative to the configuration file's directory`},
		{"exclude parent", "exclude: [../other]\n", `.appclient.yaml:1:11: exclude: "../other" leaves the configuration file's directory`},
		{"exclude bad glob", "exclude: ['a/[x']\n", `.appclient.yaml:1:11: exclude: "a/[x" is not a valid pattern`},
		{"stage twice", "stage: [dev, prod]\n", `.appclient.yaml:1:8: stage: takes one value, not 2`},
		{"var nested", "var:\n  domain: [a]\n", `.appclient.yaml:2:3: var: domain: want a string, not a list`},
		{"syntax", "rules:\n  a: b\n c: d\n", `.appclient.yaml:2: did not find expected key`},
		{"syntax, unterminated", "exclude: [vendor\n", `.appclient.yaml:1: did not find expected ',' or ']'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig(".appclient.yaml", "/repo", []byte(tt.text))
			if err == nil || err.Error() != tt.want {
				t.Errorf("parseConfig error = %v, want %s", err, tt.want)
			}
		})
	}

	c, err := parseConfig(".appclient.yaml", "/repo", []byte("# defaults\n"))
	if err != nil || len(c.rules)+len(c.exclude)+len(c.flags) != 0 {
		t.Errorf("empty file: %+v, %v", c, err)
	}
	c, err = parseConfig(".appclient.yaml", "/repo", []byte("rules:\n  implicit-grant: 'off'\n  redirect-https: warning\nexclude: vendor\nvar-file: [envs/prod.tfvars, /abs/x.tfvars]\nvar:\n  domain: shop.example.com\nstage: prod\nparameters: params.json\n"))
	if err != nil {
		t.Fatal(err)
	}
	wantRules := map[string]ruleSetting{"implicit-grant": {"off", 2}, "redirect-https": {"warning", 3}}
	if diff := cmp.Diff(wantRules, c.rules, cmp.AllowUnexported(ruleSetting{})); diff != "" {
		t.Errorf("rules mismatch (-want +got):\n%s", diff)
	}
	wantFlags := []configFlag{
		{"var-file", []string{filepath.Join("/repo", "envs", "prod.tfvars"), "/abs/x.tfvars"}, 5},
		{"var", []string{"domain=shop.example.com"}, 6},
		{"stage", []string{"prod"}, 8},
		{"parameters", []string{filepath.Join("/repo", "params.json")}, 9},
	}
	if diff := cmp.Diff(wantFlags, c.flags, cmp.AllowUnexported(configFlag{})); diff != "" {
		t.Errorf("flags mismatch (-want +got):\n%s", diff)
	}
}

// TestExcludeMatch: globs are slash-separated and relative; * and ? stay
// within an element, ** spans any number of them, and a matching
// directory excludes what lies under it.
func TestExcludeMatch(t *testing.T) {
	tests := []struct {
		glob, path string
		want       bool
	}{
		{"vendor", "vendor/a/template.yaml", true},
		{"vendor/", "vendor/a/template.yaml", true},
		{"vendor", "infra/vendor/template.yaml", false},
		{"vendor/**", "vendor/template.yaml", true},
		{"**/vendor", "infra/vendor/template.yaml", true},
		{"**/testdata/**", "testdata/x.json", true},
		{"**/testdata/**", "a/b/testdata/c/x.json", true},
		{"**/testdata/**", "a/testdatax/x.json", false},
		{"*.json", "plan.json", true},
		{"*.json", "infra/plan.json", false},
		{"**/*.json", "infra/plan.json", true},
		{"infra/*/plan.json", "infra/prod/plan.json", true},
		{"infra/*/plan.json", "infra/prod/eu/plan.json", false},
		{"infra/**/plan.json", "infra/prod/eu/plan.json", true},
		{"infra/**/plan.json", "infra/plan.json", true},
		{"./stacks/dev-?.yaml", "stacks/dev-1.yaml", true},
		{"stacks/dev-?.yaml", "stacks/dev-10.yaml", false},
		{"**", "anything/at/all.yaml", true},
	}
	for _, tt := range tests {
		p, msg := parseExclude(tt.glob)
		if msg != "" {
			t.Fatalf("parseExclude(%q): %s", tt.glob, msg)
		}
		if got := p.match(tt.path); got != tt.want {
			t.Errorf("%q matches %q = %v, want %v", tt.glob, tt.path, got, tt.want)
		}
	}
}

// writeFiles writes files (slash-separated path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// configTemplate has a violation (redirect-https), and the warnings
// user-existence-errors and loopback-redirect.
const configTemplate = "Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: web\n      CallbackURLs:\n        - http://shop.example.com/cb\n        - http://localhost:3000/cb\n"

// TestConfigFile: the .appclient.yaml of a repository, found from the
// checked directory upward, sets severities and excludes files, in text,
// json and sarif alike, and the exit status follows the new severities.
func TestConfigFile(t *testing.T) {
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		".appclient.yaml": "# the team's decisions\nrules:\n  user-existence-errors: error\n  loopback-redirect: off\n  redirect-https: warning\n  oauth-settings-ignored: off\n" +
			"exclude:\n  - vendor/**\n  - '**/fixtures'\n",
		"infra/stack/template.yaml":        configTemplate,
		"infra/stack/fixtures/broken.json": `{"UserPoolId": `,
		"vendor/mod/template.yaml":         configTemplate,
	})
	t.Chdir(filepath.Join(repo, "infra"))

	status, stdout, stderr := runStreams(t, "", "validate", ".")
	want := "stack/template.yaml:2: Web: PreventUserExistenceErrors: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors, error by ../.appclient.yaml:3)\n" +
		"stack/template.yaml:8: Web: CallbackURLs[0]: warning: \"http://shop.example.com/cb\" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException; redirect-https, warning by ../.appclient.yaml:5)\n"
	if status != 1 || stderr != "" {
		t.Errorf("validate .: status %d, stderr %q; want 1 and nothing", status, stderr)
	}
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("text mismatch (-want +got):\n%s", diff)
	}

	status, stdout, _ = runStreams(t, "", "validate", "-format", "json", ".")
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	type row struct{ File, Rule, Severity, ConfiguredBy string }
	var got []row
	for _, v := range rep.Violations {
		got = append(got, row{v.File, v.Rule, v.Severity, v.ConfiguredBy})
	}
	wantRows := []row{
		{"stack/template.yaml", "user-existence-errors", "error", "../.appclient.yaml:3"},
		{"stack/template.yaml", "redirect-https", "warning", "../.appclient.yaml:5"},
	}
	if diff := cmp.Diff(wantRows, got); diff != "" || status != 1 || len(rep.Files) != 1 {
		t.Errorf("json: status %d, %d files, violations mismatch (-want +got):\n%s", status, len(rep.Files), diff)
	}

	status, stdout, _ = runStreams(t, "", "validate", "-format", "sarif", ".")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID     string            `json:"ruleId"`
				Level      string            `json:"level"`
				Properties map[string]string `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, r := range log.Runs[0].Results {
		got = append(got, row{"", r.RuleID, r.Level, r.Properties["configuredBy"]})
	}
	for i := range wantRows {
		wantRows[i].File = ""
	}
	if diff := cmp.Diff(wantRows, got); diff != "" || status != 1 {
		t.Errorf("sarif: status %d, results mismatch (-want +got):\n%s", status, diff)
	}

	// Named on the command line, an excluded file is checked.
	if status, _, stderr := runStreams(t, "", "validate", "stack/fixtures/broken.json"); status != 2 || !strings.Contains(stderr, "broken.json") {
		t.Errorf("validate an excluded file by name: status %d, stderr %q; want 2 and its error", status, stderr)
	}

	// -config replaces the file found; without the promotion the
	// warnings alone exit 0.
	writeFiles(t, repo, map[string]string{"other.yaml": "rules:\n  redirect-https: warning\n"})
	status, stdout, _ = runStreams(t, "", "validate", "-config", "../other.yaml", "stack/template.yaml")
	if status != 0 || !strings.Contains(stdout, "(InvalidParameterException; redirect-https, warning by ../other.yaml:2)") || !strings.Contains(stdout, "(loopback-redirect)") {
		t.Errorf("validate -config: status %d, stdout:\n%s", status, stdout)
	}

	// A broken configuration is a usage error naming its line.
	writeFiles(t, repo, map[string]string{"bad.yaml": "rules:\n  redirect-http: off\n"})
	status, stdout, stderr = runStreams(t, "", "validate", "-config", "../bad.yaml", "stack")
	if status != 2 || stdout != "" || stderr != `../bad.yaml:2:3: rules: unknown rule "redirect-http" (did you mean "redirect-https"?)`+"\n" {
		t.Errorf("validate -config bad.yaml: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
}

// TestFindConfig: the nearest .appclient.yaml from the checked path up to
// the repository root applies; one above the root does not.
func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		".appclient.yaml":                 "rules: {}\n", // outside the repository
		"repo/.git/HEAD":                  "ref: refs/heads/main\n",
		"repo/a/template.yaml":            configTemplate,
		"repo/b/.appclient.yaml":          "rules: {}\n",
		"repo/b/c/template.yaml":          configTemplate,
		"plain/d/template.yaml":           configTemplate,
		"worktree/.git":                   "gitdir: /elsewhere\n",
		"worktree/.appclient.yaml":        "rules: {}\n",
		"worktree/e/f/template.yaml":      configTemplate,
		"repo/b/.appclient.yaml.d/x.yaml": "",
		"repo/g/.appclient.yaml/notafile": "",
		"repo/g/template.yaml":            configTemplate,
	})
	tests := []struct{ target, want string }{
		{"repo/a", ""},
		{"repo/a/template.yaml", ""},
		{"repo/b/c", "repo/b/.appclient.yaml"},
		{"repo/b/c/template.yaml", "repo/b/.appclient.yaml"},
		{"repo/b", "repo/b/.appclient.yaml"},
		{"plain/d", ".appclient.yaml"},
		{"worktree/e/f", "worktree/.appclient.yaml"},
		{"repo/g", ""},
	}
	for _, tt := range tests {
		got, err := findConfig(filepath.Join(root, filepath.FromSlash(tt.target)))
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		if tt.want != "" {
			want = filepath.Join(root, filepath.FromSlash(tt.want))
		}
		if got != want {
			t.Errorf("findConfig(%s) = %q, want %q", tt.target, got, want)
		}
	}
	// Standard input: from the current directory.
	t.Chdir(filepath.Join(root, "repo", "b", "c"))
	if got, _ := findConfig("-"); got != filepath.Join(root, "repo", "b", ".appclient.yaml") {
		t.Errorf("findConfig(-) = %q", got)
	}
}

// TestConfigFlags: the deployment-value keys set validate's flags of the
// same name, file values relative to the configuration, before the
// command line: a scalar flag on the command line replaces the file's
// value, a repeatable one comes after the file's values (the later wins);
// a key whose flag is missing, or set by two files, is an error naming
// the line.
func TestConfigFlags(t *testing.T) {
	newFlags := func() (*flag.FlagSet, *poolFiles, *string) {
		fs := flag.NewFlagSet("validate", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		files := new(poolFiles)
		fs.Var(files, "var-file", "")
		return fs, files, fs.String("stage", "", "")
	}
	c, err := parseConfig("infra/.appclient.yaml", "/repo/infra", []byte("var-file: [prod.tfvars, common.tfvars]\nstage: prod\n"))
	if err != nil {
		t.Fatal(err)
	}
	cs := &configs{loaded: []*repoConfig{c}}
	fromFile := poolFiles{filepath.Join("/repo/infra", "prod.tfvars"), filepath.Join("/repo/infra", "common.tfvars")}
	tests := []struct {
		args     []string
		varFiles poolFiles
		stage    string
	}{
		{nil, fromFile, "prod"},
		{[]string{"-stage", "dev", "-var-file", "mine.tfvars"}, append(fromFile[:2:2], "mine.tfvars"), "dev"},
	}
	for _, tt := range tests {
		fs, files, stage := newFlags()
		if err := cs.setFlags(fs); err != nil {
			t.Fatal(err)
		}
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.varFiles, *files); diff != "" || *stage != tt.stage {
			t.Errorf("args %q: stage %q, want %q; var-file mismatch (-want +got):\n%s", tt.args, *stage, tt.stage, diff)
		}
	}

	other, err := parseConfig("b/.appclient.yaml", "/repo/b", []byte("rules: {}\nstage: dev\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs, _, _ := newFlags()
	two := &configs{loaded: []*repoConfig{c, other}}
	if err := two.setFlags(fs); err == nil || err.Error() != "b/.appclient.yaml:2:1: stage: infra/.appclient.yaml sets it too; check the paths of each configuration in a run of their own" {
		t.Errorf("two files: %v", err)
	}

	fs = flag.NewFlagSet("validate", flag.ContinueOnError)
	if err := cs.setFlags(fs); err == nil || err.Error() != "infra/.appclient.yaml:1:1: var-file: this appclient has no -var-file flag" {
		t.Errorf("missing flag: %v", err)
	}
}

// TestParseWithConfig: the first pass finds the paths and -config wherever
// they stand, and the command line is parsed after the configuration's
// values; -h and bad flags are reported by the real flag set.
func TestParseWithConfig(t *testing.T) {
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{
		".git/HEAD":       "ref: refs/heads/main\n",
		".appclient.yaml": "var-file: [a.tfvars]\n",
		"ci.yaml":         "var-file: b.tfvars\n",
		"infra/main.tf":   "",
	})
	t.Chdir(repo)
	newFlags := func() (*flag.FlagSet, *poolFiles, *bool) {
		fs := flag.NewFlagSet("validate", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.String("config", "", "")
		files := new(poolFiles)
		fs.Var(files, "var-file", "")
		return fs, files, fs.Bool("strict", false, "")
	}
	tests := []struct {
		args     []string
		paths    []string
		varFiles poolFiles
		strict   bool
	}{
		{[]string{"infra"}, []string{"infra"}, poolFiles{filepath.Join(repo, "a.tfvars")}, false},
		{[]string{"-strict", "infra", "-var-file", "c.tfvars"}, []string{"infra"}, poolFiles{filepath.Join(repo, "a.tfvars"), "c.tfvars"}, true},
		{[]string{"infra", "-config", "ci.yaml", "."}, []string{"infra", "."}, poolFiles{filepath.Join(repo, "b.tfvars")}, false},
		{[]string{"-strict", "--", "-config"}, []string{"-config"}, poolFiles{filepath.Join(repo, "a.tfvars")}, true},
	}
	for _, tt := range tests {
		fs, files, strict := newFlags()
		_, paths, err := parseWithConfig(fs, tt.args)
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if diff := cmp.Diff(tt.paths, paths); diff != "" {
			t.Errorf("%q: paths mismatch (-want +got):\n%s", tt.args, diff)
		}
		if diff := cmp.Diff(tt.varFiles, *files); diff != "" || *strict != tt.strict {
			t.Errorf("%q: strict %v; var-file mismatch (-want +got):\n%s", tt.args, *strict, diff)
		}
	}
	fs, _, _ := newFlags()
	if _, _, err := parseWithConfig(fs, []string{"infra", "-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v, want flag.ErrHelp", err)
	}
	fs, _, _ = newFlags()
	if _, _, err := parseWithConfig(fs, []string{"-strict=maybe", "infra"}); err == nil || !strings.Contains(err.Error(), "maybe") {
		t.Errorf("-strict=maybe: %v, want the flag's own error", err)
	}
	fs, _, _ = newFlags()
	if _, _, err := parseWithConfig(fs, []string{"-config", "missing.yaml", "infra"}); err == nil || !strings.HasPrefix(err.Error(), "missing.yaml: ") {
		t.Errorf("-config missing.yaml: %v", err)
	}
	// Without a path, no configuration is read: the missing path is the
	// usage error to report.
	fs, _, _ = newFlags()
	if _, paths, err := parseWithConfig(fs, []string{"-config", "missing.yaml"}); err != nil || len(paths) != 0 {
		t.Errorf("-config missing.yaml without a path: %q, %v; want no paths and no error", paths, err)
	}
}

// TestREADMEConfig: the .appclient.yaml the README shows is one validate
// reads, with the flags this build has.
func TestREADMEConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The first yaml block after the first mention of the file.
	m := regexp.MustCompile("(?s)`\\.appclient\\.yaml`[^`]*```yaml\n(.*?)```").FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("README.md shows no .appclient.yaml (a yaml block after its first mention)")
	}
	if _, err := parseConfig("README.md", "/repo", []byte(m[1])); err != nil {
		t.Fatalf("the README's configuration: %v", err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{".appclient.yaml": m[1], "vendor/template.yaml": configTemplate, "envs/prod.tfvars": ""})
	status, stdout, stderr := runStreams(t, "", "validate", "-config", filepath.Join(dir, ".appclient.yaml"), dir)
	if status != 0 || stdout != "" || stderr != "" {
		t.Errorf("validate with the README's configuration: status %d, stdout %q, stderr %q; want 0 and nothing (vendor/ excluded)", status, stdout, stderr)
	}
}

// TestConfigDeploymentValues: the configuration's var and var-file reach
// Terraform through validate's -var and -var-file, the file's paths
// relative to the configuration, and the command line's -var after them
// wins.
func TestConfigDeploymentValues(t *testing.T) {
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{
		".git/HEAD":        "ref: refs/heads/main\n",
		"envs/prod.tfvars": "domain = \"prod.example.com\"\n",
		"infra/main.tf":    "variable \"domain\" {}\n\nresource \"aws_cognito_user_pool_client\" \"web\" {\n  name          = \"web\"\n  user_pool_id  = \"us-east-1_AbC123xyz\"\n  callback_urls = [\"http://${var.domain}/cb\"]\n}\n",
	})
	tests := []struct {
		config string
		args   []string
		want   string // a text the output holds
		status int
	}{
		{"rules: {}\n", nil, "", 0},
		{"var:\n  domain: shop.example.com\n", nil, `"http://shop.example.com/cb" cannot use http`, 1},
		{"var-file: envs/prod.tfvars\n", nil, `"http://prod.example.com/cb" cannot use http`, 1},
		{"var: [domain=shop.example.com]\n", []string{"-var", "domain=localhost"}, `"http://localhost/cb" is an http loopback URL`, 0},
	}
	for _, tt := range tests {
		writeFiles(t, repo, map[string]string{".appclient.yaml": tt.config})
		// From elsewhere: the file's paths are the configuration's.
		t.Chdir(filepath.Join(repo, "infra"))
		status, stdout, stderr := runStreams(t, "", append(append([]string{"validate"}, tt.args...), ".")...)
		if status != tt.status || (tt.want != "" && !strings.Contains(stdout, tt.want)) || strings.Contains(stdout, "cannot use http") != (tt.status == 1) {
			t.Errorf("%q with %q: status %d, want %d and %q\nstdout:\n%s\nstderr:\n%s", tt.config, tt.args, status, tt.status, tt.want, stdout, stderr)
		}
	}
}
