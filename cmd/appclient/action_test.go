package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the module's root, which holds action.yml, the hook
// definition and the README.
const repoRoot = "../.."

// actionFile is what action.yml holds that a runner reads.
type actionFile struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Default  string `yaml:"default"`
		Required bool   `yaml:"required"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID    string            `yaml:"id"`
	Name  string            `yaml:"name"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Uses  string            `yaml:"uses"`
	If    string            `yaml:"if"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

// workflowFile is what a workflow holds that the test reads.
type workflowFile struct {
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn string       `yaml:"runs-on"`
		Steps  []actionStep `yaml:"steps"`
	} `yaml:"jobs"`
}

// readmeWorkflow returns the workflow the README shows: the yaml block
// that starts with "# .github/workflows/".
func readmeWorkflow(t *testing.T) (path, text string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n# (\\.github/workflows/[^\n]+)\n(.*?)```").FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("README.md shows no workflow (a yaml block starting with # .github/workflows/...)")
	}
	return m[1], "# " + m[1] + "\n" + m[2]
}

// expression matches the ${{ ... }} expressions of a workflow.
var expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// evaluate replaces the expressions of s with their values, as a runner
// does for the few contexts the action uses; any other expression fails
// the test, so that the action stays within what the test plays.
func evaluate(t *testing.T, s string, contexts map[string]string) string {
	t.Helper()
	return expression.ReplaceAllStringFunc(s, func(e string) string {
		name := expression.FindStringSubmatch(e)[1]
		v, ok := contexts[name]
		if !ok {
			t.Errorf("expression %q: the test does not know it", e)
		}
		return v
	})
}

// goBinDir returns the directory of the go command that runs the tests,
// for the action's steps to find it as a runner's PATH would.
func goBinDir(t *testing.T) string {
	if p, err := exec.LookPath("go"); err == nil {
		return filepath.Dir(p)
	}
	dir := filepath.Join(runtime.GOROOT(), "bin")
	if _, err := os.Stat(filepath.Join(dir, "go")); err != nil {
		t.Skip("no go command to build the action with")
	}
	return dir
}

// runnerEnv is the environment of a step: the test's, without anything a
// runner would set, and the variables a runner sets for an action's step.
func runnerEnv(vars map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GITHUB_") || strings.HasPrefix(k, "INPUT_") || strings.HasPrefix(k, "RUNNER_") {
			continue
		}
		env = append(env, kv)
	}
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	return env
}

// readOutputs reads a GITHUB_OUTPUT file: NAME=VALUE lines, and
// NAME<<DELIMITER blocks.
func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	out := map[string]string{}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		if lines[i] == "" {
			continue
		}
		if name, delim, ok := strings.Cut(lines[i], "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for i++; i < len(lines) && lines[i] != delim; i++ {
				val = append(val, lines[i])
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		name, val, ok := strings.Cut(lines[i], "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q is neither NAME=VALUE nor NAME<<DELIMITER", lines[i])
		}
		out[name] = val
	}
	return out
}

// TestAction runs the action as GitHub's runner would for the README's
// workflow, in a fresh repository: the workflow's step that uses the
// action gets its inputs, each of the action's steps runs as bash with the
// variables a runner sets (GITHUB_ACTION_PATH at this checkout,
// GITHUB_WORKSPACE, GITHUB_OUTPUT, RUNNER_TEMP) and its own env, and the
// SARIF log, outputs, annotations and exit status are what the workflow's
// upload step and the job need.
func TestAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command with go install")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash to run the action's steps")
	}
	goDir := goBinDir(t)
	actionPath, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" || len(action.Runs.Steps) == 0 {
		t.Fatalf("action.yml: runs.using %q with %d steps, want a composite action", action.Runs.Using, len(action.Runs.Steps))
	}
	for _, s := range action.Runs.Steps {
		if s.Shell != "bash" || s.Run == "" {
			t.Errorf("step %q: shell %q; want a bash run step", s.Name, s.Shell)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q: an expression in run: pass inputs through env", s.Name)
		}
	}

	// The README's workflow: the step that uses the action, and the
	// upload step that reads its output.
	wfPath, wfText := readmeWorkflow(t)
	var wf workflowFile
	if err := yaml.Unmarshal([]byte(wfText), &wf); err != nil {
		t.Fatalf("README workflow: %v", err)
	}
	if wf.Permissions["security-events"] != "write" {
		t.Errorf("README workflow: permissions %v lack security-events: write, which upload-sarif needs", wf.Permissions)
	}
	var use, upload *actionStep
	var checkedOut bool
	for _, job := range wf.Jobs {
		for i := range job.Steps {
			s := &job.Steps[i]
			switch {
			case strings.HasPrefix(s.Uses, "actions/checkout@"):
				checkedOut = true
			case strings.HasPrefix(s.Uses, "cognitokit/appclient@"):
				if !checkedOut {
					t.Errorf("README workflow: the action runs before actions/checkout")
				}
				use = s
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				upload = s
			}
		}
	}
	if use == nil || upload == nil {
		t.Fatalf("README workflow: want a step using cognitokit/appclient and one using upload-sarif:\n%s", wfText)
	}
	if want := "${{ steps." + use.ID + ".outputs.sarif-file }}"; use.ID == "" || upload.With["sarif_file"] != want {
		t.Errorf("README workflow: upload-sarif's sarif_file is %q, want %q", upload.With["sarif_file"], want)
	}
	if !strings.Contains(upload.If, "always()") && !strings.Contains(upload.If, "!cancelled()") {
		t.Errorf("README workflow: upload-sarif has if %q: it must run when the check fails", upload.If)
	}
	for name := range use.With {
		if _, ok := action.Inputs[name]; !ok {
			t.Errorf("README workflow: input %q is not one of action.yml", name)
		}
	}
	if _, ok := action.Outputs["sarif-file"]; !ok {
		t.Errorf("action.yml has no output sarif-file")
	}

	clean := "Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: web\n      PreventUserExistenceErrors: ENABLED\n      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthFlows: [code]\n      AllowedOAuthScopes: [openid]\n      CallbackURLs: [https://shop.example.com/cb]\n"
	tests := []struct {
		name     string
		template string
		with     map[string]string
		status   int    // of the step that checks
		exitCode string // its output exit-code
		results  []string
		annotate []string
	}{
		{
			name:     "violation",
			template: strings.ReplaceAll(clean, "https://shop", "http://shop"),
			status:   1, exitCode: "1",
			results:  []string{"redirect-https error infra/template.yaml:11"},
			annotate: []string{"::error file=infra/template.yaml,line=11,title=appclient::Web: CallbackURLs[0]: \"http://shop.example.com/cb\" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)"},
		},
		{
			name:     "violation, not failing the step",
			template: strings.ReplaceAll(clean, "https://shop", "http://shop"),
			with:     map[string]string{"fail-on-findings": "false"},
			status:   0, exitCode: "1",
			results:  []string{"redirect-https error infra/template.yaml:11"},
			annotate: []string{"::error file=infra/template.yaml,line=11,title=appclient::Web: CallbackURLs[0]: \"http://shop.example.com/cb\" cannot use http (only localhost, 127.0.0.1 and [::1] may) (InvalidParameterException)"},
		},
		{
			name:     "violation, no annotations",
			template: strings.ReplaceAll(clean, "https://shop", "http://shop"),
			with:     map[string]string{"annotations": "false"},
			status:   1, exitCode: "1",
			results: []string{"redirect-https error infra/template.yaml:11"},
		},
		{
			name:     "clean",
			template: clean,
			status:   0, exitCode: "0",
		},
		{
			name:     "strict, from the flags",
			template: strings.ReplaceAll(clean, "      PreventUserExistenceErrors: ENABLED\n", ""),
			with:     map[string]string{"flags": "-strict"},
			status:   1, exitCode: "1",
			results:  []string{"user-existence-errors warning infra/template.yaml:2"},
			annotate: []string{"::warning file=infra/template.yaml,line=2,title=appclient::Web: PreventUserExistenceErrors: warning: is absent, which means LEGACY: sign-in and recovery tell callers which users exist; set it to ENABLED (user-existence-errors)"},
		},
		{
			name:     "unreadable input",
			template: "Resources:\n  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      CallbackUrls: []\n",
			with:     map[string]string{"fail-on-findings": "false"},
			status:   2, exitCode: "2",
			results:  []string{"unreadable-input error infra/template.yaml:5"},
			annotate: []string{`::error file=infra/template.yaml,line=5,title=appclient::Web: AWS::Cognito::UserPoolClient has no property "CallbackUrls" (did you mean "CallbackURLs"?)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A fresh repository with the README's workflow and a
			// template, as actions/checkout leaves it.
			workspace := t.TempDir()
			if git, err := exec.LookPath("git"); err == nil {
				if out, err := exec.Command(git, "init", "-q", workspace).CombinedOutput(); err != nil {
					t.Fatalf("git init: %v\n%s", err, out)
				}
			} else if err := os.Mkdir(filepath.Join(workspace, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			writeFiles(t, workspace, map[string]string{
				wfPath:                wfText,
				"infra/template.yaml": tt.template,
				"package.json":        `{"name": "shop", "private": true}`,
			})
			temp := t.TempDir()
			outputFile := filepath.Join(temp, "github_output")
			inputs := map[string]string{}
			for name, in := range action.Inputs {
				inputs[name] = in.Default
			}
			for name, v := range use.With {
				inputs[name] = v
			}
			for name, v := range tt.with {
				inputs[name] = v
			}
			contexts := map[string]string{
				"github.action_path": actionPath,
				"github.workspace":   workspace,
				"runner.temp":        temp,
			}
			for name, v := range inputs {
				contexts["inputs."+name] = v
			}
			vars := map[string]string{
				"GITHUB_ACTIONS":     "true",
				"GITHUB_ACTION_PATH": actionPath,
				"GITHUB_WORKSPACE":   workspace,
				"GITHUB_OUTPUT":      outputFile,
				"RUNNER_TEMP":        temp,
				"PATH":               goDir + string(os.PathListSeparator) + os.Getenv("PATH"),
			}
			var status int
			var stdout string
			for i, s := range action.Runs.Steps {
				script := filepath.Join(temp, fmt.Sprintf("step%d.sh", i))
				if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
					t.Fatal(err)
				}
				stepVars := map[string]string{}
				for k, v := range vars {
					stepVars[k] = v
				}
				for k, v := range s.Env {
					stepVars[k] = evaluate(t, v, contexts)
				}
				// As a runner runs shell: bash.
				cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
				cmd.Dir = workspace
				cmd.Env = runnerEnv(stepVars)
				var out, errb bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errb
				err := cmd.Run()
				status = 0
				var exitErr *exec.ExitError
				if errors.As(err, &exitErr) {
					status = exitErr.ExitCode()
				} else if err != nil {
					t.Fatal(err)
				}
				stdout = out.String()
				if s.ID != "validate" && status != 0 {
					t.Fatalf("step %q: status %d\n%s%s", s.Name, status, out.String(), errb.String())
				}
			}
			if status != tt.status {
				t.Errorf("the check's status = %d, want %d\n%s", status, tt.status, stdout)
			}

			// The action's outputs, as the workflow's later steps see them.
			stepOut := readOutputs(t, outputFile)
			for name, o := range action.Outputs {
				v := expression.ReplaceAllStringFunc(o.Value, func(e string) string {
					ref := expression.FindStringSubmatch(e)[1]
					step, out, ok := strings.Cut(strings.TrimPrefix(ref, "steps."), ".outputs.")
					if !ok || !strings.HasPrefix(ref, "steps.") || !slices.ContainsFunc(action.Runs.Steps, func(s actionStep) bool { return s.ID == step }) {
						t.Errorf("output %s: %q is no step output", name, e)
					}
					return stepOut[out]
				})
				contexts["steps."+use.ID+".outputs."+name] = v
			}
			if got := contexts["steps."+use.ID+".outputs.exit-code"]; got != tt.exitCode {
				t.Errorf("output exit-code = %q, want %q", got, tt.exitCode)
			}
			sarifFile := evaluate(t, upload.With["sarif_file"], contexts)
			if !filepath.IsAbs(sarifFile) {
				sarifFile = filepath.Join(workspace, sarifFile)
			}
			data, err := os.ReadFile(sarifFile)
			if err != nil {
				t.Fatalf("the SARIF log upload-sarif reads: %v", err)
			}
			var log struct {
				Version string `json:"version"`
				Runs    []struct {
					Results []struct {
						RuleID    string `json:"ruleId"`
						Level     string `json:"level"`
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
								Region           struct{ StartLine int } `json:"region"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
				t.Fatalf("SARIF log: version %q, %d runs, %v", log.Version, len(log.Runs), err)
			}
			var results []string
			for _, r := range log.Runs[0].Results {
				for _, l := range r.Locations {
					// Paths relative to the workspace, which code scanning
					// resolves against the repository.
					results = append(results, fmt.Sprintf("%s %s %s:%d", r.RuleID, r.Level, l.PhysicalLocation.ArtifactLocation.URI, l.PhysicalLocation.Region.StartLine))
				}
			}
			if !slices.Equal(results, tt.results) {
				t.Errorf("SARIF results = %q, want %q", results, tt.results)
			}
			var annotations []string
			for line := range strings.SplitSeq(stdout, "\n") {
				if strings.HasPrefix(line, "::") {
					annotations = append(annotations, line)
				}
			}
			if !slices.Equal(annotations, tt.annotate) {
				t.Errorf("annotations = %q, want %q", annotations, tt.annotate)
			}
		})
	}
}

// preCommitHookKeys are the keys pre-commit reads in a hook definition.
var preCommitHookKeys = map[string]bool{
	"id": true, "name": true, "entry": true, "language": true, "alias": true, "files": true, "exclude": true,
	"types": true, "types_or": true, "exclude_types": true, "additional_dependencies": true, "args": true,
	"always_run": true, "fail_fast": true, "pass_filenames": true, "description": true, "language_version": true,
	"log_file": true, "require_serial": true, "stages": true, "verbose": true, "minimum_pre_commit_version": true,
}

// TestPreCommitHook checks .pre-commit-hooks.yaml against the command: the
// hook appclient is a golang hook whose entry is the command that go
// install builds here, with arguments the command accepts, run on a
// repository as pre-commit runs it; its files pattern selects what
// validate reads.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []map[string]any
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	var hook map[string]any
	for _, h := range hooks {
		for k := range h {
			if !preCommitHookKeys[k] {
				t.Errorf("hook %v: unknown key %q", h["id"], k)
			}
		}
		if h["id"] == "appclient" {
			hook = h
		}
	}
	if hook == nil {
		t.Fatal(".pre-commit-hooks.yaml has no hook with id appclient")
	}
	if hook["language"] != "golang" {
		t.Errorf("language = %v, want golang", hook["language"])
	}
	entry := strings.Fields(fmt.Sprint(hook["entry"]))
	// go install ./... names the binary after its package's directory.
	if len(entry) < 2 || entry[0] != filepath.Base(mustAbs(t, ".")) || entry[1] != "validate" {
		t.Fatalf("entry = %q, want appclient validate ...", hook["entry"])
	}
	var args []string
	if a, ok := hook["args"].([]any); ok {
		for _, v := range a {
			args = append(args, fmt.Sprint(v))
		}
	}
	passFilenames := hook["pass_filenames"] != false

	// pre-commit runs ENTRY ARGS... [FILES...] from the repository's root;
	// a user's args, such as -strict, come after the entry's.
	files := map[string]string{
		".git/HEAD":           "ref: refs/heads/main\n",
		"infra/template.yaml": configTemplate,
		"infra/main.tf":       "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n}\n",
		"package.json":        `{"name": "shop"}`,
		"docs/README.md":      "# docs\n",
	}
	repo := t.TempDir()
	writeFiles(t, repo, files)
	t.Chdir(repo)
	pattern, err := regexp.Compile(fmt.Sprint(hook["files"]))
	if err != nil {
		t.Fatalf("files %q: %v", hook["files"], err)
	}
	var staged []string
	for name := range files {
		if pattern.MatchString(name) && !strings.HasPrefix(name, ".git/") {
			staged = append(staged, name)
		}
	}
	slices.Sort(staged)
	if want := []string{"infra/main.tf", "infra/template.yaml", "package.json"}; !slices.Equal(staged, want) {
		t.Errorf("files %q selects %q, want %q", hook["files"], staged, want)
	}
	for _, user := range [][]string{nil, {"-strict"}, {"-format", "json"}} {
		argv := append(append(append([]string{}, entry[1:]...), args...), user...)
		if passFilenames {
			argv = append(argv, staged...)
		}
		status, stdout, stderr := runStreams(t, "", argv...)
		if status != 1 || strings.Contains(stderr, "flag provided but not defined") || !strings.Contains(stdout, "shop.example.com/cb") || !strings.Contains(stdout, "cannot use http") {
			t.Errorf("hook with args %q runs %q: status %d, want 1 with the template's findings\nstdout:\n%s\nstderr:\n%s", user, argv, status, stdout, stderr)
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
