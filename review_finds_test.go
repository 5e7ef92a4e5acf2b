package main

// Finds of a review of the session of 2026-12-05 (15:59 UTC onward): each
// test's comment says what the code did before its fix.

import (
	"strings"
	"testing"
)

// TestReviewWeatherTopicWithADayIsSearched: the outside rule's new
// alternatives ((今天|…|这几天)的?\p{Han}{0,6}?的?天气 with no question after
// it) refuse a day beside a kind of weather, which is a news topic the
// corpus answers (寒潮, 暴雨, 高温 stories): before the change these were
// searched and got the weather's news (这几天的高温天气: 「高温天气」最新的文章;
// 本周的极端天气: none this week, then 极端天气's newest; 今天的暴雨天气: a
// card on 重庆四川等地积极应对暴雨天气). config.yaml's own comment says
// 极端天气 and 高温天气应对 are topics, searched.
func TestReviewWeatherTopicWithADayIsSearched(t *testing.T) {
	try := shippedTry(t, writeConfig(t, t.TempDir(), ""))
	for _, text := range []string{"这几天的高温天气", "本周的极端天气", "今天的暴雨天气", "这周的寒潮天气", "这几天的雨雪冰冻天气", "今天的极端天气"} {
		if _, out, _ := try(text); strings.Contains(out, "这个我答不了") {
			t.Errorf("try %q: the outside reply, want the weather news searched:\n%s", text, out)
		}
	}
}
