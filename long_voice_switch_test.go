package main

import (
	"strings"
	"testing"

	"mpbot/bot"
)

// TestLongVoiceAskingWhyPushStoppedKeepsSubscription: a long voice message
// asking (？) or guessing that the reading has stopped, a follower who wants
// it, is unsubscribed by clausesSwitch (fb0e1b4): the clause split drops the
// question mark the text path (7ea7ecf: 每日一读不要了？ asks) relies on, and
// 停了吧 (ad7d950) is read as a request though the message complains it
// stopped.
func TestLongVoiceAskingWhyPushStoppedKeepsSubscription(t *testing.T) {
	say := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	for i, text := range []string{
		"我想问一下，推送停了吧？我这几天都没收到，是不是出什么问题了，嗯，麻烦看一下。",
		"每日一读不要了？我怎么看到有人这么说，嗯，你们是不是要停了，好担心啊。",
		"老师，是不是，每日一读停了吧，我这几天都没收到，嗯，想问一下怎么回事。",
	} {
		if out := say("o_voice_stopped_"+string(rune('a'+i)), text); strings.Contains(out, "已退订") {
			t.Errorf("voice %q unsubscribes a follower asking after the reading:\n%s", text, out)
		}
	}
}

// TestLongVoiceStopTakenBackKeepsSubscription: a long voice message that
// asks to stop and then takes it back in words other than 不退订
// (算了吧, 不用了, 开玩笑的) is unsubscribed: only the clause asking to stop
// switches, the taking back is no clause that disagrees.
func TestLongVoiceStopTakenBackKeepsSubscription(t *testing.T) {
	say := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	for i, text := range []string{
		"我想退订，但是又怕错过好文章，嗯，想了想还是算了吧，就问一下推送时间能不能改一下。",
		"帮我退订一下，算了算了，不用了，嗯，我还是继续看吧，谢谢你们啊。",
		"我想退订，开玩笑的，嗯，你们的文章我每天都看，写得太好了，继续加油啊。",
	} {
		if out := say("o_voice_back_"+string(rune('a'+i)), text); strings.Contains(out, "已退订") {
			t.Errorf("voice %q, the stop taken back, unsubscribes:\n%s", text, out)
		}
	}
}

// TestLongVoiceStateSaidIsNoSwitch: a clause saying where the switch
// stands (我退订了, 我订阅了) among a question about it is a state told, not
// a request (as 7ea7ecf reads 推送停了): the follower who unsubscribed and
// wants the reading back is told 已退订; the one asking why nothing comes
// is told 已为你订阅 instead of an answer.
func TestLongVoiceStateSaidIsNoSwitch(t *testing.T) {
	say := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)
	if out := say("o_voice_state_a", "我退订了，现在又想看了，嗯，请问怎么才能恢复每天的推送呢，谢谢老师。"); strings.Contains(out, "已退订") {
		t.Errorf("a follower wanting the reading back is told 已退订:\n%s", out)
	}
	if out := say("o_voice_state_b", "我不想退订，嗯，但是我老公想退订，他用的是我的手机，你们看怎么弄一下吧。"); strings.Contains(out, "已为你订阅") {
		t.Errorf("a question about a shared phone answered by subscribing:\n%s", out)
	}
}
