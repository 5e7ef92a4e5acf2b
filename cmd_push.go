package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"mpbot/content"
	"mpbot/jobs"
	"mpbot/store"
)

func (c *cli) pushCmd() *cobra.Command {
	var day, article string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "push",
		Short: "Run the daily reading's push now (or see what it would do)",
		Long: `push chooses the day's reading and delivers it by push.mode, exactly once per follower:
each delivery is recorded as its API call starts and when it ends, and a rerun sends only
what is missing. --dry-run prints the article, the mode and how many followers it would reach, and names the
process sending the day if one is.

Exit status: 0 when the day is done (also when it was already, or there is nothing to
push), 1 when deliveries failed or the run stopped (run it again to continue), 2 for a
usage or config error, 3 when another process holds the day's push.`,
		Args: usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkDate(day); err != nil {
				return err
			}
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			if today := cfg.today(time.Now()); day > today && !dryRun && cfg.Push.Mode != jobs.ModeOff {
				// It would send that day's reading now, and mark the day
				// done before it comes.
				return usageError{fmt.Errorf("--date %s is after today (%s in %s): a push sends at once; choose a later day's reading with `mpbot schedule ID %s`, or look with --dry-run",
					day, today, cfg.Push.Timezone, day)}
			}
			if err := storeThere(cfg); err != nil {
				return err
			}
			a, err := newApp(cmd.Context(), cfg, newLogger(cfg.Log, c.stderr), storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			a.push.Progress = pushProgress(c.stderr)
			res, err := a.push.Run(cmd.Context(), jobs.RunOptions{Day: day, DryRun: dryRun, ArticleID: article})
			switch {
			case errors.Is(err, store.ErrPushDone):
				// With how many it reached: a first start's catch-up run
				// with no followers yet read as delivered (an operator
				// run's find).
				line := fmt.Sprintf("already sent: %s: %s (%s)", res.Day, res.Article.Title, res.Article.ID)
				// A day that went out in log mode alone was a rehearsal, as
				// push status says: "to 3 followers" had read as three
				// followers having got it (a newcomer run's find).
				if rehearsed, rerr := a.store.GoneOutOnlyIn(cmd.Context(), res.Day, jobs.ModeLog); rerr == nil && rehearsed {
					fmt.Fprintf(c.stdout, "already sent: %s: %s (%s), in push.mode log, a rehearsal: written to the outbox, it reached no follower\n", res.Day, res.Article.Title, res.Article.ID)
					return nil
				}
				if sum, serr := a.store.LedgerSummary(cmd.Context(), res.Day); serr == nil && res.Mode != jobs.ModeBroadcast {
					line += ", to " + counted(sum.Counts[store.Sent], "follower")
					// The rest of its ledger, whose deliveries may have
					// arrived (unknown) or were not due (an operator
					// run's find: a day of timeouts said nobody could be
					// reached, and a second copy by hand would follow).
					var rest []string
					for _, st := range []store.State{store.Unknown, store.Skipped, store.Failed} {
						if n := sum.Counts[st]; n > 0 {
							rest = append(rest, fmt.Sprintf("%s %d", st, n))
						}
					}
					switch {
					case len(rest) > 0:
						line += fmt.Sprintf("; %s (mpbot push status --date %s says why)", strings.Join(rest, ", "), res.Day)
					case sum.Counts[store.Sent] == 0:
						line += " (" + noneReached + ")"
					}
				}
				fmt.Fprintln(c.stdout, line)
				return nil
			case errors.Is(err, jobs.ErrNothingToPush):
				if n, cerr := a.store.Count(cmd.Context()); cerr == nil && n == 0 {
					// A store other than serve's, most often (store.path).
					return usageError{fmt.Errorf("the store (%s) holds no articles: nothing can be pushed; is store.path serve's? (import some: mpbot import FILE --category %s)",
						cfg.Store.where(), cfg.Push.Category)}
				}
				if missing, cerr := a.categoryMissing(cmd.Context(), cfg.Push.Category); cerr == nil && missing != "" {
					// A misspelt category, as push status and check name
					// it (an operator run's find: "no article … left to
					// read", exit 0, every day of a cron job).
					return usageError{errors.New("push.category: " + missing)}
				}
				fmt.Fprintln(c.stdout, err)
				return nil
			case errors.Is(err, jobs.ErrPushOff):
				fmt.Fprintln(c.stdout, err)
				return nil
			case errors.Is(err, jobs.ErrCannotSend):
				return usageError{err}
			case errors.Is(err, store.ErrLeaseHeld):
				if held := (*store.LeaseHeld)(nil); errors.As(err, &held) {
					held.In = cfg.location // as push status says its times
				}
				fmt.Fprintln(c.stderr, "mpbot:", err)
				return exitError{3}
			case article != "" && errors.Is(err, content.ErrNotFound):
				return noArticle(article)
			case errors.Is(err, store.ErrPlanTooFar):
				// The dry run of a day further than the plan reads, as push
				// status says it (a review's find: exit 1, the error twice).
				fmt.Fprintln(c.stdout, tooFarAhead(cfg.today(time.Now())))
				return nil
			case errors.Is(err, context.Canceled) && res.Day != "":
				// SIGTERM or Ctrl-C: it printed only "context canceled".
				fmt.Fprintf(c.stdout, "%s: interrupted; calls under way finished and were recorded (sent %d", res.Day, res.Sent)
				if res.Unknown > 0 { // not sent again: WeChat may have delivered them
					fmt.Fprintf(c.stdout, ", unknown %d", res.Unknown)
				}
				fmt.Fprintln(c.stdout, ")")
				if n, err := a.push.Unsent(context.WithoutCancel(cmd.Context()), res.Day); err == nil {
					printUnsent(c.stdout, n, res.Day)
				}
				return exitError{1}
			case err != nil:
				return err
			}
			fmt.Fprintf(c.stdout, "%s: %s (%s) by %s\n", res.Day, res.Article.Title, res.Article.ID, res.Mode)
			switch {
			case res.Mode == jobs.ModeLog && dryRun:
				fmt.Fprintln(c.stdout, "push.mode log, a rehearsal: a run writes to outbox.jsonl and reaches no follower")
			case res.Mode == jobs.ModeLog:
				// "sent 3" alone read as delivered, where report and the
				// console say rehearsal (a newcomer run's find).
				fmt.Fprintln(c.stdout, "push.mode log, a rehearsal: written to outbox.jsonl, it reaches no follower")
			}
			if dryRun {
				// Said last, after what the run would do.
				defer c.printHolder(cmd.Context(), a, res.Day)
				if w := cfg.pushWithoutSecret(); w != "" {
					// (A newcomer's run: the dry run counted followers
					// reached, and the push failed.)
					defer fmt.Fprintln(c.stderr, "warning: "+w)
				}
			}
			if dryRun && res.Mode == jobs.ModeBroadcast {
				fmt.Fprintf(c.stdout, "dry run: one mass send, %s\n", map[bool]string{true: "still to send", false: "sent already"}[res.Pending == 1])
				return nil
			}
			if dryRun {
				want := " want it"
				if res.Recipients == 1 {
					want = " wants it"
				}
				why := ""
				if res.Pending < res.Recipients {
					// Which ones, as push status says it: "0 not yet
					// delivered" of a day never run had said nothing of the
					// welcome's reading (a newcomer run's find).
					why = fmt.Sprintf(" (%d delivered already, or shown it by 每日一读 or the welcome)", res.Recipients-res.Pending)
					if state, _, err := a.store.PushRun(cmd.Context(), res.Day); err == nil && state == "" {
						why = fmt.Sprintf(" (%d shown it already, by 每日一读 or the welcome)", res.Recipients-res.Pending)
					}
				}
				fmt.Fprintf(c.stdout, "dry run: %s%s and can be reached; %d not yet delivered%s\n", counted(res.Recipients, "follower"), want, res.Pending, why)
				if res.Mode == jobs.ModeCustomer {
					// Why fewer than followers stats counts (an operator run's
					// find: "0 followers" beside 25 taking the reading).
					// Of the day's followers: a past day's had been counted
					// with those who followed after it (an operator run's find).
					taking := "the daily reading"
					if res.Day != cfg.today(time.Now()) {
						taking = "the reading of " + res.Day
					}
					if n, err := a.push.Taking(cmd.Context(), res.Day); err == nil && n > res.Recipients {
						fmt.Fprintf(c.stdout, "customer messages reach followers who wrote in the last 48 hours: %d of the %d taking %s have not (template or broadcast reach them)\n",
							n-res.Recipients, n, taking)
					}
				}
				return nil
			}
			fmt.Fprintf(c.stdout, "recipients %d, sent %d, unknown %d\n", res.Recipients, res.Sent, res.Unknown)
			printCounts(c.stdout, "skipped", res.Skipped)
			if !dryRun && res.Mode != jobs.ModeBroadcast {
				// The day's ledger holds every follower shown the reading,
				// also those no recipient now, which push status counts:
				// said, so that the two agree (a newcomer's run: skipped 1
				// here, 2 there, one follower having turned it off since).
				if sum, err := a.store.LedgerSummary(cmd.Context(), res.Day); err == nil {
					if more := sum.Reasons["skipped: "+store.ShownReason] - res.Skipped[store.ShownReason]; more > 0 {
						fmt.Fprintf(c.stdout, "  (the day's ledger holds %d more %s: followers shown it who are no recipients now, having turned the reading off or left; push status counts them)\n",
							more, store.ShownReason)
					}
				}
			}
			printCounts(c.stdout, "failed", res.Failed)
			if res.Stopped != "" {
				fmt.Fprintln(c.stdout, "stopped:", res.Stopped)
				// The calls never started are counted by the ledger, as
				// push status counts them: this run's own count saw only
				// the batch that stopped.
				if n, err := a.push.Unsent(cmd.Context(), res.Day); err == nil {
					printUnsent(c.stdout, n, res.Day)
				}
				return exitError{1}
			}
			if len(res.Failed) > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&day, "date", "", "the day (YYYY-MM-DD; default today in push.timezone)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would be sent; send nothing")
	cmd.Flags().StringVar(&article, "article", "", "push this article instead of the day's choice")

	status := &cobra.Command{
		Use:   "status",
		Short: "Summarise a day's push from the ledger, or say what it will do",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkDate(day); err != nil {
				return err
			}
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			if err := storeThere(cfg); err != nil {
				return err
			}
			a, err := newApp(cmd.Context(), cfg, quietLogger(c.stderr), storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			d := day
			if d == "" {
				d = cfg.today(time.Now())
			}
			sum, err := a.store.LedgerSummary(cmd.Context(), d)
			if err != nil {
				return err
			}
			if sum.RunState == "" {
				return c.printPlan(cmd.Context(), a, d)
			}
			// Done by the outbox alone, which a run in a mode that sends
			// does again for real: said first (status had said "done",
			// then "sent N" above the N not sent yet: a re-check's find).
			rehearsed := false
			if sum.RunState == store.Done {
				if rehearsed, err = a.push.Rehearsed(cmd.Context(), d); err != nil {
					return err
				}
				if cfg.Push.Mode == jobs.ModeLog {
					// Rehearsed asks of a mode that sends; in log mode itself
					// the day had read "done" alone (a newcomer run's find).
					if rehearsed, err = a.store.GoneOutOnlyIn(cmd.Context(), d, jobs.ModeLog); err != nil {
						return err
					}
				}
			}
			fmt.Fprintf(c.stdout, "%s: %s", d, sum.RunState)
			switch {
			case rehearsed:
				fmt.Fprint(c.stdout, " in push.mode log, a rehearsal (the outbox reached nobody)")
			case sum.RunNote != "":
				fmt.Fprintf(c.stdout, " (%s)", sum.RunNote)
			}
			gone := sum.RunState == store.Running && time.Now().After(sum.LeaseUntil)
			dead := sum.RunState == store.Running && !gone && jobs.HolderGone(sum.Holder)
			switch {
			case dead:
				// Killed on this host, its lease still running: a rerun
				// takes it over at once (push status had said it ran).
				fmt.Fprintf(c.stdout, " by %s, whose process on this host is gone (its lease runs to %s): a rerun takes the day over at once: mpbot push --date %s",
					sum.Holder, sum.LeaseUntil.In(cfg.location).Format("15:04:05 MST"), d)
			case gone:
				// Killed (kill -9, a crash): nothing ends the run but a
				// rerun taking it over.
				fmt.Fprintf(c.stdout, " by %s, whose lease ran out at %s: its process is gone; a rerun takes the day over: mpbot push --date %s",
					sum.Holder, sum.LeaseUntil.In(cfg.location).Format("15:04:05 MST"), d)
			case sum.RunState == store.Running:
				fmt.Fprintf(c.stdout, " by %s (lease until %s)", sum.Holder, sum.LeaseUntil.In(cfg.location).Format("15:04:05 MST"))
			}
			fmt.Fprintf(c.stdout, "\narticle %s\nsent %d, skipped %d, failed %d, unknown %d, in flight %d\n", sum.ArticleID,
				sum.Counts[store.Sent], sum.Counts[store.Skipped], sum.Counts[store.Failed], sum.Counts[store.Unknown], sum.Counts[store.Sending])
			printCounts(c.stdout, "", sum.Reasons)
			printReceipts(c.stdout, sum.Receipts)
			if sum.RunState == store.Done && sum.Counts[store.Sent]+sum.Counts[store.Skipped]+sum.Counts[store.Failed]+sum.Counts[store.Unknown] == 0 {
				// As `mpbot push` says it (an operator run's find: status
				// said only "sent 0" for a first start's catch-up day).
				fmt.Fprintln(c.stdout, noneReached)
			}
			if rehearsed && cfg.Push.Mode != jobs.ModeLog { // in log mode a run reaches nobody either (a re-check's find)
				n, err := a.push.Unsent(cmd.Context(), d)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "not sent yet in push.mode %s: %d; a run sends them: mpbot push --date %s\n", cfg.Push.Mode, n, d)
			}
			if sum.RunState == store.Stopped || gone || dead {
				// The ledger holds only what was attempted: a run stopped
				// early (quota, shutdown) never reached the rest.
				n, err := a.push.Unsent(cmd.Context(), d)
				if err != nil {
					return err
				}
				printUnsent(c.stdout, n, d)
			}
			return nil
		},
	}
	status.Flags().StringVar(&day, "date", "", "the day (default today)")
	cmd.AddCommand(status)
	return cmd
}

// noneReached explains a day done with nobody sent the reading.
const noneReached = "nobody could be reached when it ran; those following since get it from 每日一读 and the welcome"

// printUnsent says how many deliveries of a stopped day a rerun sends.
func printUnsent(w io.Writer, n int, day string) {
	if n > 0 {
		fmt.Fprintf(w, "not sent yet: %d (never attempted or failed); a rerun sends them: mpbot push --date %s\n", n, day)
	}
}

// storeThere refuses a command that works on serve's store where no
// SQLite store is: run from another folder (cron's home), push made a new,
// empty store there and said "nothing to push", exit 0.
func storeThere(cfg *Config) error {
	if abs, missing := cfg.Store.missing(); missing {
		return usageError{fmt.Errorf("no store at store.path (%s): this works on the store serve uses; run it in serve's folder, give serve's config (--config FILE), or set store.path (MPBOT_STORE_PATH)", abs)}
	}
	return nil
}

// checkDate refuses a --date that is not a day (empty is today).
func checkDate(day string) error {
	if day == "" {
		return nil
	}
	return checkDay("--date", day)
}

// checkDay refuses a day argument (what) that is not a day: one written
// otherwise, or one the calendar lacks (2026-02-30 had been said to be not
// YYYY-MM-DD: an operator run's find).
func checkDay(what, day string) error {
	if _, err := time.Parse(content.DateLayout, day); err != nil {
		if dayShape.MatchString(day) {
			return badArgs(fmt.Errorf("%s %q is no day of the calendar", what, day))
		}
		return badArgs(fmt.Errorf("%s %q is not YYYY-MM-DD", what, day))
	}
	return nil
}

var dayShape = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// printPlan says what a day's push not yet run will send, to how many
// followers and when, recording nothing.
func (c *cli) printPlan(ctx context.Context, a *app, day string) error {
	cfg := a.cfg.Load()
	fmt.Fprintf(c.stdout, "%s: not run yet\n", day)
	if cfg.Push.Mode == jobs.ModeOff {
		fmt.Fprintln(c.stdout, jobs.ErrPushOff.Error()+": nothing will be sent")
		return nil
	}
	// Planned from today, as far as a year ahead (planned alone, a day
	// further named an article already sent: an operator run's find).
	today := cfg.today(time.Now())
	plan, err := a.store.PlanThrough(ctx, today, day, cfg.Push.Category, "")
	if errors.Is(err, store.ErrPlanTooFar) {
		fmt.Fprintln(c.stdout, tooFarAhead(today))
		return nil
	}
	if err != nil {
		return err
	}
	p := plan[len(plan)-1]
	if p.Article.ID == "" {
		// A misspelt category had been said to have gone to the days
		// before (an operator run's find).
		if missing, err := a.categoryMissing(ctx, cfg.Push.Category); err != nil || missing != "" {
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "nothing to send: %s\n", missing)
			return nil
		}
		last := ""
		for _, q := range plan[:len(plan)-1] {
			// Of the category: a day keeping another's reading (chosen
			// before push.category changed) reads none of these.
			if q.Article.ID != "" && q.Article.Category == cfg.Push.Category {
				last = q.Day
			}
		}
		// One scheduled for a later day leaves this one without (a
		// newcomer run's find: they had been said to go to the days
		// before it, "import more").
		next, on, scheduled, err := a.store.NextScheduled(ctx, cfg.Push.Category, day)
		if err != nil {
			return err
		}
		if scheduled {
			fmt.Fprintf(c.stdout, "nothing to send: the articles of %q left unread are scheduled for later days (the next, %s (%s), on %s); `mpbot schedule ID %s` gives this day one, or import more\n",
				cfg.Push.Category, next.Title, next.ID, on, day)
			return nil
		}
		if last != "" {
			fmt.Fprintf(c.stdout, "nothing to send: the articles of %q left unread go to the days before it (the last on %s); import more, or `mpbot schedule ID %s`\n",
				cfg.Push.Category, last, day)
			return nil
		}
		fmt.Fprintf(c.stdout, "nothing to send: no article of %q left to read\n", cfg.Push.Category)
		return nil
	}
	fmt.Fprintf(c.stdout, "would send %s (%s), %s\n", p.Article.Title, p.Article.ID, p.Why)
	if w := cfg.pushWithoutSecret(); w != "" {
		// (A newcomer's run: status named the time it would send, and the
		// push failed.)
		fmt.Fprintln(c.stdout, "warning: "+w)
	}
	res, err := a.push.Run(ctx, jobs.RunOptions{Day: day, DryRun: true})
	switch {
	case err != nil:
		fmt.Fprintf(c.stdout, "by %s: %v\n", cfg.Push.Mode, err)
	case res.Mode == jobs.ModeBroadcast:
		fmt.Fprintln(c.stdout, "by broadcast: one mass send to all followers")
	case res.Pending < res.Recipients:
		// Those shown it already (每日一读, the welcome) are not sent it
		// (an operator run's find: "to 5 followers" of a run that sent 1).
		fmt.Fprintf(c.stdout, "by %s to %s (of %d who want it and can be reached; %d shown it already, by 每日一读 or the welcome)\n",
			res.Mode, counted(res.Pending, "follower"), res.Recipients, res.Recipients-res.Pending)
	default:
		fmt.Fprintf(c.stdout, "by %s to %s\n", res.Mode, counted(res.Recipients, "follower"))
	}
	if at, ok := jobs.ScheduledAt(cfg.Push.Schedule, cfg.location, day); ok {
		// serve catches up today's last run within push.catch_up, and no
		// other (jobs.MissedRun): yesterday's 22:00 is missed at 01:00.
		last, catchUp := jobs.MissedRun(cfg.Push.Schedule, cfg.location, time.Now(), cfg.Push.CatchUp)
		switch {
		case time.Now().Before(at):
			fmt.Fprintf(c.stdout, "at %s (push.schedule %q)\n", at.Format("2006-01-02 15:04 MST"), cfg.Push.Schedule)
		case catchUp && last.Equal(at):
			fmt.Fprintf(c.stdout, "due at %s and not run: serve runs it when it starts within push.catch_up (%v) of then, or run `mpbot push --date %s`\n",
				at.Format("2006-01-02 15:04 MST"), cfg.Push.CatchUp, day)
		default:
			// A day before any push the store holds is no missed one, as
			// report counts it (a newcomer's run: told to send it, an old
			// reading of a day before the account pushed at all).
			if first, err := a.store.FirstRun(ctx); err == nil && (first == "" || day < first) {
				since := "it holds none yet"
				if first != "" {
					since = "the first is " + first
				}
				fmt.Fprintf(c.stdout, "due at %s, before this store's first push (%s): not missed, and report counts no missed day\n", at.Format("2006-01-02 15:04 MST"), since)
				break
			}
			fmt.Fprintf(c.stdout, "missed: it was due at %s, longer ago than push.catch_up (%v); nothing will send it unless you run `mpbot push --date %s`\n",
				at.Format("2006-01-02 15:04 MST"), cfg.Push.CatchUp, day)
		}
	} else {
		fmt.Fprintf(c.stdout, "push.schedule %q does not fire that day: run `mpbot push --date %s`\n", cfg.Push.Schedule, day)
	}
	return nil
}

// pushProgress shows a bar on a terminal and a line every 5000 deliveries
// otherwise.
func pushProgress(stderr io.Writer) func(done, total int) {
	var bar func(int)
	return func(done, total int) {
		if bar == nil {
			bar = importProgress(total, stderr)
		}
		bar(done)
	}
}

func printCounts(w io.Writer, label string, m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %s %d  %s\n", label, m[k], k)
	}
}

func (c *cli) scheduleCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schedule ARTICLE_ID DATE",
		Short: "Make an article the daily reading of a date",
		Args:  usage(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDay("date", args[1]); err != nil {
				return err
			}
			a, err := c.openRecorded(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			cfg := a.cfg.Load()
			if args[1] < cfg.today(time.Now()) {
				// The schedule never runs a day past, and followers asking
				// for past readings were shown it as one sent (an operator
				// run's find: 2025-01-01, before the account existed, with
				// no way to take it back).
				return usageError{fmt.Errorf("%s is past: the schedule is for today and the days to come; `mpbot push --date %s --article %s` sends a missed day's reading", args[1], args[1], args[0])}
			}
			// What the day would have read: an article whose scheduled_on
			// names it gives way without a word otherwise (a newcomer
			// run's find; import says the other order).
			var before store.Planned
			if plan, err := a.store.PlanThrough(cmd.Context(), cfg.today(time.Now()), args[1], cfg.Push.Category, ""); err == nil && len(plan) > 0 {
				before = plan[len(plan)-1]
			}
			art, err := a.store.ScheduleDaily(cmd.Context(), args[1], args[0])
			if errors.Is(err, content.ErrNotFound) {
				return noArticle(args[0])
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s: %s\n", args[1], strings.TrimSpace(art.Title))
			if before.Why == store.WhyScheduled && before.Article.ID != art.ID {
				fmt.Fprintf(c.stderr, "note: %s is scheduled_on %s and gives way to this: it is read on the next day left to it\n", before.Article.ID, args[1])
			}
			// Allowed (an operator may mean it), but said: the reading is
			// push.category's.
			if cat := cfg.Push.Category; cat != "" && art.Category != cat {
				fmt.Fprintf(c.stderr, "note: the article is of %q, not push.category %q\n", art.Category, cat)
			}
			// Read twice (an operator's find: said nothing), which the
			// daily push never does by itself.
			days, err := a.store.ReadingDays(cmd.Context(), art.ID)
			if err != nil {
				return err
			}
			if others := slices.DeleteFunc(days, func(d string) bool { return d == args[1] }); len(others) > 0 {
				fmt.Fprintf(c.stderr, "note: it is the reading of %s too: followers taking the reading get it again\n", strings.Join(others, ", "))
			}
			return nil
		},
	}
}

func (c *cli) followersCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "followers", Short: "Manage the follower table"}
	var since string
	var limit int
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Followers, opted in to the daily reading, new and lost by day, and by channel (scene)",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := parseSince(since)
			if err != nil {
				return badArgs(err)
			}
			a, err := c.openRecorded(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			cfg := a.cfg.Load()
			st, err := a.store.Stats(cmd.Context(), time.Now().Add(-d), cfg.location)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "followers %d, taking the daily reading %d\n", st.Followers, st.OptedIn)
			days := map[string]bool{}
			for day := range st.NewByDay {
				days[day] = true
			}
			for day := range st.LostByDay {
				days[day] = true
			}
			if len(days) > 0 {
				fmt.Fprintf(c.stdout, "\nby day (last %s)\tnew\tlost\n", since)
				for _, day := range slices.Sorted(maps.Keys(days)) {
					fmt.Fprintf(c.stdout, "%s\t%d\t%d\n", day, st.NewByDay[day], st.LostByDay[day])
				}
			}
			fmt.Fprintln(c.stdout, "\nby channel (scene)\tfollowers")
			for _, scene := range slices.Sorted(maps.Keys(st.ByScene)) {
				name := scene
				if name == "" {
					name = "(no channel)"
				}
				fmt.Fprintf(c.stdout, "%s\t%d\n", name, st.ByScene[scene])
			}
			return nil
		},
	}
	stats.Flags().StringVar(&since, "since", "30d", "how far back new and lost followers are counted")
	list := &cobra.Command{
		Use:   "list",
		Short: "List followers, most recently active first",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return badArgs(fmt.Errorf("-n %d: give a count, or 0 for all", limit))
			}
			a, err := c.openRecorded(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			fs, err := a.store.ListFollowers(cmd.Context(), limit)
			if err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "openid\tfollowing\tdaily reading\tlast message\tchannel")
			for _, f := range fs {
				last := "-"
				if !f.LastInteractionAt.IsZero() {
					last = f.LastInteractionAt.In(a.cfg.Load().location).Format("2006-01-02 15:04 MST")
				}
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%s\n", f.OpenID, yesNo(f.Subscribed), yesNo(f.Subscribed && !f.PushOptOut), last, f.Scene)
			}
			return nil
		},
	}
	list.Flags().IntVarP(&limit, "n", "n", 50, "at most this many (0: all)")
	cmd.AddCommand(stats, list)
	cmd.AddCommand(&cobra.Command{
		Use:   "sync",
		Short: "Read the account's follower list (user/get) into the follower table",
		Long: `sync pages through the follower list, 10,000 openids a page, and records each as a
follower; what is known of them (opt-out, last message) is kept. Followers the store has
as following that the whole list no longer holds, and who neither followed nor wrote since
shortly before the sync began, left unheard: they are recorded as unsubscribed. An empty
list, one short of its total, another account's (none of the followers the store has), or an
interrupted sync forgets nobody; run it again.`,
		Args: usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := c.open(cmd, storeOnly) // before serve ever ran, it fills a new store
			if err != nil {
				return err
			}
			defer a.close()
			api, err := a.requireAPI()
			if err != nil {
				return err
			}
			res, err := jobs.SyncFollowers(cmd.Context(), api, a.store, time.Now, func(done, total int) {
				fmt.Fprintf(c.stderr, "synced %d of %d followers\n", done, total)
			})
			if err != nil {
				return err
			}
			if !res.Whole {
				// Said, not "0 gone" (a review's find: the two read alike).
				fmt.Fprintf(c.stdout, "followers: %d listed, %d new; the list was not whole (empty, or short of its total): nobody recorded as left\n", res.Listed, res.Added)
				return nil
			}
			fmt.Fprintf(c.stdout, "followers: %d listed, %d new, %d gone from the list (unfollowed unheard: recorded as left)\n", res.Listed, res.Added, res.Left)
			return nil
		},
	})
	return cmd
}

// printHolder says, for a dry run, that another process is sending day
// now: the count falls as it goes, and a run started here would wait (exit
// 3). The dry run had said nothing of it (an operator run's find), nor, of
// a mass send holding its day through its preview's lead, in broadcast
// mode (a review's find).
func (c *cli) printHolder(ctx context.Context, a *app, day string) {
	sum, err := a.store.LedgerSummary(ctx, day)
	if err != nil || sum.RunState != store.Running || !time.Now().Before(sum.LeaseUntil) || jobs.HolderGone(sum.Holder) {
		return
	}
	fmt.Fprintf(c.stdout, "a run is under way: %s holds the day (lease until %s); mpbot push status --date %s follows it\n",
		sum.Holder, sum.LeaseUntil.In(a.cfg.Load().location).Format("15:04:05 MST"), day)
}

// printReceipts shows WeChat's own receipts of the day's messages.
func printReceipts(w io.Writer, receipts []store.Receipt) {
	for _, r := range receipts {
		switch r.Kind {
		case "broadcast":
			fmt.Fprintf(w, "WeChat's receipt of the mass send (msg %d, %s): %s; to %d, filtered %d, sent %d, errors %d\n",
				r.MsgID, r.At.Local().Format("15:04"), r.Status, r.Total, r.Filtered, r.Sent, r.Errors)
		default:
			fmt.Fprintf(w, "WeChat's receipts of template messages: %d %s\n", r.Total, r.Status)
		}
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// tooFarAhead says a day is past what the plan reads: the next year's days.
func tooFarAhead(today string) string {
	t0, _ := time.Parse(content.DateLayout, today)
	return fmt.Sprintf("too far ahead: the daily reading is planned for the days of the next year, to %s", t0.AddDate(0, 0, store.MaxPlanDays-1).Format(content.DateLayout))
}
