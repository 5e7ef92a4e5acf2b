package bot

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// alphabet is the characters a whole-text pattern can consume, as sorted,
// disjoint ranges (lo, hi pairs). A text holding any other character
// cannot match such a pattern: the shipped person and courtesy rules are
// whole-message patterns of a few hundred characters, and a question (枫桥
// 经验是什么) is told apart by one look at its characters instead of a run
// of every pattern (a tenth of a cached answer's time).
type alphabet []rune

// alphabetOf is the alphabet of pattern when every one of its
// alternatives is anchored at the text's start and end (^…$), and nil
// otherwise (a pattern that may match inside the text, or any character).
func alphabetOf(pattern string) alphabet {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if !whole(re) {
		return nil
	}
	var ranges []rune
	if !collect(re, &ranges) {
		return nil
	}
	// Merge into sorted, disjoint ranges.
	type span struct{ lo, hi rune }
	spans := make([]span, 0, len(ranges)/2)
	for i := 0; i+1 < len(ranges); i += 2 {
		spans = append(spans, span{ranges[i], ranges[i+1]})
	}
	slices.SortFunc(spans, func(a, b span) int { return int(a.lo - b.lo) })
	var out alphabet
	for _, s := range spans {
		if n := len(out); n > 0 && s.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], s.hi)
			continue
		}
		out = append(out, s.lo, s.hi)
	}
	return out
}

// wholeText reports whether pattern matches whole texts only (^…$).
func wholeText(pattern string) bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	return err == nil && whole(re.Simplify())
}

// whole reports whether re matches only whole texts: each alternative a
// concatenation from ^ to $.
func whole(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !whole(sub) {
				return false
			}
		}
		return len(re.Sub) > 0
	case syntax.OpCapture:
		return whole(re.Sub[0])
	case syntax.OpConcat:
		n := len(re.Sub)
		return n >= 2 && re.Sub[0].Op == syntax.OpBeginText && re.Sub[n-1].Op == syntax.OpEndText
	}
	return false
}

// collect appends the ranges of the characters re may consume, and
// reports false when it may consume any.
func collect(re *syntax.Regexp, ranges *[]rune) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			*ranges = append(*ranges, r, r)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					*ranges = append(*ranges, f, f)
				}
			}
		}
	case syntax.OpCharClass:
		*ranges = append(*ranges, re.Rune...)
	}
	for _, sub := range re.Sub {
		if !collect(sub, ranges) {
			return false
		}
	}
	return true
}

// holds reports whether every character of text is in a.
func (a alphabet) holds(text string) bool {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		// a is sorted (lo0 ≤ hi0 < lo1 ≤ hi1 …): r is in a range when it
		// is one of the bounds, or falls after a start and before an end.
		k, found := slices.BinarySearch(a, r)
		if !found && k%2 == 0 {
			return false
		}
	}
	return true
}
