package main

import (
	"context"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestEditWhileStartingIsApplied: a config edit saved while serve starts
// (after it read the file, before its watch began: the seconds the store and
// the index take to open) is applied, as an edit saved a moment later is.
//
// A soak run's find: replica B of a fleet restarted while the operators'
// edits went on; the edit saved 2 s into its start (v73) never reached it.
// It served the file as it was before the edit, ready, no rejection said,
// while replica A served the edit, until the next save 5 s later. The watch
// takes the file's content as it finds it when it starts as the one
// serving, not the content serve loaded, and the 2-second poll compares with
// that, so without another save the replica serves the old config for good.
func TestEditWhileStartingIsApplied(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, fmt.Sprintf(helpRule, "第一版"))
	defer func(w func(string, func(), *slog.Logger) (*configWatcher, error)) { startConfigWatch = w }(startConfigWatch)
	startConfigWatch = func(path string, reload func(), log *slog.Logger) (*configWatcher, error) {
		// The operator saves while serve is still starting: the config
		// was read, the watch not begun yet.
		writeConfig(t, dir, fmt.Sprintf(helpRule, "第二版"))
		return watchConfig(path, reload, log)
	}
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	sim := simulatorFor(t, cfg, base)
	msgID := int64(0)
	ask := func(text string) string {
		msgID++
		out, err := sim.Send(context.Background(), wechat.Inbound{From: "o_starting", MsgType: "text", Content: text, MsgID: msgID, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatalf("send %q: %v", text, err)
		}
		return out.String()
	}
	// The poll (2 s) and the settle (0.3 s) are long over after 8 s.
	deadline := time.Now().Add(8 * time.Second)
	got := ask("帮助")
	for got != "第二版" && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		got = ask("帮助")
	}
	if got != "第二版" {
		t.Fatalf("帮助 answered %q 8 s after the edit saved during the start, want the edit's 第二版 (the file on disk has it; nothing was rejected)\n%s", got, logs)
	}
}
