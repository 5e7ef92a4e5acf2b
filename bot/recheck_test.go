package bot

import (
	"strings"
	"testing"
	"time"

	"mpbot/content"
)

// meetingsWithNewestInText is meetingsOfTwoYears with 最新 in the text of
// a meeting before the newest (m5, 2026-07-31), as the corpus's has.
func meetingsWithNewestInText() []content.Article {
	arts := meetingsOfTwoYears()
	for i := range arts {
		if arts[i].ID == "m5" {
			arts[i].Summary = "2026年7月31日，国务院总理李强主持召开国务院常务会议，听取最新经济形势汇报，研究部署有关工作。"
		}
	}
	return arts
}

// TestNewestOfTheListIsNoAspect (a re-check run's find): after 国务院常务会议,
// 最新的那次 / 最近的那次 ask for the newest meeting; refinement (d34635e)
// had read 最新 as an aspect narrowing the question and searched
// "国务院常务会议 最新", whose first hit is an older meeting whose text holds
// 最新 (on the corpus: a card on the 2026-07-31 meeting, the newest being
// 2026-08-21's; before d34635e, no match).
func TestNewestOfTheListIsNoAspect(t *testing.T) {
	today := time.Date(2026, 12, 5, 9, 0, 0, 0, chinaTime)
	const newest = "https://example.com/m6"
	for _, text := range []string{"最新的那次", "最新的那次呢", "最近的那次", "最新那次"} {
		ask := asker(t, demoBotAt(t, catalogOf(meetingsWithNewestInText()), today))
		ask("国务院常务会议")
		r := ask(text)
		if got := firstShown(r); got != newest {
			t.Errorf("国务院常务会议, then %s: %s first, want the newest meeting %s:\n%.200s", text, got, newest, r.Text)
		}
	}
}

// TestTopicInTheFollowersOwnSentence (a re-check run's find): the topic
// said in the follower's own sentence with 最近 (我最近在看共同富裕，有没有文章)
// is what they ask for: with no newest asked (ownRecently), the text had
// been searched with 最近 in it: no match.
func TestTopicInTheFollowersOwnSentence(t *testing.T) {
	ask := asker(t, newDemoBot(t, catalogOf(prosperityArticles()), NewMemoryFollowUps()))
	// (最近在研究共同富裕，有什么素材吗 and 我最近在学习共同富裕，有没有文章 get
	// no match on this small catalog, before ownRecently too: 研究 and 学习
	// are words its articles lack.)
	for _, text := range []string{"我最近在看共同富裕，有没有文章"} {
		if r := ask(text); !strings.HasPrefix(firstShown(r), "https://example.com/gf") {
			t.Errorf("%s: %q first (%.80q), want a 共同富裕 article", text, firstShown(r), r.Text)
		}
	}
}
