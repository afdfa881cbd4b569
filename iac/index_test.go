package iac

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestPoolChecksScale: the pool and dependency checks of a template with
// thousands of clients and resource servers in one pool take time in
// proportion to the template, not to its clients times its resources
// (times its resources again, as they did when each check scanned every
// resource for each client).
func TestPoolChecksScale(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString(`{"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool", "Properties": {}}`)
	for i := range n {
		fmt.Fprintf(&b, `, "Server%d": {"Type": "AWS::Cognito::UserPoolResourceServer", "Properties": {"UserPoolId": {"Ref": "Pool"}, "Identifier": "api%d", "Name": "api%d", "Scopes": [{"ScopeName": "read", "ScopeDescription": "read"}]}}`, i, i, i)
		fmt.Fprintf(&b, `, "Client%d": {"Type": "AWS::Cognito::UserPoolClient", "DependsOn": "Server%d", "Properties": {"UserPoolId": {"Ref": "Pool"}, "ClientName": "c%d", "GenerateSecret": true, "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["client_credentials"], "AllowedOAuthScopes": ["api%d/read", "api%d/write"]}}`, i, i, i, i, (i+1)%n)
	}
	b.WriteString("}}")
	f := ReadBytes("t.json", []byte(b.String()))
	if len(f.Errors) > 0 || len(f.Clients) != n {
		t.Fatalf("errors %v, %d clients", f.Errors, len(f.Clients))
	}
	var findings []Finding
	start := time.Now()
	within(t, 20*time.Second, func() { findings = f.Findings() })
	t.Logf("%d clients, %d resources: findings in %v", n, len(f.Resources), time.Since(start))
	// Each client uses a scope of the next client's server without
	// depending on it, and a scope its server lacks.
	counts := map[string]int{}
	for _, fd := range findings {
		counts[fd.Rule]++
	}
	if counts["dependency-order"] != n || counts["custom-scope-exists"] != n {
		t.Errorf("findings by rule %v, want %d of dependency-order and of custom-scope-exists", counts, n)
	}
}
