package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mpbot/store/storetest"
)

// TestStoreCopyAgainKeepsNoReadingOfARemovedArticle: README's fleet
// order (copy, `articles rm --demo` on the fleet's store, the fleet's own
// articles imported, copy again after the one-machine serve stops). The one
// machine had chosen today's reading, a demo article (as serve does when a
// follower subscribes or asks 每日一读). The second copy keeps the demo
// articles removed (fe336cb) but writes today's choice of the removed
// demo-pujiang back over the fleet's own: `push --dry-run` says
// "2026-12-06:  (demo-pujiang) by log" (no title), followers asking 每日一读
// get 今天还没有每日一读, and `mpbot push --date` says "nothing to push: no
// article of "政策理论导读" left to read" though the fleet's article of that
// category was never read: the day's push is lost. Without the second copy
// the dry run names the fleet's article.
func TestStoreCopyAgainKeepsNoReadingOfARemovedArticle(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "每日一读") // the SQLite store, with the demo articles and today's reading
	src := filepath.Join(dir, "mpbot.db")
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	if code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", src); code != 0 {
		t.Fatalf("first copy: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "articles", "rm", "--config", cfg, "--demo"); code != 0 {
		t.Fatalf("rm --demo: %d\n%s\n%s", code, out, errOut)
	}
	own := filepath.Join(dir, "own.jsonl")
	os.WriteFile(own, []byte(`{"id":"pol-1","title":"新质生产力的内涵与要求","summary":"新质生产力","body":"新质生产力是创新起主导作用的先进生产力质态。","category":"政策理论导读","published_on":"2026-11-05","url":"https://example.com/p1"}`+"\n"), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, own); code != 0 {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", src); code != 0 {
		t.Fatalf("second copy: %d\n%s\n%s", code, out, errOut)
	}
	_, out, errOut := runCmd(t, "push", "--config", cfg, "--dry-run")
	if !strings.Contains(out+errOut, "pol-1") || strings.Contains(out+errOut, "demo-") {
		t.Errorf("after the second copy, today's reading is not the fleet's article (the demo ones were removed):\n%s%s", out, errOut)
	}
}
