package iac

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile inputs: each is small, or at most a few files at the size limits,
// and built to make a reader crash, hang or run out of memory. Each is read
// in a child process whose address space is limited to hostileMemory and
// which must finish within hostileTime, so that a regression fails the test
// instead of the machine.
const (
	hostileMemory = 1 << 30
	hostileTime   = 20 * time.Second
	hostileEnv    = "IAC_HOSTILE_CASE"
)

// hostileCase is one hostile input: files to write (a directory walk when
// there are several, or when the name ends in "/"), and what reading them
// must report.
type hostileCase struct {
	name  string
	files func() map[string]string
	// read is the file or directory read, relative to the case's
	// directory.
	read string
	// wantErrs are substrings of the input errors, one each, in order.
	wantErrs []string
	// wantUnknown, when not nil, are the unknown members of the first
	// client.
	wantUnknown []string
}

const hostileClient = "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n  callback_urls = local.z\n}\n"

func hostileCases() []hostileCase {
	nest := func(n int, open, inner, close string) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	one := func(name, src string) func() map[string]string {
		return func() map[string]string { return map[string]string{name: src} }
	}
	return []hostileCase{
		{
			// Each key written again with the value before is compared
			// once: in linear time, not once against every key before.
			name: "YAML key written again 90,000 times with one value",
			files: one("t.yaml", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Metadata:\n"+
				strings.Repeat("      a: 1\n", 90000)+"    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n"),
			read: "t.yaml",
		},
		{
			name:     "tf.json nested arrays",
			files:    one("in.tf.json", `{"locals": {"z": `+nest(300, "[", "1", "]")+`}}`),
			read:     "in.tf.json",
			wantErrs: []string{"nesting deeper than 256 levels"},
		},
		{
			name:     "tf.json template nested in a string",
			files:    one("in.tf.json", `{"locals": {"z": "${`+nest(100000, "(", "1", ")")+`}"}}`),
			read:     "in.tf.json",
			wantErrs: []string{"nesting deeper than 256 levels"},
		},
		{
			name: "tf.json huge array of callback URLs",
			files: one("in.tf.json", `{"resource": {"aws_cognito_user_pool_client": {"c": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz", "callback_urls": [`+
				strings.Repeat(`"${local.u}",`, 40000)+`"x"]}}}, "locals": {"u": "https://a.example.com/"}}`),
			read: "in.tf.json",
		},
		{
			name: "tf.json many interpolations of a large local",
			files: one("in.tf.json", `{"locals": {"big": "`+strings.Repeat("x", 16000)+`", "z": "`+strings.Repeat("${local.big}", 40000)+`"}, `+
				`"resource": {"aws_cognito_user_pool_client": {"c": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz", "callback_urls": "${[local.z]}"}}}}`),
			read:        "in.tf.json",
			wantUnknown: []string{"CallbackURLs[0]"},
		},
		{
			name:  "tf.json long string",
			files: one("in.tf.json", `{"resource": {"aws_cognito_user_pool_client": {"c": {"name": "`+strings.Repeat("n", 500000)+`", "user_pool_id": "us-east-1_AbC123xyz"}}}}`),
			read:  "in.tf.json",
		},
		{
			name:     "unary operators across newlines",
			files:    one("in.tf", "locals {\n  z = ["+strings.Repeat("-\n", 245000)+"1]\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{"in.tf:1026:1: more than 1024 operators in one expression"},
		},
		{
			name:     "a chain of binary operators",
			files:    one("in.tf", "locals {\n  z = 1"+strings.Repeat(" + 1", 100000)+"\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{"more than 1024 operators in one expression"},
		},
		{
			name:     "a chain of conditionals",
			files:    one("in.tf", "locals {\n  z = "+strings.Repeat("true ? 1 : ", 40000)+"1\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{"more than 1024 operators in one expression"},
		},
		{
			name:     "nested replace",
			files:    one("in.tf", "locals {\n  z = ["+nest(10, "replace(", `"aaaaaaaa"`, `, "a", "aaaaaaaa")`)+"]\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{`in.tf:2:7: expression "[replace(replace(replace(replace(replace(replace(replace(..." replace() would build more than 1024 KiB of values`},
		},
		{
			name: "nested for expressions in a variable default",
			files: one("in.tf", "variable \"v\" {\n  default = [for a in "+list1000()+" : [for b in "+list1000()+" : [for c in "+list1000()+" : [for d in "+list1000()+" : \"${a}${b}${c}${d}\"]]]]\n}\n"+
				"locals {\n  z = var.v\n}\n"+hostileClient),
			read:        "in.tf",
			wantUnknown: []string{"CallbackURLs"},
		},
		{
			name:     "a number with a huge exponent in a template",
			files:    one("in.tf", "locals {\n  z = [\"${1e100000000}\"]\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{`in.tf:2:7: expression "[\"${1e100000000}\"]" the number at line 2, column 11 is too large to evaluate`},
		},
		{
			name:     "a huge number made from text by an operator",
			files:    one("in.tf", "locals {\n  e = \"100000000\"\n  z = [\"${\"1e${local.e}\" * 1}\"]\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{"an operator makes a number with more than 3400 binary digits"},
		},
		{
			name:     "a huge number from jsondecode",
			files:    one("in.tf", "locals {\n  z = [\"${jsondecode(\"1e100000000\")}\"]\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{"jsondecode() returns a number with more than 3400 binary digits"},
		},
		{
			name:     "jsondecode of deeply nested JSON",
			files:    one("in.tf", "locals {\n  z = jsondecode(\""+strings.Repeat("[", 400000)+strings.Repeat("]", 100000)+"\")\n}\n"+hostileClient),
			read:     "in.tf",
			wantErrs: []string{"jsondecode() reads JSON nested deeper than 256 levels"},
		},
		{
			name: "Serverless includes that fan out",
			files: func() map[string]string {
				// Each level includes the next twenty times: 20^8 reads.
				files := map[string]string{"serverless.yml": "service: s\nprovider: {name: aws}\nresources:\n" + strings.Repeat("  - ${file(./f1.yml):x}\n", 20)}
				for i := 1; i <= 7; i++ {
					files[fmt.Sprintf("f%d.yml", i)] = "x:\n" + strings.Repeat(fmt.Sprintf("  - ${file(./f%d.yml):x}\n", i+1), 20)
				}
				files["f8.yml"] = "x:\n  - Resources: {}\n"
				return files
			},
			read:     "serverless.yml",
			wantErrs: []string{"is one include too many: a service may read 256 includes in all"},
		},
		{
			name: "a module called 200 times",
			files: func() map[string]string {
				child := "locals {\n  z = [" + strings.Repeat("\"x\",", 12000) + "\"x\"]\n}\n" +
					"resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n}\n"
				return map[string]string{
					"root/main.tf":   "module \"m\" {\n  source = \"./m\"\n  count = 200\n}\n",
					"root/m/main.tf": child,
				}
			},
			read:     "root",
			wantErrs: []string{"parse more than 2 MiB of .tf files in all, each instance counted"},
		},
		{
			name: "a long chain of locals defined backwards",
			files: func() map[string]string {
				var b strings.Builder
				b.WriteString("locals {\n")
				for i := 20000; i > 0; i-- {
					fmt.Fprintf(&b, "  l%d = local.l%d\n", i, i-1)
				}
				b.WriteString("  l0 = [\"https://a.example.com/\"]\n  z = local.l20000\n}\n")
				return map[string]string{"in.tf": b.String() + hostileClient}
			},
			read:     "in.tf",
			wantErrs: []string{"the module's expressions have visited"},
		},
		{
			name: "a module of 24 files of 512 KiB",
			files: func() map[string]string {
				filler := "locals {\n  z" + "= [" + strings.Repeat("\"x\",", (maxHCLBytes-40)/4) + "\"x\"]\n}\n"
				files := map[string]string{"mod/main.tf": strings.Replace(hostileClient, "local.z", "[\"https://a.example.com/\"]", 1)}
				for i := range 24 {
					files[fmt.Sprintf("mod/f%02d.tf", i)] = strings.Replace(filler, "z", fmt.Sprintf("z%d", i), 1)
				}
				return files
			},
			read:     "mod",
			wantErrs: []string{"more than the 1024 KiB a module may"},
		},
		{
			name: "conditions that name each other",
			files: func() map[string]string {
				var b strings.Builder
				b.WriteString("Parameters:\n  P:\n    Type: String\n    Default: b\nConditions:\n  C0: !Equals [!Ref P, a]\n")
				// Each names the one before ten times: 10^15 paths.
				for i := 1; i <= 15; i++ {
					fmt.Fprintf(&b, "  C%d: !Or [%s]\n", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("!Condition C%d, ", i-1), 10), ", "))
				}
				b.WriteString(cfnHostileClient("!Ref P", "    Condition: C15\n"))
				return map[string]string{"t.yaml": b.String()}
			},
			read:        "t.yaml",
			wantUnknown: []string{"ClientName"},
		},
		{
			name: "Fn::Join over YAML aliases",
			files: func() map[string]string {
				var b strings.Builder
				b.WriteString("Parameters:\n  P:\n    Type: String\n    Default: " + strings.Repeat("x", 40000) + "\nMetadata:\n  a0: &a0 !Join [\"\", [!Ref P, !Ref P]]\n")
				for i := 1; i <= 14; i++ {
					fmt.Fprintf(&b, "  a%d: &a%d !Join [\"\", [*a%d, *a%d]]\n", i, i, i-1, i-1)
				}
				b.WriteString(cfnHostileClient("*a14", ""))
				return map[string]string{"t.yaml": b.String()}
			},
			read:     "t.yaml",
			wantErrs: []string{"t.yaml:26:19: C: Fn::Join builds more than 1024 KiB of text"},
		},
		{
			name: "Fn::Sub of a large default many times",
			files: func() map[string]string {
				src := "Parameters:\n  P:\n    Type: String\n    Default: " + strings.Repeat("x", 100000) + "\n" +
					cfnHostileClient("!Sub \""+strings.Repeat("${P}", 200000)+"\"", "")
				return map[string]string{"t.yaml": src}
			},
			read:     "t.yaml",
			wantErrs: []string{"t.yaml:10:19: C: Fn::Sub builds more than 1024 KiB of text"},
		},
	}
}

// cfnHostileClient is a template's Resources with one client whose
// ClientName is name, and attrs written after its Type.
func cfnHostileClient(name, attrs string) string {
	return "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n" + attrs + "    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: " + name + "\n"
}

func list1000() string {
	return "[" + strings.Repeat("1,", 999) + "1]"
}

// hostileResult is what the child reports of a case.
type hostileResult struct {
	Errors  []string
	Unknown []string
}

// TestHostileInputs reads each hostile input in a child process with
// limited memory and time.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	if raceEnabled {
		t.Skip("the race detector needs more address space than the limit")
	}
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), hostileTime)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostileChild$", "-test.v")
			cmd.Env = append(os.Environ(), hostileEnv+"="+tc.name)
			out, err := cmd.Output()
			if ctx.Err() != nil {
				t.Fatalf("still reading after %v", hostileTime)
			}
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				t.Fatalf("the child failed (%v):\n%s\n%s", err, out, tail(ee.Stderr))
			}
			if err != nil {
				t.Fatal(err)
			}
			i := strings.Index(string(out), "RESULT ")
			if i < 0 {
				t.Fatalf("no result from the child:\n%s", out)
			}
			var res hostileResult
			line, _, _ := strings.Cut(string(out[i+len("RESULT "):]), "\n")
			if err := json.Unmarshal([]byte(line), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) != len(tc.wantErrs) {
				t.Fatalf("errors %q, want %d holding %q", res.Errors, len(tc.wantErrs), tc.wantErrs)
			}
			for i, want := range tc.wantErrs {
				if !strings.Contains(res.Errors[i], want) {
					t.Errorf("error %d = %q, want it to hold %q", i, res.Errors[i], want)
				}
			}
			if tc.wantUnknown != nil && !cmpEqual(res.Unknown, tc.wantUnknown) {
				t.Errorf("unknown = %q, want %q", res.Unknown, tc.wantUnknown)
			}
		})
	}
}

// vmSize returns the address space the process has reserved, in bytes.
func vmSize(t *testing.T) uint64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmSize:"); ok {
			var kb uint64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kb); err == nil {
				return kb << 10
			}
		}
	}
	t.Skip("no VmSize in /proc/self/status")
	return 0
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// TestHostileChild is the child of TestHostileInputs: it limits its own
// address space, reads one case and prints what it found.
func TestHostileChild(t *testing.T) {
	name := os.Getenv(hostileEnv)
	if name == "" {
		t.Skip("run by TestHostileInputs")
	}
	var tc *hostileCase
	for _, c := range hostileCases() {
		if c.name == name {
			tc = &c
		}
	}
	if tc == nil {
		t.Fatalf("no case %q", name)
	}
	dir := t.TempDir()
	writeTree(t, dir, tc.files())
	// The runtime reserves address space it does not use: the limit is
	// what the process has reserved so far plus hostileMemory.
	limit := uint64(hostileMemory) + vmSize(t)
	lim := &syscall.Rlimit{Cur: limit, Max: limit}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
		t.Fatalf("setrlimit: %v", err)
	}
	files, err := Read(filepath.Join(dir, tc.read))
	if err != nil {
		t.Fatal(err)
	}
	var res hostileResult
	for _, f := range files {
		for _, e := range f.Errors {
			rel := strings.TrimPrefix(e.Error(), dir+string(filepath.Separator))
			res.Errors = append(res.Errors, rel)
		}
		for _, c := range f.Clients {
			for _, e := range c.Errors {
				res.Errors = append(res.Errors, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
			}
			if res.Unknown == nil {
				res.Unknown = c.Unknown
			}
		}
	}
	out, _ := json.Marshal(res)
	fmt.Printf("RESULT %s\n", out)
}
