package iac

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestServerless reads a service whose resources are a list of fragments:
// inline, included from a relative file, missing, absolute. Serverless
// variables in string, boolean and number members are unknown, never text
// and never a type error; every other rule still reports.
func TestServerless(t *testing.T) {
	f, err := ReadFile("testdata/serverless/serverless.yml")
	if err != nil {
		t.Fatal(err)
	}
	if errs := inputErrors(f); errs != nil {
		t.Fatalf("input errors: %q", errs)
	}
	if f.Kind != KindServerless {
		t.Errorf("kind = %q, want %q", f.Kind, KindServerless)
	}
	wantUnknown := map[string][]string{
		// The service decides ClientName (${self:service}, ${sls:stage}),
		// CallbackURLs[0] and RefreshTokenValidity (fallbacks); not
		// ${ssm:}, ${file(...)}, ${strToBool(${env:...})} or the pool.
		"WebClient":     {"DefaultRedirectURI", "ExplicitAuthFlows", "GenerateSecret", "UserPoolId"},
		"MachineClient": {"GenerateSecret", "UserPoolId"},
	}
	if diff := cmp.Diff(wantUnknown, unknowns(f)); diff != "" {
		t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
	}
	want := []violation{
		{"WebClient", "CallbackURLs[1]", "redirect-https", 32, false},
		// GenerateSecret: ${aws:accountId} may be true: no
		// client-credentials-needs-secret; the reserved scope still.
		{"MachineClient", "AllowedOAuthScopes[1]", "client-credentials-reserved-scope", 11, false},
	}
	if diff := cmp.Diff(want, violations(f)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
	var files []string
	for _, c := range f.Clients {
		files = append(files, c.File)
	}
	if diff := cmp.Diff([]string{"testdata/serverless/serverless.yml", "testdata/serverless/resources/cognito.yml"}, files); diff != "" {
		t.Errorf("client files mismatch (-want +got):\n%s", diff)
	}
	// From memory, nothing is read from disk: the included client is
	// unknown, so absent.
	data := []byte("service: s\nprovider: {name: aws}\nresources: ${file(resources/cognito.yml)}\n")
	if m := ReadBytes("serverless.yml", data); len(m.Clients) != 0 || m.Kind != KindServerless || m.Errors != nil {
		t.Errorf("ReadBytes of an include: %d clients, kind %q, errors %v; want none, serverless, none", len(m.Clients), m.Kind, m.Errors)
	}
}

// TestServerlessVariables checks every Serverless variable form, with and
// without a fallback, in each member type.
func TestServerlessVariables(t *testing.T) {
	for _, v := range []string{
		// What the service does not decide: each stays unknown (those it
		// decides are TestServerlessResolution's).
		"${self:custom.x}", "${opt:stage}", "${param:x}", "${env:X}",
		"${file(./x.yml):y}", "${ssm:/a/b}", "${cf:stack.Out}", "${s3:b/k}", "${aws:region}",
		"${strToBool(${env:X})}", "${self:custom.x, ${env:Y}}", "pre-${env:X}-post", "${self:custom.${env:X}}",
	} {
		t.Run(v, func(t *testing.T) {
			src := "service: s\nprovider:\n  name: aws\nresources:\n  Resources:\n    C:\n      Type: AWS::Cognito::UserPoolClient\n      Properties:\n" +
				"        UserPoolId: us-east-1_AbC123xyz\n" +
				"        ClientName: \"" + v + "\"\n" +
				"        GenerateSecret: \"" + v + "\"\n" +
				"        AccessTokenValidity: \"" + v + "\"\n" +
				"        CallbackURLs: [\"" + v + "\", \"http://a.example.com/\"]\n" +
				"        LogoutURLs: \"" + v + "\"\n"
			f := ReadBytes("serverless.yml", []byte(src))
			if errs := inputErrors(f); errs != nil {
				t.Fatalf("input errors: %q", errs)
			}
			want := []string{"AccessTokenValidity", "CallbackURLs[0]", "ClientName", "GenerateSecret", "LogoutURLs"}
			if diff := cmp.Diff(want, f.Clients[0].Unknown); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
			wantV := []violation{{"C", "CallbackURLs[1]", "redirect-https", 13, false}}
			if diff := cmp.Diff(wantV, violations(f)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// In a CloudFormation template, "${" is text.
	src := "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: \"${x}\"\n"
	want := []violation{{"C", "ClientName", "pattern", 6, false}}
	if diff := cmp.Diff(want, violations(ReadBytes("t.yaml", []byte(src)))); diff != "" {
		t.Errorf("template violations mismatch (-want +got):\n%s", diff)
	}
}

// TestCloudFormationLeftovers covers transforms, merge keys, conditional
// properties, list indexes after a conditional element, parameters with a
// Default, Metadata ignore_checks and the template's other resources.
func TestCloudFormationLeftovers(t *testing.T) {
	const head = "Parameters:\n  Domain:\n    Type: String\n    Default: shop.example.com\n  Urls:\n    Type: CommaDelimitedList\n    Default: \"https://a.example.com/cb, http://b.example.com/cb\"\n  Open:\n    Type: String\n" +
		"Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n"
	tests := []struct {
		name        string
		src         string
		wantUnknown []string
		want        []violation
		wantIgnore  []string
	}{
		{"Fn::Transform in the properties", head + "    Properties:\n      Fn::Transform: {Name: M}\n      CallbackURLs: [http://a.example.com/]\n",
			[]string{"AccessTokenValidity", "AllowedOAuthFlows", "AllowedOAuthFlowsUserPoolClient", "AllowedOAuthScopes", "AnalyticsConfiguration", "AuthSessionValidity", "CallbackURLs", "ClientName", "DefaultRedirectURI", "EnablePropagateAdditionalUserContextData", "EnableTokenRevocation", "ExplicitAuthFlows", "GenerateSecret", "IdTokenValidity", "LogoutURLs", "PreventUserExistenceErrors", "ReadAttributes", "RefreshTokenRotation", "RefreshTokenValidity", "SupportedIdentityProviders", "TokenValidityUnits", "UserPoolId", "WriteAttributes"},
			nil, nil},
		{"Fn::Transform as a value", head + "    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      CallbackURLs: {\"Fn::Transform\": {Name: M}}\n",
			[]string{"CallbackURLs"}, nil, nil},
		{"Properties: !If", head + "    Properties: !If [X, {ClientName: a}, {ClientName: b}]\n",
			[]string{"AccessTokenValidity", "AllowedOAuthFlows", "AllowedOAuthFlowsUserPoolClient", "AllowedOAuthScopes", "AnalyticsConfiguration", "AuthSessionValidity", "CallbackURLs", "ClientName", "DefaultRedirectURI", "EnablePropagateAdditionalUserContextData", "EnableTokenRevocation", "ExplicitAuthFlows", "GenerateSecret", "IdTokenValidity", "LogoutURLs", "PreventUserExistenceErrors", "ReadAttributes", "RefreshTokenRotation", "RefreshTokenValidity", "SupportedIdentityProviders", "TokenValidityUnits", "UserPoolId", "WriteAttributes"},
			nil, nil},
		{"merge keys: written keys override", "X-base: &base\n  UserPoolId: us-east-1_AbC123xyz\n  ClientName: c\n  CallbackURLs: [http://a.example.com/]\n" + head +
			"    Properties:\n      <<: *base\n      CallbackURLs: [https://a.example.com/]\n", nil, nil, nil},
		{"merge keys: merged keys apply", "X-base: &base\n  UserPoolId: us-east-1_AbC123xyz\n  CallbackURLs: [http://a.example.com/]\n" + head +
			"    Properties:\n      ClientName: c\n      <<: [*base, {CallbackURLs: [https://b.example.com/]}]\n", nil,
			[]violation{{"C", "CallbackURLs[0]", "redirect-https", 3, false}}, nil},
		{"index after a conditional element", head + "    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      CallbackURLs:\n        - !If [X, https://a.example.com/, !Ref AWS::NoValue]\n        - https://b.example.com/\n        - http://c.example.com/\n",
			[]string{"CallbackURLs#", "CallbackURLs[0]"}, []violation{{"C", "CallbackURLs[2]", "redirect-https", 19, false}}, nil},
		{"parameter defaults", head + "    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      CallbackURLs: !Ref Urls\n      LogoutURLs: [!Sub \"http://${Domain}/out\", !Ref Open]\n      DefaultRedirectURI: !Join [\"\", [\"https://\", !Ref Domain, \"/cb\"]]\n",
			[]string{"LogoutURLs[1]"}, []violation{
				{"C", "CallbackURLs[1]", "redirect-https", 16, true},
				{"C", "DefaultRedirectURI", "default-redirect-in-callbacks", 18, true},
			}, nil},
		{"Metadata ignore_checks", head + "    Metadata:\n      appclient:\n        config:\n          ignore_checks: [redirect-https, scope-not-found]\n    Properties:\n      UserPoolId: us-east-1_AbC123xyz\n      ClientName: c\n      CallbackURLs: [http://a.example.com/]\n",
			nil, []violation{{"C", "CallbackURLs[0]", "redirect-https", 20, false}}, []string{"redirect-https", "scope-not-found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes("t.yaml", []byte(tt.src))
			if errs := inputErrors(f); errs != nil {
				t.Fatalf("input errors: %q", errs)
			}
			c := f.Clients[0]
			wantUnknown := append([]string{}, tt.wantUnknown...)
			if !contains(wantUnknown, "ClientName") && c.Request.ClientName == "" {
				wantUnknown = append(wantUnknown, "ClientName")
			}
			sort.Strings(wantUnknown)
			if diff := cmp.Diff(wantUnknown, c.Unknown, cmpEmpty); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, violations(f)); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantIgnore, c.Ignore); diff != "" {
				t.Errorf("ignored rules mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestCloudFormationResources checks that a template's other resources are
// there for the checks that need the pool.
func TestCloudFormationResources(t *testing.T) {
	f, err := ReadFile("../cmd/appclient/testdata/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range f.Resources {
		got = append(got, r.Name+" "+r.Type)
	}
	want := []string{
		"UserPool AWS::Cognito::UserPool", "OrdersApi AWS::Cognito::UserPoolResourceServer",
		"WebClient AWS::Cognito::UserPoolClient", "MobileClient AWS::Cognito::UserPoolClient",
		"WarehouseClient AWS::Cognito::UserPoolClient", "PartnerClient AWS::Cognito::UserPoolClient",
		"AdminClient AWS::Cognito::UserPoolClient",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources mismatch (-want +got):\n%s", diff)
	}
	if id := f.Resources[1].properties.Get("Identifier"); id == nil || id.Str != "https://api.shop.example.com" {
		t.Errorf("OrdersApi Identifier = %+v", id)
	}
}

// TestServerlessFragmentAlone reads a Serverless resources fragment on its
// own (a file given alone, or one whose service is not in the directory
// read): its Serverless variables are unknown, as they are when the service
// includes it, never literal text. A CloudFormation template without them
// still reads "${" as the text it is.
func TestServerlessFragmentAlone(t *testing.T) {
	const fragment = `Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      ClientName: ${self:custom.stage}-client
      UserPoolId: {Ref: Pool}
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      CallbackURLs:
        - ${self:custom.callbackUrl}
        - https://${sls:stage}.example.com/cb
        - http://example.com/cb
      RefreshTokenValidity: ${self:custom.refreshDays, 30}
      GenerateSecret: ${strToBool(${env:SECRET})}
`
	f := ReadBytes("resources/cognito.yml", []byte(fragment))
	if errs := inputErrors(f); errs != nil {
		t.Fatalf("input errors: %q", errs)
	}
	wantUnknown := map[string][]string{
		"Client": {"CallbackURLs[0]", "CallbackURLs[1]", "ClientName", "GenerateSecret", "RefreshTokenValidity", "UserPoolId"},
	}
	if diff := cmp.Diff(wantUnknown, unknowns(f)); diff != "" {
		t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
	}
	want := []violation{{"Client", "CallbackURLs[2]", "redirect-https", 13, false}}
	if diff := cmp.Diff(want, violations(f)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}

	// Without Serverless variables, a template's "${" is text: a "$" in
	// ClientName is one Cognito rejects. An IAM policy variable is no
	// Serverless variable.
	const template = `Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      ClientName: web-${AWS::Region}
      UserPoolId: {Ref: Pool}
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: "s3:*", Resource: "arn:aws:s3:::b/${aws:username}/*"}]
`
	f = ReadBytes("template.yml", []byte(template))
	if errs := inputErrors(f); errs != nil {
		t.Fatalf("template input errors: %q", errs)
	}
	want = []violation{{"Client", "ClientName", "pattern", 5, false}}
	if diff := cmp.Diff(want, violations(f)); diff != "" {
		t.Errorf("template violations mismatch (-want +got):\n%s", diff)
	}
}

// TestConditionByDefault reads clients whose Condition does not hold with
// the parameters' defaults: a deployment that creates them passes other
// values for the parameters the condition tests, so no value rests on
// those defaults. A value resting on another parameter, or a client whose
// condition holds with the defaults, is still checked with them.
func TestConditionByDefault(t *testing.T) {
	const src = `Parameters:
  M2M: {Type: String, Default: "false"}
  Secret: {Type: String, Default: "false"}
  Env: {Type: String, Default: prod}
Conditions:
  WantM2M: !Equals [!Ref M2M, "true"]
  IsProd: !Equals [prod, !Ref Env]
  ProdM2M: !And [!Condition IsProd, !Condition WantM2M]
Resources:
  Off:
    Type: AWS::Cognito::UserPoolClient
    Condition: WantM2M
    Properties: &m2m
      UserPoolId: us-east-1_abc
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [api/read]
      GenerateSecret: !Ref M2M
  OffNested:
    Type: AWS::Cognito::UserPoolClient
    Condition: ProdM2M
    Properties: *m2m
  Other:
    Type: AWS::Cognito::UserPoolClient
    Condition: WantM2M
    Properties:
      UserPoolId: us-east-1_abc
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [api/read]
      GenerateSecret: !Ref Secret
  On:
    Type: AWS::Cognito::UserPoolClient
    Condition: IsProd
    Properties:
      UserPoolId: us-east-1_abc
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [api/read]
      GenerateSecret: !Ref M2M
`
	f := ReadBytes("template.yaml", []byte(src))
	if errs := inputErrors(f); errs != nil {
		t.Fatalf("input errors: %q", errs)
	}
	wantUnknown := map[string][]string{
		"Off":       {"ClientName", "GenerateSecret"},
		"OffNested": {"ClientName", "GenerateSecret"},
		"Other":     {"ClientName"},
		"On":        {"ClientName"},
	}
	if diff := cmp.Diff(wantUnknown, unknowns(f)); diff != "" {
		t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
	}
	want := []violation{
		{"Other", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 29, true},
		{"On", "AllowedOAuthFlows[0]", "client-credentials-needs-secret", 38, true},
	}
	if diff := cmp.Diff(want, violations(f)); diff != "" {
		t.Errorf("violations mismatch (-want +got):\n%s", diff)
	}
}

// TestServerlessPseudoParameters: the serverless-pseudo-parameters
// plugin's #{...} is unknown in a Serverless service and in a bare
// resources fragment, whole or inside a string, in Fn::Sub too; in a
// template that declares its format version it is text, and a ClientName
// holding "#" is the pattern error Cognito gives.
func TestServerlessPseudoParameters(t *testing.T) {
	const props = "    Type: AWS::Cognito::UserPoolClient\n    Properties:\n" +
		"      UserPoolId: us-east-1_AbC123xyz\n" +
		"      ClientName: \"#{AWS::StackName}-web\"\n" +
		"      DefaultRedirectURI: {\"Fn::Sub\": \"#{CloudFrontUrl}/cb\"}\n" +
		"      CallbackURLs: [\"https://#{Distribution.DomainName}/cb\", \"http://a.example.com/cb\"]\n"
	wantUnknown := []string{"CallbackURLs[0]", "ClientName", "DefaultRedirectURI"}
	for _, tt := range []struct{ name, file, src string }{
		{"service", "serverless.yml", "service: s\nprovider:\n  name: aws\nresources:\n  Resources:\n    C:\n" + indent(props, "  ")},
		{"fragment", "resources/cognito.yml", "Resources:\n  C:\n" + props},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadBytes(tt.file, []byte(tt.src))
			if errs := inputErrors(f); errs != nil {
				t.Fatalf("input errors: %q", errs)
			}
			if diff := cmp.Diff(wantUnknown, f.Clients[0].Unknown); diff != "" {
				t.Errorf("unknown members mismatch (-want +got):\n%s", diff)
			}
			got := violations(f)
			if len(got) != 1 || got[0].Field != "CallbackURLs[1]" || got[0].Rule != "redirect-https" {
				t.Errorf("violations = %v, want only redirect-https on CallbackURLs[1]", got)
			}
		})
	}
	// The nearest neighbour: a template with AWSTemplateFormatVersion
	// passes "#{...}" on as text.
	f := ReadBytes("t.yaml", []byte("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  C:\n"+props))
	var rules []string
	for _, v := range violations(f) {
		rules = append(rules, v.Field+" "+v.Rule)
	}
	want := []string{
		"ClientName pattern", "CallbackURLs[1] redirect-https", "CallbackURLs[0] redirect-absolute", "DefaultRedirectURI redirect-absolute",
		"CallbackURLs[0] redirect-no-fragment", "DefaultRedirectURI redirect-no-fragment", "DefaultRedirectURI default-redirect-in-callbacks",
	}
	if diff := cmp.Diff(want, rules); diff != "" {
		t.Errorf("template violations mismatch (-want +got):\n%s", diff)
	}
}

// indent prefixes every non-empty line of s.
func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "")
}

// TestPseudoParameterScanIsLinear: a string of many "#{" that never close
// is scanned in time proportional to its length (a rescan from each "#{"
// to the next "}" took minutes on a 1 MiB value).
func TestPseudoParameterScanIsLinear(t *testing.T) {
	s := strings.Repeat("#{a#{", 1<<18) + "}"
	done := make(chan bool, 1)
	go func() { done <- hasPseudoParameter(s) }()
	select {
	case got := <-done:
		if got {
			t.Errorf("hasPseudoParameter = true for names broken by \"#{\"")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("hasPseudoParameter takes more than 10 s on 1.25 MiB")
	}
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"#{AWS::Region}", true}, {"a-#{Res.Attr}-b", true}, {"#{}", false}, {"#{a b}", false},
		{"#@{escaped}", false}, {"#{unclosed", false}, {"#{x#{AWS::StackName}", true},
	} {
		if got := hasPseudoParameter(tt.s); got != tt.want {
			t.Errorf("hasPseudoParameter(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
