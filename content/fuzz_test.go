package content

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"
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

// FuzzYAMLFault: whatever text fails to parse, the fault found is one of
// its lines, and a line the whole text fails at.
func FuzzYAMLFault(f *testing.F) {
	f.Add([]byte("push:\n  category: [a,\n    b]\n  reply: [R2] 已为你\n"))
	f.Add([]byte("search:\n\tmin_score: 0.4\n"))
	f.Add([]byte("tags: [a, b\nsummary: x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var n yaml.Node
		err := yaml.Unmarshal(data, &n)
		if err == nil {
			return
		}
		line, msg, _ := YAMLFault(data, err)
		if lines := bytes.Count(data, []byte("\n")) + 1; line < 0 || line > lines || msg == "" {
			t.Fatalf("fault at line %d of %d (%q) for %v", line, lines, msg, err)
		}
	})
}
