package main

import (
	"strings"
	"testing"
)

// A re-check (xy14) of 84bd5a2 (a hint for misindented lines): a rule's
// keywords written as a block list at their key's column (keywords:, then
// "- 遴选" lines under it at the same indent: valid YAML, what many YAML
// tools and tutorials write) puts the next key at the column of the list's
// dashes. A fault of that key's value was then blamed on its indentation,
// "this key is at the column of the - of the list entry on line N: indent
// it 8 spaces", where 411890a gave the hint that fixes it (a value holding
// ": " needs quotes; a value starting with * or [ needs quotes). Indenting
// the key as told makes the file worse, not valid.
func TestValueFaultAfterBlockListNotBlamedOnIndent(t *testing.T) {
	old := "      keywords: [遴选, 遴选考试, 考试分析, linxuan, lingxuan]\n      keys: [EXAM_ANALYSIS]\n      reply: {type: articles, query: 遴选 考试}\n"
	list := "      keys: [EXAM_ANALYSIS]\n      keywords:\n      - 遴选\n      - 考试分析\n"
	// The block list alone is valid: no hint, no error.
	if code, _, errOut := runCmd(t, "check", "--config", shippedEdited(t, old, list+"      reply: 遴选考试分析见菜单\n")); code != 0 {
		t.Fatalf("a rule whose keywords are a block list: exit %d\n%s", code, errOut)
	}
	for _, c := range []struct{ reply, want string }{
		{"      reply: 注意: 遴选考试分析见菜单\n", `a value holding ": " needs quotes`},
		{"      reply: *重要* 遴选考试分析见菜单\n", `needs quotes`},
		{"      reply: [重要] 遴选考试分析见菜单\n", `needs quotes`},
	} {
		cfg := shippedEdited(t, old, list+c.reply)
		code, _, errOut := runCmd(t, "check", "--config", cfg)
		said := strings.ReplaceAll(errOut, cfg, "config.yaml")
		if code != 1 {
			t.Fatalf("%s: exit %d, want 1:\n%s", c.reply, code, said)
		}
		if strings.Contains(said, "indent it") || !strings.Contains(said, c.want) {
			t.Errorf("%q after a block list: want the hint %q, not one about indentation; got:\n%s", strings.TrimSpace(c.reply), c.want, said)
		}
	}
}

// A key typed with a full-width colon (keywords：) on the line after a rule's
// block text, at the column of the text's key: 411890a said `"keywords："
// has a full-width colon "：": write "keywords: "`; now "this line is
// indented less than the text above it … indent it 10 spaces", which makes
// the key a line of the help text.
func TestWideColonKeyAfterBlockTextNotBlamedOnIndent(t *testing.T) {
	old := "          · 回复「遴选」看考试分析，「人工」联系客服。\n"
	cfg := shippedEdited(t, old, old+"        keywords：[帮助]\n")
	code, _, errOut := runCmd(t, "check", "--config", cfg)
	said := strings.ReplaceAll(errOut, cfg, "config.yaml")
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, said)
	}
	if strings.Contains(said, "indent it") || !strings.Contains(said, "full-width colon") {
		t.Errorf("a key typed with a full-width colon: want it said, got:\n%s", said)
	}
}
