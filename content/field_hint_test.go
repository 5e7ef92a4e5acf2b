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
	// The line is JSON: "invalid JSON: json: unknown field" said it was not
	// (a newcomer's run), and said no field of an article.
	want := []string{`in.jsonl:1: unknown field "summry" (did you mean "summary"?)`,
		`in.jsonl:2: unknown field "publishedOn" (did you mean "published_on"?)`,
		`in.jsonl:3: unknown field "titel" (did you mean "title"?)`,
		`in.jsonl:4: unknown field "colour" (an article's fields: id, title, summary, body, url, cover, category, tags, source, author, published_on, scheduled_on)`,
		`in.jsonl:5: unknown field "published-on" (did you mean "published_on"?)`}
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

func TestOneLetterOff(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"title", "titel", true}, {"summary", "summry", true}, {"author", "auther", true}, {"tags", "tag", true},
		{"url", "urls", true}, {"title", "title", false}, {"createdat", "createdby", false}, {"title", "tilte", true},
		{"ab", "ba", true}, {"abc", "cab", false}, {"", "a", true}, {"", "", false}, {"summary", "sumary", true},
	} {
		if got := oneLetterOff(c.a, c.b); got != c.want {
			t.Errorf("oneLetterOff(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := oneLetterOff(c.b, c.a); got != c.want {
			t.Errorf("oneLetterOff(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

// TestRecheck8FieldHintNoWrongField: a field that names another thing than a
// known one (who created or updated it, who published it, related posts)
// gets no "did you mean" pointing at a date field: since 8c418ae
// created_by/createdBy → "created_at", updated_by → "updated_at",
// published_by → "published_on", and in front matter related → "created",
// created_by → "created", height → "weight".
func TestRecheck8FieldHintNoWrongField(t *testing.T) {
	in := `{"id":"a","title":"好","url":"https://x/a","created_by":"张三"}
{"id":"b","title":"好","url":"https://x/b","updated_by":"张三"}
{"id":"c","title":"好","url":"https://x/c","published_by":"人民日报"}
{"id":"d","title":"好","url":"https://x/d","createdBy":"张三"}
`
	_, errs := ReadJSONL(strings.NewReader(in), "in.jsonl")
	if len(errs) != 4 {
		t.Fatalf("errors %v", errs)
	}
	for _, err := range errs {
		if strings.Contains(err.Error(), "did you mean") {
			t.Errorf("a field of a person named as a date's misspelling: %v", err)
		}
	}
	dir := t.TempDir()
	for i, kv := range []string{"related: [a, b]", "created_by: 张三", "height: 3"} {
		p := filepath.Join(dir, "n"+string(rune('a'+i))+".md")
		if err := os.WriteFile(p, []byte("---\ntitle: 好\n"+kv+"\n---\n正文\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, errs = ReadPaths([]string{dir}, ReadOptions{})
	if len(errs) != 3 {
		t.Fatalf("errors %v", errs)
	}
	for _, err := range errs {
		if strings.Contains(err.Error(), "did you mean") {
			t.Errorf("front matter: another word named as a misspelling: %v", err)
		}
	}
}
