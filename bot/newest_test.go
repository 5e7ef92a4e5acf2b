package bot

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"mpbot/content"
)

// A topic's newest list holds the articles titled with another of its
// names (a follower run's find: 最新CPI stopped at March's figures, titled
// CPI; the newer ones, titled 居民消费价格指数, scored about 0.5 and were
// left out).
func TestNewestByOtherNames(t *testing.T) {
	var arts []content.Article
	for i, month := range []int{1, 2, 3} {
		arts = append(arts, content.Article{ID: fmt.Sprintf("cpi%d", i), Title: fmt.Sprintf("%d月份CPI同比上涨", month), PublishedOn: fmt.Sprintf("2026-%02d-09", month+1),
			URL: fmt.Sprintf("https://example.com/cpi%d", i), Body: "国家统计局发布CPI数据。"})
	}
	for i, month := range []int{4, 5} {
		arts = append(arts, content.Article{ID: fmt.Sprintf("full%d", i), Title: fmt.Sprintf("%d月份居民消费价格指数温和上涨", month), PublishedOn: fmt.Sprintf("2026-%02d-09", month+1),
			URL: fmt.Sprintf("https://example.com/full%d", i), Body: "国家统计局发布居民消费价格指数数据。"})
	}
	arts = append(arts, content.Article{ID: "other", Title: "消费市场持续回暖", PublishedOn: "2026-07-01", URL: "https://example.com/other", Body: "居民消费价格保持平稳。"})
	demo := &demoCatalog{index: mustIndex(arts), byID: map[string]content.Article{}}
	demo.index.SetSynonyms([][]string{{"CPI", "居民消费价格"}}, nil)
	for _, a := range arts {
		demo.byID[a.ID] = a
	}
	c := rescored{demo, func(h content.Hit) float64 {
		switch {
		case strings.HasPrefix(h.Article.ID, "cpi"):
			return 0.9 // titled as asked: clear answers
		case strings.HasPrefix(h.Article.ID, "full"), h.Article.ID == "other":
			return 0.5 // relevant, not clear
		}
		return h.Score
	}}
	sp, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := New(sp, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler)})
	r := b.Answer(t.Context(), Message{Kind: KindText, From: "o_names", Text: "最新CPI"})
	if len(r) != 1 {
		t.Fatalf("%d replies", len(r))
	}
	for i, id := range []string{"full1", "full0", "cpi2", "cpi1", "cpi0"} {
		if want := fmt.Sprintf("%d. <a href=\"https://example.com/%s\">", i+1, id); !strings.Contains(r[0].Text, want) {
			t.Errorf("最新CPI: want %s at %d, got:\n%s", id, i+1, r[0].Text)
		}
	}
	if strings.Contains(r[0].Text, "example.com/other") { // relevant, its title naming neither
		t.Errorf("最新CPI lists an article titled with neither name:\n%s", r[0].Text)
	}
}
