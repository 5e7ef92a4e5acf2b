package main

// A fourth hostile re-check (xy27) of d5b0f80..ae15344: each case passes
// at d5b0f80 and fails at ae15344.

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecheckFourthSubscribeBesideAStopReasonTurnsNothingOn: a subscribe keyword
// beside one of the whitelist's reasons for stopping (没时间看, 看不完,
// 太多, 用不上, 不想看, 太打扰, 太频繁) is a complaint, not a request to
// subscribe: an unsubscribed follower must stay OFF (d5b0f80: no match,
// OFF; ae15344: 已为你订阅每日一读, ON).
func TestRecheckFourthSubscribeBesideAStopReasonTurnsNothingOn(t *testing.T) {
	keepsSwitch(t, "subreason", false, []switchCase{
		{"voice", "没时间看订阅。"},
		{"voice", "最近太忙了顾不上看订阅。"},
		{"voice", "订阅看不完。"},
		{"voice", "订阅太多了看不完。"},
		{"voice", "考完了订阅用不上了。"},
		{"voice", "上岸了订阅用不上了。"},
		{"voice", "订阅不想看。"},
		{"voice", "订阅太打扰了。"},
		{"voice", "恢复推送太频繁了。"},
		{"text", "没时间看订阅"},
		{"text", "订阅太多了看不完"},
	})
}

// TestRecheckFourthFrequencyAskedIsNoStop: 别推送太频繁 (don't push so often) asks
// for fewer pushes, not none: a subscribed follower must stay ON
// (d5b0f80: no match, ON; ae15344: 已退订每日一读).
func TestRecheckFourthFrequencyAskedIsNoStop(t *testing.T) {
	keepsSwitch(t, "freq", true, []switchCase{
		{"voice", "别推送太频繁。"},
		{"voice", "别推送太频繁了。"},
		{"text", "不要推送太频繁"},
		{"voice", "最近太忙了不要推送太频繁。"},
	})
}

// TestRecheckFourthHandOffTakenBackIsNoRequest: 人工 followed by own words taking
// it back (joking, never mind, a typo, a test, reading it themselves) is
// no request for a person (d5b0f80: no match; ae15344: handed to a person).
func TestRecheckFourthHandOffTakenBackIsNoRequest(t *testing.T) {
	send := cardSender(t)
	for i, c := range []struct{ kind, text string }{
		{"voice", "人工我是开玩笑的。"},
		{"text", "人工我是开玩笑的"},
		{"voice", "人工我还是算了。"},
		{"voice", "人工因为我打错字了。"},
		{"voice", "人工我是测试一下。"},
		{"voice", "人工我还是自己看吧。"},
	} {
		from := fmt.Sprintf("o_rs27_handoff_%02d", i)
		if out := send(from, c.kind, c.text); strings.Contains(out, "transfer_customer_service") {
			t.Errorf("%s %q: handed to a person (%q), want no hand-off", c.kind, c.text, out)
		}
	}
}
