package search

import (
	"strings"
	"testing"
)

// A summary holding 【】 of its own (a series' name, 【共建“一带一路”·权威访谈】
// in the corpus's xwlb-20231003-03) shows the query's word marked inside
// it: to a follower, a mark inside a mark, and no telling which brackets
// are the bot's.
func TestSnippetMarkNotInsideTextBrackets(t *testing.T) {
	text := "《新闻联播》从今天（10月3日）开始推出系列报道【共建“一带一路”·权威访谈】，结合各部门工作职能和…"
	s := snippet(markTerms{terms: []string{"权威访谈"}, firsts: []rune{'权'}}, text)
	t.Logf("snippet: %s", s)
	depth, nested := 0, false
	for _, r := range s {
		switch r {
		case '【':
			depth++
			nested = nested || depth > 1
		case '】':
			depth--
		}
	}
	if nested || strings.Contains(s, "】】") {
		t.Errorf("the mark sits inside the text's own brackets: %s", s)
	}
}
