package main

import (
	"strings"
	"testing"

	"mpbot/bot"
)

// A re-check's finds in the study-platform follower run's fixes (each had
// failed on them).

// 不再收到 (added to stoppingBefore) and 不再 before 每天 (everyDayAfterNo)
// read a follower's report that the push no longer arrives as a request to
// stop it: 我现在不再收到推送了 got the no-match reply before 537307c and now
// unsubscribes the follower (已退订每日一读) — who was complaining that the
// reading no longer comes.
func TestNoLongerReceivingIsNoStop(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	say := shippedSay(t, cfg)
	voice := shippedAsk(t, cfg, bot.KindVoice)
	for i, c := range []struct {
		text  string
		voice bool
	}{
		{"我现在不再收到推送了", false},
		{"我不再收到推送了", false},
		{"我不再每天都收到推送了", false},
		{"我现在不再收到每日一读了", false},
		{"我现在不再收到推送了。", true},
		{"嗯，我现在不再每天收到推送了。", true},
	} {
		from := "o_rc_state_" + string(rune('a'+i))
		var out string
		if c.voice {
			out = voice(from, c.text)
		} else {
			out = say(from, c.text)
		}
		if strings.Contains(out, "已退订") {
			t.Errorf("%q (voice %v): a state said, unsubscribed:\n%s", c.text, c.voice, out)
		}
	}
}

// everyDayAfterNo turns the A-not-A question 要不要每天都推送 ("should you push
// every day?") into 要不要推送, whose 不要推送 stops the reading: asked, the
// follower is unsubscribed (no match before 537307c). 要不要每天推送 did so
// before too (每天推送 is a reading name): the same question.
func TestAskingWhetherToPushDailyIsNoStop(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"要不要每天都推送", "你们要不要每天都推送啊", "要不要每天推送"} {
		if out := say("o_rc_anota_"+string(rune('a'+i)), text); strings.Contains(out, "已退订") {
			t.Errorf("%q: a question, unsubscribed:\n%s", text, out)
		}
	}
}

// The new clause drop reads 取消退订 ("take back the unsubscribe") as a stop
// asked again, and drops it: a message whose clauses disagree unsubscribes
// (no match before 537307c).
func TestTakingBackIsNoStopAskedAgain(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_rc_back", "每日一读不要了，取消退订"); strings.Contains(out, "已退订") {
		t.Errorf("clauses that disagree, unsubscribed:\n%s", out)
	}
}
