package admin

// A second re-check's find: 92cf011 counted a mentions list
// in Day.List; the dashboard's 问题得到回答 is all but NoMatch and
// Unavailable, so a question whose only answer is a list of articles
// mentioning it (its topic listed under 未答) is now "answered". On the same
// conversation the dashboard said 14% at 9b5dc8d and 71% now.
import (
	"testing"

	"mpbot/insights"
)

func TestRecheck2AnsweredShareMentionsUnanswered(t *testing.T) {
	r := &insights.Report{Days: []insights.Day{{Day: "2026-12-08", Questions: 4, List: 4, Mentions: 4}}}
	if got := answered(r); got != "0%" {
		t.Errorf("4 questions, each only a list of articles mentioning its topic (unanswered, per the report): answered %s, want 0%%", got)
	}
}
