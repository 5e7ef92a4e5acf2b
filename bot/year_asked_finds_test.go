package bot

import (
	"log/slog"
	"testing"
	"time"
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
