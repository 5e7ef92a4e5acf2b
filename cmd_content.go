package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"mpbot/bot/wechat"
	"mpbot/content"
)

// openStore loads the config and opens its store, for commands that need
// no search index.
func openStore(c *cobra.Command, load func(*cobra.Command) (*loaded, error)) (*loaded, *content.Store, error) {
	ld, err := load(c)
	if err != nil {
		return nil, nil, err
	}
	store, err := ld.cfg.Store.open(c.Context())
	return ld, store, err
}

// openLibrary opens the configured store and loads its search index. seed
// loads the demo articles into an empty store, as serve does.
func openLibrary(ctx context.Context, cfg *Config, log *slog.Logger, seed bool) (*content.Library, error) {
	store, err := cfg.Store.open(ctx)
	if err != nil {
		return nil, err
	}
	lib, err := content.OpenLibrary(ctx, store, log)
	if err != nil {
		store.Close()
		return nil, err
	}
	if seed {
		if _, err := content.SeedDemo(ctx, lib); err != nil {
			store.Close()
			return nil, err
		}
	}
	lib.Index().SetSynonyms(cfg.Search.Synonyms)
	return lib, nil
}

func addContentCommands(root *cobra.Command, load func(*cobra.Command) (*loaded, error), stdin io.Reader, stdout, stderr io.Writer) {
	root.AddCommand(newImportCmd(load, stdout, stderr))
	root.AddCommand(newSearchCmd(load, stdin, stdout, stderr))
	root.AddCommand(newArticlesCmd(load, stdout, stderr))
	root.AddCommand(newStoreCmd(load, stdout, stderr))
}

func newImportCmd(load func(*cobra.Command) (*loaded, error), stdout, stderr io.Writer) *cobra.Command {
	var category string
	var dryRun, fromAccount bool
	cmd := &cobra.Command{
		Use:   "import PATH... | --from-account",
		Short: "Import articles from JSON Lines, Markdown and HTML files, or the account's published articles",
		Long: `import reads .jsonl (one article per line), .md (YAML front matter, then the body) and
.html (saved article pages) files, and folders of them recursively; --from-account reads the
account's published articles through the WeChat API. The same article (same id, or same url
without an id) is updated, not duplicated. Broken lines and files are reported as file:line and
the rest is imported; the exit status is 1 when anything was skipped.`,
		RunE: func(cmd *cobra.Command, paths []string) error {
			if fromAccount == (len(paths) > 0) {
				return errors.New("give file or folder paths, or --from-account")
			}
			ld, err := load(cmd)
			if err != nil {
				return err
			}
			log := quietLogger(stderr)
			ctx := cmd.Context()
			var articles []content.Article
			var problems []error
			if fromAccount {
				articles, err = fetchPublished(ctx, ld.cfg, log, stderr)
				if err != nil {
					return err
				}
				for i := range articles {
					if articles[i].Category == "" {
						articles[i].Category = category
					}
				}
				fmt.Fprintf(stdout, "read %d published articles from the account\n", len(articles))
			} else {
				articles, problems = content.ReadPaths(paths, content.ReadOptions{Category: category})
				fmt.Fprintf(stdout, "read %d articles (%d problems)\n", len(articles), len(problems))
			}
			lib, err := openLibrary(ctx, ld.cfg, log, false)
			if err != nil {
				return err
			}
			defer lib.Store().Close()
			started := time.Now()
			var results []content.UpsertResult
			if dryRun {
				items := make([]content.Upsert, len(articles))
				for i, a := range articles {
					items[i].Article = a
				}
				results, err = lib.Store().Preview(ctx, items)
			} else {
				results, err = lib.Import(ctx, articles, importProgress(len(articles), stderr))
			}
			if err != nil {
				return err
			}
			return reportImport(stdout, stderr, results, problems, dryRun, time.Since(started))
		},
	}
	cmd.Flags().StringVar(&category, "category", "", "category (栏目) for articles that do not name one")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "report what would be added and updated; write nothing")
	cmd.Flags().BoolVar(&fromAccount, "from-account", false, "import the account's published articles (freepublish/batchget)")
	return cmd
}

// importProgress shows a bar on a terminal and occasional lines otherwise.
func importProgress(total int, stderr io.Writer) func(int) {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && total > 1000 {
		bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("importing"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		return func(done int) { bar.Set(done) }
	}
	next := 5000
	return func(done int) {
		if done >= next {
			fmt.Fprintf(stderr, "imported %d of %d\n", done, total)
			next += 5000
		}
	}
}

func reportImport(stdout, stderr io.Writer, results []content.UpsertResult, problems []error, dryRun bool, took time.Duration) error {
	var added, updated, unchanged int
	for _, r := range results {
		switch {
		case r.Err != nil:
			problems = append(problems, fmt.Errorf("%s: %w", describe(r.Article), r.Err))
		case r.Outcome == content.Added:
			added++
		case r.Outcome == content.Updated:
			updated++
		default:
			unchanged++
		}
	}
	verb := "imported"
	if dryRun {
		verb = "dry run, nothing written"
	}
	fmt.Fprintf(stdout, "%s: added %d, updated %d, unchanged %d, skipped %d (%.1fs)\n", verb, added, updated, unchanged, len(problems), took.Seconds())
	if len(problems) == 0 {
		return nil
	}
	fmt.Fprintln(stderr, "skipped:")
	for _, p := range problems {
		fmt.Fprintln(stderr, "  "+p.Error())
	}
	return exitError{1}
}

func describe(a content.Article) string {
	switch {
	case a.ID != "":
		return a.ID
	case a.URL != "":
		return a.URL
	}
	return fmt.Sprintf("%q", a.Title)
}

// fetchPublished pages through the account's published articles.
func fetchPublished(ctx context.Context, cfg *Config, log *slog.Logger, stderr io.Writer) ([]content.Article, error) {
	if cfg.WeChat.AppSecret == "" {
		return nil, errors.New("wechat.app_secret is empty: set MPBOT_WECHAT_APP_SECRET to use the WeChat API")
	}
	api := wechat.NewAPI(wechat.APIConfig{AppID: cfg.WeChat.AppID, AppSecret: string(cfg.WeChat.AppSecret),
		Base: cfg.WeChat.APIBase, StableToken: cfg.WeChat.StableToken}, log)
	var all []content.Article
	for offset := 0; ; offset += wechat.PublishedPageSize {
		page, total, err := api.Published(ctx, offset)
		if err != nil {
			return nil, fmt.Errorf("published articles at offset %d: %w", offset, err)
		}
		all = append(all, page...)
		fmt.Fprintf(stderr, "fetched %d of %d published items\n", min(offset+wechat.PublishedPageSize, total), total)
		if offset+wechat.PublishedPageSize >= total {
			return all, nil
		}
	}
}

// searchHit is one result line of `mpbot search --json`.
type searchHit struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	URL     string  `json:"url"`
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet"`
}

func newSearchCmd(load func(*cobra.Command) (*loaded, error), stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var n int
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:   "search [QUERY...]",
		Short: "Search the articles as the bot does; without QUERY, one query per line from standard input",
		Long: `search prints the ranked hits (id, title, url, score, snippet) that the bot would choose from.
It applies the bot's relevance threshold (search.min_score): a query the bot answers with
replies.no_match prints no hits ([] with --json); --all shows what fell below it. Without
QUERY it reads one query per line and prints one line per query, so a script can run many
queries in one process.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ld, err := load(cmd)
			if err != nil {
				return err
			}
			lib, err := openLibrary(cmd.Context(), ld.cfg, quietLogger(stderr), true)
			if err != nil {
				return err
			}
			defer lib.Store().Close()
			minScore := ld.cfg.Search.MinScore
			if all {
				minScore = 0
			}
			run := func(q string) ([]searchHit, string, error) {
				r, err := lib.SearchResult(cmd.Context(), q, n)
				if err != nil {
					return nil, "", err
				}
				hits := []searchHit{}
				for _, h := range r.Hits {
					if h.Score >= minScore {
						hits = append(hits, searchHit{ID: h.Article.ID, Title: h.Article.Title, URL: h.Article.URL, Score: round2(h.Score), Snippet: h.Snippet})
					}
				}
				return hits, r.Corrected, nil
			}
			if len(args) > 0 {
				hits, corrected, err := run(strings.Join(args, " "))
				if err != nil {
					return err
				}
				if asJSON {
					return json.NewEncoder(stdout).Encode(hits)
				}
				if corrected != "" {
					fmt.Fprintf(stdout, "(searched for %s)\n", corrected)
				}
				if len(hits) == 0 {
					fmt.Fprintln(stdout, "no relevant articles")
				}
				for i, h := range hits {
					fmt.Fprintf(stdout, "%d. [%.2f] %s  (%s)\n   %s\n   %s\n", i+1, h.Score, h.Title, h.ID, h.URL, h.Snippet)
				}
				return nil
			}
			sc := bufio.NewScanner(stdin)
			out := bufio.NewWriter(stdout)
			defer out.Flush()
			enc := json.NewEncoder(out)
			for sc.Scan() {
				hits, _, err := run(sc.Text())
				if err != nil {
					return err
				}
				if asJSON {
					enc.Encode(hits)
					continue
				}
				parts := []string{sc.Text()}
				for _, h := range hits {
					parts = append(parts, fmt.Sprintf("%s %.2f", h.ID, h.Score))
				}
				fmt.Fprintln(out, strings.Join(parts, "\t"))
			}
			return sc.Err()
		},
	}
	cmd.Flags().IntVarP(&n, "n", "n", 5, "number of hits")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON arrays")
	cmd.Flags().BoolVar(&all, "all", false, "also show hits below search.min_score")
	return cmd
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

func newArticlesCmd(load func(*cobra.Command) (*loaded, error), stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{Use: "articles", Short: "List, show and remove stored articles"}
	var category string
	var limit int
	open := func(c *cobra.Command) (*content.Library, error) {
		ld, err := load(c)
		if err != nil {
			return nil, err
		}
		return openLibrary(c.Context(), ld.cfg, quietLogger(stderr), false)
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List articles, newest first",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			_, store, err := openStore(c, load)
			if err != nil {
				return err
			}
			defer store.Close()
			arts, err := store.List(c.Context(), content.Filter{Category: category, Limit: limit})
			if err != nil {
				return err
			}
			for _, a := range arts {
				fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", a.ID, a.PublishedOn, a.Category, a.Title)
			}
			return nil
		},
	}
	list.Flags().StringVar(&category, "category", "", "only this category")
	list.Flags().IntVarP(&limit, "n", "n", 0, "at most this many (0: all)")
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show one article as JSON",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			_, store, err := openStore(c, load)
			if err != nil {
				return err
			}
			defer store.Close()
			a, err := store.Get(c.Context(), args[0])
			if err != nil {
				return err
			}
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(a)
		},
	}
	rm := &cobra.Command{
		Use:   "rm ID...",
		Short: "Remove articles (a running serve drops them from search within a second)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			lib, err := open(c)
			if err != nil {
				return err
			}
			defer lib.Store().Close()
			for _, id := range args {
				if err := lib.Delete(c.Context(), id); err != nil {
					return err
				}
				fmt.Fprintln(stdout, "removed", id)
			}
			return nil
		},
	}
	cmd.AddCommand(list, show, rm)
	return cmd
}

// newStoreCmd copies a one-machine SQLite store into the configured store:
// the move to PostgreSQL when one machine is no longer enough.
func newStoreCmd(load func(*cobra.Command) (*loaded, error), stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{Use: "store", Short: "Move a store's contents"}
	var from string
	copyCmd := &cobra.Command{
		Use:   "copy --from SQLITE_FILE",
		Short: "Copy articles, followers and push records from an SQLite file into the configured store",
		Long: `Copy every article (with its search analysis), follower, daily choice, push record and
uploaded cover from an SQLite store file into the store the config names, typically
PostgreSQL (store.driver: postgres). Rows the destination already has are kept, so an
interrupted copy can simply be run again. Running replicas pick the new articles up.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if _, err := os.Stat(from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			ld, dst, err := openStore(c, load)
			if err != nil {
				return err
			}
			defer dst.Close()
			if ld.cfg.Store.Driver == "sqlite" && sameFile(ld.cfg.Store.Path, from) {
				return fmt.Errorf("--from %s is the configured store itself", from)
			}
			src, err := content.Open(c.Context(), from)
			if err != nil {
				return err
			}
			defer src.Close()
			var progress func(string, int)
			if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
				progress = func(table string, n int) { fmt.Fprintf(stderr, "\r\033[K%s: %d", table, n) }
				defer fmt.Fprintln(stderr)
			}
			counts, err := dst.CopyFrom(c.Context(), src, progress)
			for _, table := range []string{"articles", "followers", "daily_readings", "push_ledger"} {
				fmt.Fprintf(stdout, "%s: %d\n", table, counts[table])
			}
			if err != nil {
				return err
			}
			// Build and store the index snapshot once here, so the replicas'
			// first start reads it instead of each rebuilding the index.
			lib, err := content.OpenLibrary(c.Context(), dst, quietLogger(stderr))
			if err != nil {
				return err
			}
			if err := lib.SaveSnapshot(c.Context()); err != nil {
				return fmt.Errorf("save the search index: %w", err)
			}
			fmt.Fprintf(stdout, "search index saved: %d articles\n", lib.Index().Len())
			return nil
		},
	}
	copyCmd.Flags().StringVar(&from, "from", "", "the SQLite store file to copy (required)")
	copyCmd.MarkFlagRequired("from")
	cmd.AddCommand(copyCmd)
	return cmd
}

func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}
