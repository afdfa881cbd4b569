package appclient

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

// Known is what a check knows of a client besides its request.
type Known struct {
	// Pool describes the client's user pool. nil leaves undecided the rules
	// that need it (the rules of [Rules] with Scope [ScopePool]).
	Pool *Pool
	// Secret says whether the client has a client secret, where the request
	// does not say: an update request (see
	// [UpdateUserPoolClientRequest.ValidateWithSecret]). nil leaves the rules
	// that need to know undecided. A create request says it itself
	// (GenerateSecret, ClientSecret), and Secret is not read.
	Secret *bool
}

// Check runs every rule that what is known lets it decide on the request, and
// returns the findings: the violations, as Validate reports them (with k.Pool,
// as ValidateInPool does), then the advisories, as Lint reports them (with
// k.Pool, followed by LintInPool's). nil means none.
//
// Validate, Lint, ValidateInPool and LintInPool are its parts, for callers
// that want an error or the advisories alone.
func (r *CreateUserPoolClientRequest) Check(k Known) []*Finding {
	if r == nil {
		return findingsOf(r.Validate(), nil)
	}
	return findingsOf(r.ValidateInPool(k.Pool), append(r.Lint(), r.LintInPool(k.Pool)...))
}

// Check runs every rule that what is known lets it decide on the update, as
// [CreateUserPoolClientRequest.Check] does on a create request: with
// k.Secret, the rules that need to know whether the client has a secret too
// (see [UpdateUserPoolClientRequest.ValidateWithSecret]).
func (r *UpdateUserPoolClientRequest) Check(k Known) []*Finding {
	if r == nil {
		return findingsOf(r.Validate(), nil)
	}
	err := r.Validate()
	if k.Secret != nil {
		err = r.ValidateWithSecret(*k.Secret)
	}
	if k.Pool != nil {
		v := r.view()
		err = withPoolErrors(err, &v, k.Pool)
	}
	return findingsOf(err, append(r.Lint(), r.LintInPool(k.Pool)...))
}

// findingsOf returns the violations of err, a nil or *ValidationError, as
// findings, followed by the advisories.
func findingsOf(err error, advisories []*Finding) []*Finding {
	ve, _ := err.(*ValidationError)
	if ve == nil {
		return advisories
	}
	out := make([]*Finding, 0, len(ve.Errors)+len(advisories))
	for _, fe := range ve.Errors {
		out = append(out, &Finding{Field: fe.Field, Rule: fe.Rule, Severity: SeverityError, Exception: fe.Exception,
			Message: fe.Message, Value: fe.Value, Err: fe.Err})
	}
	return append(out, advisories...)
}
