package search

import (
	"context"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
	"path/filepath"
	"testing"
	"time"
)

// TestCopyFrom: a one-machine SQLite store copied into another store (a
// fleet's PostgreSQL) keeps every article with its analysis, followers and
// push records; a library on the copy answers alike without segmenting;
// a second copy adds nothing.
func TestCopyFrom(t *testing.T) { storetest.Each(t, testCopyFrom) }

func testCopyFrom(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	srcPath := filepath.Join(t.TempDir(), "one-machine.db")
	src := openTestLibrary(t, srcPath)
	if _, err := src.Seed(ctx, content.DemoArticles()); err != nil {
		t.Fatal(err)
	}
	st := src.store
	st.FollowerSubscribed(ctx, "o1", "qr", time.Now())
	st.SetPushOptOut(ctx, "o2", true, time.Now())
	st.ScheduleDaily(ctx, "2026-11-26", "demo-pujiang")
	st.AcquirePush(ctx, "2026-11-26", "me", time.Now(), time.Minute)
	st.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-11-26", Recipient: "o1", ArticleID: "demo-pujiang", Mode: "customer", State: store.Sent, Attempts: 1}})
	st.SetMediaID(ctx, "https://img/c.png", "M1")
	st.Seal(ctx, "wxapp", time.Now()) // WeChat encrypts: compat mode refuses plaintext

	where := e.Fresh(t)
	dst := e.OpenAt(t, where)
	watching := openLibraryAt(t, e, where) // a replica already running on the destination
	counts, err := dst.CopyFrom(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"articles": len(content.DemoArticles()), "article_terms": len(content.DemoArticles()), "followers": 2,
		"daily_readings": 1, "push_runs": 1, "push_ledger": 1, "media": 1, "webhook_sealed": 1}
	for table, n := range want {
		if c := counts[table]; c.Read != n || c.Written != n {
			t.Errorf("%s: read %d and wrote %d, want %d", table, c.Read, c.Written, n)
		}
	}
	f, err := dst.GetFollower(ctx, "o2")
	if err != nil || !f.PushOptOut || !f.Subscribed {
		t.Fatalf("follower o2 on the copy: %+v %v", f, err)
	}
	if sum, _ := dst.LedgerSummary(ctx, "2026-11-26"); sum.Counts[store.Sent] != 1 || sum.RunState != "running" {
		t.Fatalf("ledger on the copy: %+v", sum)
	}
	if id, ok, _ := dst.MediaID(ctx, "https://img/c.png"); !ok || id != "M1" {
		t.Fatalf("media on the copy: %q", id)
	}
	if sealed, err := dst.Sealed(ctx, "wxapp"); !sealed || err != nil {
		t.Fatalf("the copy forgot that WeChat encrypts: %v", err)
	}
	it, err := dst.GetIndexed(ctx, "demo-fengqiao")
	if err != nil || it.Version != analysisVersion || len(it.Analysis) == 0 {
		t.Fatalf("analysis not copied: %v %v", it.Version, err)
	}
	if err := watching.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if got := topID(t, watching, "枫桥经验"); got != "demo-fengqiao" {
		t.Fatalf("running replica after the copy: %q", got)
	}
	fresh := openLibraryAt(t, e, where)
	if got := topID(t, fresh, "浦江经验"); got != "demo-pujiang" {
		t.Fatalf("library opened on the copy: %q", got)
	}
	again, err := dst.CopyFrom(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := dst.Count(ctx); n != len(content.DemoArticles()) || again["articles"] != (store.Copied{Read: n}) {
		t.Fatalf("second copy: %d articles, %v", n, again)
	}
	// Each article and its analysis logged once, by the first copy.
	if last, _ := dst.LastChange(ctx); last != int64(2*len(content.DemoArticles())) {
		t.Fatalf("second copy logged changes again: last change %d", last)
	}

	// Changed on the one machine between two copies: a follower's 退订 and
	// an article's title (an operator run's find: the second copy kept the
	// destination's rows, and the fleet would push to the follower who
	// opted out). The source wins, and a replica on the destination
	// re-indexes the article.
	st.SetPushOptOut(ctx, "o1", true, time.Now())
	a, _ := st.Get(ctx, "demo-pujiang")
	a.Title = "浦江经验新编 下访接待"
	if _, err := src.Import(ctx, []content.Article{a}, nil); err != nil {
		t.Fatal(err)
	}
	third, err := dst.CopyFrom(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if third["followers"].Written != 1 || third["articles"].Written != 1 || third["push_ledger"].Written != 0 {
		t.Fatalf("third copy wrote %v, want one follower and one article", third)
	}
	if out, err := dst.PushOptedOut(ctx, "o1"); err != nil || !out {
		t.Fatalf("o1 opted out on the source, not on the copy (%v)", err)
	}
	if err := watching.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if got := topID(t, watching, "浦江经验新编"); got != "demo-pujiang" {
		t.Fatalf("the changed article on the running replica: %q", got)
	}
}
