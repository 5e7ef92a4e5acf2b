package main

import (
	"strings"
	"testing"

	"mpbot/bot"
)

// A second re-check's finds in the study-platform follower run's fixes.

// TestSwitchedOffStateIsNoStop: 推送关掉了 / 推送停掉了 say what happened
// (a follower telling the push has been switched off), as 推送关了 and
// 推送关闭了 do, which the code already reads as states; yet they unsubscribe.
// Fails on 4d7a4a7 and on 537307c~1.
func TestSwitchedOffStateIsNoStop(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	say := shippedSay(t, cfg)
	voice := shippedAsk(t, cfg, bot.KindVoice)
	for i, text := range []string{"推送关掉了", "推送停掉了", "每日一读停掉了", "每日一读关掉了", "推送停掉了啊"} { // (现在暂停推送了, asked or said, is left a stop)
		if out := say("o_rc2_state_"+string(rune('a'+i)), text); strings.Contains(out, "已退订") {
			t.Errorf("%q: a state said, unsubscribed:\n%s", text, out)
		}
	}
	if out := voice("o_rc2_state_v", "推送关掉了。"); strings.Contains(out, "已退订") {
		t.Errorf("voice 推送关掉了。: a state said, unsubscribed:\n%s", out)
	}
}

// TestEveryDayArticlesStillStops: everyDayAfterNo strips 每天的/每天 after a
// no, so the reading's names 每天的文章 and 每天发文章 are lost: 不要每天的文章了
// unsubscribed on 537307c~1 and now gets the no-match reply (the follower
// keeps the reading they asked to stop). A regression.
func TestEveryDayArticlesStillStops(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"不要每天的文章了", "不想要每天的文章了", "别每天发文章了", "不用每天发文章了"} {
		if out := say("o_rc2_daily_"+string(rune('a'+i)), text); !strings.Contains(out, "已退订") {
			t.Errorf("%q: a stop, not unsubscribed:\n%s", text, out)
		}
	}
}
