package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReportSaysTheDaysThePushMissed: `mpbot report` lists a day the push
// was due and never ran (serve down past push.catch_up) as missed, with
// the command that sends it; its table had listed only the days that ran,
// so a week with two days down read as a week of five pushes.
func TestReportSaysTheDaysThePushMissed(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 2)
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	day := func(back int) string { return time.Now().In(shanghai).AddDate(0, 0, -back).Format("2006-01-02") }
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day(3)); code != 0 {
		t.Fatalf("push --date %s: %d %s %s", day(3), code, out, errOut)
	}
	code, out, errOut := runCmd(t, "report", "--config", cfg)
	if code != 0 {
		t.Fatalf("report: %d %s %s", code, out, errOut)
	}
	for _, back := range []int{2, 1} {
		if want := day(back) + "\tmissed (due, and no run began: serve down past push.catch_up, or the push could not start — serve's log says why, `daily push failed`; `mpbot push --date " + day(back) + "` sends it once that is mended)"; !strings.Contains(out, want) {
			t.Errorf("the report does not say %s was missed:\n%s", day(back), out)
		}
	}
	if strings.Contains(out, day(4)+"\t") {
		t.Errorf("%s, before the push's first run, is listed:\n%s", day(4), out)
	}
	states := map[string]string{}
	for _, p := range reportJSON(t, cfg).Push {
		states[p.Day] = p.State
	}
	if states[day(3)] != "done" || states[day(2)] != "missed" || states[day(1)] != "missed" {
		t.Errorf("--json push states %v", states)
	}
}

// TestPushDue: the days a schedule fired at a time a minute or more past,
// from the period's first day to today.
func TestPushDue(t *testing.T) {
	loc := time.UTC
	since := time.Date(2026, 12, 1, 12, 0, 0, 0, loc)
	for _, c := range []struct {
		spec string
		now  time.Time
		want string
	}{
		{"30 7 * * *", time.Date(2026, 12, 4, 7, 30, 30, 0, loc), "2026-12-01 2026-12-02 2026-12-03"}, // today's firing within the minute
		{"30 7 * * *", time.Date(2026, 12, 4, 7, 32, 0, 0, loc), "2026-12-01 2026-12-02 2026-12-03 2026-12-04"},
		{"30 7 * * 1-5", time.Date(2026, 12, 8, 9, 0, 0, 0, loc), "2026-12-01 2026-12-02 2026-12-03 2026-12-04 2026-12-07 2026-12-08"}, // no weekend
		{"0 7,19 * * *", time.Date(2026, 12, 2, 9, 0, 0, 0, loc), "2026-12-01 2026-12-02"},                                             // a day once
	} {
		if got := strings.Join(pushDue(c.spec, loc, since, c.now), " "); got != c.want {
			t.Errorf("%s at %s: %q, want %q", c.spec, c.now, got, c.want)
		}
	}
}
