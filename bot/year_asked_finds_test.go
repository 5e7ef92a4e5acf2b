package bot

import (
	"log/slog"
	"testing"
	"time"

	"mpbot/content"
)

// A follower helper run's finds (xx74): 2026年政府工作报告 and, in 2026,
// 今年的政府工作报告 — a report no demo article is — got a sure card of
// 新质生产力 (published in 2026, it quotes the 2024 report). The store
// lacks that year's report: the no-match reply, or a list to choose from,
// not a card as if it were the one asked for (2025年政府工作报告要点 gets
// the no-match reply).
func TestReportOfAYearNoArticleIs(t *testing.T) {
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 6, 22, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, text := range []string{"2026年政府工作报告", "今年的政府工作报告", "2026年政府工作报告重点是什么"} {
		ask := asker(t, New(s, Deps{Catalog: newDemoCatalog(), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }}))
		if r := ask(text); r.Card != nil && r.Card.URL == "https://example.com/mpbot-demo/xinzhi" {
			t.Errorf("%s: a sure card of 新质生产力, as if it were that year's report", text)
		}
	}
}

// A year's 一号文件 or 两会 asked by its year: their articles are titled
// otherwise (《中共中央 国务院关于…的意见》, 全国人大…), and the right card
// stays a card (a re-check's find: listed by the first version of the
// rule above); 如今年轻人 asks of no year.
func TestYearsDocumentTitledOtherwise(t *testing.T) {
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	arts := []content.Article{
		{ID: "yihao2023", Title: "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见", PublishedOn: "2023-02-13", Category: "政策理论导读",
			Summary: "2023年中央一号文件公布，提出全面推进乡村振兴重点工作。", Body: "中央一号文件全文。", URL: "https://example.com/yihao2023"},
		{ID: "youth", Title: "年轻人消费新趋势观察", PublishedOn: "2023-05-10", Category: "时政热点",
			Summary: "年轻人消费呈现新趋势。", Body: "如今年轻人更愿意为体验消费。", URL: "https://example.com/youth"},
	}
	now := time.Date(2026, 12, 6, 22, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for text, url := range map[string]string{"2023年一号文件": "https://example.com/yihao2023", "如今年轻人消费新趋势": "https://example.com/youth"} {
		ask := asker(t, New(s, Deps{Catalog: catalogOf(arts), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }}))
		if r := ask(text); r.Card == nil || r.Card.URL != url {
			t.Errorf("%s: want the card of %s, got %s", text, url, r.String())
		}
	}
}
