package bot

import (
	"testing"

	"mpbot/search"
)

// A follower noticing the reading has stopped, or is off (推送停了？,
// 每日一读停了啊, 推送关了？), is asking or complaining, not asking to stop:
// since 72b4c64 each is unsubscribed (已退订每日一读). 停了/关了 said after
// the reading's name is a report of its state as often as a request; with
// a question mark or 啊 it is no request at all.
func TestOptStateReportedIsNoOptOut(t *testing.T) {
	push := PushSpec{SubscribeKeywords: []string{"订阅"}, UnsubscribeKeywords: []string{"退订", "取消订阅", "不要再推送", "别推了", "td", "停止推送"},
		SubscribeReply: "已订阅。", UnsubscribeReply: "已退订。"}
	s, err := Compile(demoSpec(), okSearch, push, search.Fold)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"推送停了？", "每日一读停了？", "每日一读停了啊", "推送关了？", "每天推送停了？", "每日一读不要了？", "推送关了啊", "每天的推送停了"} {
		if out, ok := s.opt(s.fold(Bare(text))); ok && out || !endsAsking(text) && s.stopsReading(s.fold(Bare(text))) {
			t.Errorf("%q unsubscribes", text)
		}
	}
}
