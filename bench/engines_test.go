// Package bench compares mpbot's search with two established engines on
// the shared corpus and dev queries: bleve v2 with its CJK (bigram)
// analyzer and BM25, and SQLite FTS5 with the trigram tokenizer. It is a
// module of its own so that the product does not depend on either.
//
//	cd bench && go test -run '^$' -bench . -benchtime 1x
package bench

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"
	_ "modernc.org/sqlite"

	"mpbot/content"
	"mpbot/search"
	"mpbot/store"
)

type devQuery struct {
	text string
	want []string
}

func corpus(b *testing.B) ([]content.Article, []devQuery) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		b.Skipf("shared corpus not found: %v", err)
	}
	defer f.Close()
	arts, errs := content.ReadJSONL(f, "articles.jsonl")
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	data, err := os.ReadFile(filepath.Join(dir, "queries-dev.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	var qs []devQuery
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		parts := strings.Split(line, "\t")
		q := devQuery{text: parts[0]}
		if parts[1] != "" {
			q.want = strings.Split(parts[1], ",")
		}
		qs = append(qs, q)
	}
	return arts, qs
}

// checkHalf is the check half of mpbot's own labelled questions
// (../search/testdata/questions.tsv), split as search's quality test
// splits them: questions the ranking was never tuned on.
func checkHalf(b *testing.B) []devQuery {
	data, err := os.ReadFile(filepath.Join("..", "search", "testdata", "questions.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	var qs []devQuery
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "\t")
		h := fnv.New64a()
		h.Write([]byte("mpbot issue 12 split")) // search's questionSplitSeed
		h.Write([]byte(parts[0]))
		if h.Sum64()&1 == 0 {
			continue // the tune half
		}
		q := devQuery{text: parts[0]}
		if parts[1] != "" {
			q.want = strings.Split(parts[1], ",")
		}
		qs = append(qs, q)
	}
	return qs
}

// engine answers a query with ranked article ids; ok=false means "nothing".
type engine func(q string) []string

// report runs every dev query, timing each, and reports quality and speed.
func report(b *testing.B, name string, search engine, qs []devQuery) {
	reportAs(b, name, "", search, qs)
	reportAs(b, name+" check", "check-", search, checkHalf(b))
}

// reportAs reports one question set, its metrics' units prefixed.
func reportAs(b *testing.B, name, prefix string, search engine, qs []devQuery) {
	var hit1, rr float64
	var answerable, nomatch, quiet int
	var lat []time.Duration
	for round := 0; round < 5; round++ {
		for _, q := range qs {
			start := time.Now()
			ids := search(q.text)
			lat = append(lat, time.Since(start))
			if round > 0 {
				continue
			}
			if len(q.want) == 0 {
				nomatch++
				if len(ids) == 0 {
					quiet++
				}
				continue
			}
			answerable++
			for i, id := range ids[:min(5, len(ids))] {
				if slices.Contains(q.want, id) {
					if i == 0 {
						hit1++
					}
					rr += 1 / float64(i+1)
					break
				}
			}
		}
	}
	slices.Sort(lat)
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	b.ReportMetric(hit1/float64(answerable), prefix+"recall@1")
	b.ReportMetric(rr/float64(answerable), prefix+"MRR@5")
	b.ReportMetric(float64(quiet)/float64(nomatch), prefix+"nomatch")
	b.ReportMetric(float64(p50.Microseconds())/1000, prefix+"p50-ms")
	b.ReportMetric(float64(p99.Microseconds())/1000, prefix+"p99-ms")
	fmt.Printf("%-14s recall@1 %.3f  MRR@5 %.3f  nomatch %.3f  p50 %.3f ms  p99 %.3f ms\n", name,
		hit1/float64(answerable), rr/float64(answerable), float64(quiet)/float64(nomatch),
		float64(p50.Microseconds())/1000, float64(p99.Microseconds())/1000)
}

// BenchmarkMpbot is the product's engine, as the bot uses it: hits below
// search.min_score count as "nothing".
func BenchmarkMpbot(b *testing.B) {
	arts, qs := corpus(b)
	s, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "m.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	lib, err := search.OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := lib.Import(context.Background(), arts, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "s-index")
	lib.Index().SetSynonyms(shippedTerms(b))
	const minScore = 0.4 // search.min_score in ../config.yaml
	for i := 0; i < b.N; i++ {
		report(b, "mpbot", func(q string) []string {
			hits, _ := lib.Search(context.Background(), q, 5)
			var ids []string
			for _, h := range hits {
				if h.Score >= minScore {
					ids = append(ids, h.Article.ID)
				}
			}
			return ids
		}, qs)
	}
}

// BenchmarkBleveCJK indexes title (boosted 3×) and body with bleve's cjk
// analyzer and ranks with BM25.
func BenchmarkBleveCJK(b *testing.B) {
	arts, qs := corpus(b)
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = cjk.AnalyzerName
	m.ScoringModel = "bm25"
	ix, err := bleve.New(filepath.Join(b.TempDir(), "bleve"), m)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	batch := ix.NewBatch()
	for _, a := range arts {
		batch.Index(a.ID, map[string]string{"title": a.Title, "body": a.Summary + "\n" + a.Body})
		if batch.Size() >= 1000 {
			if err := ix.Batch(batch); err != nil {
				b.Fatal(err)
			}
			batch = ix.NewBatch()
		}
	}
	if err := ix.Batch(batch); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "s-index")
	for i := 0; i < b.N; i++ {
		report(b, "bleve", func(q string) []string {
			title := query.NewMatchQuery(q)
			title.SetField("title")
			title.SetBoost(3)
			body := query.NewMatchQuery(q)
			body.SetField("body")
			res, err := ix.Search(bleve.NewSearchRequestOptions(query.NewDisjunctionQuery([]query.Query{title, body}), 5, 0, false))
			if err != nil {
				b.Fatal(err)
			}
			var ids []string
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
			}
			return ids
		}, qs)
	}
}

// BenchmarkFTS5Trigram indexes title and body in an FTS5 table with the
// trigram tokenizer and ranks with bm25(title 3, body 1). Query chunks of
// three or more characters are OR-ed phrases; shorter chunks cannot use a
// trigram index at all.
func BenchmarkFTS5Trigram(b *testing.B) {
	arts, qs := corpus(b)
	db, err := sql.Open("sqlite", filepath.Join(b.TempDir(), "fts.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='trigram')`); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	tx, _ := db.Begin()
	for _, a := range arts {
		if _, err := tx.Exec(`INSERT INTO docs (id, title, body) VALUES (?, ?, ?)`, a.ID, a.Title, a.Summary+"\n"+a.Body); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "s-index")
	stmt, err := db.Prepare(`SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3, 1) LIMIT 5`)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		report(b, "fts5", func(q string) []string {
			var phrases []string
			for _, chunk := range strings.Fields(q) {
				if utf8.RuneCountInString(chunk) >= 3 {
					phrases = append(phrases, `"`+strings.ReplaceAll(chunk, `"`, `""`)+`"`)
				}
			}
			if len(phrases) == 0 {
				return nil
			}
			rows, err := stmt.Query(strings.Join(phrases, " OR "))
			if err != nil {
				b.Fatal(err)
			}
			defer rows.Close()
			var ids []string
			for rows.Next() {
				var id string
				rows.Scan(&id)
				ids = append(ids, id)
			}
			return ids
		}, qs)
	}
}

// shippedTerms reads search.synonyms and search.related from ../config.yaml.
func shippedTerms(b *testing.B) (synonyms, related [][]string) {
	data, err := os.ReadFile(filepath.Join("..", "config.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	var in *[][]string
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "synonyms:":
			in = &synonyms
		case t == "related:":
			in = &related
		case in != nil && strings.HasPrefix(t, "- ["):
			var g []string
			for _, m := range strings.Split(strings.Trim(t[2:], "[]"), ",") {
				g = append(g, strings.TrimSpace(m))
			}
			*in = append(*in, g)
		case in != nil && t != "" && !strings.HasPrefix(t, "#"):
			in = nil
		}
	}
	return synonyms, related
}
