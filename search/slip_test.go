package search

import (
	"strings"
	"testing"
)

// TestLastCharacterSlip: a topic term with its last character mistyped as
// one of another sound (共同富俗, 乡村振新) is searched as the term and the
// follower told so: 共同富俗 had listed five articles on 共同体 (a
// study-platform follower run's find). A pair the articles' titles hold is
// no slip (四个意见 is not 四个意识), nor a term with a word after it.
func TestLastCharacterSlip(t *testing.T) {
	ix := corpusIndex(t)
	for _, c := range []struct{ q, want string }{
		{"共同富俗", "共同富裕"},
		{"共同富俗是什么", "共同富裕"},
		{"乡村振新", "乡村振兴"},
	} {
		res, err := ix.SearchResult(t.Context(), c.q, 3, false)
		if err != nil {
			t.Fatal(err)
		}
		if res.Corrected != c.want || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Article.Title, c.want) {
			t.Errorf("%s: corrected %q, hits %v; want %s", c.q, res.Corrected, scored(res.Hits), c.want)
		}
	}
	for _, q := range []string{"四个意见", "共同富强国家"} {
		if fixed, ok := ix.reader().slipRespelt(q); ok {
			t.Errorf("%s respelt as %s", q, fixed)
		}
	}
}
