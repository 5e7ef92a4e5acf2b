package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckWarnsOfShippedExamplesWithoutArticles (a newcomer run's find):
// README's first hour says import your articles, then `mpbot articles rm
// --demo`. The shipped replies keep telling followers what to type:
// replies.no_match "例如「枫桥经验」「新质生产力」「国常会 防汛」", the help rule
// "「浦江经验」「全过程人民民主」「国常会 防汛」", the welcome "枫桥经验、中国式现代化、
// 国常会 防汛". With the demo articles gone each of those answers
// replies.no_match, which names 「枫桥经验」 again: a follower following the
// bot's own advice goes round in a circle. `mpbot check` said "ok" with no
// warning, as did serve, rm --demo and import; check warns of a rule's
// query that finds nothing, but not of the searches the replies themselves
// tell followers to send.
func TestCheckWarnsOfShippedExamplesWithoutArticles(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	own := filepath.Join(dir, "own.jsonl")
	line := `{"id":"own-1","title":"遴选公文写作：请示与报告的区别","summary":"请示一文一事，报告不得夹带请示事项。","body":"请示一文一事、事前行文；报告不得夹带请示事项。遴选考试常考两者辨析。","url":"https://example.org/own-1","category":"政策理论导读"}` + "\n"
	if err := os.WriteFile(own, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, own); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "articles", "rm", "--demo", "--config", cfg); code != 0 {
		t.Fatalf("rm --demo: exit %d\n%s%s", code, out, errOut)
	}
	if _, out, _ := runCmd(t, "try", "--config", cfg, "枫桥经验"); !strings.Contains(out, "没有找到相关文章") {
		t.Fatalf("枫桥经验 is still answered after rm --demo:\n%s", out)
	}
	code, out, errOut := runCmd(t, "check", "--config", cfg)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "枫桥经验") {
		t.Errorf("replies.no_match tells followers to send 「枫桥经验」, which now gets replies.no_match, and check does not warn:\n%s", errOut)
	}
}
