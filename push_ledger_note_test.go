package main

import (
	"context"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
)

// pushFollowersSaid is a customer-mode push's config of three followers
// (o0000, o0001, o0002; WeChat's API faked) whose webhook has answered
// each message (follower, text) and recorded what it did.
func pushFollowersSaid(t *testing.T, said [][2]string) (cfgPath string) {
	t.Helper()
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	cfgPath = customerPushConfig(t, fake, 3)
	a := appOn(t, cfgPath, withWebhook)
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close)
	sim := simulatorFor(t, cfgPath, srv.URL)
	ctx := context.Background()
	for i, m := range said {
		r, err := sim.Send(ctx, wechat.Inbound{From: m[0], MsgType: "text", Content: m[1], MsgID: int64(i + 1), CreateTime: time.Now().Unix()})
		if err != nil || m[1] == "每日一读" && len(r.Articles) != 1 {
			t.Fatalf("%s: %+v %v", m[1], r, err)
		}
	}
	if err := a.handler.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	return cfgPath
}

// TestPushSaysTheLedgersShownOthers: two followers ask 每日一读, and one of
// them then sends 退订. push said "skipped 1 shown it already" (the one
// who turned it off is no recipient), push status for the same day "2
// skipped: shown it already", nothing saying why (a newcomer's run): push
// says the ledger's other one.
func TestPushSaysTheLedgersShownOthers(t *testing.T) {
	cfgPath := pushFollowersSaid(t, [][2]string{{"o0001", "每日一读"}, {"o0002", "每日一读"}, {"o0001", "退订"}})
	_, pushOut, pushErr := runCmd(t, "push", "--config", cfgPath)
	_, statusOut, statusErr := runCmd(t, "push", "status", "--config", cfgPath)
	if !strings.Contains(pushOut, "  skipped 1  shown it already") || !strings.Contains(pushOut, "(the day's ledger holds 1 more shown it already (the welcome or 每日一读 asked): followers shown it who are no recipients now") {
		t.Errorf("push:\n%s%s", pushOut, pushErr)
	}
	if !regexp.MustCompile(`(?m)^\s+2\s+skipped: shown it already`).MatchString(statusOut) {
		t.Errorf("status:\n%s%s", statusOut, statusErr)
	}
}
