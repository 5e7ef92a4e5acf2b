package admin

import (
	"net/http"
	"strings"
	"testing"

	"mpbot/insights"
)

// TestPushStateInTheConsolesWords: the dashboard's push table says a day's
// state in Chinese, as the rest of the console (done（演练）: a newcomer's
// run); a state it does not know is shown as the ledger writes it.
func TestPushStateInTheConsolesWords(t *testing.T) {
	for _, c := range []struct {
		state     string
		rehearsal bool
		want      string
	}{
		{"done", false, "已完成"},
		{"done", true, "已演练：push.mode 为 log，只写入发件箱，没有粉丝收到"},
		{"stopped", false, "已停止（重跑可补发）"},
		{"stopped", true, "已停止（重跑可补发）（演练，没有粉丝收到）"},
		{"running", false, "进行中"},
		{"missed", false, "未推送"},
		{"paused", false, "paused"},
	} {
		if got := pushState(c.state, c.rehearsal); got != c.want {
			t.Errorf("pushState(%q, %v) = %q, want %q", c.state, c.rehearsal, got, c.want)
		}
	}
}

// TestRehearsalRowDeliversNothing: the push table's row of a day rehearsed
// in push.mode log said 已演练…没有粉丝收到 and, under 送达 (delivered), 2
// (a newcomer's run): it says none delivered and what went to the
// outbox, and no opt-outs after a push nobody got.
func TestRehearsalRowDeliversNothing(t *testing.T) {
	srv := testConsoleOf(t, &insights.Report{Push: []insights.PushDay{{Day: "2026-12-08", State: "done", Sent: 2, Skipped: 2, Rehearsal: true, OptOuts: 1}}})
	req, _ := http.NewRequest("GET", srv.URL+"/", nil)
	req.Header.Set("Authorization", "Bearer the-console-token")
	_, page, _ := get(t, req)
	if !strings.Contains(page, `<td class="n">0（写入发件箱 2）</td>`) || !strings.Contains(page, `<td class="n">—</td></tr>`) {
		t.Errorf("the rehearsal's row:\n%s", page)
	}
}
