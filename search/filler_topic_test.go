package search

import (
	"strings"
	"testing"
)

// TestFillersInsideATopic: 74a0923 made 求助, 急求 and 会不会考 fillers
// (【求助】新质生产力, 急求基层治理, 新质生产力会不会考), removed wherever
// they occur in a query. They also occur inside what a follower asks
// about: 求助电话 is left as 电话 (hits: 习近平同巴西总统通电话 …), 紧急求助 as
// 紧急 (哥伦比亚…进入经济紧急状态 …), 困难群众求助有门 loses the card on
// 社会救助 it had at 635695f, and 会不会考虑 leaves 虑. Each shown hit must
// at least hold the word the follower asked about.
func TestFillersInsideATopic(t *testing.T) {
	ix := corpusIndex(t)
	for q, word := range map[string]string{
		"求助电话":     "求助",
		"紧急求助":     "求助",
		"群众求助":     "求助",
		"困难群众求助有门": "救助",
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 && q == "困难群众求助有门" {
			t.Errorf("%s: no match (635695f: 十四五时期我国社会救助工作再上新台阶)", q)
			continue
		}
		for _, h := range shown {
			if !strings.Contains(h.Article.Title+h.Article.Body, word) {
				t.Errorf("%s: shown %s, which never says %s: %s", q, h.Article.Title, word, describeHits(shown))
				break
			}
		}
	}
}
