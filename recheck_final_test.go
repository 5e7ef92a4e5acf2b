package main

import (
	"strings"
	"testing"

	"mpbot/bot"
)

// A last re-check (xy10) of f0ce3ae and bf9c73c as followers use them,
// against 08843c3, 93fa3ca and 1148ea4 (the parent of f0ce3ae).

// TestRecheck3YouStopItIsAStop: the reading asked stopped of the account, 你们把推送
// 关掉 ("turn the push off", an order: 关掉 with no 了) and 你们把推送停一下
// ("pause it"), unsubscribed at 08843c3 and 1148ea4; bf9c73c's saidOfOthers
// (你们…把, with no 请/吧/帮我把…掉) reads them as a statement of what the
// account did: no match, still subscribed. Only …关了 (done) says what
// someone did.
func TestRecheck3YouStopItIsAStop(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	voice := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	for i, text := range []string{"你们把推送关掉", "你把推送关掉", "你们把每日一读关掉", "你把每日一读关掉", "你们把推送停掉",
		"你们把推送关掉！", "你们把推送停一下", "你们把每日一读停一下", "你们把推送暂停一下"} {
		if out := say("o_xy10_you_"+string(rune('a'+i)), text); !strings.Contains(out, "已退订") {
			t.Errorf("%q: want 已退订 (08843c3: 已退订每日一读), got:\n%s", text, out)
		}
	}
	if out := voice("o_xy10_you_v", "嗯，你们把推送关掉。"); !strings.Contains(out, "已退订") {
		t.Errorf("voice 嗯，你们把推送关掉。: want 已退订 (08843c3: 已退订每日一读), got:\n%s", out)
	}
}

// TestRecheck3SelfDoneIsNoStop: 推送被我关了 ("the push was turned off by me") is
// no stop by design (bf9c73c), but the same said actively, 我把推送取消了 /
// 我把推送关了 ("I turned the push off"), unsubscribes at HEAD (08843c3: no
// match, still subscribed; 1148ea4 too for 我把推送取消了).
func TestRecheck3SelfDoneIsNoStop(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"我把推送取消了", "我把推送关了"} {
		if out := say("o_xy10_self_"+string(rune('a'+i)), text); strings.Contains(out, "已退订") {
			t.Errorf("%q (as 推送被我关了, a statement) unsubscribed:\n%s", text, out)
		}
	}
}

// TestRecheck3ExamPartAskedKeepsIt: bf9c73c's fillers 面试考吗, 申论考吗, 笔试考吗 drop
// the exam's part the follower asks about: 面试考吗 alone gets no match, and
// 遴选面试考吗 lists both exam articles, where 08843c3 and 1148ea4 gave the
// interview's card (笔试, 申论 likewise the written test's).
func TestRecheck3ExamPartAskedKeepsIt(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range []struct{ text, want string }{
		{"面试考吗", "linxuan-mianshi"}, {"申论考吗", "linxuan-bishi"}, {"笔试考吗", "linxuan-bishi"},
		{"遴选面试考吗", "linxuan-mianshi"}, {"遴选笔试考吗", "linxuan-bishi"}, {"遴选申论考吗", "linxuan-bishi"},
		{"遴选考试面试考吗", "linxuan-mianshi"},
	} {
		out := say("o_xy10_exam_"+string(rune('a'+i)), c.text)
		if !strings.HasPrefix(out, "[图文]") || !strings.Contains(out, c.want) {
			t.Errorf("%q: want the card of %s (08843c3 had it), got:\n%s", c.text, c.want, out)
		}
	}
	// 遴选会考吗 ("is it in the 遴选 exam"): 08843c3 listed the two exam
	// articles; HEAD: no match.
	if out := say("o_xy10_exam_z", "遴选会考吗"); strings.Contains(out, "没有找到相关文章") {
		t.Errorf("遴选会考吗: want the exam articles (08843c3: 找到 2 篇相关文章), got:\n%s", out)
	}
}

// TestRecheck3NumberedTopicsOfOneArticleKeepCard: ①党建引领②基层治理, two topics of
// one article, got its card at 08843c3 and 1148ea4; bf9c73c answers each
// topic and lists that one article alone under 你的2个问题 (问题1、2：党建引领),
// a list of one to pick from.
func TestRecheck3NumberedTopicsOfOneArticleKeepCard(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	out := say("o_xy10_one", "①党建引领②基层治理")
	if !strings.HasPrefix(out, "[图文]") || !strings.Contains(out, "mpbot-demo/jiceng") {
		t.Errorf("①党建引领②基层治理: want the card of 基层治理现代化 (08843c3), got:\n%s", out)
	}
}

// TestRecheck3NumberedReadListIsNoQuestions: a follower listing what they have
// read (读过：…, 我已经看了：…，还有推荐的吗) is answered "你的3个问题，找到的
// 文章" with exactly the articles they say they read: the list is taken for
// questions (no 我, no …了 in a part, and 读过/看了/已读 is no case ahead).
func TestRecheck3NumberedReadListIsNoQuestions(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"读过：1、两个确立 2、八八战略 3、千万工程", "我已经看了：1.枫桥经验 2.浦江经验 3.四下基层，还有推荐的吗",
		"已读：①千万工程②八八战略", "这几篇都看过了：1.新质生产力 2.共同富裕 3.中国式现代化"} {
		if out := say("o_xy10_read_"+string(rune('a'+i)), text); strings.Contains(out, "个问题") {
			t.Errorf("%q: the articles read are no questions, got:\n%s", text, out)
		}
	}
}
