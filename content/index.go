package content

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
)

// Index answers searches over a fixed set of articles. It is immutable once
// built, so readers need no locks; a changed store gets a new Index.
//
// This is a deliberately plain scorer: every query unit (a Latin word, a
// number, or a pair of Han characters) is looked up in title, summary and
// body, and the score is the weighted share of units found. It gives the bot
// a normalised confidence to choose between a card, a list and no answer.
type Index struct {
	docs []indexedDoc
}

type indexedDoc struct {
	article              Article
	title, summary, body string
}

// Field weights: a unit in the title says far more about an article than
// one somewhere in its body.
const (
	weightTitle   = 1.0
	weightSummary = 0.7
	weightBody    = 0.4
)

// NewIndex builds an index over articles.
func NewIndex(articles []Article) *Index {
	ix := &Index{docs: make([]indexedDoc, len(articles))}
	for i, a := range articles {
		ix.docs[i] = indexedDoc{
			article: a,
			title:   strings.ToLower(a.Title + " " + strings.Join(a.Tags, " ")),
			summary: strings.ToLower(a.Summary),
			body:    strings.ToLower(a.Body),
		}
	}
	return ix
}

// Len reports how many articles the index holds.
func (ix *Index) Len() int { return len(ix.docs) }

// Search returns up to n articles matching query, best first.
func (ix *Index) Search(ctx context.Context, query string, n int) ([]Hit, error) {
	units := QueryUnits(query)
	if len(units) == 0 || n <= 0 {
		return nil, nil
	}
	var hits []Hit
	for i := range ix.docs {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		d := &ix.docs[i]
		var sum float64
		for _, u := range units {
			switch {
			case strings.Contains(d.title, u):
				sum += weightTitle
			case strings.Contains(d.summary, u):
				sum += weightSummary
			case strings.Contains(d.body, u):
				sum += weightBody
			}
		}
		if sum > 0 {
			hits = append(hits, Hit{Article: d.article, Score: sum / float64(len(units))})
		}
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(b.Article.PublishedOn, a.Article.PublishedOn)
	})
	if len(hits) > n {
		hits = hits[:n]
	}
	return hits, nil
}

// fillers are words followers wrap around a topic; they must not decide
// which article wins.
var fillers = []string{"是什么", "什么是", "怎么理解", "如何理解", "怎么看", "请问", "介绍一下", "一下", "什么", "怎么", "如何", "吗", "呢", "的", "了", "啊"}

// QueryUnits splits a query into the units the index matches: lower-cased
// Latin words and numbers, and Han runs cut into overlapping pairs.
func QueryUnits(query string) []string {
	q := strings.ToLower(query)
	for _, f := range fillers {
		q = strings.ReplaceAll(q, f, " ")
	}
	var units []string
	seen := map[string]bool{}
	add := func(u string) {
		if !seen[u] {
			seen[u] = true
			units = append(units, u)
		}
	}
	for _, field := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		runes := []rune(field)
		for start := 0; start < len(runes); {
			han := unicode.Is(unicode.Han, runes[start])
			end := start + 1
			for end < len(runes) && unicode.Is(unicode.Han, runes[end]) == han {
				end++
			}
			run := runes[start:end]
			switch {
			case !han || len(run) <= 2:
				add(string(run))
			default:
				for i := 0; i+1 < len(run); i++ {
					add(string(run[i : i+2]))
				}
			}
			start = end
		}
	}
	return units
}
