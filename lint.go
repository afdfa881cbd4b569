package appclient

// Advisory is one finding of Lint: something Cognito accepts but that works
// badly or dangerously, as the rule book's section 4 lists them.
type Advisory struct {
	// Field is the AWS member path of the value to change, as in
	// [FieldError.Field].
	Field string
	// Rule is the advisory's id in the rule book, such as "implicit-grant".
	Rule string
	// Message says what is wrong and why, without the member path.
	Message string
	// Value is the value the advisory is about, or nil where there is none or
	// it is secret.
	Value any
}

// String returns "Field: Message".
func (a *Advisory) String() string {
	if a.Field == "" {
		return a.Message
	}
	return a.Field + ": " + a.Message
}
