package appclient

import (
	"errors"
	"strconv"
	"strings"
)

// The exceptions Cognito answers with, as they appear in FieldError.Exception.
const (
	ExceptionInvalidParameter  = "InvalidParameterException"
	ExceptionInvalidOAuthFlow  = "InvalidOAuthFlowException"
	ExceptionScopeDoesNotExist = "ScopeDoesNotExistException"
)

// Sentinel errors for the kinds of problem a [FieldError] reports. A FieldError
// unwraps to one of them, so errors.Is works on a single FieldError and through
// a [ValidationError] alike.
var (
	// ErrRequired: a required member is absent or empty.
	ErrRequired = errors.New("required member is missing")
	// ErrLength: a string has too few or too many characters.
	ErrLength = errors.New("length out of bounds")
	// ErrListSize: a list has too many entries.
	ErrListSize = errors.New("list size out of bounds")
	// ErrPattern: a string holds characters its member does not allow.
	ErrPattern = errors.New("value does not match pattern")
	// ErrEnum: a value is not one of its enumeration's values.
	ErrEnum = errors.New("value not in enumeration")
	// ErrRange: a number is out of its range.
	ErrRange = errors.New("number out of range")

	// ErrOAuth: the OAuth flows, scopes and callback URLs do not fit together
	// (rules oauth-flows-and-scopes-required, client-credentials-exclusive,
	// client-credentials-needs-secret, client-credentials-reserved-scope,
	// code-implicit-need-callbacks).
	ErrOAuth = errors.New("inconsistent OAuth settings")
	// ErrScopeNotFound: a scope that can never exist (rule scope-not-found).
	ErrScopeNotFound = errors.New("scope does not exist")
	// ErrRedirectURI: a callback or default redirect URI that Cognito does not
	// accept (rules redirect-https, redirect-absolute, redirect-no-fragment,
	// default-redirect-in-callbacks).
	ErrRedirectURI = errors.New("invalid redirect URI")
	// ErrClientSecret: secret settings that do not fit together (rules
	// secret-generate-or-custom, context-data-needs-secret).
	ErrClientSecret = errors.New("invalid client secret settings")
	// ErrAuthFlows: an invalid combination of explicit authentication flows
	// (rules explicit-flows-no-legacy-mix, refresh-token-auth-required,
	// rotation-forbids-refresh-token-auth).
	ErrAuthFlows = errors.New("invalid explicit auth flows")
	// ErrTokenValidity: a token lifetime outside what Cognito allows (rule
	// token-validity-range), or a duration no unit expresses exactly.
	ErrTokenValidity = errors.New("token validity out of range")
	// ErrTimeUnit: a time unit that is not one of [TimeUnit.Values], given to
	// [Duration] or found by [CreateUserPoolClientRequest.TokenLifetimes].
	// (Validate reports an invalid unit as a violation of rule enum, with
	// [ErrEnum].)
	ErrTimeUnit = errors.New("unknown time unit")
	// ErrAttributePermission: an attribute the client may not be given (rule
	// write-attribute-not-writable).
	ErrAttributePermission = errors.New("invalid attribute permission")
)

// FieldError is one violation: a member value that Cognito would reject.
type FieldError struct {
	// Field is the AWS member path of the value to change, such as
	// "ClientName", "CallbackURLs[2]" or "TokenValidityUnits.AccessToken".
	Field string
	// Rule is a stable identifier of the violated rule: for constraints of the
	// AWS model one of "required", "length", "list-size", "pattern", "enum" and
	// "range"; for service rules the rule book's kebab-case id, such as
	// "client-credentials-needs-secret".
	Rule string
	// Exception is the exception Cognito would answer with, such as
	// "InvalidParameterException".
	Exception string
	// Value is the offending value, whole: a string, a number, or a list's
	// length for list-size. It is nil where there is none (a required member
	// that is absent or empty, a rule about a whole list or about members that
	// do not fit together) or where it is secret: the value of ClientSecret
	// never appears here.
	Value any
	// Message says what is wrong, without the member path. It quotes at most
	// about 80 characters of a value, followed by an ellipsis.
	Message string
	// Err is the sentinel for the kind of problem, such as [ErrRequired].
	Err error
}

// Error returns "Field: Message".
func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// Unwrap returns Err.
func (e *FieldError) Unwrap() error { return e.Err }

// ValidationError holds every violation found in a request, in a deterministic
// order: model constraints in member declaration order, then service rules in
// the rule book's order.
type ValidationError struct {
	Errors []*FieldError
}

// Error lists the violations, one per line after the first.
func (e *ValidationError) Error() string {
	switch len(e.Errors) {
	case 0:
		return "appclient: no violations"
	case 1:
		return "appclient: " + e.Errors[0].Error()
	}
	var b strings.Builder
	b.WriteString("appclient: ")
	b.WriteString(strconv.Itoa(len(e.Errors)))
	b.WriteString(" violations:")
	for _, fe := range e.Errors {
		b.WriteString("\n\t")
		b.WriteString(fe.Error())
	}
	return b.String()
}

// Unwrap returns the violations, so that errors.Is and errors.As look into each.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Errors))
	for i, fe := range e.Errors {
		errs[i] = fe
	}
	return errs
}

// Finding is one result of a check: a violation that Cognito would reject
// (Severity [SeverityError]) or an advisory about something it accepts but
// that works badly or dangerously (Severity [SeverityWarning]). It is the one
// shape in which every part of the module reports: [CreateUserPoolClientRequest.Check]
// and Lint here, package iac for clients read from files (which sets File,
// Pos and Resource), and the command's output.
type Finding struct {
	// File names the file that defines the client; "" for a request checked
	// on its own.
	File string
	// Pos is where the offending value is written in File: the list element
	// for an element, the member otherwise, the client when the member is
	// absent. Zero when File is "".
	Pos Position
	// Resource names the client in File: a template's logical ID or a
	// Terraform address; "" for a request checked on its own.
	Resource string
	// Field is the AWS member path of the value to change, such as
	// "CallbackURLs[2]", as in [FieldError.Field].
	Field string
	// Rule is the rule's id, as in [RuleInfo.ID].
	Rule string
	// Severity is SeverityError for a violation, SeverityWarning for an
	// advisory.
	Severity Severity
	// Exception is the exception Cognito would answer with; "" for an
	// advisory.
	Exception string
	// Message says what is wrong and why, without the member path.
	Message string
	// Value is the value the finding is about, or nil where there is none or
	// it is secret.
	Value any
	// Err is the sentinel of a violation's kind, as in [FieldError.Err]; nil
	// for an advisory.
	Err error
}

// String returns "Field: Message (Rule)": the rule id is what silences the
// finding, in a template's ignore list or a configuration file.
func (f *Finding) String() string {
	s := f.Message + " (" + f.Rule + ")"
	if f.Field == "" {
		return s
	}
	return f.Field + ": " + s
}

// Position is a place in a file.
type Position struct {
	// Line counts lines from 1.
	Line int
	// Column counts characters (Unicode code points) from 1.
	Column int
}

// Sentinel errors for the kinds of problem a [DecodeError] reports.
var (
	// ErrSyntax: the input is not one well-formed JSON text: a syntax error,
	// invalid UTF-8, an unpaired surrogate escape, empty input, or data after
	// the request object.
	ErrSyntax = errors.New("invalid JSON")
	// ErrUnknownMember: an object member whose name is not, character for
	// character, a member of the request or of the nested type.
	ErrUnknownMember = errors.New("unknown member")
	// ErrDuplicateMember: the same member twice in one object.
	ErrDuplicateMember = errors.New("duplicate member")
	// ErrType: a value of the wrong JSON type, such as a number where a string
	// belongs, or a request that is not a JSON object.
	ErrType = errors.New("wrong JSON type")
	// ErrNumber: a number where a 32-bit integer belongs that is not one: it
	// has a fraction or an exponent, or lies outside -2147483648..2147483647.
	ErrNumber = errors.New("number is not a 32-bit integer")
	// ErrSecretInUpdate: a GenerateSecret or ClientSecret member in an
	// UpdateUserPoolClient request. It is [ErrSecretChange]: one fact, that
	// an update cannot add, remove or change a client secret, whether a
	// request file or a desired configuration says otherwise.
	ErrSecretInUpdate = ErrSecretChange
)

// DecodeError is the error [DecodeRequest] and [DecodeUpdateRequest] return
// for input they cannot read as a request. It describes the first problem in
// the input, in document order.
type DecodeError struct {
	// Field is the AWS member path of the offending member or value, such as
	// "ClientName", "CallbackURLs[2]" or "TokenValidityUnits.AccessToken". For
	// an unknown member it is the path of the name as written, such as
	// "TokenValidityUnits.accessToken". It is "" for syntax errors and for a
	// request that is not an object.
	Field string
	// Offset is the byte offset, from 0, where the problem is: the opening
	// quote of an unknown or duplicate member's name, the first byte of a
	// value of the wrong type, or the offending byte of a syntax error (the
	// input's length when it ends too early).
	Offset int64
	// Line and Column give Offset as a 1-based line and column. Lines end at
	// '\n'; the column counts characters (Unicode code points), as
	// [Position] does.
	Line, Column int
	// Suggestion is, for an unknown member, the name of the real member it
	// most likely means, at the same level as Field: "CallbackURLs" for
	// "callback_urls", "AccessToken" for "TokenValidityUnits.accessToken".
	// It is "" when no member is close.
	Suggestion string
	// Message describes the problem, without the position and the member
	// path.
	Message string
	// Err is the sentinel for the kind of problem: [ErrSyntax],
	// [ErrUnknownMember], [ErrDuplicateMember], [ErrType], [ErrNumber] or,
	// from DecodeUpdateRequest only, [ErrSecretInUpdate].
	Err error
}

// Error returns "appclient: line L, column C: Field: Message", leaving out the
// field when there is none.
func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("appclient: line ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(", column ")
	b.WriteString(strconv.Itoa(e.Column))
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	return b.String()
}

// Unwrap returns Err.
func (e *DecodeError) Unwrap() error { return e.Err }

// Advisory is a finding of Lint: something Cognito accepts but that works
// badly or dangerously, as the rule book's section 4 lists them. Its
// Severity is [SeverityWarning]; Lint sets no File, Pos or Resource.
type Advisory = Finding

// ExceptionFeatureUnavailableInTier is the exception Cognito answers when a
// client uses a feature its pool's plan does not include.
const ExceptionFeatureUnavailableInTier = "FeatureUnavailableInTierException"

// Sentinel errors of the pool rules, the Err of their FieldErrors.
var (
	// ErrScopeNotInPool: a custom scope the pool does not have (rule
	// custom-scope-exists).
	ErrScopeNotInPool = errors.New("custom scope not in user pool")
	// ErrProviderNotInPool: an identity provider the pool does not have
	// (rule identity-provider-exists).
	ErrProviderNotInPool = errors.New("identity provider not in user pool")
	// ErrRequiredAttributeNotWritable: WriteAttributes lacks an attribute the
	// pool requires (rule write-attributes-include-required).
	ErrRequiredAttributeNotWritable = errors.New("required attribute not writable")
	// ErrFeaturePlan: a feature the pool's plan does not include (rule
	// feature-plan).
	ErrFeaturePlan = errors.New("feature not in user pool's plan")
	// ErrDependencyOrder: a client that a deployment may create before a
	// resource it uses (rule dependency-order).
	ErrDependencyOrder = errors.New("client does not depend on a resource it uses")
)

// Severity says what a finding of a rule means.
type Severity string

const (
	// SeverityError: Cognito rejects the request. Validate reports these.
	SeverityError Severity = "error"
	// SeverityWarning: Cognito accepts the request, but it almost surely
	// works badly or dangerously. Lint reports these.
	SeverityWarning Severity = "warning"
)

// ErrSecretChange is the error of [UpdateTo] and [UpdateWith] for a desired
// configuration whose secret state differs from the client's, and of
// UpdateWith for a change that sets a ClientSecret: an update cannot add,
// remove or change a client secret.
var ErrSecretChange = errors.New("an update cannot add, remove or change a client secret")
