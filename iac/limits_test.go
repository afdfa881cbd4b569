package iac

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestTerraformLimits feeds .tf files built to cost much memory or time:
// the largest file accepted, expressions that multiply values, loops. Each
// is read within bounded memory, and what cannot be evaluated is unknown.
func TestTerraformLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	const client = "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n  callback_urls = local.z\n}\n"
	var doubling strings.Builder
	doubling.WriteString("locals {\n  l0 = [\"https://a.example.com/\"]\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&doubling, "  l%d = concat(local.l%d, local.l%d)\n", i, i-1, i-1)
	}
	doubling.WriteString("  z = local.l40\n}\n")
	many := "locals {\n  a = [" + strings.Repeat("\"x\",", 999) + "\"x\"]\n  z = concat(" + strings.Repeat("local.a,", 2000) + "local.a)\n}\n"
	loops := "locals {\n  a = [" + strings.Repeat("1,", 999) + "1]\n  z = [for x in local.a : [for y in local.a : [for w in local.a : \"${x}${y}${w}\"]]]\n}\n"
	big := "locals {\n  z = [" + strings.Repeat("1,", (maxHCLBytes-len(client)-40)/2) + "1]\n}\n"
	tests := []struct {
		name     string
		src      string
		maxAlloc uint64
	}{
		{"values doubling 40 times", doubling.String() + client, 50 << 20},
		{"2000 references to one list", many + client, 50 << 20},
		{"nested for expressions", loops + client, 50 << 20},
		{"512 KiB list", big + client, 500 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f *File
			alloc := allocated(func() { f = ReadBytes("in.tf", []byte(tt.src)) })
			t.Logf("%d input bytes, %d MiB allocated", len(tt.src), alloc>>20)
			if alloc > tt.maxAlloc {
				t.Errorf("allocated %d MiB, want at most %d MiB", alloc>>20, tt.maxAlloc>>20)
			}
			if errs := inputErrors(f); errs != nil {
				t.Fatalf("input errors: %q", errs)
			}
			if got := f.Clients[0].Unknown; !cmpEqual(got, []string{"CallbackURLs"}) {
				t.Errorf("unknown = %q, want [CallbackURLs]", got)
			}
		})
	}
	t.Run("over the size limit", func(t *testing.T) {
		f := ReadBytes("in.tf", []byte(strings.Repeat("#", maxHCLBytes+1)))
		want := []string{"in.tf: Terraform file larger than 512 KiB"}
		if got := inputErrors(f); !cmpEqual(got, want) {
			t.Errorf("errors = %q, want %q", got, want)
		}
	})
}

func cmpEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
