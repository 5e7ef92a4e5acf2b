package bot

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"mpbot/content"
)

// A follower helper run's finds, on the shared corpus: after the
// card of the 十九大 report, 上一届的呢 said 没有比这些更早的「十九大报告讲的什么」文章了
// although the 十八大 report is there (十八大报告 finds it); after a list
// on 二十大报告, 上一届呢 opened the list's second item, a news item on the
// 二十大 delegates. Either way the follower asking for the previous
// congress's report did not get it, and was told something untrue.
func TestPreviousCongressAsked(t *testing.T) {
	arts := append([]content.Article(nil), content.DemoArticles()...)
	for i, c := range []struct{ n, title string }{
		{"十八大", "坚定不移沿着中国特色社会主义道路前进 为全面建成小康社会而奋斗 (十八大)"},
		{"十九大", "决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利 (十九大)"},
		{"二十大", "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗 (二十大)"},
	} {
		arts = append(arts, content.Article{ID: fmt.Sprint("congress", i), Title: c.title, Category: "政策理论导读",
			Summary: "现在，我代表中央委员会向大会作报告。", Body: "中国共产党第" + c.n + "次全国代表大会上的报告。",
			URL: fmt.Sprint("https://example.com/congress", i)})
	}
	for i, day := range []string{"2022-10-17", "2022-10-18", "2022-10-21"} {
		arts = append(arts, content.Article{ID: fmt.Sprint("news", i), Title: "代表继续分组讨论二十大报告", PublishedOn: day,
			Summary: "党的二十大代表今天继续分组讨论二十大报告。", Body: "代表们认为，二十大报告是马克思主义的纲领性文献。",
			URL: fmt.Sprint("https://example.com/news", i)})
	}
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, script := range [][]string{{"十九大报告讲的什么", "上一届的呢", "https://example.com/congress0"}, {"二十大报告", "上一届呢", "https://example.com/congress1"}} {
		before := script[2] // the congress before's report
		ask := asker(t, New(s, Deps{Catalog: catalogOf(arts), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler)}))
		first := ask(script[0])
		r := ask(script[1])
		got := r.Text
		if r.Card != nil {
			got = r.Card.Title + " " + r.Card.URL
		}
		if r.Card == nil || r.Card.URL != before || strings.Contains(r.Text, "没有比这些更早") {
			t.Errorf("%s (%s), then %s: %s", script[0], first.String(), script[1], got)
		}
	}
}
