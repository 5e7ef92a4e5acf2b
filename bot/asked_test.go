package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"mpbot/content"
)

// Questions asked of the answer before, and the newest asked otherwise:
// a follower re-check run's finds, each test saying what it had got.

// TestRecentVisitAskedOfAPerson: 最近去哪调研了 after a person's list is
// that person's newest visits, as 李强最近去哪调研了 is (李强, then
// 最近去哪调研了, searched 「李强 最近去哪调研了」 with 最近 as a word to find,
// and listed an article saying 最近 above the person's visits).
func TestRecentVisitAskedOfAPerson(t *testing.T) {
	arts := []content.Article{
		{ID: "js", Title: "李强在江苏调研", URL: "https://example.com/js", PublishedOn: "2025-06-18", Summary: "国务院总理李强6月16日至18日在江苏调研。"},
		{ID: "gx", Title: "李强在广西调研", URL: "https://example.com/gx", PublishedOn: "2026-05-01", Summary: "国务院总理李强4月29日至5月1日在广西调研。"},
		{ID: "ts", Title: "李强在河北唐山调研慰问", URL: "https://example.com/ts", PublishedOn: "2026-07-28", Summary: "国务院总理李强7月27日至28日在河北唐山调研慰问。"},
		{ID: "hl", Title: "李强会见荷兰首相", URL: "https://example.com/hl", PublishedOn: "2026-08-01", Summary: "国务院总理李强在人民大会堂会见荷兰首相。"},
		{ID: "wj", Title: "“五金”小镇的“氢”装出发", URL: "https://example.com/wj", PublishedOn: "2023-05-14", Summary: "这里以五金闻名，然而，最近它却因为氢能而引发了关注。"},
		{ID: "ah", Title: "安徽外贸增速加快的背后", URL: "https://example.com/ah", PublishedOn: "2024-08-28", Summary: "来看记者的一线调研。货车一辆辆驶入，查检平台24小时作业。"},
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	const want = "https://example.com/ts" // 李强's newest visit
	if got := firstShown(ask("李强最近去哪调研了")); got != want {
		t.Fatalf("李强最近去哪调研了: %s first, want %s", got, want)
	}
	ask("李强")
	if r := ask("最近去哪调研了"); firstShown(r) != want {
		t.Errorf("李强, then 最近去哪调研了: %s first, want %s (李强's newest visit):\n%s", firstShown(r), want, r.Text)
	}
	// After one of the list opened (an older visit), the same: the card
	// opened is no answer to where he went lately.
	ask("李强")
	if opened := ask("第三个"); opened.Card == nil || opened.Card.URL == want {
		t.Fatalf("李强, then 第三个: %+v", opened)
	}
	if r := ask("最近去哪调研了"); firstShown(r) != want {
		t.Errorf("李强, 第三个, then 最近去哪调研了: %s first, want %s (李强's newest visit)", firstShown(r), want)
	}
}

// TestLaunchAskedAfterAnotherCardOfTheTopic: 什么时候发射的 after a card
// of the topic that is not its launch (the crew's return, opened from the
// topic's list) is the launch's, not that card again (神舟二十一号, 2, then
// 什么时候发射的, got the card on the return capsule's landing again).
func TestLaunchAskedAfterAnotherCardOfTheTopic(t *testing.T) {
	arts := []content.Article{
		{ID: "launch", Title: "神舟二十一号载人飞船发射取得圆满成功", URL: "https://example.com/launch", PublishedOn: "2025-11-01", Summary: "10月31日23时44分，搭载神舟二十一号载人飞船的长征二号F遥二十一运载火箭发射。"},
		{ID: "back", Title: "神舟二十一号飞行乘组返回任务圆满成功", URL: "https://example.com/back", PublishedOn: "2026-05-30", Summary: "神舟二十一号航天员乘组在东风着陆场成功着陆。"},
		{ID: "orbit", Title: "神舟二十一号乘组在轨六个月 各项任务有序推进", URL: "https://example.com/orbit", PublishedOn: "2026-05-03", Summary: "神舟二十一号乘组在中国空间站迎来了五一国际劳动节。"},
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	const want = "https://example.com/launch"
	if got := firstShown(ask("神舟二十一号什么时候发射的")); got != want {
		t.Fatalf("神舟二十一号什么时候发射的: %s first, want %s", got, want)
	}
	list := ask("神舟二十一号")
	var back string
	for i, u := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(list.Text, -1) {
		if u[1] == "https://example.com/back" {
			back = strconv.Itoa(i + 1)
		}
	}
	if back == "" {
		t.Fatalf("神舟二十一号: no list with the return:\n%s", list.Text)
	}
	if r := ask(back); r.Card == nil || r.Card.URL != "https://example.com/back" {
		t.Fatalf("%s: %+v", back, r)
	}
	if r := ask("什么时候发射的"); firstShown(r) != want {
		t.Errorf("神舟二十一号, %s (the return), then 什么时候发射的: %s first, want the launch %s", back, firstShown(r), want)
	}
}

// TestLatestOfTopicAskedInOtherWords: the newest of the topic answered
// before, asked in other words than 最近一次是哪天 (a follower re-check's
// finds: 政治局会议, then 最近一次是几号开的 or 最近一次讲了什么, got a card on
// a volcano whose last eruption its text dates, 最近的一次是哪天 a list
// headed by it, 最新一次是哪天 and 最近一次是几月几号 no match).
func TestLatestOfTopicAskedInOtherWords(t *testing.T) {
	ask := asker(t, newDemoBot(t, catalogOf(meetingsOf2026()), NewMemoryFollowUps()))
	const newest = "https://example.com/m7"
	ask("政治局会议")
	if got := firstShown(ask("最近一次是哪天")); got != newest {
		t.Fatalf("政治局会议, then 最近一次是哪天: %s first, want %s", got, newest)
	}
	for _, then := range []string{"最近一次是几号开的", "最近的一次是哪天", "最新一次是哪天", "最近一次是几月几号", "最近一次讲了什么"} {
		ask("政治局会议")
		if r := ask(then); firstShown(r) != newest {
			t.Errorf("政治局会议, then %s: %s first, want the newest meeting %s:\n%s", then, firstShown(r), newest, r.Text)
		}
	}
}

// meetingsOf2026 are three Politburo meetings and an article whose text
// dates a volcano's last eruption (最近一次).
func meetingsOf2026() []content.Article {
	return []content.Article{
		{ID: "m4", Title: "中共中央政治局召开会议 分析研究当前经济形势和经济工作", URL: "https://example.com/m4", PublishedOn: "2026-04-28", Summary: "中共中央政治局4月28日召开会议，分析研究当前经济形势和经济工作。"},
		{ID: "m6", Title: "中共中央政治局召开会议 研究部署防汛抗旱工作", URL: "https://example.com/m6", PublishedOn: "2026-06-30", Summary: "中共中央政治局6月30日召开会议，研究部署防汛抗旱工作。"},
		{ID: "m7", Title: "中共中央政治局召开会议 决定召开二十届五中全会", URL: "https://example.com/m7", PublishedOn: "2026-07-30", Summary: "中共中央政治局7月30日召开会议，决定今年10月在北京召开二十届五中全会。"},
		{ID: "m2", Title: "中共中央政治局召开会议 研究部署经济工作", URL: "https://example.com/m2", PublishedOn: "2024-12-09", Summary: "中共中央政治局12月9日召开会议，分析研究经济工作，研究部署经济工作。"},
		{ID: "hs", Title: "世界最大活火山38年来首次喷发", URL: "https://example.com/hs", PublishedOn: "2022-11-29", Summary: "夏威夷冒纳罗亚火山当地时间27日晚开始喷发。冒纳罗亚火山最近一次喷发是在1984年。"},
	}
}

// TestThenWhatAndMoreAfterAList: 然后呢，还有吗。 after a list asks for
// more, as 还有吗 and 然后还有吗 do (with 然后呢 kept as a question, the
// whole message was searched and got no match).
func TestThenWhatAndMoreAfterAList(t *testing.T) {
	voice := voiceAsker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	voice("基层治理。")
	more := voice("还有吗。")
	if strings.Contains(more.Text, "没有找到相关文章") {
		t.Fatalf("还有吗。 after 基层治理。: %+v", more)
	}
	for _, text := range []string{"然后还有吗。", "然后呢，还有吗。", "然后呢？还有别的吗。"} {
		voice("基层治理。")
		if got := voice(text); got.Text != more.Text {
			t.Errorf("基层治理。 then %s: got %q; want %q", text, got.Text, more.Text)
		}
	}
}

// TestNewestAskedWithSomeOrAll: 些 and 都 in the question of the newest
// (国常会最近开了些啥, 最近国常会都开了啥) leave the topic as 国常会最近开了啥
// does (国常会最近开了些啥 and 国常会最近开了些什么 got a card on
// 2024-12-06's meeting, 政治局会议最近开了些啥 one on 2025-08-29's;
// 最近国常会都开了啥 was headed 「国常会都」).
func TestNewestAskedWithSomeOrAll(t *testing.T) {
	for text, want := range map[string]string{
		"国常会最近开了啥": "国常会", "国常会最近开了些啥": "国常会", "国常会最近开了些什么": "国常会", "政治局会议最近开了些啥": "政治局会议",
		"最近国常会都开了啥": "国常会", "国常会最近都开了什么会": "国常会",
	} {
		if got, ok := recentTopic(Bare(text)); !ok || got != want {
			t.Errorf("recentTopic(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	ask := asker(t, newDemoBot(t, catalogOf(meetingsOf2026()), NewMemoryFollowUps()))
	if r := ask("政治局会议最近开了些啥"); firstShown(r) != "https://example.com/m7" {
		t.Errorf("政治局会议最近开了些啥: %s first, want the newest meeting https://example.com/m7", firstShown(r))
	}
}

// TestNewestAskedAfterARequest: the newest asked after a request to send
// or see it, or after 请问 and a demonstrative, is the topic's newest, headed
// by the topic (a follower run's finds: 请问那个政治局会议最近开了啥 no
// match; 我要看最新的国常会 headed 「我要看的国常会」; 能发一下最新的国常会吗 a
// card on June's meeting).
func TestNewestAskedAfterARequest(t *testing.T) {
	ask := asker(t, newDemoBot(t, catalogOf(meetingsOf2026()), NewMemoryFollowUps()))
	for _, text := range []string{"请问那个政治局会议最近开了啥", "请问这个政治局会议最近开了啥", "我要看最新的政治局会议", "能发一下最新的政治局会议吗",
		"可以发一下最近的政治局会议吗", "给我发一下最新的政治局会议"} {
		r := ask(text)
		if firstShown(r) != "https://example.com/m7" || r.Type == ReplyText && !strings.HasPrefix(r.Text, "「政治局会议」") {
			t.Errorf("%s: %s first (%.40q); want the newest meeting https://example.com/m7 under 「政治局会议」", text, firstShown(r), r.Text)
		}
	}
}

// TestRecentlyOfTheFollower: 最近 in what the follower says they are doing
// is no newest asked (a follower run's find: 我最近在准备遴选，有没有共同富裕
// 的文章 headed its list 「我在准备遴选,有没有共同富裕」); the topic asked for
// after the recency word heads the newest (「新质生产力有没有相关」).
func TestRecentlyOfTheFollower(t *testing.T) {
	ask := asker(t, newDemoBot(t, catalogOf(prosperityArticles()), NewMemoryFollowUps()))
	for _, text := range []string{"我最近在准备遴选，有没有共同富裕的文章", "最近在备考，有没有共同富裕的文章", "我最近一直在学习，想找共同富裕的文章"} {
		r := ask(text)
		if !strings.HasPrefix(firstShown(r), "https://example.com/gf") || strings.Contains(r.Text, "」最新的文章") {
			t.Errorf("%s: %s first, %.40q; want the 共同富裕 articles, no newest list", text, firstShown(r), r.Text)
		}
	}
	for _, text := range []string{"最近共同富裕有没有相关的文章", "嗯，那个，就是我想问一下，就是最近那个共同富裕，然后就是有没有相关的文章。"} {
		if r := ask(text); !strings.HasPrefix(r.Text, "「共同富裕」最新的文章：") {
			t.Errorf("%s: %.60q; want the newest under 「共同富裕」", text, r.Text)
		}
	}
	if !ownRecently("我最近在准备遴选，有没有") || ownRecently("总书记最近在哪考察了，有吗") || ownRecently("老师们最近在学什么") {
		t.Error("ownRecently: the follower's doing, or a question of where or what")
	}
}

// TestWhyBeforeTheRequest: what the follower says of themselves or their
// task before asking (我在学习，…; 我们支部要开组织生活会，…; a few sentences
// of it) leaves the request what it asks alone (a follower run's find: each
// no match, where the request alone lists the topic's articles).
func TestWhyBeforeTheRequest(t *testing.T) {
	ask := asker(t, newDemoBot(t, catalogOf(prosperityArticles()), NewMemoryFollowUps()))
	for _, text := range []string{
		"我在学习，想找一下共同富裕的文章",
		"我们单位最近也在搞一些学习活动，领导让我写一篇心得体会，我不知道从哪里下手，想找一些权威的材料参考一下。所以我想问一下，有没有关于共同富裕的文章，谢谢老师！",
		// Longer than the search reads before the request (900 characters).
		strings.Repeat("我们单位最近在搞学习活动，领导让我写一篇心得体会，", 36) + "所以我想问一下，有没有关于共同富裕的文章，谢谢老师！",
	} {
		if r := ask(text); !strings.HasPrefix(firstShown(r), "https://example.com/gf") {
			t.Errorf("%s: %s first, want a 共同富裕 article", text, firstShown(r))
		}
	}
}

// prosperityArticles are three articles on 共同富裕, gf0 to gf2 by date.
func prosperityArticles() []content.Article {
	var arts []content.Article
	for i, day := range []string{"2026-05-06", "2026-07-20", "2026-08-13"} {
		arts = append(arts, content.Article{ID: fmt.Sprint("gf", i), Title: "扎实推进共同富裕", URL: fmt.Sprintf("https://example.com/gf%d", i),
			PublishedOn: day, Summary: "共同富裕是社会主义的本质要求。"})
	}
	return arts
}

// TestDecisiveSignificance (a follower run's find): 的决定性意义 after a topic is asked as 的意义
// is (深刻领悟"两个确立"的决定性意义, the phrase every study guide uses): on
// the corpus 两个确立的意义 lists the articles mentioning 两个确立, and 两个
// 确立的决定性意义 and 深刻领悟两个确立的决定性意义 got the no-match reply.
func TestDecisiveSignificance(t *testing.T) {
	var arts []content.Article
	for i, day := range []string{"2022-10-18", "2023-05-19", "2026-06-10"} {
		arts = append(arts, content.Article{ID: fmt.Sprint("lq", i), Title: "二十大代表继续分组讨论", URL: fmt.Sprintf("https://example.com/lq%d", i),
			PublishedOn: day, Summary: "代表们表示将认真学习贯彻。", Body: "大家表示，一定要深刻领悟“两个确立”的决定性意义，做到“两个维护”。"})
	}
	for i, day := range []string{"2024-01-02", "2024-02-03", "2024-03-04"} {
		arts = append(arts, content.Article{ID: fmt.Sprint("o", i), Title: "各地推进高质量发展", URL: fmt.Sprintf("https://example.com/o%d", i),
			PublishedOn: day, Summary: "各地扎实推进高质量发展。", Body: "具有重要意义。"})
	}
	ask := asker(t, newDemoBot(t, catalogOf(arts), NewMemoryFollowUps()))
	if r := ask("两个确立的意义"); !strings.HasPrefix(firstShown(r), "https://example.com/lq") {
		t.Fatalf("两个确立的意义: %s", r.Text)
	}
	for _, text := range []string{"两个确立的决定性意义", "深刻领悟两个确立的决定性意义"} {
		if r := ask(text); !strings.HasPrefix(firstShown(r), "https://example.com/lq") {
			t.Errorf("%s: %s first, want the articles mentioning 两个确立", text, firstShown(r))
		}
	}
}
