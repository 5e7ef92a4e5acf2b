package main

import (
	"strings"
	"testing"
)

// A re-check's finds: close variants of 08843c3's words the shipped config
// did not take (each got the no-match reply, and for the stops the follower
// stayed subscribed), and the numbered questions' regressions.

// TestRecheckNumberedInTheShippedConfig: f80ac95's numbered questions under the
// shipped config on the demo articles.
//   - A follower's case told in numbered points is answered as questions:
//     问题1：我是乡镇公务员 over the 遴选笔试 article (before: no match).
//   - The topic named before its numbered aspects is dropped: 关于两个确立…
//     1.是什么 gets "第1个没有找到相关文章" (before: the liangge card).
//   - Two numbered items compared in one question (①两个确立②两个维护有什么
//     区别) are split: "第2个没有找到相关文章" (before: the liangge card).
//   - A question whose articles the questions before it took is said to have
//     none (枫桥经验和浦江经验有什么区别, answered alone).
func TestRecheckNumberedInTheShippedConfig(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_xx_num_a", "我准备遴选，有几个情况：1. 我是乡镇公务员 2. 工作三年了 请问能报吗"); strings.Contains(out, "问题1：我是乡镇公务员") {
		t.Errorf("a statement answered as a question:\n%s", out)
	}
	if out := say("o_xx_num_b", "老师，关于两个确立，我有两个问题：1.是什么 2.有什么意义"); strings.Contains(out, "没有找到") || !strings.Contains(out, "两个确立") {
		t.Errorf("the topic's questions: want its article, none said missing:\n%s", out)
	}
	// Two numbered items compared in one question (before: the liangge card).
	for i, text := range []string{"①两个确立②两个维护有什么区别", "我有两个疑问 ①两个确立 ②两个维护 的区别是什么"} {
		if out := say("o_xx_num_cmp_"+string(rune('a'+i)), text); strings.Contains(out, "没有找到") || !strings.Contains(out, "两个确立") {
			t.Errorf("%s: one question, want its article, none said missing:\n%s", text, out)
		}
	}
	alone := say("o_xx_num_c", "枫桥经验和浦江经验有什么区别")
	if strings.Contains(alone, "没有找到") {
		t.Fatalf("asked alone: %s", alone)
	}
	if out := say("o_xx_num_d", "1.枫桥经验是什么 2.浦江经验是什么 3.枫桥经验和浦江经验有什么区别"); strings.Contains(out, "没有找到") {
		t.Errorf("a question answered alone said unanswered among others:\n%s", out)
	}
}
