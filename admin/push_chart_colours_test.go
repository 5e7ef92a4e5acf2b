package admin

import (
	"regexp"
	"testing"

	"mpbot/insights"
)

// TestPushChartColoursMeanOneThing: the push chart's legend reads 送达 green,
// 跳过 yellow, 失败 red, 未知 blue, 发送中 grey. A rehearsal day (push.mode
// log) is now drawn grey — the 发送中 (in flight) grey, class other — and a
// missed day is marked red — the 失败 (failed) red, class none — with no
// legend entry for either. On the dashboard a rehearsed day reads as a
// push still sending, and a missed one as deliveries that failed; only a
// hover title says otherwise, which a phone does not show.
func TestPushChartColoursMeanOneThing(t *testing.T) {
	svg := string(pushChart([]insights.PushDay{
		{Day: "2026-11-28", State: "done", Sent: 227},
		{Day: "2026-11-29", State: "done", Sent: 2, Rehearsal: true},
		{Day: "2026-11-30", State: insights.Missed},
		{Day: "2026-12-01", State: "stopped", Sent: 200, Failed: 20, InFlight: 7},
	}))
	classOf := func(title string) string {
		m := regexp.MustCompile(`<rect [^>]*class="([a-z]+)"><title>` + regexp.QuoteMeta(title) + `</title>`).FindStringSubmatch(svg)
		if m == nil {
			t.Fatalf("no bar titled %q:\n%s", title, svg)
		}
		return m[1]
	}
	inFlight, failed := classOf("2026-12-01：发送中 7"), classOf("2026-12-01：失败 20")
	if c := classOf("2026-11-29：演练·送达 2（push.mode 为 log，没有粉丝收到）"); c == inFlight {
		t.Errorf("a rehearsal is drawn in the colour of 发送中 (class %s)", c)
	}
	if c := classOf("2026-11-30：未推送"); c == failed {
		t.Errorf("a missed day is marked in the colour of 失败 (class %s)", c)
	}
}
