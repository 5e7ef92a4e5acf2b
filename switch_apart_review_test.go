package main

// A review's finds (xy24) in switchApart, the switch read beside a reason
// in a message run on: each case had kept the switch as it was at
// d5b0f80, and switchApart turned it (anything three characters long
// beside a keyword had been read as a reason).

import (
	"fmt"
	"strings"
	"testing"

	"mpbot/bot"
)

func TestSwitchApartNotBesideOthersOrPutOff(t *testing.T) {
	// Subscribed followers: each must stay ON.
	keepsSwitch(t, "apart_on", true, []switchCase{
		{"voice", "我室友让我退订我没听。"},
		{"voice", "我妈说她已经退订了。"},
		{"voice", "有人说要取消订阅但我觉得挺好。"},
		{"voice", "我退订了很多公众号只留了你们。"},
		{"text", "我觉得退订的人挺多的"},
		{"text", "退订还是算了"},
		{"text", "退订就算了"},
		{"text", "以后再退订"},
		{"text", "不要每日一读的文章"},
	})
	// Unsubscribed followers: each must stay OFF.
	keepsSwitch(t, "apart_off", false, []switchCase{
		{"voice", "我订阅了人民日报。"},
		{"voice", "领导让我订阅学习强国。"},
		{"text", "订阅还是算了"},
		{"text", "以后再订阅"},
		{"text", "已为你订阅"},
		{"text", "退订订阅"},
	})
}

// TestRequestBeforeOwnNotBeforeAQuestion: the follower's own words going on
// to a question are no reason after a request: the question is answered
// (千万工程's card had come back for a question on 新质生产力).
func TestRequestBeforeOwnNotBeforeAQuestion(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_req_own_q", "千万工程我们要开会用，想问一下新质生产力的特征是什么？"); !strings.Contains(out, "新质生产力") {
		t.Errorf("want the article on 新质生产力 (the question asked), got:\n%s", out)
	}
}

// TestPoliteStopAfterReadingName: 能 after the reading's name asks as
// 能不能 does (每日一读能先停一下吗 had stopped nothing).
func TestPoliteStopAfterReadingName(t *testing.T) {
	send := cardSender(t)
	for i, text := range []string{"每日一读能先停一下吗。", "每日一读能不能先停一下。"} {
		from := fmt.Sprintf("o_polite_after_%d", i)
		send(from, "text", "订阅")
		out := send(from, "voice", text)
		if st := switchState(send, from); st != "OFF" {
			t.Errorf("voice %q: switch %s, want OFF; reply %q", text, st, out)
		}
	}
}

var _ = bot.KindVoice
