package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// TestReadingAsked: past readings asked by a day or as a list, and
// nothing else beside a reading word.
func TestReadingAsked(t *testing.T) {
	today := time.Date(2026, 12, 3, 9, 0, 0, 0, chinaTime) // a Thursday
	for _, c := range []struct{ text, want string }{
		{"往期每日一读", "list"}, {"之前的每日一读有哪些", "list"}, {"每日一读历史", "list"}, {"最近的每日一读", "list"},
		{"每日一读合集", "list"}, {"请问往期的每日一读在哪看", "list"}, {"往期推荐阅读", "list"}, {"以前的每日一读。", "list"},
		{"昨天的每日一读", "2026-12-02"}, {"8月22日的每日一读", "2026-08-22"}, {"上周五的每日一读", "2026-11-27"},
		{"前天的推荐阅读", "2026-12-01"}, {"2025年8月22日每日一读", "2025-08-22"},
		{"每日一读", ""}, {"每日一读 枫桥经验", ""}, {"每日一读怎么退订", ""}, {"看看每日一读", ""}, {"2月30日的每日一读", ""},
		// A second follower run's: a reading missed, asked for again, with
		// courtesy around; a loose date beside the reading word.
		{"昨天的每日一读没收到", "2026-12-02"}, {"补发一下昨天的每日一读", "2026-12-02"}, {"你好，我昨天没收到每日一读，能再发一次吗", "2026-12-02"},
		{"请把昨天的每日一读再发给我一下", "2026-12-02"}, {"我想看一下往期的每日一读", "list"}, {"以前的每日一读还能看吗", "list"},
		{"错过的每日一读", "list"}, {"上一期每日一读", "list"}, {"谢谢老师，往期每日一读", "list"}, {"12-02每日一读", "2026-12-02"},
		{"老师你好，我前几天出差了没有看到推送，请问之前的每日一读在哪里可以看", ""},
		{"我没有看到昨天的每日一读", "2026-12-02"}, {"每日一读第二条", ""}, {"推荐阅读书目", ""}, {"往期", "list"}, {"往期文章", "list"}, {"昨天的新闻", ""}, {"往期每日一读" + strings.Repeat("的", 50), ""},
		// Weeks, months and years (a follower run: 上周的每日一读 got an
		// article on 本周 and 上周's illnesses), and days to come.
		{"上周的每日一读", "上周 2026-11-23..2026-11-29"}, {"这周的每日一读", "本周 2026-11-30..2026-12-03"},
		{"上个星期的每日一读有哪些", "上周 2026-11-23..2026-11-29"}, {"上上周的每日一读", "上上周 2026-11-16..2026-11-22"},
		{"11月的每日一读", "2026年11月 2026-11-01..2026-11-30"}, {"十一月份的每日一读", "2026年11月 2026-11-01..2026-11-30"},
		{"上个月的每日一读", "2026年11月 2026-11-01..2026-11-30"}, {"这个月的每日一读", "2026年12月 2026-12-01..2026-12-03"},
		{"1月的每日一读", "2026年1月 2026-01-01..2026-01-31"}, {"去年12月的每日一读", "2025年12月 2025-12-01..2025-12-31"},
		{"2025年3月每日一读", "2025年3月 2025-03-01..2025-03-31"}, {"今年的每日一读", "2026年 2026-01-01..2026-12-03"},
		{"请问11月的每日一读在哪里看", "2026年11月 2026-11-01..2026-11-30"},
		{"明天的每日一读", "ahead 2026年12月4日"}, {"下周的每日一读", "ahead 下周"}, {"下个月的每日一读", "ahead 2027年1月"},
		{"2027年1月的每日一读", "ahead 2027年1月"},
		// The pushes before (a follower run's finds: no match); a push
		// alone, or a topic's, is none.
		{"历史推送", "list"}, {"以前的推送", "list"}, {"我想看看以前的推送", "list"}, {"之前推送的文章", "list"}, {"推送历史", "list"}, {"推送", ""}, {"历史推送的国常会", ""},
		// A day of the coming week without its year is that day, not last
		// year's (a follower run's find: "2025年12月5日没有每日一读").
		{"2026年的每日一读", "2026年 2026-01-01..2026-12-03"}, {"2024年每日一读", "2024年 2024-01-01..2024-12-31"}, {"2027年的每日一读", "ahead 2027年"},
		{"12月5日的每日一读", "2026-12-05"}, {"12.5的每日一读", "2026-12-05"}, {"12月25日的每日一读", "2025-12-25"},
		// Today's missed, with no day or with 今天 (a follower run's finds:
		// no match); a missed word alone, or with a topic, is none.
		{"今天的每日一读没收到", "2026-12-03"}, {"每日一读怎么没收到", "2026-12-03"}, {"今天没收到每日一读", "2026-12-03"},
		{"没收到推送", "2026-12-03"}, {"今天的推送没收到", "2026-12-03"}, {"今天怎么没收到推送", "2026-12-03"},
		{"没收到", ""}, {"没收到国常会的推送", ""}, {"每日一读没收到枫桥经验", ""},
		// A repeat complained of is no reading missed (a review's find).
		{"推送怎么又再发", ""}, {"今天又再发推送", ""}, {"推送为什么还再发", ""}, {"每日一读怎么又发了", ""},
		// Missed again, or asked again for (a review's finds: no match).
		{"今天又没收到每日一读", "2026-12-03"}, {"又没收到推送", "2026-12-03"}, {"没收到推送，能再发一下吗", "2026-12-03"},
		{"每日一读怎么又没收到", "2026-12-03"},
		// Not pushed, not sent (a follower run's finds: no match, where
		// 今天怎么没推送 got the card); pushed of a topic is none.
		{"今天的每日一读怎么没推送", "2026-12-03"}, {"每日一读怎么没推送", "2026-12-03"}, {"每日一读今天怎么还没发", "2026-12-03"},
		{"今天怎么没推送每日一读", "2026-12-03"}, {"今天没有推送吗", "2026-12-03"}, {"今天还没推送吗", "2026-12-03"}, {"今天的推送怎么还没发", "2026-12-03"},
		{"国常会没推送", ""}, {"没推送枫桥经验", ""}, {"每日一读没发枫桥经验", ""},
		{"下周一的每日一读", ""}, {"这周末的每日一读", ""}, {"11月的每日一读和12月的每日一读", ""}, {"一个月的每日一读", ""}, {"13月的每日一读", ""},
	} {
		ask, ok := readingAsked(Bare(Normalize(c.text)), today)
		got := ""
		switch p := ask.period; {
		case ok && p.ahead:
			got = "ahead " + p.name
		case ok && p.name != "":
			got = p.name + " " + p.from + ".." + p.through
		case ok && ask.list:
			got = "list"
		case ok:
			got = ask.day.day.Format(content.DateLayout)
		}
		if got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPastReadings: a day's reading is its card, a day without one says
// so, the list pages on with 更多 and opens by number, and a store that
// fails is said to, not taken for none.
func TestPastReadings(t *testing.T) {
	var readings []content.Reading // newest first
	for d := 30; d >= 1; d-- {
		if d == 25 {
			continue // a day without a reading
		}
		id := fmt.Sprintf("r%02d", d)
		readings = append(readings, content.Reading{Day: fmt.Sprintf("2026-11-%02d", d),
			Article: content.Article{ID: id, Title: "导读" + id, URL: "https://example.com/" + id, PublishedOn: "2026-01-01"}})
	}
	var broken bool
	stored := readingsThrough(readings)
	read := func(ctx context.Context, through string, n int) ([]content.Reading, error) {
		if broken {
			return nil, errors.New("store down")
		}
		return stored(ctx, through, n)
	}
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, chinaTime)
	c := &demoCatalog{index: mustIndex(nil), byID: map[string]content.Article{}}
	todays := content.Article{ID: "r-today", Title: "今天的导读", URL: "https://example.com/today"}
	daily := func(context.Context) (content.Article, error) { return todays, nil }
	events := &eventLog{}
	b := New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Daily: daily, Readings: read, Log: slog.New(slog.DiscardHandler),
		Now: func() time.Time { return now }, Events: events})
	for _, r := range readings {
		c.byID[r.Article.ID] = r.Article // a number opens the catalog's article
	}
	ask := asker(t, b)
	if r := ask("昨天的每日一读"); r.Type != ReplyNews || r.Card.Title != "导读r30" {
		t.Errorf("昨天的每日一读: %+v", r)
	}
	// The daily reading's answer, not a search's (the report had listed it
	// among unanswered topics).
	if e := events.events[len(events.events)-1]; e.Outcome != OutcomeRule || e.Rule != DailyRule || e.Article == "" {
		t.Errorf("昨天的每日一读 logged %+v", e)
	}
	if r := ask("更多"); !strings.HasPrefix(r.Text, "往期每日一读：\n1. ") || strings.Join(listedTitles(r), " ") != "导读r29 导读r28 导读r27 导读r26 导读r24" {
		t.Errorf("更多 after a day's reading:\n%s", r.Text)
	}
	if r := ask("11月25日的每日一读"); r.Text != "2026年11月25日没有每日一读。回复「往期每日一读」看之前的，回复「每日一读」看今天的。" {
		t.Errorf("a day without one: %q", r.Text)
	}
	// Today's asked by its date or weekday is today's, chosen or not (a
	// review's find: none until someone had asked 每日一读); a day to come
	// has none yet, whatever is scheduled for it.
	for _, text := range []string{"12月1日的每日一读", "周二的每日一读"} {
		if r := ask(text); r.Type != ReplyNews || r.Card.Title != "今天的导读" {
			t.Errorf("%s on 1 December, a Tuesday: %+v", text, r)
		}
	}
	for _, text := range []string{"2026年12月5日的每日一读", "12月5日的每日一读", "12月5号的每日一读"} {
		if r := ask(text); r.Text != "2026年12月5日的每日一读还没有推送。回复「每日一读」看今天的。" {
			t.Errorf("%s, a day to come: %q", text, r.Text)
		}
	}
	// What was pushed on a day before today, or in a week, is its
	// readings (a follower run's finds: the day's news, "还没有文章").
	for text, want := range map[string]string{"昨天推送的是什么": "导读r30", "前天推送的文章": "导读r29", "11月20日推送了什么": "导读r20",
		"昨天推了什么": "导读r30"} {
		if r := ask(text); r.Type != ReplyNews || r.Card.Title != want {
			t.Errorf("%s: %+v, want %s's card", text, r, want)
		}
	}
	if r := ask("上周推送的文章"); !strings.HasPrefix(r.Text, "上周的每日一读：\n1. ") {
		t.Errorf("上周推送的文章:\n%s", r.Text)
	}
	if r := ask("今天推送了什么"); r.Type != ReplyNews || r.Card.Title != "今天的导读" {
		t.Errorf("今天推送了什么: %+v", r)
	}
	first := ask("往期每日一读")
	if !strings.HasPrefix(first.Text, "往期每日一读：\n1. ") || strings.Join(listedTitles(first), " ") != "导读r30 导读r29 导读r28 导读r27 导读r26" ||
		!strings.Contains(first.Text, "\n   2026-11-30\n") || !strings.HasSuffix(first.Text, listFooterMore) {
		t.Fatalf("往期每日一读:\n%s", first.Text)
	}
	page := ask("更多")
	if strings.Join(listedTitles(page), " ") != "导读r24 导读r23 导读r22 导读r21 导读r20" || !strings.Contains(page.Text, "\n   2026-11-24\n") {
		t.Fatalf("更多:\n%s", page.Text)
	}
	if r := ask("2"); r.Type != ReplyNews || r.Card.Title != "导读r23" {
		t.Errorf("2 after 更多: %+v", r)
	}
	// No search ranked the list: the choice is the daily rule's, no vote.
	if e := events.events[len(events.events)-1]; e.Outcome != OutcomeFollowUp || e.Rule != DailyRule {
		t.Errorf("a number from the past readings logged %+v", e)
	}
	// 上一页 shows the page before as it was, its numbers open again, and
	// 更多 after it is the page the follower came from.
	if r := ask("上一页"); r.Text != first.Text {
		t.Fatalf("上一页 after 更多:\n%s\nwant\n%s", r.Text, first.Text)
	}
	if r := ask("2"); r.Type != ReplyNews || r.Card.Title != "导读r29" {
		t.Errorf("2 after 上一页: %+v", r)
	}
	if r := ask("上一页"); r.Text != firstPageAlready {
		t.Errorf("上一页 on the first page: %q", r.Text)
	}
	if r := ask("更多"); r.Text != page.Text {
		t.Fatalf("更多 after 上一页:\n%s\nwant\n%s", r.Text, page.Text)
	}
	for range 4 {
		page = ask("更多")
	}
	if strings.Join(listedTitles(page), " ") != "导读r04 导读r03 导读r02 导读r01" || !strings.HasSuffix(page.Text, listFooter) {
		t.Fatalf("the last page:\n%s", page.Text)
	}
	if r := ask("更多"); r.Text != noMoreReadings {
		t.Errorf("更多 after the last: %q", r.Text)
	}
	// A week's and a month's: their readings alone, paged as the list is.
	week := ask("上周的每日一读")
	if !strings.HasPrefix(week.Text, "上周的每日一读：\n1. ") || strings.Join(listedTitles(week), " ") != "导读r29 导读r28 导读r27 导读r26 导读r24" ||
		!strings.HasSuffix(week.Text, listFooterMore) {
		t.Fatalf("上周的每日一读 on 1 December:\n%s", week.Text)
	}
	if page := ask("更多"); strings.Join(listedTitles(page), " ") != "导读r23" || !strings.HasPrefix(page.Text, "上周的每日一读：\n") {
		t.Fatalf("更多 after the week's:\n%s", page.Text)
	}
	if r := ask("更多"); r.Text != noMoreReadings {
		t.Errorf("更多 after the week's last: %q", r.Text)
	}
	if r := ask("11月的每日一读"); strings.Join(listedTitles(r), " ") != "导读r30 导读r29 导读r28 导读r27 导读r26" || !strings.HasPrefix(r.Text, "2026年11月的每日一读：\n") {
		t.Errorf("11月的每日一读:\n%s", r.Text)
	}
	if r := ask("10月的每日一读"); r.Text != "2026年10月没有每日一读。回复「往期每日一读」看之前的，回复「每日一读」看今天的。" {
		t.Errorf("a month without one: %q", r.Text)
	}
	for text, want := range map[string]string{"下周的每日一读": "下周", "明天的每日一读": "2026年12月2日"} {
		if r := ask(text); r.Text != want+"的每日一读还没有推送。回复「每日一读」看今天的。" {
			t.Errorf("%s: %q", text, r.Text)
		}
	}
	// After today's reading, 更多 lists those before it, and another day's
	// or week's is asked without the reading word (a follower run's finds:
	// no list was open, 上周的呢 got an article on illnesses).
	if r := ask("每日一读"); r.Type != ReplyNews || r.Card.Title != "今天的导读" {
		t.Fatalf("每日一读: %+v", r)
	}
	if r := ask("更多"); !strings.HasPrefix(r.Text, "往期每日一读：\n1. ") || strings.Join(listedTitles(r), " ") != "导读r30 导读r29 导读r28 导读r27 导读r26" {
		t.Errorf("更多 after 每日一读:\n%s", r.Text)
	}
	if r := ask("上周的呢"); !strings.HasPrefix(r.Text, "上周的每日一读：\n1. ") {
		t.Errorf("上周的呢 after the readings:\n%s", r.Text)
	}
	if r := ask("明天的呢"); r.Text != "2026年12月2日的每日一读还没有推送。回复「每日一读」看今天的。" {
		t.Errorf("明天的呢 after the readings: %q", r.Text)
	}
	if r := ask("11月25日的呢"); !strings.HasPrefix(r.Text, "2026年11月25日没有每日一读") {
		t.Errorf("11月25日的呢 after the readings: %q", r.Text)
	}
	// On the first day there is none before: said so, not "all above".
	firstDay := New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Daily: daily, Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now },
		Readings: func(context.Context, string, int) ([]content.Reading, error) { return nil, nil }})
	askFirst := asker(t, firstDay)
	askFirst("每日一读")
	if r := askFirst("更多"); r.Text != noReadings {
		t.Errorf("更多 after the first 每日一读: %q", r.Text)
	}
	broken = true
	for _, text := range []string{"往期每日一读", "昨天的每日一读"} {
		if r := ask(text); !strings.Contains(r.Text, "暂时") {
			t.Errorf("%s with the store down: %q", text, r.Text)
		}
	}
}

// TestReadingsKeptBefore: readings lists are kept as the release before
// kept them (readings: true), a week's or a month's beside it, so that
// either release reads the other's during a rolling upgrade (a review's
// find: the one before could not read an object there).
func TestReadingsKeptBefore(t *testing.T) {
	var f FollowUp
	if err := json.Unmarshal([]byte(`{"ids":["a"],"readings":true}`), &f); err != nil || f.Readings == nil || *f.Readings != (ReadingsOf{}) {
		t.Fatalf("%+v, %v", f, err)
	}
	all, err := json.Marshal(FollowUp{IDs: []string{"a"}, Readings: &ReadingsOf{}})
	if err != nil || string(all) != `{"ids":["a"],"readings":true}` {
		t.Fatalf("all readings kept as %s, %v", all, err)
	}
	var before struct {
		IDs      []string `json:"ids"`
		Readings bool     `json:"readings"`
	}
	month := FollowUp{IDs: []string{"r24"}, Readings: &ReadingsOf{From: "2026-11-01", Through: "2026-11-30", Name: "2026年11月"}}
	kept, err := json.Marshal(month)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(kept, &before); err != nil || !before.Readings || before.IDs[0] != "r24" {
		t.Fatalf("the release before reads %s as %+v, %v", kept, before, err)
	}
	f = FollowUp{}
	if err := json.Unmarshal(kept, &f); err != nil || *f.Readings != *month.Readings {
		t.Fatalf("%s: %+v, %v", kept, f.Readings, err)
	}
	if none, _ := json.Marshal(FollowUp{IDs: []string{"x"}}); strings.Contains(string(none), "readings") {
		t.Fatalf("a list of no readings kept as %s", none)
	}
}

// TestReadingsInTheirZone: the daily reading's days are push.timezone's,
// as the push's are (a fleet run's find: with Pacific/Honolulu, 12-03
// there and 12-04 in China, 往期每日一读 listed 12-04's reading as past and
// 昨天的每日一读 was 12-03's); the news's days stay China's.
func TestReadingsInTheirZone(t *testing.T) {
	honolulu, err := time.LoadLocation("Pacific/Honolulu")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	var readings []content.Reading // newest first
	for d := 4; d >= 1; d-- {
		id := fmt.Sprintf("r%02d", d)
		readings = append(readings, content.Reading{Day: fmt.Sprintf("2026-12-%02d", d),
			Article: content.Article{ID: id, Title: "导读" + id, URL: "https://example.com/" + id}})
	}
	read := readingsThrough(readings)
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.SetReadingZone(honolulu)
	now := time.Date(2026, 12, 4, 2, 0, 0, 0, chinaTime) // 2026-12-03 08:00 in Honolulu
	c := catalogOf(content.DemoArticles())
	for _, r := range readings {
		c.byID[r.Article.ID] = r.Article
	}
	daily := func(context.Context) (content.Article, error) { return readings[1].Article, nil }
	b := New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Daily: daily, Readings: read, Log: slog.New(slog.DiscardHandler),
		Now: func() time.Time { return now }})
	ask := asker(t, b)
	if r := ask("昨天的每日一读"); r.Card == nil || r.Card.Title != "导读r02" {
		t.Errorf("昨天的每日一读 on the 3rd in Honolulu: %+v", r)
	}
	if r := ask("往期每日一读"); strings.Contains(r.Text, "导读r04") || !strings.Contains(r.Text, "导读r03") {
		t.Errorf("往期每日一读 on the 3rd in Honolulu lists the 4th's, or not the 3rd's:\n%s", r.Text)
	}
}
