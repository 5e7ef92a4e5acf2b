package store_test

import (
	"context"
	"database/sql"
	"mpbot/content"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

// TestOpenCopySourceChecksTheSchema: a store copy's source is opened read
// only and must be of this build's schema: an older store's tables lack
// what the copy writes, a newer one's hold what this build would drop.
// Neither is migrated by the copy (an operator run's find: it migrated its
// source, which would change a running older serve's schema under it).
func TestOpenCopySourceChecksTheSchema(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, change, want string
	}{
		{"current", ``, ``},
		{"older", `DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)`, "written by an older mpbot"},
		{"newer", `INSERT INTO schema_migrations (version, applied_at) VALUES ('9999_future', 0)`, "written by a newer mpbot"},
		{"no store", `DROP TABLE schema_migrations`, "no mpbot store"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "one-machine.db")
			st, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if c.change != "" {
				if _, err := db.Exec(c.change); err != nil {
					t.Fatal(err)
				}
			}
			var before int
			db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&before)
			src, err := store.OpenCopySource(ctx, path)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				src.Close()
			} else if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("OpenCopySource: %v, want %q naming the file", err, c.want)
			}
			var after int
			db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&after)
			db.Close()
			if after != before {
				t.Fatalf("the source was migrated: %d versions, then %d", before, after)
			}
		})
	}
}

// TestCopyAgainKeepsTheFleetsNewerFollowerState: a follower who left on
// the fleet after the first copy is still following in the source: a copy
// run again had written the source's row back ("the source wins": a
// review's find), and the fleet would push to them again. A row the
// destination changed later than the source's stays.
func TestCopyAgainKeepsTheFleetsNewerFollowerState(t *testing.T) {
	storetest.Each(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		path := filepath.Join(t.TempDir(), "one-machine.db")
		src, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
		if err := src.FollowerSubscribed(ctx, "o_a", "", t1); err != nil {
			t.Fatal(err)
		}
		src.Close()
		dst := e.Store(t)
		copyOnce := func() { copyInto(t, dst, path) }
		copyOnce()
		// On the fleet, a day later: 取消关注.
		if err := dst.FollowerUnsubscribed(ctx, "o_a", t1.Add(24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		copyOnce() // catching up
		f, err := dst.GetFollower(ctx, "o_a")
		if err != nil {
			t.Fatal(err)
		}
		if f.Subscribed {
			t.Errorf("after the second copy o_a is subscribed again (unsubscribed on the fleet at %v, later than the source's row)", t1.Add(24*time.Hour))
		}
	})
}

// TestCopyKeepsADayTheDestinationPushed: a day whose reading went out on
// the destination (the fleet) keeps it whatever a store copied in chose
// for that day later, as ScheduleDaily keeps it (an operator run's find:
// `mpbot store copy --from` a one-machine store that had chosen another
// article for 2026-12-05 afterwards replaced the fleet's choice, whose
// push had reached 20 followers: 往期每日一读 listed an article nobody got,
// and the article sent counted as unread, to be pushed again). A rehearsal
// in push.mode log reached nobody: the article the one machine's followers
// got for the day wins over it (a review's find: the rehearsal's was kept).
func TestCopyKeepsADayTheDestinationPushed(t *testing.T) {
	for _, c := range []struct {
		name      string
		fleetMode string // how the fleet pushed its choice, "first"
		srcSends  bool   // the one machine sent its later choice, "second"
		want      string
	}{
		{"sent by the fleet", "customer", false, "first"},
		{"rehearsed by the fleet, sent by the one machine", "log", true, "second"},
	} {
		t.Run(c.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, e storetest.Engine) {
				ctx := context.Background()
				arts := []content.Article{
					{ID: "first", Title: "先选的", URL: "https://example.com/u1", Category: "政策理论导读", PublishedOn: "2025-01-01"},
					{ID: "second", Title: "后选的", URL: "https://example.com/u2", Category: "政策理论导读", PublishedOn: "2026-01-01"},
				}
				t1 := time.Date(2026, 12, 5, 7, 30, 0, 0, time.UTC)
				path := filepath.Join(t.TempDir(), "one-machine.db")
				src, err := store.Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				dst := e.Store(t)
				for _, s := range []*store.Store{src, dst} {
					for _, a := range arts {
						if _, _, err := s.Upsert(ctx, a); err != nil {
							t.Fatal(err)
						}
					}
				}
				dst.Now = func() time.Time { return t1 }
				if a, err := dst.DailyReading(ctx, "2026-12-05", "政策理论导读"); err != nil || a.ID != "first" {
					t.Fatalf("the fleet's choice: %v, %v", a.ID, err)
				}
				if err := dst.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-12-05", Recipient: "o1", ArticleID: "first", Mode: c.fleetMode, State: store.Sent}}); err != nil {
					t.Fatal(err)
				}
				src.Now = func() time.Time { return t1.Add(time.Hour) }
				if _, err := src.ScheduleDaily(ctx, "2026-12-05", "second"); err != nil {
					t.Fatal(err)
				}
				if c.srcSends {
					if err := src.RecordDeliveries(ctx, []store.Delivery{{Day: "2026-12-05", Recipient: "o2", ArticleID: "second", Mode: "customer", State: store.Sent}}); err != nil {
						t.Fatal(err)
					}
				}
				src.Close()
				copyInto(t, dst, path)
				a, err := dst.DailyReading(ctx, "2026-12-05", "政策理论导读")
				if err != nil {
					t.Fatal(err)
				}
				if a.ID != c.want {
					t.Errorf("after the copy the reading of 2026-12-05 is %q, want %q", a.ID, c.want)
				}
			})
		})
	}
}

// copyInto copies the SQLite store at path into dst, as store copy does.
func copyInto(t *testing.T, dst *store.Store, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.OpenCopySource(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := dst.CopyFrom(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
}
