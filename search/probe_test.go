package search

import (
	"fmt"
	"mpbot/content"
	"os"
	"strings"
	"testing"
)

// TestProbe shows how queries are read and ranked, for tuning by hand:
// PROBE='q1|q2' go test ./search -run TestProbe -v (PROBE_DEMO=1: over the
// demo articles).
func TestProbe(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip("set PROBE to the queries to look at")
	}
	var ix *Index
	if os.Getenv("PROBE_DEMO") != "" {
		ix, _ = BuildIndex(content.DemoArticles())
	} else {
		ix = buildParallel(t, loadCorpus(t))
	}
	ix.SetSynonyms(shippedTerms(t))
	var lines []string
	ix.hooks.explain = func(s string) { lines = append(lines, s) }
	for _, q := range strings.Split(os.Getenv("PROBE"), "|") {
		lines = lines[:0]
		pn := 5
		if s := os.Getenv("PROBE_N"); s != "" {
			fmt.Sscan(s, &pn)
		}
		r, _ := ix.SearchResult(t.Context(), q, pn, false)
		p := ix.parse(q)
		var cs []string
		for _, c := range p.clauses {
			cs = append(cs, strings.ReplaceAll(fmt.Sprint(c.alts), bigramPrefix, "~"))
		}
		fmt.Printf("== %s  corrected=%q clauses=%v\n", q, r.Corrected, cs)
		for _, h := range r.Hits {
			fmt.Printf("   %.3f %s %s %s\n", h.Score, h.Article.ID, h.Article.PublishedOn, h.Article.Title)
		}
		for _, l := range lines {
			fmt.Println("     ", l)
		}
	}
}
