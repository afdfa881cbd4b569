package main

import "testing"

// TestSARIFURI checks how file names become SARIF artifact URIs.
func TestSARIFURI(t *testing.T) {
	tests := []struct{ name, want string }{
		{"template.yaml", "template.yaml"},
		{"infra/stacks/auth.yaml", "infra/stacks/auth.yaml"},
		{"my stack.yaml", "my%20stack.yaml"},
		{"/abs/plan #1.json", "/abs/plan%20%231.json"},
		{"a:b.json", "./a:b.json"},
		{"<stdin>", "stdin"},
	}
	for _, tt := range tests {
		if got := sarifURI(tt.name); got != tt.want {
			t.Errorf("sarifURI(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestRuleName checks the SARIF rule names made from rule ids.
func TestRuleName(t *testing.T) {
	tests := []struct{ id, want string }{
		{"redirect-https", "RedirectHttps"},
		{"client-credentials-needs-secret", "ClientCredentialsNeedsSecret"},
		{"list-size", "ListSize"},
		{"required", ""},
	}
	for _, tt := range tests {
		if got := ruleName(tt.id); got != tt.want {
			t.Errorf("ruleName(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
