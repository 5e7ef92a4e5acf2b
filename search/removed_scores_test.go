package search

import (
	"context"
	"fmt"
	"mpbot/content"
	"testing"
)

// Scores run from 0 to 1 (Search's doc, README "Confidence"), also after
// articles were removed while serving: the removed articles' postings
// still count in df until their segment merges, and a word's idf goes
// negative once they outnumber the live articles.
func TestScoresStayPositiveAfterRemovals(t *testing.T) {
	demo := content.DemoArticles()
	ix, err := BuildIndex(demo)
	if err != nil {
		t.Fatal(err)
	}
	keep := demo[:2]
	for _, a := range demo[2:] { // mpbot articles rm of the demo articles but two, serve running
		ix.Remove(a.ID)
	}
	fresh, err := BuildIndex(keep) // the same store after a restart
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []string{keep[0].Title, keep[1].Title, "习近平", "经验"} {
		got, _ := ix.Search(ctx, q, 5)
		want, _ := fresh.Search(ctx, q, 5)
		t.Logf("%q: serving %v; after a restart %v", q, scores(got), scores(want))
		for _, h := range got {
			if h.Score < 0 || h.Score > 1 || h.Score != h.Score {
				t.Errorf("%q: %s scored %v", q, h.Article.ID, h.Score)
			}
		}
	}
}

func scores(hs []content.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s %.3f", h.Article.ID, h.Score))
	}
	return out
}
