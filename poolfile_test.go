package appclient

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecodePoolFile(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "pools", "orders.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := DecodePool(f)
	if err != nil {
		t.Fatal(err)
	}
	want := &Pool{
		ID: "us-east-1_AbC123xyz",
		ResourceServers: []ResourceServer{
			{Identifier: "https://api.orders.example.com", Scopes: []string{"orders.read", "orders.write"}},
		},
		IdentityProviders: []string{"CorpSAML", "Google"},
		Attributes: []Attribute{
			{Name: "sub", Required: true},
			{Name: "name", Required: true, Mutable: true},
			{Name: "email", Required: true, Mutable: true},
			{Name: "email_verified", Mutable: true},
			{Name: "custom:tenant"},
		},
		Tier: UserPoolTierEssentials,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodePool() mismatch (-want +got):\n%s", diff)
	}
}

func TestDecodePool(t *testing.T) {
	const (
		describe  = `{"UserPool": {"Id": "us-east-1_AbC", "UserPoolTier": "LITE", "SchemaAttributes": [{"Name": "email", "Required": true, "Mutable": true}]}}`
		servers   = `{"ResourceServers": [{"UserPoolId": "us-east-1_AbC", "Identifier": "api", "Scopes": [{"ScopeName": "read"}]}]}`
		providers = `{"Providers": [{"ProviderName": "Okta", "ProviderType": "OIDC"}]}`
	)
	full := &Pool{
		ID:                "us-east-1_AbC",
		ResourceServers:   []ResourceServer{{Identifier: "api", Scopes: []string{"read"}}},
		IdentityProviders: []string{"Okta"},
		Attributes:        []Attribute{{Name: "email", Required: true, Mutable: true}},
		Tier:              UserPoolTierLite,
	}
	tests := []struct {
		name string
		in   string
		want *Pool
	}{
		{"three outputs", describe + "\n" + servers + "\n" + providers, full},
		{"any order, no white space", providers + servers + describe, full},
		{"one document with every member", `{"UserPool": {"Id": "us-east-1_AbC", "UserPoolTier": "LITE", "SchemaAttributes": [{"Name": "email", "Required": true, "Mutable": true}]},
			"ResourceServers": [{"Identifier": "api", "Scopes": [{"ScopeName": "read"}]}], "Providers": [{"ProviderName": "Okta"}], "NextToken": null}`, full},
		{"describe only: servers and providers unknown", describe, &Pool{
			ID: "us-east-1_AbC", Attributes: []Attribute{{Name: "email", Required: true, Mutable: true}}, Tier: UserPoolTierLite,
			Incomplete: PoolResourceServers | PoolIdentityProviders}},
		{"servers only: the rest unknown", servers, &Pool{
			ID: "us-east-1_AbC", ResourceServers: []ResourceServer{{Identifier: "api", Scopes: []string{"read"}}},
			Incomplete: PoolIdentityProviders | PoolAttributes}},
		{"empty lists are complete and empty", `{"ResourceServers": []} {"Providers": []}`, &Pool{Incomplete: PoolAttributes}},
		{"no tier in an older output", `{"UserPool": {"Id": "us-east-1_AbC"}}`, &Pool{
			ID: "us-east-1_AbC", Incomplete: PoolResourceServers | PoolIdentityProviders}},
		{"empty NextToken", `{"Providers": [], "NextToken": ""}`, &Pool{Incomplete: PoolResourceServers | PoolAttributes}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodePool(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("DecodePool() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodePoolErrors(t *testing.T) {
	type place struct{ Line, Column int }
	tests := []struct {
		name string
		in   string
		want place
	}{
		{"empty", "  \n", place{2, 1}},
		{"syntax", "{\"Providers\": [}", place{1, 16}},
		{"truncated", "{\"Providers\": [", place{1, 16}},
		{"not an object", "\n[1]", place{2, 1}},
		{"null", "null", place{1, 1}},
		{"unknown member", "{}\n{\"UserPoolClient\": {}}", place{1, 1}},
		{"another command's output", "{\"Providers\": []}\n{\"UserPoolClient\": {}}", place{2, 1}},
		{"wrong type", "{\"Providers\": [{\"ProviderName\": 7}]}", place{1, 33}},
		{"next token", "{\"Providers\": [], \"NextToken\": \"abc\"}", place{1, 1}},
		{"provider without name", "{\"Providers\": [{\"ProviderType\": \"SAML\"}]}", place{1, 1}},
		{"server without identifier", "{\"ResourceServers\": [{\"Scopes\": []}]}", place{1, 1}},
		{"scope without name", "{\"ResourceServers\": [{\"Identifier\": \"api\", \"Scopes\": [{}]}]}", place{1, 1}},
		{"pool without id", "{\"UserPool\": {\"Name\": \"x\"}}", place{1, 1}},
		{"attribute without name", "{\"UserPool\": {\"Id\": \"a_b\", \"SchemaAttributes\": [{}]}}", place{1, 1}},
		{"tier not in the enumeration", "{\"UserPool\": {\"Id\": \"a_b\", \"UserPoolTier\": \"lite\"}}", place{1, 1}},
		{"describe twice", "{\"UserPool\": {\"Id\": \"a_b\"}}\n{\"UserPool\": {\"Id\": \"a_b\"}}", place{2, 1}},
		{"servers twice", "{\"ResourceServers\": []}\n\n  {\"ResourceServers\": []}", place{3, 3}},
		{"two pools", "{\"UserPool\": {\"Id\": \"a_b\"}}\n{\"ResourceServers\": [{\"UserPoolId\": \"a_c\", \"Identifier\": \"x\"}]}", place{2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := DecodePool(strings.NewReader(tt.in))
			var pe *PoolFileError
			if !errors.As(err, &pe) || p != nil {
				t.Fatalf("DecodePool() = %v, %v; want a *PoolFileError", p, err)
			}
			if diff := cmp.Diff(tt.want, place{pe.Line, pe.Column}); diff != "" {
				t.Errorf("place of %q mismatch (-want +got):\n%s", pe.Message, diff)
			}
		})
	}
}

// The pool of the file decides P1-P5 as a hand-written one does.
func TestDecodedPoolDecides(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pools", "orders.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := DecodePool(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	r := webApp()
	r.AllowedOAuthScopes = []string{"openid", "https://api.orders.example.com/orders.write"}
	r.SupportedIdentityProviders = []string{"CorpSAML"}
	r.WriteAttributes = []string{"name", "email"}
	if err := r.ValidateInPool(p); err != nil {
		t.Fatalf("valid client: %v", err)
	}
	r.AllowedOAuthScopes[1] = "https://api.orders.example.com/orders.cancel"
	r.SupportedIdentityProviders[0] = "Okta"
	r.WriteAttributes = []string{"email"}
	want := []violation{
		{"AllowedOAuthScopes[1]", RuleCustomScopeExists, sdne},
		{"SupportedIdentityProviders[0]", RuleIdentityProviderExists, ipe},
		{"WriteAttributes", RuleWriteAttributesIncludeRequired, ipe},
	}
	if diff := cmp.Diff(want, violations(t, r.ValidateInPool(p))); diff != "" {
		t.Errorf("ValidateInPool() mismatch (-want +got):\n%s", diff)
	}
}

func FuzzDecodePool(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "pools", "orders.json")); err == nil {
		f.Add(string(data))
	}
	f.Add(`{"ResourceServers": [{"Identifier": "api", "Scopes": [{"ScopeName": "read"}]}]} {"Providers": []}`)
	f.Add(`{"UserPool": {"Id": "a_b", "UserPoolTier": "PLUS"}}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, in string) {
		p, err := DecodePool(strings.NewReader(in))
		if err != nil {
			var pe *PoolFileError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *PoolFileError", err, err)
			}
			if pe.Offset < 0 || pe.Offset > int64(len(in)) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("bad position %+v for input of %d bytes", pe, len(in))
			}
			return
		}
		if p == nil || p.Incomplete == PoolAllParts {
			t.Fatalf("DecodePool() = %+v without an error: it read no output", p)
		}
		if p.Tier != "" && !p.Tier.Valid() {
			t.Fatalf("Tier %q", p.Tier)
		}
		if p.Incomplete&PoolAttributes == 0 && p.ID == "" {
			t.Fatal("a describe-user-pool output without an ID")
		}
	})
}

// TestDecodePoolFrom: several named inputs make one pool; an error names its
// input and places the fault within it, its column in characters.
func TestDecodePoolFrom(t *testing.T) {
	describe := `{"UserPool": {"Id": "us-east-1_AbC123xyz", "UserPoolTier": "PLUS"}}`
	servers := `{"ResourceServers": [{"UserPoolId": "us-east-1_AbC123xyz", "Identifier": "api", "Scopes": [{"ScopeName": "read"}]}]}`
	p, err := DecodePoolFrom(PoolSource{"describe.json", strings.NewReader(describe)}, PoolSource{"servers.json", strings.NewReader(servers)})
	if err != nil {
		t.Fatal(err)
	}
	if p.Tier != UserPoolTierPlus || len(p.ResourceServers) != 1 || p.Incomplete != PoolIdentityProviders {
		t.Errorf("pool %+v: want the tier, the server, and only the providers unknown", p)
	}

	// A document cannot run from one input into the next, and the second
	// input's fault is placed in it: line 2, after "é" (two bytes, one
	// character).
	_, err = DecodePoolFrom(PoolSource{"a.json", strings.NewReader(describe)},
		PoolSource{"b.json", strings.NewReader("{\"Providers\": []}\n\"é\" {\"UserPool\": 1}")})
	var pe *PoolFileError
	if !errors.As(err, &pe) {
		t.Fatalf("DecodePoolFrom() error %v, want a *PoolFileError", err)
	}
	if got, want := [3]any{pe.Name, pe.Line, pe.Column}, [3]any{"b.json", 2, 1}; got != want {
		t.Errorf("error at %v, want %v (%s)", got, want, pe.Message)
	}
	// A syntax error after a two-byte character: column 7, not byte 8.
	_, err = DecodePoolFrom(PoolSource{"c.json", strings.NewReader(`{"é": }`)})
	if !errors.As(err, &pe) || pe.Name != "c.json" || pe.Line != 1 || pe.Column != 7 {
		t.Errorf("DecodePoolFrom() error %v, want c.json:1:7", err)
	}
	_, err = DecodePoolFrom(PoolSource{"a.json", strings.NewReader(describe)},
		PoolSource{"b.json", strings.NewReader(`{"Providers": [{"ProviderName": "é"}], "UserPool": {"Id": "us-east-1_AbC123xyz"}}`)})
	if !errors.As(err, &pe) || pe.Name != "b.json" || pe.Line != 1 {
		t.Fatalf("DecodePoolFrom() error %v, want describe-user-pool twice in b.json", err)
	}
	if !strings.HasPrefix(err.Error(), "b.json:1:") {
		t.Errorf("Error() = %q, want it to start with the input's name and line", err)
	}
}
