package appclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// modelFileName is the AWS model extract in ../shared/spec (see specFile).
const modelFileName = "create-user-pool-client.model.json"

type modelMember struct {
	Type      string       `json:"type"`
	Required  bool         `json:"required"`
	Structure string       `json:"structure"`
	Enum      []string     `json:"enum"`
	Length    *modelBounds `json:"smithy.api#length"`
	Range     *modelBounds `json:"smithy.api#range"`
	Pattern   string       `json:"smithy.api#pattern"`
	Member    *struct {
		Type   string       `json:"type"`
		Enum   []string     `json:"enum"`
		Length *modelBounds `json:"smithy.api#length"`
	} `json:"member"`
}

type modelBounds struct {
	Min *int64 `json:"min"`
	Max *int64 `json:"max"`
}

type model struct {
	Inputs struct {
		Create map[string]modelMember `json:"CreateUserPoolClientRequest"`
		Update map[string]modelMember `json:"UpdateUserPoolClientRequest"`
	} `json:"inputs"`
	Structures map[string]struct {
		Members map[string]modelMember `json:"members"`
	} `json:"structures"`
}

// TestModelAgreement reads the AWS model extract and checks, member by
// member, that Validate enforces every required flag, length, range, list
// size and enumeration at its edges, so that the code cannot drift from the
// model. It also checks that the request type has exactly the model's members.
func TestModelAgreement(t *testing.T) {
	modelFile := specFile(t, modelFileName, "the model agreement")
	data, err := os.ReadFile(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", modelFile, err)
	}
	if len(m.Inputs.Create) != 24 {
		t.Fatalf("model has %d members, want 24", len(m.Inputs.Create))
	}
	checkMembers(t, reflect.TypeFor[CreateUserPoolClientRequest](), m.Inputs.Create, nil, m)
}

// checkMembers checks the members of one structure; prefix is the path of the
// structure within the request.
func checkMembers(t *testing.T, typ reflect.Type, members map[string]modelMember, prefix []string, m model) {
	t.Helper()
	fields := map[string]reflect.StructField{}
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		fields[name] = f
	}
	for name := range fields {
		if _, ok := members[name]; !ok {
			t.Errorf("%s: Go field %q has no member in the model", strings.Join(prefix, "."), name)
		}
	}
	for name, mm := range members {
		path := append(append([]string(nil), prefix...), name)
		f, ok := fields[name]
		if !ok {
			t.Errorf("model member %s has no Go field", strings.Join(path, "."))
			continue
		}
		if mm.Type == "structure" {
			checkMembers(t, f.Type.Elem(), m.Structures[mm.Structure].Members, path, m)
			continue
		}
		t.Run(strings.Join(path, "."), func(t *testing.T) { checkMember(t, path, mm) })
	}
}

// checkMember checks one member's constraints at their edges.
func checkMember(t *testing.T, path []string, mm modelMember) {
	field := strings.Join(path, ".")
	if mm.Required {
		expect(t, path, zeroValue, field, RuleRequired, true)
	}
	switch mm.Type {
	case "string":
		if mm.Length != nil {
			edges(t, mm.Length, func(n int64, want bool) {
				rule := RuleLength
				if n == 0 && mm.Required {
					rule = RuleRequired // for a required member "" is absent
				}
				expect(t, path, stringOfLength(field, n), field, rule, want)
			})
		}
	case "integer":
		if mm.Range != nil {
			edges(t, mm.Range, func(n int64, want bool) { expect(t, path, n, field, RuleRange, want) })
		}
	case "enum":
		enumEdges(t, path, mm.Enum, field)
	case "list":
		if mm.Length != nil {
			edges(t, mm.Length, func(n int64, want bool) {
				expect(t, path, listOfSize(field, n), field, RuleListSize, want)
			})
		}
		elem := append(append([]string(nil), path...), "0")
		switch {
		case mm.Member.Type == "enum":
			enumEdges(t, elem, mm.Member.Enum, field+"[0]")
		case mm.Member.Length != nil:
			edges(t, mm.Member.Length, func(n int64, want bool) {
				expect(t, elem, stringOfLength(field+"[0]", n), field+"[0]", RuleLength, want)
			})
		}
	case "boolean":
	default:
		t.Fatalf("unknown model type %q", mm.Type)
	}
}

// edges calls check with min-1, min, max and max+1, and whether a violation
// is wanted there.
func edges(t *testing.T, b *modelBounds, check func(n int64, violation bool)) {
	t.Helper()
	if b.Min != nil {
		if *b.Min > 0 {
			check(*b.Min-1, true)
		}
		check(*b.Min, false)
	}
	if b.Max != nil {
		check(*b.Max, false)
		check(*b.Max+1, true)
	}
}

func enumEdges(t *testing.T, path []string, values []string, field string) {
	for _, v := range values {
		expect(t, path, v, field, RuleEnum, false)
		expect(t, path, strings.ToLower(v)+"X", field, RuleEnum, true)
		if strings.ToUpper(v) != v {
			expect(t, path, strings.ToUpper(v), field, RuleEnum, true)
		} else {
			expect(t, path, strings.ToLower(v), field, RuleEnum, true)
		}
	}
	expect(t, path, " "+values[0], field, RuleEnum, true)
}

type zero struct{}

var zeroValue zero

// stringOfLength returns a string of n characters that, where it can, also
// matches the member's pattern, using two-byte characters where the pattern
// allows them so that the length is seen to count characters.
func stringOfLength(field string, n int64) string {
	switch {
	case strings.HasSuffix(field, "UserPoolId") && n >= 3:
		return "a_" + strings.Repeat("b", int(n-2))
	case strings.Contains(field, "Arn") && n >= 20:
		return "arn:a:b:c:1:" + strings.Repeat("d", int(n-12))
	case strings.HasPrefix(field, "CallbackURLs") || strings.HasPrefix(field, "LogoutURLs") ||
		field == "DefaultRedirectURI" || strings.HasPrefix(field, "SupportedIdentityProviders"):
		return strings.Repeat("é", int(n))
	}
	return strings.Repeat("a", int(n))
}

// listOfSize returns a list value of n valid elements for the member.
func listOfSize(field string, n int64) any {
	switch field {
	case "AllowedOAuthFlows":
		out := make([]OAuthFlow, n)
		for i := range out {
			out[i] = OAuthFlowCode
		}
		return out
	case "ExplicitAuthFlows":
		out := make([]ExplicitAuthFlow, n)
		for i := range out {
			out[i] = ExplicitAuthFlowAllowRefreshTokenAuth
		}
		return out
	}
	out := make([]string, n)
	for i := range out {
		out[i] = "https://example.com/a"
	}
	return out
}

// expect sets the member at path of a fresh valid request to value and
// checks whether Validate reports rule on field.
func expect(t *testing.T, path []string, value any, field, rule string, want bool) {
	t.Helper()
	r := webApp()
	setMember(t, reflect.ValueOf(r).Elem(), path, value)
	var got []string
	var ve *ValidationError
	if errors.As(r.Validate(), &ve) {
		for _, fe := range ve.Errors {
			if fe.Field == field {
				got = append(got, fe.Rule)
			}
		}
	}
	has := false
	for _, g := range got {
		if g == rule {
			has = true
		}
	}
	switch {
	case want && (len(got) != 1 || !has):
		t.Errorf("%s = %s: got rules %q on %s, want exactly [%s]", field, short(value), got, field, rule)
	case !want && has:
		t.Errorf("%s = %s: got rule %s on %s, want none", field, short(value), rule, field)
	}
}

// short describes a test value briefly.
func short(v any) string {
	s := fmt.Sprintf("%q", v)
	if len(s) > 40 {
		s = fmt.Sprintf("%s... (%d bytes)", s[:30], len(s))
	}
	return s
}

// setMember sets the member at path (JSON names; a number is a list index)
// to value, allocating nested structures, pointers and lists on the way.
func setMember(t *testing.T, v reflect.Value, path []string, value any) {
	t.Helper()
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	if len(path) == 0 {
		switch x := value.(type) {
		case zero:
			v.SetZero()
		case string:
			v.SetString(x)
		case int64:
			v.SetInt(x)
		default:
			v.Set(reflect.ValueOf(x))
		}
		return
	}
	if v.Kind() == reflect.Slice {
		// Only index 0 is used: make it a one-element list.
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		setMember(t, v.Index(0), path[1:], value)
		return
	}
	for i := 0; i < v.NumField(); i++ {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		if name == path[0] {
			setMember(t, v.Field(i), path[1:], value)
			return
		}
	}
	t.Fatalf("no member %s", path[0])
}

// TestUpdateMirrorsCreate checks the update request against the model and
// against the create request, so that a member added to one is not
// forgotten in the other: the update has exactly the model's update
// members; every member it shares with the create request has the same Go
// name, type, JSON name and constraints (ClientName excepted: optional in
// an update); and view, which lets Validate and Lint check an update as a
// create request, and toUpdate, which goes the other way, copy every shared
// member.
func TestUpdateMirrorsCreate(t *testing.T) {
	create := reflect.TypeFor[CreateUserPoolClientRequest]()
	update := reflect.TypeFor[UpdateUserPoolClientRequest]()
	createFields := map[string]reflect.StructField{}
	for i := 0; i < create.NumField(); i++ {
		createFields[create.Field(i).Name] = create.Field(i)
	}
	updateOnly := map[string]bool{"ClientID": true}
	differs := map[string]bool{"ClientName": true}
	var shared []string
	for i := 0; i < update.NumField(); i++ {
		f := update.Field(i)
		if updateOnly[f.Name] {
			continue
		}
		c, ok := createFields[f.Name]
		switch {
		case !ok:
			t.Errorf("UpdateUserPoolClientRequest.%s has no field of that name in CreateUserPoolClientRequest", f.Name)
		case differs[f.Name]:
		case c.Type != f.Type || c.Tag != f.Tag:
			t.Errorf("UpdateUserPoolClientRequest.%s is %v `%s`, CreateUserPoolClientRequest.%s is %v `%s`: want the same", f.Name, f.Type, f.Tag, c.Name, c.Type, c.Tag)
		default:
			shared = append(shared, f.Name)
		}
	}
	for name := range createFields {
		if _, ok := update.FieldByName(name); !ok && name != "GenerateSecret" && name != "ClientSecret" {
			t.Errorf("CreateUserPoolClientRequest.%s is missing from UpdateUserPoolClientRequest", name)
		}
	}

	// view copies every shared member: fill each with a value of its own.
	var u UpdateUserPoolClientRequest
	uv := reflect.ValueOf(&u).Elem()
	for _, name := range shared {
		f := uv.FieldByName(name)
		f.Set(nonZero(f.Type()))
	}
	v := u.view()
	vv := reflect.ValueOf(v)
	for _, name := range shared {
		if !reflect.DeepEqual(uv.FieldByName(name).Interface(), vv.FieldByName(name).Interface()) {
			t.Errorf("view() does not copy %s", name)
		}
	}
	// toUpdate, which safe updates build on, goes the other way.
	back := toUpdate(&v, "c")
	bv := reflect.ValueOf(back)
	for _, name := range shared {
		if !reflect.DeepEqual(uv.FieldByName(name).Interface(), bv.FieldByName(name).Interface()) {
			t.Errorf("toUpdate() does not copy %s", name)
		}
	}

	modelFile := specFile(t, modelFileName, "the update request's members")
	data, err := os.ReadFile(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", modelFile, err)
	}
	if len(m.Inputs.Update) == 0 {
		t.Fatal("the model has no UpdateUserPoolClientRequest members")
	}
	var want, got []string
	for name := range m.Inputs.Update {
		want = append(want, name)
	}
	for i := 0; i < update.NumField(); i++ {
		name, _, _ := strings.Cut(update.Field(i).Tag.Get("json"), ",")
		got = append(got, name)
	}
	sort.Strings(want)
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("update members mismatch with the model (-model +Go):\n%s", diff)
	}
}

// nonZero returns a value of type t that is not its zero value: a pointer
// to a non-zero value, a one-element slice, a string "x", true, 1.
func nonZero(t reflect.Type) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
		v.Elem().Set(nonZero(t.Elem()))
	case reflect.Slice:
		v.Set(reflect.MakeSlice(t, 1, 1))
		v.Index(0).Set(nonZero(t.Elem()))
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int32, reflect.Int64, reflect.Int:
		v.SetInt(1)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			v.Field(i).Set(nonZero(t.Field(i).Type))
		}
	}
	return v
}
