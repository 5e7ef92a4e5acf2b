package wechat

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"mpbot/bot/wechat/wechattest"
)

// TestMassSendRetryTooFastIsNotAPlainFailure: a mass send whose answer
// is lost (the connection dropped after the request went out) is retried
// with the same clientmsgid after the backoff (milliseconds to a second),
// and WeChat answers a repeat of a clientmsgid within a minute with 45066
// ("相同 clientmsgid 重试速度过快，请间隔1分钟重试"): the first request reached
// it. SendAll returns that as a plain, sure failure (not MaybeDelivered),
// so the push records the day's broadcast "failed" as not gone out: the
// day shows stopped with "errcode 45066", its reading may be changed
// (ScheduleDaily) and push.mode switched to a per-follower mode, which
// sends the followers the reading a second time (sameReach sees no mass
// send gone out).
func TestMassSendRetryTooFastIsNotAPlainFailure(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Fail("/cgi-bin/message/mass/sendall",
		wechattest.Fault{Drop: true},
		wechattest.Fault{ErrCode: 45066, ErrMsg: "clientmsgid retry too fast, please retry after 1 minute"})
	api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Timeout: time.Second, Attempts: 4, Backoff: time.Millisecond},
		slog.New(slog.DiscardHandler))
	b := &Broadcaster{API: api, RepeatAfter: 10 * time.Millisecond}
	_, err := b.SendAll(context.Background(), "media-1", "mpbot-2026-12-07")
	if n := len(fake.Calls("/cgi-bin/message/mass/sendall")); n != 3 {
		t.Fatalf("%d sendall calls, want the dropped one, its retry and the send after the minute", n)
	}
	var e *Error
	if err != nil && !(errors.As(err, &e) && e.MaybeDelivered()) {
		t.Fatalf("SendAll after a dropped answer and 45066: %v (maybe delivered: %v); the first send reached WeChat", err, e != nil && e.MaybeDelivered())
	}
}

// TestMassSendTooSoonIsSentAgainAfterTheMinute: after 45066 the key is sent
// again once WeChat's minute has passed; 45065 then says it went out, and
// 45066 again, or a push stopped meanwhile, leaves it maybe sent (a rerun
// sends it again with the key), never a sure failure.
func TestMassSendTooSoonIsSentAgainAfterTheMinute(t *testing.T) {
	tooSoon := wechattest.Fault{ErrCode: 45066, ErrMsg: "clientmsgid retry too fast, please retry after 1 minute"}
	for _, c := range []struct {
		name   string
		faults []wechattest.Fault
		cancel bool
		sent   bool // no error: it went out
	}{
		{"then 45065", []wechattest.Fault{tooSoon, {ErrCode: 45065, ErrMsg: "clientmsgid exist"}}, false, true},
		{"then sent", []wechattest.Fault{tooSoon}, false, true},
		{"then 45066 again", []wechattest.Fault{tooSoon, tooSoon}, false, false},
		// 45028, no quota: the day's one perhaps used by the first send (a
		// re-check's find: a sure failure).
		{"then 45028", []wechattest.Fault{tooSoon, {ErrCode: 45028, ErrMsg: "has no masssend quota"}}, false, false},
		{"stopped while waiting", []wechattest.Fault{tooSoon}, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fake := wechattest.NewFakeAPI()
			defer fake.Close()
			fake.Fail("/cgi-bin/message/mass/sendall", c.faults...)
			api := NewAPI(APIConfig{AppID: testAppID, AppSecret: "s", Base: fake.URL, Timeout: time.Second, Attempts: 4, Backoff: time.Millisecond},
				slog.New(slog.DiscardHandler))
			b := &Broadcaster{API: api, RepeatAfter: 20 * time.Millisecond}
			if c.cancel {
				b.RepeatAfter = time.Hour
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if c.cancel {
				go func() {
					for len(fake.Calls("/cgi-bin/message/mass/sendall")) == 0 {
						time.Sleep(time.Millisecond)
					}
					cancel()
				}()
			}
			_, err := b.SendAll(ctx, "media-1", "mpbot-2026-12-07")
			var e *Error
			switch {
			case c.sent && err != nil:
				t.Fatalf("SendAll: %v, want sent", err)
			case !c.sent && !(errors.As(err, &e) && e.MaybeDelivered()):
				t.Fatalf("SendAll: %v, want maybe delivered", err)
			}
			want := 2
			if c.cancel {
				want = 1
			}
			if n := len(fake.Calls("/cgi-bin/message/mass/sendall")); n != want {
				t.Fatalf("%d sendall calls, want %d", n, want)
			}
		})
	}
}
