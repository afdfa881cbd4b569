package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBinary builds the command and runs it as a user would: exit status,
// standard output and standard error, files and standard input.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "appclient")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	shop, err := os.ReadFile("testdata/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantStatus int
		wantStdout string // golden file holding the expected output, or the text
		wantStderr string
	}{
		{"version", []string{"version"}, "", 0, "", ""}, // checked below
		{"help", []string{"-h"}, "", 0, "", ""},         // checked below
		{"warnings only", []string{"validate", "testdata/request/m2m-client.json"}, "", -1, "testdata/golden/request/m2m-client.json.text", ""},
		{"warnings only, strict", []string{"validate", "-strict", "testdata/request/m2m-client.json"}, "", -1, "testdata/golden/request/m2m-client.json.text", ""},
		{"template", []string{"validate", "testdata/template.yaml"}, "", -1, "testdata/golden/template.yaml.text", ""},
		{"template on stdin", []string{"validate", "-format", "sarif", "-"}, string(shop), -1, "", ""},
		{"plan as json", []string{"validate", "-format", "json", "testdata/terraform/plan.json"}, "", -1, "testdata/golden/terraform/plan.json.json", ""},
		{"truncated input", []string{"validate", "-"}, `{"ClientName": "a`, 2, "", "<stdin>:1:16: string not terminated\n"},
		{"usage error", []string{"validate", "-format=yaml", "x"}, "", 2, "", "appclient validate: unknown format \"yaml\" (want text, json or sarif)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			cmd.Stdin = strings.NewReader(tt.stdin)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			status := 0
			var exitErr *exec.ExitError
			if errors.As(err, &exitErr) {
				status = exitErr.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			wantStdout, wantStatus, wantStderr := tt.wantStdout, tt.wantStatus, tt.wantStderr
			if strings.HasPrefix(wantStdout, "testdata/golden/") {
				// The golden file holds status, stdout and stderr of the
				// same command run in-process.
				golden, err := os.ReadFile(wantStdout)
				if err != nil {
					t.Fatal(err)
				}
				var ok bool
				wantStatus, wantStdout, wantStderr, ok = splitGolden(string(golden))
				if !ok {
					t.Fatalf("%s: malformed golden file", tt.wantStdout)
				}
			}
			if tt.name == "warnings only, strict" {
				if wantStatus != 0 || !strings.Contains(wantStdout, ": warning: ") {
					t.Fatalf("%s: want a golden file of warnings only", tt.wantStdout)
				}
				wantStatus = 1
			}
			if tt.name == "template on stdin" {
				// Same as the file, named stdin.
				var ref bytes.Buffer
				wantStatus = run([]string{"validate", "-format", "sarif", "testdata/template.yaml"}, nil, &ref, &bytes.Buffer{})
				wantStdout = strings.ReplaceAll(ref.String(), `"uri": "testdata/template.yaml"`, `"uri": "stdin"`)
			}
			if tt.name == "help" {
				var ref bytes.Buffer
				run([]string{"-h"}, nil, &ref, &bytes.Buffer{})
				wantStdout = ref.String()
				if !strings.Contains(wantStdout, "\n  -pool FILE ") {
					t.Errorf("-h does not list -pool:\n%s", wantStdout)
				}
			}
			if tt.name == "version" {
				// "(devel)", or the version go build stamps from the
				// repository when VCS stamping is on.
				if !regexp.MustCompile(`^appclient (\(devel\)|v[0-9]\S*)\n$`).MatchString(stdout.String()) {
					t.Errorf("version printed %q", stdout.String())
				}
				wantStdout = stdout.String()
			}
			if status != wantStatus {
				t.Errorf("exit status = %d, want %d", status, wantStatus)
			}
			if stdout.String() != wantStdout {
				t.Errorf("standard output:\n%s\nwant:\n%s", stdout.String(), wantStdout)
			}
			if stderr.String() != wantStderr {
				t.Errorf("standard error = %q, want %q", stderr.String(), wantStderr)
			}
		})
	}
}

// splitGolden splits a golden file written by TestGolden.
func splitGolden(s string) (status int, stdout, stderr string, ok bool) {
	head, rest, ok1 := strings.Cut(s, "\n-- stdout --\n")
	out, errText, ok2 := strings.Cut(rest, "-- stderr --\n")
	if !ok1 || !ok2 {
		return 0, "", "", false
	}
	switch head {
	case "exit status 0":
		status = 0
	case "exit status 1":
		status = 1
	case "exit status 2":
		status = 2
	default:
		return 0, "", "", false
	}
	return status, out, errText, true
}
