package iac

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// skipDirs are the directories a walk does not enter: version control,
// dependencies and Terraform's own cache of modules and providers.
var skipDirs = map[string]bool{".git": true, "node_modules": true, ".terraform": true}

// Read reads a file, as [ReadFile] does, or every input under a directory,
// as [Walk] does. It is [ReadWith] without values passed.
func Read(path string) ([]*File, error) {
	return ReadWith(path, nil)
}

// ReadWith reads a file or every input under a directory with the values
// a deployment passes (see [Values]). A .tf file is read as a root module
// of its own, with the variable files of its directory and the modules it
// calls; the files of those modules follow it. An error reading a file
// that vals names is returned as an [*Error] naming the file and line; a
// -var that names no variable of any root module read, as a
// [*UsageError], after reading.
func ReadWith(path string, vals *Values) ([]*File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		var out []*File
		err = WalkWith(path, vals, func(f *File) error {
			out = append(out, f)
			return nil
		})
		return out, err
	}
	d, err := newDeployment(vals)
	if err != nil {
		return nil, err
	}
	var files []*File
	if strings.HasSuffix(path, ".tf") {
		files, _ = walkJob{paths: []string{path}, module: true, explicit: true}.run(d)
	} else {
		f, err := ReadFile(path)
		if err != nil {
			return nil, err
		}
		files = []*File{f}
	}
	return files, d.unusedVar()
}

// Walk reads every input under dir and calls fn with each, in the order of
// their paths. It skips .git, node_modules and .terraform directories.
//
// What it reads: JSON and YAML files (.json, .yaml, .yml, .template,
// .tfstate) that are request JSON, update requests, described clients,
// CloudFormation templates, Serverless services, or Terraform plans or
// state; and, in each directory holding
// .tf files, those files as one Terraform module (one File per .tf file).
// A file that mentions no app client is not read further, a JSON or YAML
// file of another kind is skipped, and the fragments a Serverless service
// includes are read as part of the service only. A file that looks like
// an input but cannot be read is returned with its Errors.
//
// A directory of .tf files is read as a root module, with the variable
// files Terraform loads (terraform.tfvars, terraform.tfvars.json,
// *.auto.tfvars[.json]) and the modules it calls: local paths, and those
// terraform init installed (.terraform/modules/modules.json). A module
// directory that a root of the walk calls is read through its callers,
// not again on its own.
//
// Files are read concurrently, by as many workers as GOMAXPROCS, and
// handed to fn in order; at most a few files per worker are held in
// memory at once. Walk stops at the first error fn returns, or the first
// error walking the tree, and returns it.
func Walk(dir string, fn func(*File) error) error {
	return WalkWith(dir, nil, fn)
}

// WalkWith is [Walk] with the values a deployment passes (see [Values]
// and [ReadWith]).
func WalkWith(dir string, vals *Values, fn func(*File) error) error {
	d, err := newDeployment(vals)
	if err != nil {
		return err
	}
	jobs, err := walkJobs(dir)
	if err != nil {
		return err
	}
	called := calledDirs(jobs)
	// Serverless services first, so that the fragments they include are
	// known before those files are reached.
	included := map[string]bool{}
	done := make([][]*File, len(jobs))
	for i, j := range jobs {
		if j.serverless {
			var inc []string
			done[i], inc = j.run(d)
			for _, p := range inc {
				included[p] = true
			}
		}
	}
	workers := runtime.GOMAXPROCS(0)
	type result struct {
		files []*File
	}
	slots := make([]chan result, len(jobs))
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	// The window bounds the files read ahead of the one fn gets next.
	window := make(chan struct{}, 2*workers)
	next := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var files []*File
				j := jobs[i]
				switch {
				case j.serverless:
					files = done[i]
				case len(j.paths) == 1 && included[filepath.ToSlash(j.paths[0])]:
				case j.module && called[filepath.Dir(j.paths[0])]:
					// Read through the root module that calls it.
				default:
					files, _ = j.run(d)
				}
				slots[i] <- result{files}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case window <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	var ferr error
	for i := range jobs {
		r := <-slots[i]
		<-window
		for _, f := range r.files {
			if ferr = fn(f); ferr != nil {
				break
			}
		}
		if ferr != nil {
			break
		}
	}
	close(stop)
	wg.Wait()
	if ferr != nil {
		return ferr
	}
	return d.unusedVar()
}

// walkJob is one unit of a walk: one file, or the .tf files of one
// directory.
type walkJob struct {
	paths      []string
	module     bool
	serverless bool
	// explicit is true for a file named by the caller, read even when it
	// defines no client.
	explicit bool
}

// walkJobs lists the jobs under dir in path order.
func walkJobs(dir string) ([]walkJob, error) {
	var jobs []walkJob
	modules := map[string]int{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		name := d.Name()
		switch ext := strings.ToLower(path.Ext(name)); ext {
		case ".tf":
			parent := filepath.Dir(p)
			if i, ok := modules[parent]; ok {
				jobs[i].paths = append(jobs[i].paths, p)
				return nil
			}
			modules[parent] = len(jobs)
			jobs = append(jobs, walkJob{paths: []string{p}, module: true})
		case ".json", ".yaml", ".yml", ".template", ".tfstate":
			base := strings.TrimSuffix(strings.ToLower(name), ext)
			jobs = append(jobs, walkJob{paths: []string{p}, serverless: base == "serverless"})
		}
		return nil
	})
	return jobs, err
}

// markers are the texts an input with an app client holds: resource
// types, and the members every request has.
var markers = [][]byte{
	[]byte("UserPoolClient"), []byte("aws_cognito_user_pool_client"),
	[]byte(`"UserPoolId"`), []byte(`"ClientName"`),
}

func mentionsClient(data []byte) bool {
	for _, m := range markers {
		if bytes.Contains(data, m) {
			return true
		}
	}
	return false
}

// run reads the job's files. It returns nil when they are no input, and
// the fragments a Serverless service included.
func (j walkJob) run(d *deployment) ([]*File, []string) {
	if j.module {
		srcs := make([]tfSource, 0, len(j.paths))
		for _, p := range j.paths {
			data, err := readInclude(p)
			if err != nil {
				return []*File{{Name: p, Kind: KindTerraformConfig, Errors: []*Error{{File: p, Msg: readError(err)}}}}, nil
			}
			srcs = append(srcs, tfSource{name: p, data: data})
		}
		if !j.explicit && !tfMayHoldClients(srcs) {
			return nil, nil
		}
		files := d.readRoot(filepath.Dir(j.paths[0]), srcs)
		if !j.explicit && !worthShowing(files) {
			return nil, nil
		}
		return files, nil
	}
	p := j.paths[0]
	data, err := readInclude(p)
	if err != nil {
		return []*File{{Name: p, Errors: []*Error{{File: p, Msg: readError(err)}}}}, nil
	}
	if !j.serverless && !mentionsClient(data) {
		return nil, nil
	}
	var included []string
	include := readInclude
	if j.serverless {
		include = func(p string) ([]byte, error) {
			data, err := readInclude(p)
			if err == nil {
				included = append(included, filepath.ToSlash(p))
			}
			return data, err
		}
	}
	f, notInput := readBytes(p, data, include)
	if notInput || (j.serverless && f.Kind == "" && len(f.Clients) == 0 && !mentionsClient(data)) {
		return nil, included
	}
	return []*File{f}, included
}

// worthShowing reports whether files read from a directory of .tf files
// have something to say: a client, an error or a note.
func worthShowing(files []*File) bool {
	for _, f := range files {
		if len(f.Clients) > 0 || len(f.Errors) > 0 || len(f.Notes) > 0 {
			return true
		}
	}
	return false
}

// calledDirs returns the directories of .tf files of a walk that a root
// module of the walk (a directory no other calls) calls through a local
// module source, directly or through other modules: they are read through
// their callers.
func calledDirs(jobs []walkJob) map[string]bool {
	dirs := map[string]bool{}
	calls := map[string][]string{}
	for _, j := range jobs {
		if !j.module {
			continue
		}
		dir := filepath.Dir(j.paths[0])
		dirs[dir] = true
		for _, p := range j.paths {
			data, err := readInclude(p)
			if err != nil || !bytes.Contains(data, []byte("module")) {
				continue
			}
			calls[dir] = append(calls[dir], localModuleDirs(dir, p, data)...)
		}
	}
	isCalled := map[string]bool{}
	for _, targets := range calls {
		for _, t := range targets {
			isCalled[t] = true
		}
	}
	out := map[string]bool{}
	var visit func(dir string, depth int)
	visit = func(dir string, depth int) {
		if depth > maxModuleDepth {
			return
		}
		for _, t := range calls[dir] {
			if dirs[t] && !out[t] {
				out[t] = true
				visit(t, depth+1)
			}
		}
	}
	for dir := range dirs {
		if !isCalled[dir] {
			visit(dir, 0)
		}
	}
	return out
}

// localModuleDirs returns the directories that the module blocks of a .tf
// file call through a local path.
func localModuleDirs(dir, name string, data []byte) []string {
	if len(data) > maxHCLBytes {
		return nil
	}
	if _, _, ok := hclNesting(data); !ok {
		return nil
	}
	file, diags := hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	var out []string
	for _, blk := range body.Blocks {
		if blk.Type != "module" {
			continue
		}
		a := blk.Body.Attributes["source"]
		if a == nil {
			continue
		}
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
			continue
		}
		src := v.AsString()
		if strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") {
			out = append(out, filepath.Clean(filepath.Join(dir, filepath.FromSlash(src))))
		}
	}
	return out
}

// readError words an error reading a file without Go's "open x:" prefix.
func readError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
