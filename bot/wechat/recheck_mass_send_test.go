package wechat

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"mpbot/bot/wechat/wechattest"
)

// TestRecheckTooSoonThenNoQuotaIsMaybeSent: the neighbour of the 45066 fix.
// 45066 says a send of this clientmsgid reached WeChat within the minute.
// Sent again after the minute, WeChat may answer 45028 (has no masssend
// quota): the day's one mass send was used, plausibly by that first send.
// SendAll returns 45028 as a plain, sure failure, so the day is "not gone
// out", free to be rerun in a per-follower mode that sends every follower
// the reading a second time: the defect the fix was for, by another code.
func TestRecheckTooSoonThenNoQuotaIsMaybeSent(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Fail("/cgi-bin/message/mass/sendall",
		wechattest.Fault{ErrCode: 45066, ErrMsg: "clientmsgid retry too fast, please retry after 1 minute"},
		wechattest.Fault{ErrCode: 45028, ErrMsg: "has no masssend quota"})
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Timeout: time.Second, Attempts: 4, Backoff: time.Millisecond},
		slog.New(slog.DiscardHandler))
	b := &Broadcaster{API: api, RepeatAfter: 10 * time.Millisecond}
	_, err := b.SendAll(context.Background(), "media-1", "mpbot-2026-12-07")
	var e *Error
	if !(errors.As(err, &e) && e.MaybeDelivered()) {
		t.Fatalf("SendAll after 45066 then 45028: %v (maybe delivered: %v); the first send reached WeChat and may have used the quota", err, e != nil && e.MaybeDelivered())
	}
}
