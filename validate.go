package appclient

import (
	"fmt"
	"reflect"
	"strings"

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

// The model constraints are validator/v10 tags on the request types, written
// as its documentation shows and reading like the AWS model's traits:
//
//   - required: a required member (an empty string counts as absent);
//   - omitnil: an optional pointer member, checked only when present (so that
//     a present "" still fails its length);
//   - omitempty: an optional enumeration, whose "" means absent;
//   - min and max: the model's @length of a string (in characters: the
//     validator counts runes) or of a list, and its @range of a number;
//   - dive: the tags after it apply to each element of a list;
//   - oneof: a closed enumeration, its values in the model's order;
//   - a pattern of the AWS model, one tag each (userpoolid, clientname, ...,
//     see patternTags), registered with RegisterValidation;
//   - authflow: an ExplicitAuthFlows value, open to flows newer than this
//     version (see the package doc on new values).
//
// What a failed tag means to the user (rule and message) is decided here, by
// the tag's name, never from the validator's own English text.

// engine is the one validator, configured once: JSON member names in paths,
// and the pattern tags of this package. It knows nothing of the service
// rules, which Validate runs after it.
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
	register := func(tag string, ok func(string) bool) {
		fn := func(fl validator.FieldLevel) bool { return ok(fl.Field().String()) }
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic(err) // a programming error in the tag names
		}
	}
	for tag, p := range patternTags {
		match := p.match
		register(tag, func(s string) bool { return match(s) < 0 })
	}
	register("authflow", func(s string) bool {
		f := ExplicitAuthFlow(s)
		return f.Valid() || f.lagging()
	})
	return v
}

// patternTag is a pattern of the AWS model: its matcher and, in words, the
// characters it allows.
type patternTag struct {
	match func(string) int
	want  string
}

// patternTags are the validator tags of the model's patterns.
var patternTags = map[string]patternTag{
	"userpoolid":   {matchUserPoolID, wantUserPoolID},
	"clientname":   {matchClientName, wantClientName},
	"clientsecret": {matchClientSecret, wantSecretChars},
	"clientid":     {matchClientID, wantSecretChars},
	"hexstring":    {matchHex, wantHex},
	"arn":          {matchARN, wantARN},
	"redirect":     {matchRedirect, wantRedirect},
	"provider":     {matchProvider, wantProvider},
	"scope":        {matchScope, wantScope},
}

// modelErrors turns the validator's errors into FieldErrors, worded by
// patterns.go.
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
		out = appendModelError(out, path, fe)
	}
	return out
}

// appendModelError appends the violation that fe, the failed tag of the
// value at path, stands for. A list over its size is examined element by
// element too, as the validator stops at a value's first failed tag.
func appendModelError(out []*FieldError, path string, fe validator.FieldError) []*FieldError {
	member := path
	if i := strings.IndexByte(path, '['); i >= 0 {
		member = path[:i] + "[]"
	}
	c := memberConstraints[member]
	secret := member == "ClientSecret"
	value := fe.Value()
	if secret {
		value = nil
	}
	var rule, msg string
	switch tag := fe.Tag(); tag {
	case "required":
		// There is no value: the member is absent or empty.
		rule, msg, value = RuleRequired, "is required", nil
	case "min", "max":
		switch fe.Kind() {
		case reflect.Slice:
			n := reflect.ValueOf(fe.Value()).Len()
			out = append(out, newFieldError(path, RuleListSize, n,
				fmt.Sprintf("has %d entries, want at most %d", n, c.b.hi)))
			return listElements(out, path, fe.Value())
		case reflect.String:
			s := fe.Value().(string)
			rule = RuleLength
			if secret {
				msg = fmt.Sprintf("has %d characters, want %d to %d", len([]rune(s)), c.b.lo, c.b.hi)
			} else {
				msg = lengthMessage(s, c.b)
			}
		default:
			rule, msg = RuleRange, fmt.Sprintf("%v is outside %d to %d", fe.Value(), c.b.lo, c.b.hi)
		}
	case "oneof":
		rule, msg = RuleEnum, enumMessage(fieldString(fe), strings.ReplaceAll(fe.Param(), " ", ", "))
	case "authflow":
		rule, msg = RuleEnum, authFlowMessage(fieldString(fe))
	default:
		p, ok := patternTags[tag]
		switch {
		case !ok:
			panic("appclient: unmapped validator tag " + tag)
		case secret:
			rule, msg = RulePattern, "holds characters other than "+p.want
		default:
			rule, msg = RulePattern, patternMessage(fieldString(fe), p.match, p.want)
		}
	}
	return append(out, newFieldError(path, rule, value, msg))
}

// listElements appends a violation for each element of the list value at
// path that breaks its element tags. Only a list over its size gets here.
func listElements(out []*FieldError, path string, list any) []*FieldError {
	elem := memberConstraints[path+"[]"]
	v := reflect.ValueOf(list)
	for i := 0; i < v.Len(); i++ {
		err := engine.Var(v.Index(i).Interface(), elem.tags)
		if verrs, ok := err.(validator.ValidationErrors); ok {
			for _, fe := range verrs {
				out = appendModelError(out, index(path, i), fe)
			}
		}
	}
	return out
}

// fieldString returns the string, or typed string, that fe's value is.
func fieldString(fe validator.FieldError) string { return reflect.ValueOf(fe.Value()).String() }

// newFieldError makes a FieldError for a model constraint.
func newFieldError(field, rule string, value any, msg string) *FieldError {
	return &FieldError{Field: field, Rule: rule, Exception: ExceptionInvalidParameter, Value: value, Message: msg, Err: ruleInfo(rule).Err}
}
