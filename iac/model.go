package iac

import (
	"reflect"

	"fmt"
	"github.com/cognitokit/appclient"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/cognitokit/appclient/iac/internal/tree"
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

// requestMembers are the members of the request in the API's order, read
// from the request type's JSON tags so that a member added to the library
// is read here too.
var requestMembers = membersOf(reflect.TypeFor[appclient.CreateUserPoolClientRequest]())

// tfNameExceptions are the Terraform attribute names that are not the
// member name in snake case; "" where the provider has no input: its
// client_secret is an output.
var tfNameExceptions = map[string]string{"ClientName": "name", "ClientSecret": ""}

// cfnLacks are the members AWS::Cognito::UserPoolClient has no property
// for.
var cfnLacks = map[string]bool{"ClientSecret": true}

// membersOf describes the members of a request struct type, in field order.
func membersOf(t reflect.Type) []memberSpec {
	var out []memberSpec
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		spec := memberSpec{Name: name, NoCFN: cfnLacks[name]}
		if tf, ok := tfNameExceptions[name]; ok {
			spec.TF = tf
		} else {
			spec.TF = snakeCase(name)
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch ft.Kind() {
		case reflect.String:
			spec.Type = typeString
		case reflect.Bool:
			spec.Type = typeBool
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			spec.Type = typeInt
		case reflect.Slice:
			spec.Type = typeStringList
		case reflect.Struct:
			spec.Type = typeObject
			spec.Fields = membersOf(ft)
		default:
			panic("iac: request member " + name + " of unexpected type " + f.Type.String())
		}
		out = append(out, spec)
	}
	return out
}

// snakeCase turns an AWS member name into the Terraform provider's
// attribute name: "CallbackURLs" becomes "callback_urls", "IdToken"
// "id_token", "AllowedOAuthFlows" "allowed_oauth_flows".
func snakeCase(name string) string {
	name = strings.ReplaceAll(name, "OAuth", "Oauth")
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		upper := c >= 'A' && c <= 'Z'
		if upper && i > 0 {
			prevLower := name[i-1] >= 'a' && name[i-1] <= 'z'
			nextLower := i+1 < len(name) && name[i+1] >= 'a' && name[i+1] <= 'z' && name[i+1] != 's'
			prevUpper := name[i-1] >= 'A' && name[i-1] <= 'Z'
			if prevLower || (prevUpper && nextLower) {
				b.WriteByte('_')
			}
		}
		if upper {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// client is one app-client definition found in a file: the request body it
// stands for, which of its members are unknown until deployment, and where
// each member is written.
type client struct {
	// Resource is the CloudFormation logical ID or the Terraform address; ""
	// for a request file.
	Resource string
	// Pos is where the resource (or the request object) starts.
	Pos Position
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
	Where map[string]Position
	// Errs are problems that keep the client from being checked.
	Errs []*tree.Error
	// Defaults maps member paths to the defaults their values rest on.
	Defaults map[string]string
	// Origins maps member paths to the values a deployment passes that
	// their values rest on.
	Origins map[string][]Origin
	// Ignore are the rule ids the definition silences.
	Ignore []string
	// managed is true for a Terraform aws_cognito_managed_user_pool_client,
	// which changes an existing client with UpdateUserPoolClient: finish
	// makes it an update, its ClientId unknown.
	managed bool
}

func newClient(resource string, at Position) *client {
	return &client{Resource: resource, Pos: at, Body: map[string]any{}, Unknown: map[string]bool{}, Where: map[string]Position{}, Defaults: map[string]string{}, Origins: map[string][]Origin{}}
}

func (c *client) errorf(at Position, format string, args ...any) {
	c.Errs = append(c.Errs, &tree.Error{Pos: at, Msg: fmt.Sprintf(format, args...)})
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

// scalarString returns the text of a scalar node as CloudFormation would
// pass it on: numbers and booleans become their text.
func scalarString(n *tree.Value) (string, bool) {
	switch n.Kind {
	case tree.String, tree.Number, tree.Bool:
		return n.Str, true
	}
	return "", false
}

// scalarInt reads an integer from a number or a string holding one.
func scalarInt(n *tree.Value) (int64, error) {
	switch n.Kind {
	case tree.Number, tree.String:
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
func scalarBool(n *tree.Value) (bool, error) {
	switch n.Kind {
	case tree.Bool:
		return n.Str == "true", nil
	case tree.String:
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

// public returns the client as the package's API shows it, without its
// request, which the caller fills in once the client has no errors.
func (c *client) public(file string) *Client {
	out := &Client{File: file, Resource: c.Resource, Pos: c.Pos, Unknown: c.unknownPaths(), Positions: c.Where, Defaults: c.Defaults, Origins: c.Origins, Ignore: c.Ignore}
	for _, e := range c.Errs {
		out.Errors = append(out.Errors, &Error{File: file, Pos: e.Pos, Resource: c.Resource, Message: e.Msg})
	}
	return out
}
