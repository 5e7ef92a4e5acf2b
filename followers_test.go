package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestFollowersWeatherAskedWithoutAQuestionWord: the weather asked the way
// followers type it, a place and a day beside 天气 with no 怎么样 or 预报
// after it, is what no article answers (rule outside), as
// 明天北京天气怎么样 is. On the corpus 明天北京天气 and 北京明天天气 got a card on
// 浙闽多举措应对台风 内蒙古等地出现强降雨天气 (2025-07-24), 上海天气 a card on
// 各地积极应对强降雨天气, and 今天天气 a list headed by 中东部雨雪冰冻天气持续.
func TestFollowersWeatherAskedWithoutAQuestionWord(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"明天北京天气", "北京明天天气", "上海天气", "今天天气", "北京今天天气。"} {
		if _, out, _ := try(text); !strings.Contains(out, "这个我答不了") {
			t.Errorf("try %q: want the outside reply (这个我答不了…):\n%s", text, out)
		}
	}
	// Still searched: the weather as a topic.
	for _, text := range []string{"极端天气", "今天的极端天气新闻", "高温天气", "雨雪天气", "沙尘天气", "最近极端天气"} {
		if _, out, _ := try(text); strings.Contains(out, "这个我答不了") {
			t.Errorf("try %q: the outside reply, want it searched:\n%s", text, out)
		}
	}
}

// TestFollowersAnnouncingAQuestionIsNotSearched: followers on phones
// often open with a greeting and say they have a question, then type it
// in the next message (你好，我想问一下 / 老师，请问一下 / 在吗？我想问个问题 /
// 我有个问题). Nothing searchable is in them. On the corpus, with the
// shipped config, 你好，我想问一下, 我想问一下, 老师，请问一下, 请问, 老师 and
// 老师好，我想咨询个问题 got 没有找到相关文章 (the follower has asked nothing
// yet), 在吗？我想问个问题 a list headed 中央和国家机关坚持问题导向… and 我有个问题 a
// list headed 中国外交部发布《关于阿富汗问题的中国立场》: searched for 问题. A
// follower announcing a question wants to be told to go ahead (the
// greeting's 发送关键词即可搜索…, or a person for 咨询), never that nothing was
// found, nor articles on 问题.
func TestFollowersAnnouncingAQuestionIsNotSearched(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"你好，我想问一下", "我想问一下", "老师，请问一下", "请问", "老师", "在吗？我想问个问题", "我有个问题",
		"你好，有个问题", "老师好，我想咨询个问题"} {
		_, out, _ := try(text)
		if strings.Contains(out, "没有找到相关文章") || strings.Contains(out, "<a href") || strings.Contains(out, "→ http") {
			t.Errorf("try %q: a question announced, nothing asked yet: want the greeting (or a person), not no match or articles:\n%s", text, out)
		}
	}
	// Announced and asked in one message, the question is answered (我有个
	// 问题想问一下枫桥经验 got no match: 问题 was searched with it).
	for _, text := range []string{"我有个问题想问一下枫桥经验", "有个问题想请教一下枫桥经验"} {
		if _, out, _ := try(text); !strings.Contains(out, "枫桥经验") || strings.Contains(out, "没有找到相关文章") {
			t.Errorf("try %q: want 枫桥经验's article:\n%s", text, out)
		}
	}
}

// TestFollowersDailyReadingIsTheAnswerAskedOf: the day's reading
// (每日一读) is a card like a search's, and the follow-ups README lists for
// "the answer" — its date (这是哪天的), what it says (讲了什么), more of it
// (全文, 原文链接) — are asked of it. On the corpus, after 每日一读's card,
// 这是哪天的 and 讲了什么 got 请先发送想查的主题（例如「国常会」），找到文章后再问…
// (the follower had just been shown an article), 全文 a list of three
// articles on 新华社受权全文播发…, and 原文链接 then 回复序号（1 到 3）打开对应文章 of that
// list.
func TestFollowersDailyReadingIsTheAnswerAskedOf(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	link := regexp.MustCompile(`→ (\S+)`)
	for i, follow := range []string{"这是哪天的", "讲了什么", "全文", "原文链接"} {
		from := fmt.Sprint("o_reading_", i)
		card := say(from, "每日一读")
		m := link.FindStringSubmatch(card)
		if m == nil {
			t.Fatalf("每日一读: no card:\n%s", card)
		}
		out := say(from, follow)
		if strings.Contains(out, "请先发送想查的主题") || strings.Contains(out, "<a href") || strings.Contains(out, "回复序号") {
			t.Errorf("每日一读 (%s), then %s: want it asked of the reading shown, got:\n%s", m[1], follow, out)
		}
		if (follow == "全文" || follow == "原文链接") && !strings.Contains(out, m[1]) {
			t.Errorf("每日一读, then %s: want the reading's card again (%s), got:\n%s", follow, m[1], out)
		}
	}
}

// TestFollowersRejectingAListIsNoNoMatch: a list shown, the follower
// says it is no use the way followers type it (都不对, 这些都不对, 错了, 没用,
// 没有用). README: 不是这个, 不对, 都不是… say what was shown is not what was
// asked and, with a list open, get the question's next articles. On the
// corpus, after 基层治理's list, 不是我想要的 and 不相关 got the next articles,
// but 都不对, 这些都不对, 错了, 没用 and 没有用 got 没有找到相关文章。…: the bot
// denies having found the five articles it just listed.
func TestFollowersRejectingAListIsNoNoMatch(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, reject := range []string{"都不对", "这些都不对", "错了", "没用", "没有用"} {
		from := fmt.Sprint("o_reject_", i)
		if list := say(from, "基层治理"); !strings.Contains(list, "2. <a href") {
			t.Fatalf("基层治理: no list:\n%s", list)
		}
		if out := say(from, reject); strings.Contains(out, "没有找到相关文章") {
			t.Errorf("基层治理's list, then %s: want the question's next articles (or that it has no more), not no match:\n%s", reject, out)
		}
	}
}

// TestFollowersAnnouncingAQuestionInOtherWords: the follower run's fix (rule
// question-announced) answers 你好，我想问一下, 老师，请问一下, 我有个问题 and many
// more with 请讲！…. Opened with an apology or "sorry to bother" (不好意思，我想问一下;
// 打扰一下; 打扰了，我想问一下), or asked as 我有疑问, 我想问个事儿, 我有点事想咨询, the
// message still gets 没有找到相关文章 on the corpus (and on the demo store): the
// bot says it found nothing before anything was asked.
func TestFollowersAnnouncingAQuestionInOtherWords(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"不好意思，我想问一下", "打扰一下", "打扰了，我想问一下", "打扰一下，请问", "我有疑问", "我想问个事儿", "我有点事想咨询"} {
		_, out, _ := try(text)
		if strings.Contains(out, "没有找到相关文章") || strings.Contains(out, "<a href") || strings.Contains(out, "→ http") {
			t.Errorf("try %q: a question announced, nothing asked yet: want 请讲 (or the greeting, or a person), not no match or articles:\n%s", text, out)
		}
	}
}

// TestFollowersRejectingAListInOtherWords: the follower run's fix takes 都不对,
// 这些都不对, 错了, 没用, 没有用 (and 都不对。 啊 呢 哦, voice's 。) after a list as a
// rejection: the question's next articles. Said a little otherwise — 都没有用,
// 这些都没用, 没啥用, 搞错了, 弄错了, 全错了, 全不对, 不太对, 都不相关 — they still get
// 没有找到相关文章 right after the list on the corpus (都不相关 a card on 丹麦格陵兰岛
// …都不接受…). (没什么用 is the about rule's: a complaint of the bot.)
func TestFollowersRejectingAListInOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, reject := range []string{"都没有用", "这些都没用", "没啥用", "搞错了", "弄错了", "全错了", "全不对", "不太对", "都不相关"} {
		from := fmt.Sprint("o_reject34_", i)
		if list := say(from, "基层治理"); !strings.Contains(list, "2. <a href") {
			t.Fatalf("基层治理: no list:\n%s", list)
		}
		out := say(from, reject)
		if strings.Contains(out, "没有找到相关文章") || strings.Contains(out, "自动回复助手") || strings.HasPrefix(out, "[图文]") {
			t.Errorf("基层治理's list, then %s: want the question's next articles (or that it has no more), as 都不对 gets:\n%s", reject, out)
		}
	}
}

// TestFollowersPushTimeWrittenAsATemplate: the operator run's fix refuses
// {push_tme}, {push_time }, ｛push_time｝, {pushtime}, {PUSH_TIME}. Written as
// template languages write a mark ({{push_time}}: Jinja, Go templates,
// Handlebars), or with its letters swapped ({psuh_time}), or its brace
// left open ({push_time), `check` passes it (exit 0, nothing on stderr) and
// followers are sent 每日一读每天{早上7:30}推送给你 (the braces around the time),
// 每天{psuh_time}推送 and 每天{push_time推送.
func TestFollowersPushTimeWrittenAsATemplate(t *testing.T) {
	dir := t.TempDir()
	for i, mark := range []string{"{{push_time}}", "{psuh_time}", "{push_time"} {
		path := filepath.Join(dir, fmt.Sprintf("c%d.yaml", i))
		text := "replies:\n  no_match: 没有找到相关文章。\n  subscribe: 欢迎关注！每天" + mark + "推送每日一读。\n"
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCmd(t, "check", "--config", path)
		if code == 0 || !strings.Contains(errOut, mark) {
			t.Errorf("check of a welcome with %s: exit %d, nothing said of it:\n%s", mark, code, errOut)
		}
	}
}

// TestFollowersReadingsQuestionsAreNoListChoices: since the follower run's fix,
// 这是哪天的, 讲了什么 and 全文 after 每日一读 are asked of the reading's card, and
// each is logged as a follow-up with no question and item 0: mpbot report's
// "List choices" (which item followers picked for which question) then
// leads with `110× "" → item 0 (doc-0513678d)` on the corpus after a day of
// followers asking of the reading (the build before the fix had 17 such
// rows' worth, from 昨天的每日一读's card). The reading is what most followers
// open, so this line would head the section every day; it names no question
// and no item.
func TestFollowersReadingsQuestionsAreNoListChoices(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	base, stop := startServe(t, cfg, &syncBuffer{})
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	// Of a search's card and a list's articles too (a later follower run's
	// find: nine of the corpus report's first ten choices were such rows,
	// two of them `2× "" → item 0 ()`, no question and no article).
	reading := []string{"每日一读", "这是哪天的", "讲了什么", "全文"}
	for i, conv := range [][]string{reading, reading, reading, {"新质生产力", "这篇讲的什么", "原文", "这是哪天的"}, {"基层治理", "这些是哪天的"}} {
		from := fmt.Sprint("o_reader34_", i)
		for _, text := range conv {
			msg++
			if _, err := sim.Send(context.Background(), wechat.Inbound{From: from, MsgType: "text", Content: text, MsgID: msg, CreateTime: time.Now().Unix()}); err != nil {
				t.Fatal(err)
			}
		}
	}
	stop()
	code, out, errOut := runCmd(t, "report", "--config", cfg)
	if code != 0 {
		t.Fatalf("report: %d %s", code, errOut)
	}
	choices := out[strings.Index(out, "## List choices"):]
	choices = choices[:strings.Index(choices[3:], "## ")+3]
	if strings.Contains(choices, `"" → item 0`) {
		t.Errorf("questions asked of the daily reading's or a search's card, or of a list, are listed as choices of no question, item 0:\n%s", choices)
	}
}

// TestFollowersAnnouncingAQuestionPolitely: a question announced the way
// followers type it politely (我想问个问题可以吗, 打扰一下，想问个问题, 不好意思，请问一下,
// 麻烦问一下, 你好，请问可以咨询一个问题吗) asks nothing yet, as 我有个问题 does
// (README: rule question-announced, 请讲！…). The shipped pattern takes no
// 可以吗 after the announcement and no 打扰一下, 不好意思 or 麻烦 before it: on
// the corpus 我想问个问题可以吗 and 打扰一下，想问个问题 got a list headed
// 中国外交部发布《关于阿富汗问题的中国立场》 (the 问题 articles the rule was written
// against), 你好，请问可以咨询一个问题吗 a list on 咨询委员会 (no match before this
// change), and the others 没有找到相关文章.
func TestFollowersAnnouncingAQuestionPolitely(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"我想问个问题可以吗", "打扰一下，想问个问题", "不好意思，请问一下", "麻烦问一下", "你好，请问可以咨询一个问题吗"} {
		_, out, _ := try(text)
		if strings.Contains(out, "没有找到相关文章") || strings.Contains(out, "<a href") || strings.Contains(out, "→ http") {
			t.Errorf("try %q: a question announced, nothing asked yet: want 请讲 (or the greeting), not no match or articles:\n%s", text, out)
		}
	}
}

// TestDoubledPushTimeBracesAreSaid: {{push_time}}, the mark as template
// languages (Jinja, Handlebars, Go's text/template) write it, passes
// `check` without a word, and followers read the braces around the time:
// 每天{早上7:30}推送. The misspelt-mark check (pushTimeMisspelt) looks for a
// brace then push, so the outer brace is never seen.
func TestDoubledPushTimeBracesAreSaid(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	text := "replies:\n  no_match: 没有找到相关文章。\n  subscribe: 欢迎关注！每天{{push_time}}推送每日一读。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "check", "--config", path)
	if code == 0 || !strings.Contains(errOut, "{{push_time}}") {
		t.Errorf("check of a welcome with {{push_time}}: exit %d, nothing said of it:\n%s", code, errOut)
	}
}

// TestFollowersWhichFirstIsAnExamQuestion: a newcomer on the demo store asks
// which exam part to study first the way followers type it (申论应该先看哪个,
// 申论和案例分析先复习哪个) and gets 没有找到相关文章, while 申论怎么复习,
// 案例分析怎么复习 and 申论和案例分析哪个重要 get the demo's card
// 公务员遴选笔试题型分析：案例分析、公文写作与申论 — the one article written for
// them. The words of asking 应该先看哪个 / 先复习哪个 sink the topic. A long
// question holding them (老师您好，我今年打算参加省直机关的公开遴选考试，…申论和案例分析应该先看哪个？)
// got no match too.
func TestFollowersWhichFirstIsAnExamQuestion(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"申论应该先看哪个", "案例分析应该先看哪个", "申论和案例分析先复习哪个",
		"老师您好，我今年打算参加省直机关的公开遴选考试，但是工作比较忙，想请问一下应该怎么安排复习计划，申论和案例分析应该先看哪个？"} {
		if _, out, _ := try(text); !strings.Contains(out, "mpbot-demo/linxuan-bishi") {
			t.Errorf("try %q: want the demo's 遴选笔试题型分析 article, got:\n%s", text, out)
		}
	}
}

// TestFollowersPlatformQuestionsAreHandedOff (an operator run's find): the
// account's own business asked as followers ask it got confident cards of
// the news, and so never reached the report's unanswered topics:
// 报名费怎么交 (28×) a card on 广交会's 报名, 准考证怎么打印 one on 3D printing,
// 直播课几点开始 one on 天宫课堂, 怎么申请退款 US tariff refunds, 考场安排在哪里查
// the gaokao. They are the shipped hand-off rule's, as 课程多少钱 is; the
// topics beside them (直播带货, 直播经济) are searched.
func TestFollowersPlatformQuestionsAreHandedOff(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"报名费怎么交", "报名费多少钱", "准考证怎么打印", "直播课几点开始", "今晚直播课回放", "怎么申请退款", "考场安排在哪里查", "今晚的直播课什么时候开始？"} {
		if _, out, _ := try(text); !strings.Contains(out, "转人工") {
			t.Errorf("try %q: want the hand-off to a person, got:\n%s", text, out)
		}
	}
	for _, text := range []string{"直播带货", "直播经济"} {
		if _, out, _ := try(text); strings.Contains(out, "转人工") {
			t.Errorf("try %q: a topic, handed off:\n%s", text, out)
		}
	}
}

// TestSubscribeWhileTheStoreRefusesKeepsItsTime (a fleet run's find): a follower who
// subscribes while the store refuses writes (PostgreSQL down) is recorded
// once the store is back, but without the time they followed: subscribed_at
// stays 0, so `mpbot followers stats` does not count them among the day's new
// followers (the report's subscriptions do), and a past day's push (`mpbot push
// --date` of a day before they followed) counts them a follower all along.
// Seen on a PostgreSQL fleet with the store behind a stopped TCP proxy:
// o_x59_p2 | subscribed 1 | subscribed_at 0.
func TestSubscribeWhileTheStoreRefusesKeepsItsTime(t *testing.T) {
	dir := t.TempDir()
	a, _, sim := replicaIn(t, dir)
	back := followersAway(t, dir)
	at := time.Now().Unix()
	if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_new", MsgType: "event", Event: "subscribe", EventKey: "qrscene_spring", CreateTime: at}); err != nil {
		t.Fatal(err)
	}
	back()
	waitFor(t, func() bool {
		f, err := a.store.GetFollower(context.Background(), "o_new")
		return err == nil && f.Subscribed
	}, "the follower who subscribed during the outage recorded")
	f, _ := a.store.GetFollower(context.Background(), "o_new")
	if f.SubscribedAt.IsZero() || f.SubscribedAt.Unix() < at-1 {
		t.Errorf("follower recorded after the outage with subscribed_at %v, want about %v (the subscribe event's time)", f.SubscribedAt, time.Unix(at, 0))
	}
	if f.Scene != "spring" {
		t.Errorf("scene %q, want the channel's, spring", f.Scene)
	}
}
