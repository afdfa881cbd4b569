package iac

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/zclconf/go-cty/cty"
)

// skipDirs are the directories a walk does not enter: version control,
// dependencies and Terraform's own cache of modules and providers.
var skipDirs = map[string]bool{".git": true, "node_modules": true, ".terraform": true}

// Read reads a file, as [ReadFile] does, or every input under a directory,
// as [Walk] does: the files a walk passes over are among them, with
// [File.Skipped] saying why. It is [ReadWith] without values passed.
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
	if isTFConfig(path) {
		files, _ = walkJob{paths: []string{path}, module: true, explicit: true}.run(d)
	} else {
		data, err := ReadInput(path, maxInputBytes)
		if err != nil {
			return nil, err
		}
		f, _ := readBytesWith(path, data, readInclude, d)
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
// state; and, in each directory holding .tf or .tf.json files, those
// files as one Terraform module (one File per file).
// A file that mentions no app client is not read further, a JSON or YAML
// file of another kind is skipped, and the fragments a Serverless service
// includes are read as part of the service only (unless it takes only
// some of a file's resources). A file that looks like an input but cannot
// be read is returned with its Errors. A file is passed over only when
// reading it could find no app client: one whose text does not name a
// client is still read when a client could be spelled otherwise (escapes,
// a request's misspelt members).
//
// Links are followed, to files and directories alike; a link back to a
// directory that holds it is not followed. Every entry that cannot be
// read (a directory that cannot be listed, a broken link with an input's
// name, a named pipe or device with one, a loop of links) is returned as
// a File with its own path and Errors, and the walk goes on.
//
// Two kinds of file are passed over and handed to fn with [File.Skipped]
// saying why: a file over a size limit whose start does not look like an
// input (a package lock, an API description), and a user pool description,
// the AWS CLI's output that -pool reads, which is not used as the pool of
// the files beside it. A file over a size limit that does look like an
// input (a .tf file, a template's keys, an app-client resource type) stays
// an input error.
//
// A directory of .tf and .tf.json files is read as a root module, with the variable
// files Terraform loads (terraform.tfvars, terraform.tfvars.json,
// *.auto.tfvars[.json]) and the modules it calls: local paths, and those
// terraform init installed (.terraform/modules/modules.json). A module
// directory that a root of the walk calls is read through its callers,
// not again on its own. Likewise a template that a template of the walk
// nests (a local TemplateURL or Location) is read through the template
// that nests it, with the parameters passed, not again on its own; a
// template nested by none of the walk's is read on its own.
//
// Files are read concurrently, by as many workers as GOMAXPROCS, and
// handed to fn in order; at most a few files per worker are held in
// memory at once. Walk stops at the first error fn returns and returns
// it; the only other error is dir itself not being a readable directory.
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
	// Templates that nest stacks next, so that the templates nested
	// through them are known too.
	nested := nestedTemplates(jobs, done, d, workers)
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
				case len(j.paths) == 1 && nested[filepath.ToSlash(j.paths[0])]:
					// Read through the template that nests it.
				case j.serverless || done[i] != nil:
					files = done[i]
				case len(j.paths) == 1 && included[filepath.ToSlash(j.paths[0])]:
				case j.module && j.err == nil && called[filepath.Dir(j.paths[0])]:
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
// directory, or a place the walk could not read (err).
type walkJob struct {
	paths      []string
	module     bool
	serverless bool
	// err is why the walk could not read paths[0]: an unreadable
	// directory, a broken link, a named pipe.
	err error
	// explicit is true for a file named by the caller, read even when it
	// defines no client.
	explicit bool
	// skipped, when not "", is why the walk passes over paths[0] without
	// reading it: a link back to a directory the walk is in, whose files
	// it reads already.
	skipped string
}

// maxWalkEntries bounds the directory entries one walk visits, links to
// directories counted each time they are followed: links can make a
// small tree look exponentially large without a loop.
const maxWalkEntries = 1 << 20

// readDir lists a directory; tests replace it to make one fail.
var readDir = os.ReadDir

// walker lists the jobs of a walk.
type walker struct {
	jobs    []walkJob
	modules map[string]int
	entries int
}

// walkJobs lists the jobs under dir in path order. Links are followed,
// to files and directories alike; a link back to a directory that holds
// it is a loop, reported as a job with an error, as is a directory that
// cannot be read: the walk goes on with the rest. Only dir itself failing
// is an error.
func walkJobs(dir string) ([]walkJob, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, &fs.PathError{Op: "walk", Path: dir, Err: errors.New("not a directory")}
	}
	w := &walker{modules: map[string]int{}}
	if err := w.dir(dir, []fs.FileInfo{fi}); err != nil {
		return nil, err
	}
	return w.jobs, nil
}

// fail records that p could not be read.
func (w *walker) fail(p string, err error) {
	w.jobs = append(w.jobs, walkJob{paths: []string{p}, err: err})
}

// dir lists the jobs under the directory p, whose ancestors (p itself
// last) are given to detect loops.
func (w *walker) dir(p string, ancestors []fs.FileInfo) error {
	entries, err := readDir(p)
	if err != nil {
		if len(ancestors) == 1 {
			return err
		}
		// What was listed before the error is still read.
		w.fail(p, err)
	}
	for _, d := range entries {
		w.entries++
		if w.entries > maxWalkEntries {
			w.fail(p, fmt.Errorf("the walk stops after %d entries (links to directories counted each time they are followed)", maxWalkEntries))
			return nil
		}
		name := d.Name()
		full := filepath.Join(p, name)
		mode := d.Type()
		var target fs.FileInfo
		if mode&fs.ModeSymlink != 0 {
			target, err = os.Stat(full)
			if err != nil {
				if inputName(name) != "" {
					w.fail(full, linkError(err))
				}
				continue
			}
			mode = target.Mode().Type()
		}
		if mode.IsDir() {
			if skipDirs[name] {
				continue
			}
			if target != nil {
				if loop := loopsTo(target, ancestors); loop >= 0 {
					// Not an unreadable input: its files are read
					// already, under the directory it links to.
					w.jobs = append(w.jobs, walkJob{paths: []string{full},
						skipped: fmt.Sprintf("a link back to %s, which holds it: its files are read there", ancestorPath(full, len(ancestors)-loop))})
					continue
				}
			} else if target, err = os.Stat(full); err != nil {
				w.fail(full, err)
				continue
			}
			if err := w.dir(full, append(ancestors[:len(ancestors):len(ancestors)], target)); err != nil {
				return err
			}
			continue
		}
		kind := inputName(name)
		if kind == "" {
			continue
		}
		if !mode.IsRegular() {
			w.fail(full, notRegular(mode))
			continue
		}
		if kind == ".tf" {
			if i, ok := w.modules[p]; ok {
				w.jobs[i].paths = append(w.jobs[i].paths, full)
				continue
			}
			w.modules[p] = len(w.jobs)
			w.jobs = append(w.jobs, walkJob{paths: []string{full}, module: true})
			continue
		}
		w.jobs = append(w.jobs, walkJob{paths: []string{full}, serverless: kind == "serverless"})
	}
	return nil
}

// inputName says whether a walk reads a file of this name: ".tf" for a
// Terraform file, "serverless" for a Serverless service, "file" for any
// other JSON or YAML file, "" for none.
func inputName(name string) string {
	if strings.HasSuffix(strings.ToLower(name), ".tf.json") {
		return tfFileInput(name)
	}
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".tf":
		return tfFileInput(name)
	case ".json", ".yaml", ".yml", ".template", ".tfstate":
		if strings.TrimSuffix(strings.ToLower(name), ext) == "serverless" {
			return "serverless"
		}
		return "file"
	}
	return ""
}

// tfFileInput is inputName of a Terraform file: ".tf", or "" for one that
// Terraform itself ignores (a name that starts with a dot, as an editor's
// or a tool's hidden copy has it).
func tfFileInput(name string) string {
	if strings.HasPrefix(path.Base(name), ".") {
		return ""
	}
	return ".tf"
}

// loopsTo returns the index of the ancestor that fi is, or -1.
func loopsTo(fi fs.FileInfo, ancestors []fs.FileInfo) int {
	for i, a := range ancestors {
		if os.SameFile(fi, a) {
			return i
		}
	}
	return -1
}

// ancestorPath is the path of the directory up levels above p.
func ancestorPath(p string, up int) string {
	for range up {
		p = filepath.Dir(p)
	}
	return p
}

// linkError words the error of a link that leads nowhere.
func linkError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("a link to a file that does not exist")
	}
	return err
}

// markers are the texts an input with an app client holds: resource
// types, and the members every request has.
var markers = [][]byte{
	[]byte("UserPoolClient"), []byte("aws_cognito_user_pool_client"), []byte("aws_cognito_managed_user_pool_client"),
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

// mayHoldClient is the walk's pre-filter: it is false only for a file in
// which reading would find no app client, so that a walk never misses a
// client that reading the file by name finds (FuzzWalkPrefilter checks
// this). A file that mentions no client by its plain text is still read
// when a client could be spelled otherwise: a backslash may start an
// escape (JSON's \u0043, YAML's \x43), and a JSON object's members may
// make it a request, an update request or a described client by their
// names alone (decided by decoding them, as reading does). An empty JSON
// object, a request with nothing in it when read by name, is nothing in a
// walk.
func mayHoldClient(data []byte) bool {
	if mentionsClient(data) || bytes.IndexByte(data, '\\') >= 0 {
		return true
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(text) == 0 || text[0] != '{' {
		return false
	}
	// Not JSON (JSON with comments, say): reading it fails, or finds a
	// YAML template in flow style, whose clients have a marker.
	dec := json.NewDecoder(bytes.NewReader(text))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return false
		}
		if key == "ClientId" || requestKey(key) {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// run reads the job's files. It returns nil when they are no input, and
// the fragments a Serverless service included.
func (j walkJob) run(d *deployment) ([]*File, []string) {
	if j.skipped != "" {
		return []*File{{Name: j.paths[0], Skipped: j.skipped}}, nil
	}
	if j.err != nil {
		p := j.paths[0]
		return []*File{{Name: p, Errors: []*Error{{File: p, Message: readError(j.err)}}}}, nil
	}
	if j.module {
		return j.runModule(d), nil
	}
	p := j.paths[0]
	data, err := ReadInput(p, maxInputBytes)
	if why := skipReason(p, data, err); why != "" {
		return []*File{{Name: p, Skipped: why}}, nil
	}
	if err != nil {
		return []*File{{Name: p, Errors: []*Error{{File: p, Message: readError(err)}}}}, nil
	}
	mayHold := mayHoldClient(data)
	if !j.serverless && !mayHold && !nestsStacks(data) {
		return nil, nil
	}
	// The files read whole: the fragments a Serverless service reads all
	// the resources of (one it reads a part of, with a selector such as
	// :Resources.Client, is still read on its own), and the templates of
	// a template's nested stacks.
	var included []string
	include := func(p string, whole bool) ([]byte, error) {
		data, err := readInclude(p, whole)
		if err == nil && whole {
			included = append(included, filepath.ToSlash(p))
		}
		return data, err
	}
	f, notInput := readBytesWith(p, data, include, d)
	if notInput || (f.Kind == "" && len(f.Clients) == 0 && !mentionsClient(data) && (j.serverless || !nestsStacks(data))) {
		// Also a file that names no client and is not even read as
		// JSON or YAML (a template of another tool, with its own
		// directives), read only because a backslash might spell a
		// client: it spells none, and a walk has nothing to say of it.
		return nil, included
	}
	if !j.serverless && !mayHold && len(f.Clients) == 0 && !slices.ContainsFunc(f.Errors, func(e *Error) bool { return e.File != p }) {
		// A file that names no client, read for its nested stacks: when
		// their templates define none and cannot be read wrong, it has
		// nothing to say, as before it was read.
		return nil, included
	}
	return []*File{f}, included
}

// stackTypes are the resource types of nested stacks.
var stackTypes = [][]byte{[]byte("AWS::CloudFormation::Stack"), []byte("AWS::Serverless::Application")}

// nestsStacks reports whether a file may be a template with nested
// stacks, whose templates may define clients.
func nestsStacks(data []byte) bool {
	for _, t := range stackTypes {
		if bytes.Contains(data, t) {
			return true
		}
	}
	return false
}

// nestedTemplates reads, with as many workers as given, the files of a
// walk that may nest stacks (done holds what each read), and returns the
// templates a template of the walk that no other nests (a root) reads
// through its nested stacks, directly or through other nested stacks:
// those are read through their roots only, with the parameters passed to
// them. A template whose parent is not in the walk is still read on its
// own, and so are the templates of a cycle with no root.
func nestedTemplates(jobs []walkJob, done [][]*File, d *deployment, workers int) map[string]bool {
	reads := make([][]string, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				data, err := ReadInput(j.paths[0], maxInputBytes)
				if err != nil || !nestsStacks(data) {
					continue
				}
				done[i], reads[i] = j.run(d)
				if done[i] == nil {
					// Read, and nothing to show.
					done[i] = []*File{}
				}
			}
		}()
	}
	for i, j := range jobs {
		if !j.serverless && !j.module && j.err == nil && j.skipped == "" && len(j.paths) == 1 {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	isNested := map[string]bool{}
	for _, r := range reads {
		for _, p := range r {
			isNested[p] = true
		}
	}
	out := map[string]bool{}
	for i, r := range reads {
		if r != nil && !isNested[filepath.ToSlash(jobs[i].paths[0])] {
			for _, p := range r {
				out[p] = true
			}
		}
	}
	return out
}

// runModule reads the .tf files of one directory as a module. A file that
// cannot be opened is reported on its own and the others are read; a
// module whose files hold more than maxModuleBytes in all is reported as a
// whole, under its directory's name, and not parsed.
func (j walkJob) runModule(d *deployment) []*File {
	var out []*File
	srcs := make([]tfSource, 0, len(j.paths))
	total := 0
	for _, p := range j.paths {
		data, err := ReadInput(p, maxInputBytes)
		if err != nil {
			out = append(out, &File{Name: p, Kind: KindTerraformConfig, Errors: []*Error{{File: p, Message: readError(err)}}})
			continue
		}
		if len(data) <= maxHCLBytes {
			// A larger file is refused by the parser, unread.
			total += len(data)
		}
		srcs = append(srcs, tfSource{name: p, data: data})
	}
	if !j.explicit && !tfMayHoldClients(srcs) {
		return out
	}
	if total > maxModuleBytes {
		dir := filepath.Dir(j.paths[0])
		return append(out, &File{Name: dir, Kind: KindTerraformConfig, Errors: []*Error{{File: dir,
			Message: fmt.Sprintf("the module's .tf files hold %d KiB in all, more than the %d KiB a module may", (total+1023)>>10, maxModuleBytes>>10)}}})
	}
	files := d.readRoot(filepath.Dir(j.paths[0]), srcs)
	if !j.explicit && !worthShowing(files) {
		return out
	}
	// In path order, the unreadable files among the root's; then the
	// files of the modules it calls, in the order they are called.
	n := 0
	for _, f := range files {
		if filepath.Dir(f.Name) == filepath.Dir(j.paths[0]) {
			n++
		}
	}
	out = append(out, files[:n]...)
	slices.SortStableFunc(out, func(a, b *File) int { return strings.Compare(a.Name, b.Name) })
	return append(out, files[n:]...)
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
// their callers. A called directory that is a root module as well (it
// configures a backend, or holds variable files Terraform loads only in a
// root) is also read on its own, as its own deployment.
func calledDirs(jobs []walkJob) map[string]bool {
	dirs := map[string]bool{}
	calls := map[string][]string{}
	ownRoot := map[string]bool{}
	for _, j := range jobs {
		if !j.module || j.err != nil {
			continue
		}
		dir := filepath.Dir(j.paths[0])
		dirs[dir] = true
		if len(autoVarFiles(dir)) > 0 {
			ownRoot[dir] = true
		}
		for _, p := range j.paths {
			data, err := ReadInput(p, maxInputBytes)
			if err != nil {
				continue
			}
			if !ownRoot[dir] && (bytes.Contains(data, []byte("backend")) || bytes.Contains(data, []byte("cloud"))) && declaresBackend(p, data) {
				ownRoot[dir] = true
			}
			if bytes.Contains(data, []byte("module")) {
				calls[dir] = append(calls[dir], localModuleDirs(dir, p, data)...)
			}
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
	for dir := range ownRoot {
		delete(out, dir)
	}
	return out
}

// declaresBackend reports whether a .tf or .tf.json file configures where
// a root module keeps its state: a backend or cloud block in a terraform
// block, which Terraform reads only in a root module.
func declaresBackend(name string, data []byte) bool {
	body := parseTFBody(name, data)
	if body == nil {
		return false
	}
	for _, blk := range body.Blocks {
		if blk.Type != "terraform" {
			continue
		}
		for _, inner := range blk.Body.Blocks {
			if inner.Type == "backend" || inner.Type == "cloud" {
				return true
			}
		}
	}
	return false
}

// localModuleDirs returns the directories that the module blocks of a .tf
// or .tf.json file call through a local path.
func localModuleDirs(dir, name string, data []byte) []string {
	body := parseTFBody(name, data)
	if body == nil {
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
		if localSource(src) {
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
