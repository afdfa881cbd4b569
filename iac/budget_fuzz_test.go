package iac

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Bounds every fuzzed input must stay within, far above what the
// evaluator's budgets let it use, far below what the defects they guard
// against cost (gigabytes, minutes).
const (
	fuzzMaxAlloc = 1 << 30
	fuzzMaxTime  = 10 * time.Second
)

// withinBounds runs read and fails when it allocates more than
// fuzzMaxAlloc or runs longer than fuzzMaxTime.
func withinBounds(t *testing.T, input string, read func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	read()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > fuzzMaxAlloc {
		t.Errorf("allocated %d MiB reading %q", alloc>>20, input)
	}
	if elapsed > fuzzMaxTime {
		t.Errorf("took %v reading %q", elapsed, input)
	}
}

// FuzzHCLEval evaluates arbitrary HCL expressions, functions included, as
// a local that a client reads, as a variable's default and as that
// variable's validation condition and error message. Properties: it
// never panics, it terminates within the module's budgets (steps, bytes
// built) and within time and memory bounds, and a file over a budget says
// so in an error instead of holding clients. Each expression is also read
// as the one interpolation of a template in a .tf.json file's local.
func FuzzHCLEval(f *testing.F) {
	for _, s := range []string{
		`"https://a.example.com/"`,
		`replace(replace(replace("aaaaaaaa", "a", "aaaaaaaa"), "a", "aaaaaaaa"), "a", "aaaaaaaa")`,
		`replace("abc", "/(b)/", "$1$1$1")`,
		`join(",", split("", "aaaaaaaaaaaaaaaa"))`,
		`format("%0999d", 1)`,
		`format("%s%s", "a", 1e300)`,
		`"${1e100000000}"`,
		`"${1e1000}"`,
		`"${"1e${var.e}" * 1}"`,
		`jsondecode("1e100000000")`,
		`jsondecode("[[[[[[[[1]]]]]]]]")`,
		`jsonencode({a = [1, "\u0000"]})`,
		`regexall("(a*)*", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")`,
		`[for a in [1, 2] : [for b in [1, 2] : "${a}${b}"]]`,
		`"%{for x in [1, 2]}${x}%{endfor}"`,
		`concat(local.z, local.z, local.z)`,
		`flatten([[var.l, var.l], [var.l]])`,
		`upper(title(lower(strrev("ǅ"))))`,
		`parseint("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 36)`,
		`tostring(-1e-1000)`,
		`1e300 * 1e300 * 1e300 * 1e300 * 1e300 * 1e300 * 1e300 * 1e300 * 1e300 * 1e300 * 1e300 * 1e300`,
		`1 / 0`,
		`!!!!!!!!!!true`,
		`true ? (false ? 1 : 2) : 3`,
		`merge({a = 1}, {b = var.l})`,
		`setunion(toset(var.l), ["x"])`,
		`zipmap(var.l, var.l)`,
		`substr(var.s, 0, -1)`,
		`local.z[0]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		if strings.ContainsAny(expr, "\x00") || len(expr) > 4<<10 {
			return
		}
		src := "variable \"e\" {\n  default = \"100000000\"\n}\nvariable \"l\" {\n  default = [\"a\", \"b\"]\n}\nvariable \"s\" {\n  default = \"abc\"\n}\n" +
			"variable \"d\" {\n  default = " + expr + "\n  validation {\n    condition = " + expr + "\n    error_message = " + expr + "\n  }\n}\n" +
			"locals {\n  z = " + expr + "\n  w = var.d\n}\n" +
			"resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n  callback_urls = local.z\n  logout_urls = local.w\n}\n"
		var m *hclModule
		withinBounds(t, expr, func() { m = readModule([]tfSource{{name: "in.tf", data: []byte(src)}}) })
		b := m.budget
		if b.totalBuilt > maxModuleBuild {
			t.Errorf("built %d bytes, over the module's %d", b.totalBuilt, maxModuleBuild)
		}
		// One evaluation may start under the step budget and run its
		// nodes past it.
		if b.totalSteps > maxModuleSteps+maxEvalNodes+evalOverhead+maxEvalSteps {
			t.Errorf("ran %d steps, over the module's %d", b.totalSteps, maxModuleSteps)
		}
		file := m.files[0]
		if len(file.Errors) > 0 && len(file.Clients) > 0 {
			t.Errorf("errors %v and %d clients", file.Errors, len(file.Clients))
		}
		for _, e := range file.Errors {
			if strings.HasPrefix(e.Message, "expression ") && e.Pos.Line == 0 {
				t.Errorf("an expression over budget without its position: %s", e.Message)
			}
		}
		// The same in Terraform's JSON syntax, the expression as a
		// template's one interpolation.
		tmpl, _ := json.Marshal("${" + expr + "}")
		jsrc := `{"variable": {"l": {"default": ["a", "b"]}, "s": {"default": "abc"}},
  "locals": {"z": ` + string(tmpl) + `},
  "resource": {"aws_cognito_user_pool_client": {"c": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz", "callback_urls": "${local.z}"}}}}`
		withinBounds(t, expr, func() { m = readModule([]tfSource{{name: "in.tf.json", data: []byte(jsrc)}}) })
		if b := m.budget; b.totalBuilt > maxModuleBuild || b.totalSteps > maxModuleSteps+maxEvalNodes+evalOverhead+maxEvalSteps {
			t.Errorf(".tf.json: built %d bytes, ran %d steps", b.totalBuilt, b.totalSteps)
		}
		if file := m.files[0]; len(file.Errors) > 0 && len(file.Clients) > 0 {
			t.Errorf(".tf.json: errors %v and %d clients", file.Errors, len(file.Clients))
		}
	})
}

// FuzzServerless resolves arbitrary Serverless services and the fragments
// they include (two files, a.yml and dir/b.yml, and every other path
// missing). Properties: it never panics, it terminates within time and
// memory bounds, and a service that includes a file that does not exist
// is never read as a service with no error.
func FuzzServerless(f *testing.F) {
	client := "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: ${self:custom.name}\n"
	for _, s := range [][3]string{
		{"service: s\nprovider: {name: aws}\nresources:\n  - ${file(./a.yml)}\n", client, ""},
		{"service: s\nprovider: {name: aws}\nresources:\n  Resources: ${file(./a.yml):Resources}\n", client, ""},
		{"service: s\nprovider: {name: aws}\nresources:\n  Resources:\n    C: ${file(./dir/b.yml)}\n", "", "Type: AWS::Cognito::UserPoolClient\nProperties: {ClientName: x}\n"},
		{"service: s\nresources:\n  - ${file(./a.yml)}\n", "- ${file(./dir/b.yml)}\n", "Resources: ${file(../a.yml)}\n"},
		{"service: s\nresources: [${file(./missing.yml)}]\n", "", ""},
		{"service: s\nresources: ${file(./a.yml):resources}\n", "resources:\n  - " + strings.ReplaceAll(client, "\n", "\n    "), ""},
		{"service: s\ncustom: {n: &n [*n]}\nresources: {Resources: {C: {Type: AWS::Cognito::UserPoolClient, Properties: {ClientName: !Sub ['${A}${A}', {A: !Join ['', [a, b]]}]}}}}\n", "", ""},
		{"service: s\nresources:\n  - ${file(./a.yml):Resources.C}\n", client, ""},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, service, a, b string) {
		files := map[string]string{"a.yml": a, "dir/b.yml": b}
		include := func(p string, _ bool) ([]byte, error) {
			if data, ok := files[p]; ok {
				return []byte(data), nil
			}
			return nil, errNotExist(p)
		}
		var res *File
		withinBounds(t, service, func() { res, _ = readBytes("serverless.yml", []byte(service), include) })
		if res.Kind != KindServerless || len(res.Errors) > 0 {
			return
		}
		if strings.Contains(service, "${file(./missing.yml)}") && slsIncludesResolve(service) {
			t.Errorf("a service that includes a missing file has no error: %q", service)
		}
	})
}

// slsIncludesResolve reports whether a service's resources are a plain
// list of includes, all written out, which are all read.
func slsIncludesResolve(service string) bool {
	_, rest, ok := strings.Cut(service, "\nresources: [")
	if !ok {
		return false
	}
	list, _, ok := strings.Cut(rest, "]\n")
	if !ok {
		return false
	}
	for item := range strings.SplitSeq(list, ",") {
		if _, _, ok := fileVariable(strings.TrimSpace(item)); !ok {
			return false
		}
	}
	return true
}

// errNotExist is the error of a file the fuzzed tree does not hold.
func errNotExist(p string) error {
	return &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
}

// FuzzWalkPrefilter checks the walk's pre-filter against reading: a file
// it passes over is one in which reading finds no app client (an empty
// JSON object, a request with nothing in it when read by name, is nothing
// in a walk).
func FuzzWalkPrefilter(f *testing.F) {
	for _, s := range []string{
		`{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "c"}`,
		`{"U\u0073erPoolId": "us-east-1_AbC123xyz", "ClientNam\u0065": "c"}`,
		`{"callbackUrls": ["http://a.example.com/"]}`,
		`{"ClientId": "x", "AuthFlow": "USER_PASSWORD_AUTH"}`,
		`{"UserPoolClient": {}}`,
		`{}`,
		`{"name": "x", "dependencies": {}}`,
		"{\"compilerOptions\": {} // comment\n}",
		`{"Resources": {"C": {"Type": "AWS::Cognito::UserPool\u0043lient"}}}`,
		"Resources:\n  C:\n    Type: \"AWS::Cognito::UserPool\\x43lient\"\n",
		"Resources:\n  C:\n    Type: \"AWS::Cognito::UserPool\\\n      Client\"\n",
		"{Resources: {C: {Type: AWS::Cognito::UserPoolClient}}}",
		`{"format_version": "1.0", "values": {"root_module": {"resources": [{"type": "aws_cognito_user_pool_\u0063lient"}]}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if mayHoldClient(data) {
			return
		}
		res, notInput := readBytes("in.json", data, nil)
		if notInput || len(res.Clients) == 0 {
			return
		}
		if text := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))); res.Kind == KindRequest && json.Valid(text) && emptyObject(text) {
			return
		}
		t.Errorf("the pre-filter passes over %q, in which reading finds %d clients (%s)", data, len(res.Clients), res.Kind)
	})
}

// emptyObject reports whether a valid JSON text is an object with no
// members.
func emptyObject(text []byte) bool {
	var m map[string]json.RawMessage
	return json.Unmarshal(text, &m) == nil && len(m) == 0
}
