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
)

// skipDirs are the directories a walk does not enter: version control,
// dependencies and Terraform's own cache of modules and providers.
var skipDirs = map[string]bool{".git": true, "node_modules": true, ".terraform": true}

// Read reads a file, as [ReadFile] does, or every input under a directory,
// as [Walk] does.
func Read(path string) ([]*File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		f, err := ReadFile(path)
		if err != nil {
			return nil, err
		}
		return []*File{f}, nil
	}
	var out []*File
	err = Walk(path, func(f *File) error {
		out = append(out, f)
		return nil
	})
	return out, err
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
// Two kinds of file are passed over and handed to fn with [File.Skipped]
// saying why: a file over a size limit whose start does not look like an
// input (a package lock, an API description), and a user pool description,
// the AWS CLI's output that -pool reads, which is not used as the pool of
// the files beside it. A file over a size limit that does look like an
// input (a .tf file, a template's keys, an app-client resource type) stays
// an input error.
//
// Files are read concurrently, by as many workers as GOMAXPROCS, and
// handed to fn in order; at most a few files per worker are held in
// memory at once. Walk stops at the first error fn returns, or the first
// error walking the tree, and returns it.
func Walk(dir string, fn func(*File) error) error {
	jobs, err := walkJobs(dir)
	if err != nil {
		return err
	}
	// Serverless services first, so that the fragments they include are
	// known before those files are reached.
	included := map[string]bool{}
	done := make([][]*File, len(jobs))
	for i, j := range jobs {
		if j.serverless {
			var inc []string
			done[i], inc = j.run()
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
				default:
					files, _ = j.run()
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
	return ferr
}

// walkJob is one unit of a walk: one file, or the .tf files of one
// directory.
type walkJob struct {
	paths      []string
	module     bool
	serverless bool
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
func (j walkJob) run() ([]*File, []string) {
	if j.module {
		srcs := make([]tfSource, 0, len(j.paths))
		any := false
		for _, p := range j.paths {
			data, err := readInclude(p)
			if err != nil {
				return []*File{{Name: p, Kind: KindTerraformConfig, Errors: []*Error{{File: p, Msg: readError(err)}}}}, nil
			}
			any = any || bytes.Contains(data, []byte("aws_cognito_user_pool_client"))
			srcs = append(srcs, tfSource{name: p, data: data})
		}
		if !any {
			return nil, nil
		}
		return readTerraform(srcs), nil
	}
	p := j.paths[0]
	data, err := readInclude(p)
	if why := skipReason(p, data, err); why != "" {
		return []*File{{Name: p, Skipped: why}}, nil
	}
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

// readError words an error reading a file without Go's "open x:" prefix.
func readError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
