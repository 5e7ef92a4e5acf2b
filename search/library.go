package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mpbot/content"
	"mpbot/store"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Library is the article store with its search index kept in step: the
// store is the truth, the index follows it, including changes made by
// other processes (an `mpbot import` while `serve` runs).
type Library struct {
	store *store.Store
	index *Index
	log   *slog.Logger

	bodiesPaused atomic.Int64 // until when snippets are not cut from bodies (Unix ns)

	syncMu sync.Mutex
	seq    int64 // the last store change the index reflects
	saved  int64 // the change number of the last snapshot written or read
}

// OpenLibrary loads the index from the analyses kept in the store,
// analysing (and storing) any article that has none or an outdated one.
func OpenLibrary(ctx context.Context, st *store.Store, log *slog.Logger) (*Library, error) {
	seg, err := DefaultSegmenter()
	if err != nil {
		return nil, err
	}
	l := &Library{store: st, index: NewIndex(seg), log: log}
	if blob, err := st.LoadSnapshot(ctx); err != nil {
		// The snapshot only saves time: the store holds everything.
		log.Warn("index snapshot unreadable; rebuilding", "err", err)
	} else if blob != nil {
		seq, err := l.index.loadSnapshot(blob)
		if err == nil {
			l.seq, l.saved = seq, seq
			return l, l.Sync(ctx)
		}
		log.Info("index snapshot unusable (written by another version); rebuilding", "err", err)
		l.index = NewIndex(seg)
	}
	// Read the change position first: a change racing with the load is
	// then applied again by the next Sync, which is harmless.
	if l.seq, err = st.LastChange(ctx); err != nil {
		return nil, err
	}
	var stale []string
	var mu sync.Mutex
	err = l.decodeAll(ctx, func(it store.Indexed) {
		mu.Lock()
		stale = append(stale, it.Article.ID)
		mu.Unlock()
	})
	if err != nil {
		return nil, err
	}
	if len(stale) > 0 {
		log.Info("analysing articles without a current search analysis", "count", len(stale))
		for start := 0; start < len(stale); start += applyBatch {
			if err := l.reanalyseBatch(ctx, stale[start:min(start+applyBatch, len(stale))]); err != nil {
				return nil, err
			}
		}
	}
	l.index.Compact()
	if l.index.Len() > 0 {
		// Written whatever the store holds: a snapshot of this change in
		// another version's format is what made the rebuild.
		l.syncMu.Lock()
		if err := l.store.SaveSnapshot(ctx, l.seq, l.index.encodeSnapshot(l.seq)); err != nil {
			// It only saves the next start time: a full disk had kept
			// serve from starting (an ops run's find). Shutdown tries again.
			log.Warn("index snapshot not saved; the next start reads the articles again", "err", err)
		} else {
			l.saved = l.seq
		}
		l.syncMu.Unlock()
	}
	return l, nil
}

// SaveSnapshot writes the index to the store for fast start-up, if it
// changed since the last snapshot and the store holds none as recent
// (another replica's).
func (l *Library) SaveSnapshot(ctx context.Context) error {
	l.syncMu.Lock()
	defer l.syncMu.Unlock()
	if l.seq == l.saved && l.saved != 0 {
		return nil
	}
	// Encoding the index costs a second or more: not for nothing.
	if stored, err := l.store.SnapshotSeq(ctx); err == nil && stored >= l.seq && l.saved != 0 {
		l.saved = l.seq
		return nil
	}
	if _, err := l.store.SaveNewSnapshot(ctx, l.seq, l.index.encodeSnapshot(l.seq)); err != nil {
		return err
	}
	l.saved = l.seq
	return nil
}

// decodeAll streams stored analyses through decoders on every core into
// the index; articles needing a fresh analysis go to stale.
func (l *Library) decodeAll(ctx context.Context, stale func(store.Indexed)) error {
	in := make(chan store.Indexed, 256)
	out := make(chan *Analyzed, 256)
	var wg sync.WaitGroup
	var decodeErr error
	var errOnce sync.Once
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range in {
				if it.Version != analysisVersion || it.Analysis == nil {
					stale(it)
					continue
				}
				an, err := DecodeAnalysis(it.Article, it.Analysis)
				if err != nil {
					errOnce.Do(func() { decodeErr = fmt.Errorf("article %s: %w", it.Article.ID, err) })
					stale(it)
					continue
				}
				out <- an
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		// Published a batch at a time: a view per article would make the
		// load merge segments far more often.
		ops := make([]op, 0, applyBatch)
		for an := range out {
			if ops = append(ops, op{add: an}); len(ops) == applyBatch {
				l.index.update(ops)
				ops = ops[:0]
			}
		}
		if len(ops) > 0 {
			l.index.update(ops)
		}
		close(done)
	}()
	err := l.store.EachIndexed(ctx, func(it store.Indexed) error {
		in <- it
		return nil
	})
	close(in)
	wg.Wait()
	close(out)
	<-done
	if decodeErr != nil {
		l.log.Warn("stored search analysis unreadable; recomputing", "err", decodeErr)
	}
	return err
}

// applyBatch is how many analysed articles go into one index update when
// loading: each update is a new view and segment, so a bulk load goes in
// batches.
const applyBatch = 1000

// reanalyse recomputes one article's analysis from its full text and
// stores it, for the caller to index.
func (l *Library) reanalyse(ctx context.Context, id string) (*Analyzed, error) {
	a, err := l.store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	an := l.index.Analyze(a)
	if err := l.store.SetAnalysis(ctx, id, analysisVersion, an.Encode()); err != nil {
		return nil, err
	}
	return an, nil
}

// reanalyseBatch analyses the articles ids on every core, stores their
// analyses in one transaction and adds them to the index as one update.
// After an upgrade that changes the analysis, every article of the store
// goes through here before serve answers: one at a time, with a write
// each, the 19,594-article corpus took 25–26 s; so, 17–20 s (an import of
// it takes 16–18).
func (l *Library) reanalyseBatch(ctx context.Context, ids []string) error {
	articles := make([]content.Article, len(ids))
	for i, id := range ids {
		a, err := l.store.Get(ctx, id)
		if err != nil {
			return err
		}
		articles[i] = a
	}
	ops := make([]op, len(articles))
	rows := make([]store.Analysis, len(articles))
	eachParallel(len(articles), func(i int) {
		an := l.index.Analyze(articles[i])
		ops[i] = op{add: an}
		rows[i] = store.Analysis{ID: articles[i].ID, Version: analysisVersion, Data: an.Encode()}
	})
	if err := l.store.SetAnalyses(ctx, rows); err != nil {
		return err
	}
	l.index.update(ops)
	return nil
}

// Index returns the search index.
func (l *Library) Index() *Index { return l.index }

// Store returns the article store.
func (l *Library) Store() *store.Store { return l.store }

// Search implements the bot's catalog search.
// The searches work in memory: the deadline of a message's I/O (the
// webhook ends the bot's context before its reply budget) does not end
// them, as a busy first search must not fail the bot's next one (a
// review's find: a mentions list became "no match").
func (l *Library) Search(ctx context.Context, query string, n int) ([]content.Hit, error) {
	return l.index.Search(context.WithoutCancel(ctx), query, n)
}

// Mentions implements the bot's catalog mentions: articles that hold a
// one-word question no article answers surely.
func (l *Library) Mentions(ctx context.Context, query string, n int) (string, []content.Hit, error) {
	word, hits, err := l.index.Mentions(context.WithoutCancel(ctx), query, n)
	if err != nil || len(hits) == 0 || l.index.reader().v.has(word) {
		return word, hits, err
	}
	// A name no word of the index is (十八届三中全会) was found by its
	// character pairs, which a text may hold apart (十八大 and 二十届三中全会):
	// each article listed is read, and kept when its text holds the name.
	read, cancel := context.WithTimeout(ctx, bodyReadBudget)
	defer cancel()
	var held []content.Hit
	for _, h := range hits {
		a, err := l.store.Get(read, h.Article.ID)
		switch {
		case errors.Is(err, content.ErrNotFound):
			continue // removed, and not yet out of the index
		case err != nil:
			// Unread, the pairs' articles are listed as they were found
			// (a review's find: one failed read had made the list an
			// error reply).
			l.log.WarnContext(ctx, "read the articles mentioning a name: listed unread", "name", word, "err", err)
			return word, hits, nil
		}
		if strings.Contains(lower(foldText(a.Title+"\n"+a.Summary+"\n"+a.Body)), word) {
			held = append(held, h)
		}
	}
	if len(held) == 0 {
		return "", nil, nil
	}
	return word, held, nil
}

// Latest implements the bot's catalog latest articles.
func (l *Library) Latest(ctx context.Context, n int) ([]content.Hit, error) {
	return l.index.Latest(context.WithoutCancel(ctx), n)
}

// Day implements the bot's catalog articles of a day.
func (l *Library) Day(ctx context.Context, day string, n int) ([]content.Hit, error) {
	return l.index.Day(context.WithoutCancel(ctx), day, n)
}

// Topic implements the bot's catalog topic check.
func (l *Library) Topic(word string) bool { return l.index.Topic(word) }

// Aside implements the bot's catalog check of the follower's own words.
func (l *Library) Aside(word string) bool { return l.index.Aside(word) }

// Names implements the bot's catalog other names.
func (l *Library) Names(word string) []string { return l.index.Names(word) }

// Snippets implements the bot's catalog snippets, for numbered lists. The
// bodies a snippet is cut from are read within bodyReadBudget; one that
// fails (not for the caller's own deadline) makes the next bodyPause show
// summaries: a hung store held every mentions list for the reply's whole
// budget (a review's find), where snippets are worth milliseconds.
func (l *Library) Snippets(ctx context.Context, query string, hits []content.Hit) []content.Hit {
	if time.Now().UnixNano() < l.bodiesPaused.Load() {
		return l.index.Snippets(query, hits, nil)
	}
	// The budget's timer is started by the first read: most lists read
	// nothing (their titles or summaries hold the words).
	var read context.Context
	cancel := context.CancelFunc(func() {})
	defer func() { cancel() }()
	return l.index.Snippets(query, hits, func(id string) (string, error) {
		if read == nil {
			read, cancel = context.WithTimeout(ctx, bodyReadBudget)
		}
		a, err := l.store.Get(read, id)
		if err != nil && ctx.Err() == nil {
			l.bodiesPaused.Store(time.Now().Add(bodyPause).UnixNano())
			l.log.WarnContext(ctx, "read an article's body for a snippet: summaries shown for a while", "id", id, "pause", bodyPause, "err", err)
		}
		return a.Body, err
	})
}

// bodyReadBudget bounds the body reads of one list's snippets; bodyPause is
// how long summaries are shown after a read failed.
const (
	bodyReadBudget = 300 * time.Millisecond
	bodyPause      = 30 * time.Second
)

// SearchResult searches with snippets and reports any respelling.
func (l *Library) SearchResult(ctx context.Context, query string, n int) (Result, error) {
	return l.index.SearchResult(ctx, query, n, true)
}

// Get returns one article, with its body, from the store.
func (l *Library) Get(ctx context.Context, id string) (content.Article, error) {
	return l.store.Get(ctx, id)
}

// importBatch is how many articles go into one store transaction.
const importBatch = 500

// Import analyses and stores articles, in batches, and brings the index up
// to date. progress, if set, is called after each batch with the number
// done. Invalid articles are reported in their results; the rest go in.
func (l *Library) Import(ctx context.Context, articles []content.Article, progress func(done int)) ([]store.UpsertResult, error) {
	results := make([]store.UpsertResult, 0, len(articles))
	for start := 0; start < len(articles); start += importBatch {
		batch := articles[start:min(start+importBatch, len(articles))]
		items := make([]store.Upsert, len(batch))
		for i, a := range batch {
			items[i].Article = a
		}
		same, err := l.store.Unchanged(ctx, batch)
		if err != nil {
			return results, err
		}
		l.analyseParallel(batch, func(i int) bool { return !same[i] }, func(i int, an *Analyzed) {
			items[i].Analysis, items[i].Version = an.Encode(), analysisVersion
		})
		res, err := l.store.UpsertBatch(ctx, items)
		if err != nil {
			return results, err
		}
		results = append(results, res...)
		if progress != nil {
			progress(len(results))
		}
	}
	return results, l.Sync(ctx)
}

// analyseParallel runs Analyze over the articles wanted (all when want is
// nil) on every core.
func (l *Library) analyseParallel(articles []content.Article, want func(i int) bool, done func(i int, an *Analyzed)) {
	eachParallel(len(articles), func(i int) {
		if (want == nil || want(i)) && articles[i].Validate() == nil { // the store reports the others
			if h := l.index.hooks.analyse; h != nil {
				h(articles[i].ID)
			}
			done(i, l.index.Analyze(articles[i]))
		}
	})
}

// eachParallel calls fn for each of 0 … n-1 on every core, and returns when
// all calls have.
func eachParallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// Delete removes an article from the store and the index.
func (l *Library) Delete(ctx context.Context, id string) error {
	if err := l.store.Delete(ctx, id); err != nil {
		return err
	}
	return l.Sync(ctx)
}

// Sync applies the store's changes since the last Sync to the index, each
// page of the change log as one update. Searches go on, on the index as it
// was, until the update is published.
func (l *Library) Sync(ctx context.Context) error {
	l.syncMu.Lock()
	defer l.syncMu.Unlock()
	for pages := 0; ; pages++ {
		// A page has a deadline: a store that hangs (its connections
		// open, nothing answering) is a failed sync, logged and retried,
		// not one that waits for ever without a word (a fleet run's find).
		pctx, cancel := context.WithTimeout(ctx, syncPageTimeout)
		more, err := l.syncPage(ctx, pctx)
		cancel()
		if err == nil && !more && pages == 0 {
			// Quiet: the removals and replacements of the last burst are
			// merged out, once, as a restart would have them (a removal
			// arriving in several syncs had left its last pages' articles
			// weighing in answers: an operator re-check's find).
			l.index.settle()
		}
		if err != nil || !more {
			return err
		}
	}
}

// syncPageTimeout bounds reading one page of changes.
var syncPageTimeout = 30 * time.Second

// syncPage applies one page of the store's changes (up to applyBatch),
// read within pctx, and reports whether there was one; ctx is the sync's
// own, whose end drops the page.
func (l *Library) syncPage(ctx, pctx context.Context) (bool, error) {
	changes, err := l.store.Changes(pctx, l.seq, applyBatch)
	if err != nil || len(changes) == 0 {
		return false, err
	}
	ops := make([]op, 0, len(changes))
	from := l.seq
	for _, c := range changes {
		// A shutdown does not wait for the page: nothing of it goes
		// in, and the next start (or Sync) replays it from the log.
		if err := ctx.Err(); err != nil {
			l.seq = from
			return false, err
		}
		o, skip, err := l.change(pctx, c)
		if err != nil {
			// What was read so far goes in; the rest is retried from
			// here by the next Sync.
			l.index.update(ops)
			return false, err
		}
		if !skip {
			ops = append(ops, o)
		}
		l.seq = c.Seq
	}
	l.index.update(ops)
	return true, nil
}

// change reads what one logged change does to the index.
func (l *Library) change(ctx context.Context, c store.Change) (o op, skip bool, err error) {
	if c.Deleted {
		return op{remove: c.ArticleID}, false, nil
	}
	it, err := l.store.GetIndexed(ctx, c.ArticleID)
	if err != nil {
		if errors.Is(err, content.ErrNotFound) { // deleted again since; a later change says so
			return op{}, true, nil
		}
		return op{}, false, err
	}
	if it.Version == analysisVersion && it.Analysis != nil {
		if an, err := DecodeAnalysis(it.Article, it.Analysis); err == nil {
			return op{add: an}, false, nil
		}
	}
	an, err := l.reanalyse(ctx, c.ArticleID)
	if err != nil {
		if errors.Is(err, content.ErrNotFound) {
			return op{}, true, nil
		}
		return op{}, false, err
	}
	return op{add: an}, false, nil
}

// Watch keeps the index in step with the store until ctx ends, checking
// every interval.
func (l *Library) Watch(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	var failing outage
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			err := l.Sync(ctx)
			switch {
			case ctx.Err() != nil:
			case err != nil:
				if n, ok := failing.failed(time.Now()); ok {
					l.log.Error("search index sync failed; will retry", "err", err, "failures", n)
				}
			default:
				if n := failing.over(); n > 0 {
					l.log.Info("search index sync works again", "failures", n)
				}
			}
		}
	}
}

// outage counts a task's failures in a row, so that a store down for a
// minute is one error line a minute (it was two a second a replica, and no
// line said when it came back).
type outage struct {
	n      int
	logged time.Time
}

// failed counts a failure at now and reports whether to log it: the first,
// then one a minute.
func (o *outage) failed(now time.Time) (int, bool) {
	o.n++
	if o.n == 1 || now.Sub(o.logged) >= time.Minute {
		o.logged = now
		return o.n, true
	}
	return o.n, false
}

// over ends an outage, returning how many failures it had.
func (o *outage) over() int {
	n := o.n
	*o = outage{}
	return n
}

// Seed imports articles into a store that never held one and reports how
// many it added; a store that holds anything, or was emptied, is left
// alone. (serve fills a fresh store with the demo articles this way.)
func (l *Library) Seed(ctx context.Context, articles []content.Article) (int, error) {
	n, err := l.store.Count(ctx)
	if err != nil || n > 0 {
		return 0, err
	}
	// A store emptied on purpose (articles rm) has a change log: it stays
	// empty, rather than get the demo articles back at the next start.
	if last, err := l.store.LastChange(ctx); err != nil || last > 0 {
		return 0, err
	}
	res, err := l.Import(ctx, articles, nil)
	if err != nil {
		return 0, err
	}
	for _, r := range res {
		if r.Err != nil {
			return 0, fmt.Errorf("article %s: %w", r.Article.ID, r.Err)
		}
	}
	return len(res), nil
}
