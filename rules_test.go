package appclient

import (
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRuleTable checks that every entry of the table is complete, so that a
// rule added as one entry has everything Validate, Lint, Rules and the
// command read: an id used once, a severity, help, the members it reads, and
// a check (for the kinds of model constraint, a struct tag that reports it).
func TestRuleTable(t *testing.T) {
	// The kinds of model constraint that the tags report (see
	// appendModelError): required; min and max as length, list-size or
	// range; oneof and authflow as enum; the pattern tags as pattern.
	tagRules := map[string]bool{RuleRequired: true, RuleLength: true, RuleListSize: true, RuleRange: true, RuleEnum: true}
	if len(patternTags) > 0 {
		tagRules[RulePattern] = true
	}
	ids, codes := map[string]bool{}, map[string]bool{}
	for _, r := range ruleTable {
		if ids[r.ID] {
			t.Errorf("%s: id used twice", r.ID)
		}
		ids[r.ID] = true
		if r.Code != "" && codes[r.Code] {
			t.Errorf("%s: code %s used twice", r.ID, r.Code)
		}
		codes[r.Code] = true
		if r.Summary == "" || r.Help == "" || r.inputs == nil {
			t.Errorf("%s: lacks summary, help or inputs", r.ID)
		}
		if got := r.Inputs("X"); len(got) == 0 {
			t.Errorf("%s: Inputs reads nothing", r.ID)
		}
		switch r.Evidence {
		case EvidenceSeen, EvidenceDocumented, EvidenceInferred:
		default:
			t.Errorf("%s: evidence %q", r.ID, r.Evidence)
		}
		if r.Severity == SeverityError && r.Evidence == EvidenceInferred {
			t.Errorf("%s: an inferred rule is an error", r.ID)
		}
		switch r.Severity {
		case SeverityError:
			// dependency-order's exception is that of the rule it leads to.
			if r.Exception == "" && r.ID != RuleDependencyOrder || r.Err == nil {
				t.Errorf("%s: an error without exception or sentinel", r.ID)
			}
		case SeverityWarning:
			if r.Err != nil {
				t.Errorf("%s: a warning with a sentinel", r.ID)
			}
		default:
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		switch r.Scope {
		case ScopeModel:
			if r.check != nil || r.Code != "" || !tagRules[r.ID] {
				t.Errorf("%s: a model constraint needs a tag that reports it, and neither check nor code", r.ID)
			}
		case ScopeRequest:
			if r.check == nil || r.poolCheck != nil || r.Code == "" {
				t.Errorf("%s: lacks a check or a rule-book code, or has a pool check", r.ID)
			}
		case ScopePool:
			if r.poolCheck == nil || r.check != nil || r.Code == "" {
				t.Errorf("%s: lacks a pool check or a rule-book code, or has a request check", r.ID)
			}
		case ScopeTemplate:
			// Package iac decides these over a template's resources, so
			// their entries have no check: dependency-order (P6) and the
			// template advisories terraform-empty-list (W21) and
			// managed-login-without-branding (W22).
			switch r.ID {
			case RuleDependencyOrder, RuleTerraformEmptyList, RuleManagedLoginWithoutBranding:
			default:
				t.Errorf("%s: a template rule that package iac does not decide", r.ID)
			}
			if r.check != nil || r.poolCheck != nil || r.Code == "" {
				t.Errorf("%s: a template rule with a check here, or without a rule-book code", r.ID)
			}
		default:
			t.Errorf("%s: scope %q", r.ID, r.Scope)
		}
	}
	if diff := cmp.Diff(ruleTable, Rules(), cmp.Comparer(func(a, b RuleInfo) bool { return a.ID == b.ID })); diff != "" {
		t.Errorf("Rules() mismatch with the table (-table +Rules):\n%s", diff)
	}
}

// TestRuleConstantsInTable: every Rule* constant of patterns.go (the model's
// kinds) and rules.go (the others) names an entry of the table, in its order,
// and every entry has its constant.
func TestRuleConstantsInTable(t *testing.T) {
	var decls []ast.Decl
	for _, file := range []string{"patterns.go", "rules.go"} {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		decls = append(decls, f.Decls...)
	}
	var consts []string
	for _, d := range decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, "Rule") || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					t.Errorf("%s is not a string literal", name.Name)
					continue
				}
				consts = append(consts, constant.StringVal(constant.MakeFromLiteral(lit.Value, lit.Kind, 0)))
			}
		}
	}
	var ids []string
	for _, r := range ruleTable {
		ids = append(ids, r.ID)
	}
	if diff := cmp.Diff(ids, consts); diff != "" {
		t.Errorf("rule constants mismatch with the table, in order (-table +constants):\n%s", diff)
	}
}

// TestAddingARule shows that a rule is one table entry plus its check: an
// entry appended to the table, with nothing else, is run by Validate (error)
// or Lint (warning), listed by Rules, and answers Inputs.
func TestAddingARule(t *testing.T) {
	saved := ruleTable
	defer func() { ruleTable = saved; indexRules() }()
	ruleTable = append(slices.Clip(saved),
		RuleInfo{ID: "test-error", Code: "X1", Severity: SeverityError, Scope: ScopeRequest, Exception: ExceptionInvalidParameter, Err: ErrRequired,
			Summary: "s", Help: "h", inputs: with("ClientName"),
			check: func(r *CreateUserPoolClientRequest) (f findings) {
				f.add("UserPoolId", r.UserPoolID, "test")
				return
			}},
		RuleInfo{ID: "test-warning", Code: "X2", Severity: SeverityWarning, Scope: ScopeRequest,
			Summary: "s", Help: "h", inputs: self,
			check: func(r *CreateUserPoolClientRequest) (f findings) {
				f.add("ClientName", r.ClientName, "test")
				return
			}},
	)
	indexRules() // as package initialisation does
	r := quietWebApp()
	want := []violation{{"UserPoolId", "test-error", ipe}}
	if diff := cmp.Diff(want, violations(t, r.Validate())); diff != "" {
		t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
	}
	wantAdv := []advisory{{"ClientName", "test-warning", r.ClientName}}
	if diff := cmp.Diff(wantAdv, advisories(r.Lint())); diff != "" {
		t.Errorf("Lint() mismatch (-want +got):\n%s", diff)
	}
	rules := Rules()
	if got := rules[len(rules)-1]; got.ID != "test-warning" || !slices.Equal(got.Inputs("F"), []string{"F"}) {
		t.Errorf("Rules() ends with %s, inputs %q", got.ID, got.Inputs("F"))
	}
	if got := rules[len(rules)-2].Inputs("UserPoolId"); !slices.Equal(got, []string{"UserPoolId", "ClientName"}) {
		t.Errorf("Inputs = %q", got)
	}
}

// TestAddingAPoolRule: a rule that needs the pool is one table entry plus
// its pool check too: ValidateInPool (error) or LintInPool (warning) of both
// requests run it, Validate and Lint do not, and Rules lists it.
func TestAddingAPoolRule(t *testing.T) {
	saved := ruleTable
	defer func() { ruleTable = saved; indexRules() }()
	tierCheck := func(field string) func(r *CreateUserPoolClientRequest, p *Pool) findings {
		return func(r *CreateUserPoolClientRequest, p *Pool) (f findings) {
			if p.Tier == UserPoolTierPlus {
				f.add(field, string(p.Tier), "test")
			}
			return
		}
	}
	ruleTable = append(slices.Clip(saved),
		RuleInfo{ID: "test-pool-error", Code: "X3", Severity: SeverityError, Evidence: EvidenceSeen, Scope: ScopePool,
			Exception: ExceptionInvalidParameter, Err: ErrFeaturePlan, Summary: "s", Help: "h", inputs: self,
			poolCheck: tierCheck("ExplicitAuthFlows")},
		RuleInfo{ID: "test-pool-warning", Code: "X4", Severity: SeverityWarning, Evidence: EvidenceInferred, Scope: ScopePool,
			Summary: "s", Help: "h", inputs: self, poolCheck: tierCheck("ReadAttributes")},
	)
	indexRules()
	plus := &Pool{Tier: UserPoolTierPlus}
	r := quietWebApp()
	u := toUpdate(r, "1example23456789")
	want := []violation{{"ExplicitAuthFlows", "test-pool-error", ipe}}
	wantAdv := []advisory{{"ReadAttributes", "test-pool-warning", "PLUS"}}
	for _, tc := range []struct {
		name string
		err  error
		adv  []*Advisory
	}{
		{"create", r.ValidateInPool(plus), r.LintInPool(plus)},
		{"update", u.ValidateInPool(plus), u.LintInPool(plus)},
	} {
		if diff := cmp.Diff(want, violations(t, tc.err)); diff != "" {
			t.Errorf("%s: ValidateInPool() mismatch (-want +got):\n%s", tc.name, diff)
		}
		if diff := cmp.Diff(wantAdv, advisories(tc.adv)); diff != "" {
			t.Errorf("%s: LintInPool() mismatch (-want +got):\n%s", tc.name, diff)
		}
	}
	// The nearest neighbour: a pool on another plan.
	if err := r.ValidateInPool(&Pool{Tier: UserPoolTierEssentials}); err != nil {
		t.Errorf("ValidateInPool(ESSENTIALS) = %v", err)
	}
	if err := r.Validate(); err != nil || r.Lint() != nil {
		t.Errorf("Validate() = %v, Lint() = %v: a pool rule ran without a pool", err, r.Lint())
	}
	rules := Rules()
	if got := rules[len(rules)-2]; got.ID != "test-pool-error" || got.Scope != ScopePool {
		t.Errorf("Rules() ends with %s (%s)", got.ID, got.Scope)
	}
}

// ruleBook is the project's rule book. Only ../shared is looked at: the
// workspace and CI put it beside the repository.
var ruleBook = filepath.Join("..", "shared", "spec", "rules.md")

// readSpec reads a file of ../shared/spec, skipping the test with a message
// where it is absent, unless APPCLIENT_REQUIRE_SPEC is set (as CI sets it).
func readSpec(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && os.Getenv("APPCLIENT_REQUIRE_SPEC") == "" {
		t.Skipf("%s is absent (it sits beside the repository in the project's workspace and CI; set APPCLIENT_REQUIRE_SPEC=1 to make this a failure)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// bookRule is what the rule book says of a rule.
type bookRule struct {
	Code, ID, Severity, Exception, Evidence string
}

// evidenceWord finds the evidence level at the start of a rule book cell.
var evidenceWord = regexp.MustCompile(`^\s*(seen|documented|inferred)\b`)

// TestRuleBook checks the table against the rule book's sections 2 to 4:
// every rule with its code, id, severity, exception and (sections 2 and 3)
// evidence, and no other.
func TestRuleBook(t *testing.T) {
	book := readSpec(t, ruleBook)
	abbrev := map[string]string{"IPE": ExceptionInvalidParameter, "IOFE": ExceptionInvalidOAuthFlow, "SDNE": ExceptionScopeDoesNotExist}
	row := regexp.MustCompile("(?m)^\\| ([A-Z][0-9]+) `([a-z0-9-]+)` \\|(.*)$")
	section := func(n int) string {
		start := strings.Index(book, "\n## "+string(rune('0'+n))+".")
		if start < 0 {
			t.Fatalf("%s: no section %d", ruleBook, n)
		}
		end := strings.Index(book[start+1:], "\n## ")
		if end < 0 {
			return book[start:]
		}
		return book[start : start+1+end]
	}
	read := func(n int) []bookRule {
		var out []bookRule
		for _, m := range row.FindAllStringSubmatch(section(n), -1) {
			cells := strings.Split(m[3], "|")
			r := bookRule{Code: m[1], ID: m[2], Severity: string(SeverityError)}
			if n == 4 {
				r.Severity = string(SeverityWarning)
			} else {
				// columns: when | field | exception | message | evidence
				exc := strings.TrimSpace(cells[2])
				if e, ok := abbrev[exc]; ok {
					exc = e
				} else if strings.Contains(exc, " or ") {
					exc = "" // P6: the exception of P1 or P2
				}
				r.Exception = exc
				evidence := cells[len(cells)-2]
				if strings.Contains(evidence, "**warning**") {
					r.Severity = string(SeverityWarning)
				}
				// "seen", "seen (second-hand)", "inferred: a warning ...",
				// "seen repeatedly: ...": the level is the first word.
				if m := evidenceWord.FindStringSubmatch(evidence); m != nil {
					r.Evidence = m[1]
				} else {
					t.Errorf("%s: no evidence level in %q", r.Code, evidence)
				}
			}
			out = append(out, r)
		}
		return out
	}
	table := func(scopes ...RuleScope) []bookRule {
		var out []bookRule
		for _, r := range ruleTable {
			if slices.Contains(scopes, r.Scope) && r.Code != "" {
				out = append(out, bookRule{r.Code, r.ID, string(r.Severity), r.Exception, string(r.Evidence)})
			}
		}
		return out
	}
	t.Run("section 2", func(t *testing.T) {
		want := read(2)
		if len(want) < 17 {
			t.Fatalf("read %d rules from section 2; has its table format changed?", len(want))
		}
		var got []bookRule
		for _, r := range table(ScopeRequest) {
			if r.Severity == string(SeverityError) {
				got = append(got, r)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("service rules mismatch (-book +table):\n%s", diff)
		}
	})
	t.Run("section 3", func(t *testing.T) {
		want := read(3)
		if len(want) < 6 {
			t.Fatalf("read %d rules from section 3; has its table format changed?", len(want))
		}
		var got []bookRule
		for _, r := range table(ScopePool, ScopeTemplate) {
			// The template advisories (W21, W22) are in section 4.
			if r.Code[0] == 'P' {
				got = append(got, r)
			}
		}
		// P6's exception is that of P1 or P2, whichever it applies to.
		for i := range got {
			if got[i].Code == "P6" {
				got[i].Exception = ""
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("pool rules mismatch (-book +table):\n%s", diff)
		}
	})
	t.Run("section 4", func(t *testing.T) {
		want := read(4)
		if len(want) < 18 {
			t.Fatalf("read %d rules from section 4; has its table format changed?", len(want))
		}
		var got []bookRule
		for _, r := range table(ScopeRequest, ScopeTemplate) {
			if r.Severity == string(SeverityWarning) {
				// Section 4 grades no evidence: the table's, for the
				// facts each advisory rests on, is checked in TestRuleTable.
				r.Evidence = ""
				got = append(got, r)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("advisories mismatch (-book +table):\n%s", diff)
		}
	})
}

// TestBoundsFromTags: the bounds the rules read come from the tags, and the
// redirect URIs share their element bounds.
func TestBoundsFromTags(t *testing.T) {
	tests := []struct {
		name      string
		got, want bounds
	}{
		{"T1 access raw range", accessRange, bounds{1, 86400}},
		{"T1 ID raw range", idRange, bounds{1, 86400}},
		{"T1 refresh raw range", refreshRange, bounds{0, 315360000}},
		{"DefaultRedirectURI and CallbackURLs elements", memberBounds("DefaultRedirectURI"), redirectBounds},
		{"LogoutURLs and CallbackURLs elements", memberBounds("LogoutURLs[]"), redirectBounds},
		{"flows", bounds{0, int64(maxOAuthFlows)}, bounds{0, 3}},
		{"callbacks", bounds{0, int64(maxCallbackURLs)}, bounds{0, 100}},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// TestTagsAsDocumented: every validate tag of the request types is one that
// validator/v10 documents (required, omitnil, omitempty, min, max, dive,
// oneof) or one this package registers (the pattern tags and authflow), and
// the update request's shared members carry the create request's tags.
func TestTagsAsDocumented(t *testing.T) {
	builtin := map[string]bool{"required": true, "omitnil": true, "omitempty": true, "min": true, "max": true, "dive": true, "oneof": true}
	n := 0
	tags := map[string]string{}
	for _, typ := range []reflect.Type{
		reflect.TypeFor[CreateUserPoolClientRequest](), reflect.TypeFor[UpdateUserPoolClientRequest](),
		reflect.TypeFor[TokenValidityUnits](), reflect.TypeFor[AnalyticsConfiguration](), reflect.TypeFor[RefreshTokenRotation](),
	} {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			tag := f.Tag.Get("validate")
			if tag == "" || tag == "-" {
				continue
			}
			if prev, ok := tags[f.Name]; ok && prev != tag && f.Name != "ClientName" {
				t.Errorf("%s.%s: tags %q, but the other request's are %q", typ.Name(), f.Name, tag, prev)
			}
			tags[f.Name] = tag
			for item := range strings.SplitSeq(tag, ",") {
				name, _, _ := strings.Cut(item, "=")
				n++
				if _, pattern := patternTags[name]; !builtin[name] && !pattern && name != "authflow" {
					t.Errorf("%s.%s: tag %q is neither documented by validator/v10 nor registered here", typ.Name(), f.Name, item)
				}
			}
		}
	}
	if n < 60 {
		t.Errorf("found %d tags, want every member's", n)
	}
}

// TestEnumTags: each oneof tag lists exactly its enumeration's Values, in
// their order, so that the tag and the typed constants cannot drift apart.
func TestEnumTags(t *testing.T) {
	oneof := func(typ reflect.Type, field string) string {
		f, _ := typ.FieldByName(field)
		for item := range strings.SplitSeq(f.Tag.Get("validate"), ",") {
			if v, ok := strings.CutPrefix(item, "oneof="); ok {
				return v
			}
		}
		return ""
	}
	join := func(vs ...string) string { return strings.Join(vs, " ") }
	var flows, units, existence, features []string
	for _, v := range OAuthFlow("").Values() {
		flows = append(flows, string(v))
	}
	for _, v := range TimeUnit("").Values() {
		units = append(units, string(v))
	}
	for _, v := range UserExistenceErrors("").Values() {
		existence = append(existence, string(v))
	}
	for _, v := range RotationFeature("").Values() {
		features = append(features, string(v))
	}
	req := reflect.TypeFor[CreateUserPoolClientRequest]()
	tests := []struct{ name, got, want string }{
		{"AllowedOAuthFlows", oneof(req, "AllowedOAuthFlows"), join(flows...)},
		{"PreventUserExistenceErrors", oneof(req, "PreventUserExistenceErrors"), join(existence...)},
		{"TokenValidityUnits.AccessToken", oneof(reflect.TypeFor[TokenValidityUnits](), "AccessToken"), join(units...)},
		{"TokenValidityUnits.IdToken", oneof(reflect.TypeFor[TokenValidityUnits](), "IDToken"), join(units...)},
		{"TokenValidityUnits.RefreshToken", oneof(reflect.TypeFor[TokenValidityUnits](), "RefreshToken"), join(units...)},
		{"RefreshTokenRotation.Feature", oneof(reflect.TypeFor[RefreshTokenRotation](), "Feature"), join(features...)},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: oneof=%q, want the Values %q", tc.name, tc.got, tc.want)
		}
	}
}

// TestRedirectShortcuts: the redirect rules' cheap tests agree with the full
// parse, on the URIs of the tests and on tricky ones.
func TestRedirectShortcuts(t *testing.T) {
	uris := []string{
		"https://a.example.com/cb", "https://a.example.com", "https://", "https:///cb", "https://@x/", "https://a@/x",
		"https://a@b/x", "https://:443/", "https://[::1]/", "https://x:1/", `https://\x`, "https://?q", "https://#f",
		"HTTPS://a/", "http://a/", "http://localhost/", "HTTP://LOCALHOST:3000/", "http://", "myapp://cb", "myapp:/cb",
		"localhost:3000/cb", "/cb", "", "https://a#", "http:x", "https:x", "https://a/x@y", "https://a@b.c/", "https://a.b:8443/",
		"https://-a/", "https://a:/", "http://a@localhost/", "http://localhost@a/",
	}
	for _, u := range uris {
		faults := redirectFaults(u)
		if got, want := breaksAbsolute(u), faults&faultRelative != 0; got != want {
			t.Errorf("breaksAbsolute(%q) = %v, want %v", u, got, want)
		}
		if got, want := breaksHTTPS(u), faults&faultHTTP != 0; got != want {
			t.Errorf("breaksHTTPS(%q) = %v, want %v", u, got, want)
		}
		if got, want := breaksNoFragment(u), faults&faultFragment != 0; got != want {
			t.Errorf("breaksNoFragment(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestFilesDependDownward: the files of the package form layers: no file
// depends on another that depends back on it, directly or through others,
// so each can be read knowing only the files below it (the model and the
// errors at the bottom, the rule table above its checks, the entry points
// on top). A file depends on another when it names a package-level
// function, variable, constant or type that the other declares; a name that
// the file also declares locally (a parameter, a variable) is not counted.
func TestFilesDependDownward(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	defs := map[string]string{} // package-level name → file
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					defs[d.Name.Name] = name
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							defs[n.Name] = name
						}
					case *ast.TypeSpec:
						defs[s.Name.Name] = name
					}
				}
			}
		}
	}
	if len(files) < 10 {
		t.Fatalf("read %d files of the package, want the whole package", len(files))
	}
	uses := map[string]map[string]string{} // file → file it uses → one name
	for name, f := range files {
		local := map[string]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				for _, fl := range []*ast.FieldList{n.Recv, n.Type.Params, n.Type.Results} {
					if fl == nil {
						continue
					}
					for _, field := range fl.List {
						for _, id := range field.Names {
							local[id.Name] = true
						}
					}
				}
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE {
					for _, e := range n.Lhs {
						if id, ok := e.(*ast.Ident); ok {
							local[id.Name] = true
						}
					}
				}
			case *ast.FuncLit:
				for _, field := range n.Type.Params.List {
					for _, id := range field.Names {
						local[id.Name] = true
					}
				}
			}
			return true
		})
		uses[name] = map[string]string{}
		sel := map[*ast.Ident]bool{} // names of fields and methods, and declared names
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				sel[n.Sel] = true
			case *ast.FuncDecl:
				sel[n.Name] = true
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					sel[id] = true
				}
			case *ast.Field:
				for _, id := range n.Names {
					sel[id] = true
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || local[id.Name] || sel[id] {
				return true
			}
			if from, ok := defs[id.Name]; ok && from != name {
				if _, seen := uses[name][from]; !seen {
					uses[name][from] = id.Name
				}
			}
			return true
		})
	}
	// A depth-first search finds a loop of files, if there is one.
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(string) bool
	visit = func(f string) bool {
		state[f] = open
		path = append(path, f)
		for _, g := range slices.Sorted(maps.Keys(uses[f])) {
			switch state[g] {
			case open:
				i := slices.Index(path, g)
				loop := ""
				for _, p := range append(path[i:], g) {
					if loop != "" {
						loop += " -> "
					}
					loop += p
				}
				for j := i; j < len(path); j++ {
					next := g
					if j+1 < len(path) {
						next = path[j+1]
					}
					loop += fmt.Sprintf("; %s uses %s of %s", path[j], uses[path[j]][next], next)
				}
				t.Errorf("files depend on each other in a loop: %s", loop)
				return false
			case unseen:
				if !visit(g) {
					return false
				}
			}
		}
		path = path[:len(path)-1]
		state[f] = done
		return true
	}
	for _, f := range slices.Sorted(maps.Keys(files)) {
		if state[f] == unseen && !visit(f) {
			return
		}
	}
}

// TestRuleByID: every entry of Rules is found by its id, and nothing else.
func TestRuleByID(t *testing.T) {
	for _, want := range Rules() {
		got, ok := RuleByID(want.ID)
		if !ok || got.ID != want.ID || got.Severity != want.Severity || got.Exception != want.Exception {
			t.Errorf("RuleByID(%q) = %v, %v; want its entry", want.ID, got.ID, ok)
		}
	}
	if _, ok := RuleByID("no-such-rule"); ok {
		t.Error(`RuleByID("no-such-rule") found a rule`)
	}
}
