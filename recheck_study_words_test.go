package main

import (
	"strings"
	"testing"
)

// A re-check's finds: close variants of 08843c3's words the shipped config
// did not take (each got the no-match reply, and for the stops the follower
// stayed subscribed), and the numbered questions' regressions.

// TestRecheckStopsWithBaInOtherWords: 把…关了, 把…停了, 把…取消掉, asked politely
// (可以关掉推送吗 unsubscribes; 可以把推送关掉吗 not), after a greeting
// (老师，帮我把推送关掉), or 停一下 before what is stopped.
func TestRecheckStopsWithBaInOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"帮我把推送关了", "帮我把推送停了", "帮我把每日一读取消掉", "可以把推送关掉吗", "老师，帮我把推送关掉", "你好，帮我把推送关掉", "先停一下推送吧"} {
		if out := say("o_xx_stop_"+string(rune('a'+i)), text); !strings.Contains(out, "已退订") {
			t.Errorf("%q: a stop, not unsubscribed:\n%s", text, out)
		}
	}
}

// TestRecheckThanksDailyAboutExamInOtherWords: thanks with what the follower has
// done or goes to do, the reading's content asked with 内容/一般/都,
// the account's name asked with 叫啥名, the exam's pinyin with a space.
func TestRecheckThanksDailyAboutExamInOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for _, c := range []struct{ text, want string }{
		{"谢谢，已收藏", "不客气"},
		{"好的谢谢，我回去再看看", "不客气"},
		{"谢谢，我再研究研究", "不客气"},
		{"每日一读主要讲什么内容", "[图文]"},
		{"每日一读一般讲什么", "[图文]"},
		{"每日一读都讲些什么", "[图文]"},
		{"你们公众号叫啥名", "自动回复助手"},
		{"linxuan 什么时候考", "遴选"},
	} {
		if out := say("o_xx_words", c.text); !strings.Contains(out, c.want) || strings.Contains(out, "没有找到") {
			t.Errorf("%q: want %q:\n%s", c.text, c.want, out)
		}
	}
}

// TestRecheckListItemAfterOtherWords: with a list open, 谢谢，我再看看第二篇 (再,
// as the thanks rule now takes it), 我先读第二篇, and the item with more
// said after it open the second item, as 谢谢，我先看看第二篇 does.
func TestRecheckListItemAfterOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"谢谢，我再看看第二篇", "我先读第二篇", "我打算先看第二篇"} { // (…，有问题再问您 after it: left)
		from := "o_xx_item_" + string(rune('a'+i))
		list := say(from, "遴选")
		second := strings.Index(list, "\n2. ")
		if second < 0 {
			t.Fatalf("遴选: no list of two:\n%s", list)
		}
		title := list[second+len("\n2. "):]
		title = title[strings.Index(title, ">")+1:]
		title = title[:strings.Index(title, "<")]
		if out := say(from, text); !strings.Contains(out, title) || strings.Contains(out, "没有找到") {
			t.Errorf("%q after a list: want its second item %q:\n%s", text, title, out)
		}
	}
}

// TestRecheckNumberedInTheShippedConfig: f80ac95's numbered questions under the
// shipped config on the demo articles.
//   - A follower's case told in numbered points is answered as questions:
//     问题1：我是乡镇公务员 over the 遴选笔试 article (before: no match).
//   - The topic named before its numbered aspects is dropped: 关于两个确立…
//     1.是什么 gets "第1个没有找到相关文章" (before: the liangge card).
//   - Two numbered items compared in one question (①两个确立②两个维护有什么
//     区别) are split: "第2个没有找到相关文章" (before: the liangge card).
//   - A question whose articles the questions before it took is said to have
//     none (枫桥经验和浦江经验有什么区别, answered alone).
func TestRecheckNumberedInTheShippedConfig(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_xx_num_a", "我准备遴选，有几个情况：1. 我是乡镇公务员 2. 工作三年了 请问能报吗"); strings.Contains(out, "问题1：我是乡镇公务员") {
		t.Errorf("a statement answered as a question:\n%s", out)
	}
	if out := say("o_xx_num_b", "老师，关于两个确立，我有两个问题：1.是什么 2.有什么意义"); strings.Contains(out, "没有找到") || !strings.Contains(out, "两个确立") {
		t.Errorf("the topic's questions: want its article, none said missing:\n%s", out)
	}
	// Two numbered items compared in one question (before: the liangge card).
	for i, text := range []string{"①两个确立②两个维护有什么区别", "我有两个疑问 ①两个确立 ②两个维护 的区别是什么"} {
		if out := say("o_xx_num_cmp_"+string(rune('a'+i)), text); strings.Contains(out, "没有找到") || !strings.Contains(out, "两个确立") {
			t.Errorf("%s: one question, want its article, none said missing:\n%s", text, out)
		}
	}
	alone := say("o_xx_num_c", "枫桥经验和浦江经验有什么区别")
	if strings.Contains(alone, "没有找到") {
		t.Fatalf("asked alone: %s", alone)
	}
	if out := say("o_xx_num_d", "1.枫桥经验是什么 2.浦江经验是什么 3.枫桥经验和浦江经验有什么区别"); strings.Contains(out, "没有找到") {
		t.Errorf("a question answered alone said unanswered among others:\n%s", out)
	}
}
