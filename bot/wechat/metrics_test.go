package wechat

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"

	"mpbot/bot/wechat/wechattest"
)

func TestMetricsCount(t *testing.T) {
	m := NewMetrics(prometheus.NewRegistry())
	hs := newHarness(t, ModeSafe, withBudget(100*time.Millisecond), func(c *Config, _ *harness) { c.Metrics = m })
	in := hs.text("o_m", "帮助")
	hs.send(in)
	hs.send(in) // WeChat's retry
	hs.catalog.delay = 300 * time.Millisecond
	hs.send(hs.text("o_m", "浦江经验")) // too slow: success, then the API
	waitCall(t, hs, "/cgi-bin/message/custom/send")
	if got := testutil.ToFloat64(m.messages.vec.WithLabelValues("text")); got != 3 {
		t.Errorf("messages %v", got)
	}
	if got := testutil.ToFloat64(m.dedupeHits); got != 1 {
		t.Errorf("dedupe hits %v", got)
	}
	if got := testutil.ToFloat64(m.fallbacks); got != 1 {
		t.Errorf("fallbacks %v", got)
	}
	if got := testutil.ToFloat64(m.replies.vec.WithLabelValues("text")); got != 2 {
		t.Errorf("text replies %v", got)
	}
	// The late one was answered "success" at the budget: counted and timed
	// as such (an operator run's find: the slowest answers were missing
	// from the latency histogram, and messages less dedupe hits were more
	// than the replies).
	if got := testutil.ToFloat64(m.replies.vec.WithLabelValues("success")); got != 1 {
		t.Errorf("success replies %v", got)
	}
	var latency dto.Metric
	m.latency.Write(&latency)
	if n := latency.GetHistogram().GetSampleCount(); n != 3 {
		t.Errorf("reply latency observed %d times for 3 requests answered", n)
	}

	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: hs.api.URL, Metrics: m, Backoff: time.Millisecond}, hs.h.log)
	hs.api.Fail(customSend, wechattest.Fault{ErrCode: 45015})
	api.SendCustom(context.Background(), "o_m", hello)
	hs.api.ExpireToken()
	api.SendCustom(context.Background(), "o_m", hello)
	if got := testutil.ToFloat64(m.apiCalls.WithLabelValues(customSend, "45015")); got != 1 {
		t.Errorf("45015 calls %v", got)
	}
	if got := testutil.ToFloat64(m.tokenRefreshes); got != 1 {
		t.Errorf("token refreshes %v", got)
	}
}

// TestFallbackWithoutSenderSaysDropped: without wechat.app_secret a late
// reply is dropped, and the fallback's line says so; it had said the reply
// would be sent through the customer-service API, the next line that it
// was dropped (an operator run's find).
func TestFallbackWithoutSenderSaysDropped(t *testing.T) {
	hs := newHarness(t, ModeSafe, withBudget(100*time.Millisecond), withoutSender())
	hs.catalog.delay = 300 * time.Millisecond
	if out := hs.send(hs.text("o_late", "浦江经验")); !out.Success {
		t.Fatalf("want the fallback's success, got %+v", out)
	}
	waitFor(t, func() bool { return strings.Contains(hs.logs.String(), "reply dropped") }, "the late reply dropped")
	logs := hs.logs.String()
	if strings.Contains(logs, "it will be sent through the customer-service API") || !strings.Contains(logs, "answered with success, and the reply will be dropped") {
		t.Errorf("logs:\n%s", logs)
	}
}
