package appclient

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
	var err error
	if k.Secret != nil {
		err = r.ValidateWithSecret(*k.Secret)
	} else {
		err = r.Validate()
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
