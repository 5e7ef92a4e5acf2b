package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"mpbot/content"
	"mpbot/search"
	"mpbot/store"
)

func (c *cli) importCmd() *cobra.Command {
	var category, pageURL string
	var dryRun, fromAccount bool
	cmd := &cobra.Command{
		Use:   "import PATH... | --from-account",
		Short: "Import articles from JSON Lines, JSON, Markdown and HTML files, or the account's published articles",
		Long: `import reads .jsonl (one article per line), .json (one article, as articles show prints it, or
a list of them), .md (YAML front matter, then the body) and .html (saved article pages) files, and
folders of them recursively; --from-account reads the
account's published articles through the WeChat API. The same article (same id, or same url
without an id) is updated, not duplicated. Broken lines and files are reported as file:line and
the rest is imported; the exit status is 1 when anything was skipped.`,
		RunE: func(cmd *cobra.Command, paths []string) error {
			if fromAccount == (len(paths) > 0) {
				return badArgs(errors.New("give file or folder paths, or --from-account (not both)"))
			}
			for _, p := range paths {
				// A path mistyped is the command's fault, not a file's: it
				// was "skipped", exit 1, and made a store where none was.
				if _, err := os.Stat(p); err != nil {
					return usageError{fmt.Errorf("%s: %w", p, errors.Unwrap(err))}
				}
			}
			if pageURL != "" {
				if fromAccount || len(paths) > 1 || isDir(paths[0]) || strings.EqualFold(filepath.Ext(paths[0]), ".jsonl") || strings.EqualFold(filepath.Ext(paths[0]), ".json") {
					return badArgs(errors.New("--url names the address of one file; give one .html or .md file with it"))
				}
				if !content.WebURL(pageURL) { // before a store is opened or made
					return badArgs(fmt.Errorf("--url %q is not an http(s) address a phone can open", pageURL))
				}
			}
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			need := withLibrary
			if dryRun {
				need = storeOnly // nothing is indexed
				dir, err := dryRunStore(cfg, c.stderr)
				if err != nil {
					return err
				}
				if dir != "" {
					defer os.RemoveAll(dir)
					dry := *cfg
					dry.Store.Path = filepath.Join(dir, "mpbot.db")
					cfg = &dry
				}
			}
			a, err := newApp(ctx, cfg, quietLogger(c.stderr), need)
			if err != nil {
				return err
			}
			defer a.close()
			var articles []content.Article
			var problems []error
			var fetchErr error // the account's pages not fetched, after those that were
			if fromAccount {
				api, err := a.requireAPI()
				if err != nil {
					return err
				}
				articles, fetchErr = api.AllPublished(ctx, func(done, total int) {
					fmt.Fprintf(c.stderr, "fetched %d of %d published items\n", done, total)
				})
				if fetchErr != nil && len(articles) == 0 {
					return fetchErr
				}
				for i := range articles {
					// As the files' WeChat addresses are (README: every
					// one https, without chksm or #rd): the API gives
					// http://…&chksm=…#rd.
					articles[i].URL = content.ArticleURL(articles[i].URL)
				}
				fmt.Fprintf(c.stdout, "read %d published articles from the account\n", len(articles))
				if fetchErr != nil {
					// The pages fetched are imported all the same (an
					// operator run's find: 40 articles fetched were thrown
					// away when the third page met the daily quota).
					fmt.Fprintf(c.stderr, "the rest were not fetched: %v; importing the %d read, run again to fetch the rest\n", fetchErr, len(articles))
				}
			} else {
				// --category is filled in below, knowing the store.
				articles, problems = content.ReadPaths(paths, content.ReadOptions{URL: pageURL})
				// A file passed over is said, and no problem of the import.
				problems = slices.DeleteFunc(problems, func(err error) bool {
					n, ok := errors.AsType[content.Note](err)
					if ok {
						fmt.Fprintln(c.stderr, "note:", string(n))
					}
					return ok
				})
				fmt.Fprintf(c.stdout, "read %s (%s)\n", counted(len(articles), "article"), counted(len(problems), "problem"))
				for _, a := range articles {
					if a.Named != "" {
						fmt.Fprintf(c.stderr, "note: %s names its address %s; stored at --url %s\n", paths[0], a.Named, a.URL)
					}
				}
			}
			httpIDs, twice, err := keepHTTPIDs(ctx, a.store, articles)
			if err != nil {
				return err
			}
			kept, err := fillCategory(ctx, a.store, articles, strings.TrimSpace(category))
			if err != nil {
				return err
			}
			if len(kept) > 0 {
				// --category changed nothing of theirs: said (an operator
				// run's find: "unchanged 1", the flag ignored unsaid).
				fmt.Fprintf(c.stderr, "note: %s %s category, --category names that of new ones and of those stored without one (a file's own category field changes it): %s\n",
					counted(len(kept), "stored article"), map[bool]string{true: "keeps its", false: "keep their"}[len(kept) == 1], strings.Join(kept[:min(len(kept), 5)], ", ")+map[bool]string{true: ", …", false: ""}[len(kept) > 5])
			}
			started := time.Now()
			var results []store.UpsertResult
			if dryRun {
				items := make([]store.Upsert, len(articles))
				for i, a := range articles {
					items[i].Article = a
				}
				results, err = a.store.Preview(ctx, items)
			} else {
				results, err = a.library.Import(ctx, articles, importProgress(len(articles), c.stderr))
			}
			if err != nil {
				return err
			}
			if !dryRun {
				// (The demo articles read once: each read parses them.)
				if demo, _ := demoStored(ctx, a.store); len(demo) > 0 && slices.ContainsFunc(results, func(r store.UpsertResult) bool { return r.Err == nil && !slices.Contains(demo, r.Article.ID) }) {
					// serve filled the store with them first (as the
					// README's start does): they answer followers and
					// feed the daily push beside the articles imported.
					fmt.Fprintf(c.stderr, "note: the store still holds %d demo articles (example.com links) beside yours; `mpbot articles rm --demo` removes them\n", len(demo))
				}
			}
			for _, r := range results {
				if old, ok := httpIDs[r.Article.ID]; ok && r.Err == nil {
					would := ""
					if dryRun {
						would = "would be "
					}
					fmt.Fprintf(c.stderr, "note: %s was stored at %s: %s%s at %s, keeping its id (not added again)\n", r.Article.ID, old, would, r.Outcome, r.Article.URL)
				}
			}
			for _, note := range twice {
				fmt.Fprintln(c.stderr, note)
			}
			for _, r := range results {
				if old := r.Replaced; old != nil && r.Err == nil {
					// Said, for another article given a taken id: two
					// notices of one template, ids 1 of two columns'
					// exports, the first gone without a word (an operator
					// run's find). A rewrite under its id is one too.
					gone := "is gone"
					if dryRun {
						gone = "would be gone"
					}
					fmt.Fprintf(c.stderr, "note: %s was %q at %s; now %q at %s: if these are two articles, the first %s (give this one an id of its own and import the first again)\n",
						r.Article.ID, old.Title, old.URL, r.Article.Title, r.Article.URL, gone)
				}
			}
			if err := sameTextNotes(ctx, c.stderr, a.store, results); err != nil {
				return err
			}
			if err := scheduleNotes(ctx, c.stderr, a.store, results, cfg.today(time.Now()), cfg.Push.Category); err != nil {
				return err
			}
			if err := reportImport(c.stdout, c.stderr, results, problems, dryRun, time.Since(started)); err != nil || fetchErr == nil {
				return err
			}
			return fmt.Errorf("not every published article was read: %w", fetchErr)
		},
	}
	cmd.Flags().StringVar(&category, "category", "", "category (栏目) for articles that name none and are new or stored without one")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list what would be added and updated; write nothing")
	cmd.Flags().StringVar(&pageURL, "url", "", "the address of the one .html or .md file given (in place of one the file names)")
	cmd.Flags().BoolVar(&fromAccount, "from-account", false, "import the account's published articles (freepublish/batchget)")
	return cmd
}

// fillCategory gives category to the articles that name none and are new,
// or stored without one: an article stored with a category keeps it, as
// one imported again without a category does without --category (an
// operator run's find: a 时政热点 item imported again from a line naming
// none, with --category 政策理论导读, was moved into the daily reading's
// pool). An article without an id is the one stored at its address, as
// the import takes it: the store's Preview names it, for all of them in
// one transaction it rolls back. (Listing the store to find them read
// every stored article's text: importing one page with --category into a
// store of 19.6k articles took 0.79 s and 110 MB, not 0.13 s and 45 MB;
// it is done only for an import of a good part of the store's count, as
// is reading the stored articles of one with ids.)
func fillCategory(ctx context.Context, st *store.Store, articles []content.Article, category string) (kept []string, err error) {
	if category == "" {
		return nil, nil
	}
	var items []store.Upsert
	var at []int
	asked := 0 // articles naming no category, whose stored one is looked up
	for i, a := range articles {
		if a.Category != "" {
			continue
		}
		asked++
		if a.ID == "" && a.URL != "" {
			items = append(items, store.Upsert{Article: a})
			at = append(at, i)
		}
	}
	if asked == 0 {
		return nil, nil
	}
	stored, err := st.Count(ctx)
	if err != nil {
		return nil, err
	}
	storedID := make([]string, len(articles)) // the id an article without one has in the store
	// storedCategory is the category an article of the import has in the
	// store, and whether it is stored.
	var storedCategory func(id string) (string, bool, error)
	if asked*4 > stored {
		// A good part of the store's count: one read of the store costs
		// less than a Preview or a Get of each (19.6k lines without ids,
		// into a store of as many, took 8.0 s that way, 3.3 s this way).
		all, err := st.List(ctx, store.Filter{})
		if err != nil {
			return nil, err
		}
		byURL := make(map[string]string, len(all)) // address → id
		byID := make(map[string]string, len(all))  // id → category
		for _, o := range all {
			if _, ok := byURL[o.URL]; !ok && o.URL != "" {
				byURL[o.URL] = o.ID
			}
			byID[o.ID] = o.Category
		}
		for _, i := range at {
			storedID[i] = byURL[articles[i].URL]
		}
		storedCategory = func(id string) (string, bool, error) {
			c, ok := byID[id]
			return c, ok, nil
		}
	} else {
		if len(items) > 0 {
			results, err := st.Preview(ctx, items)
			if err != nil {
				return nil, err
			}
			for j, r := range results {
				if r.Err == nil && r.Outcome != store.Added {
					storedID[at[j]] = r.Article.ID
				}
			}
		}
		storedCategory = func(id string) (string, bool, error) {
			old, err := st.Get(ctx, id)
			if errors.Is(err, content.ErrNotFound) {
				return "", false, nil
			}
			return old.Category, err == nil, err
		}
	}
	for i := range articles {
		a := &articles[i]
		if a.Category != "" {
			continue
		}
		if id := cmp.Or(a.ID, storedID[i]); id != "" {
			old, ok, err := storedCategory(id)
			switch {
			case err != nil:
				return nil, err
			case ok && old != "": // (not stored: one the import adds before it)
				if old != category {
					kept = append(kept, fmt.Sprintf("%s (%s)", id, old))
				}
				continue
			}
		}
		a.Category = category
	}
	return kept, nil
}

// sameTextNotes names, for an article just added, a stored one of the same
// title and text at another address: the same page imported again at a
// corrected --url, or from a second address, had been added beside it
// without a word, and followers got a list of the same title twice
// instead of its card (an operator run's find). Asked of a few added
// articles only: each is a lookup of its title.
func sameTextNotes(ctx context.Context, w io.Writer, st *store.Store, results []store.UpsertResult) error {
	var added []content.Article
	for _, r := range results {
		if r.Err == nil && r.Outcome == store.Added {
			added = append(added, r.Article)
		}
	}
	if len(added) > maxSameTextLookups {
		return nil
	}
	for _, a := range added {
		same, err := st.List(ctx, store.Filter{Title: a.Title})
		if err != nil {
			return err
		}
		for _, b := range same {
			switch {
			case b.ID == a.ID || b.Body != a.Body:
			case b.URL == "" && a.URL == "":
				// A note without an address, its id its file's name: the
				// file renamed or copied ("(at )" and a wrong address had
				// been said of it: an operator run's find).
				fmt.Fprintf(w, "note: %s has the same title and text as %s (another file's, by its name): if the file was renamed, `mpbot articles rm %s`\n", a.ID, b.ID, b.ID)
			default:
				fmt.Fprintf(w, "note: %s has the same title and text as %s (at %s): if that is this page at a wrong address, `mpbot articles rm %s`\n", a.ID, b.ID, cmp.Or(b.URL, "no address"), b.ID)
			}
		}
	}
	return nil
}

// maxSameTextLookups bounds sameTextNotes: an import of a whole corpus is
// not one page brought in again.
const maxSameTextLookups = 50

// keepHTTPIDs gives each WeChat article of an import that has no id, and
// is stored at neither its address nor its address's id, the id of the
// one stored before at its http:// address, if any: WeChat addresses are
// read as https now (content.ArticleURL), and the id of one imported by
// its address is its address's hash, so a page stored before at http://
// came back as a second article beside it, both answering (a review's
// find). It returns, by id, the http:// addresses of those it gave ids,
// and notes of the ones stored twice already.
func keepHTTPIDs(ctx context.Context, st *store.Store, articles []content.Article) (map[string]string, []string, error) {
	var now, before []store.Upsert
	var at []int
	for i, a := range articles {
		if a.ID != "" || !strings.HasPrefix(a.URL, weChatHTTPS) {
			continue
		}
		old := a
		old.URL = "http://" + strings.TrimPrefix(a.URL, "https://")
		now = append(now, store.Upsert{Article: a})
		before = append(before, store.Upsert{Article: old})
		at = append(at, i)
	}
	if len(at) == 0 {
		return nil, nil, nil
	}
	atNow, err := st.Preview(ctx, now)
	if err != nil {
		return nil, nil, err
	}
	atBefore, err := st.Preview(ctx, before)
	if err != nil {
		return nil, nil, err
	}
	kept := map[string]string{}
	var notes []string
	for j, i := range at {
		n, b := atNow[j], atBefore[j]
		switch {
		case n.Err != nil || b.Err != nil || b.Outcome == store.Added:
		case n.Outcome != store.Added:
			if n.Article.ID != b.Article.ID {
				notes = append(notes, fmt.Sprintf("note: %s at %s is %s at %s too, stored before at its http:// address: `mpbot articles rm %s` removes the copy",
					b.Article.ID, before[j].Article.URL, n.Article.ID, articles[i].URL, b.Article.ID))
			}
		default:
			articles[i].ID = b.Article.ID
			kept[b.Article.ID] = before[j].Article.URL
		}
	}
	return kept, notes, nil
}

// weChatHTTPS begins a WeChat article's address as content.ArticleURL
// writes it.
const weChatHTTPS = "https://mp.weixin.qq.com/"

// scheduleNotes tells of articles imported with a scheduled_on their day
// will not read: a day past, which the schedule never runs, or one whose
// reading has gone out (an operator run's find: imported without a word,
// where `mpbot schedule` refuses both); or a day another article keeps: one
// chosen for it already, or, of two or more articles of category scheduled
// for it, the first by id, as the push chooses (an operator run's find: two
// articles of one file on 2026-12-09 imported without a word, and the
// second was read on 12-10 as the next unread).
func scheduleNotes(ctx context.Context, w io.Writer, st *store.Store, results []store.UpsertResult, today, category string) error {
	type keep struct{ id, why string }
	keepers := map[string]keep{} // day → the article that reads it, and why
	keeper := func(day string) (keep, error) {
		if k, ok := keepers[day]; ok {
			return k, nil
		}
		plan, err := st.PlanDaily(ctx, day, 1, category)
		if err != nil || len(plan) != 1 {
			return keep{}, err
		}
		var k keep
		switch plan[0].Why {
		case store.WhyChosen:
			k = keep{plan[0].Article.ID, "chosen for it already"}
		case store.WhyScheduled:
			k = keep{plan[0].Article.ID, "scheduled_on it too, and first by id"}
		}
		if plan[0].Why != store.WhyChosen {
			// A dry run stored nothing: the articles it read count too.
			for _, r := range results {
				if a := r.Article; r.Err == nil && a.ScheduledOn == day && a.Category == category && (k.id == "" || a.ID < k.id) {
					k = keep{a.ID, "scheduled_on it too, and first by id"}
				}
			}
		}
		keepers[day] = k
		return k, nil
	}
	// An undated article of the push's category is read before every
	// dated one (README): a class notice imported with a folder of
	// articles became the next reading and the welcome's card, said
	// nowhere (a newcomer run's find).
	// An article updated without its date too (a re-import of a file
	// that lost it: a re-check's find), unless it was read already.
	var undated []string
	for _, r := range results {
		a := r.Article
		if r.Err != nil || r.Outcome == store.Unchanged || category == "" || a.Category != category || a.PublishedOn != "" || a.ScheduledOn != "" {
			continue
		}
		if r.Outcome == store.Updated {
			if days, err := st.ReadingDays(ctx, a.ID); err != nil || len(days) > 0 {
				continue
			}
		}
		undated = append(undated, a.ID)
	}
	if len(undated) > 0 {
		ids := strings.Join(undated[:min(len(undated), 5)], ", ")
		if len(undated) > 5 {
			ids += ", …"
		}
		fmt.Fprintf(w, "note: %s of %q without a published_on (%s): undated, they are read before every dated article, the next daily readings (give them a date, or another category)\n",
			counted(len(undated), "article"), category, ids)
	}
	for _, r := range results {
		day := r.Article.ScheduledOn
		if r.Err != nil || r.Outcome == store.Unchanged || day == "" {
			continue
		}
		gone, err := st.GoneOut(ctx, day)
		if err != nil {
			return err
		}
		switch {
		case gone != "" && gone != r.Article.ID:
			fmt.Fprintf(w, "note: %s is scheduled_on %s, whose reading has gone out (%s): it is not read that day; `mpbot schedule %s DAY` chooses a day to come\n",
				r.Article.ID, day, gone, r.Article.ID)
		case gone == "" && day < today:
			fmt.Fprintf(w, "note: %s is scheduled_on %s, a day past: the schedule never runs it; `mpbot push --date %s --article %s` sends a missed day's reading\n",
				r.Article.ID, day, day, r.Article.ID)
		case gone == "" && category != "" && r.Article.Category == category:
			k, err := keeper(day)
			if err != nil {
				return err
			}
			if k.id != "" && k.id != r.Article.ID {
				fmt.Fprintf(w, "note: %s is scheduled_on %s, which %s keeps (%s): %s is not read that day, but later as an unread article; `mpbot schedule %s DAY` chooses its day\n",
					r.Article.ID, day, k.id, k.why, r.Article.ID, r.Article.ID)
			}
		}
	}
	return nil
}

// dryRunStore returns a temporary folder for a dry run's store when the
// configured SQLite store does not exist, or "": a dry run writes nothing,
// and opening the store would have created it (empty) where it was
// missing. The import is compared with an empty store in the folder.
func dryRunStore(cfg *Config, stderr io.Writer) (string, error) {
	abs, missing := cfg.Store.missing()
	if !missing {
		return "", nil
	}
	dir, err := os.MkdirTemp("", "mpbot-dry-run-")
	if err != nil {
		return "", fmt.Errorf("dry run: %w", err)
	}
	// An empty file is an empty SQLite database: newApp does not warn of
	// a store it creates.
	if err := os.WriteFile(filepath.Join(dir, "mpbot.db"), nil, 0o600); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("dry run: %w", err)
	}
	fmt.Fprintf(stderr, "no store at %s: compared with an empty store; none is created\n", abs)
	return dir, nil
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

func reportImport(stdout, stderr io.Writer, results []store.UpsertResult, problems []error, dryRun bool, took time.Duration) error {
	var added, updated, unchanged int
	would := ""
	if dryRun {
		would = "would be "
	}
	// Each article added or changed, so an operator sees the ids to use
	// (articles show, schedule) and, in a dry run, what the import would do.
	for _, r := range results {
		switch {
		case r.Err != nil:
			problems = append(problems, fmt.Errorf("%s: %w", describe(r.Article), r.Err))
		case r.Outcome == store.Added:
			added++
			fmt.Fprintf(stdout, "%sadded\t%s\t%s\n", would, r.Article.ID, r.Article.Title)
		case r.Outcome == store.Updated:
			updated++
			fmt.Fprintf(stdout, "%supdated\t%s\t%s\n", would, r.Article.ID, r.Article.Title)
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
	case a.Origin != "" && a.ID != "":
		return a.Origin + " (" + a.ID + ")"
	case a.Origin != "":
		return a.Origin
	case a.ID != "":
		return a.ID
	case a.URL != "":
		return a.URL
	}
	return fmt.Sprintf("%q", a.Title)
}

// searchHit is one result line of `mpbot search --json`.
type searchHit struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	URL     string  `json:"url"`
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet"`
	Story   string  `json:"story,omitempty"` // the headline of the roundup's item that matched
}

func (c *cli) searchCmd() *cobra.Command {
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
			if n < 1 {
				return badArgs(fmt.Errorf("-n %d: give how many hits, 1 or more", n))
			}
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			a, err := newApp(cmd.Context(), cfg, quietLogger(c.stderr), withDemo)
			if err != nil {
				return err
			}
			defer a.close()
			lib := a.library
			minScore := cfg.Search.MinScore
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
						hit := searchHit{ID: h.Article.ID, Title: h.Article.Title, URL: h.Article.URL, Score: round2(h.Score), Snippet: h.Snippet}
						if h.Story != nil {
							hit.Story = h.Story.Head
						}
						hits = append(hits, hit)
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
					return json.NewEncoder(c.stdout).Encode(hits)
				}
				if corrected != "" {
					fmt.Fprintf(c.stdout, "(searched for %s)\n", corrected)
				}
				if len(hits) == 0 {
					fmt.Fprintln(c.stdout, "no relevant articles")
				}
				for i, h := range hits {
					title := h.Title
					if h.Story != "" {
						title += " › " + h.Story
					}
					fmt.Fprintf(c.stdout, "%d. [%.2f] %s  (%s)\n   %s\n   %s\n", i+1, h.Score, title, h.ID, h.URL, h.Snippet)
				}
				return nil
			}
			sc := bufio.NewScanner(c.stdin)
			// A pasted article is one line too: read whole (search takes
			// its start), up to the size of one article.
			sc.Buffer(make([]byte, 0, 64*1024), content.MaxArticleBytes)
			out := bufio.NewWriter(c.stdout)
			defer out.Flush()
			enc := json.NewEncoder(out)
			line := 0
			for sc.Scan() {
				line++
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
			if err := sc.Err(); err != nil {
				return fmt.Errorf("stdin line %d: %w", line+1, err)
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&n, "n", "n", 5, "number of hits")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON arrays")
	cmd.Flags().BoolVar(&all, "all", false, "also show hits below search.min_score")
	return cmd
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// noArticle is the error of an article id the store does not have, with
// where the ids are: the store's own, "store: schedule nosuch on
// 2026-12-07: get article nosuch: not found", named no way to find the
// right one (an operator run's find).
func noArticle(id string) error {
	return fmt.Errorf("no article has the id %q: `mpbot articles list` lists the stored articles, each line's first field its id", id)
}

func (c *cli) articlesCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "articles", Short: "List, show and remove stored articles"}
	var category string
	var limit int
	var demo bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List articles, newest first",
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
			arts, err := a.store.List(cmd.Context(), store.Filter{Category: category, Limit: limit})
			if err != nil {
				return err
			}
			for _, a := range arts {
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\n", a.ID, a.PublishedOn, a.Category, a.Title)
			}
			if len(arts) == 0 && category != "" {
				// A category misspelt printed nothing, as one with no
				// articles would (an operator run's find).
				counts, err := a.store.Categories(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintf(c.stderr, "no articles of category %q; the store has: %s\n", category, categoriesHeld(counts))
			}
			return nil
		},
	}
	list.Flags().StringVar(&category, "category", "", "only this category")
	list.Flags().IntVarP(&limit, "n", "n", 0, "at most this many (0: all)")
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show one article as JSON",
		Args:  usage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := c.openRecorded(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			art, err := a.store.Get(cmd.Context(), args[0])
			if errors.Is(err, content.ErrNotFound) {
				return noArticle(args[0])
			}
			if err != nil {
				return err
			}
			return content.WriteJSON(c.stdout, art)
		},
	}
	rm := &cobra.Command{
		Use:   "rm ID... | --demo",
		Short: "Remove articles (a running serve drops them from search within a second)",
		Args: usage(func(cmd *cobra.Command, args []string) error {
			if demo && len(args) > 0 {
				return errors.New("--demo removes the demo articles; give ids without it")
			}
			if demo {
				return nil
			}
			return cobra.MinimumNArgs(1)(cmd, args)
		}),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			if err := storeThere(cfg); err != nil { // it made one, and found nothing to remove
				return err
			}
			a, err := newApp(cmd.Context(), cfg, quietLogger(c.stderr), withLibrary)
			if err != nil {
				return err
			}
			defer a.close()
			if demo {
				var edited []string
				if args, edited = demoStored(cmd.Context(), a.store); len(args) == 0 {
					fmt.Fprintln(c.stdout, "no demo articles in the store")
				}
				if len(edited) > 0 {
					fmt.Fprintf(c.stderr, "kept, edited since the demo (yours: `mpbot articles rm ID` removes one): %s\n", strings.Join(edited, " "))
				}
			}
			// Every id is tried: one not found had stopped the rest
			// (an operator run's find, with xargs).
			var missing []string
			for _, id := range args {
				days, err := a.store.ReadingDays(cmd.Context(), id)
				if err != nil {
					return err
				}
				if err := a.library.Delete(cmd.Context(), id); errors.Is(err, content.ErrNotFound) {
					fmt.Fprintln(c.stderr, "not found:", id)
					missing = append(missing, id)
					continue
				} else if err != nil {
					return err
				}
				fmt.Fprintln(c.stdout, "removed", id)
				if err := readingNotes(cmd.Context(), c.stderr, a.store, id, days, cfg.today(time.Now())); err != nil {
					return err
				}
			}
			if len(missing) > 0 {
				return fmt.Errorf("%d of %d articles not found: %s", len(missing), len(args), strings.Join(missing, " "))
			}
			return nil
		},
	}
	rm.Flags().BoolVar(&demo, "demo", false, "remove the demo articles serve filled a new store with")
	cmd.AddCommand(list, show, rm)
	return cmd
}

// readingNotes tells what removing article id did to the daily readings
// it was chosen for (days): followers asking for a day it went out on now
// hear there was none, and a day to come reads another (an operator run's
// find: rm said nothing of either).
func readingNotes(ctx context.Context, w io.Writer, st *store.Store, id string, days []string, today string) error {
	var out, ahead, rehearsed []string
	for _, day := range days {
		gone, err := st.GoneOut(ctx, day)
		if err != nil {
			return err
		}
		// Gone out to the outbox alone (push.mode log): a run of the day in
		// a mode that sends reads another (an operator run's find: told the
		// ledger kept what was sent, as of a day followers had).
		if only, err := st.RehearsedOnly(ctx, day); err != nil {
			return err
		} else if gone == id && only && day >= today {
			rehearsed = append(rehearsed, day)
			continue
		}
		if gone == id || day < today {
			out = append(out, day)
		} else {
			ahead = append(ahead, day)
		}
	}
	if len(out) > 0 {
		fmt.Fprintf(w, "note: %s was the daily reading of %s: followers asking for it (往期每日一读, that day's 每日一读) now hear there was none; the push ledger keeps what was sent\n",
			id, strings.Join(out, ", "))
	}
	if len(ahead) > 0 {
		fmt.Fprintf(w, "note: %s was chosen for %s: each will read another article of the category, if one is left (`mpbot push status --date DAY` shows which; `mpbot schedule ID DAY` chooses one)\n",
			id, strings.Join(ahead, ", "))
	}
	if len(rehearsed) > 0 {
		fmt.Fprintf(w, "note: %s was rehearsed in push.mode log for %s: done there; a run of the day in a mode that sends reads another article of the category\n",
			id, strings.Join(rehearsed, ", "))
	}
	return nil
}

// demoStored lists the ids of the demo articles st holds as the demo has
// them, and of those edited since: an operator's text under a demo id is
// theirs (an operator run's find: rm --demo removed an article rewritten
// through articles show and import).
func demoStored(ctx context.Context, st *store.Store) (ids, edited []string) {
	for _, d := range content.DemoArticles() {
		a, err := st.Get(ctx, d.ID)
		switch {
		case err != nil:
		case !content.AsTheDemo(a):
			edited = append(edited, d.ID)
		default:
			ids = append(ids, d.ID)
		}
	}
	return ids, edited
}

// newStoreCmd copies a one-machine SQLite store into the configured store:
// the move to PostgreSQL when one machine is no longer enough.
func (c *cli) storeCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "store", Short: "Move a store's contents"}
	var from string
	copyCmd := &cobra.Command{
		Use:   "copy --from SQLITE_FILE",
		Short: "Copy articles, followers and push records from an SQLite file into the configured store",
		Long: `Copy every article (with its search analysis), follower, daily choice, push record and
uploaded cover from an SQLite store file into the store the config names, typically
PostgreSQL (store.driver: postgres). A row the destination has already is changed to
the source's where they differ and the source's is not older, so a copy run again
(interrupted, or to catch up while the one machine still serves) brings what changed
there since, and keeps what changed later in the destination. Running replicas pick the
new and changed articles up. The source is opened read only and must be a store
of this build's schema. The query log is not copied.`,
		Args: usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			if cfg.Store.Driver == "sqlite" && sameFile(cfg.Store.Path, from) {
				return fmt.Errorf("--from %s is the configured store itself", from)
			}
			a, err := newApp(cmd.Context(), cfg, quietLogger(c.stderr), storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			dst := a.store
			src, err := store.OpenCopySource(cmd.Context(), from)
			if err != nil {
				return err
			}
			defer src.Close()
			var progress func(string, int)
			if f, ok := c.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
				progress = func(table string, n int) { fmt.Fprintf(c.stderr, "\r\033[K%s: %d", table, n) }
				defer fmt.Fprintln(c.stderr)
			}
			counts, err := dst.CopyFrom(cmd.Context(), src, progress)
			for _, table := range store.CopiedTables() {
				if n, ok := counts[table]; ok {
					fmt.Fprintf(c.stdout, "%s: %d, %d of them added or changed\n", table, n.Read, n.Written)
				}
			}
			if err != nil {
				return err
			}
			// Build and store the index snapshot once here, so the replicas'
			// first start reads it instead of each rebuilding the index.
			lib, err := search.OpenLibrary(cmd.Context(), dst, quietLogger(c.stderr))
			if err != nil {
				return err
			}
			if err := lib.SaveSnapshot(cmd.Context()); err != nil {
				return fmt.Errorf("save the search index: %w", err)
			}
			fmt.Fprintf(c.stdout, "search index saved: %d articles\n", lib.Index().Len())
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

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
