package store_test

import (
	"context"
	"errors"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestPushLease(t *testing.T) { storetest.Each(t, testPushLease) }

func testPushLease(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	where := e.Fresh(t)
	a, b := e.OpenAt(t, where), e.OpenAt(t, where)
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	const day = "2026-11-26"
	if err := a.AcquirePush(ctx, day, "A", now, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := b.AcquirePush(ctx, day, "B", now.Add(30*time.Second), time.Minute); !errors.Is(err, store.ErrLeaseHeld) {
		t.Fatalf("B took a live lease: %v", err)
	}
	if err := a.AcquirePush(ctx, day, "A", now.Add(50*time.Second), time.Minute); err != nil {
		t.Fatalf("holder could not renew: %v", err)
	}
	if err := b.AcquirePush(ctx, day, "B", now.Add(100*time.Second), time.Minute); !errors.Is(err, store.ErrLeaseHeld) {
		t.Fatalf("B took a renewed lease: %v", err)
	}
	// A stops renewing (crashed); B takes over after the lease runs out and
	// A's late writes are refused.
	if err := b.AcquirePush(ctx, day, "B", now.Add(111*time.Second), time.Minute); err != nil {
		t.Fatalf("B could not take an expired lease: %v", err)
	}
	d := store.Delivery{Day: day, Recipient: "o1", ArticleID: "x", Mode: "customer", State: store.Sent, Attempts: 1}
	if err := a.RecordDeliveriesAs(ctx, "A", []store.Delivery{d}); !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("fenced-off holder wrote: %v", err)
	}
	if err := b.RecordDeliveriesAs(ctx, "B", []store.Delivery{d, {Day: day, Recipient: "o2", ArticleID: "x", Mode: "customer", State: store.Skipped, Reason: "45015", Attempts: 1}}); err != nil {
		t.Fatal(err)
	}
	got, err := a.Deliveries(ctx, day, []string{"o1", "o2", "o3"})
	if err != nil || len(got) != 2 || got["o1"].State != store.Sent || got["o2"].Reason != "45015" {
		t.Fatalf("deliveries %+v %v", got, err)
	}
	if err := b.FinishPush(ctx, day, "B", "done", "2 recipients"); err != nil {
		t.Fatal(err)
	}
	if err := a.AcquirePush(ctx, day, "A", now.Add(time.Hour), time.Minute); !errors.Is(err, store.ErrPushDone) {
		t.Fatalf("a finished day was taken again: %v", err)
	}
	sum, err := a.LedgerSummary(ctx, day)
	if err != nil || sum.Counts[store.Sent] != 1 || sum.Reasons["skipped: 45015"] != 1 || sum.RunState != "done" || sum.ArticleID != "x" {
		t.Fatalf("summary %+v %v", sum, err)
	}
}

func TestMediaIDs(t *testing.T) { storetest.Each(t, testMediaIDs) }

func testMediaIDs(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	if _, ok, err := s.MediaID(ctx, "https://img/1.jpg"); ok || err != nil {
		t.Fatalf("unknown cover: %v %v", ok, err)
	}
	s.SetMediaID(ctx, "https://img/1.jpg", "m1")
	s.SetMediaID(ctx, "https://img/1.jpg", "m2")
	if id, ok, err := s.MediaID(ctx, "https://img/1.jpg"); id != "m2" || !ok || err != nil {
		t.Fatalf("media id %q %v %v", id, ok, err)
	}
}

// TestChangesAppearInCommitOrder: while one import is still open, another
// one's change must not become visible ahead of it, or a replica polling
// the change log would move past the first and never see it.
func TestChangesAppearInCommitOrder(t *testing.T) { storetest.Each(t, testChangesAppearInCommitOrder) }

func testChangesAppearInCommitOrder(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	where := e.Fresh(t)
	first, second, poller := e.OpenAt(t, where), e.OpenAt(t, where), e.OpenAt(t, where)
	commit, rollback, err := first.UpsertOpen(ctx, content.Article{ID: "slow", Title: "先开始的导入", URL: "https://example.com/u1"})
	if err != nil {
		t.Fatal(err)
	}
	defer rollback()
	done := make(chan error, 1)
	go func() {
		_, _, err := second.Upsert(ctx, content.Article{ID: "fast", Title: "后开始的导入", URL: "https://example.com/u2"})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond)
	if seen, err := poller.Changes(ctx, 0, 10); err != nil || len(seen) != 0 {
		t.Fatalf("a later change became visible before the open one: %+v %v", seen, err)
	}
	if err := commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	seen, err := poller.Changes(ctx, 0, 10)
	if err != nil || len(seen) != 2 || seen[0].ArticleID != "slow" || seen[1].ArticleID != "fast" || seen[0].Seq >= seen[1].Seq {
		t.Fatalf("changes %+v %v", seen, err)
	}
}

// TestReceipts: WeChat's receipts join the day's ledger by message id: a
// mass send's counts as they came, template messages counted by status.
func TestReceipts(t *testing.T) { storetest.Each(t, testReceipts) }

func testReceipts(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	day := "2026-12-07"
	s.RecordDeliveries(ctx, []store.Delivery{
		{Day: day, Recipient: "o1", ArticleID: "a", Mode: "template", State: store.Sent, MsgID: 11},
		{Day: day, Recipient: "o2", ArticleID: "a", Mode: "template", State: store.Sent, MsgID: 12},
		{Day: day, Recipient: "o3", ArticleID: "a", Mode: "template", State: store.Sent, MsgID: 13},
		{Day: "2026-12-08", Recipient: "o1", ArticleID: "a", Mode: "template", State: store.Sent, MsgID: 21},
	})
	at := time.UnixMilli(time.Now().UnixMilli())
	for id, status := range map[int64]string{11: "success", 12: "success", 13: "failed:user block", 21: "success"} {
		if err := s.RecordReceipt(ctx, store.Receipt{MsgID: id, Kind: "template", Status: status, At: at}); err != nil {
			t.Fatal(err)
		}
	}
	s.RecordReceipt(ctx, store.Receipt{MsgID: 11, Kind: "template", Status: "success", At: at}) // WeChat repeats itself
	sum, err := s.LedgerSummary(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Receipt{
		{Kind: "template", Status: "failed:user block", Total: 1, MsgID: 13, At: at},
		{Kind: "template", Status: "success", Total: 2, MsgID: 11, At: at},
	}
	if len(sum.Receipts) != 2 || sum.Receipts[0] != want[0] || sum.Receipts[1] != want[1] {
		t.Fatalf("receipts %+v, want %+v", sum.Receipts, want)
	}
}

// TestLedgerFenceHoldsAgainstATakeover (PostgreSQL): a holder's ledger write
// checks the lease and writes in one transaction; a takeover must wait for
// that transaction, or the holder, stalled between its check and its write
// (a paused VM), marked and sent after another process took the day, and a
// follower got the reading twice. (SQLite has one writer at a time.)
func TestLedgerFenceHoldsAgainstATakeover(t *testing.T) {
	e := storetest.Engines()[1]
	ctx := context.Background()
	dsn := e.Fresh(t)
	holder, other := e.OpenAt(t, dsn), e.OpenAt(t, dsn)
	const day = "2026-12-20"
	now := time.Now()
	if _, _, err := holder.Upsert(ctx, content.Article{ID: "a", Title: "文章", URL: "https://example.com/a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := holder.ScheduleDaily(ctx, day, "a"); err != nil {
		t.Fatal(err)
	}
	if err := holder.AcquirePush(ctx, day, "holder", now, time.Minute); err != nil {
		t.Fatal(err)
	}
	// The holder's write is held up after its lease check.
	unlock, waiting := lockLedger(t, dsn)
	marked := make(chan error, 1)
	go func() {
		marked <- holder.RecordDeliveriesAs(ctx, "holder", []store.Delivery{{Day: day, Recipient: "o1", ArticleID: "a", Mode: "customer", State: store.Sending, Attempts: 1}})
	}()
	waitUntil(t, func() bool { return waiting("INSERT INTO push_ledger") }, "the holder's mark held up after its lease check")
	// Its lease ran out meanwhile; another process takes the day.
	taken := make(chan error, 1)
	go func() { taken <- other.AcquirePush(ctx, day, "other", now.Add(2*time.Minute), time.Minute) }()
	for !waiting("INSERT INTO push_runs") {
		select {
		case err := <-taken:
			t.Fatalf("the day was taken over (%v) while the holder's mark, checked against the lease, was not yet written", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	unlock()
	if err := <-marked; err != nil {
		t.Fatalf("the holder's mark: %v", err)
	}
	if err := <-taken; err != nil {
		t.Fatalf("the takeover after the mark: %v", err)
	}
	// From now on the old holder can mark nothing.
	err := holder.RecordDeliveriesAs(ctx, "holder", []store.Delivery{{Day: day, Recipient: "o2", ArticleID: "a", Mode: "customer", State: store.Sending, Attempts: 1}})
	if !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("a mark after the takeover: %v", err)
	}
}

// TestMarksOfAnotherReadingRefused: a push that read the day's reading
// before an operator scheduled another may not mark deliveries of the one
// it read (it reads again), and once marked the day's reading stays.
func TestMarksOfAnotherReadingRefused(t *testing.T) { storetest.Each(t, testMarksOfAnotherReading) }

func testMarksOfAnotherReading(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.OpenAt(t, e.Fresh(t))
	const day = "2026-12-20"
	for _, id := range []string{"a", "b"} {
		if _, _, err := s.Upsert(ctx, content.Article{ID: id, Title: "文章" + id, URL: "https://example.com/" + id}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ScheduleDaily(ctx, day, "a"); err != nil {
		t.Fatal(err)
	}
	// The push read a; the operator schedules b before its first mark.
	if _, err := s.ScheduleDaily(ctx, day, "b"); err != nil {
		t.Fatal(err)
	}
	mark := func(id string) error {
		return s.RecordDeliveriesAs(ctx, "", []store.Delivery{{Day: day, Recipient: "o1", ArticleID: id, Mode: "customer", State: store.Sending, Attempts: 1}})
	}
	if err := mark("a"); !errors.Is(err, store.ErrReadingChanged) {
		t.Fatalf("a mark of the reading replaced: %v", err)
	}
	if err := mark("b"); err != nil {
		t.Fatalf("a mark of the day's reading: %v", err)
	}
	var pushed *store.DayPushed
	if _, err := s.ScheduleDaily(ctx, day, "a"); !errors.As(err, &pushed) || pushed.Sent != "b" {
		t.Fatalf("a schedule after a mark: %v", err)
	}
	// Outcomes are not marks: recorded whatever the article.
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: day, Recipient: "o1", ArticleID: "b", Mode: "customer", State: store.Sent, Attempts: 1}}); err != nil {
		t.Fatal(err)
	}
}

// TestScheduleWaitsForMarks: on PostgreSQL an operator's schedule and a
// push's first marks run at once. The schedule's one statement read the
// ledger as it was when it began: marks committed while it waited went
// unseen, and both went through, so followers got one article while the
// record named the other. The schedule now waits for the marks, and is
// refused.
func TestScheduleWaitsForMarks(t *testing.T) {
	e := storetest.Engines()[1]
	ctx := context.Background()
	dsn := e.Fresh(t)
	push, operator := e.OpenAt(t, dsn), e.OpenAt(t, dsn)
	const day = "2026-12-20"
	for _, id := range []string{"a", "b"} {
		if _, _, err := push.Upsert(ctx, content.Article{ID: id, Title: "文章" + id, URL: "https://example.com/" + id}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := push.DailyReading(ctx, day, ""); err != nil {
		t.Fatal(err)
	}
	// The push's marks are held up after their checks.
	unlock, waiting := lockLedger(t, dsn)
	marked := make(chan error, 1)
	go func() {
		marked <- push.RecordDeliveriesAs(ctx, "", []store.Delivery{{Day: day, Recipient: "o1", ArticleID: "a", Mode: "customer", State: store.Sending, Attempts: 1}})
	}()
	waitUntil(t, func() bool { return waiting("INSERT INTO push_ledger") }, "the push's mark held up after its checks")
	scheduled := make(chan error, 1)
	go func() {
		_, err := operator.ScheduleDaily(ctx, day, "b")
		scheduled <- err
	}()
	deadline := time.After(10 * time.Second)
	for !waiting("SELECT 1 FROM daily_readings") && !waiting("INSERT INTO daily_readings") {
		select {
		case err := <-scheduled:
			t.Fatalf("the schedule returned (%v) while the push's first mark was being written", err)
		case <-deadline:
			t.Fatal("timed out waiting for the schedule to wait for the mark")
		case <-time.After(5 * time.Millisecond):
		}
	}
	unlock()
	if err := <-marked; err != nil {
		t.Fatalf("the push's mark: %v", err)
	}
	var pushed *store.DayPushed
	if err := <-scheduled; !errors.As(err, &pushed) || pushed.Sent != "a" {
		t.Fatalf("the schedule after the mark: %v; want it refused, a having gone out", err)
	}
}

// lockLedger locks the push ledger from a connection of the test's, so
// that writes to it wait, until unlock; waiting is lockWaits's.
func lockLedger(t *testing.T, dsn string) (unlock func(), waiting func(query string) bool) {
	t.Helper()
	ctx := context.Background()
	lock, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lock.Close(ctx) })
	tx, err := lock.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback(ctx) })
	if _, err := tx.Exec(ctx, `LOCK TABLE push_ledger IN SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	unlock = func() {
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	return unlock, lockWaits(t, dsn)
}

// lockWaits returns a function reporting whether a statement beginning
// with query waits for a lock.
func lockWaits(t *testing.T, dsn string) func(query string) bool {
	ctx := context.Background()
	// Polled on a connection of its own: inside a transaction,
	// pg_stat_activity is read once.
	watch, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { watch.Close(ctx) })
	return func(query string) bool {
		var n int
		err := watch.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`, query+"%").Scan(&n)
		return err == nil && n > 0
	}
}

func waitUntil(t *testing.T, ok func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestSummaryOfADayWithNoDeliveries: a day pushed to nobody has no ledger
// rows; its summary names the day's reading all the same (push status
// printed "article " blank).
func TestSummaryOfADayWithNoDeliveries(t *testing.T) {
	storetest.Each(t, testSummaryOfADayWithNoDeliveries)
}

func testSummaryOfADayWithNoDeliveries(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	if _, _, err := s.Upsert(ctx, content.Article{ID: "a", Title: "枫桥经验", URL: "https://example.com/a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ScheduleDaily(ctx, "2026-12-09", "a"); err != nil {
		t.Fatal(err)
	}
	if sum, err := s.LedgerSummary(ctx, "2026-12-09"); err != nil || sum.ArticleID != "a" {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	if sum, err := s.LedgerSummary(ctx, "2026-12-10"); err != nil || sum.ArticleID != "" {
		t.Fatalf("a day with no reading: %+v, %v", sum, err)
	}
}

// ReadingShown settles a follower's delivery before the push reaches them,
// replaces a failed one, and leaves a sent one as it was, on both engines.
func TestReadingShown(t *testing.T) { storetest.Each(t, testReadingShown) }

func testReadingShown(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.OpenAt(t, e.Fresh(t))
	const day = "2026-11-26"
	if err := s.RecordDeliveries(ctx, []store.Delivery{
		{Day: day, Recipient: "o_failed", ArticleID: "x", Mode: "customer", State: store.Failed, Reason: "-1", Attempts: 1},
		{Day: day, Recipient: "o_sent", ArticleID: "x", Mode: "customer", State: store.Sent, Attempts: 1},
	}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"o_new", "o_failed", "o_sent", "o_new"} {
		if err := s.ReadingShown(ctx, day, id, "x"); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Deliveries(ctx, day, []string{"o_new", "o_failed", "o_sent"})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]store.State{"o_new": store.Skipped, "o_failed": store.Skipped, "o_sent": store.Sent} {
		if d := got[id]; d.State != want || want == store.Skipped && (d.Reason != store.ShownReason || d.ArticleID != "x") {
			t.Errorf("%s: %+v, want %s", id, d, want)
		}
	}
}

// A follower shown the day's reading again after it changed has the later
// article recorded (the push would have sent it to them again), and the
// summary names the article pushed, not one shown before the change.
func TestReadingShownAfterAChange(t *testing.T) { storetest.Each(t, testReadingShownAfterAChange) }

func testReadingShownAfterAChange(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.OpenAt(t, e.Fresh(t))
	const day = "2026-11-26"
	for _, a := range []string{"a1", "a2"} {
		if _, _, err := s.Upsert(ctx, content.Article{ID: a, Title: a, URL: "https://x/" + a}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ScheduleDaily(ctx, day, "a1"); err != nil {
		t.Fatal(err)
	}
	s.ReadingShown(ctx, day, "o1", "a1")
	s.ReadingShown(ctx, day, "o_gone", "a1") // left before the push
	if _, err := s.ScheduleDaily(ctx, day, "a2"); err != nil {
		t.Fatal(err)
	}
	if sum, err := s.LedgerSummary(ctx, day); err != nil || sum.ArticleID != "a2" {
		t.Fatalf("before the push: %+v %v, want the day's a2", sum, err)
	}
	s.ReadingShown(ctx, day, "o1", "a2")
	if got, _ := s.Deliveries(ctx, day, []string{"o1"}); got["o1"].ArticleID != "a2" {
		t.Fatalf("o1 shown a2 after the change: %+v", got["o1"])
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: day, Recipient: "o2", ArticleID: "a2", Mode: "customer", State: store.Sent, Attempts: 1}}); err != nil {
		t.Fatal(err)
	}
	if sum, err := s.LedgerSummary(ctx, day); err != nil || sum.ArticleID != "a2" {
		t.Fatalf("after the push: %+v %v, want a2", sum, err)
	}
}

// TestTakenDayLosesItsStopNote: a day stopped with a note (by shutdown, by
// 45009) and taken again, by AcquirePush or TakeOverPush, is running with
// no note: push status had described a running day as stopped by
// shutdown, the operator told to continue it (an operator run's find).
func TestTakenDayLosesItsStopNote(t *testing.T) { storetest.Each(t, testTakenDayLosesItsStopNote) }

func testTakenDayLosesItsStopNote(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	now := time.Date(2026, 12, 5, 7, 30, 0, 0, time.UTC)
	const day = "2026-12-05"
	if err := s.AcquirePush(ctx, day, "C", now, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishPush(ctx, day, "C", store.Stopped, "stopped by shutdown"); err != nil {
		t.Fatal(err)
	}
	if err := s.AcquirePush(ctx, day, "B", now.Add(time.Second), time.Minute); err != nil {
		t.Fatal(err)
	}
	if state, note, err := s.PushRun(ctx, day); err != nil || state != store.Running || note != "" {
		t.Errorf("taken by AcquirePush: %q %q %v", state, note, err)
	}
	if err := s.FinishPush(ctx, day, "B", store.Stopped, "45009"); err != nil {
		t.Fatal(err)
	}
	if err := s.TakeOverPush(ctx, day, "B", "A", now.Add(2*time.Second), time.Minute); err != nil {
		t.Fatal(err)
	}
	if state, note, err := s.PushRun(ctx, day); err != nil || state != store.Running || note != "" {
		t.Errorf("taken by TakeOverPush: %q %q %v", state, note, err)
	}
}

func TestForgetRehearsal(t *testing.T) { storetest.Each(t, testForgetRehearsal) }

// testForgetRehearsal: the outbox's rows of a day go, the day done by them
// can be taken again, other modes' rows stay, and a day still running is
// left to its lease.
func testForgetRehearsal(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	now := time.Date(2026, 12, 5, 7, 30, 0, 0, time.UTC)
	const day, running = "2026-12-05", "2026-12-04"
	for _, d := range []string{day, running} {
		if err := s.AcquirePush(ctx, d, "A", now, time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordDeliveries(ctx, []store.Delivery{
			{Day: d, Recipient: "o1", ArticleID: "a1", Mode: "log", State: store.Sent},
			{Day: d, Recipient: "o2", ArticleID: "a1", Mode: "customer", State: store.Sent},
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.FinishPush(ctx, day, "A", store.Done, ""); err != nil {
		t.Fatal(err)
	}
	if n, err := s.ForgetRehearsal(ctx, running, "log", now); err != nil || n != 0 {
		t.Fatalf("a running day's rehearsal: %d rows gone, %v; want none", n, err)
	}
	if n, err := s.ForgetRehearsal(ctx, day, "log", now); err != nil || n != 1 {
		t.Fatalf("set aside %d rows, %v; want 1", n, err)
	}
	known, err := s.Deliveries(ctx, day, []string{"o1", "o2"})
	if _, ok := known["o1"]; err != nil || ok || known["o2"].State != store.Sent {
		t.Fatalf("the ledger after: %+v %v", known, err)
	}
	if err := s.AcquirePush(ctx, day, "B", now.Add(time.Second), time.Minute); err != nil {
		t.Fatalf("the day set aside not taken again: %v", err)
	}
}

func TestFinishedDayStaysFinished(t *testing.T) { storetest.Each(t, testFinishedDayStaysFinished) }

// testFinishedDayStaysFinished: a run that ended its day done and then
// panicked (its deferred stop) leaves the day done.
func testFinishedDayStaysFinished(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	const day = "2026-12-05"
	if err := s.AcquirePush(ctx, day, "A", time.Now(), time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishPush(ctx, day, "A", store.Done, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishPush(ctx, day, "A", store.Stopped, "the run panicked"); err != nil {
		t.Fatal(err)
	}
	if state, note, err := s.PushRun(ctx, day); err != nil || state != store.Done || note != "" {
		t.Errorf("a day done, then stopped by its run: %q %q %v; want done", state, note, err)
	}
}

func TestRehearsalOfARemovedReading(t *testing.T) {
	storetest.Each(t, testRehearsalOfARemovedReading)
}

// testRehearsalOfARemovedReading: a day rehearsed in push.mode log whose
// reading is removed keeps its choice (in log mode it is done), is said to
// have gone out to the outbox alone, and reads another once the rehearsal
// is set aside (an operator run's find: the run in a mode that sends found
// "nothing to push" with articles unread).
func testRehearsalOfARemovedReading(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	now := time.Date(2026, 12, 5, 7, 30, 0, 0, time.UTC)
	const day = "2026-12-05"
	for _, id := range []string{"a1", "a2"} {
		if _, _, err := s.Upsert(ctx, content.Article{ID: id, Title: id, URL: "https://example.com/" + id, Category: "政策理论导读", PublishedOn: "2026-01-0" + id[1:]}); err != nil {
			t.Fatal(err)
		}
	}
	if a, err := s.DailyReading(ctx, day, "政策理论导读"); err != nil || a.ID != "a1" {
		t.Fatalf("the day's reading: %+v %v", a, err)
	}
	if err := s.AcquirePush(ctx, day, "A", now, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: day, Recipient: "o1", ArticleID: "a1", Mode: "log", State: store.Sent}}); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishPush(ctx, day, "A", store.Done, ""); err != nil {
		t.Fatal(err)
	}
	if only, err := s.RehearsedOnly(ctx, day); err != nil || !only {
		t.Fatalf("rehearsed only: %v %v; want true", only, err)
	}
	if err := s.Delete(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	if id, err := s.DayReading(ctx, day); err != nil || id != "a1" {
		t.Fatalf("the rehearsed day's choice after the removal: %q %v; want a1 kept", id, err)
	}
	plan, err := s.PlanThrough(ctx, day, day, "政策理论导读", day)
	if err != nil || plan[0].Article.ID != "a2" {
		t.Fatalf("planned as a run that sends will read it: %+v %v; want a2", plan, err)
	}
	if _, err := s.ForgetRehearsal(ctx, day, "log", now); err != nil {
		t.Fatal(err)
	}
	if a, err := s.DailyReading(ctx, day, "政策理论导读"); err != nil || a.ID != "a2" {
		t.Fatalf("the day's reading after the rehearsal set aside: %+v %v; want a2", a, err)
	}
}
