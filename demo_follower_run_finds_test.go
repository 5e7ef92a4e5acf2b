package main

import (
	"strings"
	"testing"

	"mpbot/bot"
)

// A follower run (default install, demo articles, shipped config, through
// the webhook in safe mode; reproduced here with shippedSay, the bot serve
// runs). Each test names what a follower sent and what they got.

const demoRunNoMatch = "没有找到相关文章"

// A follower stopping the daily reading in everyday words got
// 「没有找到相关文章。可以换个说法……」 and stays subscribed, where the shipped
// lists hold the same words in another order (每日一读不想要了, 关闭推送,
// 不要再发了 unsubscribe).
func TestDemoRunOptOutInFollowersWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"我不想要每日一读了", "不要每日一读了", "每日一读不要了", "不想要每日一读", "关掉推送", "不用每天推送了"} {
		out := say("o_demorun_optout_"+string(rune('a'+i)), text)
		if !strings.Contains(out, "已退订") {
			t.Errorf("%q: want the reading stopped (已退订…), got:\n%s", text, out)
		}
	}
}

// The account's core study questions, asked with one ordinary word more
// than the phrasing the search knows, got no match although the demo
// article answering them is found for the shorter phrasing (遴选考试怎么准备:
// a list; 案例分析题有哪些答题框架: the 基层治理 card).
func TestDemoRunStudyQuestionsInMoreWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, c := range []struct{ text, want string }{
		{"遴选怎么备考", "linxuan"},
		{"遴选备考攻略", "linxuan"},
		{"遴选考试怎么复习比较好", "linxuan"},
		{"申论怎么写才能拿高分", "linxuan-bishi"},
		{"申论大作文怎么写", "linxuan-bishi"},
		{"遴选面试综合分析题怎么答才能得高分", "linxuan-mianshi"},
	} {
		out := say("o_demorun_study_"+string(rune('a'+i)), c.text)
		if strings.Contains(out, demoRunNoMatch) || !strings.Contains(out, c.want) {
			t.Errorf("%q: want an answer with %s, got:\n%s", c.text, c.want, out)
		}
	}
}

// A long voice message asking in one of its middle clauses (voice ends
// every message in 。, so the last sentence is no question): no match, where
// its clause 综合分析题应该怎么答 finds the interview article (a demo follower
// run's find). Its text twin, which may be a pasted article, is not split.
func TestDemoRunLongVoiceQuestionFindsItsArticle(t *testing.T) {
	const said = "嗯那个老师你好，就是我想问一下那个，就是那个遴选的面试啊，就是结构化面试那个，嗯，综合分析题应该怎么答才能得高分啊，我每次答都感觉没有逻辑，就是说不清楚，嗯，有没有什么好的方法或者文章推荐一下。"
	out := shippedAsk(t, writeConfig(t, t.TempDir(), ""), bot.KindVoice)("o_demorun_long", said)
	if strings.Contains(out, demoRunNoMatch) || !strings.Contains(out, "linxuan-mianshi") {
		t.Errorf("the long voice question: want the interview article, got:\n%s", out)
	}
}

// A voice message's filler 那个什么来着 ("what's it called") set apart by a
// comma: no match, where 嗯那个啥，枫桥经验。 gets the card.
func TestDemoRunVoiceFillerWhatsItCalled(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"那个什么来着，枫桥经验。", "那个就是那个什么来着，新质生产力是什么意思。"} {
		out := say("o_demorun_voice_"+string(rune('a'+i)), text)
		if strings.Contains(out, demoRunNoMatch) || !strings.Contains(out, "[图文]") {
			t.Errorf("%q: want the topic's card, got:\n%s", text, out)
		}
	}
}

// Two topics asked together: the header says no article treats both and
// promises each one's articles (以下分别是两者的文章), then lists one
// article, the very one each topic alone is answered with as a card
// (高质量发展 → 新质生产力's card; 乡村振兴 → 千万工程's, whose summary names
// 乡村全面振兴): the header contradicts the list under it.
func TestDemoRunTwoTopicsHeaderListsBoth(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"新质生产力和高质量发展的关系", "千万工程和乡村振兴有什么关系"} {
		out := say("o_demorun_two_"+string(rune('a'+i)), text)
		if strings.Contains(out, "分别是两者的文章") && strings.Count(out, "<a href=") < 2 {
			t.Errorf("%q: the header says both topics' articles follow, one is listed:\n%s", text, out)
		}
		if strings.Count(out, "<a href=") == 1 && !strings.Contains(out, "以下文章与两者都有关") {
			t.Errorf("%q: one article listed, not said to bear on both:\n%s", text, out)
		}
	}
}

// A year asked after a topic's list (政府工作报告, then 2025年的呢): the
// generic no-match reply (换个说法…), as if the topic were unknown, where a
// month asked so says 「…没有「国常会」的文章」 above the topic's newest.
func TestDemoRunYearFollowUpWithNoneSaysSo(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_demorun_year", "政府工作报告"); !strings.Contains(out, "gzbg2024") {
		t.Fatalf("政府工作报告: no list with the 2024 report:\n%s", out)
	}
	out := say("o_demorun_year", "2025年的呢")
	if !strings.Contains(out, "2025年没有「政府工作报告」的文章。") || !strings.Contains(out, "gzbg2024") {
		t.Errorf("2025年的呢 after 政府工作报告: want the reply to say 2025 has none, above the newest, got:\n%s", out)
	}
	// A year that has one gets it, not the line.
	if out := say("o_demorun_year", "2024年的呢"); strings.Contains(out, "没有") || !strings.Contains(out, "2024") {
		t.Errorf("2024年的呢 after it: want 2024's report, got:\n%s", out)
	}
}
