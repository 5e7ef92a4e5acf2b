package main

import (
	"fmt"
	"strings"
	"testing"
)

// A re-check (xy13) of 411890a..352ce0f as followers use them: each of
// these messages got "no article found" at 411890a, the switch untouched.

// TestRecheck4CancelledSubscriptionToldSubscribes: 352ce0f's leftBefore takes
// 我之前取消了 as the leaving told before asking back, and what is left of
// 取消了订阅 is 订阅: a follower saying they had unsubscribed (我之前取消了订阅),
// or complaining the reading still comes after it (上次取消了订阅每日一读，今天又收到了),
// is subscribed again.
func TestRecheck4CancelledSubscriptionToldSubscribes(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"我之前取消了订阅", "我刚刚取消了订阅每日一读", "我前几天取消了订阅", "刚才取消了订阅",
		"之前关闭了订阅", "上次取消了订阅每日一读，今天又收到了"} {
		from := fmt.Sprintf("o_xy13_cancel_%d", i)
		if out := say(from, "退订"); !strings.Contains(out, "已退订") {
			t.Fatalf("退订: %s", out)
		}
		if out := say(from, text); strings.Contains(out, "已为你订阅") {
			t.Errorf("%q (after 退订; says they unsubscribed) subscribed again (411890a: no match):\n%s", text, out)
		}
	}
}

// TestRecheck4StopBesideQuestionIsNoStop: 53eb412's clause that stops the
// reading beside another clause unsubscribes when the other clause asks
// about it: what happens (会怎样, 然后呢), why, whether it can come back
// (能恢复吗？, its question mark taken as a polite request because the
// clause opens with 能), whether search still works.
func TestRecheck4StopBesideQuestionIsNoStop(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"关掉推送，会怎样", "关掉推送，能恢复吗？", "关掉推送，然后呢", "关掉推送，为什么",
		"关掉推送，就收不到了吗", "退订，还能搜文章"} {
		if out := say(fmt.Sprintf("o_xy13_ask_%d", i), text); strings.Contains(out, "已退订") {
			t.Errorf("%q (a question about stopping) unsubscribed (411890a: no match):\n%s", text, out)
		}
	}
}

// TestRecheck4ReadingNotWantedAsksAnother: 352ce0f's 不想看 stop in a clause
// beside one asking another article (换一篇, 有别的吗, 推荐点别的) unsubscribes
// the follower who asked for something else to read.
func TestRecheck4ReadingNotWantedAsksAnother(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"每日一读不想看了，换一篇", "每日一读不想看了，有别的吗", "每日一读不想看了，推荐点别的"} {
		if out := say(fmt.Sprintf("o_xy13_other_%d", i), text); strings.Contains(out, "已退订") {
			t.Errorf("%q (another article asked) unsubscribed (411890a: no match):\n%s", text, out)
		}
	}
}

// TestRecheck4PraiseSendsOneThanks: the praise rule reuses the thanks
// replies (*thanks) without the thanks rule's mode: random, so it sends
// both: 谢谢您的文章 and 谢谢老师的分享, one thanks from the thanks rule at 411890a,
// now get two messages, the second through the customer-service API.
func TestRecheck4PraiseSendsOneThanks(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"谢谢您的文章", "谢谢老师的分享", "谢谢老师的文章", "谢谢您的文章，对我帮助很大", "你们的文章太好了"} {
		if out := say(fmt.Sprintf("o_xy13_praise_%d", i), text); strings.Contains(out, "customer-service") {
			t.Errorf("%q: want one thanks, as 谢谢 gets, got two messages:\n%s", text, out)
		}
	}
}

// TestRecheck4PraiseAnswersQuestions: the praise rule's pattern allows a
// question mark after its words, so a question (看完了？ "finished reading?",
// 已经学完了？, 文章很好？) is thanked: 不客气.
func TestRecheck4PraiseAnswersQuestions(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"看完了？", "老师，看完了？", "已经学完了？", "文章很好？", "这篇文章不错？"} {
		if out := say(fmt.Sprintf("o_xy13_q_%d", i), text); strings.Contains(out, "不客气") {
			t.Errorf("%q (a question) thanked back:\n%s", text, out)
		}
	}
}

// TestRecheck4BackThenMoreOfQuestions: 5d8827a answers numbered questions past
// five by 更多. After 更多 and 上一页, the first page is shown again as a
// search list whose footer offers 「更多」看下一批, but 更多 then says there is
// nothing more: questions 6 and 7, answered a moment before, are gone.
func TestRecheck4BackThenMoreOfQuestions(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	const from = "o_xy13_back"
	say(from, "1.新质生产力是什么 2.枫桥经验是什么 3.浦江经验是什么 4.两个确立是什么 5.八八战略是什么 6.千万工程是什么 7.申论怎么写")
	if out := say(from, "更多"); !strings.Contains(out, "问题6") {
		t.Fatalf("更多: want questions 6 and 7:\n%s", out)
	}
	back := say(from, "上一页")
	if !strings.Contains(back, "「更多」") {
		t.Skipf("上一页 no longer offers 更多:\n%s", back)
	}
	if out := say(from, "更多"); !strings.Contains(out, "问题6") {
		t.Errorf("上一页 offered 「更多」看下一批:\n%s\nbut 更多 gives:\n%s", back, out)
	}
}

// TestRecheck4SwitchTakenBackTurnsIt: 53eb412/352ce0f turn the switch by one
// clause of two unless the other takes it back, but only 算了, 开玩笑, 不是…
// count: 退订，骗你的 ("just kidding"), 关掉推送，逗你玩, 每日一读不想看了，骗你的
// unsubscribe, 把推送打开，不了 ("no, never mind") subscribes (411890a: no match).
func TestRecheck4SwitchTakenBackTurnsIt(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"退订，骗你的", "关掉推送，骗你的", "关掉推送，逗你玩", "每日一读不想看了，骗你的", "每日一读不要了，骗你的"} {
		if out := say(fmt.Sprintf("o_xy13_joke_%d", i), text); strings.Contains(out, "已退订") {
			t.Errorf("%q (taken back) unsubscribed:\n%s", text, out)
		}
	}
	const from = "o_xy13_joke_on"
	say(from, "退订")
	for _, text := range []string{"把推送打开，不了", "推送再开吧，不了"} {
		if out := say(from, text); strings.Contains(out, "已为你订阅") {
			t.Errorf("%q (taken back, after 退订) subscribed:\n%s", text, out)
		}
	}
}
