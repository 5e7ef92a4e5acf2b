package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// TestScheduleOverAScheduledOnDaySaysSo (a newcomer run's find): an
// article imported with scheduled_on a day five days ahead keeps that day; `mpbot
// schedule OTHER DAY` then takes the day from it without a word
// (exit 0, only the new title printed), and push status quietly moves the
// editor's article to the next unread day. The reverse order is told
// (TestImportScheduledClash: "note: c-1 is scheduled_on …, which
// demo-pujiang keeps (chosen for it already)"); schedule should name the
// article whose scheduled_on it overrides.
func TestScheduleOverAScheduledOnDaySaysSo(t *testing.T) {
	day := time.Now().AddDate(0, 0, 5).Format(content.DateLayout)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	path := filepath.Join(dir, "sched.jsonl")
	line := fmt.Sprintf(`{"id":"c-1","title":"标题c-1","url":"https://example.com/c-1","category":"政策理论导读","scheduled_on":%q}`+"\n", day)
	if err := os.WriteFile(path, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, path); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if _, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day); !strings.Contains(status, "(c-1), scheduled_on") {
		t.Fatalf("c-1 does not keep its scheduled_on day:\n%s", status)
	}
	code, out, errOut := runCmd(t, "schedule", "--config", cfg, "demo-pujiang", day)
	if code != 0 {
		t.Fatalf("schedule: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "c-1") {
		t.Errorf("schedule took %s from c-1 (scheduled_on it) without naming it:\nstdout: %s\nstderr: %s", day, out, errOut)
	}
}
