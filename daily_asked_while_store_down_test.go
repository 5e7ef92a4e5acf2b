package main

import (
	"context"
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestDailyAskedWhileStoreDownIsNotLeftSilent: the fix for the welcome's
// apology (dailyReply leaves the reading out "beside" other replies when
// the store cannot be read) takes any response of more than one reply for
// a welcome. An operator's 每日一读 rule of two replies, mode all — a line
// of text, then {type: daily} — asked for while the store is down now
// answers with the line alone: "今天的每日一读：" and nothing after it, no
// apology, for the one thing the follower asked for. README keeps
// 文章暂时无法读取，请稍后再试。 for 每日一读 ("not after a welcome").
func TestDailyAskedWhileStoreDownIsNotLeftSilent(t *testing.T) {
	dir := t.TempDir()
	path := writeConfig(t, dir, "")
	shipped, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const one = "      reply: {type: daily}\n    - name: exam"
	if !strings.Contains(string(shipped), one) {
		t.Fatal("the shipped daily rule has changed")
	}
	two := "      mode: all\n      replies:\n        - {type: text, content: 今天的每日一读：}\n        - {type: daily}\n    - name: exam"
	if err := os.WriteFile(path, []byte(strings.Replace(string(shipped), one, two, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
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
	r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_reader", MsgType: "text", Content: "每日一读", CreateTime: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Content, "今天的每日一读") {
		t.Fatalf("not the daily rule's reply: %+v", r)
	}
	if !strings.Contains(r.Content, "文章暂时无法读取") {
		t.Errorf("每日一读 asked while the store is down is answered with the rule's first line alone, no reading and no apology: %q", r.Content)
	}
}
