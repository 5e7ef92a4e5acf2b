package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPushStatusOfADayBeforeAScheduledOneSaysSo: two articles of the
// push category; the operator schedules one for the day after tomorrow
// (`mpbot schedule ID DAY`). `push status --date TOMORROW` says "nothing to
// send: the articles of "政策理论导读" left unread go to the days before it
// (the last on TODAY)": the one left goes to a day after it, which the
// operator chose; the message sends them looking at the wrong days, and
// its "import more" is not what is wrong (a schedule leaving a gap is).
func TestPushStatusOfADayBeforeAScheduledOneSaysSo(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	lines := `{"id":"p-1","title":"共同富裕的内涵与实现路径","summary":"共同富裕是社会主义的本质要求。","body":"共同富裕是社会主义的本质要求，是中国式现代化的重要特征。","url":"https://example.cn/p/1","category":"政策理论导读","published_on":"2026-01-01"}
{"id":"p-2","title":"新时代枫桥经验的三个关键词","summary":"党建引领、自治法治德治相结合。","body":"党建引领、自治法治德治相结合、矛盾就地化解。","url":"https://example.cn/p/2","category":"政策理论导读","published_on":"2026-01-02"}
`
	file := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(file, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, file); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	zone, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Now().In(zone)
	tomorrow := now.AddDate(0, 0, 1).Format(time.DateOnly)
	after := now.AddDate(0, 0, 2).Format(time.DateOnly)
	if code, out, errOut := runCmd(t, "schedule", "--config", cfg, "p-2", after); code != 0 {
		t.Fatalf("schedule: exit %d\n%s%s", code, out, errOut)
	}
	_, out, errOut := runCmd(t, "push", "status", "--config", cfg, "--date", tomorrow)
	if strings.Contains(out, "go to the days before it") {
		t.Errorf("push status of %s says the unread articles went to the days before it; p-2 is scheduled for %s:\n%s%s", tomorrow, after, out, errOut)
	}
	// check says the days until it have nothing, not that nothing comes
	// from then.
	_, _, checkErr := runCmd(t, "check", "--config", cfg)
	if want := "have nothing to give until " + after + ", the day 新时代枫桥经验的三个关键词 (p-2) is scheduled for"; !strings.Contains(checkErr, want) {
		t.Errorf("check does not say tomorrow's gap ends at %s (%q):\n%s", after, want, checkErr)
	}
	if want := "scheduled for later days (the next, 新时代枫桥经验的三个关键词 (p-2), on " + after + ")"; !strings.Contains(out, want) {
		t.Errorf("push status of %s does not name the day p-2 is scheduled for (%q):\n%s%s", tomorrow, want, out, errOut)
	}
}
