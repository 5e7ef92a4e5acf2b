package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An operator's week with mpbot (a helper's run): config mistakes an
// operator makes by hand, each accepted silently or told at the wrong place
// before its fix.

// operatorRules is a short config's replies: the rule under test first.
func operatorRules(rule string) string {
	return "replies:\n  no_match: 没有找到。\n  rules:\n" + rule
}

// TestRegexKeywordFoldedAsTheText: a regex rule written as the
// operator types text — with the capitals of a material's name (`^PDF资料$`,
// `申论PDF`) or a Chinese comma (`^收到，谢谢老师$`) — passes `mpbot check` and
// the reload with no word, and never matches: followers' text is compared
// "full-width forms folded and letters lower-cased" (config.yaml), so
// `收到，谢谢老师` reaches the rules as `收到,谢谢老师` and `PDF资料` as
// `pdf资料`, while the pattern is folded only to simplified characters
// (謝謝 is folded, PDF and ， are not). The same keywords with match: exact
// (the default) match; check even lists the exact one as `pdf资料` and the
// regex as written. Either the pattern is folded as the text is, or check
// says it can never match.
func TestRegexKeywordFoldedAsTheText(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, operatorRules("    - name: pdf\n      match: regex\n      keywords: ['^PDF资料$', '申论PDF', '^收到，谢谢老师$']\n      reply: 资料请添加助教微信领取。\n"))
	code, _, stderr := runCmd(t, "check", "--config", cfg)
	if code != 0 && strings.Contains(stderr, "PDF") {
		return // refused, naming it: fixed
	}
	if strings.Contains(stderr, "PDF资料") && strings.Contains(stderr, "warning") {
		return // warned of: fixed
	}
	for _, text := range []string{"PDF资料", "我要申论PDF", "收到，谢谢老师"} {
		_, out, errOut := runCmd(t, "try", "--config", cfg, text)
		if !strings.Contains(out, "资料请添加助教微信领取") {
			t.Errorf("regex rule ['^PDF资料$', '申论PDF', '^收到，谢谢老师$'] passed check (exit %d, nothing said of it) and %q does not match it: got %q %s", code, text, out, errOut)
		}
	}
}

// TestRegexWordBoundaryBesideChinese: `\b申论\b`, written as
// regex tutorials teach a whole word, passes `mpbot check` and the reload
// with no word, and never matches 申论 (nor 申论真题): Go's \b is a boundary
// of ASCII word characters, and a Chinese character is none, so \b beside
// one holds only next to a Latin letter or digit. 申论 is searched instead.
// check refuses a regex that matches every message; one that can match
// (nearly) none is as silent a dead rule.
func TestRegexWordBoundaryBesideChinese(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, operatorRules("    - name: shenlun\n      match: regex\n      keywords: ['\\b申论\\b']\n      reply: 申论资料请添加助教微信领取。\n"))
	code, _, stderr := runCmd(t, "check", "--config", cfg)
	if strings.Contains(stderr, `\b`) {
		return // refused or warned of, naming it: fixed
	}
	for _, text := range []string{"申论", "申论真题"} {
		_, out, _ := runCmd(t, "try", "--config", cfg, text)
		if !strings.Contains(out, "申论资料请添加助教微信领取") {
			t.Errorf(`regex rule ['\b申论\b'] passed check (exit %d, nothing said of \b) and %q does not match it: got %q`, code, text, out)
		}
	}
}

// TestTimezoneLocalAndEtc: `push.timezone: GMT+8` is refused
// ("not a time zone such as Asia/Shanghai"); the operator looking for the
// name finds `Etc/GMT+8`, which the tz database means as UTC−8 (POSIX
// signs are inverted), and `mpbot check` takes it without a word: the
// reading goes out at 23:30 Beijing time the evening before, and the help
// tells followers 晚上11:30. `push.timezone: Local` is taken too: Go reads it
// as the machine's zone, so the same file pushes at 7:30 on a laptop in
// China and at 15:30 on a server in UTC, and check says nothing of either.
func TestTimezoneLocalAndEtc(t *testing.T) {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, zone := range []string{"Etc/GMT+8", "Local"} {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, "")
		text := strings.Replace(string(shipped), "timezone: Asia/Shanghai", "timezone: "+zone, 1)
		text = strings.Replace(text, "path: data/mpbot.db", "path: "+filepath.Join(dir, "mpbot.db"), 1)
		if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runCmd(t, "check", "--config", cfg)
		if !strings.Contains(stderr, zone) {
			t.Errorf("push.timezone: %s passes check (exit %d) with nothing said of it:\n%s", zone, code, stderr)
		}
	}
}

// TestScheduleEvery: `push.schedule: "@every 24h"`, as cron
// tutorials write "once a day", passes `mpbot check`. The cron library reads
// it as 24 hours after the process started, not a time of day: each restart
// of serve (a deploy, a reboot) moves the push, and the replies' {push_time}
// says whatever time the process started (`mpbot try 帮助` at 12:12 says
// 它每天中午12:12推送给你, a minute later 12:13). check refuses specs that
// never fire or name their own zone; this one fires at no stated time.
func TestScheduleEvery(t *testing.T) {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	text := strings.Replace(string(shipped), `schedule: "30 7 * * *"`, `schedule: "@every 24h"`, 1)
	text = strings.Replace(text, "path: data/mpbot.db", "path: "+filepath.Join(dir, "mpbot.db"), 1)
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "check", "--config", cfg)
	if !strings.Contains(stderr, "@every") {
		t.Errorf(`push.schedule: "@every 24h" passes check (exit %d) with nothing said of it`, code)
	}
}

// writeNote writes a Markdown file into a fresh folder and returns it.
func writeNote(t *testing.T, name, text string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "posts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFrontMatterKeysWithCapitals: a note exported from Hugo (whose
// front matter keys are read without case, and whose themes' archetypes
// write `Title:`, `Date:`, `Tags:`, `Categories:`) is refused whole:
// `hugo.md:2: front matter: unknown field Title; unknown field Date; …`.
// The same keys in lower case import (README: "Blog engines' fields are
// read (date for published_on, … categories for category)"), and mpbot's
// own config.yaml reads its keys without case.
func TestFrontMatterKeysWithCapitals(t *testing.T) {
	dir := writeNote(t, "hugo.md", "---\nTitle: 遴选面试技巧\nDate: 2026-11-10\nCategories: [遴选考试分析]\nTags: [面试]\n---\n\n这是正文内容，介绍遴选面试的答题技巧和注意事项。\n")
	cfg := writeConfig(t, t.TempDir(), "")
	code, out, stderr := runCmd(t, "import", dir, "--dry-run", "--config", cfg)
	if code != 0 || !strings.Contains(out, "遴选面试技巧") {
		t.Errorf("a Hugo note with Title:/Date:/Categories:/Tags: is not imported (exit %d):\n%s%s", code, out, stderr)
	}
}

// TestFrontMatterColonHintQuotesItsLine: a front matter's `summary:`
// holding ": " is refused, right, at its line, with the hint `a value
// holding ": " needs quotes (title: "学习笔记: 二十大报告")`: a fixed example
// of another key and another text, while the hint for a value starting with
// `[` quotes the line's own key and value. The operator looking at line 5,
// a summary, is told to quote a title they do not have.
func TestFrontMatterColonHintQuotesItsLine(t *testing.T) {
	dir := writeNote(t, "colon.md", "---\ntitle: 学习笔记：二十大报告中的新提法\ncategory: 政策理论导读\ndate: 2026/11/20\nsummary: 二十大报告中的新提法: 中国式现代化等\n---\n\n二十大报告提出了一系列新思想、新观点、新论断。\n")
	cfg := writeConfig(t, t.TempDir(), "")
	_, _, stderr := runCmd(t, "import", dir, "--dry-run", "--config", cfg)
	if !strings.Contains(stderr, "colon.md:5:") {
		t.Fatalf("not refused at line 5:\n%s", stderr)
	}
	if !strings.Contains(stderr, `summary: '二十大报告中的新提法: 中国式现代化等'`) {
		t.Errorf("the hint does not quote the line's own value:\n%s", stderr)
	}
}

// TestUnknownAnchorToldAtItsLine: the shipped config defines the thanks
// replies once (`replies: &thanks` in rule thanks-person) and reuses them
// (`replies: *thanks` in rule thanks). An operator who deletes the
// thanks-person rule, as one removing a rule they do not want does, gets
// `config.yaml: not valid YAML: unknown anchor 'thanks' referenced`: no
// line, where every other error names one (README: "each with the file and
// line of its key"), and nothing saying the anchor was in the rule deleted.
func TestUnknownAnchorToldAtItsLine(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "    - name: thanks-person")
	j := strings.Index(s, "    # A person asked for, alone or in a request")
	if i < 0 || j < i {
		t.Fatal("the shipped config has no thanks-person rule before human")
	}
	s = s[:i] + s[j:]
	if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	line := 0
	for n, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "*thanks") && line == 0 {
			line = n + 1 // the first alias: YAML fails there (the praise rule's, then the thanks rule's)
		}
	}
	_, err = loadConfig(cfg, true)
	if err == nil {
		t.Fatal("accepted")
	}
	if want := fmt.Sprintf("config.yaml:%d:", line); !strings.Contains(err.Error(), want) {
		t.Errorf("the unknown anchor is not told at its line (%s):\n%v", want, err)
	}
}

// TestReplyStartingWithStarSaysQuotes: a reply text opening with
// Markdown-like emphasis, `reply: *重要* 本周直播课改到周四`, or a bracketed
// label, `reply: [重要] 本周直播课改到周四`, is refused (right) as "not valid
// YAML: did not find expected alphabetic or numeric character" / "did not
// find expected key": words an operator cannot act on. A value holding ": "
// is told it needs quotes; `mpbot import` says of the same texts in a front
// matter `a value starting with "*" needs quotes`.
func TestReplyStartingWithStarSaysQuotes(t *testing.T) {
	for _, reply := range []string{"*重要* 本周直播课改到周四", "[重要] 本周直播课改到周四"} {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, operatorRules("    - name: notice\n      keywords: [通知]\n      reply: "+reply+"\n"))
		_, err := loadConfig(cfg, true)
		if err == nil {
			t.Errorf("reply: %s accepted", reply)
			continue
		}
		if !strings.Contains(err.Error(), "quote") {
			t.Errorf("reply: %s is refused without saying it needs quotes:\n%v", reply, err)
		}
	}
}

// TestRegexInDoubleQuotesSaysSingleQuotes: a regex keyword written in
// double quotes, `keywords: ["^(申论|真题)\s*资料$"]`, as most regex examples
// on the web are, is refused (right) at its line as "not valid YAML: found
// unknown escape character": not which one, nor that a regex goes in single
// quotes, as every regex of the shipped config.yaml is.
func TestRegexInDoubleQuotesSaysSingleQuotes(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, operatorRules("    - name: t1\n      match: regex\n      keywords: [\"^(申论|真题)\\s*资料$\"]\n      reply: 资料\n"))
	_, err := loadConfig(cfg, true)
	if err == nil {
		t.Fatal("accepted")
	}
	if msg := err.Error(); !strings.Contains(msg, "single quote") && !strings.Contains(msg, `\s`) && !strings.Contains(msg, "'") {
		t.Errorf("the error does not say which escape, nor to use single quotes:\n%v", err)
	}
}

// TestReplyHashtagReadAsComment: `reply: 本周直播课 #直播课# 改到周四`, a
// WeChat-style topic tag (#话题#) after a space, is read by YAML as the
// text 本周直播课 and a comment: `mpbot check` exits 0 saying nothing, the
// reload applies it, and followers get 本周直播课 alone. `mpbot import` refuses
// the same " #" in a Markdown front matter's title, at its line, with how to
// quote it (README: `每日一练 #12` had lost its `#12`); the config, where an
// operator types replies by hand, does not.
func TestReplyHashtagReadAsComment(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, operatorRules("    - name: notice\n      keywords: [通知]\n      reply: 本周直播课 #直播课# 改到周四\n"))
	code, _, stderr := runCmd(t, "check", "--config", cfg)
	if code != 0 && strings.Contains(stderr, "#") {
		return // refused, saying the comment: fixed
	}
	if strings.Contains(stderr, "warning") && strings.Contains(stderr, "#直播课#") {
		return // warned of: fixed
	}
	_, out, _ := runCmd(t, "try", "--config", cfg, "通知")
	if !strings.Contains(out, "改到周四") {
		t.Errorf("reply `本周直播课 #直播课# 改到周四` passed check (exit %d, nothing said) and followers get %q", code, out)
	}
}

// TestSceneWrittenAsListNamesItsLine: a channel's welcome written as a
// list of replies (as `replies.subscribe` is, but without `replies:`) is
// refused, right, at the line of `subscribe_scenes:`, not at the scene's own
// line: with several scenes the operator is sent to the wrong one. Other
// mistakes in a scene (`{type: text}` without content) are said at the
// scene's line.
func TestSceneWrittenAsListNamesItsLine(t *testing.T) {
	dir := t.TempDir()
	text := "replies:\n" + // 1
		"  no_match: 没有找到。\n" + // 2
		"  subscribe_scenes:\n" + // 3
		"    autumn2026: 欢迎秋季班同学！\n" + // 4
		"    spring2027:\n" + // 5
		"      - type: text\n" + // 6
		"        content: 欢迎春季班！\n" // 7
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := loadConfig(path, true)
	if err == nil {
		t.Fatal("a scene written as a list was accepted")
	}
	if want := "config.yaml:5:"; !strings.Contains(err.Error(), want) {
		t.Errorf("the error is not at the scene's line (%s):\n%v", want, err)
	}
}

// TestReplyWrittenAsListToldOnce: a rule's `reply:` followed by a list of
// replies (meant: `replies:`) is one mistake, told as two, the first untrue:
// `replies.rules[0] (t1): needs a reply or replies` beside
// `replies.rules[0].reply: needs a mapping (key: value lines), not a list`.
// The rule has a reply; the operator reading "needs a reply" looks for a
// missing line. So with any reply that does not decode: `reply: {type:
// articles, query: 申论, 真题}` is told `needs a reply or replies` beside
// `reply.真题: unknown key`.
func TestReplyWrittenAsListToldOnce(t *testing.T) {
	for _, rule := range []string{
		// reply: followed by a list (meant: replies:)
		"    - name: t1\n      keywords: [测试一]\n      reply:\n        - type: text\n          content: 你好\n",
		// a query with a comma in a flow map: 真题 read as a key of its own
		"    - name: t1\n      keywords: [测试一]\n      reply: {type: articles, query: 申论, 真题}\n",
	} {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, operatorRules(rule))
		_, err := loadConfig(cfg, true)
		if err == nil {
			t.Errorf("accepted:\n%s", rule)
			continue
		}
		if strings.Contains(err.Error(), "needs a reply or replies") {
			t.Errorf("a rule whose reply has a mistake is also told it has no reply:\n%s%v", rule, err)
		}
	}
}
