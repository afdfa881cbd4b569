package iac

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const forEachTemplate = `Transform: AWS::LanguageExtensions
Parameters:
  Apps:
    Type: CommaDelimitedList
    Default: "shop, back-office"
  Open:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Clients:
    - App
    - COLLECTION
    - "&{App}Client":
        Type: AWS::Cognito::UserPoolClient
        Properties:
          UserPoolId: us-east-1_abc123
          ClientName: !Ref App
          PreventUserExistenceErrors: ENABLED
          DefaultRedirectURI: !Sub "https://${App}.example.com/cb"
          CallbackURLs: [CALLBACK]
`

// TestForEach: the clients of an Fn::ForEach loop are checked once per item
// of a collection known before deployment, with the identifier replaced in
// the logical ID, Ref and Fn::Sub; with an unknown collection, once, with
// the identifier unknown. A loop never hides its clients.
func TestForEach(t *testing.T) {
	tests := []struct {
		name, collection, callback string
		clients                    []string
		errors                     []string
	}{
		{"literal list, every client right", "[shop]", "https://shop.example.com/cb",
			[]string{"shopClient"}, nil},
		{"literal list, the item reaches Fn::Sub", "[shop, admin]", "https://shop.example.com/cb",
			[]string{"shopClient", "adminClient"}, []string{"adminClient DefaultRedirectURI default-redirect-in-callbacks"}},
		{"list parameter with a default; &{} keeps letters and digits", "!Ref Apps", "https://shop.example.com/cb",
			[]string{"shopClient", "backofficeClient"}, []string{"backofficeClient DefaultRedirectURI default-redirect-in-callbacks"}},
		{"unknown collection: once, the identifier unknown", "!Ref Open", "http://app.example.com/cb",
			[]string{"&{App}Client"}, []string{"&{App}Client CallbackURLs[0] redirect-https"}},
		{"unknown collection: a rule reading the identifier is not decided", "!Ref Open", "https://app.example.com/cb",
			[]string{"&{App}Client"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.NewReplacer("COLLECTION", tc.collection, "CALLBACK", tc.callback).Replace(forEachTemplate)
			f := ReadBytes("template.yaml", []byte(src))
			if len(f.Errors) > 0 {
				t.Fatalf("input errors: %v", f.Errors)
			}
			var clients, errs []string
			for _, c := range f.Clients {
				clients = append(clients, c.Resource)
				if len(c.Errors) > 0 {
					t.Errorf("%s: %v", c.Resource, c.Errors)
				}
			}
			for _, fd := range f.Findings() {
				if fd.Severity == "error" {
					errs = append(errs, fmt.Sprintf("%s %s %s", fd.Resource, fd.Field, fd.Rule))
				}
			}
			if diff := cmp.Diff(tc.clients, clients); diff != "" {
				t.Errorf("clients mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.errors, errs); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestForEachBounded: a loop whose expansion would build more values than
// its budget is checked once, as an unknown collection is, and nested loops
// deeper than CloudFormation allows are not expanded: memory stays bounded
// whatever the input.
func TestForEachBounded(t *testing.T) {
	items := make([]string, 60000)
	for i := range items {
		items[i] = fmt.Sprintf("a%d", i)
	}
	src := strings.NewReplacer("COLLECTION", "["+strings.Join(items, ", ")+"]", "CALLBACK", "https://a.example.com/cb").Replace(forEachTemplate)
	f := ReadBytes("template.yaml", []byte(src))
	if len(f.Errors) > 0 {
		t.Fatalf("input errors: %v", f.Errors)
	}
	if len(f.Clients) != 1 || f.Clients[0].Resource != "&{App}Client" {
		t.Errorf("got %d clients; want the template once, its identifier unknown", len(f.Clients))
	}
}
