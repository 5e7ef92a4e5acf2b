package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An operator's first week (xy12) with mpbot on a 公务员遴选 study platform,
// following README.md as written.

// TestImportChineseQuotesNamedAsTyped: a JSON Lines line edited in WPS or
// Word gets Chinese quotation marks (“id”:“sz-007”). The import says
// `invalid character 'â' looking for beginning of object key string`: 'â'
// is the first byte of “ read as Latin-1, a character the operator's file
// does not hold, and nothing says the quotes are the problem.
func TestImportChineseQuotesNamedAsTyped(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	f := filepath.Join(dir, "new.jsonl")
	line := `{“id”:“sz-007”,“title”:“党的二十大报告学习要点”,“body”:“全面建设社会主义现代化国家。”,“url”:“https://www.lxstudy.cn/shizheng/ershida.html”}` + "\n"
	if err := os.WriteFile(f, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "import", "--config", cfg, "--dry-run", f)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, errOut)
	}
	if strings.Contains(errOut, "'â'") || !strings.Contains(errOut, "“") {
		t.Errorf("a line with Chinese quotation marks should be told so (the “ as typed, and that JSON needs \"), got:\n%s", errOut)
	}
}

// TestCheckSaysMisindentedLine: the operator adds a line to the welcome
// text (content: |-) with less indentation than the lines above it, or
// moves a rule's key two spaces left. `mpbot check` (and the reload's log)
// say `could not find expected ':'` and `did not find expected '-'
// indicator`: parser words that send a non-programmer looking for a colon
// (the line has one, 新增：) or a dash, where the fault is the indentation
// (a tab in the indentation is told so; this is not).
func TestCheckSaysMisindentedLine(t *testing.T) {
	for _, c := range []struct{ old, new string }{
		{"          回复「每日一读」获取今天的推荐阅读，回复「帮助」查看更多。\n",
			"          回复「每日一读」获取今天的推荐阅读，回复「帮助」查看更多。\n        新增：回复「真题」看遴选笔试题型分析。\n"},
		{"    - name: help\n      keywords:", "    - name: help\n    keywords:"},
	} {
		cfg := shippedEdited(t, c.old, c.new)
		code, _, errOut := runCmd(t, "check", "--config", cfg)
		if code != 1 {
			t.Fatalf("exit %d, want 1:\n%s", code, errOut)
		}
		said := strings.ReplaceAll(errOut, cfg, "config.yaml")
		if !strings.Contains(said, "indent") {
			t.Errorf("a line indented less than its block: want the error to say the indentation is wrong, got:\n%s", said)
		}
		// keywords: [帮助, … (line 804) is closed two lines down, menu]:
		// "the [ opened on this line is not closed" sends the operator
		// after a missing ] that is there; the fault is the line's indent.
		if strings.Contains(said, "is not closed") {
			t.Errorf("the hint blames a bracket that is closed:\n%s", said)
		}
	}
}

// TestRenamedNoteSaysNoEmptyAddress: a Markdown note without url (its
// id is its file's name) saved again under another name, 公文写作.md as
// 公文写作遴选版.md. The import's note reads `note: 公文写作遴选版 has the
// same title and text as 公文写作 (at ): if that is this page at a wrong
// address, …`: an empty "(at )", and advice about a wrong address for notes
// that have none; the renamed file is what happened.
func TestRenamedNoteSaysNoEmptyAddress(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	note := "# 公文写作：遴选考试中常考的五种文种\n\n遴选笔试的公文写作题，常考通知、报告、请示、讲话稿和调研报告五种文种。\n\n## 请示\n\n请示要一文一事，不能多头主送。结尾常用“妥否，请批示”。\n"
	if code, _, errOut := runCmd(t, "import", "--config", cfg, writeNote(t, "公文写作.md", note)); code != 0 {
		t.Fatalf("first import: exit %d\n%s", code, errOut)
	}
	_, _, errOut := runCmd(t, "import", "--config", cfg, writeNote(t, "公文写作遴选版.md", note))
	if strings.Contains(errOut, "(at )") || strings.Contains(errOut, "wrong address") {
		t.Errorf("a renamed note without an address is told of an empty address:\n%s", errOut)
	}
}
