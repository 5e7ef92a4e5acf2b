package bot

import "testing"

// TestExamMaterialQuestionAnswered: a 申论 question as followers paste it
// from a mock exam, opening on the material and asking its topic twice,
// typed or said, gets the topic's card (no match: a follower run's
// leftover).
func TestExamMaterialQuestionAnswered(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	for _, q := range []string{
		`材料中提到的"枫桥经验"是什么？请谈谈如何坚持和发展枫桥经验？`,
		"枫桥经验是什么？请谈谈如何坚持和发展枫桥经验？",
		"材料中提到的枫桥经验是什么？请谈谈如何坚持和发展枫桥经验。", // said: recognition ends it in 。
		"根据给定资料，谈谈你对新质生产力的理解。",
	} {
		want := "https://example.com/mpbot-demo/fengqiao"
		if q == "根据给定资料，谈谈你对新质生产力的理解。" {
			want = "https://example.com/mpbot-demo/xinzhi"
		}
		if got := firstShown(ask(q)); got != want {
			t.Errorf("%s: %q first, want %s", q, got, want)
		}
	}
}
