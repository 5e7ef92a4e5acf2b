package admin

import "testing"

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
