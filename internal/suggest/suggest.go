// Package suggest finds the name a misspelt name most likely means, for the
// "did you mean" hints of the request decoder and the command-line tool.
package suggest

import (
	"strings"
	"unicode"
)

// Nearest returns the name in names that key most likely means, or "".
// A name that equals key once both are lower-cased and stripped of '_', '-',
// '.' and spaces wins ("callback_urls", "callbackURLs" → "CallbackURLs");
// otherwise the name nearest by edit distance (counting a swap of adjacent
// characters as one edit), if it is within a quarter of key's length, at
// least one and at most three edits. Ties go to the earlier name.
func Nearest(key string, names []string) string {
	k := []rune(normalize(key))
	if len(k) == 0 || len(k) > 100 {
		return ""
	}
	for _, n := range names {
		if string(k) == normalize(n) {
			return n
		}
	}
	limit := min(max(len(k)/4, 1), 3)
	best, bestDist := "", limit+1
	for _, n := range names {
		if dist := editDistance(k, []rune(normalize(n))); dist < bestDist {
			best, bestDist = n, dist
		}
	}
	return best
}

// normalize lower-cases s and removes '_', '-', '.' and spaces.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', '.', ' ':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// editDistance returns the optimal-string-alignment distance between a and
// b: the number of insertions, deletions, substitutions and swaps of adjacent
// runes that turn a into b.
func editDistance(a, b []rune) int {
	// Three rows of the dynamic-programming table: two back, one back, this.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Distance returns the optimal-string-alignment distance between a and b,
// counted in runes: the insertions, deletions, substitutions and swaps of
// adjacent runes that turn a into b.
func Distance(a, b string) int {
	return editDistance([]rune(a), []rune(b))
}
