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

// Lint returns the advisories of the request: settings Cognito accepts but
// that almost surely work badly or dangerously, the rules of [Rules] with
// Severity [SeverityWarning] (an implicit grant, a wildcard callback URL, a
// password flow, a duplicate list entry, ...). They come in the table's order,
// each in list-index order; nil means none.
//
// Lint does not validate: run [CreateUserPoolClientRequest.Validate] for what
// Cognito rejects. The two are independent, so a request can have both
// violations and advisories.
func (r *CreateUserPoolClientRequest) Lint() []*Advisory {
	if r == nil {
		return nil
	}
	return lintAdvisories(r)
}

// Lint returns the advisories of the update request, as
// [CreateUserPoolClientRequest.Lint] does for a create request with the same
// members: the advisories read no member that only one of the two requests
// has.
func (r *UpdateUserPoolClientRequest) Lint() []*Advisory {
	if r == nil {
		return nil
	}
	v := r.view()
	return lintAdvisories(&v)
}

// ValidateInPool is [CreateUserPoolClientRequest.Validate] plus the rules that
// need the user pool p (rule book section 3): every custom scope exists in
// the pool (custom-scope-exists), every identity provider is configured there
// (identity-provider-exists), WriteAttributes includes the attributes the
// pool requires (write-attributes-include-required), and the pool's feature
// plan includes the features the client uses (feature-plan). It returns nil
// or a *ValidationError, the pool's violations after Validate's.
//
// Each rule is decided only on what p knows (see [Pool]); like the OAuth
// rules of Validate, custom-scope-exists applies only when
// AllowedOAuthFlowsUserPoolClient is true, and every rule looks only at
// values that passed their own model constraints. A nil p makes
// ValidateInPool the same as Validate. The warning about attributes that do
// not exist is [CreateUserPoolClientRequest.LintInPool]'s.
//
// ValidateInPool does not check that UserPoolID is p's ID: a pool written by
// hand or read from a template may have none.
func (r *CreateUserPoolClientRequest) ValidateInPool(p *Pool) error {
	err := r.Validate()
	if r == nil || p == nil {
		return err
	}
	return withPoolErrors(err, r, p)
}

// LintInPool returns the warnings that need the user pool p: read and write
// attributes that are neither standard nor in the pool's schema
// (attribute-exists), such as a custom attribute written without its
// "custom:" prefix or with a typo. Cognito's answer to those is not yet
// recorded, so they are warnings, not errors. It returns nil when p is nil or
// its schema is incomplete.
func (r *CreateUserPoolClientRequest) LintInPool(p *Pool) []*Advisory {
	if r == nil || p == nil {
		return nil
	}
	return poolAdvisories(r, p)
}

// ValidateInPool is [UpdateUserPoolClientRequest.Validate] plus the rules
// that need the user pool p, as [CreateUserPoolClientRequest.ValidateInPool]
// adds them to a create request: they read the configuration the update
// gives the client (the same view Validate and Lint read), and report with
// the same member paths. Like Validate, it leaves the two rules that need to
// know whether the client has a secret (client-credentials-needs-secret and
// context-data-needs-secret) undecided; no pool rule reads the secret. A nil
// p makes it the same as Validate.
func (r *UpdateUserPoolClientRequest) ValidateInPool(p *Pool) error {
	err := r.Validate()
	if r == nil || p == nil {
		return err
	}
	v := r.view()
	return withPoolErrors(err, &v, p)
}

// LintInPool returns the warnings that need the user pool p for the
// configuration the update gives the client, as
// [CreateUserPoolClientRequest.LintInPool] does for a create request. It
// returns nil when p is nil or its schema is incomplete.
func (r *UpdateUserPoolClientRequest) LintInPool(p *Pool) []*Advisory {
	if r == nil || p == nil {
		return nil
	}
	v := r.view()
	return poolAdvisories(&v, p)
}
