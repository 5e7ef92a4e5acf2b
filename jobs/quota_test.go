package jobs

import (
	"context"
	"log/slog"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mpbot/content"
)

// quotaSender answers every call with WeChat's "daily API quota reached"
// (45009), counting the calls it got.
type quotaSender struct{ calls atomic.Int64 }

func (q *quotaSender) Send(context.Context, string, content.Article) (int64, error) {
	q.calls.Add(1)
	return 0, apiErr(45009)
}

// firstOnly lets the first call through at once and holds every other
// until its context ends, or, failing that, for a long while: a sender
// that went on waiting after the run stopped makes its call then.
type firstOnly struct{ let atomic.Bool }

func (l *firstOnly) Wait(ctx context.Context) error {
	if l.let.CompareAndSwap(false, true) {
		return nil
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(5 * time.Second):
		return nil
	}
}

// A 45009 stops the run: the senders waiting for the limiter make no call
// (an operator run's find: at push.qps 1, three more calls came after the
// first 45009, one a second, each answered 45009). The run's last line is
// a warning saying what a rerun sends (another's: it was at info, and
// alerts on warnings and errors missed a day's reading left unsent).
func TestQuotaStopsTheNextCalls(t *testing.T) {
	_, _, p := setup(t, 12)
	var logs strings.Builder
	p.Log = slog.New(slog.NewTextHandler(&logs, nil))
	send := &quotaSender{}
	cfg := p.Config()
	cfg.Sender = send
	p.Config = func() Config { return cfg }
	p.Limiter = func(float64) Limiter { return &firstOnly{} }
	res, err := p.Run(context.Background(), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stopped == "" {
		t.Fatalf("the run did not stop on 45009: %+v", res)
	}
	if n := send.calls.Load(); n != 1 {
		t.Fatalf("WeChat got %d calls, the first answered 45009: want 1; failed %v, not attempted %d", n, res.Failed, res.NotAttempted)
	}
	if res.NotAttempted != 11 {
		t.Fatalf("not attempted %d, want 11 (a rerun sends them)", res.NotAttempted)
	}
	if !regexp.MustCompile(`level=WARN msg="daily push finished".* not_sent_yet=12 rerun="mpbot push --date `).MatchString(logs.String()) {
		t.Errorf("the run's last line, want a warning saying 12 are not sent yet and how to rerun:\n%s", logs.String())
	}
	// Counts, and their reasons as push prints them, not Go's maps
	// (failed="map[…]": a newcomer's run).
	if !regexp.MustCompile(` skipped=0 failed=1 failed_by_reason="1 daily API quota reached \(45009\)[^"]*"`).MatchString(logs.String()) || strings.Contains(logs.String(), "map[") {
		t.Errorf("the run's last line, want its counts and reasons:\n%s", logs.String())
	}
}

// quotaBroadcaster drafts and previews; its mass send meets the daily API
// quota (45009).
type quotaBroadcaster struct{}

func (quotaBroadcaster) Draft(context.Context, content.Article) (string, error) { return "MEDIA", nil }
func (quotaBroadcaster) Preview(context.Context, string, string) error          { return nil }
func (quotaBroadcaster) SendAll(context.Context, string, string) (int64, error) {
	return 0, apiErr(45009)
}
func (quotaBroadcaster) Check(content.Article) error { return nil }

// TestStoppedBroadcastSaysSoAtWarn: a broadcast day the quota stopped
// ends with a warning and the rerun, as the other modes' runs do (a
// review's find: at info, alerts on warnings missed it).
func TestStoppedBroadcastSaysSoAtWarn(t *testing.T) {
	_, _, p := setup(t, 1)
	var logs lockedBuffer
	p.Log = slog.New(slog.NewTextHandler(&logs, nil))
	p.Config = func() Config {
		return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC, Broadcaster: quotaBroadcaster{}}
	}
	if _, err := p.Run(context.Background(), RunOptions{Day: "2026-11-26"}); err != nil {
		t.Fatalf("run: %v", err)
	}
	if state, note, _ := p.Store.PushRun(context.Background(), "2026-11-26"); state != "stopped" {
		t.Fatalf("day %s %q, want stopped by the quota", state, note)
	}
	if !regexp.MustCompile(`level=WARN msg="daily broadcast finished".* rerun="mpbot push --date 2026-11-26"`).MatchString(logs.String()) {
		t.Errorf("a broadcast day stopped by the quota, want a warning with the rerun:\n%s", logs.String())
	}
}
