package iac

import (
	"github.com/cognitokit/appclient/iac/internal/tree"
)

// dupErrors gives c an error for every key written twice in a map of n or
// below: in a client, which of the two deploys is a trap, so the client is
// not checked. A map reached twice through YAML aliases counts once.
func (c *client) dupErrors(n *tree.Value) {
	seen := map[tree.Dup]bool{}
	var walk func(n *tree.Value, depth int)
	walk = func(n *tree.Value, depth int) {
		if n == nil || depth > tree.MaxDepth+1 {
			return
		}
		for _, d := range n.Dups {
			if !seen[d] {
				seen[d] = true
				c.dupError(d)
			}
		}
		for _, e := range n.Elems {
			walk(e, depth+1)
		}
		for _, m := range n.Membs {
			walk(m.Val, depth+1)
		}
	}
	walk(n, 0)
}

// dupError gives c the error of key d written twice, unless both are the
// same value: then nothing depends on which one deploys.
func (c *client) dupError(d tree.Dup) {
	if d.Same {
		return
	}
	c.errorf(d.Last, "duplicate key %q (also at line %d): only the last one is used; keep one", d.Key, d.Prev.Line)
}
