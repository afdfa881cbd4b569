package main

import "github.com/cognitokit/appclient"

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
