package bot

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

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
	arts = append(arts, content.Article{ID: "cpi-dec", Title: "12月份CPI同比上涨", PublishedOn: "2026-01-09", URL: "https://example.com/cpi-dec", Body: "国家统计局发布CPI数据。"})
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
	ask := func(text string) string {
		t.Helper()
		r := b.Answer(t.Context(), Message{Kind: KindText, From: "o_names", Text: text})
		if len(r) != 1 {
			t.Fatalf("%s: %d replies", text, len(r))
		}
		return r[0].Text
	}
	// Its figures asked for (CPI数据) are the topic's, titled by either
	// name too (a session's find: the list had left out every title
	// saying 居民消费价格指数); 更多's header names the topic as typed
	// (it had said 「cpi数据」).
	for _, topic := range []string{"CPI", "CPI数据"} {
		text := ask("最新" + topic)
		if !strings.HasPrefix(text, "「"+topic+"」最新的文章：\n") {
			t.Errorf("最新%s: got\n%s", topic, text)
		}
		for i, id := range []string{"full1", "full0", "cpi2", "cpi1", "cpi0"} {
			if want := fmt.Sprintf("%d. <a href=\"https://example.com/%s\">", i+1, id); !strings.Contains(text, want) {
				t.Errorf("最新%s: want %s at %d, got:\n%s", topic, id, i+1, text)
			}
		}
		if strings.Contains(text, "example.com/other") { // relevant, its title naming neither
			t.Errorf("最新%s lists an article titled with neither name:\n%s", topic, text)
		}
		if more := ask("更多"); !strings.HasPrefix(more, "「"+topic+"」最新的文章：\n1. <a href=\"https://example.com/cpi-dec\">") {
			t.Errorf("更多 after 最新%s: got\n%s", topic, more)
		}
	}
	// The last one asked for is its card (a follower run's find: five
	// meetings of one title for 最近一次国常会是哪天).
	for _, text := range []string{"最近一次CPI", "最新一期CPI是多少", "CPI最近一次"} {
		r := b.Answer(t.Context(), Message{Kind: KindText, From: "o_names", Text: text})
		if len(r) != 1 || r[0].Type != ReplyNews || r[0].Card.URL != "https://example.com/full1" {
			t.Errorf("%s: %+v", text, r)
		}
	}
}

// Lists of articles mentioning a word name it as the follower typed it
// (a session's find: 更多 after GDP's answers said 「gdp」), whether the
// word had answers or none.
func TestMentionsNameTheWordAsTyped(t *testing.T) {
	arts := []content.Article{{ID: "gdp", Title: "GDP同比增长5%", URL: "https://example.com/gdp", PublishedOn: "2026-01-19", Body: "GDP同比增长5%。"}}
	for i, title := range []string{"数字经济持续壮大", "物流成本稳步下降", "金融举措支持实体经济"} {
		arts = append(arts, content.Article{ID: fmt.Sprintf("m%d", i), Title: title, URL: fmt.Sprintf("https://example.com/m%d", i), PublishedOn: fmt.Sprintf("2026-0%d-01", i+2),
			Body: "相关产业增加值占GDP的比重不断提高，AIGC应用加快落地。" + strings.Repeat("各地持续推进相关工作。", 20)})
	}
	c := catalogOf(arts)
	c.index.SetSynonyms([][]string{{"GDP", "国内生产总值"}, {"AIGC", "生成式人工智能"}}, nil) // topics, as the shipped synonyms make them
	ask := asker(t, newDemoBot(t, c, NewMemoryFollowUps()))
	if r := ask("GDP"); r.Type != ReplyNews || r.Card.URL != "https://example.com/gdp" {
		t.Fatalf("GDP: %+v", r)
	}
	if r := ask("更多"); !strings.HasPrefix(r.Text, "没有更多专门讲「GDP」的文章了，以下文章提到了它：\n1. ") {
		t.Errorf("更多 after GDP's card:\n%s", r.Text)
	}
	if r := ask("AIGC"); !strings.HasPrefix(r.Text, "没有专门讲「AIGC」的文章") {
		t.Errorf("AIGC:\n%s", r.Text)
	}
}

// TestAskedOfTheAnswer: a question naming no topic (什么时候开, 什么时候施行)
// asks of the answer before, and alone asks for a topic (a follower run's
// finds: searched alone, each got a card on another topic).
func TestAskedOfTheAnswer(t *testing.T) {
	arts := []content.Article{
		{ID: "law", Title: "民营经济促进法公布", URL: "https://example.com/law", PublishedOn: "2025-04-30", Body: "民营经济促进法自2025年5月20日起施行。"},
		{ID: "rule", Title: "某条例公布", URL: "https://example.com/rule", PublishedOn: "2025-04-01", Body: "条例自2025年6月1日起施行，什么时候施行由国务院决定。"},
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	if r := ask("什么时候施行"); !strings.HasPrefix(r.Text, "请先发送想查的主题") {
		t.Errorf("什么时候施行 alone: %s", r.String())
	}
	if r := ask("民营经济促进法"); r.Type != ReplyNews || r.Card.URL != "https://example.com/law" {
		t.Fatalf("民营经济促进法: %s", r.String())
	}
	// And in more words (a follower run's finds: 这个什么时候开始实施的 got a
	// card on a border control's start, 它的主要内容是什么 was searched alone).
	for _, text := range []string{"什么时候施行", "那什么时候施行呢？", "这个什么时候开始实施的", "它的主要内容是什么", "讲了哪些内容", "出处"} {
		if r := ask(text); r.Type != ReplyNews || r.Card.URL != "https://example.com/law" {
			t.Errorf("%s after 民营经济促进法: %s", text, r.String())
		}
	}
}

// TestTitledFiguresOfATermOnly: 数据 after a term names the term's titles;
// after other words it is a word of the topic (a review's find: every
// title holding 大 was 大数据's).
func TestTitledFiguresOfATermOnly(t *testing.T) {
	c := catalogOf(nil)
	c.index.SetSynonyms([][]string{{"CPI", "居民消费价格指数"}}, nil)
	b := newDemoBot(t, c, NewMemoryFollowUps())
	for topic, title := range map[string]string{"大数据": "全国人民代表大会开幕", "公共数据": "完善全民健身公共服务体系", "政务数据": "优化政务服务 山东打造一流营商环境"} {
		if b.titled(topic)(title) {
			t.Errorf("titled(%s) holds %s", topic, title)
		}
	}
	if !b.titled("cpi数据")("7月份居民消费价格指数保持温和上涨") {
		t.Error("titled(cpi数据) does not hold a title naming 居民消费价格指数")
	}
}

// TestWithoutMonth: the question's month goes, and the 的 after it, not
// the 的 of a word (的士: a review's find).
func TestWithoutMonth(t *testing.T) {
	for in, want := range map[string]string{"2026年8月 的国常会": "2026年 国常会", "今年八月份的国常会": "今年 国常会", "2026年3月 的士涨价": "2026年 的士涨价",
		"3月的确定性": "的确定性", "国常会": "国常会", "7月份CPI": "CPI"} {
		if got := withoutMonth(in); got != want {
			t.Errorf("withoutMonth(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestTheOneBefore: 上一次呢 after the last one's card is the one before
// it, and again before that; after a list, its second (a follower run's
// find: no match).
func TestTheOneBefore(t *testing.T) {
	var arts []content.Article
	for i, day := range []string{"2026-06-10", "2026-07-10", "2026-08-10"} {
		arts = append(arts, content.Article{ID: fmt.Sprint("m", i), Title: "国务院常务会议召开", URL: fmt.Sprintf("https://example.com/m%d", i),
			PublishedOn: day, Body: "会议部署工作。"})
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	for _, c := range []struct{ text, want string }{{"最近一次国务院常务会议", "m2"}, {"那上一次呢", "m1"}, {"再上一次", "m0"}} {
		if r := ask(c.text); r.Type != ReplyNews || r.Card.URL != "https://example.com/"+c.want {
			t.Errorf("%s: %s, want %s", c.text, r.String(), c.want)
		}
	}
	ask("国务院常务会议")
	if r := ask("上一次呢"); r.Type != ReplyNews || r.Card.URL != "https://example.com/m1" {
		t.Errorf("上一次呢 after the list: %s", r.String())
	}
	// What it said is that card's article (a follower run's find: the
	// topic's articles were listed by relevance, another year's first);
	// so is the item opened from a list.
	for _, text := range []string{"讲了什么", "主要内容是什么"} {
		if r := ask(text); r.Type != ReplyNews || r.Card.URL != "https://example.com/m1" {
			t.Errorf("%s after the one before's card: %s", text, r.String())
		}
	}
	ask("国务院常务会议")
	opened := ask("3")
	if r := ask("讲了什么"); r.Type != ReplyNews || opened.Card == nil || r.Card.URL != opened.Card.URL {
		t.Errorf("讲了什么 after an item opened (%s): %s", opened.String(), r.String())
	}
}

// TestRuleQueryIsNoTwoTopics: a rule's query of two words is the rule's,
// even when the follower typed both (遴选考试难不难 had been told no
// article named both of the exam rule's 遴选 and 考试).
func TestRuleQueryIsNoTwoTopics(t *testing.T) {
	spec := demoSpec()
	spec.Rules = append(spec.Rules, RuleSpec{Match: "contains", Keywords: []string{"对比"},
		ResponseSpec: ResponseSpec{Reply: &ReplySpec{Type: "articles", Query: "新质生产力 浦江经验"}}})
	s, err := Compile(spec, okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	ask := asker(t, New(s, Deps{Catalog: newDemoCatalog(), FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler)}))
	if r := ask("新质生产力和浦江经验对比"); strings.HasPrefix(r.Text, "没有同时讲") || r.Type == ReplyText && !strings.Contains(r.Text, "1. ") {
		t.Errorf("a rule's query: %s", r.String())
	}
}

// TestOutOfRangeOfOne: a number past a list of one names the one number (a
// follower run's find: 请回复 1 到 1 之间的序号).
func TestOutOfRangeOfOne(t *testing.T) {
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.outOfRange(1); got != "请回复序号 1 查看对应文章。" {
		t.Errorf("outOfRange(1) = %q", got)
	}
	if got := s.outOfRange(3); got != "请回复 1 到 3 之间的序号查看对应文章。" {
		t.Errorf("outOfRange(3) = %q", got)
	}
}

// TestDateOfTheAnswer: a question of the date after a card, or after an
// item opened from a list, tells that article's date; after a list, each
// one's (a follower run's finds: 这是哪天的 got no match or the card again,
// which shows no date; 日期呢 a card on another topic). Alone it asks for
// a topic, as other questions of the answer do.
func TestDateOfTheAnswer(t *testing.T) {
	arts := []content.Article{
		{ID: "law", Title: "民营经济促进法公布", URL: "https://example.com/law", PublishedOn: "2025-04-30", Body: "民营经济促进法自2025年5月20日起施行。"},
		{ID: "m1", Title: "国务院常务会议部署防汛", URL: "https://example.com/m1", PublishedOn: "2026-07-10", Body: "会议部署防汛工作。"},
		{ID: "m2", Title: "国务院常务会议部署就业", URL: "https://example.com/m2", PublishedOn: "2026-08-10", Body: "会议部署就业工作。"},
		{ID: "undated", Title: "讲义：怎样读政府工作报告", URL: "https://example.com/u", Body: "讲义讲读报告的方法。"},
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	if r := ask("这是哪天的"); !strings.HasPrefix(r.Text, "请先发送想查的主题") {
		t.Errorf("这是哪天的 alone: %s", r.String())
	}
	if r := ask("民营经济促进法"); r.Type != ReplyNews || r.Card.URL != "https://example.com/law" {
		t.Fatalf("民营经济促进法: %s", r.String())
	}
	for _, text := range []string{"这是哪天的", "这篇是什么时候发的？", "这篇文章是哪一年的", "发布时间是什么时候", "日期呢", "什么时候的新闻", "这个是哪天的", "是哪天",
		"几号的"} {
		if r := ask(text); r.Text != "「民营经济促进法公布」发布于2025年4月30日。" {
			t.Errorf("%s after the card: %s", text, r.String())
		}
	}
	// What a law's date of effect asks is the article's to say, as before;
	// so is a bare 什么时候, which of a policy or an exam asks when
	// it takes effect or is held (a review's find).
	for _, text := range []string{"什么时候施行", "什么时候", "是什么时候"} {
		if r := ask(text); r.Type != ReplyNews || r.Card.URL != "https://example.com/law" {
			t.Errorf("%s after the card: %s", text, r.String())
		}
	}
	if r := ask("国务院常务会议"); !strings.Contains(r.Text, "1. ") {
		t.Fatalf("国务院常务会议: %s", r.String())
	}
	if r := ask("这些是哪天的"); !strings.HasPrefix(r.Text, "各篇的发布日期：\n1. ") || !strings.Contains(r.Text, "：2026年7月10日") || !strings.Contains(r.Text, "：2026年8月10日") {
		t.Errorf("the list's dates: %s", r.String())
	}
	ask("2")
	if r := ask("这是哪天的？"); !strings.HasPrefix(r.Text, "「国务院常务会议部署") || !strings.HasSuffix(r.Text, "日。") {
		t.Errorf("the item opened: %s", r.String())
	}
	ask("讲义")
	if r := ask("日期呢"); r.Text != "「讲义：怎样读政府工作报告」没有注明发布日期。" {
		t.Errorf("an undated card: %s", r.String())
	}
}

// TestDetailOfTheAnswer: asked for more of the article shown (详细说说,
// 原文链接), the card again, which opens the whole of it; after a list, how
// to open one; others like it, more of the question (a follower run's
// finds: no match, or a card on Silicon Valley Bank for 有没有类似的).
func TestDetailOfTheAnswer(t *testing.T) {
	arts := []content.Article{
		{ID: "law", Title: "民营经济促进法公布", URL: "https://example.com/law", PublishedOn: "2025-04-30", Body: "民营经济促进法自2025年5月20日起施行。"},
		{ID: "law2", Title: "民营经济促进法实施一周年", URL: "https://example.com/law2", PublishedOn: "2026-05-20", Body: "民营经济促进法施行一年来，民营经济发展环境持续优化。"},
		{ID: "bank", Title: "美国机构研究：186家美国银行或存与硅谷银行类似风险", URL: "https://example.com/bank", PublishedOn: "2023-03-19", Body: "类似风险。"},
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	if r := ask("民营经济促进法公布"); r.Type != ReplyNews || r.Card.URL != "https://example.com/law" {
		t.Fatalf("民营经济促进法公布: %s", r.String())
	}
	for _, text := range []string{"详细说说", "能详细说一下吗", "具体内容", "展开讲讲", "原文链接", "全文",
		"给我原文", "有链接吗", "全文在哪看", "这篇讲了什么", "这篇主要讲什么", "讲的是什么"} { // a re-check run's: no match
		if r := ask(text); r.Type != ReplyNews || r.Card.URL != "https://example.com/law" {
			t.Errorf("%s after the card: %s", text, r.String())
		}
	}
	if r := ask("有没有类似的"); strings.Contains(r.String(), "example.com/bank") || r.Type == ReplyText && strings.HasPrefix(r.Text, "没有找到") {
		t.Errorf("有没有类似的 after the card: %s", r.String())
	}
	if r := ask("民营经济促进法"); !strings.Contains(r.Text, "1. ") {
		t.Fatalf("民营经济促进法: %s", r.String())
	}
	if r := ask("详细说说"); r.Text != "回复序号（1 到 2）打开对应文章，点开即可阅读全文。" {
		t.Errorf("详细说说 after a list: %s", r.String())
	}
}

// TestWeekOfATopic: a week named beside a topic lists the topic's articles
// of that week, by date; one is its card; none is said so above its newest
// (a follower run's finds: 上周的国常会 listed a 2024 meeting first, 上周的
// 政治局会议 got no match).
func TestWeekOfATopic(t *testing.T) {
	var arts []content.Article
	for i, day := range []string{"2026-08-10", "2026-08-18", "2026-08-21", "2024-09-29"} {
		arts = append(arts, content.Article{ID: fmt.Sprint("gw", i), Title: "李强主持召开国务院常务会议", URL: fmt.Sprintf("https://example.com/gw%d", i),
			PublishedOn: day, Summary: "国务院总理李强主持召开国务院常务会议，研究部署有关工作。"})
	}
	arts = append(arts, content.Article{ID: "pb", Title: "中共中央政治局召开会议", URL: "https://example.com/pb", PublishedOn: "2026-07-30",
		Summary: "中共中央政治局召开会议，分析研究当前经济形势。"})
	now := time.Date(2026, 8, 25, 9, 0, 0, 0, chinaTime) // a Tuesday: last week is 17–23 August
	ask := asker(t, demoBotAt(t, catalogOf(arts), now))
	if r := ask("上周的国务院常务会议"); !strings.HasPrefix(r.Text, "上周「国务院常务会议」的文章：\n1. ") ||
		strings.Index(r.Text, "example.com/gw2") > strings.Index(r.Text, "example.com/gw1") || strings.Contains(r.Text, "gw0") || strings.Contains(r.Text, "gw3") {
		t.Errorf("上周的国务院常务会议:\n%s", r.String())
	}
	if r := ask("国务院常务会议上周讲了什么"); !strings.HasPrefix(r.Text, "上周「国务院常务会议」的文章：") {
		t.Errorf("国务院常务会议上周讲了什么:\n%s", r.String())
	}
	if r := ask("上上周的国务院常务会议"); r.Type != ReplyNews || r.Card.URL != "https://example.com/gw0" {
		t.Errorf("上上周的国务院常务会议: %s", r.String())
	}
	if r := ask("上周的政治局会议"); !strings.HasPrefix(r.Text, "上周（8月17日至8月23日）没有「政治局会议」的文章。") || !strings.Contains(r.Text, "example.com/pb") {
		t.Errorf("上周的政治局会议:\n%s", r.String())
	}
	// A week after a topic's answer is the topic's (a follower run's find:
	// 国常会, then 上周的呢, said 上周没有文章 above the latest five of any
	// topic); each follower's own.
	for i, texts := range [][]string{{"国务院常务会议", "上周的呢"}, {"国务院常务会议", "那上周呢"}, {"国务院常务会议", "上个星期的呢"}} {
		ask := asker(t, demoBotAt(t, catalogOf(arts), now))
		var r Reply
		for _, text := range texts {
			r = ask(text)
		}
		if !strings.HasPrefix(r.Text, "上周「国务院常务会议」的文章：\n1. ") || strings.Contains(r.Text, "gw0") {
			t.Errorf("%d %v:\n%s", i, texts, r.String())
		}
	}
	ask = asker(t, demoBotAt(t, catalogOf(arts), now))
	ask("政治局会议")
	if r := ask("上周的呢"); !strings.HasPrefix(r.Text, "上周（8月17日至8月23日）没有「政治局会议」的文章。") || !strings.Contains(r.Text, "example.com/pb") {
		t.Errorf("政治局会议, 上周的呢:\n%s", r.String())
	}
}

// TestMonthOfFiguresTitledFirst: a month asked of figures lists first the
// articles whose title names that month (July's figures come out in
// August), then those published in it (a follower run's find: 2025年7月CPI
// led with June's figures, published in July).
func TestMonthOfFiguresTitledFirst(t *testing.T) {
	arts := []content.Article{
		{ID: "june", Title: "上半年物价运行总体平稳", URL: "https://example.com/june", PublishedOn: "2025-07-09", Summary: "国家统计局发布6月份CPI数据，居民消费价格指数同比持平。"},
		{ID: "july", Title: "7月份居民消费价格指数环比上涨0.4%", URL: "https://example.com/july", PublishedOn: "2025-08-09", Summary: "国家统计局发布7月份CPI数据。"},
		{ID: "world", Title: "国际联播快讯", URL: "https://example.com/world", PublishedOn: "2025-07-20", Summary: "英国6月CPI同比上涨3.6%。"},
	}
	c := catalogOf(arts)
	c.index.SetSynonyms([][]string{{"CPI", "居民消费价格指数"}}, nil)
	now := time.Date(2026, 8, 25, 9, 0, 0, 0, chinaTime)
	ask := asker(t, demoBotAt(t, c, now))
	r := ask("2025年7月CPI")
	if i := strings.Index(r.Text, "example.com/july"); r.Type != ReplyNews && (i < 0 || strings.Contains(r.Text[:i], "example.com/")) ||
		r.Type == ReplyNews && r.Card.URL != "https://example.com/july" {
		t.Errorf("2025年7月CPI: want July's figures first:\n%s", r.String())
	}
}

// TestDatesOfAListWithAnArticleGone: the dates of a list are told of the
// articles still there when one was removed since it was sent, the one
// gone said so (a review's find: 这篇文章已经下线了 for the whole list).
func TestDatesOfAListWithAnArticleGone(t *testing.T) {
	arts := []content.Article{
		{ID: "m1", Title: "国务院常务会议部署防汛", URL: "https://example.com/m1", PublishedOn: "2026-07-10", Body: "会议部署防汛工作。"},
		{ID: "m2", Title: "国务院常务会议部署就业", URL: "https://example.com/m2", PublishedOn: "2026-08-10", Body: "会议部署就业工作。"},
		{ID: "m3", Title: "国务院常务会议部署秋粮", URL: "https://example.com/m3", PublishedOn: "2026-09-10", Body: "会议部署秋粮工作。"},
	}
	catalog := catalogOf(arts)
	ask := asker(t, newDemoBot(t, catalog, NewMemoryFollowUps()))
	if r := ask("国务院常务会议"); !strings.Contains(r.Text, "3. ") {
		t.Fatalf("国务院常务会议: %s", r.String())
	}
	delete(catalog.byID, "m2") // removed since the list was sent
	r := ask("这些是哪天的")
	if !strings.HasPrefix(r.Text, "各篇的发布日期：\n") || !strings.Contains(r.Text, "2026年7月10日") || !strings.Contains(r.Text, "2026年9月10日") || !strings.Contains(r.Text, ". （已下线）") {
		t.Errorf("这些是哪天的, one of the list removed since: want the others' dates, got:\n%s", r.String())
	}
}

// demoBotAt is the demo's bot on catalog, its clock at now.
func demoBotAt(t *testing.T, catalog Catalog, now time.Time) *Bot {
	t.Helper()
	s, err := Compile(demoSpec(), okSearch, okPush, nil)
	if err != nil {
		t.Fatal(err)
	}
	return New(s, Deps{Catalog: catalog, FollowUps: NewMemoryFollowUps(), Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }})
}

// TestNewestHeaderWithoutTheFrame: the frame of a question (我想知道, 你知道…吗)
// is no part of the topic a newest list is headed with (a follower run's
// find: 「我想知道国常会」最新的文章：).
func TestNewestHeaderWithoutTheFrame(t *testing.T) {
	var arts []content.Article
	for i, day := range []string{"2026-06-10", "2026-07-10", "2026-08-10"} {
		arts = append(arts, content.Article{ID: fmt.Sprint("m", i), Title: "李强主持召开国务院常务会议", URL: fmt.Sprintf("https://example.com/m%d", i),
			PublishedOn: day, Body: "国务院常务会议部署工作。"})
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	for _, text := range []string{"国务院常务会议最近讲了什么", "我想知道国务院常务会议最近讲了什么", "我想知道最新的国务院常务会议", "你知道最近的国务院常务会议吗"} {
		if r := ask(text); !strings.HasPrefix(r.Text, "「国务院常务会议」最新的文章：") {
			t.Errorf("%s: header %q, want 「国务院常务会议」最新的文章：", text, strings.SplitN(r.String(), "\n", 2)[0])
		}
	}
}

// TestNewestOfATopicNoTitleHolds: a topic no title holds and none answers
// clearly is asked for its newest: the relevant articles by date, the last
// first (a follower run's find: 台湾问题最近有什么新闻 listed 2024's first, by
// relevance).
func TestNewestOfATopicNoTitleHolds(t *testing.T) {
	arts := []content.Article{
		articleOn("tw24", "2024-05-22", "国台办：台湾地区领导人讲话是台独自白", "国务院台办发言人指出，台湾问题是中国内政，讲话通篇充斥台独谬论。"),
		articleOn("tw23", "2023-10-12", "王沪宁出席第六届台胞社团论坛开幕式", "要坚定贯彻新时代党解决台湾问题的总体方略，扩大两岸交流合作。"),
		articleOn("tw26", "2026-03-07", "王沪宁参加台湾代表团审议", "王沪宁表示，解决台湾问题、实现祖国完全统一是党矢志不渝的历史任务。"),
		articleOn("other", "2026-06-01", "我国夏粮收购进度加快", "各地抓好夏粮收购，农民卖粮顺畅。"),
	}
	// As on the corpus: relevant, none clear, by relevance 2024's first.
	weak := map[string]float64{"tw24": 0.72, "tw23": 0.70, "tw26": 0.62}
	c := rescored{catalogOf(arts), func(h content.Hit) float64 { return weak[h.Article.ID] }}
	now := time.Date(2026, 8, 25, 9, 0, 0, 0, chinaTime)
	ask := asker(t, demoBotAt(t, c, now))
	for _, q := range []string{"台湾问题最新消息", "台湾问题最近有什么新闻"} {
		r := ask(q)
		if i26, i24, i23 := strings.Index(r.Text, "example.com/tw26"), strings.Index(r.Text, "example.com/tw24"), strings.Index(r.Text, "example.com/tw23"); i26 < 0 || i24 < i26 || i23 < i24 {
			t.Errorf("%s: want tw26, tw24, tw23 in that order:\n%s", q, r.String())
		}
	}
}
