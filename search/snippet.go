package search

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// snippetRunes is the length of a highlighted snippet.
const snippetRunes = 60

// snippet returns a window of the article's summary around the first match
// of the query, with every matched term wrapped in 【】.
func snippet(q query, d *doc) string {
	text := d.card.summary
	if text == "" {
		text = d.card.title
	}
	lower := strings.ToLower(text)
	var terms []string
	for _, c := range q.clauses {
		for _, alt := range c.alts {
			for _, t := range alt {
				t = strings.TrimPrefix(t, bigramPrefix)
				if t != "" && strings.Contains(lower, t) {
					terms = append(terms, t)
				}
			}
		}
	}
	// Longest first, so 枫桥经验 is marked whole rather than 枫桥 inside it.
	sort.Slice(terms, func(i, j int) bool { return len(terms[i]) > len(terms[j]) })
	first := len(lower)
	for _, t := range terms {
		if i := strings.Index(lower, t); i >= 0 && i < first {
			first = i
		}
	}
	if first == len(lower) {
		first = 0
	}
	// Start a little before the first match, on a character boundary.
	start := first
	for back := 0; start > 0 && back < 10; back++ {
		_, size := utf8.DecodeLastRuneInString(lower[:start])
		start -= size
	}
	end := start
	for n := 0; end < len(lower) && n < snippetRunes; n++ {
		_, size := utf8.DecodeRuneInString(lower[end:])
		end += size
	}
	// Lower-casing keeps byte offsets for the Chinese and ASCII text of
	// articles, so the window applies to the original text too.
	if len(lower) != len(text) {
		start, end = 0, min(len(text), end)
	}
	window, wl := text[start:end], lower[start:end]
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	for i := 0; i < len(window); {
		matched := ""
		for _, t := range terms {
			if strings.HasPrefix(wl[i:], t) {
				matched = t
				break
			}
		}
		if matched != "" {
			b.WriteString("【" + window[i:i+len(matched)] + "】")
			i += len(matched)
			continue
		}
		_, size := utf8.DecodeRuneInString(window[i:])
		b.WriteString(window[i : i+size])
		i += size
	}
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}
