package appclient

// Validate checks the request against the constraints of the AWS model and
// Cognito's service rules.
//
// In this first step only the required members are checked; the full rule set
// follows.
func (r *CreateUserPoolClientRequest) Validate() error {
	var errs []*FieldError
	if r.UserPoolID == "" {
		errs = append(errs, &FieldError{Field: "UserPoolId", Rule: "required", Exception: ExceptionInvalidParameter, Message: "is required", Err: ErrRequired})
	}
	if r.ClientName == "" {
		errs = append(errs, &FieldError{Field: "ClientName", Rule: "required", Exception: ExceptionInvalidParameter, Message: "is required", Err: ErrRequired})
	}
	if errs == nil {
		return nil
	}
	return &ValidationError{Errors: errs}
}
