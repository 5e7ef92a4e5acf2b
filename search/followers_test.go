package search

// Finds of a follower run (the session of 2026-12-05, 15:59 UTC onward) on
// the shared corpus with the shipped synonyms, related terms and min_score:
// each test says what a follower sent, what came back and what the corpus
// plainly holds for it.

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"mpbot/content"
)

// shownHits is what the bot would show: the hits at search.min_score or above.
func shownHits(t *testing.T, ix *Index, q string) []content.Hit {
	t.Helper()
	hits, err := ix.Search(context.Background(), q, 5)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	min := shippedMinScore(t)
	var shown []content.Hit
	for _, h := range hits {
		if h.Score >= min {
			shown = append(shown, h)
		}
	}
	return shown
}

func describeHits(hits []content.Hit) string {
	if len(hits) == 0 {
		return "nothing (no match)"
	}
	var b strings.Builder
	for i, h := range hits {
		title := h.Article.Title
		if h.Story != nil {
			title += " › " + h.Story.Head
		}
		fmt.Fprintf(&b, "\n  %d. [%.2f] %s %s", i+1, h.Score, h.Article.ID, title)
	}
	return b.String()
}

// TestFollowersHowToViewFrame: 如何看待… is the interview question's frame
// (你如何看待…), as 怎么看待 and 怎么理解 are. On the corpus 如何看待新质生产力
// had hits at 0.03 (习近平同英国首相通电话 first) and no match, 如何看待以旧换新
// and 你如何看待低空经济 no match, where 新质生产力, 怎么看待低空经济 and
// 你怎么看以旧换新 list their articles.
func TestFollowersHowToViewFrame(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{
		"如何看待新质生产力": "新质生产力",
		"如何看待以旧换新":  "以旧换新",
		"你如何看待低空经济": "低空经济",
		"如何看待新型工业化": "新型工业化",
		"怎么看待新质生产力": "新质生产力", // 怎么看 was taken out, 待 searched
		// The interview question asked for (低空经济面试题: no match).
		"低空经济面试题":    "低空经济",
		"关于低空经济的面试题": "低空经济",
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, topic) {
			t.Errorf("%s: want an article titled with %s first; got%s", q, topic, describeHits(shown))
		}
	}
	// The exam's own questions stay the exam's: 遴选 alone is a national
	// park's selection (遴选出49个国家公园候选区).
	for _, q := range []string{"遴选面试题", "遴选的面试题", "公务员面试题"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 {
			t.Errorf("%s: answered%s", q, describeHits(shown))
		}
	}
}

// TestFollowersTypoOfGuochanghui: 国常会 typed with a homophone slip (汇, 回
// for 会) is still 国常会. On the corpus 国常汇 and 国常回 got a card at 0.93
// on 我国常态化帮扶实现稳健开局 (its pairs 国常, 常态): the typo of a synonym
// group's abbreviation is never read by sound, while 政治据会议 and 进博汇
// are respelt.
func TestFollowersTypoOfGuochanghui(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"国常汇", "国常回"} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "国务院常务会议") {
			t.Errorf("%s: want a 国务院常务会议 first; got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersPlusSaidAsJia: voice recognition writes the "+" of
// 人工智能+ as 加. On the corpus AI加行动 (a voice message's 就是，那个，
// AI加行动。) got a card at 0.44 on 以军称将对拉法东部发起军事行动 (加 of 加沙
// beside 行动), and 人工智能加行动 no match (that article first, at 0.30),
// where 人工智能+行动 answers
// 国务院印发《关于深入实施“人工智能+”行动的意见》 (xwlb-20250826-10) at 0.98.
func TestFollowersPlusSaidAsJia(t *testing.T) {
	ix := corpusIndex(t)
	const want = "xwlb-20250826-10"
	for _, q := range []string{"人工智能加行动", "AI加行动"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s (“人工智能+”行动的意见) first; got%s", q, want, describeHits(shown))
		}
	}
}

// TestFollowersNewYearAddressByOtherNames: followers call the President's
// 新年贺词 his 元旦贺词 or 新年致辞. On the corpus both got no match, while 28
// titles hold 新年贺词 (国家主席习近平发表二〇二六年新年贺词, …).
func TestFollowersNewYearAddressByOtherNames(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"元旦贺词", "新年致辞"} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "新年贺词") {
			t.Errorf("%s: want a 新年贺词 article first; got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersForeignFiguresForChinasQuestion: a study account's follower
// asking for a quarter's GDP, the inflation rate or the defence budget with
// no country named asks for China's. On the corpus 2025年第一季度GDP got a
// card (0.99) on 美国第一季度经济环比萎缩0.3% while 一季度中国经济实现良好开局
// (国内生产总值同比增长5.4%, xwlb-20250416-08) was second; 第二季度GDP got a
// card on a 国际联播快讯 item on Germany's, 第三季度GDP one on the UK's (then
// Japan's, the US's), 国防预算增长多少 one on Germany's 2027 budget.
func TestFollowersForeignFiguresForChinasQuestion(t *testing.T) {
	ix := corpusIndex(t)
	for q, want := range map[string]string{
		"2025年第一季度GDP": "xwlb-20250416-08",
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s (一季度中国经济实现良好开局) first; got%s", q, want, describeHits(shown))
		}
	}
	// No country named: the first answer is no foreign country's figures.
	foreign := []string{"美国", "德国", "英国", "日本", "欧元区", "美媒", "德央行", "初步数据显示欧元区", "受能源价格影响 德国"}
	// A country named is asked for: its figures stay first.
	for q, country := range map[string]string{"美国GDP": "美国", "德国通胀率": "德国", "全球通胀率": ""} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title+headOf(shown[0]), country) {
			t.Errorf("%s: want %s's figures first; got%s", q, country, describeHits(shown))
		}
	}
	// (2025年一季度GDP增长多少 lists 一季度我国批发和零售业增加值同比增长5.8%
	// first, China's but no GDP: left.)
	for _, q := range []string{"2025年一季度GDP增长多少", "第二季度GDP", "第三季度GDP", "国防预算增长多少", "通胀率", "利率"} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 {
			continue
		}
		title := shown[0].Article.Title
		if h := headOf(shown[0]); h != "" {
			title = h
		}
		for _, f := range foreign {
			if strings.HasPrefix(title, f) {
				t.Errorf("%s: first answer is %s's figures, %q; got%s", q, f, title, describeHits(shown))
			}
		}
	}
}

// headOf is the head of the roundup's item a hit stands for, or "".
func headOf(h content.Hit) string {
	if h.Story != nil {
		return h.Story.Head
	}
	return ""
}

// TestFollowersTradeByItsOtherName: 外贸进出口 is what the articles call
// 货物贸易进出口 (a follower run's find: 2025年外贸进出口 listed
// 今年前7个月…中西部地区外贸进出口 first, where 2025年我国货物贸易进出口突破45万亿元
// reports the year's total).
func TestFollowersTradeByItsOtherName(t *testing.T) {
	ix := corpusIndex(t)
	const want = "xwlb-20260114-05"
	if shown := shownHits(t, ix, "2025年外贸进出口"); len(shown) == 0 || shown[0].Article.ID != want {
		t.Errorf("2025年外贸进出口: want %s first; got%s", want, describeHits(shown))
	}
}

// TestFollowersCanonicalFormOfATopic: 新时代枫桥经验 is how study guides
// name the topic; the articles write it 新时代“枫桥经验” (44 bodies), with
// quotes inside. On the corpus 枫桥经验 (and fengqiaojingyan) get the list of
// articles mentioning it, 新时代枫桥经验 the no-match reply: no hit at
// min_score and no mentions, as its run is read whole against texts that
// quote part of it.
func TestFollowersCanonicalFormOfATopic(t *testing.T) {
	ix := corpusIndex(t)
	if _, hits, err := ix.Mentions(context.Background(), "枫桥经验", 5); err != nil || len(hits) == 0 {
		t.Fatalf("枫桥经验: no mentions (%v)", err)
	}
	shown := shownHits(t, ix, "新时代枫桥经验")
	topic, hits, err := ix.Mentions(context.Background(), "新时代枫桥经验", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) == 0 && len(hits) == 0 {
		t.Errorf("新时代枫桥经验: no hit at min_score and no mentions (topic %q), where 44 articles write 新时代“枫桥经验”; hits at any score:%s", topic, describeHits(func() []content.Hit { h, _ := ix.Search(context.Background(), "新时代枫桥经验", 5); return h }()))
	}
}

// TestFollowersFigureNamedAlone: 失业率 asked alone is the figure, which 47
// articles give (城镇调查失业率为5.0%) and none names in its title: it got
// the no-match reply. A figure's name lists the articles giving it; a
// three-character word of the dictionary that is no figure's name stays
// without a list (老百姓: in 122 bodies).
func TestFollowersFigureNamedAlone(t *testing.T) {
	ix := corpusIndex(t)
	text := map[string]string{}
	for _, a := range loadCorpus(t) {
		text[a.ID] = a.Title + a.Summary + a.Body
	}
	for _, tc := range []struct {
		query, word string
		listed      bool
	}{
		{"失业率", "失业率", true},
		{"失业率是多少", "失业率", true},
		{"通胀率", "通胀率", true},
		{"老百姓", "", false},
	} {
		word, hits, err := ix.Mentions(context.Background(), tc.query, 5)
		if err != nil {
			t.Fatal(err)
		}
		if tc.listed != (len(hits) > 0) || tc.listed && word != tc.word {
			t.Errorf("%s: mentions of %q, %d listed; want %q listed: %v", tc.query, word, len(hits), tc.word, tc.listed)
			continue
		}
		for _, h := range hits {
			if !strings.Contains(text[h.Article.ID], tc.word) {
				t.Errorf("%s: %s %s does not give %s", tc.query, h.Article.ID, h.Article.Title, tc.word)
			}
		}
	}
}

// TestFollowersStudyHotspotFrame: 面试热点 X, 申论热点 X and 时政热点 X are how exam
// courses name the hot topics to prepare, as 申论素材 X is (which works: 申论素材
// 新质生产力 lists the 新质生产力 articles). On the corpus 面试热点 新质生产力,
// 面试热点：新质生产力, 新质生产力 面试热点, 时政热点 新质生产力 and 申论热点
// 新质生产力 get no match (best hit 0.18: 两会“部长通道”开启, whose summary
// has 热点问题), 面试热点 低空经济 too, and 热点 新质生产力 a card on that
// 部长通道 article (0.44). 新质生产力 alone lists 创新引领 新质生产力蓬勃生长
// and four more titled with it.
func TestFollowersStudyHotspotFrame(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"面试热点 新质生产力", "面试热点：新质生产力", "新质生产力 面试热点", "时政热点 新质生产力", "申论热点 新质生产力"} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "新质生产力") {
			t.Errorf("%s: want a 新质生产力 article first (as 申论素材 新质生产力 gets); got%s", q, describeHits(shown))
		}
	}
	if shown := shownHits(t, ix, "面试热点 低空经济"); len(shown) == 0 {
		if _, m, err := ix.Mentions(context.Background(), "面试热点 低空经济", 5); err != nil || len(m) == 0 {
			t.Errorf("面试热点 低空经济: no match and no mentions, where 低空经济 lists 大湾区：低空经济开年“起飞”")
		}
	}
}

// TestFollowersFigureAskedHowMuchItRose: 涨了多少 / 降了多少 is how followers ask a
// figure (as 去年GDP增长多少): the figure's articles answer (a follower run's
// find: CPI涨了多少, GDP涨了多少 and PPI降了多少 got no match, the best hit at
// 0.38, where 25 titles name CPI or 居民消费价格; the articles write 上涨).
func TestFollowersFigureAskedHowMuchItRose(t *testing.T) {
	ix := corpusIndex(t)
	for q, names := range map[string][]string{
		"CPI涨了多少":  {"CPI", "居民消费价格"},
		"CPI涨多少":   {"CPI", "居民消费价格"},
		"GDP涨了多少":  {"GDP", "国内生产总值"},
		"PPI降了多少":  {"PPI", "工业生产者出厂价格"},
		"cpi涨了多少啊": {"CPI", "居民消费价格"},
		"物价涨了多少":   {"物价"}, // a figure with no synonym group (a follower re-check's find: no match)
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(shown[0].Article.Title+shown[0].Article.Summary, n) }) {
			t.Errorf("%s: want the figure's articles (title or summary naming %v); got%s", q, names, describeHits(shown))
		}
	}
}

// TestFollowersChinaEUSummit: 中欧峰会 is the China–EU summit (the articles write
// 中国—欧盟领导人会晤; search.synonyms says so). On the corpus it had a card
// (0.50, the only hit at min_score) on 习近平主持首届中国—中亚峰会
// (xwlb-20230519-01), a summit with Central Asia; 中欧领导人会晤 lists 李强…共同主持第二十五次中国—欧盟领导人会晤
// (xwlb-20250724-02).
func TestFollowersChinaEUSummit(t *testing.T) {
	ix := corpusIndex(t)
	shown := shownHits(t, ix, "中欧峰会")
	if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "中国—欧盟领导人会晤") || slices.ContainsFunc(shown, func(h content.Hit) bool { return strings.Contains(h.Article.Title, "中亚") }) {
		t.Errorf("中欧峰会: want the China–EU summits, not Central Asia's; got%s", describeHits(shown))
	}
}

// TestFollowersPeaceTalks: 和谈 is 和平谈判, what the articles call 谈判. On the
// corpus 俄乌和谈 got no match (best 0.17; search.synonyms has [和谈, 和平谈判, 谈判]), while 俄乌谈判 has
// 俄乌第二轮直接谈判结束 (xwlb-20250603-13) and two more at 0.81–0.97.
func TestFollowersPeaceTalks(t *testing.T) {
	ix := corpusIndex(t)
	shown := shownHits(t, ix, "俄乌和谈")
	if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "俄乌") {
		t.Errorf("俄乌和谈: want the Russia–Ukraine talks (as 俄乌谈判 gets); got%s", describeHits(shown))
	}
}

// TestFollowersNewCoinageInvestInPeople: 投资于人 (investing in people: the 2025
// government work report's and the 十五五 proposals' coinage, a 申论 staple) is
// in 26 bodies of the corpus (the fourth plenum's communiqué xwlb-20251023-01,
// the 十五五 proposals xwlb-20251028-02, the 2025 中央经济工作会议
// xwlb-20251211-01…) and one summary (xwlb-20260615-07). 投资于人 got no
// match and no list of the articles mentioning it (now a term of the list): best hit 0.21 on
// 韩正出席2025年全球贸易投资促进峰会开幕式.
func TestFollowersNewCoinageInvestInPeople(t *testing.T) {
	ix := corpusIndex(t)
	if shown := shownHits(t, ix, "投资于人"); len(shown) > 0 {
		return
	}
	_, hits, err := ix.Mentions(context.Background(), "投资于人", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Errorf("投资于人: no hit at min_score and no mentions; 26 bodies hold it")
	}
	for _, h := range hits {
		if strings.Contains(h.Article.Title, "贸易投资促进峰会") {
			t.Errorf("投资于人: mentions list holds %s %s, which does not say 投资于人", h.Article.ID, h.Article.Title)
		}
	}
}

// TestFollowersInterviewQuestionOnAI: README: a request for reading on a topic is
// the topic (低空经济面试题, …面试题目, …申论题). On the corpus 数字经济面试题,
// 新质生产力的面试题 and 乡村振兴的申论题 list their topics' articles (0.95),
// but 人工智能面试题, 人工智能的面试题 and 人工智能申论题 get no match (best
// 0.03–0.04: 李强主持国务院第十八次专题学习, 教育部启动义务教育阳光招生专项行动),
// while 人工智能 alone has 人工智能蓬勃兴起 锻造高质量发展新引擎 at 0.96.
func TestFollowersInterviewQuestionOnAI(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"人工智能面试题", "人工智能的面试题", "人工智能申论题"} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "人工智能") {
			t.Errorf("%s: want the 人工智能 articles (as 数字经济面试题 gets its topic's); got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersConsumptionFiguresAreChinas: 消费数据 (咋样) asked with no country
// is China's, as GDP and CPI are. On the corpus 消费数据 and 消费数据咋样 list
// 美国密歇根大学数据显示 美消费者信心指数终值连续第四个月下降 (xwlb-20250426-13,
// 0.92) and 研究机构数据显示美消费者信心指数连降 (xwlb-20250430-15) first.
func TestFollowersConsumptionFiguresAreChinas(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"消费数据", "消费数据咋样"} {
		shown := shownHits(t, ix, q)
		if len(shown) > 0 && strings.Contains(shown[0].Article.Title, "美") {
			t.Errorf("%s: America's consumer confidence first; got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersChinaNamedInTheQuestion: 中国对美反制措施 asks what China does:
// another economy's measures weigh as another economy's figures do. On the
// corpus it had a card at 0.93 on 国际联播快讯 › 欧盟暂停对美国关税反制措施
// (xwlb-20250806-12), the EU's measures, while 我国自3月10日起对原产于美国的部分
// 进口商品加征关税 (xwlb-20250304-13) and 商务部回应美宣布“对等关税”：将坚决采取
// 反制措施 (xwlb-20250403-07) are China's. 中国, in a tenth of the articles,
// counts only where a rarer word is found, so the question's subject weighs
// nothing against another economy's in the title.
func TestFollowersChinaNamedInTheQuestion(t *testing.T) {
	ix := corpusIndex(t)
	shown := shownHits(t, ix, "中国对美反制措施")
	if len(shown) == 0 || shown[0].Article.ID != "xwlb-20250304-13" && shown[0].Article.ID != "xwlb-20250403-07" {
		t.Errorf("中国对美反制措施: want China's measures first; got%s", describeHits(shown))
	}
}

// TestFollowersTradeTotalAskedWithZonge: 进出口总额, as the statistics say it,
// is the trade figure (search.synonyms: [进出口总额, 进出口总值, 进出口]). On the
// corpus 2025年外贸进出口 has 2025年我国货物贸易进出口突破45万亿元
// (xwlb-20260114-05) first; 2025年外贸进出口总额 got no match (best 0.30,
// 2025年机械工业运行稳中向好).
func TestFollowersTradeTotalAskedWithZonge(t *testing.T) {
	ix := corpusIndex(t)
	const want = "xwlb-20260114-05"
	for _, q := range []string{"2025年外贸进出口总额", "2025年货物贸易进出口总额"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s (2025年我国货物贸易进出口突破45万亿元) first; got%s", q, want, describeHits(shown))
		}
	}
}

// TestFollowersExamWordBesideATopicOfTheList: an exam word beside a topic
// of mpbot's list of two characters is taken out (面试 两会, 面试，两会: no
// match, a review's find), not beside a synonym's term that is no topic of
// the list (公务员 工资 asks about civil servants' pay: taken out, it had a
// card at 0.99 on 农民工工资, the session's own read of its change).
func TestFollowersExamWordBesideATopicOfTheList(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"面试 两会", "面试，两会"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "两会") {
			t.Errorf("%s: want the 两会 articles; got%s", q, describeHits(shown))
		}
	}
	if shown := shownHits(t, ix, "公务员 工资"); len(shown) > 0 && shown[0].Article.ID == "xwlb-20221229-03" {
		t.Errorf("公务员 工资: searched as 工资 alone (a card on 农民工工资); got%s", describeHits(shown))
	}
}

// TestFollowersRiseAskedOfAFigureOnly: 涨/降/跌 frame a figure's name, and
// only that: 失业率降了多少 is 失业率's (a follower re-check's find: no
// match), 工资涨了多少 keeps its 涨 (stripped, a card on unpaid wages).
func TestFollowersRiseAskedOfAFigureOnly(t *testing.T) {
	ix := corpusIndex(t)
	for q, want := range map[string]string{"失业率降了多少": "[[[失业率]]]", "工资涨了多少": "[[[工资] [薪酬] [劳动 报酬]] [[涨]]]", "大数据": "[[[大]] [[数据]]]"} {
		var cs []string
		for _, c := range ix.parse(q).clauses {
			cs = append(cs, fmt.Sprint(c.alts))
		}
		if got := fmt.Sprint(cs); got != want {
			t.Errorf("%s: clauses %s, want %s", q, got, want)
		}
	}
}

// TestFollowersChinaTowardAnotherNamed: what China does toward another
// named in full (我国对欧盟的措施) is not weighed as China's own: the store's
// articles are the other's (a follower re-check's find: weighed down, a
// card on 我国不断夯实科技强国根基 came first).
func TestFollowersChinaTowardAnotherNamed(t *testing.T) {
	ix := corpusIndex(t)
	if shown := shownHits(t, ix, "我国对欧盟的措施"); len(shown) > 0 && !strings.Contains(shown[0].Article.Title, "欧") {
		t.Errorf("我国对欧盟的措施: want the EU's articles or nothing; got%s", describeHits(shown))
	}
}

// TestFollowersStudyMaterialAskedWithHaveYou: 有没有 before an exam's word
// and a request noun, and 有没有相关解读, frame the topic (a voice follower
// run's finds: 乡村振兴有没有申论素材 and 文化自信有没有相关解读 got no match,
// where 乡村振兴申论素材 and 文化自信 list their articles); 解读 alone stays a
// word (政府工作报告解读 asks for the briefings).
func TestFollowersStudyMaterialAskedWithHaveYou(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{"乡村振兴有没有申论素材": "乡村振兴", "文化自信有没有相关解读": "文化自信", "我想问一下，乡村振兴有没有申论素材。": "乡村振兴"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, topic) {
			t.Errorf("%s: want a %s article first; got%s", q, topic, describeHits(shown))
		}
	}
	if shown := shownHits(t, ix, "政府工作报告解读"); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "解读") {
		t.Errorf("政府工作报告解读: want a briefing first; got%s", describeHits(shown))
	}
}

// TestFollowersInterviewQuestionFramedAround: what to answer if the
// interview asks of a topic, and a topic then 面试题 after a comma, as voice
// writes it, ask for the topic (a follower run's finds: each no match, where
// 银发经济面试题 and 生态文明建设面试题 list the topic's articles).
func TestFollowersInterviewQuestionFramedAround(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{"面试里面如果考到银发经济应该怎么答": "银发经济", "面试考到银发经济怎么答": "银发经济",
		"生态文明建设，面试题": "生态文明建设", "生态文明建设，面试题。": "生态文明建设"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, topic) {
			t.Errorf("%s: want a %s article first; got%s", q, topic, describeHits(shown))
		}
	}
}

// TestFollowersCommuniqueMisheard: a word no article has, sounding as one
// they have (公保, as voice recognition writes 公报), is tried respelt even
// where the query's other words found something sure (a follower run's
// find: 二十届四中全会公保 listed five of the plenum's lectures at 0.81).
func TestFollowersCommuniqueMisheard(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"二十届四中全会公保", "二十届四中全会公保。"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != "xwlb-20251023-01" {
			t.Errorf("%s: want the communiqué (xwlb-20251023-01) first; got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersDuringTheSessions: 两会期间 says when, not a second topic:
// the question without it is taken when surer and of the sessions' days
// (a follower run's find: 两会期间总书记参加了哪些代表团审议 got no match, where
// 总书记参加代表团审议 lists the Jiangsu delegation first); alone, a question
// without a topic of its own stays the sessions' (有什么重要的新闻 lists any
// 重要).
func TestFollowersDuringTheSessions(t *testing.T) {
	ix := corpusIndex(t)
	if shown := shownHits(t, ix, "两会期间总书记参加了哪些代表团审议"); len(shown) == 0 || shown[0].Article.ID != "xwlb-20260305-02" {
		t.Errorf("两会期间总书记参加了哪些代表团审议: want xwlb-20260305-02 first; got%s", describeHits(shown))
	}
	if shown := shownHits(t, ix, "两会期间有什么重要的新闻"); len(shown) > 0 && !strings.Contains(shown[0].Article.Title, "两会") {
		t.Errorf("两会期间有什么重要的新闻: want the sessions' or nothing; got%s", describeHits(shown))
	}
}

// TestFollowersYearAloneNamesNoTopic: a year left alone once an exam
// course's frame goes (今年的面试热点) names no topic: nothing is answered (a
// follower run's find: a budget review, a forum's close and the gaokao
// listed as the year's hot topics). A year typed alone is searched (a
// review's find: 1978年's government work report, a card before, got no
// match); so is a year with a topic.
func TestFollowersYearAloneNamesNoTopic(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"今年的面试热点", "今年的时政热点有哪些", "今年", "今年的"} {
		if hits, _ := ix.Search(t.Context(), q, 5); len(hits) > 0 {
			t.Errorf("%s: want nothing; got%s", q, describeHits(hits))
		}
	}
	for q, id := range map[string]string{"1978年": "doc-770b535c", "2008年": "doc-2a9cb79e"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != id {
			t.Errorf("%s: want the year's government work report (%s) first; got%s", q, id, describeHits(shown))
		}
	}
	if shown := shownHits(t, ix, "2025年政府工作报告"); len(shown) == 0 || shown[0].Article.ID != "doc-c8ea2145" {
		t.Errorf("2025年政府工作报告: want the report first; got%s", describeHits(shown))
	}
}

// TestFollowersReportMisheard: 政府工作报告 as voice recognition writes it,
// 政府工作报道, is the report by the shipped synonyms (a follower run's find:
// 2025年政府工作报道 listed the US government's shutdown).
func TestFollowersReportMisheard(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"2025年政府工作报道", "二零二五年政府工作报道。"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != "doc-c8ea2145" {
			t.Errorf("%s: want the 2025 report first; got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersCasesOfATopicByVoice: which cases the essay may use on a
// topic, said by voice (就是，我想问一下，基层治理这个话题，申论可以用哪些案例。), asks
// for the topic's articles (a follower run's find: no match, a card on one
// community under the cut).
func TestFollowersCasesOfATopicByVoice(t *testing.T) {
	ix := corpusIndex(t)
	q := "就是，我想问一下，基层治理这个话题，申论可以用哪些案例。"
	if shown := shownHits(t, ix, q); len(shown) < 2 || !strings.Contains(shown[0].Article.Title, "基层治理") {
		t.Errorf("%s: want a list of 基层治理 articles; got%s", q, describeHits(shown))
	}
}

// TestFollowersReadingsAsked: 相关解读 asks for readings, 解读 dropped only
// inside 有没有相关解读 (a review's find: 政府工作报告相关解读 listed the
// reports, not the briefing); an exam track before 面试题, after a comma or
// not, says whose interview it is, no topic (事业单位，面试题: a sure card on
// a state-asset platform).
func TestFollowersReadingsAsked(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"政府工作报告相关解读", "二十届四中全会相关解读", "政府工作报告的相关解读"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "解读") {
			t.Errorf("%s: want a reading (解读) first; got%s", q, describeHits(shown))
		}
	}
	for _, q := range []string{"事业单位，面试题", "事业单位，面试题。", "教师招聘，面试题", "事业单位面试题"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 {
			t.Errorf("%s: want no match; got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersWhenItMeets: 两会什么时候开 asks of the sessions, its 开 no
// word to find (a follower run's find: a card on a delegate's proposals).
func TestFollowersWhenItMeets(t *testing.T) {
	ix := corpusIndex(t)
	if shown := shownHits(t, ix, "两会什么时候开"); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "两会") {
		t.Errorf("两会什么时候开: want a 两会 article first; got%s", describeHits(shown))
	}
}

// TestFollowersWhenAnExpoOpens: 什么时候开 after an expo or games is kept,
// its 开 finding their opening (a re-check's find: cut as a meeting's is,
// 链博会哪天开 and 广交会哪天开 listed closings and side stories).
func TestFollowersWhenAnExpoOpens(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"链博会哪天开", "广交会哪天开", "消博会什么时候开", "亚运会什么时候开"} {
		hits := shownHits(t, ix, q)
		if !slices.ContainsFunc(hits, func(h content.Hit) bool {
			title := h.Article.Title
			if h.Story != nil {
				title += " " + h.Story.Head
			}
			return strings.Contains(title, "开幕") || strings.Contains(title, "开馆")
		}) {
			t.Errorf("%s: no opening among the shown hits:%s", q, describeHits(hits))
		}
	}
	if shown := shownHits(t, ix, "话题有没有申论素材"); len(shown) > 0 {
		t.Errorf("话题有没有申论素材: a frame with no topic in it, want nothing; got%s", describeHits(shown))
	}
}

// TestFollowersTopicAloneNewestFirst: a topic's name typed alone (两会,
// 乡村振兴) lists the articles holding it in their titles newest first,
// as a series of one title is: 两会 had listed 2023's 代表通道, 2025's,
// 2023's, 2026's; 乡村振兴 2022's, then 2023's three. Asked what it is (乡村振兴是什么),
// its articles keep their order: the explaining ones.
func TestFollowersTopicAloneNewestFirst(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"两会", "乡村振兴", "进博会"} {
		hits := shownHits(t, ix, q)
		if len(hits) < 3 {
			t.Errorf("%s: %s", q, describeHits(hits))
			continue
		}
		for i := 1; i < 3; i++ {
			if hits[i].Article.PublishedOn > hits[i-1].Article.PublishedOn {
				t.Errorf("%s, the leading three not newest first: %s", q, describeHits(hits))
				break
			}
		}
	}
	if hits := shownHits(t, ix, "两会"); len(hits) == 0 || !strings.HasPrefix(hits[0].Article.PublishedOn, "2026-03") {
		t.Errorf("两会 first: %s, want the 2026 sessions'", describeHits(hits))
	}
	asked, alone := shownHits(t, ix, "乡村振兴是什么"), shownHits(t, ix, "乡村振兴")
	if len(asked) == 0 || len(alone) == 0 || asked[0].Article.ID == alone[0].Article.ID {
		t.Errorf("乡村振兴是什么 ordered as the topic alone:%s\nalone:%s", describeHits(asked), describeHits(alone))
	}
}

// TestFollowersUrgencyAfterTheTopic: candidates a week from the interview add
// urgency and thanks after the topic (急, 麻烦尽快回复, 很着急): the topic is the
// question. On the corpus 乡村振兴 急, 乡村振兴的材料，麻烦尽快回复 and
// 乡村振兴，很着急，麻烦尽快回复，谢谢！！！ get no match (no hit at all), and the
// whole message 你好，请问有没有关于乡村振兴和共同富裕方面的材料，我下周要面试了，很着急，
// 麻烦尽快回复，谢谢！！！ too, where 乡村振兴 lists 61 titles.
func TestFollowersUrgencyAfterTheTopic(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{
		"乡村振兴 急",
		"乡村振兴的材料，麻烦尽快回复",
		"乡村振兴，很着急，麻烦尽快回复，谢谢！！！",
		"你好，请问有没有关于乡村振兴和共同富裕方面的材料，我下周要面试了，很着急，麻烦尽快回复，谢谢！！！",
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 || !strings.Contains(shown[0].Article.Title+shown[0].Article.Summary, "振兴") {
			t.Errorf("%s: want a 乡村振兴 article first; got%s", q, describeHits(shown))
		}
	}
}

// TestFollowersRequestFrameAroundATopic: 我想了解一下 X and 能不能发我一下 X 相关文章 are
// how followers ask for X: the answer is X's, as X alone gets. On the corpus
// 国常会 lists the newest meeting first (李强主持召开国务院常务会议, 2026-08-21,
// xwlb-20260821-02), while 我想了解一下国常会 lists the 2024-09-29 meeting first
// and 能不能发我一下国常会相关文章 two meetings of 2025 at 0.43 (of 150); 中央经济工作会议
// lists 2025's (xwlb-20251211-01) first, 我想了解一下中央经济工作会议 2023's, and
// 能不能发我一下中央经济工作会议相关文章 got a card on 2023's (0.88, 2025's not among the
// hits); 能不能发我一下两会相关文章 got no match.
func TestFollowersRequestFrameAroundATopic(t *testing.T) {
	ix := corpusIndex(t)
	for q, want := range map[string]string{
		"我想了解一下国常会":             "xwlb-20260821-02",
		"我想了解一下中央经济工作会议":        "xwlb-20251211-01",
		"能不能发我一下中央经济工作会议相关文章":   "xwlb-20251211-01",
		"老师你好！！！我想了解一下中央经济工作会议": "xwlb-20251211-01",
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s first (as the topic alone gets); got%s", q, want, describeHits(shown))
		}
	}
	if shown := shownHits(t, ix, "能不能发我一下两会相关文章"); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, "两会") {
		t.Errorf("能不能发我一下两会相关文章: want a 两会 article first; got%s", describeHits(shown))
	}
}

// TestFollowersEverydayNames: 李总理 is what followers call Li Qiang, G7 the
// Group of Seven (search.synonyms). On the corpus 李总理 and 李总理出席 got no
// match, and G7峰会 listed 中国—中亚峰会取得丰硕成果 first where 七国集团峰会
// lists 多国民众广岛集会抗议七国集团峰会 (xwlb-20230520-11); G7 alone got no match.
func TestFollowersEverydayNames(t *testing.T) {
	ix := corpusIndex(t)
	for q, name := range map[string]string{"李总理": "李强", "李总理出席": "李强", "G7峰会": "七国集团", "G7": "七国集团"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, name) {
			t.Errorf("%s: want an article titled with %s first; got%s", q, name, describeHits(shown))
		}
	}
}

// TestFollowersYearInTwoHanDigits: 二五年 is 2025 said short, as 25年 is. On the
// corpus 二五年GDP got a card (0.95) on 国家主席习近平发表二〇二五年新年贺词
// (xwlb-20241231-01) where 25年GDP and 2025年GDP find 2025年中国国内生产总值突破
// 140万亿元 (xwlb-20260119-04), and 二五年中央经济工作会议 had no hit (the bot then
// listed the meetings under 没有专门讲「中央经济工作会议」的文章, a header saying no
// article is about it) where 2025年中央经济工作会议 lists the 2025-12-11 meeting first.
func TestFollowersYearInTwoHanDigits(t *testing.T) {
	ix := corpusIndex(t)
	for q, want := range map[string]string{
		"二五年GDP":      "xwlb-20260119-04",
		"二五年中央经济工作会议": "xwlb-20251211-01",
		"二五年政府工作报告":   "doc-c8ea2145", // 2025年中华人民共和国国务院政府工作报告; got the 2018 report first (过去五年)
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s first (as 2025年… gets); got%s", q, want, describeHits(shown))
		}
	}
	// 二五年两会 got a card on the 二〇二五年新年贺词 too; 2025年两会 lists 2025年全国两会新闻中心今天启用.
	if shown := shownHits(t, ix, "二五年两会"); len(shown) == 0 || !strings.HasPrefix(shown[0].Article.PublishedOn, "2025") || !strings.Contains(shown[0].Article.Title, "两会") {
		t.Errorf("二五年两会: want a 2025 两会 article first; got%s", describeHits(shown))
	}
}

// TestFollowersSpaceInsideATerm: phone keyboards put a space inside a term (新质
// 生产力, 国务院 常务会议); it is the same term. On the corpus 新质 生产力 got a card
// at 1.00 on 深圳六个90%的背后 (xwlb-20231127-06), and 国务院 常务会议 listed the
// 2022 obituary 中国共产党中央委员会 中华人民共和国全国人民代表大会常务委员会… first
// (0.99), where 新质生产力 and 国务院常务会议 list articles titled with them.
// (乡村 振兴 works.)
func TestFollowersSpaceInsideATerm(t *testing.T) {
	ix := corpusIndex(t)
	for q, term := range map[string]string{
		"新质 生产力":    "新质生产力",
		"国务院 常务会议":  "国务院常务会议",
		"中央 经济工作会议": "中央经济工作会议",
	} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, term) {
			t.Errorf("%s: want an article titled with %s first; got%s", q, term, describeHits(shown))
		}
	}
}

// TestFollowersCourtesyAroundATopic: a greeting or 请问 before a topic, or
// urgency after it, asks for the topic's articles as the topic alone does:
// newest first (a review's find: 老师你好，乡村振兴 and 请问乡村振兴 listed
// 2022's 乡村振兴迈出坚实步伐 first, 乡村振兴 alone 2026's).
func TestFollowersCourtesyAroundATopic(t *testing.T) {
	ix := corpusIndex(t)
	alone := shownHits(t, ix, "乡村振兴")
	if len(alone) == 0 {
		t.Fatal("乡村振兴: no hits")
	}
	for _, q := range []string{"乡村振兴 急", "老师你好，乡村振兴", "请问乡村振兴"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != alone[0].Article.ID {
			t.Errorf("%s: want %s first, as 乡村振兴 alone lists; got%s", q, alone[0].Article.ID, describeHits(shown))
		}
	}
	if asked := shownHits(t, ix, "请问乡村振兴是什么"); len(asked) == 0 || asked[0].Article.ID == alone[0].Article.ID {
		t.Errorf("请问乡村振兴是什么 ordered as the topic alone:%s", describeHits(asked))
	}
}

// TestFollowersCourtesyQingwenYixia: 请问一下 is courtesy as 请问 is,
// and courtesy on both sides (老师你好，请问一下两会，谢谢) or with a request
// (麻烦发我…相关文章, 能不能发我一下…) leaves the topic typed alone. On the
// corpus 请问一下新质生产力 lists 2025-12-06 创新引领 新质生产力蓬勃生长 first
// (relevance, as 1e689c6 did), 新质生产力 alone 2026-07-28's; 老师你好，请问一下两会，谢谢
// lists 2023-03-06 两会通道 first, 两会 alone 2026-03-12's.
func TestFollowersCourtesyQingwenYixia(t *testing.T) {
	ix := corpusIndex(t)
	for topic, qs := range map[string][]string{
		// (能不能发我一下两会 lists newest first too, less sure: its newest
		// article falls out of the series. Left as it is.)
		"新质生产力": {"请问一下新质生产力", "请问一下新质生产力，谢谢"},
		"两会":    {"老师你好，请问一下两会，谢谢"},
		"共同富裕":  {"麻烦发我共同富裕相关文章", "发一下共同富裕相关的"},
	} {
		alone := shownHits(t, ix, topic)
		if len(alone) == 0 {
			t.Fatalf("%s: no hits", topic)
		}
		for _, q := range qs {
			if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != alone[0].Article.ID {
				t.Errorf("%s: want %s (%s) first, as %s alone lists; got%s", q, alone[0].Article.Title, alone[0].Article.PublishedOn, topic, describeHits(shown))
			}
		}
	}
}

// TestFollowersTalkAboutNineteen: 讲讲十九 (no list open)
// lists the 十九大 report first, as 1e689c6 did; 70b2f8c lists 2024-11-23
// 跨越山海的友谊…亚太经合组织第三十一次领导人非正式会议 first.
func TestFollowersTalkAboutNineteen(t *testing.T) {
	ix := corpusIndex(t)
	if hits := shownHits(t, ix, "讲讲十九"); len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "决胜全面建成小康社会") {
		t.Errorf("讲讲十九: want the 十九大 report first; got%s", describeHits(hits))
	}
}

// TestFollowersOrdinalOfAnotherEvent: an edition the store has no article
// of (第十七届进博会: the expo had its eighth in 2025) gets no card on
// another event's edition of that number (0.41 on 第十七届海峡论坛: the
// ordinal, rarer than 进博会, was taken for what the answers are about; a
// follower run's find); an edition it has keeps its card.
func TestFollowersOrdinalOfAnotherEvent(t *testing.T) {
	ix := corpusIndex(t)
	if shown := shownHits(t, ix, "第十七届进博会"); len(shown) > 0 {
		t.Errorf("第十七届进博会: %s", describeHits(shown))
	}
	for q, want := range map[string]string{"第七届进博会": "第七届进博会", "第十七届海峡论坛": "第十七届海峡论坛"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || !strings.Contains(shown[0].Article.Title, want) {
			t.Errorf("%s: %s", q, describeHits(shown))
		}
	}
}

// TestFollowersMeetingWhenAskedWithPunctuation: the follower run's fix reads
// 国常会 什么时候开 (a space, as the bot joins a follow-up) as 国常会什么时候开:
// the newest meeting first. With a comma or a question mark between, as
// followers type it in one message (国常会，什么时候开 / 国常会,什么时候开 /
// 国常会？什么时候开), the 开 is searched again: a card at 1.00 on the 2024-12-06
// meeting, whose text says 推广开 (the run's very defect); 两会，什么时候开 a card
// at 0.40 on a delegate's 黄茶产业. Asked 国常会一般什么时候开 or 国常会下次什么时候开, the
// same 2024-12-06 card; 国常会什么时候开会, a card on the UN Security
// Council's 紧急公开会 (开会).
func TestFollowersMeetingWhenAskedWithPunctuation(t *testing.T) {
	ix := corpusIndex(t)
	whole := shownHits(t, ix, "国常会什么时候开")
	if len(whole) == 0 || whole[0].Article.ID != "xwlb-20260821-02" {
		t.Fatalf("国常会什么时候开: %s", describeHits(whole))
	}
	for _, q := range []string{"国常会，什么时候开", "国常会,什么时候开", "国常会？什么时候开", "国常会一般什么时候开", "国常会下次什么时候开", "国常会什么时候开会"} {
		if shown := shownHits(t, ix, q); len(shown) == 0 || shown[0].Article.ID != whole[0].Article.ID {
			t.Errorf("%s: want the newest meeting first, as 国常会什么时候开 asked whole; got%s", q, describeHits(shown))
		}
	}
	if shown := shownHits(t, ix, "两会，什么时候开"); len(shown) > 0 && strings.Contains(shown[0].Article.Title, "黄茶") {
		t.Errorf("两会，什么时候开: %s", describeHits(shown))
	}
}

// TestFollowersCourtesyBeforeATopic: 请教一下乡村振兴 is now read as 乡村振兴 (the
// follower run's fix), but 咨询一下 and 不好意思 around a topic are not:
// 我想咨询一下遴选, 你好，我想咨询一下遴选 and 咨询一下遴选 get no match (0.24 on
// APEC's 工商咨询理事会) where 遴选 alone has its card, and 不好意思，乡村振兴 (or 不好意思
// 乡村振兴, 不好意思，我想问一下枫桥经验) no match where 乡村振兴 alone lists five.
func TestFollowersCourtesyBeforeATopic(t *testing.T) {
	ix := corpusIndex(t)
	for q, topic := range map[string]string{"我想咨询一下遴选": "遴选", "你好，我想咨询一下遴选": "遴选", "咨询一下遴选": "遴选",
		"不好意思，乡村振兴": "乡村振兴", "不好意思 乡村振兴": "乡村振兴", "打扰了，乡村振兴": "乡村振兴"} {
		alone := shownHits(t, ix, topic)
		if len(alone) == 0 {
			t.Fatalf("%s alone: no answer", topic)
		}
		if shown := shownHits(t, ix, q); len(shown) == 0 {
			t.Errorf("%s: no answer, where %s alone has%s", q, topic, describeHits(alone[:1]))
		}
	}
}

// TestFollowersGoodPracticesOfEachPlace: when 的做法 was a frame (a dish fix, not kept),
// 各地有哪些好的做法 and 各地好的做法 are searched as 各地 好: lists at 0.92–0.99 on
// 各地加快推动"好房子"建设, 六五环境日 各地开展活动保护好生态 and 各地同升一面旗 共祝伟大祖国好,
// matched on 好 alone. Before the fix 各地好的做法 got no match and 各地有哪些好的
// 做法 one weak answer (0.57); the report now counts them answered.
func TestFollowersGoodPracticesOfEachPlace(t *testing.T) {
	ix := corpusIndex(t)
	onGood := map[string]bool{"xwlb-20260506-06": true, "xwlb-20240605-08": true, "xwlb-20251001-04": true}
	for _, q := range []string{"各地有哪些好的做法", "各地好的做法", "各地的好的做法"} {
		for _, h := range shownHits(t, ix, q) {
			if onGood[h.Article.ID] {
				t.Errorf("%s: answered with %s (%s) at %.2f, matched on 好", q, h.Article.ID, h.Article.Title, h.Score)
			}
		}
	}
}

// TestFollowersQuestionAnnouncedLeavesNoStrayWord: when 问题 after 个, 一个,
// 有个 was a request word (a first version of 我有个问题想问一下枫桥经验's fix),
// what the follower said around it was searched alone: 我有个问题不明白 had a card on
// 谁是“林海明白” (明白), 我想反映一个问题 a list on taxes (反映) and 你好，请问可以咨询一个问题吗 a list on
// 咨询委员会 (咨询). Before the change each got no match: 问题 kept the answers'
// confidence under the cut. A follower who only says they have a question
// should get no article.
func TestFollowersQuestionAnnouncedLeavesNoStrayWord(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"我有个问题不明白", "我想反映一个问题", "你好，请问可以咨询一个问题吗"} {
		if shown := shownHits(t, ix, q); len(shown) > 0 {
			t.Errorf("%s: %s", q, describeHits(shown))
		}
	}
}

// TestFollowersWhenMeetingWithShi: a follower run's find. When a
// meeting meets, asked with 是 after its name (两会是什么时候开, 四中全会是什么
// 时候开) as followers say it, is asked of the meeting, as 两会什么时候开 and
// 四中全会什么时候开的 are. With 是 the 开 alone was searched: on the corpus
// 四中全会是什么时候开 got a card at 0.97 on 义乌：从“坐等客来”到“数闯世界”
// (its 开放), and 两会是什么时候开 and 两会是哪天开 a card at 0.40–0.44 on
// 梁云英：发展黄茶产业 推进乡村振兴 … (through serve: 请问两会是什么时候开 too).
func TestFollowersWhenMeetingWithShi(t *testing.T) {
	ix := corpusIndex(t)
	for q, named := range map[string][]string{
		"两会是什么时候开": {"两会"}, "两会是哪天开": {"两会"}, "四中全会是什么时候开": {"四中全会", "第四次全体会议"},
		"两会是每年什么时候开": {"两会"}, "国常会一般是什么时候开": {"国务院常务会议"},
	} {
		shown := shownHits(t, ix, q)
		if len(shown) == 0 {
			continue // no match is no wrong answer
		}
		if !strings.Contains(shown[0].Article.Title, named[0]) && (len(named) < 2 || !strings.Contains(shown[0].Article.Title, named[1])) {
			t.Errorf("%s: first shown is not the meeting's:%s", q, describeHits(shown))
		}
	}
}

// TestCompoundInAnotherOrder: a title holding a compound's words in another
// order holds the compound. On the demo, 结构化面试 (one word of the
// dictionary) scored 0.30 on 遴选面试结构化答题思路与常见题型 and was listed as
// mentioned, "none is about it", where 面试结构化 (two words) got its card at
// 1.00 (a follower run's find). A title holding one of the words only gains
// nothing.
func TestCompoundInAnotherOrder(t *testing.T) {
	demo, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	demo.SetSynonyms(shippedTerms(t))
	for _, q := range []string{"结构化面试", "面试结构化", "结构化面试怎么准备"} {
		shown := shownHits(t, demo, q)
		if len(shown) == 0 || shown[0].Article.ID != "demo-linxuan-mianshi" || shown[0].Score < 0.9 {
			t.Errorf("%s: want the structured interview's article surely first, got %s", q, describeHits(shown))
		}
	}
	ix, err := BuildIndex([]content.Article{
		{ID: "half", Title: "结构化思维的养成", Summary: "从结构化面试谈起", Body: "结构化思维。结构化面试。"},
		{ID: "other", Title: "基层治理的经验", Summary: "枫桥经验", Body: "小事不出村。"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := ix.Search(context.Background(), "结构化面试", 1)
	p := ix.parse("结构化面试")
	if len(p.clauses) != 1 || len(p.clauses[0].parts) != 2 {
		t.Fatalf("结构化面试 parsed as %+v, want one word of two parts", p.clauses)
	}
	if len(got) == 0 || got[0].Article.ID != "half" {
		t.Fatalf("结构化面试: %s", describeHits(got))
	}
	r := ix.reader()
	d, _ := r.v.lookup("half")
	if in := partsInTitle(p.clauses, &r.v.docs[d]); in != 0 {
		t.Errorf("结构化面试: a title holding 结构化 alone counted %.2f of it", in)
	}
}

// TestWhatItSaysWithShi: 讲的是什么 (and 讲的是啥, 讲了啥) asks what a topic
// says, as 讲的什么 does: on the demo 浦江经验讲的是什么 had 0.36, no match,
// where 浦江经验讲的什么 had its card at 1.00.
func TestWhatItSaysWithShi(t *testing.T) {
	demo, err := BuildIndex(content.DemoArticles())
	if err != nil {
		t.Fatal(err)
	}
	demo.SetSynonyms(shippedTerms(t))
	for q, want := range map[string]string{"浦江经验讲的是什么": "demo-pujiang", "枫桥经验讲的是啥": "demo-fengqiao", "浦江经验讲了啥": "demo-pujiang", "枫桥经验说的是什么": "demo-fengqiao"} {
		if shown := shownHits(t, demo, q); len(shown) == 0 || shown[0].Article.ID != want {
			t.Errorf("%s: want %s first, got %s", q, want, describeHits(shown))
		}
	}
}
