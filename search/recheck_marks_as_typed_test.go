package search

import (
	"strings"
	"testing"

	"mpbot/content"
)

// TestRecheckWholeWordsNowSplitsTheQuerysOwnWord: ca50d62 refuses to widen a
// mark by the query's character when that character makes a word with the
// text's next one. But where the text holds the query's word as typed, that
// "next word" is a coincidence of the split, and the mark the follower's
// word had whole before (fc5ee33) is now cut, or a word the query did not
// mean is marked: 【远程】协【商会】 (商会, a chamber of commerce),
// 【巴西】副【总统阿尔克明】 (with the corpus's index also 【黄茅海】跨【海通】道 and
// 【莫斯科】州; the demo index splits those otherwise). Queries of
// search/testdata/questions.tsv; texts the corpus's snippets for them.
func TestRecheckWholeWordsNowSplitsTheQuerysOwnWord(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, text, want string }{
		{"政协远程协商会 城市更新", "全国政协8日在京召开远程协商会，中共中央政治局常委、全国政协主席王沪宁主持会议。", "【远程协商会】"},
		{"習近平會見巴西副總統阿爾克明", "国家主席习近平在北京人民大会堂会见来华正式访问的巴西副总统阿尔克明。", "【巴西副总统阿尔克明】"},
	} {
		got := snippet(snippetTerms(ix.parse(c.q)), c.text)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s:\n\tgot  %s\n\twant %s marked whole, as fc5ee33 had it", c.q, got, c.want)
		}
	}
}
