package bot

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// daysBot answers over a few days' articles on 阅兵 and others, and
// extra, on 2026-12-03.
func daysBot(t *testing.T, extra ...content.Article) func(string) Reply {
	arts := []content.Article{
		{ID: "p25a", Title: "纪念大会隆重举行 盛大阅兵展示强大国防", Body: "阅兵式在天安门广场举行。", PublishedOn: "2025-09-03", URL: "https://example.com/p25a"},
		{ID: "p25b", Title: "阅兵装备方队亮相", Body: "受阅装备全部国产。", PublishedOn: "2025-09-03", URL: "https://example.com/p25b"},
		{ID: "p24", Title: "回顾阅兵精彩瞬间", Body: "阅兵。", PublishedOn: "2024-09-03", URL: "https://example.com/p24"},
		{ID: "p23", Title: "阅兵训练有序推进", Body: "阅兵训练。", PublishedOn: "2025-08-20", URL: "https://example.com/p23"},
		{ID: "p22", Title: "阅兵村训练正酣", Body: "阅兵村。", PublishedOn: "2024-08-20", URL: "https://example.com/p22"},
		{ID: "o1", Title: "秋粮收获进度过半", Body: "各地抢收秋粮。", PublishedOn: "2025-09-03", URL: "https://example.com/o1"},
		{ID: "o2", Title: "夏粮收购有序推进", Body: "各地收购夏粮。", PublishedOn: "2025-08-20", URL: "https://example.com/o2"},
	}
	c := catalogOf(append(arts, extra...))
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, chinaTime)
	b := New(s, Deps{Catalog: c, FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }})
	return asker(t, b)
}

// TestDayFollowUpKeepsTheYear: another day asked after a question naming
// its year is of that year, as a month asked after one is (2024年8月的国常会,
// then 那7月的呢, is 2024's July): 2024年9月3日的阅兵, then 那8月20号的呢, had
// given 2025's (a review's find).
func TestDayFollowUpKeepsTheYear(t *testing.T) {
	ask := daysBot(t)
	if r := ask("2024年9月3日的阅兵"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p24" {
		t.Fatalf("2024年9月3日的阅兵: %s", r.String())
	}
	if r := ask("那8月20号的呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p22" {
		t.Errorf("2024年9月3日的阅兵, then 那8月20号的呢: %s, want 2024-08-20's p22", r.String())
	}
}

// TestDayFollowUpChained: a third day in a row keeps the topic (a
// review's find: the second day's card kept 那…号的呢 as its question, no
// topic, and the third day got no match).
func TestDayFollowUpChained(t *testing.T) {
	ask := daysBot(t)
	ask("2024年9月3日的阅兵")
	if r := ask("那2025年八月二十号的呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p23" {
		t.Fatalf("second day: %s", r.String())
	}
	r := ask("那2025年9月3号的呢")
	if titles := strings.Join(listedTitles(r), " "); titles != "纪念大会隆重举行 盛大阅兵展示强大国防 阅兵装备方队亮相" {
		t.Errorf("third day: %s, want 2025-09-03's 阅兵 list", r.String())
	}
}

// TestYesterdayFollowUpAsAsked: yesterday asked after a topic (阅兵, then
// 那昨天的呢) is answered as 昨天的阅兵 is (the topic's newest), not with
// whichever year's the search ranks first beside the word 昨天 (a
// review's find).
func TestYesterdayFollowUpAsAsked(t *testing.T) {
	ask := daysBot(t)
	direct := ask("昨天的阅兵")
	ask("阅兵")
	if r := ask("那昨天的呢"); r.String() != direct.String() {
		t.Errorf("阅兵, then 那昨天的呢:\n%s\nwant as 昨天的阅兵:\n%s", r.String(), direct.String())
	}
}

// TestDayOfMonthAfterTopicsDay: a day of the month alone (那三号的呢) after
// a topic's day card (2025年8月20日的阅兵) is the topic's that day, as a
// day with its month (那八月三号的呢) is (a review's find: it listed every
// article of the day).
func TestDayOfMonthAfterTopicsDay(t *testing.T) {
	arts := []content.Article{
		{ID: "p23", Title: "阅兵训练有序推进", Body: "阅兵训练。", PublishedOn: "2025-08-20", URL: "https://example.com/p23"},
		{ID: "p21", Title: "阅兵预演顺利完成", Body: "阅兵预演。", PublishedOn: "2025-08-03", URL: "https://example.com/p21"},
		{ID: "o3", Title: "防汛抗旱工作有序开展", Body: "防汛。", PublishedOn: "2025-08-03", URL: "https://example.com/o3"},
		{ID: "o2", Title: "夏粮收购有序推进", Body: "各地收购夏粮。", PublishedOn: "2025-08-20", URL: "https://example.com/o2"},
	}
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, chinaTime)
	b := New(s, Deps{Catalog: catalogOf(arts), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }})
	ask := asker(t, b)
	for _, then := range []string{"那八月三号的呢", "那三号的呢"} {
		if r := ask("2025年8月20日的阅兵"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p23" {
			t.Fatalf("2025年8月20日的阅兵: %s", r.String())
		}
		if r := ask(then); r.Type != ReplyNews || r.Card.URL != "https://example.com/p21" {
			t.Errorf("2025年8月20日的阅兵, then %s: %s, want the topic's p21", then, r.String())
		}
	}
}

// figuresBot answers over the demo articles and 2025's CPI and PPI figures,
// on 2026-12-03.
func figuresBot(t *testing.T) func(string) Reply {
	arts := content.DemoArticles()
	for _, a := range []struct{ id, title, of, on string }{
		{"cpi8", "8月份居民消费价格指数同比持平", "8月份居民消费价格指数", "2025-09-10"},
		{"cpi7", "7月份居民消费价格指数同比上涨0.1%", "7月份居民消费价格指数", "2025-08-09"},
		{"cpiq3", "前三季度居民消费价格指数同比下降0.1%", "前三季度居民消费价格指数", "2025-10-15"},
		{"ppi8", "8月份工业生产者出厂价格指数同比下降", "8月份工业生产者出厂价格指数", "2025-09-10"},
		{"ppi10", "10月份工业生产者出厂价格指数同比下降", "10月份工业生产者出厂价格指数", "2025-11-10"},
	} {
		arts = append(arts, content.Article{ID: a.id, Title: a.title, Summary: "国家统计局发布2025年" + a.of + "。", PublishedOn: a.on, URL: "https://example.com/" + a.id})
	}
	set, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	catalog := catalogOf(arts)
	catalog.index.SetSynonyms([][]string{{"CPI", "居民消费价格指数"}, {"PPI", "工业生产者出厂价格指数"}}, nil)
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, chinaTime)
	return asker(t, New(set, Deps{Catalog: catalog, FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }}))
}

// TestPeriodAfterAMonth: a part of the year after a question naming a
// month (2025年8月CPI, then 前三季度呢) is asked in place of the month (a
// review's find: searched beside it, 前三季度 2025年8月CPI, no match on the
// corpus).
func TestPeriodAfterAMonth(t *testing.T) {
	ask := figuresBot(t)
	if got := firstShown(ask("2025年8月CPI")); !strings.HasPrefix(got, "https://example.com/cpi8") {
		t.Fatalf("2025年8月CPI: %s first", got)
	}
	if got := firstShown(ask("前三季度呢")); !strings.HasPrefix(got, "https://example.com/cpiq3") {
		t.Errorf("2025年8月CPI, then 前三季度呢: %s first, want cpiq3", got)
	}
	// A month's header names the topic, not what asked of it nor its
	// particle (「CPI是多少」, 「PPI呢」: a follower run's find).
	ask("2025年8月CPI是多少")
	if r := ask("那个11月份呢。"); !strings.HasPrefix(r.Text, "2025年11月没有「CPI」的文章") {
		t.Errorf("2025年8月CPI是多少, then 那个11月份呢: %s", r.String())
	}
	// A month after a period is asked in its place (a review's find: 上半年
	// searched beside June).
	ask("2025年前三季度CPI")
	if got := firstShown(ask("那个8月份呢。")); got != "https://example.com/cpi8" {
		t.Errorf("2025年前三季度CPI, then 那个8月份呢: %s first, want cpi8", got)
	}
	ask("CPI呢")
	if r := ask("11月份呢"); !strings.HasPrefix(r.Text, "2025年11月没有「CPI」的文章") && !strings.HasPrefix(r.Text, "2026年11月没有「CPI」的文章") {
		t.Errorf("CPI呢, then 11月份呢: %s", r.String())
	}
}

// TestPeriodInsideAWord: 全年 inside another word (安全年度, 健全年金) is
// no period: a period asked after such a question had been written into
// the word (网络安全年度报告, then 上半年呢, searched 网络安上半年度报告: a
// review's find).
func TestPeriodInsideAWord(t *testing.T) {
	for q, want := range map[string]string{"网络安全年度报告": "", "健全年金制度": "", "2025年全年GDP": "全年", "安全年度报告和上半年GDP": "上半年", "前三季度": "前三季度"} {
		got := ""
		if loc := periodIn(q); loc != nil {
			got = q[loc[0]:loc[1]]
		}
		if got != want {
			t.Errorf("periodIn(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestAskedOfADaysCard: a question asked of a topic's day card (它的主要内容是
// 什么 after 2024年9月3日的阅兵) is of that day's article, not the topic's
// any day (a follower run's find: 七月二十五号国常会, then 它的主要内容是什么,
// searched alone; of the topic, it listed every meeting).
func TestAskedOfADaysCard(t *testing.T) {
	ask := daysBot(t)
	ask("2024年9月3日的阅兵")
	for _, text := range []string{"它的主要内容是什么", "讲了什么"} {
		if r := ask(text); r.Type != ReplyNews || r.Card.URL != "https://example.com/p24" {
			t.Errorf("2024年9月3日的阅兵, then %s: %s", text, r.String())
		}
	}
}

// TestPreviousAfterADaysCard: 上一次呢 after a topic's day card is the
// topic's one before that day (a follower run's find: no match).
func TestPreviousAfterADaysCard(t *testing.T) {
	ask := daysBot(t)
	ask("2024年9月3日的阅兵")
	if r := ask("上一次呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p22" {
		t.Errorf("2024年9月3日的阅兵, then 上一次呢: %s", r.String())
	}
	// After a topic's day list, its second.
	ask("2025年9月3日的阅兵")
	if r := ask("上一次呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p25b" {
		t.Errorf("2025年9月3日的阅兵, then 上一次呢: %s", r.String())
	}
}

// TestAnotherTopicOfTheSameTime: another topic's name asked after a
// question naming a time (2025年8月CPI, then 那PPI呢) is of that time (a
// follower run's find: PPI of any month); after one naming none it is
// searched as typed.
func TestAnotherTopicOfTheSameTime(t *testing.T) {
	ask := figuresBot(t)
	ask("2025年8月CPI")
	if got := firstShown(ask("那个PPI呢。")); !strings.HasPrefix(got, "https://example.com/ppi8") {
		t.Errorf("2025年8月CPI, then 那个PPI呢: %s first, want ppi8", got)
	}
	ask("枫桥经验")
	if r := ask("PPI呢"); strings.Contains(r.Text, "年") && strings.Contains(r.Text, "没有「") {
		t.Errorf("枫桥经验, then PPI呢: %s", r.String())
	}
}

// TestFollowUpsAfterADaysList: after a topic's day list (two articles that
// day), another day without its year is of that year, a day of the month
// is the topic's that day, as after its card (a review's finds: 2025's,
// and 请先发送想查的主题).
func TestFollowUpsAfterADaysList(t *testing.T) {
	ask := daysBot(t, content.Article{ID: "p24b", Title: "阅兵老兵讲述往事", Body: "阅兵老兵。", PublishedOn: "2024-09-03", URL: "https://example.com/p24b"})
	if r := ask("2024年9月3日的阅兵"); !strings.HasPrefix(r.Text, "2024年9月3日「阅兵」的文章") {
		t.Fatalf("2024年9月3日的阅兵: %s", r.String())
	}
	if r := ask("那8月20号的呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p22" {
		t.Errorf("2024年9月3日的阅兵 (a list), then 那8月20号的呢: %s, want 2024-08-20's p22", r.String())
	}
	ask("2024年9月3日的阅兵")
	if r := ask("那二十号的呢"); strings.HasPrefix(r.Text, "请先发送想查的主题") {
		t.Errorf("2024年9月3日's 阅兵 list, then 那二十号的呢: %s", r.String())
	}
	// 最新的呢 after a topic's day card is the topic's newest, as after its
	// search (it had listed the newest of any topic).
	ask("2024年8月20日的阅兵")
	if got := firstShown(ask("最新的呢")); got != "https://example.com/p25a" && got != "https://example.com/p25b" {
		t.Errorf("2024年8月20日的阅兵, then 最新的呢: %s first", got)
	}
}

// TestSubjectIsNoLead: a question naming whom it asks about (习近平讲了什么,
// 会议决定了什么) is a question of its own, not one asked of the answer
// before (a review's find: told to send a topic first); 它是 and 这个是 lead
// one that is (它是什么时候开始实施的 had got a card on a border control).
func TestSubjectIsNoLead(t *testing.T) {
	arts := []content.Article{
		{ID: "xi", Title: "习近平在中央经济工作会议上发表重要讲话", URL: "https://example.com/xi", PublishedOn: "2025-12-12", Body: "习近平总书记在会上发表重要讲话，讲了明年经济工作。"},
		{ID: "law", Title: "民营经济促进法公布", URL: "https://example.com/law", PublishedOn: "2025-04-30", Body: "民营经济促进法自2025年5月20日起施行。"},
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	for _, text := range []string{"习近平讲了什么", "总书记讲了什么", "会议决定了什么"} {
		if r := ask(text); strings.HasPrefix(r.Text, "请先发送想查的主题") {
			t.Errorf("%s, the first message: %s", text, r.String())
		}
	}
	for _, text := range []string{"它是什么时候开始实施的", "这个是什么时候施行的", "这篇文章的出处"} {
		if _, ok := askedOfLast(text); !ok {
			t.Errorf("askedOfLast(%q): not asked of the answer", text)
		}
	}
}

// TestQuestionOfTheAnswerBefore: what it costs, when it was launched or
// met, asked after a topic's answer, is that topic's (a follower run's
// finds: 育儿补贴, then 每年多少钱, got a card on a port, 钱凯港; 神舟二十一号,
// then 什么时候发射的, other launches; 育儿补贴, then 怎么申请, patents and
// a subsidy of another kind, 申请 searched alone).
func TestQuestionOfTheAnswerBefore(t *testing.T) {
	arts := []content.Article{
		{ID: "butie", Title: "育儿补贴制度实施方案公布", URL: "https://example.com/butie", PublishedOn: "2025-07-28", Summary: "3周岁以下婴幼儿每年发放育儿补贴3600元。"},
		{ID: "port", Title: "秘鲁钱凯港正式投入商业运营", URL: "https://example.com/port", PublishedOn: "2024-11-15", Summary: "每年可节省物流成本，钱凯港年吞吐量。"},
		{ID: "sz21", Title: "神舟二十一号载人飞船发射取得圆满成功", URL: "https://example.com/sz21", PublishedOn: "2025-11-01", Summary: "神舟二十一号载人飞船于10月31日发射。"},
		{ID: "sz23", Title: "神舟二十三号载人飞船发射取得圆满成功", URL: "https://example.com/sz23", PublishedOn: "2026-05-01", Summary: "神舟二十三号载人飞船发射，飞船什么时候发射由任务决定。"},
		{ID: "ip", Title: "世界知识产权组织发布年度报告 中国三项知识产权申请量位居全球第一", URL: "https://example.com/ip", PublishedOn: "2025-11-13", Summary: "2024年全球专利申请量继续攀升。"},
		{ID: "car", Title: "汽车以旧换新补贴申请突破1000万份", URL: "https://example.com/car", PublishedOn: "2025-05-12", Summary: "2025年汽车以旧换新补贴申请量达322.5万份。"},
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	for _, c := range []struct{ topic, then, want string }{
		{"育儿补贴", "每年多少钱", "https://example.com/butie"},
		{"神舟二十一号", "什么时候发射的", "https://example.com/sz21"},
		{"育儿补贴", "怎么申请", "https://example.com/butie"},
		{"育儿补贴", "那个，怎么申请。", "https://example.com/butie"},
		// A re-check's: the asking before it.
		{"育儿补贴", "那要怎么申请", "https://example.com/butie"},
		{"育儿补贴", "我想问一下怎么申请", "https://example.com/butie"},
		{"育儿补贴", "那应该怎么申请呢", "https://example.com/butie"},
	} {
		ask(c.topic)
		if got := firstShown(ask(c.then)); got != c.want {
			t.Errorf("%s, then %s: %s first, want %s", c.topic, c.then, got, c.want)
		}
	}
}

// TestAsTypedKeepsTopicsOwnBa: a header keeps a topic's own last character
// (奔跑吧, 酒吧): only 呢 and 吗, which no name ends in, go (a review's find).
func TestAsTypedKeepsTopicsOwnBa(t *testing.T) {
	for _, c := range []struct{ text, topic, want string }{
		{"奔跑吧最新", "奔跑吧", "奔跑吧"}, {"PPI呢", "ppi呢", "PPI"}, {"有酒吧吗", "酒吧吗", "酒吧"},
	} {
		if got := asTyped(c.text, c.topic); got != c.want {
			t.Errorf("asTyped(%q, %q) = %q, want %q", c.text, c.topic, got, c.want)
		}
	}
}

// TestNewestOfTheTopicAsked: 最新的 after a topic's answer is the topic's
// newest (a follower run's find: the newest of any topic); with no answer
// open, the latest articles, as 最新 always is.
func TestNewestOfTheTopicAsked(t *testing.T) {
	ask := figuresBot(t)
	if r := ask("最新的"); !strings.Contains(r.Text, "最新") || strings.Contains(r.Text, "「PPI」") {
		t.Errorf("最新的 first: %s", r.String())
	}
	ask("PPI")
	if got := firstShown(ask("最新的")); got != "https://example.com/ppi10" {
		t.Errorf("PPI, then 最新的: %s first, want ppi10", got)
	}
	ask("PPI")
	if r := ask("最新"); strings.Contains(r.Text, "「PPI」") {
		t.Errorf("PPI, then 最新: %s", r.String())
	}
}

// TestDayWithoutTheTopic: a day asked after a topic's day that has none of
// the topic says so above the topic's newest (a review's find: 十号 国常会
// searched, no match).
func TestDayWithoutTheTopic(t *testing.T) {
	ask := daysBot(t)
	ask("2025年8月20日的阅兵")
	r := ask("那十号的呢")
	if !strings.HasPrefix(r.Text, "2025年8月10日没有「阅兵」的文章。") || !strings.Contains(r.Text, "纪念大会隆重举行") {
		t.Errorf("2025年8月20日的阅兵, then 那十号的呢: %s", r.String())
	}
	ask("阅兵")
	if r := ask("那8月10号的呢"); !strings.HasPrefix(r.Text, "8月10日没有「阅兵」的文章。") {
		t.Errorf("阅兵, then 那8月10号的呢: %s", r.String())
	}
}

// TestDayBeforeAndAfter: the day before or after the one asked (前一天的呢,
// 那第二天的呢) is that day's news after a day's, and the topic's that day
// after a topic's day (a follower run's find: no match, or a card on 春运
// 第二天).
func TestDayBeforeAndAfter(t *testing.T) {
	extra := []content.Article{
		{ID: "d19", Title: "各地夏收进度过半", Body: "夏收。", PublishedOn: "2025-08-19", URL: "https://example.com/d19"},
		{ID: "d21", Title: "阅兵合练有序进行", Body: "阅兵合练。", PublishedOn: "2025-08-21", URL: "https://example.com/d21"},
		{ID: "spring", Title: "春运第二天 全国铁路发送旅客", Body: "春运第二天。", PublishedOn: "2025-01-15", URL: "https://example.com/spring"},
	}
	ask := daysBot(t, extra...)
	if r := ask("2025年8月20日新闻联播"); !strings.Contains(r.String(), "example.com/o2") {
		t.Fatalf("2025年8月20日新闻联播: %s", r.String())
	}
	if r := ask("前一天的呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/d19" {
		t.Errorf("前一天的呢 after 8月20日's news: %s, want 8月19日's", r.String())
	}
	ask("2025年8月20日新闻联播")
	if r := ask("那第二天的呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/d21" {
		t.Errorf("那第二天的呢 after 8月20日's news: %s, want 8月21日's", r.String())
	}
	if r := ask("2025年8月20日的阅兵"); r.Type != ReplyNews || r.Card.URL != "https://example.com/p23" {
		t.Fatalf("2025年8月20日的阅兵: %s", r.String())
	}
	if r := ask("后一天呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/d21" {
		t.Errorf("后一天呢 after 8月20日's 阅兵: %s, want 8月21日's", r.String())
	}
}

// TestDateOfARoundupsItem: the date and the detail of a card that showed a
// roundup's item are the item's, named by its headline (a follower run's
// find: 这是哪天的 said 「国内联播快讯」发布于…, the roundup's recurring title).
func TestDateOfARoundupsItem(t *testing.T) {
	var arts []content.Article
	for i := range 6 {
		body := "央视网消息（新闻联播）：\n\n各地推进秋冬种\n\n各地抢抓农时推进秋冬种，目前已完成七成。\n\n"
		if i == 3 {
			body += "中央机关公开遴选明起报名\n\n2025年度中央机关公开遴选和公开选调公务员将于明日起网上报名。\n\n"
		}
		arts = append(arts, content.Article{ID: fmt.Sprintf("r%d", i), Title: "国内联播快讯", Body: body,
			URL: fmt.Sprintf("https://example.com/r%d", i), PublishedOn: fmt.Sprintf("2024-10-%02d", 20+i)})
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	card := ask("中央机关公开遴选报名")
	if card.Card == nil || card.Card.Title != "中央机关公开遴选明起报名" {
		t.Fatalf("中央机关公开遴选报名: %q %+v; want the item's card", card.Text, card.Card)
	}
	if r := ask("这是哪天的"); r.Text != "「中央机关公开遴选明起报名」发布于2024年10月23日。" {
		t.Errorf("这是哪天的 after the item's card: %q", r.Text)
	}
	if r := ask("详细说说"); r.Card == nil || r.Card.Title != card.Card.Title {
		t.Errorf("详细说说 after the item's card: %q %+v", r.Text, r.Card)
	}
}
