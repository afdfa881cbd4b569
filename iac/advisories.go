package iac

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac/internal/tree"
)

// The advisories that need the template or configuration that defines a
// client (Scope [appclient.ScopeTemplate]) besides dependency-order:
// terraform-empty-list and managed-login-without-branding. CheckPool
// reports them.

// Resource types of managed login: the user pool domain, whose version 2
// serves managed login, and the branding style assigned to an app client.
// In Terraform, the Cloud Control provider's resources (awscc_) are the
// CloudFormation types under other names, with the same arguments as the
// AWS provider's.
const (
	cfnDomainType     = "AWS::Cognito::UserPoolDomain"
	cfnBrandingType   = "AWS::Cognito::ManagedLoginBranding"
	tfDomainType      = "aws_cognito_user_pool_domain"
	tfBrandingType    = "aws_cognito_managed_login_branding"
	awsccDomainType   = "awscc_cognito_user_pool_domain"
	awsccBrandingType = "awscc_cognito_managed_login_branding"
)

// emptyLists is advisory terraform-empty-list: each list argument of a
// Terraform configuration written as an empty list or set, which the
// provider does not send, so that Cognito keeps its default and the next
// plan differs from the configuration again.
func emptyLists(c *Client) []Finding {
	var out []Finding
	for _, path := range c.emptyLists {
		arg := path
		if spec := findSpec(requestMembers, path); spec != nil && spec.TF != "" {
			arg = spec.TF
		}
		const why = "which the provider does not send: Cognito keeps its default, and the next plan shows a change again (or apply fails with \"Provider produced inconsistent result after apply\")"
		msg := fmt.Sprintf("%s is set to an empty list, %s; remove the argument", arg, why)
		if from := restsOn(c.Defaults, appclient.RuleTerraformEmptyList, path); len(from) > 0 {
			// A module's variable whose default is [], or a conditional
			// on one: null is the value that leaves the argument out.
			msg = fmt.Sprintf("%s is an empty list with the default of %s, %s; write null, not [], for none", arg, strings.Join(from, ", "), why)
		}
		out = append(out, Finding{File: c.File, Pos: c.PositionOf(path), Resource: c.Resource, Field: path,
			Rule: appclient.RuleTerraformEmptyList, Severity: appclient.SeverityWarning, Message: msg})
	}
	return out
}

// managedLoginWithoutBranding is advisory managed-login-without-branding: a
// client of the code or implicit grant whose user pool has, among
// resources, a domain of managed login version 2, while no managed login
// branding among resources is assigned to the client. Cognito assigns no
// branding style to a client created outside its console, and managed
// login serves no page for a client without one.
//
// A value known only at deployment decides nothing: a domain whose version
// is unknown does not count as version 2, and a branding whose client is
// unknown (a parameter, an expression that refers to no resource) may be
// this client's, so that no warning is given.
func managedLoginWithoutBranding(c *Client, idx *resIndex) []Finding {
	const field = "AllowedOAuthFlows"
	req := &c.Request
	if !req.AllowedOAuthFlowsUserPoolClient ||
		!slices.Contains(req.AllowedOAuthFlows, appclient.OAuthFlowCode) && !slices.Contains(req.AllowedOAuthFlows, appclient.OAuthFlowImplicit) {
		return nil
	}
	unknown := make(map[string]bool, len(c.Unknown))
	for _, p := range c.Unknown {
		unknown[p] = true
	}
	if dependsOnUnknown(unknown, appclient.RuleManagedLoginWithoutBranding, field) {
		return nil
	}
	self := findResource(c, idx)
	if self == nil {
		return nil
	}
	s, version, clientID := cfnPool, "ManagedLoginVersion", "ClientId"
	isDomain := func(typ string) bool { return typ == cfnDomainType }
	isBranding := func(typ string) bool { return typ == cfnBrandingType }
	brandingType := cfnBrandingType
	if isTFClient(self.Type) {
		s, version, clientID, brandingType = tfPool, "managed_login_version", "client_id", tfBrandingType
		isDomain = func(typ string) bool { return typ == tfDomainType || typ == awsccDomainType }
		isBranding = func(typ string) bool { return typ == tfBrandingType || typ == awsccBrandingType }
	}
	attached := attachedTo(s, self, idx)
	var domain *Resource
	for _, r := range idx.typed(cfnDomainType, tfDomainType, awsccDomainType) {
		if !isDomain(r.Type) || !attached(r) {
			continue
		}
		if v, ok := known(r.properties.Get(version)); ok {
			if n, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && n == 2 {
				domain = r
				break
			}
		}
	}
	if domain == nil {
		return nil
	}
	for _, r := range idx.typed(cfnBrandingType, tfBrandingType, awsccBrandingType) {
		if !isBranding(r.Type) {
			continue
		}
		if brandingFor(r.properties.Get(clientID), self, idx) != brandingOther {
			// This client's branding, or one that may be.
			return nil
		}
	}
	msg := fmt.Sprintf("the user pool domain %s uses managed login version 2, and no managed login branding is assigned to this client, so its login pages are unavailable: add a %s whose %s refers to the client", domain.Name, brandingType, clientID)
	if from := restsOn(c.Defaults, appclient.RuleManagedLoginWithoutBranding, field); len(from) > 0 {
		msg += " (with the default of " + strings.Join(from, ", ") + ", which a deployment can override)"
	}
	return []Finding{{File: c.File, Pos: c.PositionOf(field), Resource: c.Resource, Field: field,
		Rule: appclient.RuleManagedLoginWithoutBranding, Severity: appclient.SeverityWarning, Message: msg}}
}

// brandingClient says whose a managed login branding is.
type brandingClient uint8

const (
	// brandingUnknown: the client it names is known only at deployment.
	brandingUnknown brandingClient = iota
	// brandingSelf: the client it names is the one asked about.
	brandingSelf
	// brandingOther: it names another resource of the template.
	brandingOther
)

// brandingFor says whether the ClientId (client_id) value v of a managed
// login branding refers to the client resource self: a Ref or Fn::GetAtt
// of it in CloudFormation, a reference to it in Terraform.
func brandingFor(v *tree.Value, self *Resource, idx *resIndex) brandingClient {
	if v == nil {
		return brandingUnknown
	}
	var names []string
	switch {
	case v.Kind == tree.Unknown:
		names = v.Refs
	case isIntrinsic(v):
		fn, arg := intrinsic(v)
		switch {
		case fn == "Ref" && arg.Kind == tree.String:
			names = []string{arg.Str}
		case fn == "Fn::GetAtt":
			if name, _ := getAtt(arg); name != "" {
				names = []string{name}
			}
		}
	}
	other := false
	for _, name := range names {
		if name == self.Name {
			return brandingSelf
		}
		if len(idx.named(name)) > 0 {
			other = true
		}
	}
	if other {
		return brandingOther
	}
	return brandingUnknown
}
