package store_test

import (
	"context"
	"fmt"
	"testing"

	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

// TestPlanSeesPastArticlesScheduledLater: the plan (push status, a dry
// run, the console) reads only the first days*4 unread articles of the
// category, and passes over those scheduled for a later day; DailyReading
// asks the database for the first one not scheduled later. With four or
// more of the oldest unread articles scheduled ahead (a series imported
// with scheduled_on, undated, which sorts first), the plan says nothing is
// left to read on a day whose push then sends an article.
func TestPlanSeesPastArticlesScheduledLater(t *testing.T) {
	storetest.Each(t, testReviewPlanSeesPastArticlesScheduledLater)
}

func testReviewPlanSeesPastArticlesScheduledLater(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	const cat = "政策理论导读"
	for i := range 4 {
		a := content.Article{ID: fmt.Sprintf("series-%d", i), Title: fmt.Sprintf("系列第%d篇", i+1), URL: fmt.Sprintf("https://example.com/s%d", i),
			Category: cat, ScheduledOn: fmt.Sprintf("2026-12-%02d", 20+i)}
		if _, _, err := s.Upsert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.Upsert(ctx, content.Article{ID: "today", Title: "今天可读", URL: "https://example.com/t", Category: cat, PublishedOn: "2026-01-01"}); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanDaily(ctx, "2026-12-07", 1, cat)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.DailyReading(ctx, "2026-12-07", cat)
	if err != nil {
		t.Fatal(err)
	}
	if plan[0].Article.ID != a.ID {
		t.Fatalf("plan of 2026-12-07 says %q (%s), the push chooses %q", plan[0].Article.ID, plan[0].Why, a.ID)
	}
}

// TestPlanReadsPastAPage: past the first page of unread articles, all
// scheduled for the plan's second day, the first day still has the
// article the push would choose.
func TestPlanReadsPastAPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Store(t)
		const cat = "政策理论导读"
		for i := range 70 {
			a := content.Article{ID: fmt.Sprintf("series-%02d", i), Title: fmt.Sprintf("系列第%d篇", i+1), URL: fmt.Sprintf("https://example.com/s%d", i),
				Category: cat, ScheduledOn: "2026-12-08"}
			if _, _, err := s.Upsert(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := s.Upsert(ctx, content.Article{ID: "today", Title: "今天可读", URL: "https://example.com/t", Category: cat, PublishedOn: "2026-01-01"}); err != nil {
			t.Fatal(err)
		}
		plan, err := s.PlanDaily(ctx, "2026-12-07", 3, cat)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range plan {
			got = append(got, p.Article.ID+" "+string(p.Why))
		}
		if want := []string{"today next unread", "series-00 scheduled_on", "series-01 next unread"}; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("plan %q, want %q", got, want)
		}
	})
}

// TestSummaryNamesTheArticleSent: a day whose first run sent nothing
// (stopped at once, some followers skipped with 45015) may have its
// reading changed (ScheduleDaily), and the rerun sends the new one; the
// skipped rows keep the old article. LedgerSummary takes ArticleID from
// whichever group its query returns last ("skipped" sorts after "sent"),
// and push status names the article nobody was sent.
func TestSummaryNamesTheArticleSent(t *testing.T) {
	storetest.Each(t, testReviewSummaryNamesTheArticleSent)
}

func testReviewSummaryNamesTheArticleSent(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	for _, id := range []string{"A", "B"} {
		if _, _, err := s.Upsert(ctx, content.Article{ID: id, Title: "文" + id, URL: "https://example.com/" + id, Category: "c", PublishedOn: "2026-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	const day = "2026-12-07"
	if _, err := s.ScheduleDaily(ctx, day, "A"); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{
		{Day: day, Recipient: "o1", ArticleID: "A", Mode: "customer", State: store.Skipped, Reason: "outside the 48-hour window (45015)"},
		{Day: day, Recipient: "o2", ArticleID: "A", Mode: "customer", State: store.Failed, Reason: "server IP not in the whitelist (40164)"},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ScheduleDaily(ctx, day, "B"); err != nil {
		t.Fatalf("nothing went out: the reading may change: %v", err)
	}
	if err := s.RecordDeliveries(ctx, []store.Delivery{{Day: day, Recipient: "o2", ArticleID: "B", Mode: "customer", State: store.Sent}}); err != nil {
		t.Fatal(err)
	}
	sum, err := s.LedgerSummary(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if sum.ArticleID != "B" {
		t.Fatalf("summary of %s names %q; B went out, A reached nobody", day, sum.ArticleID)
	}
}
