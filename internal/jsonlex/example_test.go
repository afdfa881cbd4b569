package jsonlex_test

import (
	"bytes"
	"fmt"

	"github.com/cognitokit/appclient/internal/jsonlex"
)

// A tree reader, as package iac's reader of templates and plans is: every
// value keeps its position, a depth limit bounds the recursion, and lone
// surrogates are read as U+FFFD, as encoding/json reads them.
func Example() {
	data := []byte("{\n  \"Name\": \"a\\ud800\",\n  \"Sizes\": [1, 2.5]\n}")
	l := &jsonlex.Lexer{MaxDepth: 64, ReplaceUnpairedSurrogates: true}
	l.Reset(data)

	// at gives a byte offset as line:column, columns counting bytes.
	at := func(off int) string {
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := off - bytes.LastIndexByte(data[:off], '\n')
		return fmt.Sprintf("%d:%d", line, col)
	}
	var walk func(path string) error
	walk = func(path string) error {
		k, err := l.Peek()
		if err != nil {
			return err
		}
		start := l.Offset()
		switch k {
		case jsonlex.Object:
			more, err := l.OpenObject()
			for err == nil && more {
				var name []byte
				if name, _, err = l.Name(); err != nil {
					break
				}
				if err = walk(path + "." + string(name)); err != nil {
					break
				}
				more, err = l.NextMember()
			}
			return err
		case jsonlex.Array:
			more, err := l.OpenArray()
			for i := 0; err == nil && more; i++ {
				if err = walk(fmt.Sprintf("%s[%d]", path, i)); err != nil {
					break
				}
				more, err = l.NextElement()
			}
			return err
		case jsonlex.String:
			s, err := l.String()
			fmt.Printf("%s %s string %+q\n", at(start), path, s)
			return err
		case jsonlex.Number:
			lit, integer, err := l.Number()
			fmt.Printf("%s %s number %s (integer: %v)\n", at(start), path, lit, integer)
			return err
		}
		return l.Skip() // booleans and null
	}
	if err := walk("$"); err != nil {
		fmt.Println(err)
		return
	}
	if !l.AtEnd() {
		fmt.Println(l.Unexpected("after top-level value"))
	}
	// Output:
	// 2:11 $.Name string "a\ufffd"
	// 3:13 $.Sizes[0] number 1 (integer: true)
	// 3:16 $.Sizes[1] number 2.5 (integer: false)
}
