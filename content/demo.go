package content

import (
	"bytes"
	_ "embed"
	"errors"
	"sync"
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

// AsTheDemo reports whether a is a demo article as the demo has it: its id,
// title, summary, text and address (one edited since is the operator's).
func AsTheDemo(a Article) bool {
	demoOnce.Do(func() {
		demoByID = map[string]Article{}
		for _, d := range DemoArticles() {
			demoByID[d.ID] = d
		}
	})
	d, ok := demoByID[a.ID]
	return ok && a.Title == d.Title && a.Summary == d.Summary && a.Body == d.Body && a.URL == d.URL
}

var (
	demoOnce sync.Once
	demoByID map[string]Article
)
