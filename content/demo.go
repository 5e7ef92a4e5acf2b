package content

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
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

// SeedDemo loads the demo articles into an empty store and reports how many
// it added. A store that holds anything is left alone.
func SeedDemo(ctx context.Context, s *Store) (int, error) {
	n, err := s.Count(ctx)
	if err != nil || n > 0 {
		return 0, err
	}
	added := 0
	for _, a := range DemoArticles() {
		if _, _, err := s.Upsert(ctx, a); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}
