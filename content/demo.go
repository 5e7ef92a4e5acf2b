package content

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
)

//go:embed demo/articles.jsonl
var demoArticles []byte

// DemoArticles returns the small set of articles written for mpbot's demo,
// so that `mpbot serve` answers real questions on a fresh machine.
func DemoArticles() []Article {
	list, errs := ReadJSONL(bytes.NewReader(demoArticles), "demo/articles.jsonl")
	if len(errs) > 0 {
		panic(errors.Join(errs...)) // the file is part of the binary; a test guards it
	}
	return list
}

// SeedDemo loads the demo articles into an empty library and reports how
// many it added. A library that holds anything is left alone.
func SeedDemo(ctx context.Context, l *Library) (int, error) {
	n, err := l.store.Count(ctx)
	if err != nil || n > 0 {
		return 0, err
	}
	res, err := l.Import(ctx, DemoArticles(), nil)
	if err != nil {
		return 0, err
	}
	for _, r := range res {
		if r.Err != nil {
			return 0, fmt.Errorf("demo article %s: %w", r.Article.ID, r.Err)
		}
	}
	return len(res), nil
}
