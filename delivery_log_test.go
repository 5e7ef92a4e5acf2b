package main

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestUndeliveredReplyErrcode: a reply that could not go out because the
// WeChat API did not answer (connection refused: a proxy down, the network)
// is logged "reply could not be delivered … errcode=0", and errcode 0 is
// WeChat's "ok" (mpbot_wechat_api_calls_total says errcode="-2", no answer,
// for the same call). The line should not say WeChat answered 0.
func TestUndeliveredReplyErrcode(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String()
	ln.Close()
	t.Setenv("MPBOT_WECHAT_API_BASE", dead)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	cfg := writeConfig(t, t.TempDir(), `replies:
  no_match: 没有找到。
  rules:
    - keywords: [两条]
      replies: [{type: text, content: 第一条}, {type: text, content: 第二条}]
`)
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	out, err := simulatorFor(t, cfg, base).Send(context.Background(), wechat.Inbound{From: "o_late", MsgType: "text", Content: "两条", MsgID: 1, CreateTime: time.Now().Unix()})
	if err != nil || out.Content != "第一条" {
		t.Fatalf("%v %+v", err, out)
	}
	waitFor(t, func() bool { return strings.Contains(logs.String(), "reply could not be delivered") }, "the failed delivery's log line")
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, "reply could not be delivered") && strings.Contains(line, "errcode=0 ") {
			t.Errorf("a delivery WeChat never answered is logged with errcode 0 (WeChat's ok):\n%s", line)
		}
	}
}
