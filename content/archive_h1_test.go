package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArchiveWithH1EntryTitles: themes of the Twenty Eleven / Twenty Twelve
// era write each archive entry's linked title as <h1 class="entry-title">
// inside its <article>. hasArticleHeading (cfb2403, ee5928e) takes any
// <h1> inside an <article> for "a post's own page", so the <article>s are
// no longer list items and the archive of TestArchiveOfArticles, with h1
// in place of h2, is imported as an article again.
func TestArchiveWithH1EntryTitles(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "pages", "wordpress-archive.html"))
	if err != nil {
		t.Fatal(err)
	}
	h1 := strings.NewReplacer(`<h2 class="entry-title">`, `<h1 class="entry-title">`, `</a></h2>`, `</a></h1>`).Replace(string(page))
	p := filepath.Join(t.TempDir(), "archive-h1.html")
	if err := os.WriteFile(p, []byte(h1), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, errs := ReadPaths([]string{p}, ReadOptions{})
	if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "list page") {
		for _, a := range arts {
			t.Errorf("an archive whose entries' titles are <h1>s imported as an article %q: %.80q", a.Title, a.Body)
		}
		t.Errorf("errors: %v", errs)
	}
}
