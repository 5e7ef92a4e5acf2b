package search

import (
	"bufio"
	"mpbot/content"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// corpusDir is ../shared/corpus beside the repository, or $MPBOT_CORPUS.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("MPBOT_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus")
	}
	if _, err := os.Stat(filepath.Join(dir, "articles.jsonl")); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("shared corpus missing under CI (put it in ../shared beside the repository or set MPBOT_CORPUS to an absolute path): %v", err)
		}
		tb.Skipf("shared corpus not found at %s (set MPBOT_CORPUS): %v", dir, err)
	}
	return dir
}

var corpusOnce struct {
	sync.Once
	articles []content.Article
	err      error
}

func loadCorpus(tb testing.TB) []content.Article {
	dir := corpusDir(tb)
	corpusOnce.Do(func() {
		f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
		if err != nil {
			corpusOnce.err = err
			return
		}
		defer f.Close()
		arts, errs := content.ReadJSONL(f, "articles.jsonl")
		if len(errs) > 0 {
			corpusOnce.err = errs[0]
		}
		corpusOnce.articles = arts
	})
	if corpusOnce.err != nil {
		tb.Fatal(corpusOnce.err)
	}
	return corpusOnce.articles
}

var corpusIndexOnce struct {
	sync.Once
	ix *Index
}

// corpusIndex is the shared corpus indexed once, with the shipped synonyms
// and related terms, for the tests that read it as followers do. A test
// that changes its synonyms puts them back before it returns.
func corpusIndex(t *testing.T) *Index {
	t.Helper()
	if testing.Short() {
		t.Skip("loads the whole corpus")
	}
	arts := loadCorpus(t)
	corpusIndexOnce.Do(func() {
		ix := buildParallel(t, arts)
		ix.SetSynonyms(shippedTerms(t))
		corpusIndexOnce.ix = ix
	})
	return corpusIndexOnce.ix
}

// buildParallel analyses on every core and adds in order.
func buildParallel(tb testing.TB, arts []content.Article) *Index {
	seg, err := DefaultSegmenter()
	if err != nil {
		tb.Fatal(err)
	}
	ix := NewIndex(seg)
	out := make([]*Analyzed, len(arts))
	(&Library{index: ix}).analyseParallel(arts, nil, func(i int, an *Analyzed) { out[i] = an })
	ops := make([]op, 0, len(out))
	for _, an := range out {
		if an != nil {
			ops = append(ops, op{add: an})
		}
	}
	ix.update(ops)
	return ix
}

// shippedTerms reads search.synonyms and search.related from the repository's config.yaml,
// so quality is measured as the product ships.
func shippedTerms(tb testing.TB) (synonyms, related [][]string) {
	b, err := os.ReadFile(filepath.Join("..", "config.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	var cfg struct {
		Search struct {
			Synonyms [][]string `yaml:"synonyms"`
			Related  [][]string `yaml:"related"`
		} `yaml:"search"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		tb.Fatal(err)
	}
	return cfg.Search.Synonyms, cfg.Search.Related
}

type devQuery struct {
	text, kind string
	want       []string
}

func loadQueries(tb testing.TB, name string) []devQuery {
	f, err := os.Open(filepath.Join(corpusDir(tb), name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []devQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 3 {
			continue
		}
		q := devQuery{text: parts[0], kind: parts[2]}
		if parts[1] != "" {
			q.want = strings.Split(parts[1], ",")
		}
		qs = append(qs, q)
	}
	return qs
}
