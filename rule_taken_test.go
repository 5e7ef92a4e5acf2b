package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestRuleSwallowedByARuleAboveIsWarned: an operator appends a keyword
// rule at the end of replies.rules (课程, 有没有直播课, 退款, 怎么报名 → the
// teacher's WeChat id). check said ok, serve "config reloaded", the console
// listed the rule, and it never answered: the shipped human rule's pattern
// above takes every one of its keywords (转人工), and the report listed the
// new rule as never used (a newcomer's run). check names each keyword and
// the rule that takes it.
func TestRuleSwallowedByARuleAboveIsWarned(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	addRule(t, cfg, "\n    - name: course-info\n      keywords: [课程, 有没有直播课, 退款, 怎么报名]\n      reply: 课程咨询请加老师微信 lx2026。")
	code, out, errOut := runCmd(t, "check", "--config", cfg)
	if code != 0 || !strings.Contains(out, "course-info") {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
	try := shippedTry(t, cfg)
	if _, got, _ := try("课程"); !strings.Contains(got, "转人工") {
		t.Fatalf("precondition: 课程 is the human rule's on the shipped config; got %q", got)
	}
	added, human := ruleIndex(t, cfg, "course-info"), ruleIndex(t, cfg, "human")
	for _, kw := range []string{"课程", "有没有直播课", "退款", "怎么报名"} {
		if want := fmt.Sprintf(`warning: replies.rules[%d] (course-info): keyword "%s" never reaches this rule: rule human (replies.rules[%d]) answers it first`, added, kw, human); !strings.Contains(errOut, want) {
			t.Errorf("check does not say %s:\n%s", want, errOut)
		}
	}
	// The shipped config's own exact keywords all reach their rules.
	if _, _, errOut := runCmd(t, "check", "--config", writeConfig(t, t.TempDir(), "")); strings.Contains(errOut, "never reaches") {
		t.Errorf("the shipped config:\n%s", errOut)
	}
}

// TestXXFolderSaysWhatItPassedOver: a folder of notes, some typed in
// Notepad as .txt. The .txt given alone is told to import as Markdown;
// in a folder beside .md files it is passed over without a word ("read 1
// article (0 problems)", exit 0), and a folder of .txt alone is told only
// "no .jsonl, .json, .md or .html files in this folder (links to folders

// TestRuleKeywordAskingReachesItsRule: an exact keyword ending in ？
// (不想看推送了？, a rule explaining how to turn the reading off) is a question
// the switch leaves (每日一读不要了？ asks), so the follower asking it gets the
// rule's reply; check had warned that it never reaches the rule. Said
// without ？ (a voice message ends in 。) it turns the reading off: check
// says when it reaches the rule.
func TestRuleKeywordAskingReachesItsRule(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	addRule(t, cfg, "\n    - name: pause-how\n      keywords: [不想看推送了？]\n      reply: 回复「退订」即可关闭每日一读。")
	try := shippedTry(t, cfg)
	if _, got, _ := try("不想看推送了？"); !strings.Contains(got, "即可关闭每日一读") {
		t.Fatalf("不想看推送了？: want the rule's reply, got %q", got)
	}
	if _, got, _ := try("不想看推送了。"); !strings.Contains(got, "已退订") {
		t.Fatalf("不想看推送了。: want the reading turned off, got %q", got)
	}
	code, out, errOut := runCmd(t, "check", "--config", cfg)
	if code != 0 || !strings.Contains(out, "pause-how") {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
	if want := `(pause-how): keyword "不想看推送了" reaches this rule only when it is asked (ending in ？)`; !strings.Contains(errOut, want) || strings.Contains(errOut, "never reaches") {
		t.Errorf("check does not say %s alone:\n%s", want, errOut)
	}
}
