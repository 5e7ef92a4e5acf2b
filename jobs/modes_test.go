package jobs

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mpbot/content"
)

// unansweredTemplates is a keyed (template) sender whose every call
// reaches WeChat and gets no answer: each may have been delivered.
type unansweredTemplates struct{ calls atomic.Int64 }

func (u *unansweredTemplates) Send(context.Context, string, content.Article) (int64, error) {
	return 0, errors.New("keyed sends only")
}

func (u *unansweredTemplates) SendOnce(context.Context, string, content.Article, string) (int64, error) {
	u.calls.Add(1)
	return 0, noAnswer{}
}

// TestModeChangedAfterUnansweredTemplates: template messages WeChat did not
// answer may have been delivered (classify records them failed with
// reasonUnsureKeyed only because their key makes a resend within 10
// minutes safe), so a mass send after push.mode changed would reach those
// followers again, the case sameReach refuses (a review's find). ModesGoneOut counts
// sending, sent and unknown, not these: the broadcast went out.
func TestModeChangedAfterUnansweredTemplates(t *testing.T) {
	ctx := context.Background()
	_, _, p := setup(t, 3)
	tpl := &unansweredTemplates{}
	p.Config = func() Config {
		return Config{Mode: ModeTemplate, Category: "政策理论导读", Location: time.UTC, QPS: 1000, Sender: tpl}
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || tpl.calls.Load() != 3 {
		t.Fatalf("template run: %+v %v, %d calls", res, err, tpl.calls.Load())
	}
	b := &cancelBroadcaster{}
	p.Config = func() Config {
		return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC, Broadcaster: b}
	}
	p.Sleep = func(context.Context, time.Duration) error { return nil }
	_, err = p.Run(ctx, RunOptions{})
	if !errors.Is(err, ErrCannotSend) || !strings.Contains(err.Error(), "went out by template") || b.sent != 0 {
		t.Fatalf("broadcast after 3 template messages that may have arrived: %v, mass sends %d; want refused (ErrCannotSend)", err, b.sent)
	}
}

// TestBroadcastDryRunWithoutAPISaysWhy: a dry run of push.mode broadcast
// without the WeChat API had said "cannot send here … needs the WeChat API",
// read as the dry run's own failure (an operator run's find): it says the
// dry run is made against the API, and that log mode rehearses without it.
func TestBroadcastDryRunWithoutAPISaysWhy(t *testing.T) {
	_, _, p := setup(t, 1)
	p.Config = func() Config { return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC} }
	_, err := p.Run(context.Background(), RunOptions{DryRun: true})
	if !errors.Is(err, ErrCannotSend) || !strings.Contains(err.Error(), "a dry run of push.mode \"broadcast\"") || !strings.Contains(err.Error(), "push.mode log") {
		t.Errorf("dry run without the API: %v", err)
	}
}
