package search

import (
	"context"
	"mpbot/content"
	"strings"
	"testing"
)

// A year's document frequency counts the live articles, as a restart's
// (or a fresh rebuild's) does: an article re-imported twice while serving
// is one article of its year, not three. Counted with the removed copies,
// the year's idf goes negative once they outnumber the live articles, and
// so do scores (the commit f97ce9a held words' df to the live count, not
// a period's).
func TestYearAfterReimportsScoresAsRestart(t *testing.T) {
	arts := content.DemoArticles()
	// every demo article, as published in one year
	for i := range arts {
		arts[i].PublishedOn = "2023-0" + string(rune('1'+i%9)) + "-15"
	}
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	for k := range 3 { // three re-imports of the same articles, serve running
		for _, a := range arts {
			a.Summary += strings.Repeat(" ", k+1)
			ix.Add(ix.Analyze(a))
		}
	}
	ix.Compact()
	fresh, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, a := range arts[:6] {
		q := "2023年" + string([]rune(a.Title)[:min(6, len([]rune(a.Title)))])
		got, _ := ix.Search(ctx, q, 3)
		want, _ := fresh.Search(ctx, q, 3)
		for i, h := range got {
			if h.Score < 0 || h.Score > 1 {
				t.Errorf("%q: %s scored %.3f", q, h.Article.ID, h.Score)
			}
			if i < len(want) && (h.Article.ID != want[i].Article.ID || h.Score-want[i].Score > 0.01 || want[i].Score-h.Score > 0.01) {
				t.Errorf("%q #%d: serving %s %.3f; after a restart %s %.3f", q, i+1, h.Article.ID, h.Score, want[i].Article.ID, want[i].Score)
			}
		}
	}
}
