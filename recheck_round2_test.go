package main

// A hostile re-check (xy19) of d620d2c..60ba293: each test passes at d620d2c
// and failed at 60ba293 (cardSender is in follower_run7_test.go).

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecheck9FollowUpAskedOfTheSameTopicIsNotAnotherQuestion: a question and a
// follow-up of the same topic (X是什么？遴选会考吗？) got the card on X; now each
// sentence is searched as a question of its own and the follow-up is
// "answered" with another article (问题2：遴选会考吗 → 遴选面试结构化答题思路).
// A story sentence holding 找 (我在找遴选的资料。笔试考什么？) is read as a
// question too, and lists the interview article first.
func TestRecheck9FollowUpAskedOfTheSameTopicIsNotAnotherQuestion(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ text, want string }{
		{"千万工程是什么？面试会考吗？", "千万工程"},
		{"枫桥经验怎么理解？遴选会考吗？", "新时代枫桥经验"},
		{"新质生产力是什么？遴选会考吗？", "新质生产力"},
		{"枫桥经验是什么？治理方面有什么要点？", "新时代枫桥经验"},
		{"枫桥经验怎么理解，另外遴选会考吗", "新时代枫桥经验"},
		{"我在找遴选的资料。笔试考什么？", "遴选笔试题型分析"},
	} {
		out := send(fmt.Sprintf("o_rc919_follow_%d", i), "text", c.text)
		if !strings.Contains(out, "[图文] ") || !strings.Contains(out, c.want) || strings.Contains(out, "个问题") {
			t.Errorf("%q: want the card on %q (as at d620d2c), got:\n%s", c.text, c.want, out)
		}
	}
}

// TestRecheck9SpacedKeywordsNarrowOneSearch: three keywords apart by spaces that
// one article holds all of (遴选 笔试 申论: the written-test article's title)
// got that article's card; now each keyword is a "question" of its own, the
// first (遴选) answered by the interview article, and 问题2、3：笔试 names the
// third keyword 笔试.
func TestRecheck9SpacedKeywordsNarrowOneSearch(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ text, want string }{
		{"遴选 笔试 申论", "遴选笔试题型分析"},
		{"枫桥经验 基层治理 党建引领", "新时代枫桥经验"},
	} {
		out := send(fmt.Sprintf("o_rc919_spaced_%d", i), "text", c.text)
		if !strings.Contains(out, "[图文] ") || !strings.Contains(out, c.want) || strings.Contains(out, "个问题") {
			t.Errorf("%q: want the card on %q (as at d620d2c), got:\n%s", c.text, c.want, out)
		}
	}
}

// TestRecheck9StopBesideAQuestionGetsNoMatch: a stop beside a question got the
// switch's status (which says 回复「退订」可以取消); now, the question not being
// one askedOfStopping knows, the whole message is searched and the follower
// gets 没有找到相关文章 — even for 退订，面试怎么准备？ whose question alone
// finds its card (the change meant to keep the question's answer).
func TestRecheck9StopBesideAQuestionGetsNoMatch(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"退订，怎么退？", "我要退订，怎么这么多推送", "退订，能不能快点", "退订，面试怎么准备？"} {
		if out := send(fmt.Sprintf("o_rc919_beside_%d", i), "text", text); strings.Contains(out, noMatchSaid) {
			t.Errorf("%q: got no match (d620d2c told the switch's status):\n%s", text, out)
		}
	}
}

// TestRecheck9NotMeIsNotAlwaysDisowning: 不是我…，是… ("it's not that I…, it's
// that…") explains a stop; since 不是我 takes a stop back, these stop nothing
// and the follower gets no match.
func TestRecheck9NotMeIsNotAlwaysDisowning(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"不是我不想看，是太忙了，退订吧", "退订，不是我不喜欢，是没时间"} {
		from := fmt.Sprintf("o_rc919_notme_%d", i)
		out := send(from, "text", text)
		if st := send(from, "text", "退订了吗"); !strings.Contains(out, "已退订") || !strings.Contains(st, "没有订阅") {
			t.Errorf("%q: want 已退订 and then 没有订阅 (as at d620d2c), got:\n%s\n退订了吗 → %s", text, out, st)
		}
	}
}

// TestRecheck9ForNowNoAfterAStopTakesItBack: a stop then 先不 (退订。先不了, 取消推送，
// 哦先不，再看看) took it back; since only 先不关/先不退… take back, they
// unsubscribe.
func TestRecheck9ForNowNoAfterAStopTakesItBack(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"退订。先不了", "取消推送，哦先不，再看看", "退订，嗯先不要了", "退订……先不吧", "退订，不对，先不"} {
		from := fmt.Sprintf("o_rc919_xianbu_%d", i)
		out := send(from, "text", text)
		if st := send(from, "text", "退订了吗"); strings.Contains(out, "已退订") || !strings.Contains(st, "订阅着") {
			t.Errorf("%q: want the stop taken back, still subscribed (as at d620d2c), got:\n%s\n退订了吗 → %s", text, out, st)
		}
	}
}

// TestRecheck9NeverMindAfterNotWantingToStop: 算了 after a clause holding 不想 took
// the stop back; wishedAway reads any 不想 as the reading told unwanted, so
// 退订，其实不想退，算了 ("actually I don't want to leave, never mind")
// unsubscribes.
func TestRecheck9NeverMindAfterNotWantingToStop(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"退订，其实不想退，算了", "取消推送，不想错过考试信息，算了"} {
		from := fmt.Sprintf("o_rc919_suanle_%d", i)
		out := send(from, "text", text)
		if st := send(from, "text", "退订了吗"); strings.Contains(out, "已退订") || !strings.Contains(st, "订阅着") {
			t.Errorf("%q: want the stop taken back, still subscribed (as at d620d2c), got:\n%s\n退订了吗 → %s", text, out, st)
		}
	}
}

// TestRecheck9ReopenTheLinkIsNotASubscribe: after 退订, 每日一读的推送打不开，重新开一下
// (the card will not open, "open it again") subscribes: bareTurnOn reads
// 重新开一下 as the reading's beside a clause naming it.
func TestRecheck9ReopenTheLinkIsNotASubscribe(t *testing.T) {
	send := cardSender(t)
	from := "o_rc919_reopen"
	send(from, "text", "退订")
	out := send(from, "text", "每日一读的推送打不开，重新开一下")
	if st := send(from, "text", "退订了吗"); strings.Contains(out, "已为你订阅") || !strings.Contains(st, "没有订阅") {
		t.Errorf("want no subscribe (as at d620d2c), got:\n%s\n退订了吗 → %s", out, st)
	}
}
