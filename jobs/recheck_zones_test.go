package jobs

import (
	"testing"
	"time"
)

// withTimeout runs f and fails the test if it has not returned in 3 s
// (skippedHour.Next loops forever: midnight(day, 1) of a day whose
// midnight the clocks skip is that same day's 23:00 again).
func withTimeout(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatalf("%s has not returned after 3 s (an endless loop in skippedHour.Next)", what)
	}
}

// TestRecheckMidnightChangeZonesDoNotHang: in a zone whose clocks skip
// midnight (Havana 2027-03-14 00:00→01:00; Santiago 2026-09-06; Asunción
// 2024-10-06), any schedule's Next across that day never returns. Before
// 8b606c7..HEAD it returned (08:00 of the day). It is what serve's cron
// goroutine, MissedRun, ScheduledAt, push status and check's Firings call.
func TestRecheckMidnightChangeZonesDoNotHang(t *testing.T) {
	for _, c := range []struct {
		zone string
		day  string // the day the clocks skip 00:00
	}{
		{"America/Havana", "2027-03-14"},
		{"America/Santiago", "2026-09-06"},
	} {
		loc, err := time.LoadLocation(c.zone)
		if err != nil {
			t.Skip(err)
		}
		day, _ := time.ParseInLocation("2006-01-02", c.day, time.UTC)
		from := time.Date(day.Year(), day.Month(), day.Day()-1, 12, 0, 0, 0, loc)
		withTimeout(t, "Firings(\"0 8 * * *\", "+c.zone+")", func() {
			got := Firings("0 8 * * *", loc, from, 1)
			want := time.Date(day.Year(), day.Month(), day.Day(), 8, 0, 0, 0, loc)
			if len(got) != 1 || !got[0].Equal(want) {
				t.Errorf("%s: Firings after %s = %v, want %v", c.zone, from, got, want)
			}
		})
		withTimeout(t, "ScheduledAt("+c.zone+")", func() {
			if _, ok := ScheduledAt("0 8 * * *", loc, c.day); !ok {
				t.Errorf("%s: ScheduledAt says %s has no push", c.zone, c.day)
			}
		})
	}
}

// TestRecheckMidnightGapDayIsPushed: the neighbour of the fix: Cairo's clocks
// skip 00:00→01:00 on 2027-04-30 (Beirut's on 2027-03-28). A push at 00:30
// is in the skipped hour, but inSkippedHour reads the day from its
// midnight (time.Date(…, 0, 0, …) is already past the change, ZoneBounds
// gives the autumn's end) and the day still has no push, as robfig had it.
func TestRecheckMidnightGapDayIsPushed(t *testing.T) {
	for _, c := range []struct{ zone, day string }{{"Africa/Cairo", "2027-04-30"}, {"Asia/Beirut", "2027-03-28"}} {
		loc, err := time.LoadLocation(c.zone)
		if err != nil {
			t.Skip(err)
		}
		day, _ := time.ParseInLocation("2006-01-02", c.day, time.UTC)
		from := time.Date(day.Year(), day.Month(), day.Day()-1, 12, 0, 0, 0, loc)
		withTimeout(t, "ScheduledAt", func() {
			// push status's and the report's due days: ScheduledAt(day)
			// reads the day from time.ParseInLocation(day), 01:00 here, to
			// 01:00 the next day, and names the NEXT day's 00:30 as this
			// day's push (and again as the next day's).
			if at, ok := ScheduledAt("30 0 * * *", loc, c.day); ok && at.In(loc).Format("2006-01-02") != c.day {
				t.Errorf("%s: ScheduledAt(\"30 0 * * *\", %s) = %v: another day's push", c.zone, c.day, at)
			}
		})
		withTimeout(t, "Firings", func() {
			got := Firings("30 0 * * *", loc, from, 1)
			if len(got) != 1 || got[0].Format("2006-01-02") != c.day {
				t.Errorf("%s: after %s \"30 0 * * *\" next fires %v: %s, whose 00:30 the clocks skip, has no push (Vixie cron fires at 01:00, as the fix does for 02:30 in New York)", c.zone, from, got, c.day)
			}
		})
	}
}
