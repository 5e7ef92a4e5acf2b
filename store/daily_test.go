package store_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestDailyReadingChoice(t *testing.T) { storetest.Each(t, testDailyReadingChoice) }

func testDailyReadingChoice(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	for _, a := range []content.Article{
		{ID: "old", Title: "旧文", URL: "https://example.com/u1", Category: "政策理论导读", PublishedOn: "2026-01-01"},
		{ID: "older", Title: "更旧", URL: "https://example.com/u2", Category: "政策理论导读", PublishedOn: "2025-01-01"},
		{ID: "sched", Title: "定了日子", URL: "https://example.com/u3", Category: "政策理论导读", PublishedOn: "2026-05-01", ScheduledOn: "2026-11-27"},
		{ID: "news", Title: "时政", URL: "https://example.com/u4", Category: "时政热点", PublishedOn: "2020-01-01"},
	} {
		if _, _, err := s.Upsert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	pick := func(day string) string {
		t.Helper()
		a, err := s.DailyReading(ctx, day, "政策理论导读")
		if err != nil {
			t.Fatalf("%s: %v", day, err)
		}
		return a.ID
	}
	if got := pick("2026-11-25"); got != "older" {
		t.Fatalf("first day: %s, want the oldest", got)
	}
	if got := pick("2026-11-25"); got != "older" {
		t.Fatalf("asked again: %s; the choice must be stable", got)
	}
	if got := pick("2026-11-26"); got != "old" {
		t.Fatalf("second day: %s, want the next oldest, never the same twice", got)
	}
	if got := pick("2026-11-27"); got != "sched" {
		t.Fatalf("scheduled day: %s", got)
	}
	if _, err := s.DailyReading(ctx, "2026-11-28", "政策理论导读"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("all read: %v, want content.ErrNotFound", err)
	}
	if _, err := s.ScheduleDaily(ctx, "2026-11-28", "old"); err != nil {
		t.Fatal(err)
	}
	if got := pick("2026-11-28"); got != "old" {
		t.Fatalf("operator's choice: %s", got)
	}
	// Once the day's reading has gone out to someone, it stands: changed,
	// the record would name an article nobody was sent, and the one sent
	// would go out again as unread.
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-11-28", Recipient: "o1", ArticleID: "old", Mode: "customer", State: store.Sent}}); err != nil {
		t.Fatal(err)
	}
	var pushed *store.DayPushed
	if _, err := s.ScheduleDaily(ctx, "2026-11-28", "news"); !errors.As(err, &pushed) || pushed.Sent != "old" {
		t.Fatalf("changing a pushed day's reading: %v", err)
	}
	if got := pick("2026-11-28"); got != "old" {
		t.Fatalf("a pushed day's reading changed to %s", got)
	}
	if _, err := s.ScheduleDaily(ctx, "2026-11-28", "old"); err != nil {
		t.Fatalf("the same article again (a rerun with --article): %v", err)
	}
	// A day whose every delivery was skipped or failed sent nothing: its
	// reading may still change.
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-11-29", Recipient: "o1", ArticleID: "old", Mode: "customer", State: store.Failed}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ScheduleDaily(ctx, "2026-11-29", "news"); err != nil {
		t.Fatalf("a day that sent nothing: %v", err)
	}
}

func TestFollowers(t *testing.T) { storetest.Each(t, testFollowers) }

func testFollowers(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	at := func(h int) time.Time { return time.Date(2026, 11, 25, h, 0, 0, 0, time.UTC) }
	s.FollowerSubscribed(ctx, "o1", "123", at(1))
	s.FollowerSeen(ctx, "o2", at(2))
	s.FollowerSeen(ctx, "o1", at(3))
	s.SetPushOptOut(ctx, "o2", true, at(4))
	s.FollowerSubscribed(ctx, "o3", "", at(5))
	s.FollowerUnsubscribed(ctx, "o3", at(6))
	f, err := s.GetFollower(ctx, "o1")
	if err != nil || !f.Subscribed || f.Scene != "123" || !f.LastInteractionAt.Equal(at(3)) {
		t.Fatalf("o1 %+v %v", f, err)
	}
	gone, _ := s.GetFollower(ctx, "o3")
	if gone.Subscribed || !gone.SubscribedAt.IsZero() || gone.Scene != "" || !gone.UnsubscribedAt.Equal(at(6)) {
		t.Fatalf("unsubscribed follower keeps data: %+v", gone)
	}
	var got []string
	s.PushRecipients(ctx, time.Time{}, time.Time{}, func(id string) error { got = append(got, id); return nil })
	if len(got) != 1 || got[0] != "o1" {
		t.Fatalf("recipients %v, want o1 (o2 opted out, o3 left)", got)
	}
	got = nil
	s.PushRecipients(ctx, at(4), time.Time{}, func(id string) error { got = append(got, id); return nil })
	if len(got) != 0 {
		t.Fatalf("recipients inside the window since 04:00: %v", got)
	}
	// A past day's: those who followed before its end (o1 at 01:00).
	for end, want := range map[int]int{1: 0, 2: 1} {
		got = nil
		if err := s.PushRecipients(ctx, time.Time{}, at(end), func(id string) error { got = append(got, id); return nil }); err != nil || len(got) != want {
			t.Fatalf("recipients who followed before %02d:00: %v %v, want %d", end, got, err, want)
		}
	}
	for id, want := range map[string]bool{"o1": false, "o2": true, "o3": false, "never-seen": false} {
		if out, err := s.PushOptedOut(ctx, id); err != nil || out != want {
			t.Errorf("%s opted out: %v %v, want %v", id, out, err, want)
		}
	}
	if n, err := s.UpsertFollowerIDs(ctx, []string{"o1", "o4", "o5"}); err != nil || n != 2 {
		t.Fatalf("sync: %d new, %v", n, err)
	}
	// A push re-reads its recipients: o2 opted out, o3 left, o9 unknown.
	if left, err := s.Leavers(ctx, []string{"o1", "o2", "o3", "o4", "o9"}); err != nil || !maps.Equal(left, map[string]bool{"o2": true, "o3": true, "o9": true}) {
		t.Fatalf("leavers %v, %v", left, err)
	}
	// A whole list read since 03:30 holds o5 alone: o1 (last seen at
	// 03:00) and o4 (known from a list only) left unheard; o2, who opted out
	// at 04:00, wrote since.
	if n, err := s.FollowersLeft(ctx, map[string]bool{"o5": true}, at(3).Add(30*time.Minute), at(7)); err != nil || n != 2 {
		t.Fatalf("followers left: %d, %v; want 2", n, err)
	}
	for id, want := range map[string]bool{"o1": false, "o2": true, "o4": false, "o5": true} {
		if f, err := s.GetFollower(ctx, id); err != nil || f.Subscribed != want {
			t.Errorf("%s subscribed %v (%v), want %v", id, f.Subscribed, err, want)
		}
	}
}

func TestSeenWriterBatches(t *testing.T) { storetest.Each(t, testSeenWriterBatches) }

func testSeenWriterBatches(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	w := s.NewSeenWriter(5*time.Millisecond, slog.New(slog.DiscardHandler))
	// The store refuses the first two flushes (an import holding SQLite's
	// lock): nothing is lost, the writer tries again.
	left := w.FailWrites(2)
	at := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	for i := range 1000 {
		w.FollowerSeen(ctx, fmt.Sprintf("o%d", i%300), at.Add(time.Duration(i)*time.Second))
	}
	for left() > 0 { // until both refusals have happened
		time.Sleep(time.Millisecond)
	}
	w.Close(ctx)
	f, err := s.GetFollower(ctx, "o5")
	if err != nil || !f.LastInteractionAt.Equal(at.Add(905*time.Second)) {
		t.Fatalf("o5 %+v %v", f, err)
	}
	n := 0
	s.PushRecipients(ctx, time.Time{}, time.Time{}, func(string) error { n++; return nil })
	if n != 300 {
		t.Fatalf("%d followers recorded, want 300", n)
	}

	// A follower writes and then leaves before the batch goes out: the
	// batch must not subscribe them again. One who writes again after
	// leaving (having followed again) is subscribed.
	w = s.NewSeenWriter(time.Hour, slog.New(slog.DiscardHandler))
	w.FollowerSeen(ctx, "o7", at.Add(time.Hour))
	w.FollowerSeen(ctx, "o8", at.Add(time.Hour))
	if err := s.FollowerUnsubscribed(ctx, "o7", at.Add(time.Hour+time.Second)); err != nil {
		t.Fatal(err)
	}
	s.FollowerUnsubscribed(ctx, "o8", at.Add(time.Hour-time.Second))
	w.Close(ctx)
	if f, _ := s.GetFollower(ctx, "o7"); f.Subscribed || !f.LastInteractionAt.IsZero() {
		t.Fatalf("a message batched before the unsubscription subscribed o7 again: %+v", f)
	}
	if f, _ := s.GetFollower(ctx, "o8"); !f.Subscribed || !f.LastInteractionAt.Equal(at.Add(time.Hour)) {
		t.Fatalf("a message after leaving did not count: %+v", f)
	}
}

// TestSeenWriterSkipsTheSameMinute: a follower's message within seenGrain
// of one written is not written again (each had cost an upsert); one a
// grain later is, and so is every follower's first.
func TestSeenWriterSkipsTheSameMinute(t *testing.T) {
	storetest.Each(t, testSeenWriterSkipsTheSameMinute)
}

func testSeenWriterSkipsTheSameMinute(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	w := s.NewSeenWriter(time.Hour, slog.New(slog.DiscardHandler))
	at := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	for i := range store.SeenBatch { // a full batch is written at once
		w.FollowerSeen(ctx, fmt.Sprintf("o%d", i), at)
	}
	w.FollowerSeen(ctx, "o1", at.Add(10*time.Second))
	w.FollowerSeen(ctx, "o2", at.Add(time.Minute))
	w.FollowerSeen(ctx, "new", at.Add(10*time.Second))
	w.Close(ctx)
	for id, want := range map[string]time.Time{"o0": at, "o1": at, "o2": at.Add(time.Minute), "new": at.Add(10 * time.Second)} {
		if f, err := s.GetFollower(ctx, id); err != nil || !f.LastInteractionAt.Equal(want) {
			t.Errorf("%s: last message %v (%v), want %v", id, f.LastInteractionAt, err, want)
		}
	}
}

// TestErrorsSayStoreOnce: an operation failing inside another names both,
// with "store:" once, and still is what it wraps.
func TestErrorsSayStoreOnce(t *testing.T) {
	s := storetest.SQLite(t)
	_, err := s.ScheduleDaily(context.Background(), "2026-12-04", "nope")
	if !errors.Is(err, content.ErrNotFound) || err.Error() != "store: schedule nope on 2026-12-04: get article nope: not found" {
		t.Fatalf("%v", err)
	}
}

// TestSeenWriterCloseStopsAStuckFlush: Close ends a flush stuck on a locked
// table (it ran on a context nothing cancelled, so Close waited for it past
// the shutdown), and says what it could not record.
func TestSeenWriterCloseStopsAStuckFlush(t *testing.T) {
	s := storetest.SQLite(t)
	log, logs := capturedLog()
	w := s.NewSeenWriter(time.Millisecond, log)
	started := w.BlockWrites()
	w.FollowerSeen(context.Background(), "o1", time.Now())
	<-started // the periodic flush is stuck
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	closed := make(chan struct{})
	go func() { w.Close(ctx); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close waited for a flush it could not stop")
	}
	if !strings.Contains(logs(), "not recorded before shutdown") {
		t.Fatalf("logs: %s", logs())
	}
}

// capturedLog is a logger and what it has logged so far, safe for the
// writer's goroutine.
func capturedLog() (*slog.Logger, func() string) {
	var logs strings.Builder
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logs.Write(p)
	}), nil))
	return log, func() string {
		mu.Lock()
		defer mu.Unlock()
		return logs.String()
	}
}

// TestSeenWriterOfAHungStore: a flush to a PostgreSQL that hangs (its
// connections open, nothing passing) fails at its deadline and is logged,
// to be retried; it waited for ever without a word (a fleet run's find).
func TestSeenWriterOfAHungStore(t *testing.T) {
	dsn, pg := storetest.PostgresThrough(t)
	ctx := context.Background()
	s, err := store.OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer store.SetSeenFlushTimeout(200 * time.Millisecond)()
	log, logs := capturedLog()
	w := s.NewSeenWriter(time.Millisecond, log)
	pg.Hang()
	w.FollowerSeen(ctx, "o1", time.Now())
	for deadline := time.Now().Add(time.Minute); !strings.Contains(logs(), "record followers' last messages; will retry"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no failed flush logged within a minute of the store hanging")
		}
	}
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	w.Close(cctx)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestReadings(t *testing.T) { storetest.Each(t, testReadings) }

// testReadings: the readings chosen, newest first, up to a day and a
// count, without one whose article is gone.
func testReadings(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	for i, id := range []string{"a", "b", "c", "d"} {
		a := content.Article{ID: id, Title: "文" + id, URL: "https://example.com/" + id, Category: "政策理论导读", PublishedOn: fmt.Sprintf("2025-01-0%d", i+1)}
		if _, _, err := s.Upsert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, day := range []string{"2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"} {
		if _, err := s.DailyReading(ctx, day, "政策理论导读"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(ctx, "b"); err != nil { // the reading of 11-29
		t.Fatal(err)
	}
	got := func(through string, n int) string {
		t.Helper()
		rs, err := s.Readings(ctx, through, n)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rs {
			out = append(out, r.Day+" "+r.Article.ID+" "+r.Article.Title)
		}
		return strings.Join(out, ", ")
	}
	for _, c := range []struct {
		through string
		n       int
		want    string
	}{
		{"2026-12-03", 10, "2026-12-01 d 文d, 2026-11-30 c 文c, 2026-11-28 a 文a"},
		{"2026-12-03", 2, "2026-12-01 d 文d, 2026-11-30 c 文c"},
		{"2026-11-30", 2, "2026-11-30 c 文c, 2026-11-28 a 文a"}, // the gone one counts for nothing
		{"2026-11-30", 1, "2026-11-30 c 文c"},
		{"2026-11-29", 5, "2026-11-28 a 文a"},
		{"2026-11-27", 5, ""},
	} {
		if g := got(c.through, c.n); g != c.want {
			t.Errorf("through %s, %d: %q, want %q", c.through, c.n, g, c.want)
		}
	}
}

// TestReadingOrderIsTheSameOnBothEngines: ties broken "first by id" (the
// same published_on, or scheduled for the same day) give the same day's
// reading on SQLite and on a PostgreSQL database with a linguistic
// collation, where ids had sorted otherwise (a review's find).
func TestReadingOrderIsTheSameOnBothEngines(t *testing.T) {
	ctx := context.Background()
	arts := []content.Article{
		{ID: "a_2", Title: "二", URL: "https://example.com/2", Category: "政策理论导读", PublishedOn: "2026-01-01"},
		{ID: "a1", Title: "一", URL: "https://example.com/1", Category: "政策理论导读", PublishedOn: "2026-01-01"},
		{ID: "Zeta", Title: "三", URL: "https://example.com/3", Category: "时政热点", ScheduledOn: "2026-12-01"},
		{ID: "alpha", Title: "四", URL: "https://example.com/4", Category: "时政热点", ScheduledOn: "2026-12-01"},
	}
	pick := func(s *store.Store) string {
		for _, a := range arts {
			if _, _, err := s.Upsert(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		a, err := s.DailyReading(ctx, "2026-11-30", "政策理论导读")
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.DailyReading(ctx, "2026-12-01", "时政热点")
		if err != nil {
			t.Fatal(err)
		}
		return a.ID + " " + b.ID
	}
	pg, err := store.OpenPostgres(ctx, storetest.PostgresLinguisticDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if sq, pg := pick(storetest.SQLite(t)), pick(pg); sq != pg {
		t.Errorf("the same articles, other readings: SQLite %s, PostgreSQL %s", sq, pg)
	}
}

func TestModesGoneOut(t *testing.T) { storetest.Each(t, testModesGoneOut) }

// testModesGoneOut: the deliveries of a day that went out or may have, by
// mode: sent, sending, unknown, and failed with the unsure prefix (a keyed
// call WeChat did not answer); not other failures, skips, or other days.
func testModesGoneOut(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	const day, unsure = "2026-11-28", "no answer from WeChat; resent (50%_) "
	d := func(who, mode string, state store.State, reason string) store.Delivery {
		return store.Delivery{Day: day, Recipient: who, ArticleID: "a", Mode: mode, State: state, Reason: reason}
	}
	if _, _, err := s.Upsert(ctx, content.Article{ID: "a", Title: "一篇", URL: "https://example.com/a", Category: "政策理论导读"}); err != nil {
		t.Fatal(err)
	}
	for _, on := range []string{day, "2026-11-29"} {
		if _, err := s.ScheduleDaily(ctx, on, "a"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{
		d("o1", "customer", store.Sent, ""), d("o2", "customer", store.Unknown, "x"), d("o3", "customer", store.Failed, "busy"),
		d("o4", "template", store.Failed, unsure+"at 10:00"), d("o5", "template", store.Failed, "no answer from WeChat; resent (50%x) at 10:00"),
		d("o6", "template", store.Skipped, "shown"), d("o7", "log", store.Sending, ""),
		{Day: "2026-11-29", Recipient: "o1", ArticleID: "a", Mode: "broadcast", State: store.Sent},
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ModesGoneOut(ctx, day, unsure)
	if want := map[string]int{"customer": 2, "template": 1, "log": 1}; err != nil || !maps.Equal(got, want) {
		t.Fatalf("modes gone out: %v %v, want %v", got, err, want)
	}
}

// TestNextScheduled: what a day left without a reading gives way to, on
// each engine: the first of the category chosen for a later day (mpbot
// schedule) or scheduled_on one and never read; nothing of another
// category, nor of the day itself or before.
func TestNextScheduled(t *testing.T) { storetest.Each(t, testNextScheduled) }

func testNextScheduled(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	for _, a := range []content.Article{
		{ID: "chosen", Title: "选定", URL: "https://example.com/n1", Category: "政策理论导读", PublishedOn: "2026-01-01"},
		{ID: "dated", Title: "定了日子", URL: "https://example.com/n2", Category: "政策理论导读", PublishedOn: "2026-01-02", ScheduledOn: "2026-12-12"},
		{ID: "other", Title: "别的栏目", URL: "https://example.com/n3", Category: "时政热点", PublishedOn: "2026-01-03", ScheduledOn: "2026-12-09"},
	} {
		if _, _, err := s.Upsert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ScheduleDaily(ctx, "2026-12-10", "chosen"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ day, want, on string }{
		{"2026-12-08", "chosen", "2026-12-10"},
		{"2026-12-10", "dated", "2026-12-12"},
		{"2026-12-12", "", ""},
	} {
		a, on, ok, err := s.NextScheduled(ctx, "政策理论导读", c.day)
		if err != nil || a.ID != c.want || on != c.on || ok != (c.want != "") {
			t.Errorf("after %s: %q on %q (%v, %v), want %q on %q", c.day, a.ID, on, ok, err, c.want, c.on)
		}
	}
}
