package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExampleAnsweredWithMentionsNotCalledNoMatch: a reply suggests
// 「新质生产力」; the store has no article about it, one that mentions it.
// A follower sending it gets "没有专门讲「新质生产力」的文章，以下文章提到了它："
// and a list, yet check, serve (start and every reload) and the console
// warn `the text suggests sending "新质生产力", which gets replies.no_match`.
// The operator is told something a follower does not see (try shows the
// list); the warning should say what the follower gets (a list of
// mentions), or not claim no_match.
func TestExampleAnsweredWithMentionsNotCalledNoMatch(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, `replies:
  no_match: 没有找到相关文章。可以换个说法，例如「新质生产力」。
`)
	article := `{"id":"lk-1","title":"低空经济发展的新机遇","summary":"低空经济是新增长引擎。","body":"低空经济是以民用航空器为主的综合性经济形态。遴选考试中，低空经济常作为新质生产力的案例出现。","url":"https://example.cn/lk/1","category":"时政热点"}` + "\n"
	file := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(file, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, file); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	_, got, _ := runCmd(t, "try", "--config", cfg, "新质生产力")
	if strings.Contains(got, "没有找到相关文章") || !strings.Contains(got, "低空经济发展的新机遇") {
		t.Skipf("a follower now gets:\n%s", got)
	}
	_, _, errOut := runCmd(t, "check", "--config", cfg)
	for _, line := range strings.Split(errOut, "\n") {
		if strings.Contains(line, `"新质生产力", which gets replies.no_match`) {
			t.Errorf("check says a follower sending it gets replies.no_match; try shows they get:\n%s\nthe warning: %s", got, line)
		}
	}
	// Still warned of, as the follower sees it: no article is about it.
	if !strings.Contains(errOut, `"新质生产力", which no article answers as asked (a follower gets a list: the articles mentioning it, or each topic's apart)`) {
		t.Errorf("check does not say the example gets only the articles mentioning it:\n%s", errOut)
	}
}
