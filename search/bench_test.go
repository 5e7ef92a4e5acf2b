package search

import (
	"context"
	"fmt"
	"log/slog"
	"mpbot/content"
	"mpbot/store"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// Corpus100k repeats the shared corpus with new ids and dates until it
// holds n articles, as the benchmarks of the issue ask.
func Corpus100k(base []content.Article, n int) []content.Article {
	out := make([]content.Article, 0, n)
	for round := 0; len(out) < n; round++ {
		for _, a := range base {
			if len(out) == n {
				break
			}
			if round > 0 {
				a.ID = fmt.Sprintf("%s-r%d", a.ID, round)
				a.URL = fmt.Sprintf("%s#r%d", a.URL, round)
				if t, err := time.Parse(content.DateLayout, a.PublishedOn); err == nil {
					a.PublishedOn = t.AddDate(-5*round, 0, 0).Format(content.DateLayout)
				}
			}
			out = append(out, a)
		}
	}
	return out
}

// BenchmarkSearchCorpus measures query latency over the shared corpus
// (19,594 articles), reporting p50 and p99 over the dev queries.
func BenchmarkSearchCorpus(b *testing.B) {
	ix := buildParallel(b, loadCorpus(b))
	ix.Compact()
	ix.SetSynonyms(shippedTerms(b))
	benchQueries(b, ix)
}

// BenchmarkSearch100k is the same over 100,000 articles.
func BenchmarkSearch100k(b *testing.B) {
	s, err := store.Open(context.Background(), Store100k(b, loadCorpus(b)))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	l, err := OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	l.Index().SetSynonyms(shippedTerms(b))
	benchQueries(b, l.Index())
}

// BenchmarkSearchUncached is what a follower's question costs the search
// when no answer is kept (issue 14's uncached webhook): every question of
// ours and the dev set's in turn, over the shared corpus, each searched
// afresh as the bot does (five hits, snippets).
func BenchmarkSearchUncached(b *testing.B) {
	ix := buildParallel(b, loadCorpus(b))
	ix.Compact()
	ix.SetSynonyms(shippedTerms(b))
	ix.SetCacheSize(0)
	qs := append(loadQueries(b, "queries-dev.tsv"), loadQuestionFile(b, filepath.Join("testdata", "questions.tsv"))...)
	for _, q := range qs { // the segmenter's cut cache warm, as in a server
		ix.SearchResult(context.Background(), q.text, 5, true)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.SearchResult(context.Background(), qs[i%len(qs)].text, 5, true)
	}
}

func benchQueries(b *testing.B, ix *Index) {
	qs := loadQueries(b, "queries-dev.tsv")
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		t := time.Now()
		ix.Search(context.Background(), q.text, 5)
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e6, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e6, "p99-ms")
}

// BenchmarkImportCorpus imports the shared corpus into a fresh store, with
// its index, as `mpbot import` does.
func BenchmarkImportCorpus(b *testing.B) {
	arts := loadCorpus(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		s, err := store.Open(context.Background(), filepath.Join(dir, "m.db"))
		if err != nil {
			b.Fatal(err)
		}
		l, err := OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if _, err := l.Import(context.Background(), arts, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/import")
		b.StopTimer()
		s.Close()
	}
}

// BenchmarkOpenLibrary100k measures loading the index of a 100,000-article
// store (built once and kept in the temp dir) and the heap it takes.
func BenchmarkOpenLibrary100k(b *testing.B) {
	path := Store100k(b, loadCorpus(b))
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		s, err := store.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		l, err := OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		l.Search(context.Background(), "枫桥经验", 5)
		b.ReportMetric(time.Since(start).Seconds(), "s/open")
		runtime.GC()
		runtime.ReadMemStats(&m1)
		b.ReportMetric(float64(m1.HeapAlloc-m0.HeapAlloc)/(1<<20), "heap-MB")
		// The store keeps 99,925 of the 100,000 imported (the corpus
		// has 14 addresses twice): the index holds what the store does.
		if want, err := s.Count(context.Background()); err != nil || l.Index().Len() != want {
			b.Fatalf("index holds %d, the store %d (%v)", l.Index().Len(), want, err)
		}
		s.Close()
	}
}

// Store100k returns the path of a 100,000-article store built from base,
// building it on first use. It is kept in the temp dir across runs, named
// for the analyser version, because building takes about a minute.
func Store100k(tb testing.TB, base []content.Article) string {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("mpbot-bench-100k-v%d.db", analysisVersion))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := store.Open(context.Background(), tmp)
	if err != nil {
		tb.Fatal(err)
	}
	l, err := OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := l.Import(context.Background(), Corpus100k(base, 100_000), nil); err != nil {
		tb.Fatal(err)
	}
	if err := l.SaveSnapshot(context.Background()); err != nil {
		tb.Fatal(err)
	}
	s.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkUpdate100k measures index updates on 100,000 articles, as Sync
// makes them: one article added (a new segment, merged as the rule says)
// and one page of 1,000; reported with the median and the worst single
// update (the one whose merges cascade furthest), and the cost of merging
// everything into one segment (compaction, before a snapshot).
func BenchmarkUpdate100k(b *testing.B) {
	s, err := store.Open(context.Background(), Store100k(b, loadCorpus(b)))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	l, err := OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	ix := l.Index()
	base := loadCorpus(b)
	fresh := func(i int) *Analyzed {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("%s-u%d", a.ID, i)
		return ix.Analyze(a)
	}
	report := func(b *testing.B, lat []time.Duration) {
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	}
	b.Run("one", func(b *testing.B) {
		ans := make([]*Analyzed, b.N)
		for i := range ans {
			ans[i] = fresh(i)
		}
		lat := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			t := time.Now()
			ix.Add(ans[i])
			lat = append(lat, time.Since(t))
		}
		report(b, lat)
	})
	b.Run("page1000", func(b *testing.B) {
		pages := make([][]op, b.N)
		for i := range pages {
			for j := range 1000 {
				pages[i] = append(pages[i], op{add: fresh(1_000_000 + i*1000 + j)})
			}
		}
		lat := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			t := time.Now()
			ix.update(pages[i])
			lat = append(lat, time.Since(t))
		}
		report(b, lat)
	})
	b.Run("compact", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ix.Add(fresh(2_000_000 + i))
			b.StartTimer()
			ix.Compact()
			b.StopTimer()
		}
	})
}

// BenchmarkLatest: what 最新 (and each 更多 after it) costs the index over
// the shared corpus, imported oldest first as it is.
func BenchmarkLatest(b *testing.B) {
	ix := buildParallel(b, loadCorpus(b))
	ix.Compact()
	for _, n := range []int{5, 50} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Latest(b.Context(), n)
			}
		})
	}
}

// BenchmarkPrepareQuery prepares our questions as followers typed them: the
// part of every search, cached or not, that reads the text before it.
func BenchmarkPrepareQuery(b *testing.B) {
	qs := loadQuestionFile(b, filepath.Join("testdata", "questions.tsv"))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		prepareQuery(qs[i%len(qs)].text)
	}
}
