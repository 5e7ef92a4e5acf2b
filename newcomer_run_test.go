package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// A follower asking the account for help in everyday words other than the
// help rule's exact keywords gets 「没有找到相关文章……」 (replies.no_match),
// where the shipped help rule holds the same request in another order or
// with one word more or less (这个公众号怎么用 / 怎么用这个公众号, 有什么功能 /
// 有啥功能, 你能干啥 / 这个号能干嘛, 帮助 / 帮助一下, 使用说明 / 使用帮助).
// Found in a newcomer operator's run with `mpbot try` on the shipped config.
func TestNewcomerHelpAskedInOtherWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{
		"帮助一下", "求帮助", "需要帮助", "使用帮助", "查看帮助", "帮助信息",
		"怎么用这个公众号", "这个号能干嘛", "有啥功能", "功能菜单",
	} {
		out := say("o_newcomer_help_"+string(rune('a'+i)), text)
		if strings.Contains(out, demoRunNoMatch) || !strings.Contains(out, "我能帮你找") {
			t.Errorf("%q: want the help text (我能帮你找…), got:\n%s", text, out)
		}
	}
}

// The replies tell a follower 回复「帮助」 (the welcome and replies.no_match
// of the shipped config do, and so does this one), but no rule answers 帮助:
// the follower sending it gets replies.no_match, which tells them again to
// send 帮助 — the very circle check warns of for a topic example
// (例如「枫桥经验」), yet an instruction's 「…」 is not asked of the bot, and
// `mpbot check` says the file is ok without a warning. Met in a newcomer
// operator's run: a config.yaml saved half-way before `rules:` and then
// ended with a line break (as the reload's refusal advises) loaded with every
// rule gone; `check` said "ok", while 帮助, 每日一读 and 人工, each named by
// replies.no_match, got replies.no_match (人工: a list of articles on 人工智能).
func TestNewcomerCheckWarnsOfAnInstructionNoRuleAnswers(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), `replies:
  subscribe: 欢迎关注！回复「帮助」查看用法。
  default: 收到！
  no_match: 没有找到相关文章。回复「帮助」查看全部用法。
  rules:
    - name: hello
      keywords: [你好]
      reply: 你好！
`)
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	say := shippedSay(t, cfg)
	if out := say("o_newcomer_instr", "帮助"); !strings.Contains(out, "没有找到相关文章") {
		t.Skipf("帮助 is answered in this config (%q): nothing to warn of", out)
	}
	code, _, errOut := runCmd(t, "check", "--config", cfg)
	if !strings.Contains(errOut, "帮助") {
		t.Errorf("check (exit %d) does not warn that 「帮助」, which replies.no_match and replies.subscribe tell followers to send, gets replies.no_match; stderr:\n%s", code, errOut)
	}
}

// With no reading today and none before (a new account whose push.category
// has no article yet — here MPBOT_PUSH_CATEGORY names one the store lacks —,
// or the day's only reading removed), 每日一读 and 往期每日一读 send the
// follower to each other: 「今天还没有每日一读。回复「往期每日一读」看之前的…」, then
// 「还没有往期的每日一读。回复「每日一读」看今天的推荐阅读。」. The second reply
// should not offer today's reading it knows there is none of (the first
// already offers searching instead).
func TestNewcomerNoReadingRepliesDoNotSendEachOtherRound(t *testing.T) {
	t.Setenv("MPBOT_PUSH_CATEGORY", "考试")
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	today := say("o_newcomer_round", "每日一读")
	past := say("o_newcomer_round", "往期每日一读")
	if strings.Contains(today, "今天还没有每日一读") && strings.Contains(today, "往期每日一读") &&
		strings.Contains(past, "还没有往期") && strings.Contains(past, "回复「每日一读」") {
		t.Errorf("每日一读 and 往期每日一读 send the follower round, neither having a reading:\n每日一读 → %s\n往期每日一读 → %s", today, past)
	}
}

// TestCutShortNamesTheServedRest: the shipped file cut inside a line
// (no_list's, with some 250 lines after it) is refused naming the rest of
// the served line and how many lines follow, and asks for the whole file
// again: the advice to end it with a line break, followed, had applied it
// with every rule gone (a newcomer operator's run).
func TestCutShortNamesTheServedRest(t *testing.T) {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(string(shipped), "现在没有待选的文章列表")
	if at < 0 {
		t.Fatal("no no_list line in config.yaml")
	}
	edited := shipped[:at+len("现在没有待选的文章列表")]
	err = cutShort(&Config{text: shipped}, &Config{source: "config.yaml", text: edited})
	if err == nil || !strings.Contains(err.Error(), "the served file's line goes on with") || !strings.Contains(err.Error(), "more lines follow it") ||
		!strings.Contains(err.Error(), "save the whole file again") || strings.Contains(err.Error(), "if it is whole") {
		t.Fatalf("the shipped file cut inside no_list's line: %v", err)
	}
}

// TestPushRehearsalsWarnOfNoSecret: in a sending mode without an
// AppSecret, push --dry-run and push status say the push will fail (a
// newcomer operator's run: both counted the followers it would reach and
// named the time it would send; the push then failed with "cannot send
// here").
func TestPushRehearsalsWarnOfNoSecret(t *testing.T) {
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	cfg := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", cfg, "你好") // the store, as serve makes it
	const warning = "warning: push.mode customer sends through WeChat's API, which needs wechat.app_secret"
	if code, out, errOut := runCmd(t, "push", "--dry-run", "--config", cfg); code != 0 || !strings.Contains(errOut, warning) {
		t.Errorf("push --dry-run: exit %d, no warning of the missing secret:\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "push", "status", "--config", cfg); code != 0 || !strings.Contains(out, warning) {
		t.Errorf("push status: exit %d, no warning of the missing secret:\n%s%s", code, out, errOut)
	}
}

// TestPushStatusOfADayBeforeTheFirstPush: a day before any push the store
// holds is not called missed, nor is sending it advised (a newcomer
// operator's run: push status told to run `mpbot push --date` for days
// before the store existed, which report did not count as missed).
func TestPushStatusOfADayBeforeTheFirstPush(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", cfg, "你好") // the store, as serve makes it
	past := time.Now().AddDate(0, 0, -3).Format(content.DateLayout)
	_, out, errOut := runCmd(t, "push", "status", "--config", cfg, "--date", past)
	if strings.Contains(out, "missed:") || strings.Contains(out, "mpbot push --date") || !strings.Contains(out, "before this store's first push (it holds none yet)") {
		t.Errorf("status of a day before any push:\n%s%s", out, errOut)
	}
}
