package appclient

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/go-playground/validator/v10"
)

// Validate checks the request against everything Cognito enforces on
// CreateUserPoolClient that can be decided from the request alone:
//
//   - every constraint of the AWS model: required members, string lengths in
//     characters, patterns (with Java's meaning of \w and \s), numeric ranges,
//     enumerations (case-sensitive) and list sizes, one violation per member
//     value, nested members included;
//   - Cognito's service rules (the rules of [Rules] with Scope [ScopeRequest]
//     and Severity [SeverityError]): OAuth flows, scopes and callback URLs
//     that fit together, redirect URIs that are absolute, https (http only for
//     loopback hosts) and fragment-free, a default redirect URI among the
//     callback URLs, client secrets, explicit authentication flows, token
//     lifetimes after unit conversion, and attributes no client may write.
//
// It returns nil, or a *ValidationError that holds every violation: model
// constraints in member declaration order, then service rules in the rule
// book's order. A service rule looks only at values that passed their own
// model constraints, so each problem is reported once.
//
// The OAuth rules that combine flows, scopes and secrets
// (client-credentials-exclusive, client-credentials-needs-secret,
// client-credentials-reserved-scope, code-implicit-need-callbacks,
// scope-not-found) and oauth-flows-and-scopes-required apply only when
// AllowedOAuthFlowsUserPoolClient is true; Cognito has been seen to accept and
// ignore the OAuth members otherwise, which [CreateUserPoolClientRequest.Lint]
// reports. The redirect rules (redirect-https, redirect-absolute,
// redirect-no-fragment, default-redirect-in-callbacks) apply whenever the URLs
// are present, whatever the flag.
//
// Validate does not check what depends on the user pool: whether custom scopes,
// identity providers and attributes exist there, or its feature plan. It
// reports no advisory: that is Lint's job.
func (r *CreateUserPoolClientRequest) Validate() error {
	if r == nil {
		return &ValidationError{Errors: []*FieldError{{Rule: RuleRequired, Exception: ExceptionInvalidParameter,
			Message: "request is nil", Err: ErrRequired}}}
	}
	// The model constraints: the struct tags, checked by the validator.
	errs := modelErrors(engine.Struct(r))
	// The service rules: the checks of the rule table, in its order.
	errs = serviceErrors(r, errs)
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: errs}
}

// engine is the one validator, configured once: JSON member names in paths,
// and the model's bounds, patterns, enumerations and element checks as tags.
// It knows nothing of the service rules, which Validate runs after it.
var engine = newEngine()

func newEngine() *validator.Validate {
	v := validator.New()
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	// length and range read like the AWS model's @length and @range traits:
	// "length=1..1024" bounds the characters of a string or the entries of a
	// list, "range=1..86400" a number, both inclusive.
	//
	// An optional pointer member is absent when nil, with or without omitnil:
	// every tag of this package is called for a nil pointer too, and passes
	// it. omitnil is a matter of speed only. The pinned validator boxes a
	// present value under omitnil (one allocation), and without it builds two
	// namespace strings for an absent one. So the members that client
	// definitions usually set (the three token lifetimes, DefaultRedirectURI)
	// go without omitnil, and those usually left out (ClientSecret,
	// AuthSessionValidity, the analytics and rotation members) carry it:
	// TestValidateAllocations holds the typical request to none.
	register := func(tag string, fn validator.FuncCtx) {
		if err := v.RegisterValidationCtx(tag, fn, true); err != nil {
			panic(err) // a programming error in the tags
		}
	}
	for tag, t := range customTags {
		register(tag, t.with(bounds{}))
	}
	// A tag with bounds ("length=1..55", "redirects=1..1024") is compiled
	// once into a tag of its own with the bounds parsed ("length_1_55"), so
	// that no call reads them again: the validator takes the compiled tags
	// as the types' rules, in place of the struct tags they come from.
	for typ, fields := range compileTags() {
		v.RegisterStructValidationMapRules(fields, reflect.New(typ).Interface())
	}
	for tag, c := range compiledTags {
		if c.name == "length" || c.name == "range" {
			register(tag, boundsTag(c.b))
		} else {
			register(tag, customTags[c.name].with(c.b))
		}
	}
	return v
}

// compiledTag is what a compiled tag was made from: the tag's name and its
// bounds.
type compiledTag struct {
	name string
	b    bounds
}

// compiledTags maps each compiled tag to what it was made from; compileTags
// fills it.
var compiledTags = map[string]compiledTag{}

// compileTags returns, for each request type and the structures they hold,
// each field's tags with the tags that have bounds compiled, and records the
// compiled tags in compiledTags.
func compileTags() map[reflect.Type]map[string]string {
	out := map[reflect.Type]map[string]string{}
	var walk func(typ reflect.Type)
	walk = func(typ reflect.Type) {
		if out[typ] != nil {
			return
		}
		fields := map[string]string{}
		out[typ] = fields
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if ft := f.Type; ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct {
				walk(ft.Elem())
			}
			tag := f.Tag.Get("validate")
			if !strings.Contains(tag, "..") {
				continue
			}
			items := strings.Split(tag, ",")
			for j, item := range items {
				name, param, ok := strings.Cut(item, "=")
				if !ok {
					continue
				}
				b := parseBounds(param)
				compiled := fmt.Sprintf("%s_%d_%d", name, b.lo, b.hi)
				compiledTags[compiled] = compiledTag{name, b}
				items[j] = compiled
			}
			fields[f.Name] = strings.Join(items, ",")
		}
	}
	walk(reflect.TypeFor[CreateUserPoolClientRequest]())
	walk(reflect.TypeFor[UpdateUserPoolClientRequest]())
	return out
}

// boundsTag returns the check of a length or range tag with bounds b,
// inclusive: the characters (code points) of a string, the entries of a list,
// or the value of a number.
func boundsTag(b bounds) validator.FuncCtx {
	return func(_ context.Context, fl validator.FieldLevel) bool {
		f := fl.Field()
		switch f.Kind() {
		case reflect.Pointer:
			return true // absent; the validator hands over present values dereferenced
		case reflect.String:
			return lengthIn(f.String(), int(b.lo), int(b.hi))
		case reflect.Slice:
			return int64(f.Len()) >= b.lo && int64(f.Len()) <= b.hi
		}
		return f.Int() >= b.lo && f.Int() <= b.hi
	}
}

// customTag is a validator tag of this package: a pattern, an enumeration, or
// a check of every element of a list.
type customTag struct {
	// with returns the check of the tag with the given bounds, which only
	// list tags have.
	with func(b bounds) validator.FuncCtx
	rule string // RulePattern or RuleEnum; "" for list tags
	// match is the pattern's matcher, want the wording of the allowed values.
	match func(string) int
	want  string
	// elem, for a list tag, checks one element against the element bounds
	// that the tag's parameter gives.
	elem elemCheck
}

var customTags = map[string]customTag{
	"userpoolid":      patternTag(matchUserPoolID, wantUserPoolID),
	"clientname":      patternTag(matchClientName, wantClientName),
	"clientsecret":    patternTag(matchClientSecret, wantSecretChars),
	"clientid":        patternTag(matchClientID, wantSecretChars),
	"hexstring":       patternTag(matchHex, wantHex),
	"arn":             patternTag(matchARN, wantARN),
	"redirect":        patternTag(matchRedirect, wantRedirect),
	"timeunit":        enumTag(TimeUnit.Valid, wantTimeUnits),
	"userexistence":   enumTag(UserExistenceErrors.Valid, wantUserExist),
	"rotationfeature": enumTag(RotationFeature.Valid, wantRotationFeat),
	"attributes":      listTag[string](elemAttribute),
	"providers":       listTag[string](elemProvider),
	"redirects":       listTag[string](elemRedirect),
	"scopes":          listTag[string](elemScope),
	"oauthflows":      listTag[OAuthFlow](elemOAuthFlow),
	"authflows":       listTag[ExplicitAuthFlow](elemAuthFlow),
}

// patternTag makes the tag of a pattern.
func patternTag(match func(string) int, want string) customTag {
	fn := func(_ context.Context, fl validator.FieldLevel) bool {
		f := fl.Field()
		return f.Kind() == reflect.Pointer || match(f.String()) < 0
	}
	return customTag{
		with: func(bounds) validator.FuncCtx { return fn },
		rule: RulePattern, match: match, want: want,
	}
}

// enumTag makes the tag of an enumeration from its Valid method. An
// enumeration's "" means absent, as the request types say, and passes; a
// required one is tagged required first.
func enumTag[T ~string](valid func(T) bool, want string) customTag {
	fn := func(_ context.Context, fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return s == "" || valid(T(s))
	}
	return customTag{
		with: func(bounds) validator.FuncCtx { return fn },
		rule: RuleEnum, want: want,
	}
}

// listTag makes the tag of a list whose elements check checks, with the
// element bounds of the tag ("redirects=1..1024").
func listTag[T ~string](check elemCheck) customTag {
	typ := reflect.TypeFor[[]T]()
	return customTag{
		with: func(b bounds) validator.FuncCtx {
			return func(_ context.Context, fl validator.FieldLevel) bool {
				for _, e := range sliceOf[T](fl.Field(), typ) {
					if rule, _ := check(string(e), b); rule != "" {
						return false
					}
				}
				return true
			}
		},
		elem: check,
	}
}

// sliceOf returns the []T that v, of type typ, holds, reading it in place
// where v is addressable (it is: Validate hands the validator a pointer),
// since an interface would copy it to the heap.
func sliceOf[T any](v reflect.Value, typ reflect.Type) []T {
	if v.CanAddr() && v.Type() == typ {
		return *(*[]T)(unsafe.Pointer(v.UnsafeAddr()))
	}
	s, _ := v.Interface().([]T)
	return s
}

// modelErrors turns the validator's errors into FieldErrors, worded by
// patterns.go. The validator reports a list whose elements break their
// constraints once, under the list's tag; the elements are examined here, on
// the error path only.
func modelErrors(err error) []*FieldError {
	if err == nil {
		return nil
	}
	verrs, ok := err.(validator.ValidationErrors)
	if !ok {
		// Only a non-struct argument makes the validator fail this way.
		panic(fmt.Sprintf("appclient: validator: %v", err))
	}
	out := make([]*FieldError, 0, len(verrs))
	for _, fe := range verrs {
		path := fe.Namespace()
		if _, rest, ok := strings.Cut(path, "."); ok {
			path = rest
		}
		secret := path == "ClientSecret"
		value := fe.Value()
		if secret {
			value = nil
		}
		var rule, msg string
		tag, b := fe.Tag(), bounds{}
		if c, ok := compiledTags[tag]; ok {
			tag, b = c.name, c.b
		}
		switch tag {
		case "required":
			// There is no value: the member is absent or empty.
			rule, msg, value = RuleRequired, "is required", nil
		case "length":
			if fe.Kind() == reflect.Slice {
				n := reflect.ValueOf(fe.Value()).Len()
				out = append(out, newFieldError(path, RuleListSize, n,
					fmt.Sprintf("has %d entries, want at most %d", n, b.hi)))
				// A list over its size is examined element by element too.
				elem := listTags[path]
				out = listElements(out, path, fe.Value(), elem.name, elem.b)
				continue
			}
			rule = RuleLength
			if secret {
				msg = fmt.Sprintf("has %d characters, want %d to %d", utf8.RuneCountInString(valueString(fe.Value())), b.lo, b.hi)
			} else {
				msg = lengthMessage(valueString(fe.Value()), b)
			}
		case "range":
			rule, msg = RuleRange, fmt.Sprintf("%v is outside %d to %d", fe.Value(), b.lo, b.hi)
		default:
			t, ok := customTags[tag]
			switch {
			case !ok:
				panic("appclient: unmapped validator tag " + tag)
			case t.elem != nil:
				out = listElements(out, path, fe.Value(), tag, b)
				continue
			case t.rule == RuleEnum:
				rule, msg = RuleEnum, enumMessage(valueString(fe.Value()), t.want)
			case secret:
				rule, msg = RulePattern, "holds characters other than "+t.want
			default:
				rule, msg = RulePattern, patternMessage(valueString(fe.Value()), t.match, t.want)
			}
		}
		out = append(out, newFieldError(path, rule, value, msg))
	}
	return out
}

// listElements appends a violation for each element of the list value at
// path that breaks the element tag name with bounds b.
func listElements(out []*FieldError, path string, list any, name string, b bounds) []*FieldError {
	check := customTags[name].elem
	v := reflect.ValueOf(list)
	for i := 0; i < v.Len(); i++ {
		e := v.Index(i).String()
		if rule, msg := check(e, b); rule != "" {
			out = append(out, newFieldError(index(path, i), rule, e, msg))
		}
	}
	return out
}

// newFieldError makes a FieldError for a model constraint.
func newFieldError(field, rule string, value any, msg string) *FieldError {
	return &FieldError{Field: field, Rule: rule, Exception: ExceptionInvalidParameter, Value: value, Message: msg, Err: ruleInfo(rule).Err}
}

// listTags maps each list member to its element tag and bounds
// ("CallbackURLs" to redirects, 1..1024), read from the struct tags: a list
// over its size fails its length tag, and its elements are then examined too.
var listTags = func() map[string]compiledTag {
	m := map[string]compiledTag{}
	t := reflect.TypeFor[CreateUserPoolClientRequest]()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.Kind() != reflect.Slice {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		tags := strings.Split(f.Tag.Get("validate"), ",")
		tag, param, _ := strings.Cut(tags[len(tags)-1], "=")
		m[name] = compiledTag{tag, parseBounds(param)}
	}
	return m
}()

// valueString returns the string, or typed string, that v holds.
func valueString(v any) string { return reflect.ValueOf(v).String() }
