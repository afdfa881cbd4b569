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
