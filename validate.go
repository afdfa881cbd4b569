package appclient

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
)

// Validate checks the request against everything Cognito enforces on
// CreateUserPoolClient that can be decided from the request alone:
//
//   - every constraint of the AWS model: required members, string lengths in
//     characters, patterns (with Java's meaning of \w and \s), numeric ranges,
//     enumerations (case-sensitive) and list sizes, one violation per member
//     value, nested members included;
//   - Cognito's service rules: OAuth flows, scopes and callback URLs that fit
//     together, redirect URIs that are absolute, https (http only for
//     loopback hosts) and fragment-free, a default redirect URI among the
//     callback URLs, client secrets, explicit authentication flows, token
//     lifetimes after unit conversion, and attributes no client may write.
//
// It returns nil, or a *ValidationError that holds every violation: model
// constraints in member declaration order, then service rules in the rule
// book's order. A service rule looks only at values that passed their own
// model constraints, so each problem is reported once. The OAuth rules apply
// only when AllowedOAuthFlowsUserPoolClient is true: Cognito ignores the OAuth
// members otherwise.
//
// Validate does not check what depends on the user pool: whether custom scopes,
// identity providers and attributes exist there, or its feature plan.
func (r *CreateUserPoolClientRequest) Validate() error {
	if r == nil {
		return &ValidationError{Errors: []*FieldError{{Rule: RuleRequired, Exception: ExceptionInvalidParameter,
			Message: "request is nil", Err: ErrRequired}}}
	}
	c := collectors.Get().(*collector)
	err := engine.StructCtx(c.ctx, r)
	service := c.errs
	c.errs = nil
	collectors.Put(c)
	var errs []*FieldError
	if err != nil {
		verrs, ok := err.(validator.ValidationErrors)
		if !ok {
			// Only a non-struct argument makes the validator fail this way.
			panic(fmt.Sprintf("appclient: validator: %v", err))
		}
		errs = modelErrors(verrs)
	}
	errs = append(errs, service...)
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: errs}
}

// collectors pools the collectors of the service rules, each with the context
// that carries it to the struct-level validation, so that a valid request
// costs no allocation for them.
var collectors = sync.Pool{New: func() any {
	c := new(collector)
	c.ctx = context.WithValue(context.Background(), collectorKey{}, c)
	return c
}}

// collectorKey is the context key under which Validate hands the struct-level
// rules its collector.
type collectorKey struct{}

// engine is the one validator, configured once: JSON member names in paths,
// the model's patterns, enumerations and element checks as custom tags, and
// the service rules as a struct-level validation.
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
	for _, tag := range []string{"length", "range"} {
		if err := v.RegisterValidation(tag, boundsTag); err != nil {
			panic(err)
		}
	}
	for tag, t := range customTags {
		if err := v.RegisterValidation(tag, t.fn); err != nil {
			panic(err) // a programming error in customTags
		}
	}
	v.RegisterStructValidationCtx(func(ctx context.Context, sl validator.StructLevel) {
		c, _ := ctx.Value(collectorKey{}).(*collector)
		r, _ := sl.Top().Interface().(*CreateUserPoolClientRequest)
		if c != nil && r != nil {
			serviceRules(r, c)
		}
	}, CreateUserPoolClientRequest{})
	return v
}

// boundsTag checks a length or range tag "LO..HI" with inclusive decimal
// bounds: the characters (code points) of a string, the entries of a list, or
// the value of a number.
func boundsTag(fl validator.FieldLevel) bool {
	lo, hi := parseBounds(fl.Param())
	f := fl.Field()
	switch f.Kind() {
	case reflect.String:
		return lengthIn(f.String(), int(lo), int(hi))
	case reflect.Slice:
		return int64(f.Len()) >= lo && int64(f.Len()) <= hi
	}
	return f.Int() >= lo && f.Int() <= hi
}

// parseBounds reads "LO..HI". The parameters are this package's own tags,
// checked by the tests, so it spends no time on malformed ones.
func parseBounds(p string) (lo, hi int64) {
	n := &lo
	for i := 0; i < len(p); i++ {
		if c := p[i]; c == '.' {
			n = &hi
		} else {
			*n = *n*10 + int64(c-'0')
		}
	}
	return lo, hi
}

// customTag is a validator tag of this package: a pattern, an enumeration, or
// a check of every element of a list.
type customTag struct {
	fn    validator.Func
	rule  string // RulePattern or RuleEnum; "" for list tags
	match func(string) int
	// want describes the allowed values for messages.
	want string
	// elements, for a list tag, appends a violation for each element of the
	// list value at path that breaks its constraints.
	elements func(list any, path string, out []*FieldError) []*FieldError
}

var customTags = map[string]customTag{
	"userpoolid":      {fn: stringTag(matchUserPoolID), rule: RulePattern, match: matchUserPoolID, want: `^[\w-]+_[0-9a-zA-Z]+$ (such as "us-east-1_AbC123xyz")`},
	"clientname":      {fn: stringTag(matchClientName), rule: RulePattern, match: matchClientName, want: `letters, digits, _, white space and +=,.@-`},
	"clientsecret":    {fn: stringTag(matchClientSecret), rule: RulePattern, match: matchClientSecret, want: `letters, digits, _ and +`},
	"clientid":        {fn: stringTag(matchClientID), rule: RulePattern, match: matchClientID, want: `letters, digits, _ and +`},
	"hexstring":       {fn: stringTag(matchHex), rule: RulePattern, match: matchHex, want: `hexadecimal digits`},
	"arn":             {fn: stringTag(matchARN), rule: RulePattern, match: matchARN, want: `an ARN arn:<partition>:<service>:<region>:<account>:<resource>`},
	"redirect":        {fn: stringTag(matchRedirect), rule: RulePattern, match: matchRedirect, want: wantRedirect},
	"timeunit":        {fn: enumTag(TimeUnit.Valid), rule: RuleEnum, want: "seconds, minutes, hours, days"},
	"userexistence":   {fn: enumTag(UserExistenceErrors.Valid), rule: RuleEnum, want: "LEGACY, ENABLED"},
	"rotationfeature": {fn: enumTag(RotationFeature.Valid), rule: RuleEnum, want: "ENABLED, DISABLED"},
	"attributes":      listTag(elemAttribute),
	"providers":       listTag(elemProvider),
	"redirects":       listTag(elemRedirect),
	"scopes":          listTag(elemScope),
	"oauthflows":      listTag(elemOAuthFlow),
	"authflows":       listTag(elemAuthFlow),
}

const wantRedirect = "letters, marks, symbols, numbers and punctuation (no spaces or control characters)"

var explicitAuthFlowList = func() string {
	var names []string
	for _, f := range ExplicitAuthFlow("").Values() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}()

// stringTag makes a validator function of a pattern.
func stringTag(match func(string) int) validator.Func {
	return func(fl validator.FieldLevel) bool { return match(fl.Field().String()) < 0 }
}

// enumTag makes a validator function of an enumeration's Valid method.
func enumTag[T ~string](valid func(T) bool) validator.Func {
	return func(fl validator.FieldLevel) bool { return valid(T(fl.Field().String())) }
}

// listTag makes the tag of a list whose elements check checks.
func listTag[T ~string](check func(T) *elemProblem) customTag {
	return customTag{
		fn: func(fl validator.FieldLevel) bool {
			for _, e := range sliceOf[T](fl.Field()) {
				if check(e) != nil {
					return false
				}
			}
			return true
		},
		elements: func(list any, path string, out []*FieldError) []*FieldError {
			l, _ := list.([]T)
			for i, e := range l {
				if p := check(e); p != nil {
					out = append(out, newFieldError(index(path, i), p.rule, string(e), p.msg(string(e))))
				}
			}
			return out
		},
	}
}

// sliceOf returns the []T that v holds, without copying it to the heap where v
// is addressable (it is: Validate hands the validator a pointer).
func sliceOf[T any](v reflect.Value) []T {
	if v.CanAddr() {
		if p, ok := v.Addr().Interface().(*[]T); ok {
			return *p
		}
	}
	s, _ := v.Interface().([]T)
	return s
}

// elemProblem is the first model constraint an element of a list breaks.
type elemProblem struct {
	rule string
	msg  func(v string) string
}

var (
	problemLength = func(min, max int) *elemProblem {
		return &elemProblem{RuleLength, func(v string) string {
			return fmt.Sprintf("%q has %d characters, want %d to %d", v, utf8.RuneCountInString(v), min, max)
		}}
	}
	problemAttribute = problemLength(1, 2048)
	problemProvider  = problemLength(1, 32)
	problemRedirect  = problemLength(1, 1024)
	problemScope     = problemLength(1, 256)
)

func elemAttribute(s string) *elemProblem {
	if !lengthIn(s, 1, 2048) {
		return problemAttribute
	}
	return nil
}

func elemProvider(s string) *elemProblem {
	if !lengthIn(s, 1, 32) {
		return problemProvider
	}
	if matchProvider(s) >= 0 {
		return patternProblem(matchProvider, "letters, marks, symbols, numbers, punctuation and spaces")
	}
	return nil
}

func elemRedirect(s string) *elemProblem {
	if !lengthIn(s, 1, 1024) {
		return problemRedirect
	}
	if matchRedirect(s) >= 0 {
		return patternProblem(matchRedirect, wantRedirect)
	}
	return nil
}

func elemScope(s string) *elemProblem {
	if !lengthIn(s, 1, 256) {
		return problemScope
	}
	if matchScope(s) >= 0 {
		return patternProblem(matchScope, `printable ASCII other than space, " and \`)
	}
	return nil
}

func elemOAuthFlow(f OAuthFlow) *elemProblem {
	return elemEnum(f.Valid(), "code, implicit, client_credentials")
}

func elemAuthFlow(f ExplicitAuthFlow) *elemProblem {
	return elemEnum(f.Valid(), explicitAuthFlowList)
}

func elemEnum(valid bool, want string) *elemProblem {
	if valid {
		return nil
	}
	return &elemProblem{RuleEnum, func(v string) string { return fmt.Sprintf("%q is not one of %s", v, want) }}
}

// patternProblem describes a value that breaks a pattern; it runs only on the
// error path.
func patternProblem(match func(string) int, want string) *elemProblem {
	return &elemProblem{RulePattern, func(v string) string { return patternMessage(v, match(v), want) }}
}

// patternMessage says where v breaks its pattern.
func patternMessage(v string, at int, want string) string {
	if at >= 0 && at < len(v) {
		r, _ := utf8.DecodeRuneInString(v[at:])
		return fmt.Sprintf("%q contains %q, which is not allowed (want %s)", v, r, want)
	}
	return fmt.Sprintf("%q does not match the pattern (want %s)", v, want)
}

// modelErrors turns the validator's errors into FieldErrors. The validator
// reports a list whose elements break their constraints once, under the list's
// tag; the elements are examined here, on the error path only.
func modelErrors(verrs validator.ValidationErrors) []*FieldError {
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
		switch tag := fe.Tag(); tag {
		case "required":
			rule, msg = RuleRequired, "is required"
		case "length":
			lo, hi := parseBounds(fe.Param())
			if fe.Kind() == reflect.Slice {
				n := reflect.ValueOf(fe.Value()).Len()
				out = append(out, newFieldError(path, RuleListSize, n,
					fmt.Sprintf("has %d entries, want at most %d", n, hi)))
				out = customTags[listTags[path]].elements(fe.Value(), path, out)
				continue
			}
			rule = RuleLength
			n := utf8.RuneCountInString(fe.Value().(string))
			msg = fmt.Sprintf("has %d characters, want %d to %d", n, lo, hi)
			if !secret {
				msg = fmt.Sprintf("%q %s", fe.Value(), msg)
			}
		case "range":
			lo, hi := parseBounds(fe.Param())
			rule, msg = RuleRange, fmt.Sprintf("%v is outside %d to %d", fe.Value(), lo, hi)
		default:
			t, ok := customTags[tag]
			switch {
			case !ok:
				panic("appclient: unmapped validator tag " + tag)
			case t.elements != nil:
				out = t.elements(fe.Value(), path, out)
				continue
			case t.rule == RuleEnum:
				rule, msg = RuleEnum, fmt.Sprintf("%q is not one of %s", fe.Value(), t.want)
			case secret:
				rule, msg = RulePattern, "holds characters other than "+t.want
			default:
				s := fe.Value().(string)
				rule, msg = RulePattern, patternMessage(s, t.match(s), t.want)
			}
		}
		out = append(out, newFieldError(path, rule, value, msg))
	}
	return out
}

// newFieldError makes a FieldError for a model constraint.
func newFieldError(field, rule string, value any, msg string) *FieldError {
	return &FieldError{Field: field, Rule: rule, Exception: ExceptionInvalidParameter, Value: value, Message: msg, Err: ruleInfo(rule).Err}
}

// listTags maps each list member to its element tag ("CallbackURLs" to
// "redirects"), read from the struct tags: a list over its size fails its
// length tag, and its elements are then examined too.
var listTags = func() map[string]string {
	m := map[string]string{}
	t := reflect.TypeFor[CreateUserPoolClientRequest]()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.Kind() != reflect.Slice {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		tags := strings.Split(f.Tag.Get("validate"), ",")
		m[name] = tags[len(tags)-1]
	}
	return m
}()
