package insights

import (
	"context"
	"slices"
	"testing"
	"time"

	"mpbot/store"
	"mpbot/store/storetest"
)

// TestAccountWordDoesNotChainTopics: on a 公务员遴选 study platform nearly
// every question holds 遴选, as nearly every question of a national account
// holds 中国. Five unanswered questions on five matters (政审材料, 体检标准,
// 考察谈话, 工资待遇, 原单位不放人) had been one topic, `7× [遴选 不放人 以后]`
// (an operator run's find): 遴选 is asked answered as often. A gap's own
// word, asked unanswered only (新质生产力), still joins its questions.
func TestAccountWordDoesNotChainTopics(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	dict := []string{"遴选", "政审", "需要", "准备", "什么", "材料", "体检", "标准", "考察", "谈话", "问", "以后", "工资", "待遇",
		"后", "原单位", "不放人", "怎么办", "考试", "笔试", "考", "新质生产力", "意义", "特征"}
	cut := dictCut(dict)
	unanswered := []string{"遴选政审需要准备什么材料", "遴选体检标准", "遴选考察谈话问什么", "遴选以后工资待遇", "遴选后原单位不放人怎么办",
		"新质生产力意义", "新质生产力特征"}
	var log []store.Query
	for i, text := range unanswered {
		log = append(log, store.Query{At: at, Follower: "f" + string(rune('a'+i)), Kind: "text", Text: text, Outcome: "no_match", Hits: "[]"})
	}
	for i, text := range []string{"遴选考试怎么准备", "遴选考试怎么准备", "遴选考试怎么准备", "遴选笔试考什么", "遴选笔试考什么", "遴选考试"} {
		log = append(log, store.Query{At: at, Follower: "g" + string(rune('a'+i)), Kind: "text", Text: text, Outcome: "card", Article: "exam",
			Hits: `[{"id":"exam","score":0.95}]`})
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: cut, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unanswered) != 6 {
		t.Errorf("five 遴选 matters and one 新质生产力 topic: want 6 topics, got %d: %+v", len(r.Unanswered), r.Unanswered)
	}
	if !slices.ContainsFunc(r.Unanswered, func(tp Topic) bool { return tp.Count == 2 && slices.Contains(tp.Terms, "新质生产力") }) {
		t.Errorf("新质生产力's two questions: want one topic, got %+v", r.Unanswered)
	}
}
