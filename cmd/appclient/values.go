package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/cognitokit/appclient/iac"
)

// valueFlags are validate's flags for the values a deployment passes,
// spelled as the deploying tools spell them.
type valueFlags struct {
	vals iac.Values
}

// varFileFlag is -var-file FILE; varFlag is -var NAME=VALUE. Both append
// to one list, since Terraform applies them in command-line order.
type varFileFlag struct{ v *valueFlags }
type varFlag struct{ v *valueFlags }

func (f varFileFlag) String() string { return "" }
func (f varFileFlag) Set(name string) error {
	if name == "" {
		return fmt.Errorf("-var-file needs a file name")
	}
	f.v.vals.Vars = append(f.v.vals.Vars, iac.Var{File: name})
	return nil
}

func (f varFlag) String() string { return "" }
func (f varFlag) Set(kv string) error {
	name, value, ok := strings.Cut(kv, "=")
	if !ok || strings.TrimSpace(name) == "" {
		return fmt.Errorf("-var %q: want NAME=VALUE", kv)
	}
	f.v.vals.Vars = append(f.v.vals.Vars, iac.Var{Name: strings.TrimSpace(name), Value: value})
	return nil
}

// addValueFlags defines -var-file, -var, -parameters, -config-env and
// -stage on fs.
func addValueFlags(fs *flag.FlagSet) *valueFlags {
	v := &valueFlags{}
	fs.Var(varFileFlag{v}, "var-file", "read root modules' Terraform variables from `FILE` (repeatable; with\n-var, the later wins); terraform.tfvars, *.auto.tfvars and TF_VAR_\nvariables are read unasked, as Terraform reads them")
	fs.Var(varFlag{v}, "var", "set a root module's Terraform variable, `NAME=VALUE` (repeatable)")
	fs.StringVar(&v.vals.Parameters, "parameters", "", "read CloudFormation parameters from `FILE`: create-stack's list of\nParameterKey and ParameterValue, {\"Parameters\": {...}}, or {\"Key\": \"Value\"};\nthey win over samconfig's parameter_overrides")
	fs.StringVar(&v.vals.Stage, "stage", "", "the Serverless `STAGE`: ${sls:stage}, ${opt:stage} and params (default: the\nservice's provider.stage, else dev)")
	fs.StringVar(&v.vals.ConfigEnv, "config-env", "", "the `NAME` of the environment of SAM's samconfig.toml (or .yaml) beside\neach template whose parameter_overrides apply (default \"default\")")
	return v
}
