package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mpbot/bot/wechat/wechattest"
)

// TestPushDryRunInLogModeWritesNothing: the new line `mpbot push` prints in
// push.mode log, "push.mode log, a rehearsal: written to outbox.jsonl", is
// printed by --dry-run too, which writes nothing (README: a dry run shows
// who would get what). An operator checking the shipped config before going
// live is told the outbox was written, and finds it empty or missing.
func TestPushDryRunInLogModeWritesNothing(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfg := customerPushConfig(t, fake, 3)
	t.Setenv("MPBOT_PUSH_MODE", "log")
	const day = "2026-11-13"
	code, out, errOut := runCmd(t, "push", "--dry-run", "--config", cfg, "--date", day)
	if code != 0 {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "outbox.jsonl")); err == nil {
		t.Fatalf("the dry run wrote the outbox")
	}
	if strings.Contains(out, "written to outbox.jsonl") {
		t.Errorf("the dry run, which writes nothing, says the day was written to outbox.jsonl:\n%s", out)
	}
}
