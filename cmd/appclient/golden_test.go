package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenInputs are the realistic inputs: the README's template, then one
// directory per input kind.
var goldenInputs = []string{
	"testdata/request/web-client.json",
	"testdata/request/m2m-client.json",
	"testdata/template.yaml",
	"testdata/cloudformation/shop.json",
	"testdata/cloudformation/unknowns.yaml",
	"testdata/terraform/plan.json",
	"testdata/terraform/update-plan.json",
}

// runCLI runs the command in-process and renders what it did the way the
// golden files hold it.
func runCLI(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return fmt.Sprintf("exit status %d\n-- stdout --\n%s-- stderr --\n%s", code, stdout.String(), stderr.String())
}

// TestGolden runs validate on every realistic input in every format and
// compares the whole outcome (status, standard output and error) with
// testdata/golden. Run with -update to rewrite the golden files, then
// review the diff.
func TestGolden(t *testing.T) {
	for _, in := range goldenInputs {
		for _, format := range []string{"text", "json", "sarif"} {
			name := strings.TrimPrefix(in, "testdata/")
			golden := filepath.Join("testdata", "golden", name+"."+format)
			t.Run(name+"/"+format, func(t *testing.T) {
				got := runCLI(t, "", "validate", "-format", format, in)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if diff := cmp.Diff(string(want), got); diff != "" {
					t.Errorf("validate -format %s %s mismatch (-want +got):\n%s", format, in, diff)
				}
			})
		}
	}
}

// TestGoldenSeveralFiles checks that several files, read in one run, are
// reported in argument order and that standard input works like a file.
func TestGoldenSeveralFiles(t *testing.T) {
	yaml, err := os.ReadFile("testdata/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := runCLI(t, string(yaml), "validate", "testdata/request/m2m-client.json", "-", "testdata/terraform/plan.json")
	want := runCLI(t, "", "validate", "testdata/request/m2m-client.json", "testdata/template.yaml", "testdata/terraform/plan.json")
	want = strings.ReplaceAll(want, "testdata/template.yaml:", "<stdin>:")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("validate with standard input mismatch (-want +got):\n%s", diff)
	}
}
