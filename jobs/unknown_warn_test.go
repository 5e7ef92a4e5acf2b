package jobs

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"mpbot/content"
)

// unsureThenCancel answers no call for the followers in unsure (WeChat may
// have delivered: unknown) and cancels the run (SIGTERM) once the n-th call
// has been made.
type unsureThenCancel struct {
	mu     sync.Mutex
	calls  int
	n      int
	unsure map[string]bool
	cancel context.CancelFunc
}

func (u *unsureThenCancel) Send(_ context.Context, openid string, _ content.Article) (int64, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.calls++
	if u.calls == u.n {
		u.cancel()
	}
	if u.unsure[openid] {
		return 0, noAnswer{}
	}
	return 0, nil
}

// TestInterruptedRunWarnsOfItsUnknowns: a run some of whose calls got no
// answer (unknown: never sent again) is stopped by a shutdown (SIGTERM,
// a deploy), and a rerun finishes the day. README: "a run with any
// [unknown] ends with a warning, level=WARN msg="daily push finished" …
// unknown=12 …, for alerts on warnings". Neither run warns: the interrupted
// one returns with no line of its own (serve says at info only "daily
// push stopped by shutdown … sent=N", `mpbot push` only "interrupted; …
// (sent N)"), and the rerun, whose own unknown is 0, finishes at info with
// day_unknown=3 (an operator run: the three followers' deliveries stay
// unknown, and nothing a warning alert reads says so).
func TestInterruptedRunWarnsOfItsUnknowns(t *testing.T) {
	_, _, p := setup(t, 40)
	var logs strings.Builder
	var mu sync.Mutex
	p.Log = slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	ctx, cancel := context.WithCancel(context.Background())
	u := &unsureThenCancel{n: 12, unsure: map[string]bool{"o001": true, "o003": true, "o005": true}, cancel: cancel}
	p.Config = func() Config {
		return Config{Mode: ModeCustomer, Category: "政策理论导读", Location: clock.Location(), QPS: 1000, Window: 48 * 3600e9, Sender: u}
	}
	res, err := p.Run(ctx, RunOptions{})
	if err == nil || res.Unknown != 3 {
		t.Fatalf("interrupted run: %+v %v (want 3 unknown and the shutdown's error)", res, err)
	}
	res, err = p.Run(context.Background(), RunOptions{})
	if err != nil || res.Sent == 0 || res.Unknown != 0 {
		t.Fatalf("rerun: %+v %v", res, err)
	}
	mu.Lock()
	out := logs.String()
	mu.Unlock()
	warned := false
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "level=WARN") && strings.Contains(line, "unknown") {
			warned = true
		}
	}
	if !warned {
		t.Fatalf("3 deliveries of the day unknown, and no warning said so:\n%s", out)
	}
}

type lockedWriter struct {
	w  *strings.Builder
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
