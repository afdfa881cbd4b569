package jsonlex

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// readValue reads any JSON value into the Go values encoding/json gives with
// UseNumber: it is how a tree reader uses a Lexer, and the reference the
// tests compare with.
func readValue(l *Lexer) (any, error) {
	k, err := l.Peek()
	if err != nil {
		return nil, err
	}
	switch k {
	case Object:
		m := map[string]any{}
		more, err := l.OpenObject()
		for err == nil && more {
			var name []byte
			if name, _, err = l.Name(); err != nil {
				break
			}
			key := string(name)
			var v any
			if v, err = readValue(l); err != nil {
				break
			}
			m[key] = v
			more, err = l.NextMember()
		}
		return m, err
	case Array:
		a := []any{}
		more, err := l.OpenArray()
		for err == nil && more {
			var v any
			if v, err = readValue(l); err != nil {
				break
			}
			a = append(a, v)
			more, err = l.NextElement()
		}
		return a, err
	case String:
		return l.String()
	case Number:
		lit, _, err := l.Number()
		return json.Number(lit), err
	case Bool:
		return l.Bool()
	}
	return nil, l.Null()
}

// readDocument reads data as one JSON text with readValue.
func readDocument(l *Lexer, data []byte) (any, error) {
	l.Reset(data)
	v, err := readValue(l)
	if err != nil {
		return nil, err
	}
	if !l.AtEnd() {
		return nil, l.Unexpected("after top-level value")
	}
	return v, nil
}

// errValue returns the *Error err points to, or err itself when it is nil or
// of another type, for comparing errors by their fields.
func errValue(err error) any {
	var le *Error
	if errors.As(err, &le) {
		return *le
	}
	return err
}

func TestReadValues(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{`{}`, map[string]any{}},
		{` [ ] `, []any{}},
		{`"a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\ud83d\ude00"`, "a\"b\\c/d\b\f\n\r\tAé😀"},
		{`"Zürich 東京"`, "Zürich 東京"},
		{`[-0, 1.5e-3, 10E+2, 123]`, []any{json.Number("-0"), json.Number("1.5e-3"), json.Number("10E+2"), json.Number("123")}},
		{`{"a": [true, false, null], "b\u0021": {"c": {}}}`, map[string]any{"a": []any{true, false, nil}, "b!": map[string]any{"c": map[string]any{}}}},
		{"\t\r\n\"x\"\n", "x"},
	}
	for _, tc := range tests {
		got, err := readDocument(new(Lexer), []byte(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		offset int
		err    error
	}{
		{"empty", ``, 0, ErrSyntax},
		{"bad start", `x`, 0, ErrSyntax},
		{"bad literal", `[tru]`, 4, ErrSyntax},
		{"trailing", `{} 1`, 3, ErrSyntax},
		{"missing colon", `{"a" 1}`, 5, ErrSyntax},
		{"key not a string", `{1: 2}`, 1, ErrSyntax},
		{"trailing comma", `[1,]`, 3, ErrSyntax},
		{"missing comma", `{"a": 1 "b": 2}`, 8, ErrSyntax},
		{"unterminated string", `"abc`, 4, ErrSyntax},
		{"control character", "\"a\nb\"", 2, ErrSyntax},
		{"bad escape", `"\x"`, 2, ErrSyntax},
		{"short hex", `"\u12"`, 5, ErrSyntax},
		{"lone high surrogate", `"a\ud800"`, 2, ErrSyntax},
		{"lone low surrogate", `"\udc00"`, 1, ErrSyntax},
		{"high then non-low", `"\ud800\u0041"`, 1, ErrSyntax},
		{"invalid UTF-8", "\"ab\xff\"", 3, ErrSyntax},
		{"invalid UTF-8 after escape", "\"\\n\xc3\"", 3, ErrSyntax},
		{"leading zero", `01`, 1, ErrSyntax},
		{"bare minus", `-`, 1, ErrSyntax},
		{"no fraction digits", `1.`, 2, ErrSyntax},
		{"no exponent digits", `1e+`, 3, ErrSyntax},
		{"end in object", `{"a": 1`, 7, ErrSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readDocument(new(Lexer), []byte(tc.in))
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("error %v (%T) is not an *Error", err, err)
			}
			if le.Offset != tc.offset || !errors.Is(err, tc.err) {
				t.Errorf("error at %d wrapping %v, want at %d wrapping %v: %v", le.Offset, le.Err, tc.offset, tc.err, err)
			}
			if le.Msg == "" || strings.HasPrefix(le.Error(), "byte offset") == false {
				t.Errorf("Error() = %q", le.Error())
			}
			// Skip checks the same syntax, and finds the same first problem.
			l := New([]byte(tc.in))
			err = l.Skip()
			if err == nil && !l.AtEnd() {
				err = l.Unexpected("after top-level value")
			}
			if diff := cmp.Diff(errValue(le), errValue(err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Skip's error mismatch (-readValue +Skip):\n%s", diff)
			}
		})
	}
}

func TestMessages(t *testing.T) {
	tests := []struct{ in, msg string }{
		{``, "unexpected end of input"},
		{`x`, "invalid character 'x' looking for beginning of value"},
		{"\xff", "invalid character byte 0xff looking for beginning of value"},
		{`{"a" 1}`, "invalid character '1' after object key"},
		{`{"a": 1 2}`, "invalid character '2' after object key:value pair"},
		{`[1 2]`, "invalid character '2' after array element"},
		{`{1}`, "invalid character '1' looking for beginning of object key string"},
		{`nul`, "unexpected end of input"},
		{`"abc`, "unexpected end of input in string literal"},
		{`"a\`, "unexpected end of input in string literal"},
		{`"\u00`, "unexpected end of input in string literal"},
		{`{"a": `, "unexpected end of input"},
		{`nulL`, "invalid character 'L' in literal null (expecting 'l')"},
		{`"\ud800"`, "unpaired surrogate escape in string literal"},
		{"\"\xff\"", "invalid UTF-8 in string literal"},
		{`{} {}`, "invalid character '{' after top-level value"},
	}
	for _, tc := range tests {
		_, err := readDocument(new(Lexer), []byte(tc.in))
		var le *Error
		if !errors.As(err, &le) || le.Msg != tc.msg {
			t.Errorf("%q: error %v, want message %q", tc.in, err, tc.msg)
		}
	}
}

func TestMaxDepth(t *testing.T) {
	for _, tc := range []struct {
		in       string
		maxDepth int
		offset   int // of the error, or -1
	}{
		{`[[[]]]`, 3, -1},
		{`[[[1]]]`, 3, -1},
		{`[[[[]]]]`, 3, 3},
		{`{"a": {"b": [{}]}}`, 3, 13},
		{`{"a": {"b": [{}]}}`, 4, -1},
		{strings.Repeat("[", 100000) + strings.Repeat("]", 100000), 0, -1},
	} {
		for _, skip := range []bool{false, true} {
			l := &Lexer{MaxDepth: tc.maxDepth}
			l.Reset([]byte(tc.in))
			var err error
			if skip {
				err = l.Skip()
			} else {
				_, err = readValue(l)
			}
			if tc.offset < 0 {
				if err != nil {
					t.Errorf("%.20s with MaxDepth %d (skip %v): %v", tc.in, tc.maxDepth, skip, err)
				}
				if l.Depth() != 0 {
					t.Errorf("%.20s: Depth() = %d after the value, want 0", tc.in, l.Depth())
				}
				continue
			}
			var le *Error
			if !errors.As(err, &le) || !errors.Is(err, ErrDepth) || le.Offset != tc.offset {
				t.Errorf("%s with MaxDepth %d (skip %v): error %v, want ErrDepth at %d", tc.in, tc.maxDepth, skip, err, tc.offset)
			}
		}
	}
}

func TestReplaceUnpairedSurrogates(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"\ud800"`, "\uFFFD"},
		{`"a\udc00b"`, "a\uFFFDb"},
		{`"\ud800\u0041"`, "\uFFFDA"},
		{`"\ud800\ud800\udc00"`, "\uFFFD\U00010000"},
		{`"\ud83d\ude00"`, "😀"},
	}
	for _, tc := range tests {
		l := &Lexer{ReplaceUnpairedSurrogates: true}
		l.Reset([]byte(tc.in))
		got, err := l.String()
		if err != nil || got != tc.want {
			t.Errorf("String(%s) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
		var std string
		if err := json.Unmarshal([]byte(tc.in), &std); err != nil || std != got {
			t.Errorf("json.Unmarshal(%s) = %q, %v; Lexer gave %q", tc.in, std, err, got)
		}
	}
}

// TestNameBuffer checks that a name with escapes does not change when the
// scratch buffer is reused, as long as it is used before the next read.
func TestNameBuffer(t *testing.T) {
	l := New([]byte(`{"a\u0062": 1, "c\u0064": "e\u0066"}`))
	var names []string
	more, err := l.OpenObject()
	for err == nil && more {
		var name []byte
		if name, _, err = l.Name(); err != nil {
			break
		}
		names = append(names, string(name))
		if err = l.Skip(); err != nil {
			break
		}
		more, err = l.NextMember()
	}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"ab", "cd"}, names); diff != "" {
		t.Errorf("names mismatch (-want +got):\n%s", diff)
	}
}

// TestStringBytes checks that StringBytes reads what String reads, sharing
// the input's memory when the string has no escape, and fails where String
// fails.
func TestStringBytes(t *testing.T) {
	tests := []struct {
		in, want string
		shared   bool
		err      string
	}{
		{in: ` "plain"`, want: "plain", shared: true},
		{in: `"t\u00e9\n"`, want: "t\u00e9\n"},
		{in: `"back\\slash"`, want: `back\slash`},
		{in: `"\ud83d\ude00"`, want: "\U0001f600"},
		{in: `""`, want: ""},
		{in: `1`, err: "byte offset 0: invalid character '1' looking for beginning of string"},
		{in: `"open`, err: "byte offset 5: unexpected end of input in string literal"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			data := []byte(tt.in)
			l := New(data)
			b, err := l.StringBytes()
			want, werr := New(data).String()
			if tt.err != "" {
				if err == nil || err.Error() != tt.err || werr == nil || werr.Error() != tt.err {
					t.Fatalf("StringBytes error %v, String error %v, want %q", err, werr, tt.err)
				}
				return
			}
			if err != nil || werr != nil {
				t.Fatalf("StringBytes error %v, String error %v", err, werr)
			}
			if string(b) != tt.want || want != tt.want {
				t.Errorf("StringBytes = %q, String = %q, want %q", b, want, tt.want)
			}
			if shared := len(b) > 0 && &b[0] == &data[bytes.IndexByte(data, '"')+1]; shared != tt.shared {
				t.Errorf("shares the input's memory: %v, want %v", shared, tt.shared)
			}
			if l.Offset() != len(data) {
				t.Errorf("offset after the string = %d, want %d", l.Offset(), len(data))
			}
		})
	}
}

func TestKindString(t *testing.T) {
	var got []string
	for _, k := range []Kind{Object, Array, String, Number, Bool, Null, 0} {
		got = append(got, k.String())
	}
	want := []string{"object", "array", "string", "number", "boolean", "null", "invalid kind 0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Kind names mismatch (-want +got):\n%s", diff)
	}
}

// FuzzLexer compares the Lexer with encoding/json on any input: readValue
// (with unpaired surrogates replaced, as encoding/json does) accepts exactly
// the valid UTF-8 inputs that json.Valid accepts, and reads them to the value
// json.Unmarshal gives; Skip agrees with readValue on acceptance and on the
// first error; the strict Lexer accepts a subset, with the same values.
func FuzzLexer(f *testing.F) {
	for _, s := range []string{
		``, `{}`, `[]`, `"x"`, `-0.5e+7`, `true`, `null`,
		`{"a": [1, "b", {"c": null}], "d": false}`,
		`"\ud83d\ude00\ud800\u00e9\n"`,
		"\"caf\xe9\"",
		`[[[[[[[[[[]]]]]]]]]]`,
		`{"a": 1,}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lenient := &Lexer{ReplaceUnpairedSurrogates: true}
		v, err := readDocument(lenient, data)
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || le.Offset < 0 || le.Offset > len(data) || le.Msg == "" {
				t.Fatalf("bad error %#v", err)
			}
		}
		skipper := &Lexer{ReplaceUnpairedSurrogates: true}
		skipper.Reset(data)
		serr := skipper.Skip()
		if serr == nil && !skipper.AtEnd() {
			serr = skipper.Unexpected("after top-level value")
		}
		if diff := cmp.Diff(errValue(err), errValue(serr), cmpopts.EquateErrors()); diff != "" {
			t.Fatalf("readValue and Skip disagree (-readValue +Skip):\n%s", diff)
		}
		if utf8.Valid(data) {
			if valid := json.Valid(data); valid != (err == nil) {
				t.Fatalf("json.Valid = %v, Lexer error = %v", valid, err)
			}
		}
		if err == nil {
			d := json.NewDecoder(bytes.NewReader(data))
			d.UseNumber()
			var std any
			if err := d.Decode(&std); err != nil {
				t.Fatalf("json.Decoder rejects what the Lexer accepts: %v", err)
			}
			// Object members are read into maps, where the last duplicate
			// wins, as in encoding/json.
			if diff := cmp.Diff(std, v); diff != "" {
				t.Fatalf("value mismatch (-encoding/json +Lexer):\n%s", diff)
			}
		}
		strict, serr := readDocument(new(Lexer), data)
		if serr == nil {
			if err != nil {
				t.Fatalf("the strict Lexer accepts what the lenient one rejects: %v", err)
			}
			if diff := cmp.Diff(v, strict); diff != "" {
				t.Fatalf("strict and lenient values differ (-lenient +strict):\n%s", diff)
			}
		}
	})
}
