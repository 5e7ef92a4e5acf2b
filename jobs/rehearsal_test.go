package jobs

import (
	"context"
	"strings"
	"testing"
	"time"

	"mpbot/content"
	"mpbot/store"
)

// TestInterruptedRehearsalIsSentForReal (a review's find): a push.mode log run that died
// mid-day leaves its day 'running' (lease expired) with outbox rows. Once
// push.mode is customer, the dry run says those followers are still to send;
// the real run had sent them nothing: ForgetRehearsal kept the rows of any
// day running, the run took the expired lease over, and runBatch took the
// outbox's 'sent' rows as settled and its 'sending' row as unknown.
func TestInterruptedRehearsalIsSentForReal(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 3)
	day := clock.Format(content.DateLayout)
	a, err := s.DailyReading(ctx, day, "政策理论导读")
	if err != nil {
		t.Fatal(err)
	}
	// The log run, killed after two outbox lines and while writing the third.
	if err := s.AcquirePush(ctx, day, "dead", clock.Add(-time.Hour), time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDeliveriesAs(ctx, "dead", []store.Delivery{
		{Day: day, Recipient: "o000", ArticleID: a.ID, Mode: ModeLog, State: store.Sent, Attempts: 1},
		{Day: day, Recipient: "o001", ArticleID: a.ID, Mode: ModeLog, State: store.Sent, Attempts: 1},
		{Day: day, Recipient: "o002", ArticleID: a.ID, Mode: ModeLog, State: store.Sending, Attempts: 1},
	}); err != nil {
		t.Fatal(err)
	}
	p.Gone = func(string) bool { return false }
	dry, err := p.Run(ctx, RunOptions{DryRun: true})
	if err != nil || dry.Pending != 3 {
		t.Fatalf("dry run: %+v %v; want 3 pending (the outbox reached nobody)", dry, err)
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(send.sent) != 3 {
		t.Errorf("customer run after an interrupted rehearsal: sent to %v (res %+v), want all 3 followers the dry run promised", send.sent, res)
	}
}

// panickingBroadcaster panics in its draft: a bug on the run's own goroutine.
type panickingBroadcaster struct{ cancelBroadcaster }

func (*panickingBroadcaster) Draft(context.Context, content.Article) (string, error) {
	panic("a bug in the draft")
}

// TestAPanickedBroadcastEndsStopped (a review's find): a broadcast, which
// takes its own lease (leaseTTL + preview lead), ends its day stopped when it
// panics, as the other modes' runs do (b2eadf9 had mended deliver only: the
// day stayed running, held, until that lease ran out).
func TestAPanickedBroadcastEndsStopped(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 1)
	p.Config = func() Config {
		return Config{Mode: ModeBroadcast, Category: "政策理论导读", Location: time.UTC, Broadcaster: &panickingBroadcaster{}, PreviewLead: time.Hour}
	}
	p.Sleep = func(context.Context, time.Duration) error { return nil }
	runPanicking(t, p)
	day := clock.Format(content.DateLayout)
	if state, note, err := s.PushRun(ctx, day); err != nil || state != store.Stopped || !strings.Contains(note, "a bug in the draft") {
		t.Errorf("the day after a broadcast's panic: %q %q %v; want stopped, saying why (as deliver's)", state, note, err)
	}
}

// TestShownAfterARehearsalIsNotPushed (a review's find): a follower who asked 每日一读
// after the day's rehearsal in push.mode log was shown the reading, and is
// not pushed it: ReadingShown had kept the outbox's 'sent' row (it replaced
// only failed and shown rows), which ForgetRehearsal then deleted.
func TestShownAfterARehearsalIsNotPushed(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 2)
	live := p.Config
	p.Config = func() Config {
		c := live()
		c.Mode = ModeLog
		c.Sender = newFakeSender()
		return c
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Sent != 2 {
		t.Fatalf("the rehearsal: %+v %v", res, err)
	}
	day := clock.Format(content.DateLayout)
	if err := s.ReadingShown(ctx, day, "o000", res.Article.ID); err != nil { // 每日一读 asked at 9:00
		t.Fatal(err)
	}
	p.Config = live
	if _, err := p.Run(ctx, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	if send.sent["o000"] != 0 {
		t.Errorf("o000, shown the reading after the rehearsal, was pushed it %d time(s); want 0 (skipped: shown it already)", send.sent["o000"])
	}
}

// TestRehearsedReadingRemovedReadsTheNext: a day pushed in push.mode log
// (a rehearsal: the outbox reached nobody) whose article is then removed
// reads the next unread article once push.mode sends, its dry run saying
// so (an operator run's find: the dry run promised the removed article,
// titled "", and the run found "nothing to push" with a2 unread, sent
// nothing and left the day stopped).
func TestRehearsedReadingRemovedReadsTheNext(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 1)
	live := p.Config
	p.Config = func() Config { // the rehearsal, in push.mode log
		c := live()
		c.Mode = ModeLog
		c.Sender = newFakeSender()
		return c
	}
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Sent != 1 || res.Article.ID != "a1" {
		t.Fatalf("the rehearsal: %+v %v", res, err)
	}
	if err := s.Delete(ctx, "a1"); err != nil { // mpbot articles rm a1
		t.Fatal(err)
	}
	p.Config = live // push.mode customer
	dry, dryErr := p.Run(ctx, RunOptions{DryRun: true})
	run, runErr := p.Run(ctx, RunOptions{})
	if dryErr != nil || dry.Article.ID != "a2" || dry.Pending != 1 {
		t.Errorf("dry run: %q (%q), %d pending, err %v; want a2 for the 1 follower", dry.Article.ID, dry.Article.Title, dry.Pending, dryErr)
	}
	if runErr != nil || run.Article.ID != "a2" || run.Sent != 1 || len(send.sent) != 1 {
		t.Errorf("run: %q, sent %d (%d calls), err %v; want a2 sent to the follower", run.Article.ID, run.Sent, len(send.sent), runErr)
	}
}

// TestLogModeRemovedRehearsalPlansTheNextDayAsItRuns: an operator who keeps
// push.mode log (the default) rehearses today with a1, then removes a1.
// Delete now clears today's choice (a rehearsal reached nobody), but today
// is done in log mode and its run never reads another article. The dry run
// of tomorrow plans today as taking a2 and promises a3; tomorrow's run
// reads a2. Before the change today kept its choice and both said a2.
func TestLogModeRemovedRehearsalPlansTheNextDayAsItRuns(t *testing.T) {
	ctx := context.Background()
	s, _, p := setup(t, 1)
	if _, _, err := s.Upsert(ctx, content.Article{ID: "a3", Title: "第三篇", URL: "https://x/3", Category: "政策理论导读", PublishedOn: "2026-03-01"}); err != nil {
		t.Fatal(err)
	}
	live := p.Config
	p.Config = func() Config { // push.mode log, as it stays
		c := live()
		c.Mode = ModeLog
		c.Sender = newFakeSender()
		return c
	}
	now := clock
	p.Now = func() time.Time { return now }
	res, err := p.Run(ctx, RunOptions{})
	if err != nil || res.Article.ID != "a1" || res.Sent != 1 {
		t.Fatalf("today's rehearsal: %+v %v", res, err)
	}
	if err := s.Delete(ctx, "a1"); err != nil { // mpbot articles rm a1
		t.Fatal(err)
	}
	// Today's run again (a catch-up, mpbot push): done, nothing chosen.
	p.Run(ctx, RunOptions{})
	tomorrow := clock.AddDate(0, 0, 1).Format(content.DateLayout)
	dry, dryErr := p.Run(ctx, RunOptions{Day: tomorrow, DryRun: true})
	now = clock.AddDate(0, 0, 1)
	run, runErr := p.Run(ctx, RunOptions{})
	if runErr != nil || dryErr != nil || dry.Article.ID != run.Article.ID {
		t.Errorf("tomorrow's dry run promised %q (%v); tomorrow's run read %q (%v)", dry.Article.ID, dryErr, run.Article.ID, runErr)
	}
}
