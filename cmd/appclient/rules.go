package main

import (
	"strings"

	"github.com/cognitokit/appclient"
)

// rulesByID indexes appclient.Rules, the one table that says what each rule
// is, how severe, and which members it reads. Nothing about a rule is
// written in this command.
var rulesByID = func() map[string]appclient.RuleInfo {
	m := map[string]appclient.RuleInfo{}
	for _, r := range appclient.Rules() {
		m[r.ID] = r
	}
	return m
}()

// dependsOnUnknown reports whether a finding of rule on field may be an
// artefact of a value that is unknown before deployment: whether one of the
// members the rule reads (appclient.RuleInfo.Inputs) is unknown. A rule
// this program does not know is assumed to read everything.
func (c *client) dependsOnUnknown(rule, field string) bool {
	if len(c.Unknown) == 0 {
		return false
	}
	r, ok := rulesByID[rule]
	if !ok {
		return true
	}
	for _, tok := range r.Inputs(field) {
		if tok == "" {
			continue
		}
		if c.isUnknown(tok) {
			return true
		}
		// A finding on a list as a whole ("AllowedOAuthFlows") reads
		// every element.
		if !strings.HasSuffix(tok, "]") && !strings.HasSuffix(tok, "#") && c.isList(tok) && c.isUnknown(tok+"[*]") {
			return true
		}
	}
	return false
}

// isList reports whether a member path names a list member.
func (c *client) isList(path string) bool {
	specs := requestMembers
	var spec *memberSpec
	for part := range strings.SplitSeq(path, ".") {
		spec = findSpec(specs, part)
		if spec == nil {
			return false
		}
		specs = spec.Fields
	}
	return spec != nil && spec.Type == typeStringList
}
