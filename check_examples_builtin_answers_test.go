package main

import (
	"strings"
	"testing"
)

// TestCheckDoesNotWarnOfExamplesTheBotAnswersItself: check's new warning
// of a reply's example (例如「…」) "which finds no article: a follower who
// does gets replies.no_match" asks only the keyword rules and the search.
// The bot answers many texts itself before searching: 今天推送了什么 (the
// day's reading), 往期每日一读 (the past readings), 昨天的新闻联播 (a day's
// articles), 时政热点 (the newest; the shipped help names it), 退订 (the
// push's status). A help text giving those as examples is warned of at
// every check, start and reload, though a follower sending one is answered
// (try shows it), and an operator following the warning removes good
// examples.
func TestCheckDoesNotWarnOfExamplesTheBotAnswersItself(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, `replies:
  no_match: 没有找到相关文章。可以换个说法，例如「今天推送了什么」「往期每日一读」「昨天的新闻联播」「时政热点」「退订」。
`)
	for _, q := range []string{"今天推送了什么", "往期每日一读", "昨天的新闻联播", "时政热点", "退订"} {
		// try seeds the demo articles, and shows what a follower gets.
		if _, out, _ := runCmd(t, "try", "--config", cfg, q); strings.Contains(out, "没有找到相关文章") {
			t.Fatalf("%s gets replies.no_match:\n%s", q, out)
		}
	}
	code, out, errOut := runCmd(t, "check", "--config", cfg)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
	for _, line := range strings.Split(errOut, "\n") {
		if strings.Contains(line, "finds no article") {
			t.Errorf("check warns of an example the bot answers without a search: %s", line)
		}
	}
}
