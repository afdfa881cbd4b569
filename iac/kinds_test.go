package iac

import (
	"slices"
	"testing"
)

// TestInputKinds walks the table of kinds recognised from content: for
// each entry, a file of that kind is detected by that entry and no earlier
// one (the order is part of detection), and reads as that kind. Every
// kind but Terraform configuration (recognised by its .tf name) has
// exactly one entry.
func TestInputKinds(t *testing.T) {
	samples := map[Kind]struct{ name, src string }{
		KindTerraformState: {"terraform.tfstate", `{"version": 4, "terraform_version": "1.9.0", "resources": []}`},
		KindTerraformPlan:  {"plan.json", `{"format_version": "1.2", "terraform_version": "1.9.0", "values": {}, "resource_changes": []}`},
		KindCloudFormation: {"template.yaml", "Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: p, ClientName: c}\n"},
		KindServerless:     {"serverless.yml", "service: s\nprovider: {name: aws}\nresources:\n  Resources: {}\n"},
		KindDescribed:      {"described.json", `{"UserPoolClient": {"UserPoolId": "p", "ClientName": "c", "ClientId": "x"}}`},
		KindUpdate:         {"update.json", `{"UserPoolId": "p", "ClientId": "x", "ClientName": "c"}`},
		KindRequest:        {"request.json", `{"UserPoolId": "p", "ClientName": "c"}`},
	}
	var seen []Kind
	for i, k := range inputKinds {
		if slices.Contains(seen, k.kind) {
			t.Errorf("kind %q has more than one entry", k.kind)
		}
		seen = append(seen, k.kind)
		s, ok := samples[k.kind]
		if !ok {
			t.Errorf("kind %q has no sample in this test", k.kind)
			continue
		}
		root, isJSON, err := parseAny([]byte(s.src))
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		in := &input{name: s.name, data: []byte(s.src), root: root, isJSON: isJSON}
		for j, other := range inputKinds[:i] {
			if other.detect(in) {
				t.Errorf("%s (%s) is detected by entry %d (%s) before its own, %d", s.name, k.kind, j, other.kind, i)
			}
		}
		if !k.detect(in) {
			t.Errorf("%s is not detected as %s", s.name, k.kind)
		}
		f := ReadBytes(s.name, []byte(s.src))
		if f.Kind != k.kind || len(f.Errors) > 0 {
			t.Errorf("ReadBytes(%s) = kind %q, errors %v; want kind %q, no errors", s.name, f.Kind, f.Errors, k.kind)
		}
	}
	for kind := range samples {
		if !slices.Contains(seen, kind) {
			t.Errorf("kind %q has no entry in inputKinds", kind)
		}
	}
	if slices.Contains(seen, KindTerraformConfig) {
		t.Errorf("KindTerraformConfig has an entry: .tf files are recognised by name")
	}
	// A map no entry detects is no input.
	f, notInput := readBytes("other.json", []byte(`{"Comment": "x"}`), nil)
	if !notInput || f.Kind != "" || len(f.Errors) != 1 {
		t.Errorf("a JSON object of no kind: kind %q, notInput %v, errors %v; want none, true, one error", f.Kind, notInput, f.Errors)
	}
}
