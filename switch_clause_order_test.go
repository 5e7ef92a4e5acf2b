package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestSwitchClauseOrder: where a never mind or a denial stands beside a stop
// of the daily reading decides it, the same for the keyword (退订) and for
// the reading named (关掉推送), each sent over the webhook and the switch
// asked after it. Before a stop a refusal refuses something else (不用了，
// 退订 had stopped nothing while 不用，退订 stopped); after it, it takes the
// stop back (关掉推送，算了 had unsubscribed while 退订，算了 had not); a no
// inside another word is no denial (退订，不关注了 and 退订，我不是学生 had
// stopped nothing).
func TestSwitchClauseOrder(t *testing.T) {
	send := webhookSender(t)
	for i, tc := range []struct {
		text  string
		stops bool
	}{
		{"不用了，退订", true},
		{"不用，退订", true},
		{"不了，退订", true},
		{"算了，关掉推送", true},
		{"算了，退订", true},
		{"退订，不关注了", true},
		{"退订，我不是学生", true},
		{"关掉推送，算了", false},
		{"退订，算了", false},
		{"关掉推送，不用了", false},
		{"不是，我不是要关掉推送", false},
		{"退订，骗你的", false},
		// A greeting or thanks before the refusal, a no correcting before
		// the stop and denying after it (a re-check's finds).
		{"老师好，不用了，退订", true},
		{"谢谢老师，不用了，退订吧", true},
		{"不是，我要退订", true},
		{"退订，不是", false},
	} {
		from := fmt.Sprintf("o_clause_order_%d", i)
		if out := send(from, "text", "订阅"); !strings.Contains(out, "已为你订阅") {
			t.Fatalf("订阅: %s", out)
		}
		send(from, "text", tc.text)
		state := send(from, "text", "退订了吗")
		if stopped := strings.Contains(state, "没有订阅"); stopped != tc.stops {
			t.Errorf("%q: unsubscribed %v, want %v (退订了吗: %s)", tc.text, stopped, tc.stops, state)
		}
	}
}

// TestStopBesideItsQuestionTellsTheSwitch: a stop beside a question about
// it (关掉推送，会怎样; 退订，还能搜文章吗) is asked, not done: the follower is
// told where the switch stands and how to turn it (it had got "no article
// found"), and stays subscribed.
func TestStopBesideItsQuestionTellsTheSwitch(t *testing.T) {
	send := webhookSender(t)
	for i, text := range []string{"关掉推送，会怎样", "退订，还能搜文章吗", "关掉推送，就收不到了吗", "退订，会怎样"} {
		from := fmt.Sprintf("o_stop_asked_%d", i)
		send(from, "text", "订阅")
		if out := send(from, "text", text); !strings.Contains(out, "你现在订阅着每日一读") || !strings.Contains(out, "「退订」") {
			t.Errorf("%q: want where the switch stands and how to turn it, got:\n%s", text, out)
		}
	}
	// Another article asked beside the stop is no question of the switch.
	if out := send("o_stop_asked_other", "text", "每日一读不想看了，换一篇"); strings.Contains(out, "订阅") {
		t.Errorf("每日一读不想看了，换一篇: told the switch:\n%s", out)
	}
}

// TestTodaysReadingAskedWithoutItsName: what today's reading is about,
// asked without naming it, after telling it came (每日一读收到了，今天讲什么: a
// follower run's find, no match), gets today's reading as 每日一读 does.
func TestTodaysReadingAskedWithoutItsName(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	want := say("o_today_ref", "每日一读")
	if !strings.Contains(want, "[图文]") {
		t.Fatalf("每日一读: %s", want)
	}
	for i, text := range []string{"每日一读收到了，今天讲什么", "今天讲什么", "今天的推送讲了什么？", "收到，今天讲什么呢"} {
		if out := say(fmt.Sprintf("o_today_%d", i), text); out != want {
			t.Errorf("%q: want today's reading\n%s\ngot:\n%s", text, want, out)
		}
	}
	// A topic after it is a search (今天讲什么会议 is no reading asked).
	if out := say("o_today_topic", "今天讲什么会议"); out == want {
		t.Errorf("今天讲什么会议 answered with today's reading")
	}
}

// TestPairAfterShortAskingWords: two topics after 我想问下 or 想了解一下
// (我想问下枫桥经验，还有浦江经验: no match) get each one's article, as
// 我想问一下 did.
func TestPairAfterShortAskingWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"我想问下枫桥经验，还有浦江经验", "我想问下枫桥经验，浦江经验", "想了解一下枫桥经验，还有浦江经验", "老师，问下枫桥经验和浦江经验"} {
		out := say(fmt.Sprintf("o_pair_heard_%d", i), text)
		if !strings.Contains(out, "枫桥经验") || !strings.Contains(out, "浦江经验") {
			t.Errorf("%q: want both topics' articles, got:\n%s", text, out)
		}
	}
}
