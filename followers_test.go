package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
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
