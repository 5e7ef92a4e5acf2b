package wechat

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

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
