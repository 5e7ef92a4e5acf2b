package bot

import (
	"strings"
	"testing"
)

// replyText is what a follower sees of r: its text, or a card's title and
// link.
func replyText(r Reply) string {
	if r.Card != nil {
		return r.Card.Title + "\n" + r.Card.URL
	}
	return r.Text
}

// TestNumberedPartsOfThePrefaceTopic: numbered parts that ask about the
// topic named before them (关于两个确立，…：1.是什么 2.有什么意义) are the
// topic's questions, not questions of their own. Before the numbered questions the demo's
// liangge card answered it; now 是什么 is searched alone and the reply says
// nothing answers it (a re-check's find, a regression).
func TestNumberedPartsOfThePrefaceTopic(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	for _, c := range []struct{ text, want, wrong string }{
		{"老师，关于两个确立，我有两个问题：1.是什么 2.有什么意义", "mpbot-demo/liangge", ""},
	} {
		got := replyText(ask(c.text))
		if !strings.Contains(got, c.want) || strings.Contains(got, "没有找到相关文章") || c.wrong != "" && strings.Contains(got, c.wrong) {
			t.Errorf("%s: want the topic's article (%s), none said missing:\n%s", c.text, c.want, got)
		}
	}
}

// TestNumberedTopicListItems: a topic and its numbered aspects
// (新质生产力：（1）内涵（2）特征（3）怎么发展) get "第1个没有找到相关文章" and,
// for 怎么发展 searched alone, the article on 以人民为中心的发展思想 (before:
// no match; the follower expects the 新质生产力 article, nothing said
// missing).
func TestNumberedTopicListItems(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	text := "新质生产力：（1）内涵（2）特征（3）怎么发展"
	got := replyText(ask(text))
	if !strings.Contains(got, "mpbot-demo/xinzhi") || strings.Contains(got, "没有找到相关文章") || strings.Contains(got, "mpbot-demo/renmin") {
		t.Errorf("%s: want the topic's article, none said missing, no other topic's:\n%s", text, got)
	}
}

// TestNumberedStatementsAreNoQuestions: a follower telling their case in
// numbered points before asking (1. 我是乡镇公务员 2. 工作三年了 请问能报吗)
// has not asked 我是乡镇公务员: the reply heads it 问题1 over an article
// found for it (before: no match).
func TestNumberedStatementsAreNoQuestions(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	for text, told := range map[string]string{
		"我准备遴选，有几个情况：1. 我是乡镇公务员 2. 工作三年了 请问能报吗": "问题1：我是乡镇公务员",
		"我的情况：1.基层工作5年 2.想考遴选，请问怎么准备":           "问题1：基层工作5年",
	} {
		if got := replyText(ask(text)); strings.Contains(got, told) {
			t.Errorf("%s: a statement answered as a question:\n%s", text, got)
		}
	}
}

// TestNumberedQuestionsSharingTheirArticle: the second question's surest
// article is the first's (两个确立的决定性意义 is the liangge article's very
// title; 枫桥经验是哪一年提出的 alone gets the fengqiao card), yet the reply
// says no article was found for it.
func TestNumberedQuestionsSharingTheirArticle(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	for _, text := range []string{
		"第一，两个确立是什么；第二，两个确立的决定性意义是什么",
		"1.枫桥经验是什么 2.枫桥经验是哪一年提出的",
	} {
		if got := replyText(ask(text)); strings.Contains(got, "没有找到相关文章") {
			t.Errorf("%s: a question its article answers said unanswered:\n%s", text, got)
		}
	}
}

// TestNumberedQuestionsOverTheMost: six numbered questions; the reply says
// 你的5个问题 and the sixth (千万工程是什么, the card before the change) is
// neither answered nor named.
func TestNumberedQuestionsOverTheMost(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	text := "1.新质生产力是什么 2.枫桥经验是什么 3.浦江经验是什么 4.两个确立是什么 5.八八战略是什么 6.千万工程是什么"
	got := replyText(ask(text))
	if strings.HasPrefix(got, "你的5个问题") || !strings.Contains(got, "mpbot-demo/qianwan") && !strings.Contains(got, "6") {
		t.Errorf("six questions, counted as five, the sixth dropped unsaid:\n%s", got)
	}
}

// TestVoiceNumberedFirstIsSecondIs: numbered questions as they are said
// (第一个是…，第二个是…; 一是…，二是…) are not read as numbered: one list on
// the second topic, or no match.
func TestVoiceNumberedFirstIsSecondIs(t *testing.T) {
	b := newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps())
	for text, voice := range map[string]bool{
		"嗯，老师我有两个问题，第一个是新质生产力是什么，第二个是枫桥经验怎么理解。": true,
		"一是新质生产力怎么理解，二是枫桥经验是什么":                 false,
	} {
		ask := asker(t, b)
		if voice {
			ask = voiceAsker(t, b)
		}
		got := replyText(ask(text))
		if !strings.HasPrefix(got, "你的2个问题") || !strings.Contains(got, "mpbot-demo/xinzhi") || !strings.Contains(got, "mpbot-demo/fengqiao") {
			t.Errorf("%s: want each question's article:\n%s", text, got)
		}
	}
}

// TestNumberedItemsComparedInOneQuestion: two numbered items the message
// compares in one question after them are one question, not two.
// ①两个确立②两个维护有什么区别 now gets "第2个没有找到相关文章" (under the
// shipped config it got the liangge card before: TestNumberedInTheShippedConfig;
// this package's demo rules gave no match). （1）枫桥经验（2）浦江经验，这两个有
// 什么不同 lists, for 浦江经验, the liangge article (its 两个 matched 这两个;
// before: no match).
func TestNumberedItemsComparedInOneQuestion(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	for numberedText, plain := range map[string]string{
		"①两个确立②两个维护有什么区别":         "两个确立和两个维护有什么区别",
		"（1）枫桥经验（2）浦江经验，这两个有什么不同": "枫桥经验和浦江经验有什么区别",
	} {
		got, want := replyText(ask(numberedText)), replyText(ask(plain))
		if got != want || strings.Contains(got, "个没有找到相关文章") || strings.Contains(got, "mpbot-demo/liangge") && strings.Contains(plain, "枫桥") {
			t.Errorf("%s: want the reply %s gets:\n%s\ngot:\n%s", numberedText, plain, want, got)
		}
	}
}
