package bot

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// TestDayAsked: a day's date, as followers write it, or a word naming it
// by today, with nothing else but words asking for its news.
func TestDayAsked(t *testing.T) {
	today := time.Date(2026, 12, 3, 9, 0, 0, 0, chinaTime)
	for text, want := range map[string]string{
		"8月22日新闻联播": "2026-08-22", "2025年8月22日新闻联播": "2025-08-22", "二〇二五年八月二十二日的新闻": "2025-08-22",
		"八月二十二日": "2026-08-22", "2024-03-05": "2024-03-05", "2024/3/5的新闻": "2024-03-05", "2024.3.5": "2024-03-05",
		"20240305": "2024-03-05", "12月25日新闻": "2025-12-25", "12月3日新闻": "2026-12-03", "2月29日新闻": "2024-02-29",
		"3月5号有什么新闻": "2026-03-05", "8月22新闻联播": "2026-08-22", "8月22日新闻联播说了什么": "2026-08-22",
		"2025 年 8 月 22 日 的时政": "2025-08-22", "十月一日的新闻": "2026-10-01", "2024年二月二十九日": "2024-02-29",
		"昨天的新闻联播": "2026-12-02 relative", "前天的新闻": "2026-12-01 relative", "大前天的新闻": "2026-11-30 relative",
		"今天有什么新闻": "2026-12-03 relative", "今晚的新闻联播": "2026-12-03 relative", "昨天": "2026-12-02 relative",
		// Not a day's news: a topic beside it, no day, two days, no date.
		"8月22日国常会": "", "2月30日新闻": "", "13月1日": "", "2025年2月29日": "", "昨天和今天的新闻": "", "8月22日和8月23日的新闻": "",
		"120240305": "", "2024030512": "", "今天天气": "", "枫桥经验": "", "最近三天的新闻": "", "2025年8月新闻": "", "十月革命": "",
		"1月1日起施行的法律": "", "最新": "", "": "", "昨天的国常会": "", strings.Repeat("新闻", 14) + "8月22日": "",
	} {
		day, relative, ok := dayAsked(Bare(text), today)
		got := ""
		if ok {
			got = day.Format(content.DateLayout)
			if relative {
				got += " relative"
			}
		}
		if got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestArticlesOfADay: a follower asking for a day's news gets its articles
// in the programme's order, 更多 the rest; a day without articles is said
// to have none, except 昨天 (the latest articles, as before). Searched, 8月22日新闻
// and 2026年8月22日新闻联播 got no match (a follower run's find).
func TestArticlesOfADay(t *testing.T) {
	var arts []content.Article
	for _, i := range []int{3, 7, 1, 5, 2, 6, 4} { // the index's order is not the programme's
		arts = append(arts, content.Article{ID: fmt.Sprintf("xwlb-20250822-%02d", i), Title: fmt.Sprintf("第%d条新闻", i),
			Body: "正文。", PublishedOn: "2025-08-22", URL: fmt.Sprintf("https://example.com/%d", i)})
	}
	arts = append(arts, content.Article{ID: "xwlb-20250821-01", Title: "前一天的新闻", Body: "正文。", PublishedOn: "2025-08-21"})
	c := &demoCatalog{index: mustIndex(arts), byID: map[string]content.Article{}}
	for _, a := range arts {
		c.byID[a.ID] = a
	}
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	log := &eventLog{}
	b := New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Events: log})
	ask := asker(t, b)
	items := func(r Reply) string {
		var out []string
		for _, line := range strings.Split(r.Text, "\n") {
			if _, title, ok := strings.Cut(line, `">`); ok {
				out = append(out, strings.TrimSuffix(title, "</a>"))
			}
		}
		return strings.Join(out, " ")
	}
	list := ask("2025年8月22日新闻联播。")
	if !strings.HasPrefix(list.Text, "2025年8月22日的文章：\n1. ") || items(list) != "第1条新闻 第2条新闻 第3条新闻 第4条新闻 第5条新闻" ||
		!strings.HasSuffix(list.Text, listFooterMore) {
		t.Fatalf("the day's first page:\n%s", list.Text)
	}
	if e := log.events[len(log.events)-1]; e.Outcome != OutcomeList || len(e.Hits) != 5 || e.Hits[0].ID != "xwlb-20250822-01" {
		t.Errorf("logged %+v", e)
	}
	if r := ask("2"); r.Type != ReplyNews || r.Card.Title != "第2条新闻" {
		t.Errorf("2 opened %+v", r)
	}
	page := ask("更多")
	if !strings.HasPrefix(page.Text, "2025年8月22日的文章：\n1. ") || items(page) != "第6条新闻 第7条新闻" || !strings.HasSuffix(page.Text, listFooter) {
		t.Fatalf("the day's second page:\n%s", page.Text)
	}
	if r := ask("1"); r.Type != ReplyNews || r.Card.Title != "第6条新闻" {
		t.Errorf("1 after 更多 opened %+v", r)
	}
	if r := ask("更多"); r.Text != "2025年8月22日的文章都在上面了，回复列表里的序号查看文章。" {
		t.Errorf("更多 after the day's last page: %q", r.Text)
	}
	if r := ask("你好，2025年8月22日的新闻"); items(r) != items(list) {
		t.Errorf("a day after a greeting:\n%s", r.Text)
	}
	if r := ask("2025年8月23日新闻联播"); r.Text != "没有2025年8月23日发布的文章。回复「最新」看最近发布的文章。" ||
		log.events[len(log.events)-1].Outcome != OutcomeNoMatch {
		t.Errorf("a day without articles: %q, logged %v", r.Text, log.events[len(log.events)-1].Outcome)
	}
	// 昨天 with nothing published yesterday is the latest articles, as
	// before.
	if r := ask("昨天的新闻"); !strings.HasPrefix(r.Text, "最新 5 篇文章：\n") {
		t.Errorf("昨天 without articles:\n%s", r.Text)
	}
	if r := ask("2025年8月22日国常会"); strings.HasPrefix(r.Text, "2025年8月22日的文章") {
		t.Errorf("a topic beside a day got the day's list:\n%s", r.Text)
	}
	c.broken = true
	if r := ask("2025年8月22日新闻联播"); !strings.HasPrefix(r.Text, "没有找到") {
		t.Errorf("a broken catalog: %q", r.Text)
	}
}
