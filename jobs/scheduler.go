package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// Scheduler runs one job on a cron schedule in a time zone. The schedule
// and the zone can change while it runs (config reload); a run in progress
// finishes.
type Scheduler struct {
	log  *slog.Logger
	cron *cron.Cron
	ctx  context.Context
	stop context.CancelFunc
	job  func(context.Context)

	mu      sync.Mutex
	spec    string // as set, with its zone: CRON_TZ=Asia/Shanghai 30 7 * * *
	entry   cron.EntryID
	stopped bool
	wg      sync.WaitGroup // runs started by RunNow
}

// NewScheduler returns a scheduler for job; Set gives it a schedule.
func NewScheduler(log *slog.Logger, job func(context.Context)) *Scheduler {
	ctx, stop := context.WithCancel(context.Background())
	s := &Scheduler{log: log, ctx: ctx, stop: stop, job: job}
	s.cron = cron.New(cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger)))
	return s
}

// ParseSchedule checks a cron spec (minute hour day month weekday), and
// that it fires at all: 30 7 30 2 * (30 February) parsed, and the search
// for its next time made a reload, a start and push status spin for ever
// (an operator run's find).
func ParseSchedule(spec string) (cron.Schedule, error) {
	// The zone is push.timezone's: the scheduler writes it before the
	// spec, and one written here too was a sixth field it refused, after
	// check and the reload had taken it (an operator run's find: no push
	// at all, while the help told followers the hour in the spec's zone).
	if strings.HasPrefix(strings.TrimSpace(spec), "CRON_TZ=") || strings.HasPrefix(strings.TrimSpace(spec), "TZ=") {
		return nil, fmt.Errorf("cron spec %q names its own time zone: set push.timezone instead", spec)
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		// A time as a clock shows it (7:30, 07:30): the parser's "expected
		// exactly 5 fields, found 1" named no way to write it (an
		// operator run's find).
		if m := clockTime.FindStringSubmatch(strings.TrimSpace(spec)); m != nil {
			h, _ := strconv.Atoi(m[1])
			mi, _ := strconv.Atoi(m[2])
			return nil, fmt.Errorf("cron spec %q: a schedule is five fields, minute hour day month weekday: for every day at %s write \"%d %d * * *\"", spec, spec, mi, h)
		}
		return nil, fmt.Errorf("cron spec %q: %w", spec, err)
	}
	// cron gives up after five years: 29 February comes within them.
	if sched.Next(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() {
		return nil, fmt.Errorf("cron spec %q never fires: no month has that day", spec)
	}
	if spec, ok := sched.(*cron.SpecSchedule); ok {
		return skippedHour{spec}, nil
	}
	return sched, nil
}

// clockTime is a time of day as a clock shows it: 7:30, 07:30, 19：00.
var clockTime = regexp.MustCompile(`^([01]?[0-9]|2[0-3])[:：]([0-5][0-9])$`)

// skippedHour fires a time of the hour the clocks skip (02:30 on the day
// summer time begins, in a zone that has it) when the clocks skip it, as
// Vixie cron does: robfig/cron moves on to the next day, and the day had
// no push, no catch-up and nothing said (a review's find). Times are read
// in the zone of the time Next is given.
type skippedHour struct{ spec *cron.SpecSchedule }

func (s skippedHour) Next(t time.Time) time.Time {
	next := s.spec.Next(t)
	// Where the clocks skip midnight, robfig/cron's hour loop runs from
	// 23:00 on into the next day's 01:00 without asking again whether the
	// spec names that day (Havana's Saturdays fired on a Sunday: a
	// re-check's find): a time not of the spec is passed over.
	for i := 0; !next.IsZero() && !s.names(next) && i < 1000; i++ {
		next = s.spec.Next(next)
	}
	if next.IsZero() {
		return next
	}
	// Day by day by their noons: a midnight the clocks skip (Havana's,
	// Santiago's) is read by time.Date as the day before's 23:00, and a
	// walk by midnights had stood still there for ever (a re-check's find:
	// check, try and serve hung).
	y, m, d := t.Date()
	for ; ; d++ {
		noon := time.Date(y, m, d, 12, 0, 0, 0, t.Location())
		if !dayStart(noon).Before(next) {
			return next
		}
		if at, ok := s.inSkippedHour(noon); ok && at.After(t) && at.Before(next) {
			return at
		}
	}
}

// names reports whether the spec's fields hold t, on t's clock, as
// robfig/cron reads them (a day of the month or of the week: either, when
// neither is *).
func (s skippedHour) names(t time.Time) bool {
	const star = 1 << 63
	sp := s.spec
	dom, dow := sp.Dom&(1<<uint(t.Day())) > 0, sp.Dow&(1<<uint(t.Weekday())) > 0
	day := dom || dow
	if sp.Dom&star > 0 || sp.Dow&star > 0 {
		day = dom && dow
	}
	return day && sp.Month&(1<<uint(t.Month())) > 0 && sp.Hour&(1<<uint(t.Hour())) > 0 && sp.Minute&(1<<uint(t.Minute())) > 0
}

// dayStart is the first instant of the day of t (its noon, say) in t's
// zone: its midnight, or the moment the clocks skip over it (00:00 does
// not happen in Havana the day summer time begins).
func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	if sy, sm, sd := start.Date(); sy == y && sm == m && sd == d && start.Hour() == 0 && start.Minute() == 0 {
		return start
	}
	noon := time.Date(y, m, d, 12, 0, 0, 0, t.Location())
	if change, _ := noon.ZoneBounds(); !change.IsZero() {
		if cy, cm, cd := change.Date(); cy == y && cm == m && cd == d {
			return change
		}
	}
	return start
}

// nextDayStart is the first instant of the day after t's.
func nextDayStart(t time.Time) time.Time {
	return dayStart(time.Date(t.Year(), t.Month(), t.Day()+1, 12, 0, 0, 0, t.Location()))
}

// inSkippedHour returns the instant the clocks skip ahead on the day of
// noon (in its zone) when the spec fires, on that day's clock, at a time
// they skip: 02:30 on New York's, 00:30 on Cairo's.
func (s skippedHour) inSkippedHour(noon time.Time) (time.Time, bool) {
	y, m, d := noon.Date()
	start, end := noon.ZoneBounds()
	for _, change := range []time.Time{start, end} {
		if change.IsZero() {
			continue
		}
		_, before := change.Add(-time.Second).Zone()
		_, after := change.Zone()
		if after <= before {
			continue // the clocks went back, or nothing changed
		}
		// The skipped clock times, as times of a day in UTC: from the
		// change on the clock before it, for the length of the jump.
		from := change.In(time.FixedZone("", before))
		if fy, fm, fd := from.Date(); fy != y || fm != m || fd != d {
			continue // another day's
		}
		wall := time.Date(y, m, d, from.Hour(), from.Minute(), from.Second(), 0, time.UTC)
		to := wall.Add(time.Duration(after-before) * time.Second)
		if f := s.spec.Next(wall.Add(-time.Second)); !f.IsZero() && f.Before(to) {
			return change, true
		}
	}
	return time.Time{}, false
}

// Firings returns up to n times spec fires in loc after from (a zone with
// summer time fires at other hours of another zone's clock in summer);
// nil for a spec that does not parse.
func Firings(spec string, loc *time.Location, from time.Time, n int) []time.Time {
	sched, err := ParseSchedule(spec)
	if err != nil {
		return nil
	}
	var out []time.Time
	for t := from.In(loc); len(out) < n; {
		if t = sched.Next(t); t.IsZero() {
			break
		}
		out = append(out, t)
	}
	return out
}

// Set (re)schedules the job at spec in loc; an unchanged pair is left
// alone. changed reports a new schedule replacing another.
func (s *Scheduler) Set(spec string, loc *time.Location) (changed bool, err error) {
	zoned := "CRON_TZ=" + loc.String() + " " + spec
	s.mu.Lock()
	defer s.mu.Unlock()
	if zoned == s.spec {
		return false, nil
	}
	sched, err := ParseSchedule(spec)
	if err != nil {
		return false, fmt.Errorf("push.schedule %q: %w", spec, err)
	}
	id := s.cron.Schedule(inZone{loc, sched}, cron.FuncJob(s.run))
	changed = s.entry != 0
	if s.entry != 0 {
		s.cron.Remove(s.entry)
	}
	s.spec, s.entry = zoned, id
	s.log.Info("daily push scheduled", "schedule", spec, "zone", loc.String(), "next", sched.Next(time.Now().In(loc)))
	return changed, nil
}

// inZone reads a schedule on the clock of loc (cron runs its entries on
// its own zone's).
type inZone struct {
	loc   *time.Location
	sched cron.Schedule
}

func (z inZone) Next(t time.Time) time.Time { return z.sched.Next(t.In(z.loc)) }

// run runs the job, scheduled or by RunNow. A panicking push must not take
// the webhook down with it (robfig/cron's New does not recover, whatever
// its docs say, and RunNow's goroutine had nothing to: serve's catch-up at
// start died of one), nor pass unsaid (cron's Recover wrote to its
// DiscardLogger: a review's finds).
func (s *Scheduler) run() {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("daily push panicked: the webhook keeps serving; the day stays as the store last recorded it (push status)",
				"panic", r, "stack", string(debug.Stack()))
		}
	}()
	s.job(s.ctx)
}

// RunNow runs the job once, outside the schedule (a missed run caught up).
func (s *Scheduler) RunNow() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.run()
	}()
}

// Start starts the schedule.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops scheduling, cancels a running job (it finishes its current
// delivery) and waits for it or ctx.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	scheduled := s.cron.Stop() // done when the runs cron started have returned
	s.stop()
	done := make(chan struct{})
	go func() { s.wg.Wait(); <-scheduled.Done(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// MissedRun reports whether the run scheduled last before now (on today)
// lies within catchUp, so a process that was down at that time should run
// now.
func MissedRun(spec string, loc *time.Location, now time.Time, catchUp time.Duration) (time.Time, bool) {
	sched, err := ParseSchedule(spec)
	if err != nil {
		return time.Time{}, false
	}
	local := now.In(loc)
	var last time.Time
	// The next day's start, not 24 hours on: the day the clocks go back has
	// 25 (a review's find: a run at 23:15 was no run of that day).
	dayEnd := nextDayStart(local)
	for t := sched.Next(dayStart(local).Add(-time.Second)); !t.IsZero() && !t.After(local) && t.Before(dayEnd); t = sched.Next(t) {
		last = t
	}
	if last.IsZero() {
		return last, false
	}
	return last, local.Sub(last) <= catchUp
}

// ScheduledAt returns the first time spec fires on day (YYYY-MM-DD) in loc,
// and false when it does not fire that day.
func ScheduledAt(spec string, loc *time.Location, day string) (time.Time, bool) {
	sched, err := ParseSchedule(spec)
	if err != nil {
		return time.Time{}, false
	}
	date, err := time.Parse("2006-01-02", day)
	if err != nil {
		return time.Time{}, false
	}
	// The day's bounds in loc: a midnight the clocks skip had made the
	// next day's 00:30 this day's (a re-check's find).
	noon := time.Date(date.Year(), date.Month(), date.Day(), 12, 0, 0, 0, loc)
	next := sched.Next(dayStart(noon).Add(-time.Second))
	return next, !next.IsZero() && next.Before(nextDayStart(noon))
}
