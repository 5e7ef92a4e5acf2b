package jobs

import (
	"testing"
	"time"
)

// TestRecheckWeeklyScheduleFiresOnADayItDoesNotName: on the day a zone's
// clocks skip midnight (Havana, Santiago, Beirut on a Sunday; Cairo on a
// Friday), a schedule that names only some days fires on that day anyway
// when the run before it was after the schedule's hour the previous day:
// robfig's hour loop walks from 23:00 to the next day's 01:00 and never
// sees the 00 that sends it back to check the day. skippedHour.Next passes
// robfig's answer on. In serve, cron asks Next(Saturday 05:00) right after
// Saturday's push, so "0 5 * * 6" pushes on Sunday too, every year.
func TestRecheckWeeklyScheduleFiresOnADayItDoesNotName(t *testing.T) {
	for _, c := range []struct {
		zone, spec string
		from       [5]int // y m d h min, local
		want       [3]int // y m d of the next firing
	}{
		// Saturdays only; Sunday 2027-03-14 has no 00:00 in Havana.
		{"America/Havana", "0 5 * * 6", [5]int{2027, 3, 13, 5, 0}, [3]int{2027, 3, 20}},
		// Mon–Sat; Sunday 2027-03-28 has no 00:00 in Beirut.
		{"Asia/Beirut", "0 8 * * 1-6", [5]int{2027, 3, 27, 8, 0}, [3]int{2027, 3, 29}},
		// Sun–Thu, Egypt's working week; Friday 2027-04-30 has no 00:00.
		{"Africa/Cairo", "0 8 * * 0-4", [5]int{2027, 4, 29, 8, 0}, [3]int{2027, 5, 2}},
		// the 1st of the month; 2029-09-02 has no 00:00 in Santiago.
		{"America/Santiago", "0 5 1 * *", [5]int{2029, 9, 1, 5, 0}, [3]int{2029, 10, 1}},
	} {
		loc, err := time.LoadLocation(c.zone)
		if err != nil {
			t.Skip(err)
		}
		from := time.Date(c.from[0], time.Month(c.from[1]), c.from[2], c.from[3], c.from[4], 0, 0, loc)
		withTimeout(t, "Firings", func() {
			got := Firings(c.spec, loc, from, 1)
			if len(got) != 1 {
				t.Fatalf("%s %q after %v: %v", c.zone, c.spec, from, got)
			}
			g := got[0].In(loc)
			if g.Year() != c.want[0] || int(g.Month()) != c.want[1] || g.Day() != c.want[2] {
				t.Errorf("%s %q after %v fires %v (a %s, a day the spec does not name); want %04d-%02d-%02d",
					c.zone, c.spec, from, g, g.Weekday(), c.want[0], c.want[1], c.want[2])
			}
			day := g.Format("2006-01-02")
			if _, ok := ScheduledAt(c.spec, loc, day); !ok && g.Day() != c.want[2] {
				t.Logf("and ScheduledAt(%s) says that day has no push, though serve's cron fires then", day)
			}
		})
	}
}
