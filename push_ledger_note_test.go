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

// TestPushSaysTheLedgersShownOthers: two followers ask 每日一读, and one of
// them then sends 退订. push said "skipped 1 shown it already" (the one
// who turned it off is no recipient), push status for the same day "2
// skipped: shown it already", nothing saying why (a newcomer's run): push
// says the ledger's other one.
func TestPushSaysTheLedgersShownOthers(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfgPath := customerPushConfig(t, fake, 3) // o0000, o0001, o0002
	a := appOn(t, cfgPath, withWebhook)
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close)
	sim := simulatorFor(t, cfgPath, srv.URL)
	ctx := context.Background()
	id := int64(0)
	for _, m := range [][2]string{{"o0001", "每日一读"}, {"o0002", "每日一读"}, {"o0001", "退订"}} {
		id++
		if _, err := sim.Send(ctx, wechat.Inbound{From: m[0], MsgType: "text", Content: m[1], MsgID: id, CreateTime: time.Now().Unix()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.handler.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	_, pushOut, pushErr := runCmd(t, "push", "--config", cfgPath)
	_, statusOut, statusErr := runCmd(t, "push", "status", "--config", cfgPath)
	if !strings.Contains(pushOut, "  skipped 1  shown it already") || !strings.Contains(pushOut, "(the day's ledger holds 1 more shown it already (the welcome or 每日一读 asked): followers shown it who are no recipients now") {
		t.Errorf("push:\n%s%s", pushOut, pushErr)
	}
	if !regexp.MustCompile(`(?m)^\s+2\s+skipped: shown it already`).MatchString(statusOut) {
		t.Errorf("status:\n%s%s", statusOut, statusErr)
	}
}
