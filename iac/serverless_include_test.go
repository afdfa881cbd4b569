package iac

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const slsHead = "service: s\nprovider:\n  name: aws\n"

// slsClient is a Resources map with one client named name.
func slsClient(name string) string {
	return "  " + name + ":\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: " + name + "\n"
}

// clientsOf names the clients of files as FILE:RESOURCE, and their errors.
func clientsOf(dir string, files []*File) (clients, errs []string) {
	rel := func(p string) string {
		r, err := filepath.Rel(dir, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	for _, f := range files {
		for _, e := range f.Errors {
			errs = append(errs, rel(f.Name)+": "+strings.ReplaceAll(e.Message, dir+string(filepath.Separator), ""))
		}
		for _, c := range f.Clients {
			clients = append(clients, rel(c.File)+":"+c.Resource)
			for _, e := range c.Errors {
				errs = append(errs, rel(c.File)+": "+e.Message)
			}
		}
	}
	return clients, errs
}

// TestServerlessIncludes: the forms of ${file(...)} a service uses for its
// resources are all read, and an include that gives nothing usable is an
// error naming it, never a service with no clients.
func TestServerlessIncludes(t *testing.T) {
	tests := []struct {
		name        string
		files       map[string]string
		wantClients []string
		wantErrs    []string
	}{
		{
			name: "Resources from a selector",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  Resources: ${file(./res.yml):Resources}\n  Outputs: ${file(./res.yml):Outputs}\n",
				"res.yml":        "Resources:\n" + slsClient("Web") + "Outputs:\n  Id:\n    Value: !Ref Web\n",
			},
			wantClients: []string{"res.yml:Web"},
		},
		{
			name: "a fragment from a selector in the list",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  - ${file(./res.yml):Resources}\n",
				"res.yml":        "Resources:\n" + slsClient("Web"),
			},
			wantClients: []string{"res.yml:Web"},
		},
		{
			name: "Resources as a whole file",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  Resources: ${file(./res.yml)}\n",
				"res.yml":        slsClient("Web")[2:],
			},
			wantClients: []string{"res.yml:Web"},
		},
		{
			name: "one resource from its own file",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  Resources:\n    Web: ${file(./web.yml)}\n" + "    Mobile:\n      Type: AWS::Cognito::UserPoolClient\n      Properties:\n        UserPoolId: us-east-1_AbC123xyz\n        ClientName: Mobile\n",
				"web.yml":        "Type: AWS::Cognito::UserPoolClient\nProperties:\n  UserPoolId: us-east-1_AbC123xyz\n  ClientName: Web\n",
			},
			wantClients: []string{"web.yml:Web", "serverless.yml:Mobile"},
		},
		{
			name:     "a missing file",
			files:    map[string]string{"serverless.yml": slsHead + "resources:\n  - ${file(./missing.yml)}\n"},
			wantErrs: []string{`serverless.yml: the include "${file(./missing.yml)}" cannot be read: no such file or directory`},
		},
		{
			name: "a selector that selects nothing",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  Resources: ${file(./res.yml):Resorces}\n",
				"res.yml":        "Resources:\n" + slsClient("Web"),
			},
			wantErrs: []string{`serverless.yml: the include "${file(./res.yml):Resorces}" selects nothing in res.yml`},
		},
		{
			name: "a file that is not a map",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  - ${file(./res.yml)}\n",
				"res.yml":        "just text\n",
			},
			wantErrs: []string{`serverless.yml: the include "${file(./res.yml)}" gives a string, not a map of resources`},
		},
		{
			name: "an oversized file",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  - ${file(./res.yml)}\n",
				"res.yml":        "Resources:\n" + slsClient("Web") + "# " + strings.Repeat("x", maxInputBytes) + "\n",
			},
			wantErrs: []string{`serverless.yml: the include "${file(./res.yml)}" cannot be read: larger than 10 MiB`},
		},
		{
			name: "an include in an included file",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  - ${file(./a/res.yml)}\n",
				"a/res.yml":      "Resources: ${file(./gone.yml):Resources}\n",
			},
			wantErrs: []string{`serverless.yml: the include "${file(./gone.yml):Resources}" in a/res.yml cannot be read: no such file or directory`},
		},
		{
			// serverless-plugin-additional-stacks deploys these as stacks
			// of their own: their clients are the service's too.
			name: "the Resources of additional stacks",
			files: map[string]string{
				"serverless.yml": slsHead + "plugins:\n  - serverless-plugin-additional-stacks\ncustom:\n  additionalStacks:\n" +
					"    auth:\n      Deploy: Before\n      Resources: ${file(./resources/auth.yml)}\n" +
					"    more:\n      Resources:\n        Admin:\n          Type: AWS::Cognito::UserPoolClient\n          Properties:\n            UserPoolId: us-east-1_AbC123xyz\n",
				"resources/auth.yml": slsClient("Web")[2:],
			},
			wantClients: []string{"resources/auth.yml:Web", "serverless.yml:Admin"},
		},
		{
			name: "additional stacks beside resources",
			files: map[string]string{
				"serverless.yml": slsHead + "resources:\n  Resources:\n    Main:\n      Type: AWS::Cognito::UserPoolClient\n      Properties:\n        UserPoolId: us-east-1_AbC123xyz\n" +
					"custom:\n  additionalStacks:\n    auth:\n      Resources: ${file(./resources/auth.yml)}\n",
				"resources/auth.yml": slsClient("Web")[2:],
			},
			wantClients: []string{"serverless.yml:Main", "resources/auth.yml:Web"},
		},
		{
			// As the Framework reads it: from the service's directory,
			// not from the directory of the file that holds the include.
			name: "an include in an included file is relative to the service",
			files: map[string]string{
				"serverless.yml":       slsHead + "resources: ${file(resources/all.yml)}\n",
				"resources/all.yml":    "- ${file(resources/client.yml)}\n",
				"resources/client.yml": "Resources:\n" + slsClient("Web"),
			},
			wantClients: []string{"resources/client.yml:Web"},
		},
		{
			name: "an include in an included file is not relative to that file",
			files: map[string]string{
				"serverless.yml":       slsHead + "resources: ${file(resources/all.yml)}\n",
				"resources/all.yml":    "- ${file(client.yml)}\n",
				"resources/client.yml": "Resources:\n" + slsClient("Web"),
			},
			wantErrs: []string{`serverless.yml: the include "${file(client.yml)}" in resources/all.yml cannot be read: no such file or directory`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tt.files)
			f, err := ReadFile(filepath.Join(dir, "serverless.yml"))
			if err != nil {
				t.Fatal(err)
			}
			clients, errs := clientsOf(dir, []*File{f})
			if diff := cmp.Diff(tt.wantClients, clients); diff != "" {
				t.Errorf("clients mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErrs, errs); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestServerlessIncludePipe: an include that is a named pipe is an error,
// at once, in a named file and in a walk alike.
func TestServerlessIncludePipe(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"serverless.yml": slsHead + "resources:\n  - ${file(./pipe.yml)}\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yml"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	want := []string{`serverless.yml: the include "${file(./pipe.yml)}" cannot be read: not a regular file: a named pipe`}
	var f *File
	var err error
	within(t, 10*time.Second, func() { f, err = ReadFile(filepath.Join(dir, "serverless.yml")) })
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := clientsOf(dir, []*File{f}); !cmp.Equal(want, errs) {
		t.Errorf("ReadFile errors = %q, want %q", errs, want)
	}
	rows := walkRows(t, dir)
	wantRows := []walkRow{
		{File: "pipe.yml", Errors: []string{"not a regular file: a named pipe"}},
		{File: "serverless.yml", Kind: KindServerless, Errors: []string{strings.TrimPrefix(want[0], "serverless.yml: ")}},
	}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}
}

// TestWalkServerlessPartialInclude: a complete template of which a
// service includes one resource is still checked on its own by a walk;
// one the service reads all of is read as part of the service only.
func TestWalkServerlessPartialInclude(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"serverless.yml": slsHead + "resources:\n  Resources:\n    Web: ${file(./t.yml):Resources.Web}\n  Outputs: ${file(./all.yml):Outputs}\n",
		"t.yml":          "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + slsClient("Web") + slsClient("Admin"),
		"all.yml":        "Resources:\n" + slsClient("Other") + "Outputs: {}\n",
	})
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	clients, errs := clientsOf(dir, files)
	want := []string{"all.yml:Other", "t.yml:Web", "t.yml:Web", "t.yml:Admin"}
	if diff := cmp.Diff(want, clients); diff != "" {
		t.Errorf("clients mismatch (-want +got):\n%s", diff)
	}
	if len(errs) > 0 {
		t.Errorf("errors: %q", errs)
	}
}

// TestPlainTemplateStaysCloudFormation: one Serverless-looking variable in
// another resource of a plain template (a script) does not make the
// template's clients Serverless: their "${" text is text.
func TestPlainTemplateStaysCloudFormation(t *testing.T) {
	src := "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" +
		"  Doc:\n    Type: AWS::SSM::Document\n    Properties:\n      Content:\n        mainSteps:\n          - inputs:\n              runCommand: [\"echo ${env:HOME}\"]\n" +
		"  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: web-${x}\n"
	f := ReadBytes("t.yaml", []byte(src))
	if len(f.Errors) > 0 || len(f.Clients) != 1 {
		t.Fatalf("errors %v, %d clients", f.Errors, len(f.Clients))
	}
	c := f.Clients[0]
	if len(c.Unknown) != 0 || c.Request.ClientName != "web-${x}" {
		t.Errorf("ClientName %q, unknown %q; want the text web-${x}, known", c.Request.ClientName, c.Unknown)
	}
	// The client's own Serverless variable still makes it unknown: a
	// fragment read on its own.
	frag := strings.Replace(src, "web-${x}", "web-${env:STAGE}", 1)
	if c := ReadBytes("t.yaml", []byte(frag)).Clients[0]; !cmp.Equal(c.Unknown, []string{"ClientName"}) {
		t.Errorf("with ${env:STAGE}: unknown %q, want [ClientName]", c.Unknown)
	}
}
