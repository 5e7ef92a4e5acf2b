package admin

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"mpbot/insights"
)

// TestDashboardOfAnEmptyLog: a period without questions says 暂无 under the
// most asked, where a header row stood over nothing; and the channels'
// table says it counts follow events, followers who left again too (it was
// headed 新粉丝, and differed from `followers stats`' new followers).
// Operator run's finds.
func TestDashboardOfAnEmptyLog(t *testing.T) {
	srv := testConsoleOf(t, &insights.Report{})
	req, _ := http.NewRequest("GET", srv.URL+"/", nil)
	req.Header.Set("Authorization", "Bearer the-console-token")
	_, body, _ := get(t, req)
	if !regexp.MustCompile(`<h2>最常问的问题</h2>暂无</section>`).MatchString(body) {
		i := strings.Index(body, "最常问的问题")
		t.Errorf("the most asked of an empty log: %.200s", body[max(i, 0):])
	}
	if !strings.Contains(body, "关注事件（按渠道；含之后又取关的") {
		t.Error("the channels' table is not said to count follow events")
	}
}
