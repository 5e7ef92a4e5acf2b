package search

import (
	"strings"
	"testing"

	"mpbot/content"
)

// A follower helper run's find (run): a follower quoting a card of the
// 政绩观 campaign and asking 还有类似的吗 got a list whose snippets marked
// words in part, the mark ending inside 政绩观 and 中央指导组:
//
//	根据党【中央】在全党开展【树立】和【践行正确政绩】观【学习教育】统一部署，近日，8个【中央指导】组完成…
//
// and the short query 政绩观学习教育中央指导组 (mpbot search) marks the same
// text 正确【政绩】观【学习教育】…8个【中央指导】组. 政绩观 and 中央指导组 are the
// words asked for, whole in the text: the marks should hold them whole.
func TestSnippetMarksWordsAskedWhole(t *testing.T) {
	summary := "根据党中央在全党开展树立和践行正确政绩观学习教育统一部署，近日，8个中央指导组完成对20个地方和单位进驻工作。"
	arts := []content.Article{
		{ID: "a", Title: "树立和践行正确政绩观学习教育中央指导组完成进驻", Summary: summary, URL: "u"},
		{ID: "b", Title: "树立和践行正确政绩观学习教育中央指导组培训会议召开", Summary: "树立和践行正确政绩观学习教育中央指导组培训会议30日在京召开。", URL: "u2"},
	}
	ix, err := BuildIndex(append(arts, content.DemoArticles()...))
	if err != nil {
		t.Fatal(err)
	}
	v := ix.view.Load()
	d, _ := v.lookup("a")
	for _, q := range []string{"政绩观学习教育中央指导组", "树立和践行正确政绩观学习教育中央指导组工作座谈会暨继续派出中央指导组培训会议召开"} {
		got := snippet(snippetTerms(ix.parse(q)), snippetText(&v.docs[d], &content.Hit{}))
		for _, bad := range []string{"【政绩】观", "政绩】观", "指导】组"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: a mark ends inside a word asked for (%s):\n%s", q, bad, got)
				break
			}
		}
	}
}

// A follower helper run's find (run): 还有没有关于四中全会的 (and by voice
// 那个还有没有别的就是关于四中全会的。) got the no-match reply from the shared
// corpus, where 有没有关于四中全会的 has the 公报 at 0.93 and 关于四中全会的 a
// sure card: 还 before the request (还有没有, "is there any more") is taken
// for a topic's word, and the scores fall below search.min_score (0.36 for
// the 十五五 建议, 0.20 for the 公报). A follower asking for more on a topic
// in a fresh session should be answered as 有没有 is.
func TestStillAnyAboutIsARequest(t *testing.T) {
	arts := append([]content.Article{
		{ID: "gongbao", Title: "中国共产党第二十届中央委员会第四次全体会议公报", Summary: "中国共产党第二十届中央委员会第四次全体会议公报（2025年10月23日中国共产党第二十届中央委员会第四次全体会议通过）", PublishedOn: "2025-10-23", URL: "https://example.com/gongbao"},
		{ID: "xuanjiang", Title: "中央宣讲团在各地各部门宣讲党的二十届四中全会精神", Summary: "连日来，学习贯彻党的二十届四中全会精神中央宣讲团成员在各地各部门宣讲。", PublishedOn: "2025-11-04", URL: "https://example.com/xuanjiang"},
	}, content.DemoArticles()...)
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	base, err := ix.Search(t.Context(), "有没有关于四中全会的", 3)
	if err != nil || len(base) == 0 {
		t.Fatalf("有没有关于四中全会的: %v %v", scored(base), err)
	}
	for _, q := range []string{"还有没有关于四中全会的", "还有没有四中全会的文章"} {
		hits, err := ix.Search(t.Context(), q, 3)
		if err != nil || len(hits) == 0 || hits[0].Article.ID != base[0].Article.ID || hits[0].Score < base[0].Score-0.1 {
			t.Errorf("%s: %v %v, want %s first as 有没有关于四中全会的 has it (%v)", q, scored(hits), err, base[0].Article.ID, scored(base))
		}
	}
}

// TestSnippetWholeWordsOnlyTheQuerys: a character is joined to a mark only
// as the query had it, with the word it belongs to: 届 of 第138届广交会 is
// the number's (not 本【届广交会】), 级 of 5.5级地震 too (not 7.1【级地震】).
func TestSnippetWholeWordsOnlyTheQuerys(t *testing.T) {
	ix, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, text, want string }{
		{"第138届广交会", "本届广交会新企业大量涌现。", "本届【广交"},
		{"5.5级地震", "乌什县发生7.1级地震，截至目前", "7.1级【地震】"},
		{"2025年高考", "今年高考共有1335万名考生", "今年【高考】"},
		{"福建舰首次航行试验", "我国第三艘航空母舰福建舰解缆启航", "【福建舰】"},
		{"锂电池产量", "我国锂电池产业延续增长态势", "【锂电池】"},
		{"政绩观学习教育", "践行正确政绩观学习教育统一部署", "【政绩观学习教育】"},
	} {
		got := snippet(snippetTerms(ix.parse(c.q)), c.text)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s in %s: %s, want %s", c.q, c.text, got, c.want)
		}
	}
}
