package insights

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

// TestTopicsNotChainedByWaysOfAsking: questions are one topic by a word of
// what they ask about, not by a way of asking: 问题, 怎么办 and 政策 (an
// operator run's find: pensions, a household register, the housing fund,
// school places and mortgage rates made one topic, 7× [怎么办 问题 …]);
// a topic most of a log asks about stays one.
func TestTopicsNotChainedByWaysOfAsking(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	build := func(t *testing.T, texts []string) *Report {
		s := storetest.SQLite(t)
		ctx := context.Background()
		var log []store.Query
		for i, text := range texts {
			log = append(log, store.Query{At: at, Follower: fmt.Sprint("f", i), Kind: "text", Text: text, Outcome: "no_match", Hits: "[]"})
		}
		if err := s.RecordQueries(ctx, log); err != nil {
			t.Fatal(err)
		}
		r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	t.Run("generic words", func(t *testing.T) {
		r := build(t, []string{"养老金 上调 问题", "户口 迁移 问题", "公积金 提取 问题 怎么办", "孩子 上学 怎么办", "延迟退休 政策", "生育补贴 政策", "养老金 上调 多少"})
		if len(r.Unanswered) != 6 {
			t.Errorf("%d topics, want 6 (养老金's two questions one of them):", len(r.Unanswered))
			for _, topic := range r.Unanswered {
				t.Logf("%d× %v e.g. %s", topic.Count, topic.Terms, strings.Join(topic.Examples, " | "))
			}
		}
	})
	t.Run("a topic most of a large log asks", func(t *testing.T) {
		// 30 of 50 questions on 养老金 are one topic (a review's find: a
		// word in more than a fifth of a large log had linked none, and
		// the commonest topic was cut into 30).
		var texts []string
		for i := range 30 {
			texts = append(texts, fmt.Sprintf("养老金 细节%d", i))
		}
		for i := range 20 {
			texts = append(texts, fmt.Sprintf("话题%d 细节x%d", i, i))
		}
		r := build(t, texts)
		if len(r.Unanswered) == 0 || r.Unanswered[0].Count != 30 || len(r.Unanswered) != 21 {
			t.Errorf("%d topics, want 21, the first of 30 (养老金's)", len(r.Unanswered))
		}
	})
}
