package main

import (
	"fmt"
	"strings"
	"testing"
)

// A re-check (xy23) of d5b0f80..15b1b10: each test passes at d5b0f80 and
// failed at 15b1b10 (the session's first switchApart, requestBeforeOwn
// before 但是, the broken-link rule's named article, a choice corrected).

type switchCase struct{ kind, text string }

// keepsSwitch sends each case to a follower whose switch is set first
// (on: 订阅, off: 退订) and wants it left as it was.
func keepsSwitch(t *testing.T, name string, on bool, cases []switchCase) {
	t.Helper()
	want := "OFF"
	if on {
		want = "ON"
	}
	switchAfter(t, name, on, want, cases)
}

// switchAfter sends each case to a follower whose switch is set first
// (on: 订阅, off: 退订) and wants it at want ("ON" or "OFF") after it.
func switchAfter(t *testing.T, name string, on bool, want string, cases []switchCase) {
	t.Helper()
	send := cardSender(t)
	set := "退订"
	if on {
		set = "订阅"
	}
	for i, c := range cases {
		from := fmt.Sprintf("o_switch_%s_%02d", name, i)
		send(from, "text", set)
		out := send(from, c.kind, c.text)
		if st := switchState(send, from); st != want {
			t.Errorf("%s %q (set %s): switch %s, want %s; reply:\n%s", c.kind, c.text, set, st, want, out)
		}
	}
}

// TestRecheckSessionSwitchApartOthersUnsubscribingTurnsMineOff: switchApart reads a
// story of someone else's switch (a colleague, a friend, many people) as the
// follower's own: 已退订每日一读 / 已为你订阅. At d5b0f80: no match, switch kept.
func TestRecheckSessionSwitchApartOthersUnsubscribingTurnsMineOff(t *testing.T) {
	keepsSwitch(t, "others_on", true, []switchCase{
		{"voice", "我同事说他退订了每日一读。"},
		{"voice", "我朋友说他已经退订了。"},
		{"voice", "他们都退订了。"},
		{"voice", "我室友退订了每日一读。"},
		{"voice", "听说很多人都退订了。"},
		{"voice", "帮我同事退订一下。"},
		{"voice", "我女朋友说要退订。"},
		{"voice", "我朋友每日一读就不需要了。"},
		{"text", "我同事退订了"},
		{"text", "同事说每日一读不要了"},
		{"voice", "我妈说每日一读就不需要了。"},
	})
	keepsSwitch(t, "others_off", false, []switchCase{
		{"voice", "我同事订阅了每日一读。"},
		{"voice", "我同事说订阅很好。"},
		{"voice", "我订阅了好多公众号。"},
	})
}

// TestRecheckSessionSwitchApartNegatedStopUnsubscribes: a stop denied or dropped
// (我没说要退订, 没必要退订, 退订就算了吧) unsubscribes at HEAD.
func TestRecheckSessionSwitchApartNegatedStopUnsubscribes(t *testing.T) {
	keepsSwitch(t, "neg", true, []switchCase{
		{"voice", "我没说要退订。"},
		{"text", "我没说要退订"},
		{"voice", "谁说我要退订了。"},
		{"voice", "没必要退订。"},
		{"voice", "我没有要退订的意思。"},
		{"voice", "退订就算了吧。"},
		{"voice", "本来想退订后来想想还是算了。"},
	})
}

// TestRecheckSessionSwitchApartUndecidedTurnsTheOtherWay: 我还没想好要不要退订 ("I haven't
// decided whether to unsubscribe") subscribes an unsubscribed follower, and
// 我还没想好要不要订阅 unsubscribes a subscribed one: 「不要退订」/「不要订阅」 is read
// out of 要不要.
func TestRecheckSessionSwitchApartUndecidedTurnsTheOtherWay(t *testing.T) {
	keepsSwitch(t, "undecided_off", false, []switchCase{
		{"text", "我还没想好要不要退订"},
		{"voice", "我考虑一下要不要退订。"},
		{"voice", "我在犹豫要不要退订。"},
	})
	keepsSwitch(t, "undecided_on", true, []switchCase{
		{"text", "我还没想好要不要订阅"},
		{"voice", "我考虑一下要不要订阅。"},
		{"voice", "我在犹豫要不要订阅。"},
	})
}

// TestRecheckSessionSwitchApartComplaintOfBeingUnsubscribedUnsubscribes: the follower
// complains of having been unsubscribed, or wants the reading back, and is
// unsubscribed.
func TestRecheckSessionSwitchApartComplaintOfBeingUnsubscribedUnsubscribes(t *testing.T) {
	keepsSwitch(t, "complaint", true, []switchCase{
		{"text", "谁给我退订了"},
		{"voice", "系统把我退订了。"},
		{"voice", "我昨天退订了今天又想要了。"},
	})
}

// TestRecheckSessionSwitchApartLaterIsNow: a switch put off till later (考完试再退订,
// 以后再订阅) is turned now.
func TestRecheckSessionSwitchApartLaterIsNow(t *testing.T) {
	keepsSwitch(t, "later_on", true, []switchCase{
		{"voice", "我考完试再退订。"},
		{"voice", "等我考完试再退订。"},
		{"voice", "考完试我就退订。"},
	})
	keepsSwitch(t, "later_off", false, []switchCase{
		{"voice", "考完了再订阅吧。"},
		{"voice", "等我考完再订阅。"},
		{"voice", "以后再订阅。"},
		{"voice", "我考完试了再订阅。"},
	})
}

// TestRecheckSessionNotSentWordsStopTheReading: 别发/不要发 after the reading's name
// unsubscribes when what follows says what not to send (重复的, 那么早,
// 太长的, 错文章), and 每日一读就不需要改了挺好的 (praise) unsubscribes.
func TestRecheckSessionNotSentWordsStopTheReading(t *testing.T) {
	keepsSwitch(t, "notsent", true, []switchCase{
		{"text", "每日一读别发重复的"},
		{"text", "每日一读别发那么早"},
		{"text", "每日一读不要发太长的"},
		{"text", "推送别发太多广告"},
		{"voice", "每日一读不要发错文章。"},
		{"text", "每日一读就不需要改了挺好的"},
		{"voice", "每日一读不要只发新闻。"},
		{"voice", "每日一读不要再发新闻联播了。"},
		{"voice", "每日一读别再发同一篇了。"},
		{"voice", "每日一读不用发两遍。"},
		{"voice", "每日一读不要重复发。"},
		{"voice", "每日一读别发太晚了我要早上看。"},
		{"text", "每日一读能不能不要那么早发"},
		{"voice", "每日一读能不能不要那么早发。"},
	})
}

// TestRecheckSessionRequestBeforeOwnTakesTheCaseForTheQuestion: a case told before the
// question (我在准备遴选面试，因为…，想问一下八八战略是什么？) is searched for
// the words before 因为/但是, and gets the 遴选 articles where d5b0f80 found
// the article the question asks for.
func TestRecheckSessionRequestBeforeOwnTakesTheCaseForTheQuestion(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ kind, text, want string }{
		{"text", "我在准备遴选面试，因为工作比较忙，想问一下八八战略是什么？", "八八战略"},
		{"voice", "我在准备遴选考试但是工作比较忙想问一下浦江经验是什么。", "浦江经验"},
	} {
		out := send(fmt.Sprintf("o_rs23_case_%d", i), c.kind, c.text)
		if !strings.Contains(out, c.want) {
			t.Errorf("%s %q: want the %s article, got:\n%s", c.kind, c.text, c.want, out)
		}
	}
}

// TestRecheckSessionThanksBeforeButSwallowsTheQuestion: 谢谢，但是我想要的是浦江经验 got the
// 浦江经验 articles at d5b0f80; at HEAD requestBeforeOwn matches 谢谢 to the
// thanks rule: 不客气！ and the question is dropped.
func TestRecheckSessionThanksBeforeButSwallowsTheQuestion(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"谢谢，但是我想要的是浦江经验", "谢谢老师但是我还想问一下浦江经验", "谢谢但是还是没找到"} {
		out := send(fmt.Sprintf("o_rs23_thx_%d", i), "text", text)
		if strings.Contains(out, "不客气") {
			t.Errorf("%q: got thanks answered, the rest dropped:\n%s", text, out)
		}
	}
	if out := send("o_rs23_thx_x", "text", "谢谢，但是我想要的是浦江经验"); !strings.Contains(out, "浦江经验") {
		t.Errorf("want the 浦江经验 articles, got:\n%s", out)
	}
}

// TestRecheckSessionButNamesTheTopicWanted: "X…但是Y" where X is what the follower has
// read and Y what they ask for gets X's article (d5b0f80: no match).
func TestRecheckSessionButNamesTheTopicWanted(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ text, notTitle string }{
		{"枫桥经验我知道但是浦江经验是什么", "新时代枫桥经验"},
		{"我看了枫桥经验的文章但是想找浦江经验的", "新时代枫桥经验"},
		{"四下基层我看过了不过新质生产力的有吗", "四下基层："},
		{"新质生产力我看了，但是共同富裕的有吗？", "新质生产力："},
	} {
		out := send(fmt.Sprintf("o_rs23_but_%d", i), "text", c.text)
		if strings.HasPrefix(out, "[news][图文] "+c.notTitle) {
			t.Errorf("%q: got the article of the topic already read:\n%s", c.text, out)
		}
	}
}

// TestRecheckSessionReadingButAnotherDayGetsToday: 每日一读但是要昨天的 ("the reading, but
// yesterday's") gets today's card.
func TestRecheckSessionReadingButAnotherDayGetsToday(t *testing.T) {
	send := cardSender(t)
	today := send("o_rs23_day_t", "text", "每日一读")
	for i, text := range []string{"每日一读但是要昨天的", "每日一读，但是我想看昨天的"} {
		if out := send(fmt.Sprintf("o_rs23_day_%d", i), "text", text); out == today {
			t.Errorf("%q: got today's reading:\n%s", text, out)
		}
	}
}

// TestRecheckSessionBrokenLinkForArticlesNotReadable: 这种难度的文章看不了, 太长的文章看不了,
// 英文的文章看不了 say the follower cannot read (understand, finish) such
// articles; at HEAD they get the broken-link apology.
func TestRecheckSessionBrokenLinkForArticlesNotReadable(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"这种难度的文章看不了", "太长的文章看不了", "英文的文章看不了"} {
		if out := send(fmt.Sprintf("o_rs23_bl_%d", i), "text", text); strings.Contains(out, "文章打不开时") {
			t.Errorf("%q: got the broken-link reply:\n%s", text, out)
		}
	}
}

// TestRecheckSessionChoiceCorrectionReadInAComplaint: after a list, 第一篇说的不对第三条
// ("what the first says is wrong, point 3") opens the third article.
func TestRecheckSessionChoiceCorrectionReadInAComplaint(t *testing.T) {
	send := cardSender(t)
	send("o_rs23_choice", "text", "基层治理")
	if out := send("o_rs23_choice", "text", "第一篇说的不对第三条"); strings.HasPrefix(out, "[news][图文]") {
		t.Errorf("a complaint about article 1 opened an article:\n%s", out)
	}
}

// TestRecheckSessionStopWithSecondThoughts: 我想退订但是又怕错过重要内容 ("I'd like to
// unsubscribe but I'm afraid of missing important things") unsubscribes at
// HEAD (d5b0f80: no match), where 我想退订但是又舍不得 does not.
func TestRecheckSessionStopWithSecondThoughts(t *testing.T) {
	keepsSwitch(t, "second", true, []switchCase{
		{"text", "我想退订但是又怕错过重要内容"},
		{"voice", "我想退订但是又怕错过重要内容。"},
	})
}
