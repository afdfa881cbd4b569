package iac

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// Values are the values a deployment passes, which reading uses where the
// files fall back on defaults: Terraform variables, CloudFormation
// parameters, a SAM configuration environment and a Serverless stage. The
// zero Values, like a nil *Values, passes nothing: Terraform's
// terraform.tfvars, terraform.tfvars.json and *.auto.tfvars[.json], SAM's
// samconfig.toml and a Serverless service's own provider.stage are still
// read, as the tools read them without being told.
type Values struct {
	// Vars are Terraform's -var-file and -var arguments, in command-line
	// order: a later one wins. They apply to every root module read.
	Vars []Var
	// Env is the environment as os.Environ returns it, for Terraform's
	// TF_VAR_name variables; nil reads none.
	Env []string
	// Parameters is a CloudFormation parameter file: the create-stack list
	// [{"ParameterKey": ..., "ParameterValue": ...}], a template
	// configuration {"Parameters": {...}}, or a flat {"Key": "Value"}
	// object. "" reads none.
	Parameters string
	// ConfigEnv is the environment of SAM's samconfig.toml (or
	// samconfig.yaml) beside a template whose parameter_overrides apply;
	// "" means "default".
	ConfigEnv string
	// Stage is the Serverless stage; "" means the service's provider.stage,
	// else "dev", as the Framework decides.
	Stage string
}

// Var is one Terraform -var-file or -var argument.
type Var struct {
	// File is the file a -var-file names; "" for a -var.
	File string
	// Name and Value are those of a -var NAME=VALUE. Value is read as
	// Terraform reads it: as it is for a string variable (or one without a
	// type), as an HCL expression otherwise.
	Name, Value string
}

// deployment is Values read: the -var-files parsed once for every root.
type deployment struct {
	vals *Values
	// cmdline are the -var-file and -var values, in order.
	cmdline []map[string]tfInput
	// env are the TF_VAR_ variables.
	env map[string]tfInput
	// params are the -parameters file's values.
	params map[string]passedParam

	mu sync.Mutex
	// used are the -var names that some root module declares.
	used map[string]bool
}

// newDeployment reads the files that vals names. An error names the file
// and line.
func newDeployment(vals *Values) (*deployment, error) {
	d := &deployment{vals: vals, used: map[string]bool{}, env: map[string]tfInput{}}
	if vals == nil {
		return d, nil
	}
	for _, kv := range vals.Env {
		name, value, ok := strings.Cut(kv, "=")
		if v, isVar := strings.CutPrefix(name, "TF_VAR_"); ok && isVar && v != "" {
			d.env[v] = tfInput{raw: value, hasRaw: true, srcs: []tfSrc{{origin: Origin{Source: name}}}}
		}
	}
	if vals.Parameters != "" {
		p, err := readParameterFile(vals.Parameters)
		if err != nil {
			return nil, err
		}
		d.params = p
	}
	for _, v := range vals.Vars {
		if v.File == "" {
			d.cmdline = append(d.cmdline, map[string]tfInput{v.Name: {raw: v.Value, hasRaw: true,
				srcs: []tfSrc{{origin: Origin{Source: "-var " + v.Name}}}}})
			continue
		}
		data, err := ReadInput(v.File, maxInputBytes)
		if err != nil {
			return nil, &Error{File: v.File, Message: "-var-file: " + readError(err)}
		}
		in, perr := parseVarFile(v.File, data, "-var-file "+v.File)
		if perr != nil {
			return nil, perr
		}
		d.cmdline = append(d.cmdline, in)
	}
	return d, nil
}

// rootInputs returns the values assigned to the variables of the root
// module in dir, in Terraform's precedence: TF_VAR_ variables, then
// terraform.tfvars, terraform.tfvars.json, *.auto.tfvars and
// *.auto.tfvars.json in name order, then -var-file and -var in order. A
// tfvars file that cannot be read comes back as a File with Errors.
func (d *deployment) rootInputs(dir string) (map[string]tfInput, []*File) {
	out := map[string]tfInput{}
	for k, v := range d.env {
		out[k] = v
	}
	var bad []*File
	for _, p := range autoVarFiles(dir) {
		data, err := ReadInput(p, maxInputBytes)
		if err != nil {
			bad = append(bad, &File{Name: p, Kind: KindTerraformConfig, Errors: []*Error{{File: p, Message: readError(err)}}})
			continue
		}
		in, perr := parseVarFile(p, data, filepath.Base(p))
		if perr != nil {
			bad = append(bad, &File{Name: p, Kind: KindTerraformConfig, Errors: []*Error{perr}})
			continue
		}
		for k, v := range in {
			out[k] = v
		}
	}
	for _, in := range d.cmdline {
		for k, v := range in {
			out[k] = v
		}
	}
	return out, bad
}

// autoVarFiles lists the variable files Terraform loads from a root
// module's directory without being told, in the order it loads them.
func autoVarFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var auto []string
	var out []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		switch name := e.Name(); {
		case name == "terraform.tfvars", name == "terraform.tfvars.json":
			out = append(out, filepath.Join(dir, name))
		case strings.HasSuffix(name, ".auto.tfvars"), strings.HasSuffix(name, ".auto.tfvars.json"):
			auto = append(auto, filepath.Join(dir, name))
		}
	}
	sort.Strings(out) // terraform.tfvars before terraform.tfvars.json
	sort.Strings(auto)
	return append(out, auto...)
}

// parseVarFile reads a .tfvars file (HCL) or a .tfvars.json file: NAME =
// VALUE, literal values only. source names it in messages.
func parseVarFile(name string, data []byte, source string) (map[string]tfInput, *Error) {
	if len(data) > maxHCLBytes {
		return nil, &Error{File: name, Message: fmt.Sprintf("variables file larger than %d KiB", maxHCLBytes>>10)}
	}
	if pos, msg, ok := hclNesting(name, data); !ok {
		return nil, &Error{File: name, Pos: pos, Message: msg}
	}
	var file *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(name, ".json") {
		file, diags = hcljson.Parse(data, name)
	} else {
		file, diags = hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	}
	if err := firstError(name, diags); err != nil {
		return nil, err
	}
	attrs, diags := file.Body.JustAttributes()
	if err := firstError(name, diags); err != nil {
		return nil, err
	}
	out := map[string]tfInput{}
	for n, a := range attrs {
		v, diags := a.Expr.Value(nil)
		if err := firstError(name, diags); err != nil {
			return nil, err
		}
		if !small(v) {
			return nil, &Error{File: name, Pos: hclPos(a.Range.Start), Message: fmt.Sprintf("value of %s larger than %d values or %d bytes", n, maxEvalElems, maxEvalBytes)}
		}
		out[n] = tfInput{val: v, srcs: []tfSrc{{origin: Origin{Source: source, File: name, Pos: hclPos(a.Range.Start)}}}}
	}
	return out, nil
}

// firstError returns the first error of diags as an Error, or nil.
func firstError(name string, diags hcl.Diagnostics) *Error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		e := &Error{File: name, Message: strings.TrimSuffix(d.Summary, ".")}
		if d.Detail != "" {
			e.Message += ": " + lowerFirst(strings.TrimSuffix(d.Detail, "."))
		}
		if d.Subject != nil {
			e.Pos = hclPos(d.Subject.Start)
		}
		return e
	}
	return nil
}

// use records that a root module declares a variable.
func (r *tfRoot) use(name string, call *tfCall) {
	if call.prefix == "" && r.used != nil {
		r.used(name)
	}
}

// markUsed records a variable a root module declares.
func (d *deployment) markUsed(name string) {
	d.mu.Lock()
	d.used[name] = true
	d.mu.Unlock()
}

// unusedVar returns the -var values that name no variable of any root
// module read, as a usage error, or nil.
func (d *deployment) unusedVar() error {
	if d.vals == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	var unused []string
	for _, v := range d.vals.Vars {
		if v.File == "" && !d.used[v.Name] && !slices.Contains(unused, v.Name) {
			unused = append(unused, v.Name)
		}
	}
	if len(unused) == 0 {
		return nil
	}
	return &UsageError{Message: UnusedVarMessage(unused[0]), Vars: unused}
}

// UnusedVarMessage is the message of a -var that names no variable of a
// root module.
func UnusedVarMessage(name string) string {
	return fmt.Sprintf("-var %s: no root module declares a variable %q", name, name)
}

// UsageError is an error in the values given to read with, such as a -var
// that names no variable: the command line is wrong, as Terraform says
// of it.
type UsageError struct {
	Message string
	// Vars are the names of the -var values that no root module read
	// declares, in the order given. A caller that reads several paths
	// with the same values refuses only those no path declares.
	Vars []string
}

func (e *UsageError) Error() string { return e.Message }

// readRoot reads .tf files of one directory as a root module, with the
// values the deployment assigns and the modules it calls.
func (d *deployment) readRoot(dir string, srcs []tfSource) []*File {
	inputs, bad := d.rootInputs(dir)
	root := &tfRoot{dir: dir, manifest: readManifest(dir), used: d.markUsed}
	files := readModuleCall(srcs, &tfCall{root: root, dir: dir, inputs: inputs})
	return append(files, bad...)
}

// stage returns the Serverless stage given, "" for none.
func (d *deployment) stage() string {
	if d == nil || d.vals == nil {
		return ""
	}
	return d.vals.Stage
}
