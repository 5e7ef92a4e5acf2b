package admin

import (
	"regexp"
	"strconv"
	"testing"

	"mpbot/insights"
)

// TestPushChartKeepsTheDaysBetween: the dashboard's daily-push chart draws
// only the days a push ran, side by side: a day whose push never ran (serve
// down past push.catch_up, the push off) leaves no gap, and the axis reads
// 28 30 06 07 as if consecutive — the one thing an operator scans that chart
// for. README (the console): "questions per day and the daily push as
// charts (a slot for every day from the first to the last, days without
// questions empty, …: days had stood side by side as if consecutive)"; the
// questions chart fills the gaps (everyDay), the push chart does not (seen
// in the console of an operator run: 11-28, 11-30, 12-06, 12-07 adjacent).
func TestPushChartKeepsTheDaysBetween(t *testing.T) {
	svg := string(pushChart([]insights.PushDay{
		{Day: "2026-11-28", State: "done", Sent: 227},
		{Day: "2026-11-30", State: "done", Sent: 227},
		{Day: "2026-12-06", State: "done", Sent: 227},
	}))
	xs := regexp.MustCompile(`<text x="(\d+)" y="\d+" class="axis">(28|30|06)</text>`).FindAllStringSubmatch(svg, -1)
	if len(xs) != 3 {
		t.Fatalf("axis labels %v:\n%s", xs, svg)
	}
	x28, _ := strconv.Atoi(xs[0][1])
	x30, _ := strconv.Atoi(xs[1][1])
	x06, _ := strconv.Atoi(xs[2][1])
	if x30-x28 < 2*(22+6) || x06-x30 < 6*(22+6) {
		t.Errorf("11-28 at x=%d, 11-30 at x=%d, 12-06 at x=%d: the days without a push (11-29, 12-01 to 12-05) have no slot; the days stand side by side", x28, x30, x06)
	}
}

// TestPushChartMarksMissedDays: a day the push was due and never ran is
// marked in its slot; left empty, it read as a push to no one.
func TestPushChartMarksMissedDays(t *testing.T) {
	svg := string(pushChart([]insights.PushDay{
		{Day: "2026-11-28", State: "done", Sent: 227},
		{Day: "2026-11-29", State: insights.Missed},
		{Day: "2026-11-30", State: "done", Sent: 227},
	}))
	if !regexp.MustCompile(`<rect [^>]*class="missed"><title>2026-11-29：未推送</title></rect>`).MatchString(svg) {
		t.Errorf("no mark on the missed day:\n%s", svg)
	}
}
