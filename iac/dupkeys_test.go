package iac

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// dupOutcome is what TestDuplicateKeys compares of a file read: the
// clients read without an error (and so checked), and every input error,
// the file's and its clients'.
type dupOutcome struct {
	Checked []string
	Errors  []string
}

// cfnClient is a template resource of an app client, indented as a member
// of Resources.
const cfnClient = "    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: web\n"

// TestDuplicateKeys reads inputs with a key written twice: outside every
// app client the last wins and nothing is said, as CloudFormation deploys
// the last; inside a client (its Properties, its resource, its logical ID)
// the client has an error naming both lines and is not checked, while the
// file's other clients are; a request file keeps rejecting it. Each case
// stands next to its neighbour without the duplicate.
func TestDuplicateKeys(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            dupOutcome
	}{
		{"YAML: no duplicate", "t.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: a\n  C:\n" + cfnClient,
			dupOutcome{Checked: []string{"C"}}},
		{"YAML: duplicate in another resource", "t.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: a\n      BucketName: b\n  C:\n" + cfnClient,
			dupOutcome{Checked: []string{"C"}}},
		{"YAML: duplicate at the top level", "t.yaml", "Description: a\nDescription: b\nResources:\n  C:\n" + cfnClient,
			dupOutcome{Checked: []string{"C"}}},
		{"YAML: duplicate in a client's Properties", "t.yaml", "Resources:\n  C:\n" + cfnClient + "      ClientName: other\n  D:\n" + cfnClient,
			dupOutcome{Checked: []string{"D"}, Errors: []string{`t.yaml:7:7: C: duplicate key "ClientName" (also at line 6): only the last one is used; keep one`}}},
		{"YAML: the same value twice in a client's Properties", "t.yaml", "Resources:\n  C:\n" + cfnClient + "      SupportedIdentityProviders: [COGNITO]\n      SupportedIdentityProviders:\n        - COGNITO\n",
			dupOutcome{Checked: []string{"C"}}},
		{"YAML: another value twice in a client's Properties", "t.yaml", "Resources:\n  C:\n" + cfnClient + "      SupportedIdentityProviders: [COGNITO]\n      SupportedIdentityProviders: [Google]\n",
			dupOutcome{Errors: []string{`t.yaml:8:7: C: duplicate key "SupportedIdentityProviders" (also at line 7): only the last one is used; keep one`}}},
		{"JSON: the same value twice in a client", "t.json", "{\"Resources\": {\"C\": {\"Type\": \"AWS::Cognito::UserPoolClient\", \"Properties\": {\"UserPoolId\": \"us-east-1_AbC123xyz\",\n\"UserPoolId\": \"us-east-1_AbC123xyz\"}}}}",
			dupOutcome{Checked: []string{"C"}}},
		{"YAML: duplicate deep in a client", "t.yaml", "Resources:\n  C:\n" + cfnClient + "      TokenValidityUnits: {IdToken: hours, IdToken: days}\n",
			dupOutcome{Errors: []string{`t.yaml:7:44: C: duplicate key "IdToken" (also at line 7): only the last one is used; keep one`}}},
		{"YAML: duplicate in a client's resource", "t.yaml", "Resources:\n  C:\n    Condition: A\n    Condition: B\n" + cfnClient,
			dupOutcome{Errors: []string{`t.yaml:4:5: C: duplicate key "Condition" (also at line 3): only the last one is used; keep one`}}},
		{"YAML: duplicate merged into a client", "t.yaml", "Base: &base {ClientName: a, ClientName: b}\nResources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      <<: *base\n      UserPoolId: us-east-1_AbC123xyz\n",
			dupOutcome{Errors: []string{`t.yaml:1:29: C: duplicate key "ClientName" (also at line 1): only the last one is used; keep one`}}},
		{"YAML: merged duplicate overridden", "t.yaml", "Base: &base {ClientName: a, ClientName: b}\nResources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      <<: *base\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: web\n",
			dupOutcome{Checked: []string{"C"}}},
		{"YAML: logical ID twice, the last a client", "t.yaml", "Resources:\n  C:\n    Type: AWS::S3::Bucket\n  C:\n" + cfnClient,
			dupOutcome{Errors: []string{`t.yaml:4:3: C: duplicate key "C" (also at line 2): only the last one is used; keep one`}}},
		{"YAML: logical ID twice, the first a client", "t.yaml", "Resources:\n  C:\n" + cfnClient + "  C:\n    Type: AWS::S3::Bucket\n  D:\n" + cfnClient,
			dupOutcome{Checked: []string{"D"}}},
		{"JSON: duplicate in another resource", "t.json", `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Type": "AWS::SNS::Topic"}, "C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "us-east-1_AbC123xyz"}}}}`,
			dupOutcome{Checked: []string{"C"}}},
		{"JSON: duplicate in a client", "t.json", "{\"Resources\": {\"C\": {\"Type\": \"AWS::Cognito::UserPoolClient\", \"Properties\": {\"UserPoolId\": \"us-east-1_AbC123xyz\",\n\"UserPoolId\": \"us-east-1_Other\"}}}}",
			dupOutcome{Errors: []string{`t.json:2:1: C: duplicate key "UserPoolId" (also at line 1): only the last one is used; keep one`}}},
		{"JSON: logical ID twice, the last a client", "t.json", "{\"Resources\": {\"C\": {},\n\"C\": {\"Type\": \"AWS::Cognito::UserPoolClient\"}}}",
			dupOutcome{Errors: []string{`t.json:2:1: C: duplicate key "C" (also at line 1): only the last one is used; keep one`}}},
		{"plan: duplicate in another resource", "p.json", `{"format_version": "1.2", "terraform_version": "1.9.8", "resource_changes": [` + planChange("aws_s3_bucket", "b", `"bucket": "a", "bucket": "b"`) + `, ` + planChange("aws_cognito_user_pool_client", "c", `"name": "web"`) + `]}`,
			dupOutcome{Checked: []string{"aws_cognito_user_pool_client.c"}}},
		{"plan: duplicate in a client", "p.json", `{"format_version": "1.2", "terraform_version": "1.9.8", "resource_changes": [` + planChange("aws_cognito_user_pool_client", "c", `"name": "web", "name": "api"`) + `]}`,
			dupOutcome{Errors: []string{`p.json:1:255: aws_cognito_user_pool_client.c: duplicate key "name" (also at line 1): only the last one is used; keep one`}}},
		{"state: duplicate in a client", "s.json", `{"version": 4, "terraform_version": "1.9.8", "resources": [{"mode": "managed", "type": "aws_cognito_user_pool_client", "name": "c", "instances": [{"attributes": {"name": "web", "name": "api", "user_pool_id": "us-east-1_AbC123xyz"}}]}]}`,
			dupOutcome{Errors: []string{`s.json:1:178: aws_cognito_user_pool_client.c: duplicate key "name" (also at line 1): only the last one is used; keep one`}}},
		{"state: no duplicate", "s.json", `{"version": 4, "terraform_version": "1.9.8", "resources": [{"mode": "managed", "type": "aws_cognito_user_pool_client", "name": "c", "instances": [{"attributes": {"name": "api", "user_pool_id": "us-east-1_AbC123xyz"}}]}]}`,
			dupOutcome{Checked: []string{"aws_cognito_user_pool_client.c"}}},
		{"request: no duplicate", "r.json", `{"UserPoolId": "us-east-1_AbC123xyz", "ClientName": "web"}`,
			dupOutcome{Checked: []string{""}}},
		{"request: duplicate", "r.json", "{\"UserPoolId\": \"us-east-1_AbC123xyz\", \"ClientName\": \"web\",\n\"ClientName\": \"api\"}",
			dupOutcome{Errors: []string{`r.json:2:1: duplicate member "ClientName" (first at line 1)`}}},
		{"request: duplicate in a replaced value", "r.json", "{\"UserPoolId\": \"us-east-1_AbC123xyz\", \"TokenValidityUnits\": {\"IdToken\": \"hours\",\n\"IdToken\": \"days\"},\n\"TokenValidityUnits\": {}}",
			dupOutcome{Errors: []string{`r.json:2:1: duplicate member "IdToken" (first at line 1)`}}},
		{"update request: duplicate", "u.json", "{\"UserPoolId\": \"us-east-1_AbC123xyz\", \"ClientId\": \"a\",\n\"ClientId\": \"b\"}",
			dupOutcome{Errors: []string{`u.json:2:1: duplicate member "ClientId" (first at line 1)`}}},
		{"described client: duplicate", "d.json", "{\"UserPoolClient\": {\"ClientName\": \"a\",\n\"ClientName\": \"b\"}}",
			dupOutcome{Errors: []string{`d.json:2:1: duplicate member "ClientName" (first at line 1)`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes(tt.file, []byte(tt.src))
			var got dupOutcome
			for _, c := range f.Clients {
				if len(c.Errors) == 0 {
					got.Checked = append(got.Checked, c.Resource)
				}
			}
			got.Errors = inputErrors(f)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// planChange is one resource_changes entry of a plan that creates the
// resource with the attributes after.
func planChange(typ, name, after string) string {
	return `{"address": "` + typ + `.` + name + `", "mode": "managed", "type": "` + typ + `", "name": "` + name + `", "change": {"actions": ["create"], "after": {` + after + `}, "after_unknown": {}}}`
}
