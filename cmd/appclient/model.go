package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/cognitokit/appclient/internal/suggest"
)

// valueType is the JSON type of a request member.
type valueType uint8

const (
	typeString valueType = iota
	typeInt
	typeBool
	typeStringList
	typeObject
)

func (t valueType) String() string {
	switch t {
	case typeString:
		return "a string"
	case typeInt:
		return "an integer"
	case typeBool:
		return "a boolean"
	case typeStringList:
		return "a list of strings"
	case typeObject:
		return "a map"
	}
	return "unknown"
}

// memberSpec describes one member of the CreateUserPoolClient request and
// where CloudFormation and Terraform keep it.
type memberSpec struct {
	// Name is the AWS API member name, also the CloudFormation property name.
	Name string
	Type valueType
	// TF is the attribute (or block) name of the Terraform resource
	// aws_cognito_user_pool_client; "" where the provider has none.
	TF string
	// NoCFN is true for members that AWS::Cognito::UserPoolClient lacks.
	NoCFN bool
	// Fields are the members of an object.
	Fields []memberSpec
}

// requestMembers are the members of the request in the API's order. The
// CloudFormation property names are the API names; CloudFormation has no
// ClientSecret. The Terraform provider has no ClientSecret input either (its
// client_secret is an output) and keeps the three objects as blocks.
var requestMembers = []memberSpec{
	{Name: "UserPoolId", Type: typeString, TF: "user_pool_id"},
	{Name: "ClientName", Type: typeString, TF: "name"},
	{Name: "GenerateSecret", Type: typeBool, TF: "generate_secret"},
	{Name: "ClientSecret", Type: typeString, NoCFN: true},
	{Name: "RefreshTokenValidity", Type: typeInt, TF: "refresh_token_validity"},
	{Name: "AccessTokenValidity", Type: typeInt, TF: "access_token_validity"},
	{Name: "IdTokenValidity", Type: typeInt, TF: "id_token_validity"},
	{Name: "TokenValidityUnits", Type: typeObject, TF: "token_validity_units", Fields: []memberSpec{
		{Name: "AccessToken", Type: typeString, TF: "access_token"},
		{Name: "IdToken", Type: typeString, TF: "id_token"},
		{Name: "RefreshToken", Type: typeString, TF: "refresh_token"},
	}},
	{Name: "ReadAttributes", Type: typeStringList, TF: "read_attributes"},
	{Name: "WriteAttributes", Type: typeStringList, TF: "write_attributes"},
	{Name: "ExplicitAuthFlows", Type: typeStringList, TF: "explicit_auth_flows"},
	{Name: "SupportedIdentityProviders", Type: typeStringList, TF: "supported_identity_providers"},
	{Name: "CallbackURLs", Type: typeStringList, TF: "callback_urls"},
	{Name: "LogoutURLs", Type: typeStringList, TF: "logout_urls"},
	{Name: "DefaultRedirectURI", Type: typeString, TF: "default_redirect_uri"},
	{Name: "AllowedOAuthFlows", Type: typeStringList, TF: "allowed_oauth_flows"},
	{Name: "AllowedOAuthScopes", Type: typeStringList, TF: "allowed_oauth_scopes"},
	{Name: "AllowedOAuthFlowsUserPoolClient", Type: typeBool, TF: "allowed_oauth_flows_user_pool_client"},
	{Name: "AnalyticsConfiguration", Type: typeObject, TF: "analytics_configuration", Fields: []memberSpec{
		{Name: "ApplicationId", Type: typeString, TF: "application_id"},
		{Name: "ApplicationArn", Type: typeString, TF: "application_arn"},
		{Name: "RoleArn", Type: typeString, TF: "role_arn"},
		{Name: "ExternalId", Type: typeString, TF: "external_id"},
		{Name: "UserDataShared", Type: typeBool, TF: "user_data_shared"},
	}},
	{Name: "PreventUserExistenceErrors", Type: typeString, TF: "prevent_user_existence_errors"},
	{Name: "EnableTokenRevocation", Type: typeBool, TF: "enable_token_revocation"},
	{Name: "EnablePropagateAdditionalUserContextData", Type: typeBool, TF: "enable_propagate_additional_user_context_data"},
	{Name: "AuthSessionValidity", Type: typeInt, TF: "auth_session_validity"},
	{Name: "RefreshTokenRotation", Type: typeObject, TF: "refresh_token_rotation", Fields: []memberSpec{
		{Name: "Feature", Type: typeString, TF: "feature"},
		{Name: "RetryGracePeriodSeconds", Type: typeInt, TF: "retry_grace_period_seconds"},
	}},
}

// client is one app-client definition found in a file: the request body it
// stands for, which of its members are unknown until deployment, and where
// each member is written.
type client struct {
	// Resource is the CloudFormation logical ID or the Terraform address; ""
	// for a request file.
	Resource string
	// Pos is where the resource (or the request object) starts.
	Pos pos
	// Body is the request body as encoding/json would read it. Unknown values
	// are left out, except list elements, which are "" so that the indexes of
	// the known elements stay right.
	Body map[string]any
	// Unknown holds the member paths whose value is only known at deployment:
	// "DefaultRedirectURI", "CallbackURLs" (the whole list), "CallbackURLs[2]"
	// (one element), "CallbackURLs#" (the number of elements),
	// "TokenValidityUnits" (the whole object), "TokenValidityUnits.IdToken".
	Unknown map[string]bool
	// Where maps member paths to positions.
	Where map[string]pos
	// Errs are problems that keep the client from being checked.
	Errs []*posError
	// Ignored holds the rule ids whose findings are dropped for this client
	// (silenced in the resource itself); nil means none.
	Ignored map[string]bool
}

func newClient(resource string, at pos) *client {
	return &client{Resource: resource, Pos: at, Body: map[string]any{}, Unknown: map[string]bool{}, Where: map[string]pos{}}
}

func (c *client) errorf(at pos, format string, args ...any) {
	c.Errs = append(c.Errs, &posError{Pos: at, Msg: fmt.Sprintf(format, args...)})
}

// unknownPaths returns the unknown member paths, sorted.
func (c *client) unknownPaths() []string {
	out := make([]string, 0, len(c.Unknown))
	for p := range c.Unknown {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// posOf returns the position of a member path, falling back to its parents
// and then to the resource.
func (c *client) posOf(path string) pos {
	for p := path; p != ""; p = parentPath(p) {
		if at, ok := c.Where[p]; ok {
			return at
		}
	}
	return c.Pos
}

// parentPath strips the last element or index of a member path:
// "A.B[2]" → "A.B" → "A" → "".
func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// isUnknown reports whether a token names a value that is unknown. Tokens
// are member paths ("A", "A.B", "L[3]") and two list forms: "L#", the number
// of elements of L, and "L[*]", every element of L.
func (c *client) isUnknown(tok string) bool {
	if len(c.Unknown) == 0 {
		return false
	}
	switch {
	case strings.HasSuffix(tok, "[*]"):
		list := strings.TrimSuffix(tok, "[*]")
		if c.isUnknown(list + "#") {
			return true
		}
		for p := range c.Unknown {
			if strings.HasPrefix(p, list+"[") {
				return true
			}
		}
		return false
	case strings.HasSuffix(tok, "#"):
		list := strings.TrimSuffix(tok, "#")
		return c.Unknown[tok] || c.isUnknown(list)
	}
	for p := tok; p != ""; p = parentPath(p) {
		if c.Unknown[p] {
			return true
		}
	}
	return false
}

// scalarString returns the text of a scalar node as CloudFormation would
// pass it on: numbers and booleans become their text.
func scalarString(n *node) (string, bool) {
	switch n.Kind {
	case kindString, kindNumber, kindBool:
		return n.Str, true
	}
	return "", false
}

// scalarInt reads an integer from a number or a string holding one.
func scalarInt(n *node) (int64, error) {
	switch n.Kind {
	case kindNumber, kindString:
	default:
		return 0, fmt.Errorf("must be an integer, not %s", n.Kind)
	}
	s := strings.TrimSpace(n.Str)
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		// 60.0 is an integer too.
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
			return 0, fmt.Errorf("must be an integer, not %q", n.Str)
		}
		if f > math.MaxInt32 || f < math.MinInt32 {
			return 0, fmt.Errorf("%s does not fit in a 32-bit integer", n.Str)
		}
		v = int64(f)
	}
	if v > math.MaxInt32 || v < math.MinInt32 {
		return 0, fmt.Errorf("%s does not fit in a 32-bit integer", n.Str)
	}
	return v, nil
}

// scalarBool reads a boolean from a boolean or the strings "true"/"false"
// (any case), as CloudFormation accepts both.
func scalarBool(n *node) (bool, error) {
	switch n.Kind {
	case kindBool:
		return n.Str == "true", nil
	case kindString:
		switch strings.ToLower(n.Str) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return false, fmt.Errorf("must be true or false, not %q", n.Str)
	}
	return false, fmt.Errorf("must be true or false, not %s", n.Kind)
}

// hint returns " (did you mean ...?)" naming the member whose name key most
// likely means, or "". name gives a spec's name, or "" to leave it out.
func hint(key string, specs []memberSpec, name func(memberSpec) string) string {
	names := make([]string, 0, len(specs))
	for _, s := range specs {
		if n := name(s); n != "" {
			names = append(names, n)
		}
	}
	if best := suggest.Nearest(key, names); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
