package insights

import (
	"context"
	"strings"
	"testing"
	"time"

	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

// xy12 (an operator's first week, a 公务员遴选 study platform): followers
// asked 调研报告怎么写 and 遴选公文写作有哪些文种, both answered with the
// article 公文写作 (whose text names 调研报告). The report proposed
// `- [调研报告怎么写, 遴选公文写作有哪些文种]` for search.synonyms: two whole
// questions, not the terms they ask about (README: "each question as the
// term it asks about"; 怎么写, 怎么答, 有哪些 are ways of asking as
// 怎么理解 is), and, read as terms, 调研报告 and 公文写作 are both in the
// article, which README says is never proposed.
func TestSynonymsOfStudyQuestionsProposeTerms(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	if _, _, err := s.Upsert(ctx, content.Article{ID: "公文写作", Title: "公文写作：遴选考试中常考的五种文种",
		Body: "遴选笔试的公文写作题，常考通知、报告、请示、讲话稿和调研报告五种文种。"}); err != nil {
		t.Fatal(err)
	}
	dict := []string{"调研报告", "公文写作", "遴选", "怎么", "写", "有", "哪些", "文种"}
	cut := dictCut(dict)
	var log []store.Query
	for i, text := range []string{"调研报告怎么写", "调研报告怎么写", "遴选公文写作有哪些文种", "公文写作"} {
		log = append(log, store.Query{At: at, Follower: "f" + string(rune('a'+i)), Kind: "text", Text: text, Outcome: "card", Article: "公文写作",
			Hits: `[{"id":"公文写作","score":0.9}]`})
	}
	if err := s.RecordQueries(ctx, log); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, Source{Store: s, Votes: NewVotes(time.Now), Terms: cut, WeakScore: 0.6, Loc: time.UTC}, at.Add(-time.Hour), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, syn := range r.Synonyms {
		for _, term := range []string{syn.A, syn.B} {
			if strings.Contains(term, "怎么写") || strings.Contains(term, "有哪些") {
				t.Errorf("proposed %q as a synonym term (the question whole, not what it asks about): %+v", term, r.Synonyms)
			}
		}
	}
	if len(r.Synonyms) != 0 {
		t.Errorf("the article holds 调研报告 and 公文写作 both: want no proposal, got %+v", r.Synonyms)
	}
}
