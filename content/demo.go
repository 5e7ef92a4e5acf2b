package content

import (
	"bytes"
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
