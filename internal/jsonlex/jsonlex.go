// Package jsonlex reads JSON text (RFC 8259) one value at a time, for readers
// that check the structure of their input as they go and report each problem
// at a byte offset: the strict request decoders of package appclient, and
// package iac's tree reader, which keeps the position of every value (the
// example shows one).
//
// A [Lexer] does not build values and knows no schema. Its caller asks the
// [Kind] of the next value with [Lexer.Peek] and then reads it: a string, a
// number, a literal, or an object or array member by member. It is strict: it
// accepts exactly the JSON grammar, in UTF-8. Invalid UTF-8 and escapes of
// unpaired UTF-16 surrogates are errors rather than being replaced by U+FFFD,
// unless the caller asks for the replacement. Every error is an *[Error] with
// the byte offset of the problem.
//
// A Lexer never panics on any input and allocates only for the strings it
// returns, a scratch buffer for strings with escapes, and, in [Lexer.Skip], a
// byte per level of nesting. Readers that recurse into objects and arrays
// bound their stack with [Lexer.MaxDepth] or with the shape they expect.
package jsonlex

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Sentinel errors for the kinds of problem an [Error] reports.
var (
	// ErrSyntax: the input breaks the JSON grammar, is not valid UTF-8, holds
	// an escape of an unpaired surrogate, or ends too early.
	ErrSyntax = errors.New("invalid JSON")
	// ErrDepth: objects and arrays nest deeper than [Lexer.MaxDepth].
	ErrDepth = errors.New("JSON nested too deeply")
)

// Error is a problem at a byte offset of the input.
type Error struct {
	// Offset is the byte offset, from 0, of the offending byte: the start of
	// a bad escape or invalid UTF-8 sequence, the bracket that nests too
	// deep, or the input's length when the input ends too early.
	Offset int
	// Msg describes the problem, without the position: encoding/json's
	// wording, such as "invalid character 'x' after object key", or
	// "unexpected end of input".
	Msg string
	// Err is [ErrSyntax] or [ErrDepth].
	Err error
}

// Error returns "byte offset N: Msg".
func (e *Error) Error() string {
	return "byte offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// Kind is the JSON type of a value.
type Kind uint8

// The kinds of JSON value.
const (
	Object Kind = iota + 1
	Array
	String
	Number
	Bool
	Null
)

// String returns the kind's name as messages use it: "object", "array",
// "string", "number", "boolean" or "null".
func (k Kind) String() string {
	switch k {
	case Object:
		return "object"
	case Array:
		return "array"
	case String:
		return "string"
	case Number:
		return "number"
	case Bool:
		return "boolean"
	case Null:
		return "null"
	}
	return "invalid kind " + strconv.Itoa(int(k))
}

// Lexer reads the JSON text in a byte slice. Each method skips the
// whitespace before what it reads; after a method that reads a value, the
// offset is just past that value. After an error, the Lexer's state is
// unspecified: start over with [Lexer.Reset].
//
// The zero Lexer reads empty input. A Lexer does not modify its input, and
// the input must not change while the Lexer reads it.
type Lexer struct {
	data  []byte
	off   int
	depth int
	buf   []byte // scratch space for strings with escapes
	stack []bool // Skip's open containers: true for an object

	// MaxDepth, when positive, is the deepest nesting of objects and arrays
	// that OpenObject, OpenArray and Skip accept: the top-level value is at
	// depth 1. A deeper one is an error that wraps ErrDepth. Zero means no
	// limit (Skip still uses constant stack space).
	MaxDepth int

	// ReplaceUnpairedSurrogates makes an escape of an unpaired UTF-16
	// surrogate ("\ud800" without a low surrogate after it) read as U+FFFD,
	// as encoding/json does. When false, such an escape is an error, so that
	// every string read encodes back to the same text.
	ReplaceUnpairedSurrogates bool
}

// New returns a Lexer that reads data.
func New(data []byte) *Lexer {
	return &Lexer{data: data}
}

// Reset makes l read data from its start, keeping MaxDepth,
// ReplaceUnpairedSurrogates and l's scratch buffer.
func (l *Lexer) Reset(data []byte) {
	l.data, l.off, l.depth, l.buf, l.stack = data, 0, 0, l.buf[:0], l.stack[:0]
}

// Offset returns the byte offset of the next byte to read.
func (l *Lexer) Offset() int { return l.off }

// Depth returns the number of objects and arrays opened and not yet closed.
func (l *Lexer) Depth() int { return l.depth }

// SkipSpace moves past JSON whitespace: space, tab, line feed and carriage
// return.
func (l *Lexer) SkipSpace() {
	for l.off < len(l.data) {
		switch l.data[l.off] {
		case ' ', '\t', '\n', '\r':
			l.off++
		default:
			return
		}
	}
}

// AtEnd skips whitespace and reports whether the input is exhausted. A reader
// calls it after the top-level value; when it is false, Unexpected describes
// the extra data.
func (l *Lexer) AtEnd() bool {
	l.SkipSpace()
	return l.off >= len(l.data)
}

// Unexpected returns the error for the byte at the offset: "invalid
// character 'x' " followed by context, such as "after top-level value", or
// "unexpected end of input" at the end.
func (l *Lexer) Unexpected(context string) *Error {
	return l.syntax(l.off, context)
}

// inString is the context of errors inside a string literal.
const inString = "in string literal"

// syntax returns the ErrSyntax error for the byte at off, or for the end of
// the input when off is beyond it; context says what was expected there. At
// the end, only the context "in string literal" is kept: "unexpected end of
// input in string literal" says what is missing, where "unexpected end of
// input after object key" would not.
func (l *Lexer) syntax(off int, context string) *Error {
	if off >= len(l.data) {
		msg := "unexpected end of input"
		if context == inString {
			msg += " in string literal"
		}
		return &Error{Offset: len(l.data), Msg: msg, Err: ErrSyntax}
	}
	msg := "invalid character " + QuoteChar(l.data[off:])
	if context != "" {
		msg += " " + context
	}
	return &Error{Offset: off, Msg: msg, Err: ErrSyntax}
}

// QuoteChar quotes the first character of data for a message: the rune as
// strconv.QuoteRune does when it is valid UTF-8, else the byte as "byte
// 0xNN". data must not be empty.
func QuoteChar(data []byte) string {
	r, size := utf8.DecodeRune(data)
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02x", data[0])
	}
	return strconv.QuoteRune(r)
}

// Peek skips whitespace and returns the kind of the value at the offset,
// without moving past it. A literal (true, false, null) is checked in full,
// so that a misspelt one is a syntax error rather than a value of some kind;
// the syntax of other values is checked when they are read.
func (l *Lexer) Peek() (Kind, error) {
	l.SkipSpace()
	if l.off >= len(l.data) {
		return 0, l.syntax(l.off, "")
	}
	switch c := l.data[l.off]; c {
	case '{':
		return Object, nil
	case '[':
		return Array, nil
	case '"':
		return String, nil
	case 't':
		return Bool, l.literal("true")
	case 'f':
		return Bool, l.literal("false")
	case 'n':
		return Null, l.literal("null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return Number, nil
		}
	}
	return 0, l.syntax(l.off, "looking for beginning of value")
}

// literal checks that the literal lit starts at the offset, without moving.
func (l *Lexer) literal(lit string) error {
	for i := 0; i < len(lit); i++ {
		off := l.off + i
		if off >= len(l.data) || l.data[off] != lit[i] {
			return l.syntax(off, "in literal "+lit+" (expecting "+strconv.QuoteRune(rune(lit[i]))+")")
		}
	}
	return nil
}

// Bool reads the literal true or false.
func (l *Lexer) Bool() (bool, error) {
	k, err := l.Peek()
	switch {
	case err != nil:
		return false, err
	case k != Bool:
		return false, l.syntax(l.off, "looking for beginning of boolean")
	}
	v := l.data[l.off] == 't'
	if v {
		l.off += len("true")
	} else {
		l.off += len("false")
	}
	return v, nil
}

// Null reads the literal null.
func (l *Lexer) Null() error {
	k, err := l.Peek()
	switch {
	case err != nil:
		return err
	case k != Null:
		return l.syntax(l.off, "looking for beginning of null")
	}
	l.off += len("null")
	return nil
}

// OpenObject reads the '{' that opens an object and reports whether a member
// follows: false for "{}", which it reads to the end.
func (l *Lexer) OpenObject() (more bool, err error) {
	return l.open('{', '}', "looking for beginning of object")
}

// OpenArray reads the '[' that opens an array and reports whether an element
// follows: false for "[]", which it reads to the end.
func (l *Lexer) OpenArray() (more bool, err error) {
	return l.open('[', ']', "looking for beginning of array")
}

func (l *Lexer) open(opening, closing byte, context string) (bool, error) {
	l.SkipSpace()
	if l.off >= len(l.data) || l.data[l.off] != opening {
		return false, l.syntax(l.off, context)
	}
	if l.MaxDepth > 0 && l.depth >= l.MaxDepth {
		return false, &Error{Offset: l.off, Msg: "nesting deeper than " + strconv.Itoa(l.MaxDepth) + " levels", Err: ErrDepth}
	}
	l.off++
	l.SkipSpace()
	if l.off < len(l.data) && l.data[l.off] == closing {
		l.off++
		return false, nil
	}
	l.depth++
	return true, nil
}

// Name reads an object member's name and the colon after it. It returns the
// name, unescaped, and the offset of its opening quote. The name shares
// memory with the input or with l's scratch buffer: it is valid until the
// next call of Name, String, StringBytes or Skip.
func (l *Lexer) Name() (name []byte, off int, err error) {
	l.SkipSpace()
	off = l.off
	if l.off >= len(l.data) || l.data[l.off] != '"' {
		return nil, off, l.syntax(l.off, "looking for beginning of object key string")
	}
	name, err = l.scratchString()
	if err != nil {
		return nil, off, err
	}
	l.SkipSpace()
	if l.off >= len(l.data) || l.data[l.off] != ':' {
		return nil, off, l.syntax(l.off, "after object key")
	}
	l.off++
	return name, off, nil
}

// NextMember reads what follows an object member's value: a comma, after
// which it reports true, or the closing brace, after which it reports false.
func (l *Lexer) NextMember() (more bool, err error) {
	return l.next('}', "after object key:value pair")
}

// NextElement reads what follows an array element: a comma, after which it
// reports true, or the closing bracket, after which it reports false.
func (l *Lexer) NextElement() (more bool, err error) {
	return l.next(']', "after array element")
}

func (l *Lexer) next(closing byte, context string) (bool, error) {
	l.SkipSpace()
	if l.off < len(l.data) {
		switch l.data[l.off] {
		case ',':
			l.off++
			return true, nil
		case closing:
			l.off++
			l.depth--
			return false, nil
		}
	}
	return false, l.syntax(l.off, context)
}

// String reads a string and returns its value, unescaped.
func (l *Lexer) String() (string, error) {
	l.SkipSpace()
	if l.off >= len(l.data) || l.data[l.off] != '"' {
		return "", l.syntax(l.off, "looking for beginning of string")
	}
	b, err := l.scratchString()
	return string(b), err
}

// StringBytes reads a string, as [Lexer.String] does, without copying its
// value: like a name of [Lexer.Name], it shares memory with the input when
// the string holds no escape, and with l's scratch buffer otherwise, and is
// valid until the next call of Name, String, StringBytes or Skip.
func (l *Lexer) StringBytes() ([]byte, error) {
	l.SkipSpace()
	if l.off >= len(l.data) || l.data[l.off] != '"' {
		return nil, l.syntax(l.off, "looking for beginning of string")
	}
	return l.scratchString()
}

// plain tells the bytes that stand for themselves in a string literal:
// printable ASCII other than the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// scratchString reads the string whose opening quote is at the offset. It
// returns its value as a slice of the input when it holds no escape, else in
// l's scratch buffer.
func (l *Lexer) scratchString() ([]byte, error) {
	start := l.off + 1
	for i := start; i < len(l.data); i++ {
		c := l.data[i]
		if plain[c] {
			continue
		}
		if c == '"' {
			l.off = i + 1
			return l.data[start:i:i], nil
		}
		if c == '\\' || c < 0x20 {
			b, err := l.stringSlow(append(l.buf[:0], l.data[start:i]...), i)
			if b != nil {
				l.buf = b[:0]
			}
			return b, err
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(l.data[i:])
			if r == utf8.RuneError && size == 1 {
				return nil, &Error{Offset: i, Msg: "invalid UTF-8 in string literal", Err: ErrSyntax}
			}
			i += size - 1
		}
	}
	return nil, l.syntax(len(l.data), inString)
}

// stringSlow reads the rest of a string literal from i, appending its value
// to b.
func (l *Lexer) stringSlow(b []byte, i int) ([]byte, error) {
	for i < len(l.data) {
		c := l.data[i]
		switch {
		case c == '"':
			l.off = i + 1
			return b, nil
		case c < 0x20:
			return nil, l.syntax(i, inString)
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(l.data[i:])
			if r == utf8.RuneError && size == 1 {
				return nil, &Error{Offset: i, Msg: "invalid UTF-8 in string literal", Err: ErrSyntax}
			}
			b = append(b, l.data[i:i+size]...)
			i += size
		case c != '\\':
			b = append(b, c)
			i++
		default:
			if i+1 >= len(l.data) {
				return nil, l.syntax(i+1, inString)
			}
			switch e := l.data[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, n, err := l.unicodeEscape(i)
				if err != nil {
					return nil, err
				}
				b = utf8.AppendRune(b, r)
				i += n
				continue
			default:
				return nil, l.syntax(i+1, "in string escape code")
			}
			i += 2
		}
	}
	return nil, l.syntax(len(l.data), inString)
}

// unicodeEscape decodes the \uXXXX escape at i, with the low surrogate that
// must follow a high one, and returns the rune and the bytes it took.
func (l *Lexer) unicodeEscape(i int) (rune, int, error) {
	r, err := l.hex4(i + 2)
	if err != nil {
		return 0, 0, err
	}
	if r < 0xD800 || r > 0xDFFF {
		return r, 6, nil
	}
	if r < 0xDC00 && bytes.HasPrefix(l.data[i+6:], []byte(`\u`)) {
		lo, err := l.hex4(i + 8)
		if err != nil {
			return 0, 0, err
		}
		if 0xDC00 <= lo && lo <= 0xDFFF {
			return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), 12, nil
		}
	}
	if l.ReplaceUnpairedSurrogates {
		return utf8.RuneError, 6, nil
	}
	return 0, 0, &Error{Offset: i, Msg: "unpaired surrogate escape in string literal", Err: ErrSyntax}
}

// hex4 decodes the four hexadecimal digits at i.
func (l *Lexer) hex4(i int) (rune, error) {
	var r rune
	for j := i; j < i+4; j++ {
		if j >= len(l.data) {
			return 0, l.syntax(j, inString)
		}
		c := l.data[j]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, l.syntax(j, "in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(c)
	}
	return r, nil
}

// Number reads a number and returns its text, which shares memory with the
// input, and whether it is an integer: written without fraction or exponent.
func (l *Lexer) Number() (lit []byte, integer bool, err error) {
	l.SkipSpace()
	start, i := l.off, l.off
	digits := func() {
		for i < len(l.data) && '0' <= l.data[i] && l.data[i] <= '9' {
			i++
		}
	}
	if i < len(l.data) && l.data[i] == '-' {
		i++
	}
	switch {
	case i >= len(l.data):
		return nil, false, l.syntax(i, "")
	case l.data[i] == '0':
		i++
	case '1' <= l.data[i] && l.data[i] <= '9':
		digits()
	default:
		return nil, false, l.syntax(i, "in numeric literal")
	}
	integer = true
	if i < len(l.data) && l.data[i] == '.' {
		integer = false
		i++
		if i >= len(l.data) || l.data[i] < '0' || l.data[i] > '9' {
			return nil, false, l.syntax(i, "after decimal point in numeric literal")
		}
		digits()
	}
	if i < len(l.data) && (l.data[i] == 'e' || l.data[i] == 'E') {
		integer = false
		i++
		if i < len(l.data) && (l.data[i] == '+' || l.data[i] == '-') {
			i++
		}
		if i >= len(l.data) || l.data[i] < '0' || l.data[i] > '9' {
			return nil, false, l.syntax(i, "in exponent of numeric literal")
		}
		digits()
	}
	l.off = i
	return l.data[start:i:i], integer, nil
}

// Skip reads one value of any kind, checking its syntax, and discards it. It
// needs constant stack space however deep the value nests.
func (l *Lexer) Skip() error {
	base := l.depth
	for {
		k, err := l.Peek()
		if err != nil {
			return err
		}
		more := false
		switch k {
		case Object, Array:
			if k == Object {
				more, err = l.OpenObject()
			} else {
				more, err = l.OpenArray()
			}
			if err != nil {
				return err
			}
			if more {
				// A member's name first, then its value, which the loop
				// reads next; an element is read by the loop directly.
				if k == Object {
					if _, _, err := l.Name(); err != nil {
						return err
					}
				}
				l.stack = append(l.stack, k == Object)
				continue
			}
		case String:
			if _, err := l.scratchString(); err != nil {
				return err
			}
		case Number:
			if _, _, err := l.Number(); err != nil {
				return err
			}
		default: // Bool, Null: checked by Peek
			if l.data[l.off] == 'f' {
				l.off += len("false")
			} else {
				l.off += len("true") // or "null": the same length
			}
		}
		// The value is read; close the containers it ends and read the next
		// member's name.
		for l.depth > base {
			inObject := l.stack[len(l.stack)-1]
			if inObject {
				more, err = l.NextMember()
			} else {
				more, err = l.NextElement()
			}
			if err != nil {
				return err
			}
			if more {
				if inObject {
					if _, _, err := l.Name(); err != nil {
						return err
					}
				}
				break
			}
			l.stack = l.stack[:len(l.stack)-1]
		}
		if l.depth == base {
			return nil
		}
	}
}
