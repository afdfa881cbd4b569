package iac

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits that keep memory and time bounded whatever the input.
const (
	// maxInputBytes is the largest input read; a larger one is an input error.
	maxInputBytes = 10 << 20
	// maxYAMLBytes is the largest YAML input: the YAML reader needs about
	// 120 bytes of memory per byte of input in the worst case, and
	// CloudFormation itself accepts templates of at most 1 MB.
	maxYAMLBytes = 1 << 20
	// maxDepth is the deepest nesting of lists and maps accepted.
	maxDepth = 256
	// maxNodes is the largest number of values one file may hold, YAML
	// aliases counted each time they are expanded.
	maxNodes = 1 << 20
)

// ValueKind is the type of a [Value].
type ValueKind uint8

// The kinds of value.
const (
	ValueNull   ValueKind = iota // null, or a YAML ~ or empty scalar
	ValueBool                    // true or false; Str holds "true" or "false"
	ValueNumber                  // a number; Str holds it as written
	ValueString                  // a string; Str holds it
	ValueList                    // a list; Elems holds it
	ValueMap                     // a map; Membs holds it in file order
	// ValueUnknown is a value known only at deployment, such as a
	// Terraform reference; Str holds its expression as written, Refs what
	// it refers to.
	ValueUnknown
)

func (k ValueKind) String() string {
	switch k {
	case ValueNull:
		return "null"
	case ValueBool:
		return "a boolean"
	case ValueNumber:
		return "a number"
	case ValueString:
		return "a string"
	case ValueList:
		return "a list"
	case ValueMap:
		return "a map"
	case ValueUnknown:
		return "a value known only at deployment"
	}
	return "unknown"
}

// Value is a JSON, YAML or Terraform value with its position: the one tree
// every input kind is read into, so that every check can point at a line.
// CloudFormation intrinsic functions are kept as written: a short-form tag
// in Tag, or a one-member map such as {"Fn::GetAtt": [...]}.
type Value struct {
	Kind ValueKind
	// Tag is the YAML local tag of the value, such as "!Ref"; "" otherwise.
	Tag string
	// Str is the text of a scalar: the string, the number as written, or
	// "true"/"false". For ValueUnknown, the expression as written.
	Str string
	// Pos is where the value starts.
	Pos Position
	// Elems are the elements of a ValueList.
	Elems []*Value
	// Membs are the members of a ValueMap, in file order.
	Membs []Member
	// Refs are, for a Terraform value, the resources, data sources,
	// variables and modules its expression refers to
	// ("aws_cognito_user_pool.main", "var.domain"); nil elsewhere.
	Refs []string
}

// Member is one key of a map.
type Member struct {
	Key    string
	KeyPos Position
	Val    *Value
}

// Get returns the value of key in a map, or nil when n is not a map or has
// no such key.
func (n *Value) Get(key string) *Value { return n.get(key) }

// get returns the value of key in a map node, or nil.
func (n *Value) get(key string) *Value {
	if n == nil || n.Kind != ValueMap {
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

// member returns the member named key of a map node, or nil.
func (n *Value) member(key string) *Member {
	if n == nil || n.Kind != ValueMap {
		return nil
	}
	for i := range n.Membs {
		if n.Membs[i].Key == key {
			return &n.Membs[i]
		}
	}
	return nil
}

// posError is an input error at a position in a file.
type posError struct {
	Pos Position
	Msg string
	// limit is true when a size, depth or count limit was hit.
	limit bool
}

func (e *posError) Error() string {
	if e.Pos.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// lineIndex turns byte offsets into positions. Columns count characters;
// lookups in increasing order on one line cost only the distance between
// them, so a file on one line (as Terraform prints plans) stays linear.
type lineIndex struct {
	starts []int // byte offset of the start of each line
	src    string
	// The last lookup, to continue counting characters from it.
	lastOff, lastLine, lastCol int
}

func newLineIndex(src string) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{starts: starts, src: src, lastLine: 1, lastCol: 1}
}

// Position returns the position of byte offset off.
func (li *lineIndex) position(off int) Position {
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

// jsonParser is a small JSON reader that keeps the position of every value,
// which encoding/json does not. It enforces maxDepth and maxNodes.
type jsonParser struct {
	src   string
	off   int
	lines *lineIndex
	nodes int
	// discard is positive while reading a value that is checked but not
	// kept: the large parts of a Terraform plan that no check reads.
	discard int
}

// planOnlyKeys are the top-level members of a Terraform plan that no check
// reads; they can hold most of a large plan, so they are checked for syntax
// but not kept. No request or template has them.
var planOnlyKeys = map[string]bool{
	"planned_values": true, "prior_state": true, "resource_drift": true,
	"relevant_attributes": true, "output_changes": true, "checks": true,
	"variables": true, "deferred_changes": true,
}

// parseJSON reads one JSON value that must fill src (whitespace aside).
func parseJSON(src string) (*Value, error) {
	p := &jsonParser{src: src, lines: newLineIndex(src)}
	p.space()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.off < len(p.src) {
		return nil, p.errorf(p.off, "unexpected %s after the top-level value", p.describe(p.off))
	}
	return n, nil
}

func (p *jsonParser) errorf(off int, format string, args ...any) error {
	return &posError{Pos: p.lines.position(off), Msg: fmt.Sprintf(format, args...)}
}

func (p *jsonParser) limitf(off int, format string, args ...any) error {
	return &posError{Pos: p.lines.position(off), Msg: fmt.Sprintf(format, args...), limit: true}
}

// describe names the character at off for an error message.
func (p *jsonParser) describe(off int) string {
	if off >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(p.src[off:])
	if r == utf8.RuneError || r < 0x20 {
		return fmt.Sprintf("byte 0x%02x", p.src[off])
	}
	return fmt.Sprintf("character %q", r)
}

func (p *jsonParser) space() {
	for p.off < len(p.src) {
		switch p.src[p.off] {
		case ' ', '\t', '\n', '\r':
			p.off++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (*Value, error) {
	if depth > maxDepth {
		return nil, p.limitf(p.off, "nesting deeper than %d levels", maxDepth)
	}
	if p.discard == 0 {
		p.nodes++
	}
	if p.nodes > maxNodes {
		return nil, p.limitf(p.off, "more than %d values", maxNodes)
	}
	if p.off >= len(p.src) {
		return nil, p.errorf(p.off, "unexpected end of input")
	}
	at := p.lines.position(p.off)
	switch c := p.src[p.off]; {
	case c == '{':
		return p.object(depth, at)
	case c == '[':
		return p.array(depth, at)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &Value{Kind: ValueString, Str: s, Pos: at}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number(at)
	default:
		for _, lit := range [...]struct {
			text string
			kind ValueKind
		}{{"true", ValueBool}, {"false", ValueBool}, {"null", ValueNull}} {
			if strings.HasPrefix(p.src[p.off:], lit.text) {
				p.off += len(lit.text)
				return &Value{Kind: lit.kind, Str: lit.text, Pos: at}, nil
			}
		}
		return nil, p.errorf(p.off, "unexpected %s, expected a value", p.describe(p.off))
	}
}

func (p *jsonParser) object(depth int, at Position) (*Value, error) {
	n := &Value{Kind: ValueMap, Pos: at}
	p.off++ // {
	// seen indexes the members once the object is large.
	var seen map[string]int
	p.space()
	if p.off < len(p.src) && p.src[p.off] == '}' {
		p.off++
		return n, nil
	}
	for {
		p.space()
		if p.off >= len(p.src) || p.src[p.off] != '"' {
			return nil, p.errorf(p.off, "unexpected %s, expected a member name", p.describe(p.off))
		}
		keyPos := p.lines.position(p.off)
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.off >= len(p.src) || p.src[p.off] != ':' {
			return nil, p.errorf(p.off, "unexpected %s, expected ':'", p.describe(p.off))
		}
		p.off++
		p.space()
		skip := depth == 0 && planOnlyKeys[key]
		if skip {
			p.discard++
		}
		v, err := p.value(depth + 1)
		if skip {
			p.discard--
		}
		if err != nil {
			return nil, err
		}
		if p.discard == 0 && !skip {
			if first := n.find(key, &seen); first != nil {
				return nil, &posError{Pos: keyPos, Msg: fmt.Sprintf("duplicate member %q (first at line %d)", key, first.KeyPos.Line)}
			}
			n.Membs = append(n.Membs, Member{Key: key, KeyPos: keyPos, Val: v})
			if seen != nil {
				seen[key] = len(n.Membs) - 1
			}
		}
		p.space()
		if p.off < len(p.src) && p.src[p.off] == ',' {
			p.off++
			continue
		}
		if p.off < len(p.src) && p.src[p.off] == '}' {
			p.off++
			return n, nil
		}
		return nil, p.errorf(p.off, "unexpected %s, expected ',' or '}'", p.describe(p.off))
	}
}

func (p *jsonParser) array(depth int, at Position) (*Value, error) {
	n := &Value{Kind: ValueList, Pos: at}
	p.off++ // [
	p.space()
	if p.off < len(p.src) && p.src[p.off] == ']' {
		p.off++
		return n, nil
	}
	for {
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.discard == 0 {
			n.Elems = append(n.Elems, v)
		}
		p.space()
		if p.off < len(p.src) && p.src[p.off] == ',' {
			p.off++
			continue
		}
		if p.off < len(p.src) && p.src[p.off] == ']' {
			p.off++
			return n, nil
		}
		return nil, p.errorf(p.off, "unexpected %s, expected ',' or ']'", p.describe(p.off))
	}
}

func (p *jsonParser) number(at Position) (*Value, error) {
	start := p.off
	if p.src[p.off] == '-' {
		p.off++
	}
	digits := func() int {
		n := 0
		for p.off < len(p.src) && p.src[p.off] >= '0' && p.src[p.off] <= '9' {
			p.off++
			n++
		}
		return n
	}
	intStart := p.off
	if digits() == 0 {
		return nil, p.errorf(p.off, "unexpected %s in a number", p.describe(p.off))
	}
	if p.src[intStart] == '0' && p.off-intStart > 1 {
		return nil, p.errorf(intStart, "number with a leading zero")
	}
	if p.off < len(p.src) && p.src[p.off] == '.' {
		p.off++
		if digits() == 0 {
			return nil, p.errorf(p.off, "unexpected %s in a number", p.describe(p.off))
		}
	}
	if p.off < len(p.src) && (p.src[p.off] == 'e' || p.src[p.off] == 'E') {
		p.off++
		if p.off < len(p.src) && (p.src[p.off] == '+' || p.src[p.off] == '-') {
			p.off++
		}
		if digits() == 0 {
			return nil, p.errorf(p.off, "unexpected %s in a number", p.describe(p.off))
		}
	}
	return &Value{Kind: ValueNumber, Str: p.src[start:p.off], Pos: at}, nil
}

// str reads a JSON string starting at the opening quote.
func (p *jsonParser) str() (string, error) {
	start := p.off
	p.off++ // "
	plain := true
	for i := p.off; i < len(p.src); i++ {
		c := p.src[i]
		if c == '"' {
			if plain {
				s := p.src[p.off:i]
				if !utf8.ValidString(s) {
					break
				}
				p.off = i + 1
				return s, nil
			}
			break
		}
		if c == '\\' || c < 0x20 {
			plain = false
			break
		}
	}
	var b strings.Builder
	for {
		if p.off >= len(p.src) {
			return "", p.errorf(start, "string not terminated")
		}
		c := p.src[p.off]
		switch {
		case c == '"':
			p.off++
			return b.String(), nil
		case c < 0x20:
			return "", p.errorf(p.off, "control character 0x%02x in a string", c)
		case c == '\\':
			if p.off+1 >= len(p.src) {
				return "", p.errorf(start, "string not terminated")
			}
			e := p.src[p.off+1]
			p.off += 2
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.errorf(p.off, "invalid \\u escape")
				}
				if utf16.IsSurrogate(r) {
					save := p.off
					if strings.HasPrefix(p.src[p.off:], `\u`) {
						p.off += 2
						if r2, ok := p.hex4(); ok {
							if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
								b.WriteRune(d)
								continue
							}
						}
					}
					p.off = save
					r = utf8.RuneError
				}
				b.WriteRune(r)
			default:
				return "", p.errorf(p.off-2, "invalid escape \\%c in a string", e)
			}
		default:
			r, size := utf8.DecodeRuneInString(p.src[p.off:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf(p.off, "invalid UTF-8 byte 0x%02x in a string", c)
			}
			b.WriteString(p.src[p.off : p.off+size])
			p.off += size
		}
	}
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.off+4 > len(p.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(p.src[p.off:p.off+4], 16, 32)
	if err != nil {
		return 0, false
	}
	p.off += 4
	return rune(v), true
}

// parseYAML reads the first document of a YAML file. Aliases are expanded
// with maxNodes counting every expansion, so alias bombs fail fast.
func parseYAML(src string) (*Value, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return nil, yamlError(err)
	}
	if doc.Kind == 0 {
		return nil, &posError{Msg: "empty YAML document"}
	}
	c := &yamlConverter{}
	root := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	return c.convert(root, 0)
}

// yamlError turns the YAML library's "yaml: line N: msg" into a posError.
func yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if line, err := strconv.Atoi(rest[:i]); err == nil {
				return &posError{Pos: Position{Line: line, Column: 1}, Msg: rest[i+2:]}
			}
		}
	}
	return &posError{Msg: msg}
}

type yamlConverter struct {
	nodes  int
	active map[*yaml.Node]bool // aliases being expanded, to stop cycles
}

func (c *yamlConverter) convert(y *yaml.Node, depth int) (*Value, error) {
	at := Position{Line: y.Line, Column: y.Column}
	if depth > maxDepth {
		return nil, &posError{Pos: at, Msg: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}
	}
	c.nodes++
	if c.nodes > maxNodes {
		return nil, &posError{Pos: at, Msg: fmt.Sprintf("more than %d values (after expanding aliases)", maxNodes)}
	}
	tag := ""
	if strings.HasPrefix(y.Tag, "!") && !strings.HasPrefix(y.Tag, "!!") {
		tag = y.Tag
	}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &posError{Pos: at, Msg: "alias to an unknown anchor"}
		}
		if c.active == nil {
			c.active = map[*yaml.Node]bool{}
		}
		if c.active[y.Alias] {
			return nil, &posError{Pos: at, Msg: "alias refers to itself"}
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
			return &Value{Kind: ValueNull, Pos: at}, nil
		}
		return c.convert(y.Content[0], depth)
	case yaml.SequenceNode:
		n := &Value{Kind: ValueList, Tag: tag, Pos: at, Elems: make([]*Value, 0, len(y.Content))}
		for _, e := range y.Content {
			v, err := c.convert(e, depth+1)
			if err != nil {
				return nil, err
			}
			n.Elems = append(n.Elems, v)
		}
		return n, nil
	case yaml.MappingNode:
		n := &Value{Kind: ValueMap, Tag: tag, Pos: at}
		// Keys written in the map override keys merged into it (<<: *base),
		// wherever they stand; of several merged maps, the first wins.
		explicit := map[string]Position{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := y.Content[i]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				continue
			}
			if k.Kind != yaml.ScalarNode {
				return nil, &posError{Pos: Position{Line: k.Line, Column: k.Column}, Msg: "map key is not a scalar"}
			}
			keyPos := Position{Line: k.Line, Column: k.Column}
			if first, dup := explicit[k.Value]; dup {
				// CloudFormation rejects duplicate keys; YAML readers
				// disagree on which one wins.
				return nil, &posError{Pos: keyPos, Msg: fmt.Sprintf("duplicate key %q (first at line %d)", k.Value, first.Line)}
			}
			explicit[k.Value] = keyPos
		}
		merged := map[string]bool{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				src, err := c.convert(v, depth+1)
				if err != nil {
					return nil, err
				}
				sources := []*Value{src}
				if src.Kind == ValueList {
					sources = src.Elems
				}
				for _, m := range sources {
					if m.Kind != ValueMap {
						return nil, &posError{Pos: Position{Line: v.Line, Column: v.Column}, Msg: "merge key (<<) needs a map or a list of maps"}
					}
					for _, mm := range m.Membs {
						if _, ok := explicit[mm.Key]; ok || merged[mm.Key] {
							continue
						}
						merged[mm.Key] = true
						n.Membs = append(n.Membs, mm)
					}
				}
				continue
			}
			val, err := c.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			n.Membs = append(n.Membs, Member{Key: k.Value, KeyPos: Position{Line: k.Line, Column: k.Column}, Val: val})
		}
		return n, nil
	case yaml.ScalarNode:
		n := &Value{Tag: tag, Str: y.Value, Pos: at}
		switch y.ShortTag() {
		case "!!null":
			n.Kind = ValueNull
		case "!!bool":
			n.Kind = ValueBool
			var b bool
			if err := y.Decode(&b); err == nil {
				n.Str = strconv.FormatBool(b)
			}
		case "!!int", "!!float":
			n.Kind = ValueNumber
		default:
			n.Kind = ValueString
		}
		if tag != "" {
			n.Kind = ValueString
		}
		return n, nil
	}
	return nil, &posError{Pos: at, Msg: "unsupported YAML node"}
}
