package search

import (
	"context"
	"testing"

	"mpbot/content"
)

// TestAccentedLatinStillFindsItsArticle: 74a0923 folds letters with tone
// marks in a query (fēng qiáo → feng qiao; é → e, ü → v, à → a, ó → o …)
// but the articles' text is indexed as written. A title or body with a
// French, Spanish, German or Portuguese name (Pokémon, Café, Müller,
// Zürich, José, Ángel) is no longer found by the name typed as it is
// written: at 635695f the query matched the text letter for letter.
func TestAccentedLatinStillFindsItsArticle(t *testing.T) {
	arts := append(content.DemoArticles(),
		content.Article{ID: "pokemon", Title: "Pokémon 手游风靡全球", Body: "Pokémon 系列手游在全球多个市场上线，带动周边消费。", PublishedOn: "2026-05-01", URL: "https://example.com/x"},
		content.Article{ID: "muller", Title: "德国经济学家Müller谈中欧合作", Body: "Müller 表示，中欧经贸合作前景广阔。", PublishedOn: "2026-05-01", URL: "https://example.com/x"},
		content.Article{ID: "jose", Title: "José Mujica 逝世", Body: "乌拉圭前总统 José Mujica 逝世。", PublishedOn: "2026-05-01", URL: "https://example.com/x"},
	)
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"Pokémon": "pokemon", "Müller": "muller", "José Mujica": "jose"} {
		hits, err := ix.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Article.ID != want {
			t.Errorf("%s: want %s first, got %s", q, want, describeHits(hits))
		}
	}
}
