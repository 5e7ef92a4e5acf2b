package insights

import (
	"context"
	"strings"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

// TestTopicsNotChainedBy中国: questions are one topic by a word they
// share, and the topics are chained through any word: 中国 (a word of half
// the questions a Chinese account gets, as 问题 and 怎么办 are of the ways
// of asking) made football and high-speed rail one topic. On the corpus
// (truth's run), four no-match questions of four followers:
//
//	4× from 4 followers  [中国 足球 高铁]  e.g. "中国足球什么时候能进世界杯", "中国高铁最高时速", "足球彩票怎么买"
//
// The operator reads one topic of four; there are two of two (足球, 高铁),
// and 高铁票怎么退 is not among the examples. Words as the segmenter cut them.
func TestTopicsNotChainedBy中国(t *testing.T) {
	r := reportOf(t, []string{"中国 足球 什么时候 能 进 世界杯", "足球 彩票 怎么 买", "中国 高铁 最高 时速", "高铁 票 怎么 退"})
	for _, topic := range r.Unanswered {
		joined := strings.Join(topic.Examples, " | ")
		if strings.Contains(joined, "足球") && strings.Contains(joined, "高铁") {
			t.Errorf("one topic %d× %v of football and high-speed rail, linked by 中国 alone: %s", topic.Count, topic.Terms, joined)
		}
	}
	if len(r.Unanswered) != 2 {
		t.Errorf("%d topics, want 2 (足球's two questions, 高铁's two)", len(r.Unanswered))
	}
}

// TestReportCountsWhoLeft: unfollows and opt-outs of the period are counted
// by follower (退订 sent three times is one), where the report had told
// them only beside a push's day (an operator run's find).
func TestReportCountsWhoLeft(t *testing.T) {
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t)
	ctx := context.Background()
	log := []store.Query{
		{At: at, Follower: "f1", Kind: "unsubscribe", Outcome: "unsubscribe"},
		{At: at, Follower: "f2", Kind: "unsubscribe", Outcome: "unsubscribe"},
		{At: at, Follower: "f3", Kind: "text", Text: "退订", Outcome: "opt_out"},
		{At: at, Follower: "f3", Kind: "text", Text: "退订。", Outcome: "opt_out"},
		{At: at, Follower: "f4", Kind: "click", Key: "UNSUBSCRIBE", Outcome: "opt_out"},
		{At: at, Follower: "f5", Kind: "text", Text: "枫桥经验", Outcome: "card"},
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Unfollowed != 2 || r.OptedOut != 2 {
		t.Fatalf("unfollowed %d, opted out %d; want 2 and 2", r.Unfollowed, r.OptedOut)
	}
}
