package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
	"mpbot/jobs"
)

// TestShownInLogModeIsNotPushedAfterTheRehearsal (a re-check run's find): serve
// runs push.mode log (the default); a follower asks 每日一读 and is shown
// today's reading (a real reply: it reached them); the day is rehearsed in
// log mode, then the operator switches to customer and pushes the day. The
// follower who read it is not pushed it again (app.readingShown had
// recorded nothing while push.mode was log, so the run that set the
// rehearsal aside sent everyone, the follower shown it included).
func TestShownInLogModeIsNotPushedAfterTheRehearsal(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfgPath := customerPushConfig(t, fake, 3) // o0000, o0001, o0002
	t.Setenv("MPBOT_PUSH_MODE", "log")
	a := appOn(t, cfgPath, withWebhook)
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close)
	sim := simulatorFor(t, cfgPath, srv.URL)
	ctx := context.Background()
	r, err := sim.Send(ctx, wechat.Inbound{From: "o0001", MsgType: "text", Content: "每日一读", MsgID: 1, CreateTime: time.Now().Unix()})
	if err != nil || len(r.Articles) != 1 {
		t.Fatalf("每日一读: %+v %v", r, err)
	}
	if err := a.handler.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.push.Run(ctx, jobs.RunOptions{}); err != nil { // the rehearsal
		t.Fatalf("log push: %v", err)
	}
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	code, out, errOut := runCmd(t, "push", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("customer push after the rehearsal: exit %d\n%s%s", code, out, errOut)
	}
	if n := customSendsPerFollower(fake)["o0001"]; n != 0 {
		t.Errorf("o0001, shown today's reading by 每日一读, was pushed it %d time(s) after the log rehearsal\n%s", n, strings.TrimSpace(out))
	}
}
