package main

import (
	"fmt"
	"strings"
	"testing"
)

// Re-check xy15 of 352ce0f..816d8bd as followers use them: each message
// below got what the follower asked for at 352ce0f and gets "no article
// found" (the switch untouched) at 816d8bd.

// TestRecheck5StopBesideRemarkStillStops: 816d8bd's asksOf refuses a stop beside
// any clause holding 其他, 别的, 换, 推荐, 还能 or 么, so a stop with a plain
// remark (关掉推送，其他的都挺好 "turn the push off, the rest is fine"; 退订，
// 我换了个号 "I moved to another account"; 推送那么多，退订 "so many pushes,
// unsubscribe") is told "no article found" and the reading keeps coming.
// 352ce0f unsubscribed each.
func TestRecheck5StopBesideRemarkStillStops(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"关掉推送，其他的都挺好", "退订每日一读，其他文章我还会看", "关掉推送，别的功能我还用",
		"退订，我换了个号", "取消订阅，我换手机号了", "推送那么多，退订", "关掉推送，反正还能搜"} {
		if out := say(fmt.Sprintf("o_xy15_stop_%d", i), text); !strings.Contains(out, "已退订") {
			t.Errorf("%q (a stop beside a remark, no question) left subscribed (352ce0f: 已退订每日一读):\n%s", text, out)
		}
	}
}

// TestRecheck5DeclineThenStopStops: 816d8bd's takesBack counts a clause 不了 or
// 不用 as taking a stop back wherever it stands, so 不了，退订 ("no thanks:
// unsubscribe", the refusal before the stop) is no stop; 352ce0f unsubscribed.
func TestRecheck5DeclineThenStopStops(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"不了，退订", "不了，退订吧", "不用，退订"} {
		if out := say(fmt.Sprintf("o_xy15_decline_%d", i), text); !strings.Contains(out, "已退订") {
			t.Errorf("%q left subscribed:\n%s", text, out)
		}
	}
}

// TestRecheck5PraiseBeforeThanksThanked: 816d8bd's praise pattern takes 看完了 /
// 文章很好 only after thanks or strong praise, so the same said before it
// (已经看完了，谢谢; 看完了，很有收获; 文章很好，对我帮助很大) is told "no article
// found"; 352ce0f thanked each (看完了，谢谢 still is thanked).
func TestRecheck5PraiseBeforeThanksThanked(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"已经看完了，谢谢", "看完了，很有收获", "读完了，受益匪浅", "学完了，收获很大", "文章很好，对我帮助很大", "文章不错，很有用"} {
		if out := say(fmt.Sprintf("o_xy15_praise_%d", i), text); !strings.Contains(out, "不客气") {
			t.Errorf("%q (thanks or strong praise beside it) not thanked (352ce0f: 不客气):\n%s", text, out)
		}
	}
}

// TestRecheck5FindSomeAfterRequestSearched: 816d8bd keeps 找点 / 找些 unless at a
// clause's start, but 帮我 / 帮忙 before it are not taken out first, so
// 帮我找点新质生产力的文章 searches 帮我找点新质生产力的 and gets no match;
// 352ce0f sent the card.
func TestRecheck5FindSomeAfterRequestSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range [][2]string{{"帮我找点新质生产力的文章", "xinzhi"}, {"帮忙找点枫桥经验的文章", "fengqiao"}, {"帮我找些新质生产力的文章", "xinzhi"}} {
		run6WantArticle(t, c[0], say(fmt.Sprintf("o_xy15_find_%d", i), c[0]), c[1])
	}
}

// TestRecheck5DetailAfterTopicSearched: 816d8bd keeps 详细 alone (for 详细规划), so a
// topic with 详细 after it (新质生产力详细说说, 枫桥经验详细一点, 新质生产力详细的)
// gets no match; 352ce0f sent the card.
func TestRecheck5DetailAfterTopicSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range [][2]string{{"新质生产力详细说说", "xinzhi"}, {"枫桥经验详细一点", "fengqiao"}, {"新质生产力详细的", "xinzhi"}, {"新质生产力详细", "xinzhi"}} {
		run6WantArticle(t, c[0], say(fmt.Sprintf("o_xy15_detail_%d", i), c[0]), c[1])
	}
}

// TestRecheck5TurnOnBesideRemarkTurnsOn: the same asksOf refuses 订阅 / 开启推送
// beside a remark holding 其他 / 别的 / 换 (订阅，其他的不用 "subscribe, nothing
// else"; 开启推送，别的不要), "no article found"; 352ce0f subscribed.
func TestRecheck5TurnOnBesideRemarkTurnsOn(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"订阅，其他的不用", "开启推送，别的不要", "订阅每日一读，换个时间推"} {
		from := fmt.Sprintf("o_xy15_on_%d", i)
		if out := say(from, "退订"); !strings.Contains(out, "已退订") {
			t.Fatalf("退订: %s", out)
		}
		if out := say(from, text); !strings.Contains(out, "已为你订阅") {
			t.Errorf("%q (after 退订) not subscribed (352ce0f: 已为你订阅每日一读):\n%s", text, out)
		}
	}
}

// TestRecheck5TwoTopicsHeaderQuotesTopics: the two-topic header quotes the second
// clause with its 还有 and the first with 我想问 (没有同时讲「我想问枫桥经验」和「还有
// 浦江经验」的文章), words that are no part of either topic; 98b86b8's voice
// 然后还有 split now reaches it (新质生产力是什么然后还有枫桥经验 said aloud).
func TestRecheck5TwoTopicsHeaderQuotesTopics(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"新质生产力是什么，还有枫桥经验", "我想问那个枫桥经验，还有那个浦江经验"} {
		out := say(fmt.Sprintf("o_xy15_hdr_%d", i), text)
		if strings.Contains(out, "「还有") || strings.Contains(out, "「我想问") {
			t.Errorf("%q: the header quotes the asking words as the topic:\n%s", text, strings.SplitN(out, "\n", 2)[0])
		}
	}
}

// TestRecheck5SuitableOpeningSearched: 816d8bd takes 适合 out only after 有没有 /
// 求 / 推荐 / 有, no longer opening the question, so 适合遴选的文章 ("articles
// suited to the 遴选 exam") and 适合备考的新质生产力文章 get no match; 352ce0f
// listed the 遴选 articles and the 新质生产力 one.
func TestRecheck5SuitableOpeningSearched(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range [][2]string{{"适合遴选的文章", "linxuan-"}, {"适合备考的新质生产力文章", "xinzhi"}} {
		run6WantArticle(t, c[0], say(fmt.Sprintf("o_xy15_fit_%d", i), c[0]), c[1])
	}
}

// TestRecheck6QuestionOrAnotherBesideAStop: a last re-check (xy16) of
// dcce5b6: a question ending in courtesy (会影响搜索吗老师) or another article
// asked otherwise (换点别的, 来点别的) beside a stop had unsubscribed.
func TestRecheck6QuestionOrAnotherBesideAStop(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"关掉推送，会影响搜索吗老师", "退订，以后还能看吗谢谢", "每日一读不想看了，换点别的", "每日一读不想看了，来点别的"} {
		if out := say(fmt.Sprintf("o_xy16_q_%d", i), text); strings.Contains(out, "已退订") {
			t.Errorf("%q (a question, or another article asked) unsubscribed:\n%s", text, out)
		}
	}
}
