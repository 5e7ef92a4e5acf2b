package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
	"mpbot/jobs"
	"mpbot/store"
)

// pushApp is the app as `mpbot push` builds it (the real WeChat client,
// the real push job, an SQLite store) in customer mode against fake, with
// the demo articles and followers o0000… who wrote just now.
func pushApp(t *testing.T, fake *wechattest.FakeAPI, followers int) *app {
	t.Helper()
	return appOn(t, customerPushConfig(t, fake, followers), storeOnly)
}

// appOn is the app with the parts need of the config file cfgPath,
// closed when the test ends.
func appOn(t *testing.T, cfgPath string, need parts) *app {
	t.Helper()
	cfg, err := loadConfig(cfgPath, true)
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(context.Background(), cfg, slog.New(slog.DiscardHandler), need)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	return a
}

// answerFor makes fake answer the customer-service sends to one follower
// with WeChat's errcode code, times times (-1: always), and the others
// with success.
func answerFor(fake *wechattest.FakeAPI, openid string, code int, times int) {
	var mu sync.Mutex
	fake.Handle("/cgi-bin/message/custom/send", func(_ url.Values, body []byte) any {
		var msg struct {
			ToUser string `json:"touser"`
		}
		json.Unmarshal(body, &msg)
		mu.Lock()
		defer mu.Unlock()
		if msg.ToUser != openid || times == 0 {
			return map[string]any{"errcode": 0, "errmsg": "ok"}
		}
		times--
		return map[string]any{"errcode": code, "errmsg": "from the fake"}
	})
}

// TestPushErrcodesThroughTheRealClient drives the daily push through the
// real WeChat client over HTTP for every errcode WeChat answers
// message/custom/send with: the contract between the push job (which reads
// codes through jobs.CodedError) and the adapter (whose *wechat.Error
// carries them) is checked end to end, not through an interface fake.
func TestPushErrcodesThroughTheRealClient(t *testing.T) {
	const day = "2026-12-10"
	cases := []struct {
		name        string
		code, times int
		state       store.State // of the follower the code is for
		reason      string      // in the ledger
		run         store.RunState
		unsubscribe bool // the follower is marked unsubscribed
		tokens      int  // access tokens fetched
	}{
		{name: "outside the 48-hour window", code: 45015, times: -1, state: store.Skipped, reason: "45015", run: store.Done, tokens: 1},
		{name: "customer-service quota used", code: 45047, times: -1, state: store.Skipped, reason: "45047", run: store.Done, tokens: 1},
		{name: "not following", code: 43004, times: -1, state: store.Skipped, reason: "43004", run: store.Done, unsubscribe: true, tokens: 1},
		{name: "blacklisted by the account", code: 43019, times: -1, state: store.Skipped, reason: "43019", run: store.Done, tokens: 1},
		{name: "unknown openid", code: 40003, times: -1, state: store.Skipped, reason: "40003", run: store.Done, tokens: 1},
		{name: "daily quota", code: 45009, times: -1, state: store.Failed, reason: "45009", run: store.Stopped, tokens: 1},
		{name: "ip not whitelisted", code: 40164, times: -1, state: store.Failed, reason: "IP白名单", run: store.Stopped, tokens: 1},
		{name: "api not authorised", code: 48001, times: -1, state: store.Failed, reason: "接口权限", run: store.Stopped, tokens: 1},
		{name: "token not latest", code: 40001, times: 1, state: store.Sent, run: store.Done, tokens: 2},
		{name: "token expired", code: 42001, times: 1, state: store.Sent, run: store.Done, tokens: 2},
		{name: "system busy", code: -1, times: 1, state: store.Sent, run: store.Done, tokens: 1},
		{name: "too frequent", code: 45011, times: 1, state: store.Sent, run: store.Done, tokens: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := wechattest.NewFakeAPI()
			defer fake.Close()
			a := pushApp(t, fake, 3)
			answerFor(fake, "o0001", c.code, c.times)
			ctx := context.Background()
			res, err := a.push.Run(ctx, jobs.RunOptions{Day: day})
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			got, err := a.store.Deliveries(ctx, day, []string{"o0001"})
			if err != nil {
				t.Fatal(err)
			}
			d := got["o0001"]
			if d.State != c.state || !strings.Contains(d.Reason, c.reason) {
				t.Fatalf("o0001: %s %q, want %s with %q (run sent %d, stopped %q)", d.State, d.Reason, c.state, c.reason, res.Sent, res.Stopped)
			}
			if state, note, _ := a.store.PushRun(ctx, day); state != c.run {
				t.Fatalf("day %s (%s), want %s", state, note, c.run)
			}
			if f, _ := a.store.GetFollower(ctx, "o0001"); f.Subscribed == c.unsubscribe {
				t.Fatalf("follower subscribed %v, want %v", f.Subscribed, !c.unsubscribe)
			}
			if n := fake.TokensIssued(); n != c.tokens {
				t.Fatalf("%d access tokens fetched, want %d", n, c.tokens)
			}
			if c.run == store.Stopped {
				// Once the cause is cleared (the quota is back tomorrow), a
				// rerun resumes: everyone not yet reached gets it, once.
				answerFor(fake, "o0001", 0, 0)
				if _, err := a.push.Run(ctx, jobs.RunOptions{Day: day}); err != nil {
					t.Fatalf("rerun: %v", err)
				}
				if sum, _ := a.store.LedgerSummary(ctx, day); sum.Counts[store.Sent] != 3 || sum.RunState != store.Done {
					t.Fatalf("after the rerun: %+v", sum)
				}
				for id, n := range customSendsPerFollower(fake) {
					if want := 1; id != "o0001" && n != want {
						t.Errorf("%s got %d sends", id, n)
					}
				}
			}
		})
	}
}

// TestPushWithoutAToken: when WeChat will not give an access token (a wrong
// AppSecret) or its token endpoint is down, the push stops at once, having
// sent nothing, instead of asking for a token for every follower (a run to
// 39 followers asked 39 times, or 144 with the endpoint down: WeChat allows
// about 2,000 a day). A rerun once WeChat answers sends everyone theirs.
// A token fetch WeChat took and never answered is no send that may have
// been delivered (every follower had been settled as unknown, the day
// done, and nobody got the reading: a review's find).
func TestPushWithoutAToken(t *testing.T) {
	const day, followers = "2026-12-12", 40
	for _, c := range []struct {
		name      string
		fault     wechattest.Fault
		maxAsked  int
		refusedBy string
	}{
		{"wrong AppSecret", wechattest.Fault{ErrCode: 40125, ErrMsg: "invalid appsecret"}, 1, "40125"},
		{"token endpoint down", wechattest.Fault{Status: http.StatusBadGateway}, 8 * 4, "502"}, // each sender's call, with its retries
		{"token fetch unanswered", wechattest.Fault{Drop: true}, 8 * 4, "EOF"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fake := wechattest.NewFakeAPI()
			defer fake.Close()
			fake.FailAlways("/cgi-bin/token", c.fault)
			cfg := customerPushConfig(t, fake, followers)
			ctx := context.Background()
			run := func() (jobs.Result, *app) {
				ld, err := loadConfig(cfg, true)
				if err != nil {
					t.Fatal(err)
				}
				a, err := newApp(ctx, ld, slog.New(slog.DiscardHandler), storeOnly)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(a.close)
				res, err := a.push.Run(ctx, jobs.RunOptions{Day: day})
				if err != nil {
					t.Fatalf("run: %v", err)
				}
				return res, a
			}
			res, a := run()
			if len(res.Failed) != 0 || res.NotAttempted == 0 {
				t.Errorf("run: failed %v, not attempted %d; want none failed, its calls not attempted (nothing left)", res.Failed, res.NotAttempted)
			}
			if asked := len(fake.Calls("/cgi-bin/token")); asked > c.maxAsked || asked == 0 {
				t.Errorf("asked for a token %d times, want 1 to %d", asked, c.maxAsked)
			}
			if sends := len(fake.Calls("/cgi-bin/message/custom/send")); sends != 0 {
				t.Errorf("%d sends without a token", sends)
			}
			state, note, _ := a.store.PushRun(ctx, day)
			if state != store.Stopped || !strings.Contains(note, "no access token") || !strings.Contains(note, c.refusedBy) {
				t.Errorf("day %s (%s), want stopped for want of a token (%s); run stopped %q", state, note, c.refusedBy, res.Stopped)
			}
			fake.Recover("/cgi-bin/token")
			if res, _ := run(); res.Sent != followers {
				t.Fatalf("the rerun sent %d of %d", res.Sent, followers)
			}
			for id, n := range customSendsPerFollower(fake) {
				if n != 1 {
					t.Errorf("%s got %d sends", id, n)
				}
			}
		})
	}
}

// TestPushNoAnswerIsNotSentTwice: a send WeChat may have received but not
// answered (the connection dropped after the request; the same holds for a
// timeout), or a proxy's 504 (wechat.api_base: WeChat did not answer it in
// time), is recorded unknown and sent neither again in the run nor by a
// rerun: WeChat's sends have no idempotency key, and a follower got the
// reading twice when such a call was retried (the 504: a review's find).
func TestPushNoAnswerIsNotSentTwice(t *testing.T) {
	const day = "2026-12-11"
	for name, fault := range map[string]wechattest.Fault{
		"connection dropped": {Drop: true},
		"gateway timeout":    {Status: http.StatusGatewayTimeout},
	} {
		t.Run(name, func(t *testing.T) {
			fake := wechattest.NewFakeAPI()
			defer fake.Close()
			fake.FailAlways("/cgi-bin/message/custom/send", fault)
			a := pushApp(t, fake, 3)
			ctx := context.Background()
			for run := range 2 {
				// The day is settled after the first: a rerun finds it done.
				res, err := a.push.Run(ctx, jobs.RunOptions{Day: day})
				if err != nil && !(run > 0 && errors.Is(err, store.ErrPushDone)) {
					t.Fatalf("run %d: %v", run, err)
				}
				if run == 0 && (res.Unknown != 3 || res.Sent != 0) {
					t.Errorf("the run's summary: sent %d, unknown %d; want 0 and 3", res.Sent, res.Unknown)
				}
				got, err := a.store.Deliveries(ctx, day, []string{"o0000", "o0001", "o0002"})
				if err != nil || len(got) != 3 {
					t.Fatalf("deliveries %v %v", got, err)
				}
				for id, d := range got {
					if d.State != store.Unknown || !strings.Contains(d.Reason, "may have been delivered") {
						t.Errorf("run %d: %s %s %q, want unknown", run, id, d.State, d.Reason)
					}
				}
				for id, n := range customSendsPerFollower(fake) {
					if n != 1 {
						t.Errorf("run %d: %s sent %d times, want once", run, id, n)
					}
				}
			}
		})
	}
}

// TestStandbyLeavesAStoppedDay: a replica standing by while another runs
// the day's push takes the day over when the holder was shut down, and
// leaves it when the holder stopped it for WeChat's quota: running it again
// would only hit the quota again, once per standing-by replica.
func TestStandbyLeavesAStoppedDay(t *testing.T) {
	for _, tc := range []struct {
		note    string
		sends   int
		stopped bool // before the replica starts: a restart within catch_up
	}{
		{note: "daily API quota reached (45009): run again tomorrow, or after clearing the quota", sends: 0},
		{note: jobs.StoppedByShutdown, sends: 3},
		{note: "daily API quota reached (45009): run again tomorrow, or after clearing the quota", sends: 0, stopped: true},
		// Stops worth running again: a shutdown noted by an older version,
		// failed deliveries, a store error.
		{note: "context canceled", sends: 3, stopped: true},
		{note: "some deliveries failed; run again to retry them", sends: 3, stopped: true},
		{note: "store: record deliveries: read tcp 127.0.0.1:5432: connection reset by peer", sends: 3},
	} {
		fake := wechattest.NewFakeAPI()
		defer fake.Close()
		t.Setenv("MPBOT_PUSH_LEASE_TTL", "1s") // a standing-by replica looks again every half second
		a := pushApp(t, fake, 3)
		logs := &syncBuffer{}
		a.log = slog.New(slog.NewTextHandler(logs, nil))
		ctx := context.Background()
		day := a.cfg.Load().today(time.Now())
		if err := a.store.AcquirePush(ctx, day, "other", time.Now(), time.Hour); err != nil {
			t.Fatal(err)
		}
		stop := func() {
			if err := a.store.FinishPush(ctx, day, "other", store.Stopped, tc.note); err != nil {
				t.Fatal(err)
			}
		}
		if tc.stopped {
			stop()
		}
		done := make(chan struct{})
		go func() { defer close(done); a.runPush(ctx) }()
		if !tc.stopped {
			waitFor(t, func() bool { return strings.Contains(logs.String(), "standing by") }, "standing by")
			stop()
		}
		waitFor(t, func() bool {
			select {
			case <-done:
				return true
			default:
				return false
			}
		}, "the standing-by run to end")
		if n := len(fake.Calls("/cgi-bin/message/custom/send")); n != tc.sends {
			t.Errorf("holder stopped with %q: the standing-by replica sent %d, want %d\n%s", tc.note, n, tc.sends, logs)
		}
	}
}

// TestShownReadingIsNotPushedAgain: a new follower's welcome carries
// today's reading (sent through the customer-service API after the welcome
// text), and a follower asking 每日一读 is shown it; the day's push leaves
// both out, and push status counts them skipped (a fleet run's find: a new
// follower got the same article twice on their first day). Through serve's
// routes, the real WeChat client and the fake API.
func TestShownReadingIsNotPushedAgain(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfgPath := customerPushConfig(t, fake, 3) // o0000, o0001, o0002
	a := appOn(t, cfgPath, withWebhook)
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close) // before the app closes
	sim := simulatorFor(t, cfgPath, srv.URL)
	ctx := context.Background()

	// o_refused's welcome card is refused (the quota): it never saw the
	// reading, and the push sends it (a review's find: it had been left out).
	answerFor(fake, "o_refused", 45047, 1)
	for _, id := range []string{"o_new", "o_refused"} {
		if _, err := sim.Send(ctx, wechat.Inbound{From: id, MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.handler.Wait(ctx); err != nil { // the welcome cards' sends, after the passive replies
		t.Fatal(err)
	}
	r, err := sim.Send(ctx, wechat.Inbound{From: "o0001", MsgType: "text", Content: "每日一读", MsgID: 1, CreateTime: time.Now().Unix()})
	if err != nil || len(r.Articles) != 1 {
		t.Fatalf("每日一读: %+v %v", r, err)
	}
	if err := a.handler.Wait(ctx); err != nil { // the record beside the reply
		t.Fatal(err)
	}
	res, err := a.push.Run(ctx, jobs.RunOptions{})
	if err != nil {
		t.Fatalf("push: %v", err)
	}
	got := customSendsPerFollower(fake)
	want := map[string]int{"o_new": 1, "o_refused": 2, "o0000": 1, "o0002": 1} // o_new's one is the welcome's
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("customer-service sends per follower %v, want %v (push: %+v)", got, want, res)
	}
	sum, err := a.store.LedgerSummary(ctx, res.Day)
	if err != nil {
		t.Fatal(err)
	}
	if n := sum.Reasons["skipped: "+store.ShownReason]; n != 2 || sum.Counts[store.Sent] != 3 || res.Skipped[store.ShownReason] != 2 {
		t.Fatalf("ledger %+v, run skipped %v: want 3 sent, 2 skipped as shown already", sum, res.Skipped)
	}
}

// TestShutdownStopsRetries: WeChat answers -1 (busy) as the push is told to
// stop; the call under way is recorded failed and not tried again, the day
// ends stopped by shutdown (its lease released), and a rerun sends it. Its
// retries had gone on past server.shutdown_timeout, the store closed under
// them, and the day stayed running with the calls "sending", which a rerun
// counts unknown and never sends (a review's find).
func TestShutdownStopsRetries(t *testing.T) {
	const day = "2026-12-11"
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	a := pushApp(t, fake, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	busy := 0
	fake.Handle("/cgi-bin/message/custom/send", func(_ url.Values, body []byte) any {
		if !strings.Contains(string(body), `"o0001"`) {
			return map[string]any{"errcode": 0, "errmsg": "ok"}
		}
		mu.Lock()
		defer mu.Unlock()
		busy++
		cancel() // SIGTERM while WeChat is busy
		return map[string]any{"errcode": -1, "errmsg": "system error"}
	})
	_, err := a.push.Run(ctx, jobs.RunOptions{Day: day})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("run: %v, want it stopped by the shutdown", err)
	}
	mu.Lock()
	if busy != 1 {
		t.Errorf("o0001 was called %d times after the shutdown began, want 1", busy)
	}
	mu.Unlock()
	got, _ := a.store.Deliveries(context.Background(), day, []string{"o0001"})
	state, note, _ := a.store.PushRun(context.Background(), day)
	if got["o0001"].State != store.Failed || state != store.Stopped || note != jobs.StoppedByShutdown {
		t.Fatalf("o0001 %+v, day %s (%s): want failed, the day stopped by shutdown", got["o0001"], state, note)
	}
	answerFor(fake, "o0001", 0, 0)
	if _, err := a.push.Run(context.Background(), jobs.RunOptions{Day: day}); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if n := customSendsPerFollower(fake)["o0001"]; n != 2 {
		t.Fatalf("o0001 called %d times in all, want 2 (busy, then sent by the rerun)", n)
	}
}

// TestBroadcastStopsRetryingAtShutdown: the mass send WeChat answers busy
// as the shutdown comes is not tried again, and the day ends stopped by
// the shutdown, its mark left for the next run to send with the same
// clientmsgid (a review's find: it was retried past server.shutdown_timeout).
func TestBroadcastStopsRetryingAtShutdown(t *testing.T) {
	const day = "2026-11-05"
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/draft/add", func(url.Values, []byte) any { return map[string]any{"media_id": "DRAFT1"} })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	calls := 0
	fake.Handle("/cgi-bin/message/mass/sendall", func(url.Values, []byte) any {
		mu.Lock()
		defer mu.Unlock()
		calls++
		cancel() // SIGTERM while WeChat is busy
		return map[string]any{"errcode": -1, "errmsg": "system error"}
	})
	cfgPath := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", cfgPath, "你好") // seeds the demo articles
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	t.Setenv("MPBOT_PUSH_MODE", "broadcast")
	t.Setenv("MPBOT_PUSH_DEFAULT_THUMB_MEDIA_ID", "THUMB0")
	a := appOn(t, cfgPath, storeOnly)
	if _, err := a.push.Run(ctx, jobs.RunOptions{Day: day}); !errors.Is(err, context.Canceled) {
		t.Fatalf("run: %v, want it stopped by the shutdown", err)
	}
	mu.Lock()
	defer mu.Unlock()
	state, note, _ := a.store.PushRun(context.Background(), day)
	if calls != 1 || state != store.Stopped || note != jobs.StoppedByShutdown {
		t.Fatalf("mass send called %d times after the shutdown began, day %s (%s); want 1, stopped by shutdown", calls, state, note)
	}
}

// TestBroadcastPreviewRefused: a staff member's preview WeChat refuses for
// that member alone (an openid mistyped in push.preview_openids, 40003;
// one who unfollowed, 43004) or leaves unanswered does not keep the day's
// mass send from the followers (the refusal had been read as the send's:
// the day done, the broadcast row skipped, nothing sent, and 43004 made
// the ledger's "broadcast" a follower row: a review's find). A refusal the
// send would get too (45009) stops the run before it, as before.
func TestBroadcastPreviewRefused(t *testing.T) {
	for _, c := range []struct {
		name  string
		fault wechattest.Fault
		sends int
		run   store.RunState
	}{
		{"unknown openid", wechattest.Fault{ErrCode: 40003, ErrMsg: "invalid openid"}, 1, store.Done},
		{"not following", wechattest.Fault{ErrCode: 43004, ErrMsg: "require subscribe"}, 1, store.Done},
		{"no answer", wechattest.Fault{Drop: true}, 1, store.Done},
		{"daily quota", wechattest.Fault{ErrCode: 45009, ErrMsg: "reach max api daily quota limit"}, 0, store.Stopped},
	} {
		t.Run(c.name, func(t *testing.T) {
			const day = "2026-12-14"
			cfgPath := writeConfig(t, t.TempDir(), "")
			runCmd(t, "try", "--config", cfgPath, "你好") // seeds the demo articles
			fake := broadcastOnAFake(t)
			fake.Handle("/cgi-bin/draft/add", func(url.Values, []byte) any { return map[string]any{"media_id": "DRAFT1"} })
			fake.Handle("/cgi-bin/message/mass/sendall", func(url.Values, []byte) any { return map[string]any{"errcode": 0, "msg_id": 1000} })
			fake.FailAlways("/cgi-bin/message/mass/preview", c.fault)
			t.Setenv("MPBOT_PUSH_PREVIEW_OPENIDS", "o_staff")
			t.Setenv("MPBOT_PUSH_PREVIEW_LEAD", "10ms")
			a := appOn(t, cfgPath, storeOnly)
			ctx := context.Background()
			res, err := a.push.Run(ctx, jobs.RunOptions{Day: day})
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			state, note, _ := a.store.PushRun(ctx, day)
			if sends := len(fake.Calls("/cgi-bin/message/mass/sendall")); sends != c.sends || state != c.run {
				t.Errorf("mass sends %d, day %s %q (run: sent %d, skipped %v, failed %v); want %d and %s",
					sends, state, note, res.Sent, res.Skipped, res.Failed, c.sends, c.run)
			}
			if _, err := a.store.GetFollower(ctx, store.BroadcastRecipient); err == nil {
				t.Errorf("the ledger's %q is a follower row of the store", store.BroadcastRecipient)
			}
		})
	}
}

// TestBroadcastAnswerWithoutAMediaID: draft/add or material/add_material
// answering errcode 0 without the media_id asked for (a proxy's answer, a
// fake's) stops the day for a rerun: the mass send of media_id "" had gone
// out and been counted sent, and a cover's "" been kept as every later
// draft's (an operator run's finds).
func TestBroadcastAnswerWithoutAMediaID(t *testing.T) {
	cover := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("\x89PNG fake image")) }))
	defer cover.Close()
	for _, lacking := range []string{"/cgi-bin/draft/add", "/cgi-bin/material/add_material"} {
		t.Run(lacking, func(t *testing.T) {
			const day = "2026-11-05"
			cfgPath := writeConfig(t, t.TempDir(), "")
			runCmd(t, "try", "--config", cfgPath, "你好") // seeds the demo articles
			fake := broadcastOnAFake(t)
			t.Setenv("MPBOT_PUSH_DEFAULT_THUMB_MEDIA_ID", "")
			fake.Handle("/cgi-bin/material/add_material", func(url.Values, []byte) any { return map[string]any{"media_id": "THUMB1"} })
			fake.Handle("/cgi-bin/draft/add", func(url.Values, []byte) any { return map[string]any{"media_id": "DRAFT1"} })
			fake.Handle("/cgi-bin/message/mass/sendall", func(url.Values, []byte) any { return map[string]any{"errcode": 0, "msg_id": 1000} })
			fake.Handle(lacking, func(url.Values, []byte) any { return map[string]any{"errcode": 0, "errmsg": "ok"} })
			a := appOn(t, cfgPath, storeOnly)
			ctx := context.Background()
			art, err := a.store.Get(ctx, "demo-pujiang")
			if err != nil {
				t.Fatal(err)
			}
			art.Cover = cover.URL + "/pujiang.png"
			if _, _, err := a.store.Upsert(ctx, art); err != nil {
				t.Fatal(err)
			}
			res, err := a.push.Run(ctx, jobs.RunOptions{Day: day, ArticleID: "demo-pujiang"})
			state, note, _ := a.store.PushRun(ctx, day)
			if sends := len(fake.Calls("/cgi-bin/message/mass/sendall")); sends != 0 || state != store.Stopped || !strings.Contains(note, "no media_id") {
				t.Errorf("mass sends %d, day %s %q (run: sent %d, %v); want none, stopped for the missing media_id", sends, state, note, res.Sent, err)
			}
			for _, c := range fake.Calls("/cgi-bin/draft/add") {
				if strings.Contains(string(c.Body), `"thumb_media_id":""`) {
					t.Errorf("a draft without a cover: %s", c.Body)
				}
			}
		})
	}
}

// TestDraftUnansweredIsNoSendThatWentOut: a draft left unanswered (a
// proxy's 504, a connection dropped) is no mass send that may have gone
// out: the day stops for a rerun, and one by customer-service messages is
// not refused as a day reached by broadcast (a review's find: the draft's
// failure was read as the mass send's).
func TestDraftUnansweredIsNoSendThatWentOut(t *testing.T) {
	for name, fault := range map[string]wechattest.Fault{"gateway timeout": {Status: http.StatusGatewayTimeout}, "connection dropped": {Drop: true}} {
		t.Run(name, func(t *testing.T) {
			const day = "2026-12-15"
			fake := wechattest.NewFakeAPI()
			defer fake.Close()
			cfgPath := customerPushConfig(t, fake, 3)
			t.Setenv("MPBOT_PUSH_MODE", "broadcast")
			t.Setenv("MPBOT_PUSH_DEFAULT_THUMB_MEDIA_ID", "THUMB1")
			fake.FailAlways("/cgi-bin/draft/add", fault)
			a := appOn(t, cfgPath, storeOnly)
			ctx := context.Background()
			a.push.Run(ctx, jobs.RunOptions{Day: day})
			state, note, _ := a.store.PushRun(ctx, day)
			if n := len(fake.Calls("/cgi-bin/message/mass/sendall")); n != 0 || state != store.Stopped || strings.Contains(note, "resent with its key") {
				t.Fatalf("mass sends %d, day %s %q; want none, stopped, not a send that may have gone out", n, state, note)
			}
			t.Setenv("MPBOT_PUSH_MODE", "customer")
			b := appOn(t, cfgPath, storeOnly)
			if res, err := b.push.Run(ctx, jobs.RunOptions{Day: day}); err != nil || res.Sent != 3 {
				t.Errorf("the day's rerun by customer-service messages, nothing having gone out: sent %d, %v", res.Sent, err)
			}
		})
	}
}
