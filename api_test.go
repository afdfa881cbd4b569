package appclient

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateAPI = flag.Bool("update-api", false, "rewrite api/v1.txt from the exported API")

// apiPackages are the module's importable packages, by directory.
var apiPackages = []string{".", "appclienttest", "awssdk", "iac"}

// TestAPI holds the exported API of the module's packages to api/v1.txt, one
// line per exported name (and per field and method), as the Go project
// holds its own to api/go1.txt: a change to the surface is a change to that
// file, made on purpose with go test -run TestAPI -update-api and seen in
// review.
func TestAPI(t *testing.T) {
	var lines []string
	for _, dir := range apiPackages {
		lines = append(lines, apiLines(t, dir)...)
	}
	slices.Sort(lines)
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("api", "v1.txt")
	if *updateAPI {
		if err := os.MkdirAll("api", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) == got {
		return
	}
	wantSet := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSuffix(string(want), "\n"), "\n") {
		wantSet[l] = true
	}
	for _, l := range lines {
		if !wantSet[l] {
			t.Errorf("+ %s", l)
		}
		delete(wantSet, l)
	}
	for l := range wantSet {
		t.Errorf("- %s", l)
	}
	t.Errorf("the exported API differs from %s (+ new, - gone): if the change is meant, run go test -run TestAPI -update-api", path)
}

// apiLines returns the API lines of the package in dir.
func apiLines(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	var name string
	for n, p := range pkgs {
		name = n
		for _, f := range p.Files {
			files = append(files, f)
		}
	}
	if len(pkgs) != 1 {
		t.Fatalf("%s: %d packages", dir, len(pkgs))
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/cognitokit/appclient/"+dir)
	if err != nil {
		t.Fatal(err)
	}
	prefix := "pkg " + name + ", "
	var out []string
	node := func(n any) string {
		var b bytes.Buffer
		if err := (&printer.Config{Mode: printer.RawFormat}).Fprint(&b, fset, n); err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(b.String()), " ")
	}
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, spec := range v.Decl.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if !n.IsExported() {
						continue
					}
					typ := ""
					if vs.Type != nil {
						typ = " " + node(vs.Type)
					}
					out = append(out, fmt.Sprintf("%s%s %s%s", prefix, v.Decl.Tok, n.Name, typ))
				}
			}
		}
	}
	funcs := func(fs []*doc.Func, recv string) {
		for _, f := range fs {
			d := *f.Decl
			d.Doc, d.Body = nil, nil
			line := node(&d)
			if recv != "" {
				line = "method " + strings.TrimPrefix(line, "func ")
			}
			out = append(out, prefix+line)
		}
	}
	values(p.Consts)
	values(p.Vars)
	funcs(p.Funcs, "")
	for _, typ := range p.Types {
		spec := typ.Decl.Specs[0].(*ast.TypeSpec)
		switch st := spec.Type.(type) {
		case *ast.StructType:
			out = append(out, fmt.Sprintf("%stype %s struct", prefix, typ.Name))
			for _, f := range st.Fields.List {
				for _, n := range f.Names {
					if n.IsExported() {
						out = append(out, fmt.Sprintf("%stype %s struct, %s %s", prefix, typ.Name, n.Name, node(f.Type)))
					}
				}
				if len(f.Names) == 0 {
					out = append(out, fmt.Sprintf("%stype %s struct, embedded %s", prefix, typ.Name, node(f.Type)))
				}
			}
		default:
			eq := " "
			if spec.Assign.IsValid() {
				eq = " = "
			}
			out = append(out, fmt.Sprintf("%stype %s%s%s", prefix, typ.Name, eq, node(spec.Type)))
		}
		values(typ.Consts)
		values(typ.Vars)
		funcs(typ.Funcs, "")
		funcs(typ.Methods, typ.Name)
	}
	return out
}
