package main

import (
	"fmt"
	"strings"
	"testing"
)

// A voice follower run (xy21): messages as WeChat's speech recognition
// writes them, sent over the signed webhook with cardSender(kind "voice").
// Each test failed at d5b0f80; the cases left alone were taken out and are
// in the session's note.

const voiceRunNoMatch = "没有找到相关文章"

func voiceRunID(test string, i int) string { return fmt.Sprintf("o_vrun_%s_%02d", test, i) }

// TestVoiceRequestBeforeItsReasonFinds: a request with its reason run on
// after it (no comma, as voice writes it) gets the no-match text, where the
// request alone finds the demo article at once. The no-match text even
// suggests sending 「枫桥经验」, which the follower had just said.
func TestVoiceRequestBeforeItsReasonFinds(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ text, want string }{
		{"嗯我想了解一下枫桥经验因为我们单位要写材料。", "枫桥经验"},
		{"以人民为中心的发展思想怎么理解啊我看不太懂。", "以人民为中心"},
		{"申论怎么准备啊我完全不会写。", "申论"},
		{"帮我找一下关于信访的文章我们要开会用。", "信访"},
		{"老师我想请教一下就是那个遴选面试里面的应急应变题应该怎么答我每次都答不好。", "遴选面试"},
		{"临选考试难不难啊我是基层的。", "遴选"},
		{"两会的热词有哪些啊我想写到申论里面。", "两会热词"},
		{"新质生产力怎么写进申论。", "新质生产力"},
	} {
		out := send(voiceRunID("reason", i), "voice", c.text)
		if strings.Contains(out, voiceRunNoMatch) || !strings.Contains(out, c.want) {
			t.Errorf("voice %q: want an article on %s, got:\n%s", c.text, c.want, out)
		}
	}
}

// TestVoiceSpokenStopStops: spoken requests to stop the daily
// reading get the no-match text and the follower stays subscribed (one
// of them holds the keyword 退订 itself).
func TestVoiceSpokenStopStops(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{
		"我要考试了先退订。",
		"我想取消那个每日一读的订阅。",
		"那个每天早上的推送能不能别发了太打扰了。",
		"嗯每日一读先帮我关掉吧。",
		"老师您好我想把每日一读关掉因为最近要考试没时间看。",
		"先不要推送了等我考完再说。",
		"最近太忙了每日一读先停一下吧。",
	} {
		from := voiceRunID("off", i)
		out := send(from, "voice", text)
		if st := switchState(send, from); st != "OFF" || !strings.Contains(out, "已退订") {
			t.Errorf("voice %q: want 已退订每日一读 and the reading off, got state %s and:\n%s", text, st, out)
		}
	}
}

// TestReadingSubscriptionCancelledStops: 取消每日一读订阅 ("cancel the
// daily reading subscription") is answered with where the switch stands and
// 回复「退订」可以取消: the follower asked to cancel and it is still on.
func TestReadingSubscriptionCancelledStops(t *testing.T) {
	send := cardSender(t)
	for i, kind := range []string{"voice", "text"} {
		from := voiceRunID("cancel", i)
		out := send(from, kind, "取消每日一读订阅。")
		if st := switchState(send, from); st != "OFF" {
			t.Errorf("%s 取消每日一读订阅。: want 已退订 and the reading off, got state %s and:\n%s", kind, st, out)
		}
	}
}

// TestVoiceSwitchCorrectedTurnsTheOneMeant: a voice message correcting itself
// (X不对Y, X不对我是说Y) about the switch does nothing and answers no match.
func TestVoiceSwitchCorrectedTurnsTheOneMeant(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct {
		pre, text, want string
	}{
		{"", "订阅不对退订。", "OFF"},
		{"", "取消订阅不对我是说取消推送。", "OFF"},
		{"退订", "退订不对订阅。", "ON"},
		{"退订", "退订不对我是说订阅。", "ON"},
	} {
		from := voiceRunID("selfcorr", i)
		if c.pre != "" {
			send(from, "text", c.pre)
		}
		out := send(from, "voice", c.text)
		if st := switchState(send, from); st != c.want || strings.Contains(out, voiceRunNoMatch) {
			t.Errorf("voice %q (after %q): want the reading %s and its confirmation, got state %s and:\n%s", c.text, c.pre, c.want, st, out)
		}
	}
}

// TestVoiceSpokenResubscribeSubscribes: after 退订, spoken ways of turning the
// reading back on get the no-match text and it stays off.
func TestVoiceSpokenResubscribeSubscribes(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{
		"考完试了我想重新收到每日一读。",
		"我想重新收到每日一读。",
		"我之前不小心点了退订能帮我恢复吗。",
	} {
		from := voiceRunID("on", i)
		send(from, "text", "退订")
		out := send(from, "voice", text)
		if st := switchState(send, from); st != "ON" {
			t.Errorf("voice %q after 退订: want 已为你订阅每日一读 and the reading on, got state %s and:\n%s", text, st, out)
		}
	}
}

// TestVoiceSwitchStatusAskedIsTold: the follower asks whether the reading
// is on (or how to turn it on) and gets the no-match text.
func TestVoiceSwitchStatusAskedIsTold(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{
		"我现在还订阅着每日一读吗。",
		"我还订阅着吗。",
		"我已经订阅了对吧。",
		"每日一读怎么开通。",
		"为什么给我退订了。",
		"我想知道怎么取消每日一读。",
	} {
		from := voiceRunID("status", i)
		out := send(from, "voice", text)
		if !strings.Contains(out, "订阅着每日一读") {
			t.Errorf("voice %q: want 你现在订阅着每日一读…, got:\n%s", text, out)
		}
		if st := switchState(send, from); st != "ON" {
			t.Errorf("voice %q changed the switch: %s", text, st)
		}
	}
}

// TestVoicePersonAskedWithAReasonTransfers: a person asked for, with what for run
// on after it, gets the no-match text (whose last line says 需要老师帮忙请回复「人工」).
func TestVoicePersonAskedWithAReasonTransfers(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{
		"能不能帮我转一下人工我有问题要问。",
		"我想找人工问一下报名的事情。",
		"找人工问个问题。",
		"转人工我有问题要问。",
		"老师能不能人工回复一下我的问题。",
	} {
		if out := send(voiceRunID("human", i), "voice", text); out != "[transfer_customer_service]" {
			t.Errorf("voice %q: want a transfer to customer service, got:\n%s", text, out)
		}
	}
}

// TestVoiceListChoiceCorrectedOpensTheOneMeant: after a numbered list, a choice corrected in
// the same breath (第一篇不对我是说第二篇, 不对是第二篇, 我是说第二篇) gets the no-match
// text; 第二篇 alone opens the second article.
func TestVoiceListChoiceCorrectedOpensTheOneMeant(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"第一篇不对我是说第二篇。", "不对是第二篇。", "我是说第二篇。", "第二篇不是第一篇。"} {
		from := voiceRunID("choice", i)
		if list := send(from, "voice", "遴选。"); !strings.Contains(list, "2. ") {
			t.Fatalf("遴选。: want a numbered list, got:\n%s", list)
		}
		if out := send(from, "voice", text); !strings.Contains(out, "遴选面试结构化答题思路与常见题型") {
			t.Errorf("voice %q after the 遴选 list: want the second article (遴选面试结构化答题思路与常见题型), got:\n%s", text, out)
		}
	}
}

// TestVoiceBrokenLinkWithWhyGetsItsHelp: 打不开 with 怎么回事 after it, or naming
// the article, gets the no-match text instead of the broken-link help.
func TestVoiceBrokenLinkWithWhyGetsItsHelp(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{
		"这篇文章打不开啊怎么回事。",
		"文章打不开怎么回事。",
		"文章点不开呀怎么回事啊。",
		"那个国常会的那个文章打不开。",
	} {
		from := voiceRunID("broken", i)
		send(from, "voice", "国常会防汛。")
		if out := send(from, "voice", text); !strings.Contains(out, "打不开") {
			t.Errorf("voice %q after a card: want the broken-link help (抱歉！文章打不开时…), got:\n%s", text, out)
		}
	}
}

// TestVoiceRelationAskedNamesTheTopics: X和Y是什么关系 / 有什么区别 in voice
// shows the follower topic names with words of the sentence glued on
// (「浦江经验是」, 「就是浦江经验」), and says no article covers both, where the
// 四下基层 article's summary says it is 与浦江经验一脉相承.
func TestVoiceRelationAskedNamesTheTopics(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{
		"四下基层和浦江经验是什么关系。",
		"老师您好我想问一下就是浦江经验和枫桥经验有什么区别啊。",
	} {
		out := send(voiceRunID("rel", i), "voice", text)
		for _, bad := range []string{"「浦江经验是」", "「就是浦江经验」"} {
			if strings.Contains(out, bad) {
				t.Errorf("voice %q: the reply names a topic %s, got:\n%s", text, bad, out)
			}
		}
	}
	if out := send(voiceRunID("rel", 9), "voice", "四下基层和浦江经验是什么关系。"); strings.Contains(out, "没有同时讲") {
		t.Errorf("四下基层和浦江经验是什么关系。: says no article covers both, where 四下基层's summary names 浦江经验 (一脉相承), got:\n%s", out)
	}
}
