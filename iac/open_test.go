package iac

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// within fails the test when f does not return within d: a read that
// blocks on a named pipe would otherwise hang the test run.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

// walkRows reads dir and describes each File: its path under dir, its
// kind, its number of clients, and its errors' messages.
type walkRow struct {
	File    string
	Kind    Kind
	Clients int
	Errors  []string
	Skipped string
}

func walkRows(t *testing.T, dir string) []walkRow {
	t.Helper()
	var files []*File
	var err error
	limit := 10 * time.Second
	if raceEnabled {
		limit *= 6
	}
	within(t, limit, func() { files, err = Read(dir) })
	if err != nil {
		t.Fatalf("Read(%q): %v", dir, err)
	}
	var rows []walkRow
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Name)
		r := walkRow{File: filepath.ToSlash(rel), Kind: f.Kind, Clients: len(f.Clients), Skipped: f.Skipped}
		for _, e := range f.Errors {
			r.Errors = append(r.Errors, e.Message)
		}
		rows = append(rows, r)
	}
	return rows
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// TestOpenInputRefusesWhatIsNotAFile: a named pipe, a link to one, a
// directory and a device are refused by name, without blocking; a file
// over the limit is refused before it is read; a link to a regular file
// is followed.
func TestOpenInputRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"t.yaml": walkTemplate})
	mkfifo(t, filepath.Join(dir, "fifo.yaml"))
	if err := os.Symlink("fifo.yaml", filepath.Join(dir, "link-to-fifo.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("t.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path  string
		limit int64
		want  string // "" for success
		is    error
	}{
		{"fifo.yaml", 0, "not a regular file: a named pipe", ErrNotRegular},
		{"link-to-fifo.yaml", 0, "not a regular file: a named pipe", ErrNotRegular},
		{".", 0, "not a regular file: a directory", ErrNotRegular},
		{"/dev/null", 0, "not a regular file: a character device", ErrNotRegular},
		{"t.yaml", 10, "larger than 10 bytes", ErrTooLarge},
		{"link.yaml", 0, "", nil},
	}
	for _, tt := range tests {
		p := tt.path
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		var data []byte
		var err error
		within(t, 5*time.Second, func() { data, err = ReadInput(p, tt.limit) })
		if tt.want == "" {
			if err != nil || string(data) != walkTemplate {
				t.Errorf("ReadInput(%s) = %q, %v; want the template", tt.path, data, err)
			}
			continue
		}
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != p || pe.Err.Error() != tt.want || !errors.Is(err, tt.is) {
			t.Errorf("ReadInput(%s) error = %v, want a PathError naming it: %s", tt.path, err, tt.want)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "fifo.yaml")); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(fifo) error = %v, want ErrNotRegular", err)
	}
}

// TestWalkFollowsLinks: a directory given as a link is read; links inside
// the tree to files and directories are followed; a loop of links is
// reported at the link and not followed; a broken link with an input's
// name, a named pipe and a link to standard input are reported, never
// read, and the walk goes on.
func TestWalkFollowsLinks(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"real/a/template.yaml":  walkTemplate,
		"shared/tpl/other.yaml": walkTemplate,
		"real/z/last.yaml":      walkTemplate,
	})
	real := filepath.Join(root, "real")
	links := map[string]string{
		"real/b":            "../shared/tpl",   // a directory elsewhere
		"real/c.yaml":       "a/template.yaml", // a file
		"real/a/loop":       "..",              // back to real
		"real/broken.yaml":  "nowhere.yaml",
		"real/stdin.yaml":   "/dev/stdin",
		"real/notinput.txt": "nowhere.txt", // not an input's name: ignored
		"top":               "real",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	mkfifo(t, filepath.Join(real, "d.yaml"))

	want := []walkRow{
		// Passed over, not an error: its files are read under real.
		{File: "a/loop", Skipped: "a link back to " + real + ", which holds it: its files are read there"},
		{File: "a/template.yaml", Kind: KindCloudFormation, Clients: 1},
		{File: "b/other.yaml", Kind: KindCloudFormation, Clients: 1},
		{File: "broken.yaml", Errors: []string{"a link to a file that does not exist"}},
		{File: "c.yaml", Kind: KindCloudFormation, Clients: 1},
		{File: "d.yaml", Errors: []string{"not a regular file: a named pipe"}},
		{File: "stdin.yaml", Errors: []string{"not a regular file: " + describeStdin(t)}},
		{File: "z/last.yaml", Kind: KindCloudFormation, Clients: 1},
	}
	if diff := cmp.Diff(want, walkRows(t, real)); diff != "" {
		t.Errorf("walk of the directory mismatch (-want +got):\n%s", diff)
	}
	// The same tree through a link to it: the argument is read, not
	// skipped, and the loop is still found.
	top := filepath.Join(root, "top")
	want[0].Skipped = "a link back to " + top + ", which holds it: its files are read there"
	if diff := cmp.Diff(want, walkRows(t, top)); diff != "" {
		t.Errorf("walk through a link to the directory mismatch (-want +got):\n%s", diff)
	}
}

// describeStdin says what the test's standard input is, as OpenInput
// names it: a pipe, a terminal or /dev/null.
func describeStdin(t *testing.T) string {
	fi, err := os.Stat("/dev/stdin")
	if err != nil {
		t.Skipf("no /dev/stdin: %v", err)
	}
	if fi.Mode().IsRegular() {
		t.Skip("standard input is a regular file here")
	}
	return strings.TrimPrefix(notRegular(fi.Mode()).Error(), ErrNotRegular.Error()+": ")
}

// TestWalkGoesOnPastUnreadableDirectory: a directory that cannot be
// listed is reported under its own path, and the files before and after
// it are still read.
func TestWalkGoesOnPastUnreadableDirectory(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a/template.yaml":      walkTemplate,
		"b/secret/x.yaml":      walkTemplate,
		"c/template.yaml":      walkTemplate,
		"d/main.tf":            "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n}\n",
		"d/unreadable.tf":      "variable \"x\" {}\n",
		"d/zz_readable_too.tf": "variable \"y\" {}\n",
	})
	secret := filepath.Join(dir, "b", "secret")
	orig := readDir
	t.Cleanup(func() { readDir = orig })
	readDir = func(p string) ([]os.DirEntry, error) {
		if p == secret {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		}
		return orig(p)
	}
	if err := os.Chmod(filepath.Join(dir, "d", "unreadable.tf"), 0); err != nil {
		t.Fatal(err)
	}
	want := []walkRow{
		{File: "a/template.yaml", Kind: KindCloudFormation, Clients: 1},
		{File: "b/secret", Errors: []string{"permission denied"}},
		{File: "c/template.yaml", Kind: KindCloudFormation, Clients: 1},
		{File: "d/main.tf", Kind: KindTerraformConfig, Clients: 1},
		{File: "d/unreadable.tf", Kind: KindTerraformConfig, Errors: []string{"permission denied"}},
		{File: "d/zz_readable_too.tf", Kind: KindTerraformConfig},
	}
	if os.Geteuid() == 0 {
		// Permissions do not stop root: the file is read.
		want[4].Errors = nil
	}
	if diff := cmp.Diff(want, walkRows(t, dir)); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}
}

// TestWalkModuleBudget: the .tf files of one module may hold
// MaxModuleSize bytes in all; past it the module is reported under its
// directory's name and not parsed, whatever each file's size.
func TestWalkModuleBudget(t *testing.T) {
	dir := t.TempDir()
	client := "resource \"aws_cognito_user_pool_client\" \"c\" {\n  name = \"c\"\n  user_pool_id = \"us-east-1_AbC123xyz\"\n}\n"
	filler := "locals {\n  z = [" + strings.Repeat("1,", (maxHCLBytes-100)/2) + "1]\n}\n"
	files := map[string]string{"big/main.tf": client, "small/main.tf": client, "small/x.tf": "locals {\n  z = 1\n}\n"}
	for i := range 3 {
		files["big/f"+string(rune('a'+i))+".tf"] = filler
	}
	writeTree(t, dir, files)
	got := walkRows(t, dir)
	want := []walkRow{
		{File: "big", Kind: KindTerraformConfig, Errors: []string{"the module's .tf files hold 1536 KiB in all, more than the 1024 KiB a module may"}},
		{File: "small/main.tf", Kind: KindTerraformConfig, Clients: 1},
		{File: "small/x.tf", Kind: KindTerraformConfig},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}
}

// TestWalkReadsWhatNamingFinds: a walk reads the files in which reading
// them by name finds a client, however the client is spelled: with JSON
// or YAML escapes, or as a request whose member names are all misspelt.
// Files of other kinds, JSON with comments and empty objects stay out.
func TestWalkReadsWhatNamingFinds(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"escaped.json":  `{"Resources": {"C": {"Type": "AWS::Cognito::UserPool\u0043lient", "Properties": {"CallbackURLs": ["https://a.example.com/"]}}}}`,
		"escaped.yaml":  "Resources:\n  C:\n    Type: \"AWS::Cognito::UserPool\\x43lient\"\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n",
		"misspelt.json": `{"userPoolID": "us-east-1_AbC123xyz", "clientname": "c"}`,
		"update.json":   `{"ClientId": "abc", "UserPoolID": "us-east-1_AbC123xyz"}`,
		"tsconfig.json": "{\"compilerOptions\": {} // a comment\n}",
		"empty.json":    "{}",
		"package.json":  `{"name": "x", "dependencies": {}}`,
	})
	var got []string
	for _, r := range walkRows(t, dir) {
		got = append(got, r.File)
	}
	want := []string{"escaped.json", "escaped.yaml", "misspelt.json", "update.json"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files read mismatch (-want +got):\n%s", diff)
	}
}

// TestTerraformJSONWalked: a walk reads a directory's .tf.json files as
// one module, as it reads .tf files; a directory whose .tf.json files
// define no app client and call no module is not shown, and a
// terraform.tfvars.json is no configuration file.
func TestTerraformJSONWalked(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"cdktf/main.tf.json":          `{"resource": {"aws_cognito_user_pool_client": {"c": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz"}}}}`,
		"cdktf/other.tf.json":         `{"resource": {"aws_s3_bucket": {"b": {}}}}`,
		"cdktf/terraform.tfvars.json": `{"x": 1}`,
		"buckets/main.tf.json":        `{"resource": {"aws_s3_bucket": {"b": {}}}}`,
		"escaped/main.tf.json":        `{"resource": {"aws_cognito_user_pool_\u0063lient": {"c": {"name": "c", "user_pool_id": "us-east-1_AbC123xyz"}}}}`,
	})
	want := []walkRow{
		{File: "cdktf/main.tf.json", Kind: KindTerraformConfig, Clients: 1},
		{File: "cdktf/other.tf.json", Kind: KindTerraformConfig},
		{File: "escaped/main.tf.json", Kind: KindTerraformConfig, Clients: 1},
	}
	if diff := cmp.Diff(want, walkRows(t, dir)); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}
}
