package main

import (
	"strings"
	"testing"
)

// TestSwitchOfThePushNamedByWhose: the push named by whose or when it is
// (那个遴选的推送, 你们的推送, 每天早上的推送), as voice messages say it,
// turns the switch as 推送 does; a voice follower run's finds, each had got
// no match with the switch as it was.
func TestSwitchOfThePushNamedByWhose(t *testing.T) {
	switchAfter(t, "named_off", true, "OFF", []switchCase{
		{"voice", "我想退订那个遴选的推送。"},
		{"text", "我想退订你们的推送"},
		{"text", "不想看每天的推送了"},
		{"voice", "那个每天早上的推送不想看了。"},
		{"text", "退订公众号的推送"},
	})
	switchAfter(t, "named_on", false, "ON", []switchCase{{"text", "订阅遴选的推送"}})
	// Not asked to turn it: kept, and searched or told as before.
	keepsSwitch(t, "named_kept", true, []switchCase{
		{"text", "遴选的推送内容是什么"},
		{"text", "你们的推送很好"},
		{"text", "不想看遴选的推送了吗"},
	})
	send := cardSender(t)
	if out := send("o_named_push_how", "text", "公众号的推送怎么关"); !strings.Contains(out, "回复「退订」") {
		t.Errorf("公众号的推送怎么关: want where the switch stands and how to turn it:\n%s", out)
	}
}

// TestSwitchAskedAfterItsState: where the switch stands asked, then the
// switch asked for in the same message (我还没有订阅吗帮我订阅一下。: a voice
// follower run's find, no match and still unsubscribed): the one asked
// for; a question after it is answered as its own.
func TestSwitchAskedAfterItsState(t *testing.T) {
	switchAfter(t, "state_on", false, "ON", []switchCase{
		{"voice", "我还没有订阅吗帮我订阅一下。"},
		{"text", "我还没有订阅吗？帮我订阅一下"},
	})
	switchAfter(t, "state_off", true, "OFF", []switchCase{{"text", "我还订阅着吗？帮我退订"}})
	// No switch asked after the question: nothing turned.
	keepsSwitch(t, "state_kept", true, []switchCase{
		{"text", "我订阅了吗？订阅了就退订吧"},
		{"text", "退订了吗？退订了我还能看往期吗"},
	})
	send := cardSender(t)
	if out := send("o_state_then_search", "text", "我订阅了吗？我想看枫桥经验"); !strings.Contains(out, "枫桥经验") {
		t.Errorf("a question after the switch's state: want its article:\n%s", out)
	}
}

// TestWholeListChosen: after a list, the whole of it or its first few
// asked for (两个都看看, 都要, 前两篇, 全部: a voice follower run's finds;
// 两个都看看 had got a card on 两个确立, the rest no match) get those items
// as links, as 1和2 gets them.
func TestWholeListChosen(t *testing.T) {
	send := webhookSender(t)
	for _, text := range []string{"两个都看看", "都要", "前两篇", "全部", "两篇都要", "都看看吧", "都发给我"} {
		from := "o_whole_list"
		list := send(from, "text", "基层治理")
		if !strings.Contains(list, "2. ") {
			t.Fatalf("基层治理: no list:\n%s", list)
		}
		out := send(from, "text", text)
		if !strings.HasPrefix(out, "1. <a href=") || !strings.Contains(out, "\n2. <a href=") {
			t.Errorf("%q after a list: want its first items as links, got:\n%s", text, out)
		}
		if text == "前两篇" || text == "两个都看看" {
			if strings.Contains(out, "\n3. ") {
				t.Errorf("%q after a list: want two items, got:\n%s", text, out)
			}
		}
	}
}
