package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestWelcomeWhileTheStoreIsDownApologisesForNothingAsked (a fleet operator
// run's find): a follower who follows while the store is unreachable
// (PostgreSQL down) gets the welcome and, after it, 文章暂时无法读取，请稍后再试。
// — an apology for an article they never asked for (the welcome's daily
// card could not be read). README gives that apology to a number after a
// list and to 每日一读; the welcome beside which the reading is missing
// otherwise goes without it (dailyReply: "one sent beside other replies (the
// welcome's) is left out").
func TestWelcomeWhileTheStoreIsDownApologisesForNothingAsked(t *testing.T) {
	a, _, sim := replicaIn(t, t.TempDir())
	if err := a.store.Close(); err != nil { // as TestStoreUnreadable: the index stays in memory
		t.Fatal(err)
	}
	r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_newcomer", MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Content, "欢迎关注") {
		t.Fatalf("no welcome while the store is down: %+v", r)
	}
	if strings.Contains(r.Content, "文章暂时无法读取") {
		t.Fatalf("the welcome of a new follower carries an apology for an article nobody asked for:\n%s", r.Content)
	}
}
