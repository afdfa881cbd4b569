package appclient

import (
	"errors"
	"fmt"

	"github.com/go-playground/validator/v10"
)

// UpdateUserPoolClientRequest is the request of Cognito's UpdateUserPoolClient
// operation. UpdateUserPoolClient replaces the client's whole configuration:
// every member the request omits goes back to its default, so an update that
// means to change one member must carry every other member of the current
// configuration.
//
// Its members are those of [CreateUserPoolClientRequest], with the same Go
// names, types and constraints, except that ClientID names the client,
// ClientName is optional, and GenerateSecret and ClientSecret do not exist: an
// update cannot add, remove or change a client secret.
//
// updateOnly holds the members that only UpdateUserPoolClientRequest has, and
// above, the type's doc: the generator (internal/gen) writes the type into
// members_gen.go from them and from CreateUserPoolClientRequest's other
// members, docs and tags included. It is not used otherwise.
type updateOnly struct {
	// UserPoolID is the ID of the user pool that holds the app client, such as
	// "us-east-1_AbC123xyz". Required; 1 to 55 characters matching
	// [\w-]+_[0-9a-zA-Z]+.
	UserPoolID string `json:"UserPoolId,omitzero" validate:"required,min=1,max=55,userpoolid"`

	// ClientID is the ID of the app client to update. Required; 1 to 128
	// characters of letters, digits, underscore and plus.
	ClientID string `json:"ClientId,omitzero" validate:"required,min=1,max=128,clientid"`

	// ClientName is the new friendly (display) name of the app client: 1 to 128
	// characters of letters, digits, underscore, whitespace and +=,.@-. Absent
	// keeps the current name.
	ClientName *string `json:"ClientName,omitzero" validate:"omitnil,min=1,max=128,clientname"`
}

// Validate checks the update against everything Cognito enforces on
// UpdateUserPoolClient that can be decided from the request alone, as
// [CreateUserPoolClientRequest.Validate] does for a create request: UserPoolId,
// ClientId and ClientName against their own constraints (ClientName only when
// present), and every other member against the same model constraints and
// service rules as in a create request, with the same member paths.
//
// Two rules need to know whether the client has a secret, which an update
// request does not say: client-credentials-needs-secret and
// context-data-needs-secret. Validate skips them;
// [UpdateUserPoolClientRequest.ValidateWithSecret] decides them too. The rule
// about GenerateSecret together with ClientSecret never applies, as an update
// has neither.
//
// It returns nil or a *[ValidationError] that holds every violation, in the
// order Validate gives for a create request.
func (r *UpdateUserPoolClientRequest) Validate() error {
	return r.validate(true)
}

// ValidateWithSecret is [UpdateUserPoolClientRequest.Validate] for a client
// whose secret state the caller knows, for example from
// DescribeUserPoolClient (the described client has a ClientSecret) or from
// the configuration it was created with: it also decides
// client-credentials-needs-secret and context-data-needs-secret. hasSecret
// reports whether the client has a client secret; an update cannot add or
// remove one.
func (r *UpdateUserPoolClientRequest) ValidateWithSecret(hasSecret bool) error {
	return r.validate(hasSecret)
}

// validate checks r as for a client whose secret state is hasSecret. Validate
// passes true: a client assumed to have a secret breaks neither of the two
// rules that need one, which is what skipping them means.
func (r *UpdateUserPoolClientRequest) validate(hasSecret bool) error {
	if r == nil {
		return &ValidationError{Errors: []*FieldError{{Rule: RuleRequired, Exception: ExceptionInvalidParameter,
			Message: "request is nil", Err: ErrRequired}}}
	}
	var errs []*FieldError
	// The members of the update's own: their tags are checked on r itself.
	if err := engine.StructPartial(r, "UserPoolID", "ClientID", "ClientName"); err != nil {
		var verrs validator.ValidationErrors
		if !errors.As(err, &verrs) {
			// Only a non-struct argument makes the validator fail this way.
			panic(fmt.Sprintf("appclient: validator: %v", err))
		}
		errs = modelErrors(verrs)
	}
	// The shared members: the create request's checks, on a view of r. Its
	// ClientName is a valid stand-in, checked above in r's own terms.
	v := r.view()
	v.ClientName = "x"
	v.GenerateSecret = hasSecret
	if err := v.Validate(); err != nil {
		var ve *ValidationError
		if !errors.As(err, &ve) {
			return err
		}
		for _, fe := range ve.Errors {
			switch fe.Field {
			case "UserPoolId", "ClientName":
				continue // reported above
			}
			switch fe.Rule {
			case RuleClientCredentialsNeedsSecret:
				fe.Message = "client_credentials needs a client secret, and the client has none (an update cannot add one)"
			case RuleContextDataNeedsSecret:
				fe.Message = "can be true only for a client with a secret, and the client has none (an update cannot add one)"
			case RuleClientTokenAuthNeedsSecret:
				fe.Message = "ALLOW_CLIENT_TOKEN_AUTH needs a client secret, and the client has none (an update cannot add one)"
			}
			errs = append(errs, fe)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: errs}
}

// Configuration returns the configuration that r gives the client, as a
// create request: a copy of every shared member, ClientName as *r.ClientName
// or "" when r leaves it out, and GenerateSecret false and ClientSecret nil,
// since an update does not say whether the client has a secret (set
// GenerateSecret yourself where you know it). The result shares no memory with
// r. It is what [Diff] compares an update with.
func (r *UpdateUserPoolClientRequest) Configuration() CreateUserPoolClientRequest {
	v := r.view()
	return cloneRequest(&v)
}
