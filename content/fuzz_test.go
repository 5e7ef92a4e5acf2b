package content

import (
	"bytes"
	"testing"
)

// FuzzReadArticles: any bytes as a JSON Lines, Markdown or HTML file give
// articles or file:line errors, never a crash.
func FuzzReadArticles(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"好","url":"https://x/a"}`+"\n{bad"), byte(0))
	f.Add([]byte("---\ntitle: 标题\nurl: https://x\n---\n# 标题\n\n正文"), byte(1))
	f.Add([]byte(`<html><head><link rel="canonical" href="https://x/y"></head><body><h1>标题</h1><p>2023-06-26| 来源:某网 正文正文正文</p></body></html>`), byte(2))
	f.Fuzz(func(t *testing.T, data []byte, kind byte) {
		var arts []Article
		var errs []error
		switch kind % 3 {
		case 0:
			arts, errs = ReadJSONL(bytes.NewReader(data), "f.jsonl")
		case 1:
			arts, errs = readMarkdownFile("f.md", data, "")
		case 2:
			arts, errs = readHTMLFile("f.html", data, "")
		}
		for _, a := range arts {
			if err := a.Validate(); err != nil {
				t.Fatalf("reader returned an invalid article: %v", err)
			}
		}
		for _, e := range errs {
			if e == nil {
				t.Fatal("nil error")
			}
		}
	})
}
