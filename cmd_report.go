package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"mpbot/bot"
	"mpbot/content"
	"mpbot/insights"
)

func (c *cli) reportCmd() *cobra.Command {
	var since string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "report",
		Short: "What followers asked and did not get, rules and menu keys used, the daily push, new followers",
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
			if keep := a.cfg.Load().Insights.Retention; d > mustDays(keep) {
				// The header names the period asked; the log holds less (an
				// operator run's find: --since 400d said nothing of it).
				fmt.Fprintf(c.stderr, "note: --since %s reaches past insights.retention (%s): older questions are pruned, the report holds the last %s\n", since, keep, keep)
			}
			r, err := a.report(cmd.Context(), time.Now().Add(-d))
			if err != nil {
				return err
			}
			if r.LogOff {
				fmt.Fprintln(c.stderr, "note: insights.enabled is false: a serve started on this config logs no questions (one started before the change logs on until restarted); the report holds those logged")
			}
			if asJSON {
				return content.WriteJSON(c.stdout, r)
			}
			printReport(c.stdout, r, a.cfg.Load().Insights.Key != "")
			return nil
		},
	}
	cmd.Flags().StringVar(&since, "since", "7d", "the period reported, back from now")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

func printReport(w io.Writer, r *insights.Report, votesKept bool) {
	fmt.Fprintf(w, "%s to %s: %d messages from %s", r.Since.Format("2006-01-02 15:04"), r.Until.Format("2006-01-02 15:04 MST"), r.Messages, counted(r.Followers, "follower"))
	questions := 0
	for _, d := range r.Days {
		questions += d.Questions
	}
	if questions != r.Messages {
		// "7 messages" above "4 questions" a day had read as a miscount
		// (a newcomer's run).
		fmt.Fprintf(w, ", %d of them questions (the rest: numbers chosen from lists, 更多, menu buttons, pictures, locations, links)", questions)
	}
	fmt.Fprintln(w)
	// Every section says when it has nothing, alike: some had said (none),
	// some a header alone, some nothing at all (a newcomer's run).
	section := func(title string, empty bool) {
		fmt.Fprintf(w, "\n## %s\n", title)
		if empty {
			fmt.Fprintln(w, "(none)")
		}
	}
	section("Unanswered and weakly answered, by topic", len(r.Unanswered) == 0)
	for _, t := range r.Unanswered {
		terms := strings.Join(t.Terms, " ")
		if terms == "" {
			terms = "no main word: the same text" // 666 sent again, a probe pasted
		}
		fmt.Fprintf(w, "%d× from %s  [%s]  e.g. %s", t.Count, counted(t.Followers, "follower"), terms, strings.Join(quoted(t.Examples), ", "))
		if t.Best.ID != "" {
			fmt.Fprintf(w, "  — best candidate %s (%.2f)", r.Named(t.Best.ID), t.Best.Score)
		}
		fmt.Fprintln(w)
	}
	if more := r.UnansweredTopics - len(r.Unanswered); more > 0 {
		fmt.Fprintf(w, "… and %d more topics of %d questions, each asked less (--json counts them as unanswered_topics and unlisted_questions)\n", more, r.UnlistedQuestions)
	}
	section("Most asked", len(r.Asked) == 0)
	for _, q := range r.Asked {
		mentions := ""
		if q.Mentions > 0 {
			mentions = fmt.Sprintf(" (%d with no article about it)", q.Mentions)
		}
		fmt.Fprintf(w, "%d× %q: card %d, list %d%s, rule %d, nothing %d", q.Count, q.Text, q.Card, q.List, mentions, q.Rule, q.NoMatch)
		if q.Other > 0 { // a number, an opt-in, 更多: none of the four
			fmt.Fprintf(w, ", other %d (last: %s)", q.Other, q.LastOutcome)
		}
		fmt.Fprintln(w)
	}
	section("By day", len(r.Days) == 0)
	if len(r.Days) > 0 {
		fmt.Fprintln(w, "day\tquestions\tone card\tlist\trule\tnothing\tother (the daily reading turned on or off, numbers without a list)")
	}
	for _, d := range r.Days {
		fmt.Fprintf(w, "%s\t%d\t%s\n", d.Day, d.Questions, strings.Join(shares(d.Questions, d.Card, d.List, d.Rule, d.NoMatch, d.Other), "\t"))
	}
	used := func(h insights.Hits) bool { return h.Count > 0 || h.Gone }
	section("Rules and menu keys", !slices.ContainsFunc(r.Rules, used) && !slices.ContainsFunc(r.Keys, used) && len(r.NeverHit) == 0)
	for _, h := range r.Rules {
		if !used(h) {
			continue // never used, said below
		}
		gone := ""
		if h.Gone {
			gone = "\t(no longer in the config: renamed or removed)"
		}
		fmt.Fprintf(w, "rule %s\t%d%s\n", h.Name, h.Count, gone)
	}
	for _, h := range r.Keys {
		if !used(h) {
			continue
		}
		name := h.Name
		if name == "" {
			// A click event without an EventKey (a hostile run's find:
			// listed as a blank key).
			name = "(none: clicks without an EventKey)"
		}
		fmt.Fprintf(w, "menu key %s\t%d", name, h.Count)
		if slices.Contains(r.UnknownKeys, h.Name) {
			// Listed like a working key, it had hidden a menu out of date
			// (an operator run's find).
			fmt.Fprint(w, "\tno rule answers it: followers got replies.default (add it to a rule's keys, or mpbot menu push)")
		}
		fmt.Fprintln(w)
	}
	if len(r.NeverHit) > 0 {
		fmt.Fprintf(w, "never used: %s\n", strings.Join(r.NeverHit, ", "))
	}
	section("List choices", len(r.Choices) == 0)
	for _, c := range r.Choices {
		fmt.Fprintf(w, "%d× %q → item %d (%s)\n", c.Count, c.Question, c.Number, r.Named(c.Article))
	}
	section("Followers' votes (raise the article for the same question; mpbot votes clear QUESTION)", len(r.Votes) == 0 && votesKept)
	if len(r.Votes) == 0 && !votesKept {
		// Said only when there are none: serve keeps them with its key,
		// and a shell without MPBOT_INSIGHTS_KEY still reads them.
		// (A shell without the key cannot tell none kept from none given:
		// said as both, an operator run's find.)
		fmt.Fprintln(w, "none, or none kept: serve keeps votes when it has insights.key (MPBOT_INSIGHTS_KEY), which this shell does not")
	}
	for _, v := range r.Votes {
		fmt.Fprintf(w, "%q → %s: %s, +%.2f\n", v.Question, r.Named(v.Article), counted(v.Followers, "follower"), v.Boost)
	}
	section("Synonyms to consider for search.synonyms (different questions, same article)", len(r.Synonyms) == 0)
	for _, s := range r.Synonyms {
		fmt.Fprintf(w, "- [%s, %s]   # both ended at %s (%d×)\n", s.A, s.B, r.Named(s.Article), s.Count)
	}
	section("Daily push", len(r.Push) == 0)
	if len(r.Push) > 0 {
		fmt.Fprintln(w, "day\tstate\tsent\tskipped\tfailed\tunknown\tin flight\topt-outs within 24 h")
	}
	for _, p := range r.Push {
		optOuts := fmt.Sprint(p.OptOuts)
		if p.OptOuts < 0 {
			optOuts = "? (needs insights.key, MPBOT_INSIGHTS_KEY)"
		}
		if p.State == insights.Missed {
			fmt.Fprintf(w, "%s\t%s (due, and no run began: serve down past push.catch_up, or the push could not start — serve's log says why, `daily push failed`; `mpbot push --date %s` sends it once that is mended)\n", p.Day, p.State, p.Day)
			continue
		}
		state := p.State
		if p.Rehearsal {
			state += " (a rehearsal in push.mode log: sent to the outbox, it reached nobody)"
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", p.Day, state, p.Sent, p.Skipped, p.Failed, p.Unknown, p.InFlight, optOuts)
	}
	section("Subscriptions by channel (every subscribe event, also of followers who left again; followers stats counts those still following)", len(r.NewFollowers) == 0)
	for _, h := range r.NewFollowers {
		name := h.Name
		if name == "" {
			name = "(no channel)"
		}
		fmt.Fprintf(w, "%s\t%d\n", name, h.Count)
	}
	fmt.Fprintf(w, "\nLeaving: %d unfollowed; %d turned the daily reading off (退订 or the menu's button)\n", r.Unfollowed, r.OptedOut)
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// shares are the parts ns of a whole of, in whole percentages that add up
// to 100 (largest remainders): rounded one by one, a day's five shares
// could add up to 101%.
func shares(of int, ns ...int) []string {
	out := make([]string, len(ns))
	if of == 0 {
		for i := range out {
			out[i] = "-"
		}
		return out
	}
	pct := make([]int, len(ns))
	order := make([]int, len(ns))
	left := 100
	for i, n := range ns {
		pct[i], order[i] = n*100/of, i
		left -= pct[i]
	}
	// The parts the floor cut most get a point each, the larger first (and
	// the earlier of equal ones), until the whole is 100.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(ns[b]*100%of, ns[a]*100%of) })
	for _, i := range order {
		if left <= 0 {
			break
		}
		if ns[i]*100%of > 0 {
			pct[i]++
			left--
		}
	}
	for i := range out {
		out[i] = fmt.Sprintf("%d%%", pct[i])
	}
	return out
}

func (c *cli) votesCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "votes", Short: "Followers' choices from lists, which raise those articles for the same question"}
	var all bool
	clear := &cobra.Command{
		Use:   "clear QUESTION | --all",
		Short: "Forget the votes on QUESTION (as matched: trimmed of punctuation), or with --all every vote",
		Args:  usage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			// The question as votes keep it (bot.Asked: 华龙一号？ is
			// 华龙一号, 那个，基层治理 基层治理). An empty one (an unset
			// shell variable) must not mean every vote, nor must no
			// question at all: an operator run cleared every vote
			// asking for the command's usage.
			question := ""
			switch {
			case len(args) == 1 && all:
				return badArgs(errors.New("give QUESTION or --all, not both"))
			case len(args) == 1:
				if question = bot.Asked(args[0]); question == "" {
					return badArgs(fmt.Errorf("QUESTION %q is empty once trimmed; to clear every vote, give --all", args[0]))
				}
			case !all:
				return badArgs(errors.New("give the QUESTION whose votes to forget, or --all to forget every vote"))
			}
			a, err := c.openRecorded(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			n, err := a.store.ClearVotes(cmd.Context(), question)
			if err != nil {
				return err
			}
			if n == 0 && question != "" {
				// A question mistyped read as done (an operator run's find).
				return fmt.Errorf("no votes on %q: `mpbot report` lists the questions followers chose from (its Followers' votes)", question)
			}
			fmt.Fprintf(c.stdout, "cleared %s (a running serve rereads votes within a minute)\n", counted(int(n), "vote"))
			return nil
		},
	}
	clear.Flags().BoolVar(&all, "all", false, "forget every vote")
	cmd.AddCommand(clear)
	return cmd
}

// parseSince reads a --since period: days (7d), weeks (2w) or hours
// (12h). An operator's month, 1m, had been read as one minute, and the
// report of the last minute printed as the month's (a newcomer's run);
// a number without a unit is not guessed at either.
func parseSince(s string) (time.Duration, error) {
	// Counted before they are multiplied: 20000w had wrapped round to a
	// report from 2228 (a re-check's find).
	for unit, days := range map[string]int{"w": 7, "d": 1} {
		if n, ok := strings.CutSuffix(s, unit); ok {
			if k, err := strconv.Atoi(n); err == nil && k > maxSinceDays/days {
				return 0, fmt.Errorf("--since %q reaches back more than ten years: give at most %dd", s, maxSinceDays)
			}
		}
	}
	if n, ok := strings.CutSuffix(s, "w"); ok {
		if weeks, err := strconv.Atoi(n); err == nil && weeks > 0 {
			return time.Duration(weeks) * 7 * 24 * time.Hour, nil
		}
	}
	d, err := parseDays(s)
	switch {
	case strings.HasSuffix(s, "m") && err == nil:
		return 0, fmt.Errorf("--since %q is minutes: give days, weeks or hours (a month is 30d; 7d, 2w, 12h)", s)
	case err != nil || d <= 0 || d < time.Hour:
		return 0, fmt.Errorf("--since %q: give days, weeks or hours, such as 7d, 2w, 30d or 12h", s)
	case d > maxSinceDays*24*time.Hour:
		return 0, fmt.Errorf("--since %q reaches back more than ten years: give at most %dd", s, maxSinceDays)
	}
	return d, nil
}

// maxSinceDays is the longest --since: ten years.
const maxSinceDays = 3650

// mustDays is a duration of a validated config (parseDays took it).
func mustDays(s string) time.Duration {
	d, _ := parseDays(s)
	return d
}

// counted counts in English, for nouns whose plural takes an s: 1
// follower, 2 followers, 0 articles.
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
