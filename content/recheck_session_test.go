package content

// A re-check's finds in this session's import changes.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnknownFieldWithAQuote: a field whose name holds a quote is cut at
// it (8ac1dfc): unknown field "a\\" where 9b5dc8d said "a\"b".
func TestUnknownFieldWithAQuote(t *testing.T) {
	_, err := decodeArticle([]byte(`{"id":"x","title":"t","url":"https://e.com/x","body":"b","a\"b":1}`))
	if err == nil || !strings.Contains(err.Error(), `a\"b`) {
		t.Errorf("error %v, want the field's whole name", err)
	}
}

// TestJSONTagsEmptyText: "tags": "" (a CMS's export of an untagged post)
// is stored as one empty tag [""], and " 两会 " with its spaces; a front
// matter's tags: "" is no tag and " 两会 " is 两会 (7316cca says JSON reads
// it as a front matter does).
func TestJSONTagsEmptyText(t *testing.T) {
	for in, want := range map[string]int{`""`: 0, `"  "`: 0, `" 两会 "`: 1} {
		a, err := decodeArticle([]byte(`{"id":"x","title":"t","url":"https://e.com/x","body":"b","tags":` + in + `}`))
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Tags) != want || (want == 1 && a.Tags[0] != "两会") {
			t.Errorf("tags %s read as %q, as a front matter reads it: %d tag(s), trimmed", in, a.Tags, want)
		}
	}
}

// TestJekyllUnpublishedPost: a Jekyll post marked published: false (a
// draft its author kept off the site) is imported without a word since
// 56c37a9 (9b5dc8d refused it as an unknown field): followers get a card on
// a draft.
func TestJekyllUnpublishedPost(t *testing.T) {
	dir := t.TempDir()
	md := "---\nlayout: post\ntitle: 草稿文章\ndate: 2026-11-20 10:00:00 +0800\npublished: false\n---\n这是一篇还没写完的草稿，不应该发布。\n"
	if err := os.WriteFile(filepath.Join(dir, "2026-11-20-draft.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(arts) > 0 && len(errs) == 0 {
		t.Errorf("published: false imported without a word: %v", arts[0].Title)
	}
}

// TestHugoDraftRefusedAsJekyllsIs: draft: true is a draft as published:
// false is, refused by name (a re-check's doubt: the one imported, the
// other refused); draft: false is passed over.
func TestHugoDraftRefusedAsJekyllsIs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: 草稿\ndraft: true\n---\n正文。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("---\ntitle: 定稿\ndraft: false\npublished: \"true\"\n---\n正文。\n"), 0o644)
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(arts) != 1 || arts[0].Title != "定稿" || len(errs) != 1 || !strings.Contains(errs[0].Error(), "a.md:3: front matter: draft: true, a draft") {
		t.Errorf("articles %+v, errors %v", arts, errs)
	}
}
