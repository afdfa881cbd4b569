// Package tree is the one tree every input of package iac is read into:
// JSON, YAML and Terraform values with the position of each ([Value]),
// and the readers of JSON and YAML that build it with those positions,
// within the limits [MaxDepth] and [MaxNodes].
package tree

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/internal/jsonlex"
	"go.yaml.in/yaml/v3"
)

// Position is a position in a file: line and column, both from 1,
// the column counted in characters.
type Position = appclient.Position

// Limits that keep memory and time bounded whatever the input.
const (
	// MaxDepth is the deepest nesting of lists and maps accepted.
	MaxDepth = 256
	// MaxNodes is the largest number of values one file may hold, YAML
	// aliases counted each time they are expanded.
	MaxNodes = 1 << 20
)

// Kind is the type of a [Value].
type Kind uint8

// The kinds of value.
const (
	Null   Kind = iota // null, or a YAML ~ or empty scalar
	Bool               // true or false; Str holds "true" or "false"
	Number             // a number; Str holds it as written
	String             // a string; Str holds it
	List               // a list; Elems holds it
	Map                // a map; Membs holds it in file order
	// Unknown is a value known only at deployment, such as a
	// Terraform reference; Str holds its expression as written, Refs what
	// it refers to.
	Unknown
)

// String describes the kind in words, for messages: "a list", "a map".
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "a boolean"
	case Number:
		return "a number"
	case String:
		return "a string"
	case List:
		return "a list"
	case Map:
		return "a map"
	case Unknown:
		return "a value known only at deployment"
	}
	return "unknown"
}

// Value is a JSON, YAML or Terraform value with its position: the one tree
// every input kind is read into, so that every check can point at a line.
// CloudFormation intrinsic functions are kept as written: a short-form tag
// in Tag, or a one-member map such as {"Fn::GetAtt": [...]}.
type Value struct {
	Kind Kind
	// Tag is the YAML local tag of the value, such as "!Ref"; "" otherwise.
	Tag string
	// Str is the text of a scalar: the string, the number as written, or
	// "true"/"false". For Unknown, the expression as written.
	Str string
	// Pos is where the value starts.
	Pos Position
	// Elems are the elements of a List.
	Elems []*Value
	// Membs are the members of a Map, in file order.
	Membs []Member
	// Refs are, for a Terraform value, the resources, data sources,
	// variables and modules its expression refers to
	// ("aws_cognito_user_pool.main", "var.domain"); nil elsewhere.
	Refs []string

	// Dups are the keys a Map had more than once; Membs holds only
	// the last occurrence of each, in the place of the first.
	Dups []Dup
}

// Dup is a key written twice in one map: Prev is where it was written
// before, Last where it is written again (and what Membs keeps).
type Dup struct {
	Key        string
	Prev, Last Position
	// Same is true when the value written again equals the one before
	// (see [Equal]): whichever deploys, nothing differs.
	Same bool
}

// Member is one key of a map.
type Member struct {
	// Key is the member's name.
	Key string
	// KeyPos is where the name is written.
	KeyPos Position
	// Val is the member's value.
	Val *Value
}

// Get returns the value of key in a map, or nil when n is not a map or has
// no such key.
func (n *Value) Get(key string) *Value {
	if n == nil || n.Kind != Map {
		return nil
	}
	for i := range n.Membs {
		if n.Membs[i].Key == key {
			return n.Membs[i].Val
		}
	}
	return nil
}

// find returns the member named key of a map being built, or nil. Small
// maps are scanned; from 16 members on, *index holds the key indexes.
func (n *Value) find(key string, index *map[string]int) *Member {
	if *index != nil {
		if i, ok := (*index)[key]; ok {
			return &n.Membs[i]
		}
		return nil
	}
	for i := range n.Membs {
		if n.Membs[i].Key == key {
			return &n.Membs[i]
		}
	}
	if len(n.Membs) >= 16 {
		*index = make(map[string]int, 2*len(n.Membs))
		for i, m := range n.Membs {
			(*index)[m.Key] = i
		}
	}
	return nil
}

// Member returns the member named key of a map node, or nil.
func (n *Value) Member(key string) *Member {
	if n == nil || n.Kind != Map {
		return nil
	}
	for i := range n.Membs {
		if n.Membs[i].Key == key {
			return &n.Membs[i]
		}
	}
	return nil
}

// Error is an input error at a position in a file.
type Error struct {
	Pos Position
	Msg string
	// Limit is true when a size, depth or count limit was hit.
	Limit bool
}

func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// LineIndex turns byte offsets into positions. Columns count characters;
// lookups in increasing order on one line cost only the distance between
// them, so a file on one line (as Terraform prints plans) stays linear.
type LineIndex struct {
	starts []int // byte offset of the start of each line
	src    string
	// The last lookup, to continue counting characters from it.
	lastOff, lastLine, lastCol int
}

func NewLineIndex(src string) *LineIndex {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{starts: starts, src: src, lastLine: 1, lastCol: 1}
}

// Position returns the position of byte offset off.
func (li *LineIndex) Position(off int) Position {
	off = min(max(off, 0), len(li.src))
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	start := li.starts[lo]
	col := 0
	if li.lastLine == lo+1 && li.lastOff <= off && li.lastOff >= start {
		col = li.lastCol + utf8.RuneCountInString(li.src[li.lastOff:off])
	} else {
		col = utf8.RuneCountInString(li.src[start:off]) + 1
	}
	li.lastOff, li.lastLine, li.lastCol = off, lo+1, col
	return Position{Line: lo + 1, Column: col}
}

// jsonParser reads JSON into a tree of Values that keeps the position of
// every value, which encoding/json does not. The tokens, strings and numbers
// are internal/jsonlex's, the lexer of the strict request decoders; the
// parser adds the positions, MaxDepth, MaxNodes and duplicate members.
// Unpaired surrogate escapes read as U+FFFD, as encoding/json reads them: a
// template is read as AWS reads it; a request is then also read by the
// strict decoder, which rejects them.
type jsonParser struct {
	lex   jsonlex.Lexer
	data  []byte
	src   string // data as a string: strings without escapes are slices of it
	lines *LineIndex
	nodes int
	// strict makes a duplicate member an error, as the request decoders
	// have it; otherwise the last occurrence wins, as in CloudFormation.
	strict bool
	// spans, when not nil, records byte offsets, and every occurrence of
	// a duplicate member is kept, in file order, as HCL's JSON syntax
	// reads them (a block type named twice is two sets of blocks).
	spans *Spans
}

// Spans are the byte offsets of the values and member names of a JSON
// text, which Terraform's JSON syntax needs to read strings as templates
// at their place in the file.
type Spans struct {
	// vals are each value's start and the offset just after it.
	vals map[*Value][2]int
	// keys are, for each map, the offsets of its members' names, in order.
	keys map[*Value][]int
}

// Of returns the byte offsets of the start of v and of the byte after it.
func (s *Spans) Of(v *Value) (start, end int) {
	o := s.vals[v]
	return o[0], o[1]
}

// Keys returns the byte offsets of the names of a map's members, in the
// order of its Membs.
func (s *Spans) Keys(m *Value) []int { return s.keys[m] }

// ParseJSONSpans is ParseJSON keeping every occurrence of a duplicate
// member, in file order (Dups stays empty), and the byte offsets of every
// value and member name.
func ParseJSONSpans(data []byte) (*Value, *Spans, error) {
	spans := &Spans{vals: map[*Value][2]int{}, keys: map[*Value][]int{}}
	n, err := parseJSONWith(&jsonParser{spans: spans}, data)
	return n, spans, err
}

// planOnlyKeys are the top-level members of a Terraform plan that no check
// reads; they can hold most of a large plan, so they are checked for syntax
// but not kept. No request or template has them.
var planOnlyKeys = map[string]bool{
	"planned_values": true, "prior_state": true, "resource_drift": true,
	"relevant_attributes": true, "output_changes": true, "checks": true,
	"variables": true, "deferred_changes": true,
}

// ParseJSON reads one JSON value that must fill data (whitespace aside). Of
// a member written twice in one object the last wins and is recorded in
// the object's dups.
func ParseJSON(data []byte) (*Value, error) { return parseJSONMode(data, false) }

// ParseJSONStrict is ParseJSON with a duplicate member an error, the first
// one found, for the inputs the request decoders read.
func ParseJSONStrict(data []byte) (*Value, error) { return parseJSONMode(data, true) }

func parseJSONMode(data []byte, strict bool) (*Value, error) {
	return parseJSONWith(&jsonParser{strict: strict}, data)
}

func parseJSONWith(p *jsonParser, data []byte) (*Value, error) {
	src := string(data)
	p.data, p.src, p.lines = data, src, NewLineIndex(src)
	p.lex.ReplaceUnpairedSurrogates = true
	p.lex.Reset(p.data)
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if !p.lex.AtEnd() {
		return nil, p.errorf(p.lex.Offset(), "unexpected %s after the top-level value", p.describe(p.lex.Offset()))
	}
	return n, nil
}

func (p *jsonParser) errorf(off int, format string, args ...any) error {
	return &Error{Pos: p.lines.Position(off), Msg: fmt.Sprintf(format, args...)}
}

func (p *jsonParser) limitf(off int, format string, args ...any) error {
	return &Error{Pos: p.lines.Position(off), Msg: fmt.Sprintf(format, args...), Limit: true}
}

// lexError turns an error of the lexer into a Error at its offset.
// start is where the value or name being read begins. expected, when not
// "", says what the parser expected there: an error at start is worded
// "unexpected X, expected ...". When a string starts there, an end of input
// within it (the lexer says "... in string literal" at the end only then) is
// "string not terminated" at its opening quote. Every other error keeps the
// lexer's words.
func (p *jsonParser) lexError(err error, start int, expected string) error {
	var le *jsonlex.Error
	if !errors.As(err, &le) {
		return err
	}
	switch {
	case le.Offset == len(p.data) && start < len(p.data) && p.data[start] == '"' && strings.HasSuffix(le.Msg, " in string literal"):
		return p.errorf(start, "string not terminated")
	case le.Offset == start && expected != "":
		return p.errorf(start, "unexpected %s, expected %s", p.describe(start), expected)
	}
	return p.errorf(le.Offset, "%s", le.Msg)
}

// describe names the character at off for an error message.
func (p *jsonParser) describe(off int) string {
	if off >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[off:])
	if r == utf8.RuneError || r < 0x20 {
		return fmt.Sprintf("byte 0x%02x", p.data[off])
	}
	return fmt.Sprintf("character %q", r)
}

// str returns a string the lexer read from the literal whose opening quote
// is at quote: a slice of src when b is a slice of the input (the literal
// has no escape), a copy otherwise.
func (p *jsonParser) str(b []byte, quote int) string {
	if len(b) > 0 && &b[0] == &p.data[quote+1] {
		return p.src[quote+1 : quote+1+len(b)]
	}
	return string(b)
}

// value reads the value at the lexer's offset, depth lists and maps deep.
func (p *jsonParser) value(depth int) (*Value, error) {
	p.lex.SkipSpace()
	off := p.lex.Offset()
	if depth > MaxDepth {
		return nil, p.limitf(off, "nesting deeper than %d levels", MaxDepth)
	}
	p.nodes++
	if p.nodes > MaxNodes {
		return nil, p.limitf(off, "more than %d values", MaxNodes)
	}
	kind, err := p.lex.Peek()
	if err != nil {
		return nil, p.lexError(err, off, "a value")
	}
	at := p.lines.Position(off)
	v, err := p.kindAt(kind, off, depth, at)
	if v != nil && p.spans != nil {
		p.spans.vals[v] = [2]int{off, p.lex.Offset()}
	}
	return v, err
}

// kindAt reads the value of the given kind that starts at off.
func (p *jsonParser) kindAt(kind jsonlex.Kind, off, depth int, at Position) (*Value, error) {
	switch kind {
	case jsonlex.Object:
		return p.object(depth, at)
	case jsonlex.Array:
		return p.array(depth, at)
	case jsonlex.String:
		b, err := p.lex.StringBytes()
		if err != nil {
			return nil, p.lexError(err, off, "")
		}
		return &Value{Kind: String, Str: p.str(b, off), Pos: at}, nil
	case jsonlex.Number:
		lit, _, err := p.lex.Number()
		if err != nil {
			return nil, p.lexError(err, off, "")
		}
		// The lexer stops a number at a second digit only after a lone 0.
		if end := off + len(lit); end < len(p.data) && '0' <= p.data[end] && p.data[end] <= '9' {
			return nil, p.errorf(off, "number with a leading zero")
		}
		return &Value{Kind: Number, Str: p.src[off : off+len(lit)], Pos: at}, nil
	case jsonlex.Bool:
		b, err := p.lex.Bool()
		if err != nil {
			return nil, p.lexError(err, off, "")
		}
		return &Value{Kind: Bool, Str: strconv.FormatBool(b), Pos: at}, nil
	default: // jsonlex.Null
		if err := p.lex.Null(); err != nil {
			return nil, p.lexError(err, off, "")
		}
		return &Value{Kind: Null, Str: "null", Pos: at}, nil
	}
}

func (p *jsonParser) object(depth int, at Position) (*Value, error) {
	n := &Value{Kind: Map, Pos: at}
	more, err := p.lex.OpenObject()
	if err != nil {
		return nil, p.lexError(err, p.lex.Offset(), "")
	}
	// seen indexes the members once the object is large.
	var seen map[string]int
	for more {
		p.lex.SkipSpace()
		keyOff := p.lex.Offset()
		name, _, err := p.lex.Name()
		if err != nil {
			return nil, p.lexError(err, keyOff, "a member name")
		}
		key := p.str(name, keyOff)
		keyPos := p.lines.Position(keyOff)
		if depth == 0 && planOnlyKeys[key] {
			// Checked for syntax, in constant stack space, and not kept.
			p.lex.SkipSpace()
			valOff := p.lex.Offset()
			if err := p.lex.Skip(); err != nil {
				return nil, p.lexError(err, valOff, "a value")
			}
		} else {
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			if p.spans != nil {
				n.Membs = append(n.Membs, Member{Key: key, KeyPos: keyPos, Val: v})
				p.spans.keys[n] = append(p.spans.keys[n], keyOff)
			} else if first := n.find(key, &seen); first != nil {
				if p.strict {
					return nil, &Error{Pos: keyPos, Msg: fmt.Sprintf("duplicate member %q (first at line %d)", key, first.KeyPos.Line)}
				}
				n.Dups = append(n.Dups, Dup{Key: key, Prev: first.KeyPos, Last: keyPos, Same: Equal(first.Val, v)})
				first.KeyPos, first.Val = keyPos, v
			} else {
				n.Membs = append(n.Membs, Member{Key: key, KeyPos: keyPos, Val: v})
				if seen != nil {
					seen[key] = len(n.Membs) - 1
				}
			}
		}
		p.lex.SkipSpace()
		next := p.lex.Offset()
		if more, err = p.lex.NextMember(); err != nil {
			return nil, p.lexError(err, next, "',' or '}'")
		}
	}
	return n, nil
}

func (p *jsonParser) array(depth int, at Position) (*Value, error) {
	n := &Value{Kind: List, Pos: at}
	more, err := p.lex.OpenArray()
	if err != nil {
		return nil, p.lexError(err, p.lex.Offset(), "")
	}
	for more {
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Elems = append(n.Elems, v)
		p.lex.SkipSpace()
		next := p.lex.Offset()
		if more, err = p.lex.NextElement(); err != nil {
			return nil, p.lexError(err, next, "',' or ']'")
		}
	}
	return n, nil
}

// ParseYAML reads the first document of a YAML file. Aliases are expanded
// with MaxNodes counting every expansion, so alias bombs fail fast.
func ParseYAML(data []byte) (*Value, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(err)
	}
	if doc.Kind == 0 {
		return nil, &Error{Msg: "empty YAML document"}
	}
	c := &yamlConverter{}
	root := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	return c.convert(root, 0)
}

// yamlError turns the YAML library's "yaml: line N: msg" into a Error.
func yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if line, err := strconv.Atoi(rest[:i]); err == nil {
				return &Error{Pos: Position{Line: line, Column: 1}, Msg: rest[i+2:]}
			}
		}
	}
	return &Error{Msg: msg}
}

type yamlConverter struct {
	nodes  int
	active map[*yaml.Node]bool // aliases being expanded, to stop cycles
}

func (c *yamlConverter) convert(y *yaml.Node, depth int) (*Value, error) {
	at := Position{Line: y.Line, Column: y.Column}
	if depth > MaxDepth {
		return nil, &Error{Pos: at, Msg: fmt.Sprintf("nesting deeper than %d levels", MaxDepth)}
	}
	c.nodes++
	if c.nodes > MaxNodes {
		return nil, &Error{Pos: at, Msg: fmt.Sprintf("more than %d values (after expanding aliases)", MaxNodes)}
	}
	tag := ""
	if strings.HasPrefix(y.Tag, "!") && !strings.HasPrefix(y.Tag, "!!") {
		tag = y.Tag
	}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &Error{Pos: at, Msg: "alias to an unknown anchor"}
		}
		if c.active == nil {
			c.active = map[*yaml.Node]bool{}
		}
		if c.active[y.Alias] {
			return nil, &Error{Pos: at, Msg: "alias refers to itself"}
		}
		c.active[y.Alias] = true
		n, err := c.convert(y.Alias, depth+1)
		delete(c.active, y.Alias)
		if err != nil {
			return nil, err
		}
		// Point at the alias, where the value is used.
		cp := *n
		cp.Pos = at
		return &cp, nil
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return &Value{Kind: Null, Pos: at}, nil
		}
		return c.convert(y.Content[0], depth)
	case yaml.SequenceNode:
		n := &Value{Kind: List, Tag: tag, Pos: at, Elems: make([]*Value, 0, len(y.Content))}
		for _, e := range y.Content {
			v, err := c.convert(e, depth+1)
			if err != nil {
				return nil, err
			}
			n.Elems = append(n.Elems, v)
		}
		return n, nil
	case yaml.MappingNode:
		n := &Value{Kind: Map, Tag: tag, Pos: at}
		// Keys written in the map override keys merged into it (<<: *base),
		// wherever they stand; of several merged maps, the first wins. Of a
		// key written twice the last wins, as CloudFormation has it, in
		// the place of the first.
		explicit := map[string]Position{}
		var dupAt map[Position]int // index in Dups of the key written again at a position
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := y.Content[i]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				continue
			}
			if k.Kind != yaml.ScalarNode {
				return nil, &Error{Pos: Position{Line: k.Line, Column: k.Column}, Msg: "map key is not a scalar"}
			}
			keyPos := Position{Line: k.Line, Column: k.Column}
			if prev, dup := explicit[k.Value]; dup {
				if dupAt == nil {
					dupAt = map[Position]int{}
				}
				dupAt[keyPos] = len(n.Dups)
				n.Dups = append(n.Dups, Dup{Key: k.Value, Prev: prev, Last: keyPos})
			}
			explicit[k.Value] = keyPos
		}
		at := map[string]int{} // index in Membs of each key written
		merged := map[string]bool{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				src, err := c.convert(v, depth+1)
				if err != nil {
					return nil, err
				}
				sources := []*Value{src}
				if src.Kind == List {
					sources = src.Elems
				}
				for _, m := range sources {
					if m.Kind != Map {
						return nil, &Error{Pos: Position{Line: v.Line, Column: v.Column}, Msg: "merge key (<<) needs a map or a list of maps"}
					}
					from := map[string]bool{}
					for _, mm := range m.Membs {
						if _, ok := explicit[mm.Key]; ok || merged[mm.Key] {
							continue
						}
						merged[mm.Key] = true
						from[mm.Key] = true
						n.Membs = append(n.Membs, mm)
					}
					// A key twice in a merged map is twice in this one.
					for _, d := range m.Dups {
						if from[d.Key] {
							n.Dups = append(n.Dups, d)
						}
					}
				}
				continue
			}
			val, err := c.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			mb := Member{Key: k.Value, KeyPos: Position{Line: k.Line, Column: k.Column}, Val: val}
			if j, ok := at[k.Value]; ok {
				if d, ok := dupAt[mb.KeyPos]; ok && Equal(n.Membs[j].Val, val) {
					n.Dups[d].Same = true
				}
				n.Membs[j] = mb
				continue
			}
			at[k.Value] = len(n.Membs)
			n.Membs = append(n.Membs, mb)
		}
		return n, nil
	case yaml.ScalarNode:
		n := &Value{Tag: tag, Str: y.Value, Pos: at}
		switch y.ShortTag() {
		case "!!null":
			n.Kind = Null
		case "!!bool":
			n.Kind = Bool
			var b bool
			if err := y.Decode(&b); err == nil {
				n.Str = strconv.FormatBool(b)
			}
		case "!!int", "!!float":
			n.Kind = Number
		default:
			n.Kind = String
		}
		if tag != "" {
			n.Kind = String
		}
		return n, nil
	}
	return nil, &Error{Pos: at, Msg: "unsupported YAML node"}
}

// maxEqualNodes is the most nodes Equal compares: YAML aliases can make a
// value far larger than its text, and two such values are then called
// different. (The reader's limit of values after aliases bounds the work
// too; this keeps one comparison small.)
const maxEqualNodes = 1 << 15

// Equal reports whether a and b are the same value, wherever they are
// written: the same kinds, strings, tags and references, the same
// elements in order, and the same keys with equal values in order. It
// compares at most maxEqualNodes nodes, and answers false past them.
func Equal(a, b *Value) bool {
	budget := maxEqualNodes
	var eq func(a, b *Value, depth int) bool
	eq = func(a, b *Value, depth int) bool {
		if a == b {
			return true
		}
		budget--
		if a == nil || b == nil || budget < 0 || depth > MaxDepth+1 {
			return false
		}
		if a.Kind != b.Kind || a.Str != b.Str || a.Tag != b.Tag || !slices.Equal(a.Refs, b.Refs) ||
			len(a.Elems) != len(b.Elems) || len(a.Membs) != len(b.Membs) {
			return false
		}
		for i := range a.Elems {
			if !eq(a.Elems[i], b.Elems[i], depth+1) {
				return false
			}
		}
		for i := range a.Membs {
			if a.Membs[i].Key != b.Membs[i].Key || !eq(a.Membs[i].Val, b.Membs[i].Val, depth+1) {
				return false
			}
		}
		return true
	}
	return eq(a, b, 0)
}

// HasDups reports whether a key is written twice in a map of n or below.
func HasDups(n *Value, depth int) bool {
	if n == nil || depth > MaxDepth+1 {
		return false
	}
	if len(n.Dups) > 0 {
		return true
	}
	for _, e := range n.Elems {
		if HasDups(e, depth+1) {
			return true
		}
	}
	for _, m := range n.Membs {
		if HasDups(m.Val, depth+1) {
			return true
		}
	}
	return false
}

// List returns the elements of a list, or nil for anything else.
func (n *Value) List() []*Value {
	if n == nil || n.Kind != List {
		return nil
	}
	return n.Elems
}
