package bot

import (
	"log/slog"
	"testing"
	"time"

	"mpbot/content"
)

// A regression re-check's find: the news of a year's 统计公报 is
// titled by its headline figures (2023年全年国内生产总值超126万亿), the
// communiqué named in its summary. Asked by its year (its full name, 去年的统计公报;
// on the shared corpus 2023年统计公报 too) it had been a sure card before the
// year's-document rule; the rule, reading only the title, lists it (with
// whatever other 公报 the search found), a one-article list for its full
// name.
func TestStatisticalCommuniqueTitledByItsFigures(t *testing.T) {
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	arts := []content.Article{
		{ID: "tj2023", Title: "2023年全年国内生产总值超126万亿", PublishedOn: "2024-02-29", Category: "时政热点",
			Summary: "国家统计局今天（2月29日）发布《2023年国民经济和社会发展统计公报》。经初步核算，2023年全年，国内生产总值达1260582亿元，比上年增长5.2%。",
			Body:    "国家统计局今天（2月29日）发布《2023年国民经济和社会发展统计公报》。经初步核算，2023年全年，国内生产总值达1260582亿元，比上年增长5.2%。", URL: "https://example.com/tj2023"},
		{ID: "tj2025", Title: "2025年中国经济稳中有进向新向优", PublishedOn: "2026-02-28", Category: "时政热点",
			Summary: "国家统计局今天（2月28日）发布《2025年国民经济和社会发展统计公报》。数据显示，2025年，我国国内生产总值为1401879亿元，比上年增长5.0%。",
			Body:    "国家统计局今天（2月28日）发布《2025年国民经济和社会发展统计公报》。数据显示，2025年，我国国内生产总值为1401879亿元，比上年增长5.0%。", URL: "https://example.com/tj2025"},
		{ID: "youth", Title: "年轻人消费新趋势观察", PublishedOn: "2023-05-10", Category: "时政热点",
			Summary: "年轻人消费呈现新趋势。", Body: "如今年轻人更愿意为体验消费。", URL: "https://example.com/youth"},
	}
	now := time.Date(2026, 12, 6, 22, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for text, url := range map[string]string{
		"2023年国民经济和社会发展统计公报": "https://example.com/tj2023",
		"去年的统计公报":            "https://example.com/tj2025",
	} {
		ask := asker(t, New(s, Deps{Catalog: catalogOf(arts), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }}))
		if r := ask(text); r.Card == nil || r.Card.URL != url {
			t.Errorf("%s: want the card of %s, got %s", text, url, r.String())
		}
	}
}
