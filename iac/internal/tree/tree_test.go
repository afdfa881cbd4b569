package tree

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseJSON reads JSON into the tree: positions of values and names in
// characters, strings with and without escapes, numbers as written, and
// the members of a plan that no check reads left out.
func TestParseJSON(t *testing.T) {
	src := "{\n  \"é\": [\"a\\u00e9\\ud800\", -1.5e3, true, null],\n  \"planned_values\": {\"x\": [1, {\"y\": \"\\n\"}]},\n  \"k\\\"\": {}\n}"
	got, err := ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Value{Kind: Map, Pos: Position{Line: 1, Column: 1}, Membs: []Member{
		{Key: "é", KeyPos: Position{Line: 2, Column: 3}, Val: &Value{Kind: List, Pos: Position{Line: 2, Column: 8}, Elems: []*Value{
			{Kind: String, Str: "a\u00e9\ufffd", Pos: Position{Line: 2, Column: 9}},
			{Kind: Number, Str: "-1.5e3", Pos: Position{Line: 2, Column: 26}},
			{Kind: Bool, Str: "true", Pos: Position{Line: 2, Column: 34}},
			{Kind: Null, Str: "null", Pos: Position{Line: 2, Column: 40}},
		}}},
		{Key: "k\"", KeyPos: Position{Line: 4, Column: 3}, Val: &Value{Kind: Map, Pos: Position{Line: 4, Column: 10}}},
	}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(Value{})); diff != "" {
		t.Errorf("tree mismatch (-want +got):\n%s", diff)
	}
}

// TestParseJSONErrors checks the position and wording of each kind of
// JSON error.
func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"end in a string", "{\"a\": \"bc", "1:7: string not terminated"},
		{"end in a name", "{\n  \"ab", "2:3: string not terminated"},
		{"end before a name", "{\"a\": 1,", "1:9: unexpected end of input, expected a member name"},
		{"not a name", "{\"a\": 1, 2}", "1:10: unexpected character '2', expected a member name"},
		{"no colon", "{\"a\" 1}", "1:6: invalid character '1' after object key"},
		{"no value", "{\"a\": }", "1:7: unexpected character '}', expected a value"},
		{"end before a value", "[1, ", "1:5: unexpected end of input, expected a value"},
		{"no comma in an object", "{\"a\": 1 \"b\": 2}", "1:9: unexpected character '\"', expected ',' or '}'"},
		{"no comma in a list", "[1 2]", "1:4: unexpected character '2', expected ',' or ']'"},
		{"control character", "[\"a\tb\"]", "1:4: invalid character '\\t' in string literal"},
		{"bad escape", "[\"a\\xb\"]", "1:5: invalid character 'x' in string escape code"},
		{"bad unicode escape", "[\"\\u12g4\"]", "1:7: invalid character 'g' in \\u hexadecimal character escape"},
		{"bad number", "[-a]", "1:3: invalid character 'a' in numeric literal"},
		{"leading zero", "{\"a\": -012}", "1:7: number with a leading zero"},
		{"bad fraction", "[1.]", "1:4: invalid character ']' after decimal point in numeric literal"},
		{"misspelt literal", "[ture]", "1:3: invalid character 'u' in literal true (expecting 'r')"},
		{"after the value", "{} {}", "1:4: unexpected character '{' after the top-level value"},
		{"columns count characters", "{\"é\": x}", "1:7: unexpected character 'x', expected a value"},
		{"error in a skipped plan member", "{\"planned_values\": {\"a\": [1,]}}", "1:29: invalid character ']' looking for beginning of value"},
		{"end in a skipped plan string", "{\"planned_values\": \"abc", "1:20: string not terminated"},
		{"too deep", strings.Repeat("[", MaxDepth+1) + "1" + strings.Repeat("]", MaxDepth+1), "1:258: nesting deeper than 256 levels"},
		{"too many values", "[" + strings.Repeat("0,", MaxNodes) + "0]", "1:2097152: more than 1048576 values"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseJSON([]byte(tt.src))
			if err == nil {
				t.Fatalf("parseJSON(%q) succeeded", tt.src)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseDuplicates checks that of a key written twice the last wins, in
// the place of the first, and is recorded, in JSON (small objects and
// indexed large ones) and YAML alike; and that the strict reader of
// request files stops at the first duplicate with today's error.
func TestParseDuplicates(t *testing.T) {
	var large strings.Builder
	large.WriteString("{")
	for i := range 20 {
		fmt.Fprintf(&large, "%q: %d, ", fmt.Sprintf("k%d", i), i)
	}
	large.WriteString("\"a\": 1,\n\"k3\": \"x\"}")
	tests := []struct {
		name, src string
		parse     func([]byte) (*Value, error)
		key       string // the duplicated key
		want      string // its value
		wantDup   Dup
		wantLen   int // members kept
		wantIndex int // where the key is kept
	}{
		{"JSON", "{\"a\": 1,\n \"b\": 2,\n \"a\": 3}", ParseJSON, "a", "3", Dup{"a", Position{Line: 1, Column: 2}, Position{Line: 3, Column: 2}, false}, 2, 0},
		{"large JSON object", large.String(), ParseJSON, "k3", "x", Dup{"k3", Position{Line: 1, Column: 29}, Position{Line: 2, Column: 1}, false}, 21, 3},
		{"YAML", "a: 1\nb: 2\na: 3\n", ParseYAML, "a", "3", Dup{"a", Position{Line: 1, Column: 1}, Position{Line: 3, Column: 1}, false}, 2, 0},
		{"JSON, the same value", "{\"a\": [\"x\", {\"k\": 1}],\n \"a\": [\"x\", {\"k\": 1}]}", ParseJSON, "a", "", Dup{"a", Position{Line: 1, Column: 2}, Position{Line: 2, Column: 2}, true}, 1, 0},
		{"JSON, a value that differs deep down", "{\"a\": [\"x\", {\"k\": 1}],\n \"a\": [\"x\", {\"k\": 2}]}", ParseJSON, "a", "", Dup{"a", Position{Line: 1, Column: 2}, Position{Line: 2, Column: 2}, false}, 1, 0},
		{"YAML, the same value", "a: [COGNITO]\nb: 2\na:\n  - COGNITO\n", ParseYAML, "a", "", Dup{"a", Position{Line: 1, Column: 1}, Position{Line: 3, Column: 1}, true}, 2, 0},
		{"YAML, another tag", "a: !Ref X\na: X\n", ParseYAML, "a", "X", Dup{"a", Position{Line: 1, Column: 1}, Position{Line: 2, Column: 1}, false}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := tt.parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(n.Membs) != tt.wantLen {
				t.Errorf("%d members, want %d", len(n.Membs), tt.wantLen)
			}
			m := n.Membs[tt.wantIndex]
			if m.Key != tt.key || m.Val.Str != tt.want || m.KeyPos != tt.wantDup.Last {
				t.Errorf("member %d = %q: %q at %v, want %q: %q at %v", tt.wantIndex, m.Key, m.Val.Str, m.KeyPos, tt.key, tt.want, tt.wantDup.Last)
			}
			if diff := cmp.Diff([]Dup{tt.wantDup}, n.Dups, cmp.AllowUnexported(Dup{})); diff != "" {
				t.Errorf("dups mismatch (-want +got):\n%s", diff)
			}
		})
	}
	_, err := ParseJSONStrict([]byte("{\"a\": 1,\n \"a\": 2}"))
	if err == nil || err.Error() != "2:2: duplicate member \"a\" (first at line 1)" {
		t.Errorf("parseJSONStrict error = %v, want 2:2: duplicate member \"a\" (first at line 1)", err)
	}
}

// TestEqualBudget: two values that YAML aliases make far larger than
// their text are compared within a budget and called different past it,
// so that a key written twice with them cannot hold the reader.
func TestEqualBudget(t *testing.T) {
	var b strings.Builder
	for _, side := range []string{"a", "b"} {
		fmt.Fprintf(&b, "%s0: &%s0 [x, x]\n", side, side)
		for i := 1; i <= 14; i++ {
			fmt.Fprintf(&b, "%s%d: &%s%d [*%s%d, *%s%d]\n", side, i, side, i, side, i-1, side, i-1)
		}
	}
	// Some 65,000 values a side: under the reader's limit of values
	// after aliases, and twice the nodes Equal compares.
	b.WriteString("k: *a14\nk: *b14\n")
	n, err := ParseYAML([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Dups) != 1 || n.Dups[0].Same {
		t.Errorf("dups = %+v, want one, not the same past the budget", n.Dups)
	}
	small := "a0: &a0 [x, x]\na1: &a1 [*a0, *a0]\nb0: &b0 [x, x]\nb1: &b1 [*b0, *b0]\nk: *a1\nk: *b1\n"
	n, err = ParseYAML([]byte(small))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Dups) != 1 || !n.Dups[0].Same {
		t.Errorf("dups = %+v, want one, the same", n.Dups)
	}
}
