package main

// A hostile re-check (xy29) of d993e03..bdb0775 (plainPush, statusThenSwitch,
// listChosen). Each test sends followers' messages over the real webhook
// (cardSender, keepsSwitch) and passes at d993e03, fails at bdb0775; the
// comments say how d993e03 answered.

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecheckSwitchListStatusAskedEitherWayTurnsSwitch: a question of where the switch
// stands asked both ways (我订阅了吗？还是退订了 — "am I subscribed, or
// unsubscribed?") is split at 吗 by statusThenSwitch and its second half
// (还是退订了 / 还是订阅了) read as a request: the switch flips on a pure
// question. d993e03: the state told (你现在订阅着…) or no match; switch kept.
func TestRecheckSwitchListStatusAskedEitherWayTurnsSwitch(t *testing.T) {
	keepsSwitch(t, "rsl_either_on", true, []switchCase{
		{"text", "我订阅了吗？还是退订了"},
		{"text", "我现在是订阅了吗？还是退订了？"},
		{"text", "我是订阅了吗，还是退订了"},
		{"text", "订阅了吗还是退订了"},
		{"voice", "我订阅了吗还是退订了。"},
		{"voice", "我现在是订阅了吗还是退订了。"},
		{"text", "我退订了吗？还是退订了"},
	})
	keepsSwitch(t, "rsl_either_off", false, []switchCase{
		{"text", "我现在是退订了吗？还是订阅了？"},
		{"voice", "我现在是退订了吗还是订阅了。"},
		{"text", "我订阅了吗？还是订阅了"},
	})
}

// TestRecheckSwitchListStatusThenGuessOrPastTurnsSwitch: the second half is a guess or a
// past event, not a request (退订了吧 "I unsubscribed, right?", 退订了？,
// voice 退订了。 "I did unsubscribe"): turned. d993e03: the state told or no
// match; switch kept.
func TestRecheckSwitchListStatusThenGuessOrPastTurnsSwitch(t *testing.T) {
	keepsSwitch(t, "rsl_guess_on", true, []switchCase{
		{"text", "我订阅了吗？退订了？"},
		{"text", "我订阅了吗？退订了吧"},
		{"text", "我退订了吗？退订了吧"},
		{"voice", "我订阅了吗退订了。"},
	})
	keepsSwitch(t, "rsl_guess_off", false, []switchCase{
		{"text", "我退订了吗？订阅了吧"},
		{"text", "我退订了吗？订阅了？"},
		{"text", "我订阅了吗？订阅了吧"},
	})
}

// TestRecheckSwitchListStatusThenComplaintTurnsSwitch: a complaint after the question
// (退订太麻烦了 "unsubscribing is such a hassle"; 订阅太麻烦了) turns the
// switch the way the complaint names. d993e03: state told / no match, kept.
func TestRecheckSwitchListStatusThenComplaintTurnsSwitch(t *testing.T) {
	keepsSwitch(t, "rsl_complaint_on", true, []switchCase{
		{"text", "我订阅了吗？退订太麻烦了"},
		{"text", "我订阅了吗？退订太麻烦了吧"},
	})
	keepsSwitch(t, "rsl_complaint_off", false, []switchCase{
		{"text", "我订阅了吗？订阅太麻烦了"},
	})
}

// TestRecheckSwitchListBuxiangkanTakenBackStillStops: 不想看 (new in stoppingBefore) with
// the stop taken back or refused in the same message unsubscribes:
// 我不想看推送，但是不想退订 ("…but I don't want to unsubscribe"), 不想看推送，
// 但还是留着吧, 不想看推送了，算了还是看吧. d993e03: no match, subscribed.
// (The same words with 不要/每日一读 already unsubscribe at d993e03:
// 我不要推送，但是不想退订; 每日一读不想看了，算了还是看吧 — wishedAway makes
// 算了 no take-back after 不想; 不想看 now joins that class.)
func TestRecheckSwitchListBuxiangkanTakenBackStillStops(t *testing.T) {
	keepsSwitch(t, "rsl_takeback", true, []switchCase{
		{"text", "我不想看推送，但是不想退订"},
		{"text", "不想看推送，但还是留着吧"},
		{"text", "不想看推送，算了还是看吧"},
		{"text", "不想看推送了，算了还是看吧"},
		{"text", "不想看你们的推送，算了，还是留着"},
	})
}

// TestRecheckSwitchListListResentOnAcknowledgement: after a numbered list, messages that
// acknowledge, report or ask — not a choice — get the list's items as
// links again: unwrapChoice strips 收到/了/谢谢/打开/读/好/文章/吗/的 down to
// 都 or 全部, and the count-and-都 form takes 看/发给我 + 了 (a past event).
// d993e03: no match (or, where noted below, an ack); never the links.
// (都收到了 alone gets 好的！… at both; 都收到了谢谢 gets the links.)
func TestRecheckSwitchListListResentOnAcknowledgement(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ kind, text string }{
		{"text", "都收到了谢谢"},
		{"voice", "全部收到了谢谢老师。"},
		{"voice", "两篇都收到了。"},
		{"text", "都打开了"},
		{"text", "都好"},
		{"text", "都好了"},
		{"text", "两篇都看了"},
		{"voice", "两篇都看了谢谢老师。"},
		{"voice", "这两篇我都看了。"},
		{"text", "都发给我了"},
		{"text", "全部发过来了"},
		{"text", "全部了吗"},
		{"text", "全部了？"},
		{"text", "都发了吗"},
		{"text", "都看看吗"},
		{"text", "都要看吗"},
		{"text", "前两篇吗"},
		{"text", "全部文章"},
		{"text", "全部文章吗"},
	} {
		from := fmt.Sprintf("o_rsl_ack_%02d", i)
		if list := send(from, "text", "基层治理"); !strings.Contains(list, "2. ") {
			t.Fatalf("基层治理: no list:\n%s", list)
		}
		if out := send(from, c.kind, c.text); strings.HasPrefix(out, "1. <a href=") {
			t.Errorf("%s %q after a list: not a choice of it, got its items as links:\n%s", c.kind, c.text, out)
		}
	}
}
