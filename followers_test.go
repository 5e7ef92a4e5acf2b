package main

import (
	"strings"
	"testing"
)

// TestFollowersWeatherAskedWithoutAQuestionWord: the weather asked the way
// followers type it, a place and a day beside 天气 with no 怎么样 or 预报
// after it, is what no article answers (rule outside), as
// 明天北京天气怎么样 is. On the corpus 明天北京天气 and 北京明天天气 got a card on
// 浙闽多举措应对台风 内蒙古等地出现强降雨天气 (2025-07-24), 上海天气 a card on
// 各地积极应对强降雨天气, and 今天天气 a list headed by 中东部雨雪冰冻天气持续.
func TestFollowersWeatherAskedWithoutAQuestionWord(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"明天北京天气", "北京明天天气", "上海天气", "今天天气", "北京今天天气。"} {
		if _, out, _ := try(text); !strings.Contains(out, "这个我答不了") {
			t.Errorf("try %q: want the outside reply (这个我答不了…):\n%s", text, out)
		}
	}
	// Still searched: the weather as a topic.
	for _, text := range []string{"极端天气", "今天的极端天气新闻", "高温天气", "雨雪天气", "沙尘天气", "最近极端天气"} {
		if _, out, _ := try(text); strings.Contains(out, "这个我答不了") {
			t.Errorf("try %q: the outside reply, want it searched:\n%s", text, out)
		}
	}
}
