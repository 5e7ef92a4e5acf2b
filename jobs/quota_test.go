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
}
