package search

import (
	"fmt"
	"math/rand/v2"
	"mpbot/content"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestPasteProbe measures passages cut at random from articles' bodies
// (30, 80 and 200 characters, 60 of each), searched as a follower pastes
// them: how often their article comes first, and how often anything is
// answered (PASTE_PROBE=1; PASTE_V=1 prints the misses, PASTE_F=1 the
// first hit's features).
func TestPasteProbe(t *testing.T) {
	if os.Getenv("PASTE_PROBE") == "" {
		t.Skip("set PASTE_PROBE=1")
	}
	arts := loadCorpus(t)
	ix := buildParallel(t, arts)
	ix.SetSynonyms(shippedTerms(t))
	rng := rand.New(rand.NewPCG(7, 7))
	var top1, answered, n int
	for _, length := range []int{30, 80, 200} {
		top1, answered, n = 0, 0, 0
		for n < 60 {
			a := arts[rng.IntN(len(arts))]
			body := []rune(a.Body)
			if len(body) < length*3 || strings.Contains(a.Title, "快讯") {
				continue
			}
			at := rng.IntN(len(body) - length)
			q := string(body[at : at+length])
			n++
			feats := map[string]features{}
			ix.hooks.features = func(query, id string, f features) { feats[id] = f }
			hits, _ := ix.Search(t.Context(), q, 3)
			ix.hooks.features = nil
			if os.Getenv("PASTE_F") != "" && len(hits) > 0 {
				tf := feats[hits[0].Article.ID]
				fmt.Printf("feat len %d ok %v score %.2f pairs %.2f margin %.2f cover %.2f phrase %.2f\n", length, hits[0].Article.ID == a.ID, hits[0].Score, tf[fBodyPairs], tf[fMargin], tf[fCover], tf[fPhrase])
			}
			ok := len(hits) > 0 && hits[0].Article.ID == a.ID
			if ok {
				top1++
			}
			if len(hits) > 0 && hits[0].Score >= 0.4 {
				answered++
			}
			if os.Getenv("PASTE_V") != "" && (!ok || hits[0].Score < 0.4) {
				s := ""
				for _, h := range hits {
					s += fmt.Sprintf(" %.2f %s;", h.Score, h.Article.ID)
				}
				fmt.Printf("miss %d %s want %s:%s\n", utf8.RuneCountInString(q), strings.ReplaceAll(q[:min(len(q), 60)], "\n", " "), a.ID, s)
			}
		}
		fmt.Printf("length %d: top1 %d/%d, answered (≥0.4) %d/%d\n", length, top1, n, answered, n)
	}
}
