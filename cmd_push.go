package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/jobs"
)

// newDailyPush wires the push job: the store, the senders of each mode and
// the live config. api is the process's WeChat API client (one token cache
// per process); nil makes one when there are credentials.
func newDailyPush(store *content.Store, cfg func() *Config, api *wechat.API, log *slog.Logger) *jobs.DailyPush {
	c := cfg()
	var broadcaster jobs.Broadcaster
	senders := map[string]jobs.Sender{
		jobs.ModeLog: &jobs.Outbox{Path: filepath.Join(filepath.Dir(c.Store.Path), "outbox.jsonl"), Now: time.Now},
	}
	if api == nil && c.WeChat.AppSecret != "" {
		api = wechat.NewAPI(wechat.APIConfig{AppID: c.WeChat.AppID, AppSecret: string(c.WeChat.AppSecret),
			Base: c.WeChat.APIBase, StableToken: c.WeChat.StableToken}, log)
	}
	if c.WeChat.AppSecret != "" {
		senders[jobs.ModeCustomer] = senderFunc(api.SendArticle)
		senders[jobs.ModeTemplate] = &wechat.TemplateSender{API: api, TemplateID: c.Push.TemplateID, Fields: c.Push.TemplateFields}
		broadcaster = &wechat.Broadcaster{API: api, TagID: c.Push.TagID, Covers: store, DefaultID: c.Push.DefaultThumb}
	}
	host, _ := os.Hostname()
	return &jobs.DailyPush{
		Store:       store,
		Senders:     senders,
		Broadcaster: broadcaster,
		Config: func() jobs.Config {
			c := cfg()
			return jobs.Config{Mode: c.Push.Mode, Category: c.Push.Category, Location: c.location(), QPS: c.Push.QPS, Window: 48 * time.Hour,
				PreviewOpenIDs: c.Push.PreviewOpenIDs, PreviewLead: c.Push.PreviewLead, LeaseTTL: c.Push.LeaseTTL}
		},
		Owner: fmt.Sprintf("%s/%d/%s", host, os.Getpid(), rand.Text()[:6]), // unique even for two apps in one process (tests)
		Now:   time.Now,
		Log:   log,
	}
}

type senderFunc func(ctx context.Context, openid string, a content.Article) error

func (f senderFunc) Send(ctx context.Context, openid string, a content.Article) error {
	return f(ctx, openid, a)
}

func newPushCmd(load func(*cobra.Command) (*loaded, error), stdout, stderr io.Writer) *cobra.Command {
	var day, article string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "push",
		Short: "Run the daily reading's push now (or see what it would do)",
		Long: `push chooses the day's reading and delivers it by push.mode, exactly once per follower:
deliveries are recorded before and after each API call, and a rerun sends only what is
missing. --dry-run prints the article, the mode and how many followers it would reach.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ld, err := load(c)
			if err != nil {
				return err
			}
			log := newLogger(ld.cfg.Log, stderr)
			store, err := ld.cfg.Store.open(c.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			p := newDailyPush(store, func() *Config { return ld.cfg }, nil, log)
			p.Progress = pushProgress(stderr)
			res, err := p.Run(c.Context(), jobs.RunOptions{Day: day, DryRun: dryRun, ArticleID: article})
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: %s (%s) by %s\n", res.Day, res.Article.Title, res.Article.ID, res.Mode)
			if dryRun && res.Mode == jobs.ModeBroadcast {
				fmt.Fprintf(stdout, "dry run: one mass send, %s\n", map[bool]string{true: "still to send", false: "sent already"}[res.Pending == 1])
				return nil
			}
			if dryRun {
				fmt.Fprintf(stdout, "dry run: %d followers want it and can be reached; %d not yet delivered\n", res.Recipients, res.Pending)
				return nil
			}
			fmt.Fprintf(stdout, "recipients %d, sent %d, unknown %d\n", res.Recipients, res.Sent, res.Unknown)
			printCounts(stdout, "skipped", res.Skipped)
			printCounts(stdout, "failed", res.Failed)
			if res.Stopped != "" {
				fmt.Fprintln(stdout, "stopped:", res.Stopped)
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
		Short: "Summarise a day's push from the ledger",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ld, store, err := openStore(c, load)
			if err != nil {
				return err
			}
			defer store.Close()
			d := day
			if d == "" {
				d = time.Now().In(ld.cfg.location()).Format(content.DateLayout)
			}
			sum, err := store.LedgerSummary(c.Context(), d)
			if err != nil {
				return err
			}
			run := sum.RunState
			if run == "" {
				run = "not run"
			}
			fmt.Fprintf(stdout, "%s: %s", d, run)
			if sum.RunNote != "" {
				fmt.Fprintf(stdout, " (%s)", sum.RunNote)
			}
			fmt.Fprintf(stdout, "\narticle %s\nsent %d, skipped %d, failed %d, unknown %d, in flight %d\n", sum.ArticleID,
				sum.Counts[content.Sent], sum.Counts[content.Skipped], sum.Counts[content.Failed], sum.Counts[content.Unknown], sum.Counts[content.Sending])
			printCounts(stdout, "", sum.Reasons)
			return nil
		},
	}
	status.Flags().StringVar(&day, "date", "", "the day (default today)")
	cmd.AddCommand(status)
	return cmd
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

func newScheduleCmd(load func(*cobra.Command) (*loaded, error), stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "schedule ARTICLE_ID DATE",
		Short: "Make an article the daily reading of a date",
		Args:  cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if _, err := time.Parse(content.DateLayout, args[1]); err != nil {
				return fmt.Errorf("date %q is not YYYY-MM-DD", args[1])
			}
			_, store, err := openStore(c, load)
			if err != nil {
				return err
			}
			defer store.Close()
			a, err := store.ScheduleDaily(c.Context(), args[1], args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: %s\n", args[1], strings.TrimSpace(a.Title))
			return nil
		},
	}
}

func newFollowersCmd(load func(*cobra.Command) (*loaded, error), stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{Use: "followers", Short: "Manage the follower table"}
	cmd.AddCommand(&cobra.Command{
		Use:   "sync",
		Short: "Read the account's follower list (user/get) into the follower table",
		Long: `sync pages through the follower list, 10,000 openids a page, and records each as a
follower; what is known of them (opt-out, last message) is kept. An interrupted sync can
simply be run again.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ld, err := load(c)
			if err != nil {
				return err
			}
			cfg := ld.cfg
			if cfg.WeChat.AppSecret == "" {
				return fmt.Errorf("wechat.app_secret is empty: set MPBOT_WECHAT_APP_SECRET to use the WeChat API")
			}
			log := quietLogger(stderr)
			api := wechat.NewAPI(wechat.APIConfig{AppID: cfg.WeChat.AppID, AppSecret: string(cfg.WeChat.AppSecret),
				Base: cfg.WeChat.APIBase, StableToken: cfg.WeChat.StableToken}, log)
			store, err := cfg.Store.open(c.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			next, seen, added := "", 0, 0
			for {
				page, err := api.Followers(c.Context(), next)
				if err != nil {
					return fmt.Errorf("follower list after %d of them: %w", seen, err)
				}
				n, err := store.UpsertFollowerIDs(c.Context(), page.OpenIDs)
				if err != nil {
					return err
				}
				seen, added = seen+len(page.OpenIDs), added+n
				fmt.Fprintf(stderr, "synced %d of %d followers\n", seen, page.Total)
				if page.NextOpenID == "" || len(page.OpenIDs) == 0 {
					break
				}
				next = page.NextOpenID
			}
			fmt.Fprintf(stdout, "followers: %d listed, %d new\n", seen, added)
			return nil
		},
	})
	return cmd
}
