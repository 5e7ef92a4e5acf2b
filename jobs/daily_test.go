package jobs

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"mpbot/content"
	"mpbot/store"
)

// apiErr is a WeChat answer with an errcode, as the adapter reports it.
type apiErr int64

func (e apiErr) Error() string  { return fmt.Sprintf("errcode %d", int64(e)) }
func (e apiErr) Errcode() int64 { return int64(e) }

// fakeSender records deliveries and fails for chosen followers.
type fakeSender struct {
	mu    sync.Mutex
	sent  map[string]int
	fail  map[string]error // openid → error
	after int              // fail with quota (45009) after this many sends; 0: never
}

func newFakeSender() *fakeSender {
	return &fakeSender{sent: map[string]int{}, fail: map[string]error{}}
}

func (f *fakeSender) Send(_ context.Context, openid string, a content.Article) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail[openid]; err != nil {
		return 0, err
	}
	if f.after > 0 && len(f.sent) >= f.after {
		return 0, apiErr(45009)
	}
	f.sent[openid]++
	return 0, nil
}

var clock = time.Date(2026, 11, 26, 7, 30, 0, 0, time.UTC)

func setup(t *testing.T, followers int) (*store.Store, *fakeSender, *DailyPush) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, a := range []content.Article{
		{ID: "a1", Title: "第一篇", URL: "https://x/1", Category: "政策理论导读", PublishedOn: "2026-01-01"},
		{ID: "a2", Title: "第二篇", URL: "https://x/2", Category: "政策理论导读", PublishedOn: "2026-02-01"},
	} {
		if _, _, err := s.Upsert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for i := range followers {
		s.FollowerSeen(ctx, fmt.Sprintf("o%03d", i), clock.Add(-time.Hour))
	}
	send := newFakeSender()
	p := &DailyPush{
		Store: s,
		Config: func() Config {
			return Config{Mode: ModeCustomer, Category: "政策理论导读", Location: time.UTC, QPS: 1000, Window: 48 * time.Hour, Sender: send}
		},
		Owner: "test",
		Now:   func() time.Time { return clock },
		Log:   slog.New(slog.DiscardHandler),
	}
	return s, send, p
}

func TestPushDeliversOncePerFollower(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 120)
	s.SetPushOptOut(ctx, "o005", true, clock)
	s.FollowerSeen(ctx, "o_old", clock.Add(-49*time.Hour)) // outside the 48-hour window
	s.FollowerUnsubscribed(ctx, "o007", clock)

	dry, err := p.Run(ctx, RunOptions{DryRun: true})
	if err != nil || dry.Recipients != 118 || dry.Pending != 118 || dry.Article.ID != "a1" || len(send.sent) != 0 {
		t.Fatalf("dry run: %+v %v, sent %d", dry, err, len(send.sent))
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Sent != 118 || res.Article.ID != "a1" {
		t.Fatalf("run: %+v %v", res, err)
	}
	for id, n := range send.sent {
		if n != 1 || id == "o005" || id == "o007" || id == "o_old" {
			t.Fatalf("%s got %d deliveries", id, n)
		}
	}
	// The day is done: a rerun delivers nothing.
	if _, err := p.Run(ctx, RunOptions{}); err == nil || !strings.Contains(err.Error(), "done") {
		t.Fatalf("rerun of a done day: %v", err)
	}
	sum, _ := s.LedgerSummary(ctx, "2026-11-26")
	if sum.Counts[store.Sent] != 118 || sum.RunState != "done" || sum.ArticleID != "a1" {
		t.Fatalf("summary %+v", sum)
	}
	// The next day reads the next article, never the same one.
	p.Now = func() time.Time { return clock.Add(24 * time.Hour) }
	if res, _ := p.Run(ctx, RunOptions{}); res.Article.ID != "a2" {
		t.Fatalf("next day: %s", res.Article.ID)
	}
	p.Now = func() time.Time { return clock.Add(48 * time.Hour) }
	if _, err := p.Run(ctx, RunOptions{}); !errors.Is(err, ErrNothingToPush) {
		t.Fatalf("third day: %v, want nothing to push", err)
	}
}

func TestPushErrorsAndResume(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 200)
	send.fail["o001"] = apiErr(45015)
	send.fail["o002"] = apiErr(43004)
	send.fail["o003"] = errors.New("http status 502 after retries")
	send.after = 90 // then the daily quota runs out
	res, err := p.Run(ctx, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stopped == "" || !strings.Contains(res.Stopped, "45009") || res.Sent != 90 {
		t.Fatalf("quota: %+v", res)
	}
	if res.Skipped["outside the 48-hour window (45015)"] != 1 || res.Skipped["not following (43004)"] != 1 {
		t.Fatalf("skips %v", res.Skipped)
	}
	if f, _ := s.GetFollower(ctx, "o002"); f.Subscribed {
		t.Fatal("43004 did not mark the follower unsubscribed")
	}
	// Next day the quota is back: the rerun sends the rest, and the
	// transient failure, but nothing twice and not the skipped.
	delete(send.fail, "o003")
	send.after = 0
	res, err = p.Run(ctx, RunOptions{Day: "2026-11-26"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != 200-90-2 || res.Stopped != "" || len(res.Failed) != 0 {
		t.Fatalf("resume: %+v", res)
	}
	for id, n := range send.sent {
		if n != 1 {
			t.Fatalf("%s got %d", id, n)
		}
	}
	if len(send.sent) != 198 {
		t.Fatalf("%d followers reached, want 198", len(send.sent))
	}
}

// TestPushInterruptedDeliveryIsUnknown: a delivery marked "sending" by a run
// that died is not resent (the customer-service API has no idempotency) but
// counted as unknown; the run's last line is then a warning (an operator
// run's find: a push whose every call timed out logged at info).
func TestPushInterruptedDeliveryIsUnknown(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 10)
	var logs strings.Builder
	p.Log = slog.New(slog.NewTextHandler(&logs, nil))
	if _, err := s.ScheduleDaily(ctx, "2026-11-26", "a1"); err != nil { // as the run that died did
		t.Fatal(err)
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-11-26", Recipient: "o004", ArticleID: "a1", Mode: ModeCustomer, State: store.Sending, Attempts: 1}}); err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Unknown != 1 || res.Sent != 9 || send.sent["o004"] != 0 {
		t.Fatalf("%+v %v; o004 sent %d", res, err, send.sent["o004"])
	}
	if !regexp.MustCompile(`level=WARN msg="daily push finished".* unknown=1 .*note="unknown deliveries may have arrived`).MatchString(logs.String()) {
		t.Errorf("the run's last line, want a warning naming the unknown delivery:\n%s", logs.String())
	}
}

// TestTwoRunsOneDelivers: two processes on one store start the same day;
// one holds the lease, the other is refused, each follower gets one.
func TestTwoRunsOneDelivers(t *testing.T) {
	ctx := context.Background()
	_, send, p := setup(t, 300)
	q := *p
	q.Owner = "other"
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, run := range []*DailyPush{p, &q} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = run.Run(ctx, RunOptions{})
		}()
	}
	wg.Wait()
	refused := 0
	for _, err := range errs {
		if errors.Is(err, store.ErrLeaseHeld) || err != nil && strings.Contains(err.Error(), "done") {
			refused++
		} else if err != nil {
			t.Fatal(err)
		}
	}
	if refused != 1 || len(send.sent) != 300 {
		t.Fatalf("refused %d, reached %d: %v", refused, len(send.sent), errs)
	}
	for id, n := range send.sent {
		if n != 1 {
			t.Fatalf("%s got %d", id, n)
		}
	}
}

func TestOutboxMode(t *testing.T) {
	ctx := context.Background()
	_, _, p := setup(t, 5)
	out := filepath.Join(t.TempDir(), "outbox.jsonl")
	outbox := &Outbox{Path: out, Now: func() time.Time { return clock }}
	p.Config = func() Config {
		return Config{Mode: ModeLog, Category: "政策理论导读", Location: time.UTC, Sender: outbox}
	}
	if res, err := p.Run(ctx, RunOptions{}); err != nil || res.Sent != 5 {
		t.Fatalf("%+v %v", res, err)
	}
	f, _ := os.Open(out)
	defer f.Close()
	lines := 0
	for sc := bufio.NewScanner(f); sc.Scan(); lines++ {
		if !strings.Contains(sc.Text(), `"article_id":"a1"`) {
			t.Fatalf("outbox line %s", sc.Text())
		}
	}
	if lines != 5 {
		t.Fatalf("%d outbox lines", lines)
	}
}

func TestMissedRun(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	at := func(h, m int) time.Time { return time.Date(2026, 11, 26, h, m, 0, 0, loc) }
	cases := []struct {
		now  time.Time
		want bool
	}{
		{at(7, 0), false},  // not due yet
		{at(7, 31), true},  // just missed
		{at(13, 29), true}, // within 6 h
		{at(13, 31), false},
	}
	for _, c := range cases {
		if _, got := MissedRun("30 7 * * *", loc, c.now, 6*time.Hour); got != c.want {
			t.Errorf("at %v: missed %v, want %v", c.now, got, c.want)
		}
	}
}

// onceSender is a sender with an idempotency key, like template messages.
type onceSender struct {
	fakeSender
	keys map[string]string
}

func (o *onceSender) SendOnce(ctx context.Context, openid string, a content.Article, key string) (int64, error) {
	o.mu.Lock()
	if o.keys == nil {
		o.keys = map[string]string{}
	}
	o.keys[openid] = key
	o.mu.Unlock()
	return o.Send(ctx, openid, a)
}

// TestKeyedResendOnlyWithinTheKeysWindow: a template message a crash left
// in flight, or WeChat did not answer, is resent with its key only within
// the 10 minutes WeChat drops a repeat of it; later (a rerun the next day)
// it is unknown, not sent again (a review's find).
func TestKeyedResendOnlyWithinTheKeysWindow(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 4)
	once := &onceSender{fakeSender: *newFakeSender()}
	p.Config = func() Config {
		return Config{Mode: ModeTemplate, Category: "政策理论导读", Location: time.UTC, QPS: 1000, Sender: once}
	}
	if _, err := s.ScheduleDaily(ctx, "2026-11-26", "a1"); err != nil {
		t.Fatal(err)
	}
	mark := func(at time.Time, ds ...store.Delivery) {
		s.Now = func() time.Time { return at }
		if err := s.RecordDeliveries(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	row := func(id string, state store.State, reason string) store.Delivery {
		return store.Delivery{Day: "2026-11-26", Recipient: id, ArticleID: "a1", Mode: ModeTemplate, State: state, Reason: reason, Attempts: 1}
	}
	unsure := reasonUnsureKeyed + "wechat: no answer)"
	mark(clock.Add(-11*time.Minute), row("o000", store.Sending, ""), row("o001", store.Failed, unsure))
	mark(clock.Add(-time.Minute), row("o002", store.Sending, ""), row("o003", store.Failed, unsure))
	s.Now = func() time.Time { return clock }
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Unknown != 2 || res.Sent != 2 || once.sent["o000"]+once.sent["o001"] != 0 {
		t.Fatalf("%+v %v, sent %v; want o002 and o003 resent, o000 and o001 unknown", res, err, once.sent)
	}
}

// unsureSlowly is a keyed sender whose call reaches WeChat at once and
// then gets no answer through its retries: the outcome is recorded 45 s
// after the key went out.
type unsureSlowly struct {
	now  *time.Time
	sent []time.Time
}

type noAnswer struct{}

func (noAnswer) Error() string        { return "wechat: no answer (timeout)" }
func (noAnswer) MaybeDelivered() bool { return true }

func (u *unsureSlowly) Send(context.Context, string, content.Article) (int64, error) {
	return 0, errors.New("keyed sends only")
}

func (u *unsureSlowly) SendOnce(context.Context, string, content.Article, string) (int64, error) {
	u.sent = append(u.sent, *u.now)
	*u.now = u.now.Add(45 * time.Second)
	return 0, noAnswer{}
}

// TestKeyWindowCountsFromTheFirstSend: the 10 minutes run from when the
// key first went out, not from the outcome's record (a review's find: a
// rerun resent it 10m20s after the first send).
func TestKeyWindowCountsFromTheFirstSend(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 1)
	now := clock
	s.Now = func() time.Time { return now }
	p.Now = func() time.Time { return now }
	u := &unsureSlowly{now: &now}
	p.Config = func() Config {
		return Config{Mode: ModeTemplate, Category: "政策理论导读", Location: time.UTC, QPS: 1000, Sender: u}
	}
	if _, err := s.ScheduleDaily(ctx, "2026-11-26", "a1"); err != nil {
		t.Fatal(err)
	}
	p.Run(ctx, RunOptions{})
	now = u.sent[0].Add(10*time.Minute + 20*time.Second) // the rerun
	res, _ := p.Run(ctx, RunOptions{})
	if len(u.sent) != 1 || res.Unknown != 1 {
		t.Fatalf("sent at %v, rerun %+v: want no resend past the key's 10 minutes, the delivery unknown", u.sent, res)
	}
}

// TestPushIdempotentModeResendsInFlight: with an idempotency key (template
// messages), a delivery a crash left in flight is sent again with the same
// key instead of being written off as unknown.
func TestPushIdempotentModeResendsInFlight(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 10)
	once := &onceSender{fakeSender: *newFakeSender()}
	p.Config = func() Config {
		return Config{Mode: ModeTemplate, Category: "政策理论导读", Location: time.UTC, QPS: 1000, Sender: once}
	}
	if _, err := s.ScheduleDaily(ctx, "2026-11-26", "a1"); err != nil { // as the run that died did
		t.Fatal(err)
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-11-26", Recipient: "o004", ArticleID: "a1", Mode: ModeTemplate, State: store.Sending, Attempts: 1}}); err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Unknown != 0 || res.Sent != 10 || once.sent["o004"] != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if once.keys["o004"] != "2026-11-26:o004" {
		t.Fatalf("key %q", once.keys["o004"])
	}
}

// slowSender is an API that receives the message at once but answers
// after a while; as Sender requires (and the WeChat client does), a call
// under way is not cut off when the run is stopped.
type slowSender struct {
	fakeSender
	started chan struct{}
}

func (s *slowSender) Send(ctx context.Context, openid string, a content.Article) (int64, error) {
	select {
	case s.started <- struct{}{}:
	default:
	}
	_, err := s.fakeSender.Send(ctx, openid, a) // WeChat has it now
	time.Sleep(30 * time.Millisecond)
	return 0, err
}

// TestPushStopFinishesCallsUnderWay: stopping a run (SIGTERM) lets the
// calls under way finish and record, starts no new ones, and releases the
// day, so the rerun sends exactly the rest.
func TestPushStopFinishesCallsUnderWay(t *testing.T) {
	s, _, p := setup(t, 100)
	slow := &slowSender{fakeSender: *newFakeSender(), started: make(chan struct{}, 1)}
	useSender(p, slow)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-slow.started; time.Sleep(40 * time.Millisecond); cancel() }()
	res, err := p.Run(ctx, RunOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("stopped run: %+v %v", res, err)
	}
	sum, _ := s.LedgerSummary(context.Background(), "2026-11-26")
	if sum.Counts[store.Sending] != 0 || sum.Counts[store.Unknown] != 0 || sum.Counts[store.Sent] != len(slow.sent) || len(slow.sent) == 0 {
		t.Fatalf("after stop: ledger %v, delivered %d", sum.Counts, len(slow.sent))
	}
	if state, note, _ := s.PushRun(context.Background(), "2026-11-26"); state != "stopped" || note != StoppedByShutdown {
		t.Fatalf("run state %q %q", state, note)
	}
	// The rerun (no lease to wait for) delivers the rest, none twice.
	res, err = p.Run(context.Background(), RunOptions{})
	if err != nil || len(slow.sent) != 100 {
		t.Fatalf("rerun: %+v %v, reached %d", res, err, len(slow.sent))
	}
	for id, n := range slow.sent {
		if n != 1 {
			t.Fatalf("%s got %d", id, n)
		}
	}
}

// takeoverSender lets another replica take the day during the first call,
// as if this one had stalled past its lease.
type takeoverSender struct {
	fakeSender
	once sync.Once
	take func()
}

func (s *takeoverSender) Send(ctx context.Context, openid string, a content.Article) (int64, error) {
	s.once.Do(s.take)
	return s.fakeSender.Send(ctx, openid, a)
}

// TestLostLeaseStopsSending: a run whose lease passed to another process
// can start no further call (each call's mark is fenced) nor record its
// outcomes: it stops, and the calls it had started stay "sending" for the
// new holder to count as unknown; nothing else is.
func TestLostLeaseStopsSending(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 100)
	send := &takeoverSender{fakeSender: *newFakeSender(), take: func() {
		if err := s.AcquirePush(ctx, "2026-11-26", "replica-2", clock.Add(10*time.Minute), time.Minute); err != nil {
			t.Errorf("takeover: %v", err)
		}
	}}
	useSender(p, send)
	_, err := p.Run(ctx, RunOptions{})
	if !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("run after losing the lease: %v", err)
	}
	n := len(send.sent)
	if n == 0 || n > senders {
		t.Fatalf("%d sent; want only the calls under way at the takeover (1..%d)", n, senders)
	}
	sum, _ := s.LedgerSummary(ctx, "2026-11-26")
	if sum.Counts[store.Sending] != n || sum.Counts[store.Sent] != 0 || len(sum.Counts) != 1 {
		t.Fatalf("ledger %v after %d calls: the calls started stay sending, the stale run records nothing else", sum.Counts, n)
	}
}

// A run finding at a batch's start that another process took the day says
// so with the holder's times in push.timezone, as push status does (a
// review's find: they came in the machine's zone).
func TestLeaseLostBetweenBatchesSaysThePushZone(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 3*batch)
	cfg := p.Config()
	cfg.Location = time.FixedZone("PUSHTZ", 8*3600)
	p.Config = func() Config { return cfg }
	p.Progress = func(done, _ int) {
		if done == batch {
			if err := s.AcquirePush(ctx, "2026-11-26", "replica-2", clock.Add(10*time.Minute), time.Minute); err != nil {
				t.Errorf("takeover: %v", err)
			}
		}
	}
	_, err := p.Run(ctx, RunOptions{})
	if !errors.Is(err, store.ErrLeaseLost) || !strings.Contains(err.Error(), "replica-2") || !strings.Contains(err.Error(), "PUSHTZ") {
		t.Fatalf("run after losing the lease between batches: %v; want ErrLeaseLost naming replica-2, its times in push.timezone", err)
	}
}

// Progress is told of a run as it begins, before its first batch's calls
// (which take 16 calls' time at push.qps), and after each batch: serve's
// mpbot_push_remaining says a run is under way from its start.
func TestProgressFromTheStart(t *testing.T) {
	_, send, p := setup(t, batch+3)
	var calls [][2]int
	p.Progress = func(done, total int) {
		calls = append(calls, [2]int{done, total})
		send.mu.Lock()
		defer send.mu.Unlock()
		if done == 0 && len(send.sent) != 0 {
			t.Errorf("told of the start after %d calls", len(send.sent))
		}
	}
	if _, err := p.Run(context.Background(), RunOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{0, batch + 3}, {batch, batch + 3}, {batch + 3, batch + 3}}; !slices.Equal(calls, want) {
		t.Fatalf("progress %v, want %v", calls, want)
	}
}

// A follower shown the day's reading before the push (the welcome, 每日一读
// asked) is left out of it, also after a failed delivery; one shown another
// article, before the day's reading changed, is sent the new one.
func TestShownReadingSettlesTheDelivery(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 4)
	const day = "2026-11-26"
	if _, err := s.ScheduleDaily(ctx, day, "a2"); err != nil {
		t.Fatal(err)
	}
	s.ReadingShown(ctx, day, "o000", "a1") // before the operator chose a2
	s.ReadingShown(ctx, day, "o001", "a2")
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: day, Recipient: "o002", ArticleID: "a2", Mode: ModeCustomer, State: store.Failed, Reason: "-1"}}); err != nil {
		t.Fatal(err)
	}
	s.ReadingShown(ctx, day, "o002", "a2") // asked after the failed delivery
	dry, err := p.Run(ctx, RunOptions{DryRun: true})
	if err != nil || dry.Pending != 2 {
		t.Fatalf("dry run: %+v %v; want 2 pending (o000, o003)", dry, err)
	}
	if n, err := p.Unsent(ctx, day); err != nil || n != 2 {
		t.Fatalf("unsent %d %v, want 2", n, err)
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Sent != 2 || res.Skipped[store.ShownReason] != 2 {
		t.Fatalf("run: %+v %v", res, err)
	}
	if got := fmt.Sprint(send.sent); got != "map[o000:1 o003:1]" {
		t.Fatalf("sent %s, want o000 and o003 once", got)
	}
	s.ReadingShown(ctx, day, "o003", "a2") // after the push: its row stays sent
	if d, _ := s.Deliveries(ctx, day, []string{"o003"}); d["o003"].State != store.Sent {
		t.Fatalf("o003's delivery after 每日一读 asked: %+v", d["o003"])
	}
}

// gateLimiter blocks the first Wait until released: a process paused
// between reading its batch from the ledger and marking it.
type gateLimiter struct {
	once             sync.Once
	waiting, release chan struct{}
}

func (g *gateLimiter) Wait(context.Context) error {
	g.once.Do(func() { close(g.waiting) })
	<-g.release
	return nil
}

// TestPausedHolderDoesNotTakeTheDayBack: replica A reads its batch, then
// pauses past its lease; B takes the day over, delivers and stops (one
// failure). When A resumes, its renewal must not take the day back — it had,
// and A then sent the batch it decided before the pause: followers B served
// got the reading twice (a review's find).
func TestPausedHolderDoesNotTakeTheDayBack(t *testing.T) {
	ctx := context.Background()
	s, _, a := setup(t, 3)
	const day = "2026-11-26"
	shared := newFakeSender()

	var pause sync.RWMutex // held: A is paused, its clock and renewals too
	var nowMu sync.Mutex
	now := clock
	getNow := func() time.Time { nowMu.Lock(); defer nowMu.Unlock(); return now }
	gate := &gateLimiter{waiting: make(chan struct{}), release: make(chan struct{})}
	logs := &lockedBuffer{}
	a.Owner, a.Log = "A", slog.New(slog.NewTextHandler(logs, nil))
	a.Now = func() time.Time { pause.RLock(); defer pause.RUnlock(); return getNow() }
	a.Limiter = func(float64) Limiter { return gate }
	a.Config = func() Config {
		return Config{Mode: ModeCustomer, Category: "政策理论导读", Location: time.UTC, QPS: 1000, Window: 48 * time.Hour,
			LeaseTTL: 300 * time.Millisecond, Sender: shared}
	}
	done := make(chan error, 1)
	go func() { _, err := a.Run(ctx, RunOptions{Day: day}); done <- err }()
	<-gate.waiting
	pause.Lock()
	nowMu.Lock()
	now = clock.Add(10 * time.Second) // past A's lease
	nowMu.Unlock()

	shared.mu.Lock()
	shared.fail["o002"] = errors.New("http status 502 after retries") // B stops
	shared.mu.Unlock()
	b := &DailyPush{Store: s, Owner: "B", Now: getNow, Log: slog.New(slog.DiscardHandler), Config: a.Config}
	if res, err := b.Run(ctx, RunOptions{Day: day}); err != nil || res.Sent != 2 {
		t.Fatalf("B: %+v %v", res, err)
	}
	pause.Unlock()
	waitUntil(t, func() bool {
		sum, _ := s.LedgerSummary(ctx, day)
		return sum.Holder == "A" || strings.Contains(logs.String(), "passed to another process")
	})
	close(gate.release)
	if err := <-done; !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("A after its pause: %v, want ErrLeaseLost", err)
	}
	shared.mu.Lock()
	defer shared.mu.Unlock()
	for id, n := range shared.sent {
		if n > 1 {
			t.Errorf("%s got the reading %d times", id, n)
		}
	}
}

// cancelBroadcaster is a mass send WeChat takes (msg id 1000) just as the
// process is told to shut down; sent again, it answers 45065 (no msg id).
type cancelBroadcaster struct {
	cancel                 context.CancelFunc
	drafts, previews, sent int
}

func (b *cancelBroadcaster) Draft(context.Context, content.Article) (string, error) {
	b.drafts++
	return "MEDIA", nil
}
func (b *cancelBroadcaster) Preview(context.Context, string, string) error { b.previews++; return nil }
func (b *cancelBroadcaster) SendAll(_ context.Context, _, _ string) (int64, error) {
	b.sent++
	if b.cancel != nil {
		b.cancel() // as Broadcaster requires, the call under way is not cut off
		b.cancel = nil
		return 1000, nil
	}
	return 0, nil
}
func (b *cancelBroadcaster) Check(content.Article) error { return nil }

// TestBroadcastSentAtShutdownIsRecorded: a mass send WeChat took as the
// shutdown came is recorded sent with its msg id; the next run drafts and
// previews nothing again (a review's find: it was recorded as shut down
// before the send, and the staff got the preview twice).
func TestBroadcastSentAtShutdownIsRecorded(t *testing.T) {
	s, _, p := setup(t, 1)
	const day = "2026-11-26"
	ctx, cancel := context.WithCancel(context.Background())
	b := &cancelBroadcaster{cancel: cancel}
	p.Config = func() Config {
		return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC, Broadcaster: b, PreviewOpenIDs: []string{"staff"}}
	}
	p.Sleep = func(context.Context, time.Duration) error { return nil }
	p.Run(ctx, RunOptions{Day: day})
	known, _ := s.Deliveries(context.Background(), day, []string{broadcastRecipient})
	if d := known[broadcastRecipient]; d.State != store.Sent || d.MsgID != 1000 {
		t.Errorf("a mass send WeChat took (msg id 1000) is recorded %q, msg id %d", d.State, d.MsgID)
	}
	p.Owner = "replica-2"
	p.Run(context.Background(), RunOptions{Day: day})
	if b.drafts != 1 || b.previews != 1 || b.sent != 1 {
		t.Errorf("after the send went out: %d drafts, %d previews, %d sends; want 1 each", b.drafts, b.previews, b.sent)
	}
}

// A run of a past day (a rerun after it stopped, push --date) reaches the
// followers of that day, not those who followed after it (a follower run's
// find: three who followed the next day got the day before's reading on
// top of their own).
func TestPastDayReachesThatDaysFollowers(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 2) // known without a subscription time: followers all along
	s.FollowerSubscribed(ctx, "o_then", "", time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC))
	s.FollowerSubscribed(ctx, "o_later", "", clock.Add(-time.Minute)) // 2026-11-26
	res, err := p.Run(ctx, RunOptions{Day: "2026-11-25"})
	if err != nil || res.Recipients != 3 || send.sent["o_later"] != 0 || send.sent["o_then"] != 1 {
		t.Fatalf("2026-11-25: %+v %v, sent %v; want o000, o001 and o_then", res, err, send.sent)
	}
	if res, err := p.Run(ctx, RunOptions{}); err != nil || res.Sent != 4 {
		t.Fatalf("today: %+v %v; want all four", res, err)
	}
}

// lockedBuffer is a log both a run and its test read.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitUntil waits for ok, failing after 10 s.
func waitUntil(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("not within 10 s")
		}
	}
}

// useSender makes sender the push's sender in its configured mode.
func useSender(p *DailyPush, sender Sender) {
	cfg := p.Config()
	cfg.Sender = sender
	p.Config = func() Config { return cfg }
}

// slowBroadcaster is a mass send whose draft waits for the test (uploads
// retrying), counting its sends.
type slowBroadcaster struct {
	drafting chan struct{} // closed when the draft starts
	release  chan struct{}
	sends    atomic.Int32
}

func (b *slowBroadcaster) Draft(ctx context.Context, _ content.Article) (string, error) {
	close(b.drafting)
	select {
	case <-b.release:
		return "MEDIA", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
func (b *slowBroadcaster) Preview(context.Context, string, string) error { return nil }
func (b *slowBroadcaster) SendAll(context.Context, string, string) (int64, error) {
	b.sends.Add(1)
	return 1000, nil
}
func (b *slowBroadcaster) Check(content.Article) error { return nil }

// TestBroadcastKeepsItsLease: a mass send whose draft takes longer than
// the lease keeps the day (renewed), so a standing-by replica does not take
// it over and draft, preview and send it again; and a run that lost the
// day while it stalled does not send.
func TestBroadcastKeepsItsLease(t *testing.T) {
	ctx := context.Background()
	const ttl = 1500 * time.Millisecond // renewed every 500 ms: a loaded machine has a second to spare
	start := func(t *testing.T, ctx context.Context) (*store.Store, *slowBroadcaster, chan error) {
		s, _, p := setup(t, 1)
		b := &slowBroadcaster{drafting: make(chan struct{}), release: make(chan struct{})}
		p.Now = time.Now
		p.Config = func() Config {
			return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC, LeaseTTL: ttl, Broadcaster: b}
		}
		done := make(chan error, 1)
		go func() { _, err := p.Run(ctx, RunOptions{Day: "2026-11-26"}); done <- err }()
		<-b.drafting
		return s, b, done
	}

	t.Run("renewed", func(t *testing.T) {
		s, b, done := start(t, ctx)
		// Renewals move the lease's end on; without them another owner
		// gets the day once it has passed.
		var first time.Time
		for renewals := 0; renewals < 3; {
			err := s.AcquirePush(ctx, "2026-11-26", "replica-2", time.Now(), ttl)
			var held *store.LeaseHeld
			if !errors.As(err, &held) {
				t.Fatalf("another replica asking for a live broadcast's day: %v", err)
			}
			if held.Until.After(first) {
				first, renewals = held.Until, renewals+1
			}
			time.Sleep(ttl / 20) // asking as a standing-by replica does, only faster
		}
		close(b.release)
		if err := <-done; err != nil || b.sends.Load() != 1 {
			t.Fatalf("broadcast: %v, %d sends", err, b.sends.Load())
		}
	})

	t.Run("shut down", func(t *testing.T) {
		// Stopped during the draft: the day is noted as stopped by
		// shutdown, for a replica standing by to take over, and nothing
		// is recorded as failed.
		ctx, cancel := context.WithCancel(ctx)
		s, b, done := start(t, ctx)
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) || b.sends.Load() != 0 {
			t.Fatalf("a broadcast shut down during its draft: %v, %d sends", err, b.sends.Load())
		}
		state, note, _ := s.PushRun(context.Background(), "2026-11-26")
		sum, _ := s.LedgerSummary(context.Background(), "2026-11-26")
		if state != store.Stopped || note != StoppedByShutdown || sum.Counts[store.Failed] != 0 {
			t.Fatalf("day %s %q, ledger %v", state, note, sum.Counts)
		}
	})

	t.Run("lost", func(t *testing.T) {
		s, b, done := start(t, ctx)
		if err := s.TakeOverPush(ctx, "2026-11-26", "test", "replica-2", time.Now(), time.Hour); err != nil {
			t.Fatal(err)
		}
		close(b.release)
		if err := <-done; !errors.Is(err, store.ErrLeaseLost) || b.sends.Load() != 0 {
			t.Fatalf("a run that lost its day: %v, %d sends", err, b.sends.Load())
		}
	})
}

// articleSender records which article each follower was sent.
type articleSender struct {
	mu   sync.Mutex
	sent map[string]string // openid → article id
}

func (a *articleSender) Send(_ context.Context, openid string, art content.Article) (int64, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.sent[openid] = art.ID
	return 0, nil
}

// TestScheduleAsThePushBegins: an operator's `mpbot schedule` landing
// after the push read the day's reading and before its first delivery was
// marked. The push sent the article it had read while the record (and the
// daily reply) named the other, which then counted as read, and the one
// sent as unread. Now the push starts again with the article scheduled.
func TestScheduleAsThePushBegins(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 20)
	send := &articleSender{sent: map[string]string{}}
	useSender(p, send)
	const day = "2026-11-26"
	var scheduled error
	once := sync.Once{}
	p.Now = func() time.Time {
		// The run asks the time before reading the reading and again
		// after: the first time the day has a choice, the operator's
		// schedule lands.
		if plan, err := s.PlanDaily(ctx, day, 1, "政策理论导读"); err == nil && plan[0].Why == store.WhyChosen {
			once.Do(func() { _, scheduled = s.ScheduleDaily(ctx, day, "a2") })
		}
		return clock
	}
	res, err := p.Run(ctx, RunOptions{})
	if scheduled != nil {
		t.Fatalf("the schedule, before anything was marked: %v", scheduled)
	}
	if err != nil || res.Article.ID != "a2" || res.Sent != 20 {
		t.Fatalf("run: %+v %v; want a2 sent to 20", res, err)
	}
	for id, art := range send.sent {
		if art != "a2" {
			t.Fatalf("%s was sent %s; the day's reading is a2", id, art)
		}
	}
	sum, _ := s.LedgerSummary(ctx, day)
	if sum.ArticleID != "a2" || sum.Counts[store.Sent] != 20 {
		t.Fatalf("ledger %+v", sum)
	}
	// a1, never sent, is the next day's reading.
	p.Now = func() time.Time { return clock.Add(24 * time.Hour) }
	if res, err := p.Run(ctx, RunOptions{}); err != nil || res.Article.ID != "a1" {
		t.Fatalf("next day: %s %v", res.Article.ID, err)
	}
}

// TestRemovedReadingIsReplaced: the day's chosen reading removed before
// anything went out (a follower's 每日一读 records the day's choice, so no
// schedule is needed for this). The day's push found "nothing to push"
// and exited 0; it now sends the next article.
func TestRemovedReadingIsReplaced(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 5)
	if _, err := s.DailyReading(ctx, "2026-11-26", "政策理论导读"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Article.ID != "a2" || res.Sent != 5 || len(send.sent) != 5 {
		t.Fatalf("run: %+v %v", res, err)
	}
	// A day that went out keeps its record when its article is removed.
	if err := s.Delete(ctx, "a2"); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanDaily(ctx, "2026-11-26", 1, "政策理论导读")
	if err != nil || plan[0].Why != store.WhyChosen || plan[0].Article.ID != "a2" {
		t.Fatalf("the plan of the day sent, its article removed: %+v %v", plan, err)
	}
}

// TestLeaversMidRunAreNotSent: followers who opt out or unfollow while a
// run goes on are not sent the reading once the run reaches them (a fleet
// run's find: 33 who sent 退订 or unfollowed mid-run were delivered to),
// nor by a rerun; those the run had sent to stay sent.
func TestLeaversMidRunAreNotSent(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 100)
	send := &takeoverSender{fakeSender: *newFakeSender(), take: func() {
		// The first call: o098 and o099 come batches later.
		if err := s.SetPushOptOut(ctx, "o099", true, clock); err != nil {
			t.Error(err)
		}
		if err := s.FollowerUnsubscribed(ctx, "o098", clock); err != nil {
			t.Error(err)
		}
	}}
	useSender(p, send)
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Recipients != 100 || res.Sent != 98 || res.Skipped[reasonLeft] != 2 {
		t.Fatalf("run: %+v %v", res, err)
	}
	if send.sent["o098"]+send.sent["o099"] != 0 || send.sent["o000"] != 1 {
		t.Fatalf("sent %v", send.sent)
	}
	if sum, _ := s.LedgerSummary(ctx, "2026-11-26"); sum.Counts[store.Sent] != 98 || sum.RunState != "done" {
		t.Fatalf("ledger %+v", sum)
	}
}

// A day stopped after reaching followers one by one is not rerun by a mass
// send, nor a stopped mass send by messages to each follower: push.mode
// changed mid-day (the account verified after a 45009), the rerun would
// reach again those the day had reached (an operator run's find: two
// followers got it twice). Rerun in the outbox's mode, which reached
// nobody, the mass send goes.
func TestModeChangedMidDayDoesNotReachTwice(t *testing.T) {
	ctx := context.Background()
	_, send, p := setup(t, 5)
	send.after = 2 // 45009 after two deliveries
	customer := p.Config()
	if res, err := p.Run(ctx, RunOptions{}); err != nil || res.Stopped == "" || res.Sent != 2 {
		t.Fatalf("first run: %+v %v; want stopped after 2", res, err)
	}
	b := &cancelBroadcaster{}
	p.Config = func() Config {
		return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC, Broadcaster: b, PreviewOpenIDs: []string{"staff"}}
	}
	p.Sleep = func(context.Context, time.Duration) error { return nil }
	for _, dry := range []bool{true, false} {
		_, err := p.Run(ctx, RunOptions{DryRun: dry})
		if !errors.Is(err, ErrCannotSend) || !strings.Contains(err.Error(), "went out by customer (2)") || !strings.Contains(err.Error(), "push.mode: customer") {
			t.Fatalf("broadcast rerun (dry %v) of a day customer messages reached: %v", dry, err)
		}
	}
	if b.drafts+b.sent != 0 {
		t.Fatalf("the mass send was drafted %d and sent %d times", b.drafts, b.sent)
	}

	// The other way round: a mass send stopped in its preview's lead (it
	// may yet go out: its row stays sending), then customer messages.
	_, send, p = setup(t, 3)
	customer = p.Config()
	bctx, cancel := context.WithCancel(ctx)
	p.Config = func() Config {
		return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC, Broadcaster: &cancelBroadcaster{}, PreviewOpenIDs: []string{"staff"}, PreviewLead: time.Hour}
	}
	p.Sleep = func(context.Context, time.Duration) error { cancel(); return context.Canceled } // shut down in the lead
	if _, err := p.Run(bctx, RunOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("the mass send shut down in its lead: %v", err)
	}
	p.Config = func() Config { return customer }
	if _, err := p.Run(ctx, RunOptions{}); !errors.Is(err, ErrCannotSend) || !strings.Contains(err.Error(), "went out by broadcast (1)") {
		t.Fatalf("customer rerun of a day a mass send may have reached: %v", err)
	}
	if len(send.sent) != 0 {
		t.Fatalf("customer messages sent: %v", send.sent)
	}
}

// TestDryRunOfADayToComeAgreesWithItsPlan: with two unread articles and no
// day chosen, today reads a1 and tomorrow a2, as push status and the
// console's schedule plan it; the dry run of each day says the same, and
// of the day after, that nothing is left (an operator run's find: it named
// a1 for every day, the mistake push status had, mended there only).
func TestDryRunOfADayToComeAgreesWithItsPlan(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 1)
	today := clock.Format(content.DateLayout)
	plan, err := s.PlanDaily(ctx, today, 3, "政策理论导读")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range plan {
		dry, err := p.Run(ctx, RunOptions{Day: d.Day, DryRun: true})
		switch {
		case d.Article.ID == "" && err == nil:
			t.Errorf("%s: the plan has nothing left to read; the dry run names %q", d.Day, dry.Article.ID)
		case d.Article.ID != "" && (err != nil || dry.Article.ID != d.Article.ID):
			t.Errorf("%s: the plan reads %q; the dry run names %q (%v)", d.Day, d.Article.ID, dry.Article.ID, err)
		}
	}
}
