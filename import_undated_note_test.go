package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportNotesUndatedReadings: README's own folder import (--category)
// took a class notice without a date as the next daily reading, before
// every dated article, and the welcome's card: each rule is documented,
// and nothing said so (a newcomer run's find). Import now notes the new
// undated articles of the push's category; a dated one, or one of
// another category, is not noted.
func TestImportNotesUndatedReadings(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	posts := filepath.Join(dir, "posts")
	if err := os.Mkdir(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"notice.md": "# 本周直播课安排\n\n周三晚八点直播。\n",
		"dated.md":  "---\ntitle: 共同富裕的内涵\ndate: 2026-11-02\nurl: https://example.com/dated\n---\n\n正文\n",
	} {
		if err := os.WriteFile(filepath.Join(posts, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errOut := runCmd(t, "import", "--config", cfg, posts, "--category", "政策理论导读")
	if code != 0 {
		t.Fatalf("import: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, `note: 1 article of "政策理论导读" without a published_on (notice): undated`) {
		t.Errorf("import does not note the undated notice as the next reading:\n%s", errOut)
	}
	// A dated article imported again without its date is noted too.
	if err := os.WriteFile(filepath.Join(posts, "dated.md"), []byte("---\ntitle: 共同富裕的内涵\nurl: https://example.com/dated\n---\n\n正文改了\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, errOut := runCmd(t, "import", "--config", cfg, filepath.Join(posts, "dated.md"), "--category", "政策理论导读"); !strings.Contains(errOut, "without a published_on") {
		t.Errorf("an article updated without its date is not noted:\n%s", errOut)
	}
	other := filepath.Join(dir, "other.md")
	if err := os.WriteFile(other, []byte("# 课程表\n\n每周安排。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, errOut := runCmd(t, "import", "--config", cfg, other, "--category", "通知"); strings.Contains(errOut, "without a published_on") {
		t.Errorf("an undated article of another category is noted:\n%s", errOut)
	}
}
