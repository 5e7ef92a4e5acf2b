package main

import (
	"strings"
	"testing"

	"mpbot/bot"
)

// A study-platform follower run's find (over the webhook, shipped config on
// the shared corpus): a follower closing a conversation with thanks and
// saying they will go and read (谢谢老师啊，我先去看看; by voice 好的谢谢老师，
// 我去看看。 and 嗯，好的，那我先看一下，谢谢啊。) got the no-match reply
// (没有找到相关文章。可以换个说法…), where 谢谢老师 and 感谢，学到了 get the
// thanks. It is the most common last message after a list or a card; told
// that nothing was found, the follower wonders what went wrong.
func TestThanksWithGoingToReadIsThanks(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	say := shippedSay(t, cfg)
	voice := shippedAsk(t, cfg, bot.KindVoice)
	for i, c := range []struct {
		text  string
		voice bool
	}{
		{"谢谢老师啊，我先去看看", false},
		{"谢谢，我先看看", false},
		{"好的谢谢老师，我去看看。", true},
		{"嗯，好的，那我先看一下，谢谢啊。", true},
		{"那个，谢谢老师啊，我先去看看。", true},
	} {
		from := "o_sp_thanks_" + string(rune('a'+i))
		out := ""
		if c.voice {
			out = voice(from, c.text)
		} else {
			out = say(from, c.text)
		}
		if strings.Contains(out, "没有找到相关文章") || strings.Contains(out, "→ http") || strings.Contains(out, "相关文章：") {
			t.Errorf("%q (voice %v): want the thanks, got:\n%s", c.text, c.voice, out)
		}
	}
}

// A study-platform follower run's find: asking what the daily reading is
// (请问每日一读是什么内容, 谢谢，请问每日一读是什么内容) got the no-match reply,
// where 每日一读是什么 gets today's reading; and 你们公众号叫什么 got no match
// where 你们这个公众号叫什么 gets the about reply. Both are the account asked
// about in everyday words, answered as "nothing found".
func TestAccountAskedInEverydayWords(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	for i, text := range []string{"每日一读是什么内容", "谢谢，请问每日一读是什么内容", "你们公众号叫什么"} {
		if out := say("o_sp_account_"+string(rune('a'+i)), text); strings.Contains(out, "没有找到相关文章") {
			t.Errorf("%q: the no-match reply:\n%s", text, out)
		}
	}
}

// A study-platform follower run's find (on the shared corpus): the exam
// rule (replies.rules exam) answers 遴选 and lingxuan — a misspelling, 遴 is
// lín — but not linxuan, the exam's pinyin as written: searched, linxuan got
// a card on national parks (国家公园空间布局方案发布 遴选出49个国家公园候选区) where
// 遴选 gets the exam's articles. On the demo articles it is another
// answer than 遴选's too.
func TestExamInItsOwnPinyin(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	want := say("o_sp_exam_a", "遴选")
	for i, text := range []string{"linxuan"} {
		if got := say("o_sp_exam_"+string(rune('b'+i)), text); got != want {
			t.Errorf("%q: got\n%s\nwhere 遴选 gets\n%s", text, got, want)
		}
	}
}
