package iac

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient/iac/internal/tree"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Budgets of the Terraform evaluator. Each expression is evaluated under
// explicit budgets; one that would go over is an input error of the file
// that holds it, naming the expression, and its value is unknown. What
// each function call or operation may build is estimated from its
// arguments before it runs, so that nothing over budget is ever built.
const (
	// maxEvalBuild is the most bytes of values one expression may build,
	// every intermediate value counted.
	maxEvalBuild = 1 << 20
	// maxEvalSteps is the most function calls and operations one
	// expression may run.
	maxEvalSteps = 10000
	// maxTemplateBuild and maxTemplateSteps are the most text all the
	// Ref, Fn::Sub and Fn::Join of one CloudFormation template may build,
	// and the most values they may read, in all.
	maxTemplateBuild = 64 << 20
	maxTemplateSteps = 1 << 20
	// maxModuleBuild is the most bytes of values all the expressions of a
	// root module and of the module instances it calls may build in all.
	maxModuleBuild = 256 << 20
	// maxModuleSteps is the most syntax nodes, function calls and
	// operations the evaluations of a root module and of the module
	// instances it calls may visit and run in all,
	// each evaluation counting evalOverhead more (locals are evaluated in
	// rounds until they settle).
	maxModuleSteps = 1 << 20
	evalOverhead   = 4
	// maxNumberBits bounds the binary exponent of a number: about 1,000
	// decimal digits either side of the point. Writing a number as text
	// costs time in proportion to its digits, and more.
	maxNumberBits = 3400
	// maxTreeBytes is the most bytes of .tf files a root module and the
	// module instances it calls may parse in all, each instance counted.
	maxTreeBytes = 2 * maxModuleBytes
)

// errOverBudget is wrapped by every error of a budget.
var errOverBudget = errors.New("over budget")

// budgetError says which budget an expression went over.
type budgetError struct{ msg string }

func (e *budgetError) Error() string { return e.msg }
func (e *budgetError) Unwrap() error { return errOverBudget }

func overBudget(format string, args ...any) error {
	return &budgetError{msg: fmt.Sprintf(format, args...)}
}

// budgetTotals is what a root module, and every instance of the modules it
// calls, have spent in all.
type budgetTotals struct {
	// totalSteps and totalBuilt are those of the evaluations.
	totalSteps, totalBuilt int
	// parsed is the bytes of .tf files parsed, each module instance
	// counted.
	parsed int
	// exhausted is set once the budget is spent: nothing more is
	// evaluated.
	exhausted bool
}

// evalBudget is what a module's evaluations have spent.
type evalBudget struct {
	// steps and built are those of the expression being evaluated.
	steps, built int
	// budgetTotals are those of the root module and the modules it calls,
	// shared by them all.
	*budgetTotals
	// over is why the expression being evaluated went over a budget, or
	// nil.
	over error
	// ops are the guarded operations, by the operation they guard.
	ops map[*hclsyntax.Operation]*hclsyntax.Operation
	// guarded are the guarded operations themselves.
	guarded map[*hclsyntax.Operation]bool
}

// start begins the evaluation of one expression.
func (b *evalBudget) start() {
	b.steps, b.built, b.over = 0, 0, nil
}

// spend charges one step that builds up to size bytes, and fails, without
// charging, when that would go over a budget. The first failure of an
// expression is kept in b.over: a function whose error HCL turns into a
// diagnostic still stops the expression.
func (b *evalBudget) spend(what string, size int) error {
	switch {
	case b.over != nil:
		return b.over
	case b.steps+1 > maxEvalSteps:
		b.over = overBudget("runs more than %d function calls and operations", maxEvalSteps)
	case size > maxEvalBuild-b.built:
		b.over = overBudget("%s would build more than %d KiB of values (the most one expression may build)", what, maxEvalBuild>>10)
	case size > maxModuleBuild-b.totalBuilt:
		b.over = overBudget("%s would take the values the module's expressions build past %d MiB in all", what, maxModuleBuild>>20)
		b.exhausted = true
	default:
		b.steps++
		b.totalSteps++
		b.built += size
		b.totalBuilt += size
		return nil
	}
	return b.over
}

// valueCost returns the bytes a value holds, counting 16 bytes for each
// element and member besides its text, and stopping once it passes limit.
// big is true when the value holds a number over maxNumberBits.
func valueCost(v cty.Value, limit int) (cost int, big bool) {
	var walk func(cty.Value, int)
	walk = func(v cty.Value, depth int) {
		cost += 16
		if cost > limit || big || v.IsNull() || !v.IsKnown() || depth > tree.MaxDepth*4 {
			return
		}
		t := v.Type()
		switch {
		case t == cty.String:
			cost += len(v.AsString())
		case t == cty.Number:
			bits, ok := numberBits(v)
			big = !ok
			cost += bits / 3
		case t.IsListType() || t.IsSetType() || t.IsTupleType() || t.IsMapType() || t.IsObjectType():
			for it := v.ElementIterator(); it.Next() && cost <= limit && !big; {
				k, e := it.Element()
				if t.IsMapType() || t.IsObjectType() {
					cost += len(k.AsString())
				}
				walk(e, depth+1)
			}
		}
	}
	walk(v, 0)
	return cost, big
}

// numberBits returns the size of a known number's binary exponent, and
// whether it is within maxNumberBits.
func numberBits(v cty.Value) (int, bool) {
	f := v.AsBigFloat()
	if f.IsInf() {
		return 0, false
	}
	e := f.MantExp(nil)
	if e < 0 {
		e = -e
	}
	return e, e <= maxNumberBits
}

// argsCost is the cost of the arguments of a call, the largest one's too.
func argsCost(args []cty.Value) (sum, largest int) {
	for _, a := range args {
		c, _ := valueCost(a, maxEvalBuild+1)
		sum += c
		largest = max(largest, c)
	}
	return sum, largest
}

// estimate bounds the bytes a call of the named function may build from
// args, before it runs. Most functions build at most a copy of their
// arguments; those that can multiply their input are bounded from the
// input itself.
func estimate(name string, args []cty.Value) int {
	sum, _ := argsCost(args)
	str := func(i int) string {
		if i < len(args) && args[i].IsKnown() && !args[i].IsNull() && args[i].Type() == cty.String {
			return args[i].AsString()
		}
		return ""
	}
	switch name {
	case "replace":
		s, old, repl := str(0), str(1), str(2)
		n := utf8.RuneCountInString(s) + 1
		if !(len(old) > 1 && old[0] == '/' && old[len(old)-1] == '/') {
			if old != "" {
				n = strings.Count(s, old)
			}
			return len(s) + n*(len(repl)+16)
		}
		// A regular expression: each match is replaced, and each "$1" of
		// the replacement may stand for the whole string.
		per := len(repl) + 16
		if strings.Contains(repl, "$") {
			per *= len(s) + 1
		}
		return len(s) + n*per
	case "join":
		if len(args) > 1 {
			elems := 0
			for _, a := range args[1:] {
				if a.IsKnown() && !a.IsNull() && a.CanIterateElements() {
					elems += a.LengthInt()
				}
			}
			return sum + elems*len(str(0))
		}
	case "split":
		return sum + (len(str(1))+1)*16
	case "regex", "regexall":
		s, pattern := str(1), str(0)
		groups := 1
		if re, err := regexp.Compile(pattern); err == nil {
			groups += re.NumSubexp()
		}
		matches := 1
		if name == "regexall" {
			matches = len(s) + 1
		}
		return sum + matches*groups*(len(s)+16)
	case "jsonencode":
		// "\u0000" for each byte at worst.
		return 6*sum + 16
	case "jsondecode":
		// Each byte of JSON may become a value of its own.
		return 8 * sum
	case "upper", "lower", "title":
		return 3*sum + 16
	case "format":
		// The widths are bounded (boundedFormat); each verb may write one
		// argument.
		return sum + strings.Count(str(0), "%")*1000
	}
	return 2*sum + 16
}

// guardFunctions returns the functions with each call charged to b:
// refused when what it may build goes over budget, and its result refused
// when it holds a number too large to write.
func guardFunctions(funcs map[string]function.Function, b *evalBudget) map[string]function.Function {
	out := make(map[string]function.Function, len(funcs))
	for name, f := range funcs {
		out[name] = guardFunction(name, f, b)
	}
	return out
}

func guardFunction(name string, f function.Function, b *evalBudget) function.Function {
	return function.New(&function.Spec{
		Params:   f.Params(),
		VarParam: f.VarParam(),
		Type: func(args []cty.Value) (cty.Type, error) {
			// jsondecode decodes its argument to find its type, with a
			// recursive decoder.
			if name == "jsondecode" && len(args) == 1 && args[0].IsKnown() && !args[0].IsNull() &&
				args[0].Type() == cty.String && jsonDepth(args[0].AsString()) > tree.MaxDepth {
				if b.over == nil {
					b.over = overBudget("jsondecode() reads JSON nested deeper than %d levels", tree.MaxDepth)
				}
				return cty.NilType, b.over
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
			call := name + "()"
			if err := b.spend(call, estimate(name, args)); err != nil {
				return cty.UnknownVal(ret), err
			}

			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			if _, big := valueCost(v, maxEvalBuild+1); big {
				b.over = overBudget("%s returns a number with more than %d binary digits of exponent", call, maxNumberBits)
				return cty.UnknownVal(ret), b.over
			}
			return v, nil
		},
	})
}

// guardOp returns the operation op with each use charged to b and its
// number results bounded.
func (b *evalBudget) guardOp(op *hclsyntax.Operation) *hclsyntax.Operation {
	if b.guarded[op] {
		return op
	}
	if g, ok := b.ops[op]; ok {
		return g
	}
	if b.ops == nil {
		b.ops = map[*hclsyntax.Operation]*hclsyntax.Operation{}
		b.guarded = map[*hclsyntax.Operation]bool{}
	}
	impl := op.Impl
	g := &hclsyntax.Operation{Type: op.Type, ShortCircuit: op.ShortCircuit}
	g.Impl = function.New(&function.Spec{
		Params:   impl.Params(),
		VarParam: impl.VarParam(),
		Type:     impl.ReturnTypeForValues,
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
			if err := b.spend("an operator", 16); err != nil {
				return cty.UnknownVal(ret), err
			}
			v, err := impl.Call(args)
			if err != nil {
				return v, err
			}
			if v.IsKnown() && !v.IsNull() && v.Type() == cty.Number {
				if _, ok := numberBits(v); !ok {
					b.over = overBudget("an operator makes a number with more than %d binary digits of exponent", maxNumberBits)
					return cty.UnknownVal(ret), b.over
				}
			}
			return v, nil
		},
	})
	b.ops[op] = g
	b.guarded[g] = true
	return g
}

// prepare readies an expression for evaluation under b: its operators are
// guarded and its number literals checked. It returns the number of syntax
// nodes, whether the expression loops (a for expression or a template for
// directive, not evaluated), and the error of a literal over a budget.
func (b *evalBudget) prepare(expr hclsyntax.Expression) (nodes int, loops bool, err error) {
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		nodes++
		switch n := n.(type) {
		case *hclsyntax.ForExpr, *hclsyntax.TemplateJoinExpr:
			loops = true
		case *hclsyntax.BinaryOpExpr:
			n.Op = b.guardOp(n.Op)
		case *hclsyntax.UnaryOpExpr:
			n.Op = b.guardOp(n.Op)
		case *hclsyntax.LiteralValueExpr:
			if err == nil && n.Val.IsKnown() && !n.Val.IsNull() && n.Val.Type() == cty.Number {
				if _, ok := numberBits(n.Val); !ok {
					err = overBudget("the number at line %d, column %d is too large to evaluate (its exponent has more than %d binary digits)",
						n.SrcRange.Start.Line, n.SrcRange.Start.Column, maxNumberBits)
				}
			}
		}
		return nil
	})
	return nodes, loops, err
}

// jsonDepth returns how deep the arrays and objects of a JSON text nest,
// strings left out.
func jsonDepth(text string) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}
