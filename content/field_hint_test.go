package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnknownFieldSaysTheNearest: a misspelt field (summry, publishedOn,
// auther) is named with the field it was most likely meant for: the error
// had named the typo and no way out (an operator run's note). A field near
// no known one (colour) is said as before.
func TestUnknownFieldSaysTheNearest(t *testing.T) {
	in := `{"id":"a","title":"好","url":"https://x/a","summry":"一"}
{"id":"b","title":"好","url":"https://x/b","publishedOn":"2026-01-02"}
{"id":"c","title":"好","url":"https://x/c","Tags":["x"],"titel":"y"}
{"id":"d","title":"好","url":"https://x/d","colour":"red"}
{"id":"e","title":"好","url":"https://x/e","published-on":"2026-01-02"}
`
	_, errs := ReadJSONL(strings.NewReader(in), "in.jsonl")
	want := []string{`in.jsonl:1: invalid JSON: json: unknown field "summry" (did you mean "summary"?)`,
		`in.jsonl:2: invalid JSON: json: unknown field "publishedOn" (did you mean "published_on"?)`,
		`in.jsonl:3: invalid JSON: json: unknown field "titel" (did you mean "title"?)`,
		`in.jsonl:4: invalid JSON: json: unknown field "colour"`,
		`in.jsonl:5: invalid JSON: json: unknown field "published-on" (did you mean "published_on"?)`}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i := range want {
		if errs[i].Error() != want[i] {
			t.Errorf("error %d: %q, want %q", i, errs[i], want[i])
		}
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "note.md")
	if err := os.WriteFile(path, []byte("---\ntitle: 好\nauther: 张三\n---\n正文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs = ReadPaths([]string{dir}, ReadOptions{})
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), "note.md:3: front matter: unknown field auther (did you mean author?)") {
		t.Errorf("front matter: %v", errs)
	}
}
