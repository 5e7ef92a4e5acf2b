package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestConsolePushOfLogModeSaysRehearsal: push.mode log, the shipped
// default, "sends nobody" (README: a day pushed so "is a rehearsal", the
// outbox "reached nobody"). The dashboard's 每日一读推送 shows that day as
// state done with 送达 (delivered) 2 and green bars, nothing saying the
// followers got nothing, although the ledger keeps each row's mode (log).
// An operator opening the console the next morning reads that the reading
// went out. (Seen on a serve of the demo articles after `mpbot push`: the
// row 2026-12-07 done 2 3 0 0 0 0 under 送达 跳过 失败 ….)
func TestConsolePushOfLogModeSaysRehearsal(t *testing.T) {
	const token = "console-test-token-123"
	t.Setenv("MPBOT_ADMIN_TOKEN", token)
	t.Setenv("MPBOT_ADMIN_ADDR", "127.0.0.1:0")
	pushAwayFromNow(t)
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "") // push.mode log, as shipped
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	sim := simulatorFor(t, cfg, base)
	for i, who := range []string{"o_one", "o_two"} {
		if _, err := sim.Send(context.Background(), wechat.Inbound{From: who, MsgType: "text", Content: "基层治理", MsgID: int64(i + 1), CreateTime: time.Now().Unix()}); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, func() bool {
		_, out, _ := runCmd(t, "push", "--config", cfg, "--dry-run")
		return strings.Contains(out, "2 followers")
	}, "two followers to push to")
	if code, out, errOut := runCmd(t, "push", "--config", cfg); code != 0 || !strings.Contains(out, "sent 2") {
		t.Fatalf("push: %d %s %s", code, out, errOut)
	}
	m := adminRe.FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no admin console in the log:\n%s", logs)
	}
	var section string
	waitFor(t, func() bool {
		req, _ := http.NewRequest("GET", "http://"+m[1]+"/", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		page := string(b)
		i, j := strings.Index(page, "每日一读推送"), strings.Index(page, "关注事件")
		if i < 0 || j < i {
			return false
		}
		section = page[i:j]
		return strings.Contains(section, "<td class=\"d\">已")
	}, "the day's push on the dashboard")
	// In the console's words, not the ledger's (done（演练）: a newcomer's run).
	if !strings.Contains(section, "已演练：push.mode 为 log，只写入发件箱，没有粉丝收到") || strings.Contains(section, "done") || strings.Contains(section, `class="card"`) {
		t.Errorf("the dashboard shows a push.mode log rehearsal (nobody sent anything) as delivered, without a word of log mode:\n%s", section)
	}
	// mpbot report says it too.
	if r := reportJSON(t, cfg); len(r.Push) != 1 || !r.Push[0].Rehearsal {
		t.Errorf("report --json: push %+v, want one day, a rehearsal", r.Push)
	}
	if _, out, _ := runCmd(t, "report", "--config", cfg); !strings.Contains(out, "done (a rehearsal in push.mode log: sent to the outbox, it reached nobody)") {
		t.Errorf("the report does not say the day was a rehearsal:\n%s", out)
	}
}
