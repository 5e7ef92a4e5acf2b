package main

import (
	"strings"
	"testing"
)

// A follower helper run's finds: with the shipped config, the
// demo's only 国常会 article (2026-06-14, no year in its title or text) is
// a sure card for any year asked of it, typed with the topic or as a
// follow-up after its card, where 2025年两会热词 and 2025年政府工作报告要点
// get the no-match reply (no demo article is of 2025).
func TestYearAskedOfTheMeetingIsNotItsOnlyArticle(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	const meeting = "→ https://example.com/mpbot-demo/guochanghui\n"
	for _, text := range []string{"2025年国常会防汛", "2024年国常会防汛", "2023年国常会防汛", "2025年的国常会防汛"} {
		if out := say("o_"+text, text); strings.Contains(out, meeting) {
			t.Errorf("%s: the 2026 meeting's card, sure, as that year's:\n%s", text, out)
		}
	}
	if out := say("o_follow", "国常会防汛"); !strings.Contains(out, meeting) {
		t.Fatalf("国常会防汛: not the meeting's card:\n%s", out)
	}
	for _, text := range []string{"2025年的呢", "2024年的呢"} {
		if out := say("o_follow", text); strings.Contains(out, meeting) {
			t.Errorf("%s after the 2026 meeting's card: the same card again:\n%s", text, out)
		}
	}
}

// The hit listed for a year it is not of carries its date, so the follower
// sees it is another year's (a re-check's find: the list said nothing).
func TestYearAskedListShowsTheDate(t *testing.T) {
	say := shippedSay(t, writeConfig(t, t.TempDir(), ""))
	if out := say("o_dated", "2025年国常会防汛"); !strings.Contains(out, "（2026-06-14）") {
		t.Errorf("2025年国常会防汛: the 2026 meeting listed without its date:\n%s", out)
	}
}
