package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesAreCurrent fails when a generated file differs from what
// the generator writes from today's sources: run "go generate ./..." from
// the module's root.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Errorf("generated %d files, want 2", len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./... from the module's root", name)
		}
		if !bytes.HasPrefix(got, []byte("// Code generated ")) || !bytes.Contains(got[:80], []byte("DO NOT EDIT.")) {
			t.Errorf("%s lacks the generated-code header", name)
		}
	}
}
