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
// school places and mortgage rates made one topic, 7× [怎么办 问题 …]),
// nor, in a large log, by a word in more than a fifth of its questions
// (a synthetic log on ten topics, each asked with 问题, was one topic).
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
	t.Run("a common word of a large log", func(t *testing.T) {
		var texts []string
		for _, topic := range []string{"养老金", "户口", "公积金", "学区房", "医保"} {
			for range 12 {
				texts = append(texts, fmt.Sprintf("%s 咨询 第%d个", topic, len(texts)))
			}
		}
		r := build(t, texts)
		if len(r.Unanswered) != 5 {
			t.Errorf("%d topics, want 5:", len(r.Unanswered))
			for _, topic := range r.Unanswered {
				t.Logf("%d× %v e.g. %s", topic.Count, topic.Terms, strings.Join(topic.Examples, " | "))
			}
		}
	})
}
