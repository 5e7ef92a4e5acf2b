package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestQuestionsOneByOneSomeUnanswered: questions asked one after another
// (each ending ？) where the message read whole finds nothing, one of them
// answered (红烧肉怎么做？新质生产力是什么？: a hostile run's find, no match
// for both), get what was found and which found nothing, as numbered
// questions do; none answered is no match, and a follow-up asked of the
// first keeps its card.
func TestQuestionsOneByOneSomeUnanswered(t *testing.T) {
	send := cardSender(t)
	n := 0
	for text, want := range map[string][]string{
		"红烧肉怎么做？新质生产力是什么？":     {"你的2个问题，第1个没有找到相关文章", "新质生产力：概念、特征与政策要点"},
		"枫桥经验是什么？红烧肉怎么做？":      {"你的2个问题，第2个没有找到相关文章", "新时代枫桥经验是什么"},
		"你是机器人吗？枫桥经验是什么？":      {"第1个没有找到相关文章", "新时代枫桥经验是什么"},
		"红烧肉怎么做？面试怎么准备？申论怎么写？": {"你的3个问题，第1个没有找到相关文章"},
		"红烧肉怎么做？火锅怎么做？":        {"没有找到相关文章。可以换个说法"},
		"枫桥经验是什么？怎么理解？":        {"[图文] 新时代枫桥经验是什么"},
		"千万工程是什么？面试会考吗？":       {"[图文] 千万工程"},
	} {
		n++
		out := send(fmt.Sprint("o_one_by_one_", n), "text", text)
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%q: want %q in:\n%s", text, w, out)
			}
		}
	}
	// The list's number opens the article found.
	from := "o_one_by_one_opened"
	send(from, "text", "红烧肉怎么做？新质生产力是什么？")
	if out := send(from, "text", "1"); !strings.Contains(out, "[图文] 新质生产力") {
		t.Errorf("1 after the list: want 新质生产力's card:\n%s", out)
	}
}
