package admin

import (
	"strings"
	"testing"
	"time"

	"mpbot/insights"
)

// TestConsoleSaysWhatTheLogLacks: a period past insights.retention says the
// older questions are gone, and a log turned off says nothing new is kept
// (?days=366 had said 最近 366 天 of a 90-day log; `mpbot report` noted it);
// the last answer of "other" is said in words, not the log's code
// (opt_status): an operator run's finds.
func TestConsoleSaysWhatTheLogLacks(t *testing.T) {
	srv := testConsoleOf(t, &insights.Report{Kept: 90 * 24 * time.Hour, LogOff: true,
		Asked: []insights.Asked{{Text: "退订了吗", Count: 2, Other: 2, LastOutcome: "opt_status"}}})
	page := pageOf(t, srv)
	for _, path := range []string{"/?days=366", "/unanswered?days=366"} {
		body := page(path)
		if !strings.Contains(body, "查询日志只保留 90 天") || !strings.Contains(body, "新的问题不再记录") {
			t.Errorf("%s says nothing of the log's 90 days or of its being off:\n%s", path, body)
		}
	}
	if body := page("/?days=30"); strings.Contains(body, "只保留") {
		t.Errorf("30 days of a 90-day log noted:\n%s", body)
	}
	if body := page("/"); !strings.Contains(body, "（最近：问是否订阅了每日一读）") {
		t.Errorf("the last other answer not in words:\n%s", body)
	}
}
