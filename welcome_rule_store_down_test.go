package main

import (
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestWelcomeByRuleWhileStoreDownHasNoApology: the shipped rule newcomer
// (我是新来的) replies {type: welcome}, replies.subscribe's text and today's
// reading. With the store down the welcome sent on subscribing leaves the
// reading out, no apology for an article nobody asked for (a fleet run's
// find); the same welcome sent by the rule is followed by
// 文章暂时无法读取，请稍后再试。 again: dailyReply now keys the welcome on
// the message's kind (subscribe, scan), not on the welcome's reply.
func TestWelcomeByRuleWhileStoreDownHasNoApology(t *testing.T) {
	dir := t.TempDir()
	path := writeConfig(t, dir, "")
	cfg, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(context.Background(), cfg, quietLogger(io.Discard), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.routes())
	t.Cleanup(func() { srv.Close(); a.close() })
	sim := simulatorFor(t, path, srv.URL)
	if err := a.store.Close(); err != nil { // as TestStoreUnreadable: the index stays in memory
		t.Fatal(err)
	}
	sub, err := sim.Send(context.Background(), wechat.Inbound{From: "o_new", MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sub.Content, "欢迎关注") || strings.Contains(sub.Content, "文章暂时无法读取") {
		t.Fatalf("the welcome on subscribing, the store down: %q", sub.Content)
	}
	r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_new2", MsgType: "text", Content: "我是新来的", CreateTime: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Content, "欢迎关注") {
		t.Fatalf("not the welcome: %+v", r)
	}
	if strings.Contains(r.Content, "文章暂时无法读取") {
		t.Errorf("the welcome sent by the newcomer rule, the store down, apologises for a reading nobody asked for: %q", r.Content)
	}
}
