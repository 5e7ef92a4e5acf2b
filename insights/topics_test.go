package insights

import (
	"context"
	"fmt"
	"slices"
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

// TestTopicsNotChainedBy准备: the follower run's report on the
// corpus headed its unanswered topics with
//
//	8× from 6 followers  [遴选 准备 面试]  e.g. "公文写作", "公文写作怎么准备", "遴选好难啊"
//
// 公文写作 (asked three times, no article) shares no word with 遴选 or 面试:
// 公文写作怎么准备 and 遴选考试怎么准备 (a weak card) share 准备, the way an exam
// question is asked (怎么准备), as 怎么办 and 问题 are (TestTopicsNotChainedByWaysOfAsking).
// The operator reads the topic as 遴选/面试 and never sees 公文写作 as a term.
func TestTopicsNotChainedBy准备(t *testing.T) {
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t)
	ctx := context.Background()
	var log []store.Query
	for i, text := range []string{"公文写作", "公文写作 怎么 准备", "公文写作 怎么 准备", "遴选 考试 怎么 准备", "遴选 面试", "面试 技巧"} {
		log = append(log, store.Query{At: at, Follower: fmt.Sprint("f", i), Kind: "text", Text: text, Outcome: "no_match", Hits: "[]"})
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: words, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, topic := range r.Unanswered {
		if slices.Contains(topic.Examples, "公文写作") && (slices.Contains(topic.Terms, "遴选") || slices.Contains(topic.Terms, "面试")) {
			t.Errorf("公文写作 made one topic with 遴选 and 面试 by 准备: %d× %v e.g. %v", topic.Count, topic.Terms, topic.Examples)
		}
	}
}
