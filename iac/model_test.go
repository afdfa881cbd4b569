package iac

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
)

// TestMembersMatchRequestType: the command's member table names exactly the
// request type's members, nested ones included, in the API's order, so a
// member added to the library cannot be missed here.
func TestMembersMatchRequestType(t *testing.T) {
	var walkType func(reflect.Type, string) []string
	walkType = func(typ reflect.Type, prefix string) []string {
		var out []string
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			out = append(out, prefix+name)
			if f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct {
				out = append(out, walkType(f.Type.Elem(), prefix+name+".")...)
			}
		}
		return out
	}
	var walkSpecs func([]memberSpec, string) []string
	walkSpecs = func(specs []memberSpec, prefix string) []string {
		var out []string
		for _, s := range specs {
			out = append(out, prefix+s.Name)
			out = append(out, walkSpecs(s.Fields, prefix+s.Name+".")...)
		}
		return out
	}
	want := walkType(reflect.TypeFor[appclient.CreateUserPoolClientRequest](), "")
	if diff := cmp.Diff(want, walkSpecs(requestMembers, "")); diff != "" {
		t.Errorf("member table mismatch (-request type +table):\n%s", diff)
	}
}
